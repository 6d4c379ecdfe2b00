import { Checkbox, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { Limits } from '@civicgrid/contracts';
import { RegionCascader } from '../../../lib/regions';
import { SKILLS, TASK_CATEGORIES, useLabels } from '../../../lib/catalog';
import { MINIMUM_AGE_MAX, minimumAgeProblem } from './shift-rules';

/**
 * A task's details and prerequisites as form fields (title, category, region,
 * description, skills, minimum age, approval, check-in code): the create-task and
 * edit-task forms both use them, inside their own <Form>.
 */
export function TaskDetailsFields({ regionClearable = true }: { regionClearable?: boolean }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <>
      <Form.Item
        name="title"
        label={t('createTask.taskTitle')}
        rules={[
          { required: true, whitespace: true, message: t('createTask.titleRequired') },
          { max: Limits.taskTitleMaxLength, message: t('validation.maxLength', { max: Limits.taskTitleMaxLength }) },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="category" label={t('createTask.category')} rules={[{ required: true, message: t('createTask.categoryRequired') }]}>
        <Select options={TASK_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))} />
      </Form.Item>
      <Form.Item name="region" label={t('createTask.region')} rules={[{ required: true, type: 'array', min: 1, message: t('createTask.regionRequired') }]}>
        <RegionCascader anyLevel allowClear={regionClearable} />
      </Form.Item>
      <Form.Item name="description" label={t('createTask.description')} extra={t('createTask.descriptionHint')} rules={[{ max: Limits.descriptionMaxLength, message: t('validation.maxLength', { max: Limits.descriptionMaxLength }) }]}>
        <Input.TextArea rows={4} />
      </Form.Item>
      <Form.Item name="requiredSkills" label={t('createTask.skills')}>
        <Select mode="tags" options={SKILLS.map((s) => ({ value: s, label: labels.skill(s) }))} />
      </Form.Item>
      <Form.Item name="skillsMandatory" valuePropName="checked" className="check-item" extra={t('createTask.skillsMandatoryHint')}>
        <Checkbox>{t('createTask.skillsMandatory')}</Checkbox>
      </Form.Item>
      <Form.Item
        name="minimumAge"
        label={t('createTask.minimumAge')}
        extra={t('createTask.minimumAgeHint')}
        rules={[{ validator: (_, v: number | null | undefined) => (minimumAgeProblem(v) ? Promise.reject(new Error(t('createTask.minimumAgeRange', { max: MINIMUM_AGE_MAX }))) : Promise.resolve()) }]}
      >
        <InputNumber style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="requiresApproval" valuePropName="checked" className="check-item">
        <Checkbox>{t('createTask.requiresApproval')}</Checkbox>
      </Form.Item>
      <Form.Item name="requiresCheckInCode" valuePropName="checked" className="check-item">
        <Checkbox>{t('createTask.requiresCheckInCode')}</Checkbox>
      </Form.Item>
    </>
  );
}
