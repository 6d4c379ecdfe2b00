import { Alert, Button, Checkbox, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { Limits } from '@civicgrid/contracts';
import { graphql } from '../../../gql';
import type { EditableTaskFragment } from '../../../gql/graphql';
import { useFormErrors } from '../../../lib/errors';
import { RegionCascader, regionPath } from '../../../lib/regions';
import { SKILLS, TASK_CATEGORIES, useLabels } from '../../../lib/catalog';
import { useUpdateTaskMutation } from '../api/update-task';
import { MINIMUM_AGE_MAX, minimumAgeProblem } from './shift-rules';

/** The details a coordinator may change after creating a task; the manage page and the edit's answer share it. */
export const EditableTaskFragmentDoc = graphql(`
  fragment EditableTask on Task {
    title
    description
    category
    requiredSkills
    skillsMandatory
    minimumAge
    requiresApproval
    requiresCheckInCode
    region {
      id
      name
      nameEn
      parent {
        id
        parent {
          id
          parent {
            id
          }
        }
      }
    }
  }
`);

interface Values {
  title: string;
  category: string;
  description?: string;
  region: string[];
  requiredSkills: string[];
  skillsMandatory: boolean;
  minimumAge?: number | null;
  requiresApproval: boolean;
  requiresCheckInCode: boolean;
}

/** "Edit details": every detail of a task, pre-filled; saved as one change (claimants keep their places). */
export function EditTaskForm({ task, onDone }: { task: EditableTaskFragment & { id: string }; onDone(): void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [form] = Form.useForm<Values>();
  const [update, { loading }] = useUpdateTaskMutation();
  const { formError, showError, clearError } = useFormErrors(form, ['title', 'category', 'description', 'region', 'requiredSkills', 'skillsMandatory', 'minimumAge', 'requiresApproval', 'requiresCheckInCode'], {
    aliases: { regionId: 'region' },
  });

  const onFinish = async (v: Values) => {
    clearError();
    try {
      await update({
        variables: {
          input: {
            id: task.id,
            title: v.title.trim(),
            category: v.category,
            // An emptied description or age limit is cleared.
            description: v.description?.trim() || null,
            regionId: v.region[v.region.length - 1],
            requiredSkills: v.requiredSkills ?? [],
            skillsMandatory: v.skillsMandatory,
            minimumAge: v.minimumAge ?? null,
            requiresApproval: v.requiresApproval,
            requiresCheckInCode: v.requiresCheckInCode,
          },
        },
      });
      onDone();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Form
      form={form}
      name={`edit-task-${task.id}`}
      layout="vertical"
      requiredMark={false}
      onFinish={onFinish}
      className="task-form"
      scrollToFirstError
      initialValues={{
        title: task.title,
        category: task.category,
        description: task.description ?? '',
        region: regionPath(task.region),
        requiredSkills: [...task.requiredSkills],
        skillsMandatory: task.skillsMandatory,
        minimumAge: task.minimumAge,
        requiresApproval: task.requiresApproval,
        requiresCheckInCode: task.requiresCheckInCode,
      }}
    >
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
        <RegionCascader anyLevel allowClear={false} />
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
      {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
      <div className="button-row">
        <Button type="primary" htmlType="submit" loading={loading}>
          {t('editTask.save')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </div>
    </Form>
  );
}
