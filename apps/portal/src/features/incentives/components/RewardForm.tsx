import { Alert, Button, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RewardCardFieldsFragment } from '../../../gql/graphql';
import { useDisplayName } from '../../../lib/i18n';
import { dayjs, getTimeZone, inZone } from '../../../lib/time';
import { useCreateRewardMutation, useUpdateRewardMutation } from '../api/manage-rewards';
import { useIncentiveFormErrors } from '../hooks/errors';

export interface RewardValues {
  allianceId?: string;
  title: string;
  description?: string;
  pointsCost: number;
  stock: number;
  /** YYYY-MM-DD in the user's zone: valid to the end of that day. */
  validUntil?: string;
}

const FIELDS = ['allianceId', 'title', 'description', 'pointsCost', 'stock', 'validUntil'] as const;

/** The end of a calendar day in the user's zone, as the API's instant. */
function endOfDay(day: string | undefined): string | null {
  return day ? dayjs.tz(`${day} 23:59:59`, getTimeZone()).toISOString() : null;
}

/**
 * A new reward (choosing one of the alliances the merchant is an ACTIVE member of), or
 * changes to one (`reward`): title, description, points, places, last valid day.
 */
export function RewardForm({ orgId, alliances, reward, onDone }: { orgId: string; alliances: readonly { id: string; name: string; nameEn?: string | null }[]; reward?: RewardCardFieldsFragment; onDone(message: string): void }) {
  const { t } = useTranslation();
  const show = useDisplayName();
  const [form] = Form.useForm<RewardValues>();
  const [create, creating] = useCreateRewardMutation();
  const [update, updating] = useUpdateRewardMutation();
  const { formError, showError, clearError } = useIncentiveFormErrors(form, FIELDS, { organizationId: 'allianceId' });
  const editing = !!reward;

  const onFinish = async (v: RewardValues) => {
    clearError();
    const common = { title: v.title.trim(), description: v.description?.trim() || null, pointsCost: v.pointsCost, stock: v.stock, validUntil: endOfDay(v.validUntil) };
    try {
      if (reward) {
        await update({ variables: { input: { rewardId: reward.id, ...common } } });
        onDone(t('incentives.manage.saved', { title: common.title }));
      } else {
        await create({ variables: { input: { organizationId: orgId, allianceId: v.allianceId!, ...common } } });
        form.resetFields();
        onDone(t('incentives.manage.created', { title: common.title }));
      }
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Form
      form={form}
      name={editing ? `edit-reward-${reward.id}` : 'create-reward'}
      layout="vertical"
      requiredMark={false}
      onFinish={onFinish}
      initialValues={
        reward
          ? { title: reward.title, description: reward.description ?? undefined, pointsCost: reward.pointsCost, stock: reward.stock, validUntil: reward.validUntil ? inZone(reward.validUntil).format('YYYY-MM-DD') : undefined }
          : { allianceId: alliances.length === 1 ? alliances[0].id : undefined }
      }
    >
      {editing ? null : (
        <Form.Item name="allianceId" label={t('incentives.manage.alliance')} rules={[{ required: true, message: t('incentives.manage.allianceRequired') }]}>
          <Select options={alliances.map((a) => ({ value: a.id, label: show(a) }))} />
        </Form.Item>
      )}
      <Form.Item name="title" label={t('incentives.manage.rewardTitle')} rules={[{ required: true, whitespace: true, message: t('incentives.manage.titleRequired') }, { max: 80, message: t('validation.maxLength', { max: 80 }) }]}>
        <Input />
      </Form.Item>
      <Form.Item name="description" label={t('incentives.manage.description')} rules={[{ max: 500, message: t('validation.maxLength', { max: 500 }) }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <div className="inline-fields">
        <Form.Item name="pointsCost" label={t('incentives.manage.pointsCost')} rules={[{ required: true, message: t('incentives.manage.pointsRequired') }]}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="stock" label={t('incentives.manage.stock')} rules={[{ required: true, message: t('incentives.manage.stockRequired') }]}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="validUntil" label={t('incentives.manage.validUntil')} extra={t('incentives.manage.validUntilHint')}>
          <Input type="date" />
        </Form.Item>
      </div>
      {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
      <Button type="primary" htmlType="submit" loading={creating.loading || updating.loading}>
        {editing ? t('incentives.manage.save') : t('incentives.manage.create')}
      </Button>
    </Form>
  );
}
