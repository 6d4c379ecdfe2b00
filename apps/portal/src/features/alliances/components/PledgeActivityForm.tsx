import { Alert, Button, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../lib/catalog';
import type { Dayjs } from 'dayjs';
import { useFormErrors } from '../../../lib/errors';
import { dayjs, getTimeZone } from '../../../lib/time';
import { useRecordPledgeActivityMutation } from '../api/record-pledge-activity';

export interface ActiveMember {
  id: string;
  organizationName: string;
  pledges: readonly string[];
}

interface Values {
  member: string;
  pledge: string;
  note?: string;
  quantity?: number | null;
  unit?: string;
  occurredAt?: Dayjs | null;
}

export const NOTE_MAX = 1000;
export const UNIT_MAX = 20;
const PICKER_FORMAT = 'YYYY-MM-DD HH:mm';

/** A quantity needs its unit and a unit its quantity ("12 kg", not "12" or "kg"). */
export function quantityProblem(quantity: number | null | undefined, unit: string | undefined): 'quantity' | 'unit' | null {
  const hasQ = quantity !== null && quantity !== undefined;
  const hasU = Boolean(unit?.trim());
  if (hasQ && (!Number.isFinite(quantity) || quantity! < 0)) return 'quantity';
  if (hasQ && !hasU) return 'unit';
  if (hasU && !hasQ) return 'quantity';
  return null;
}

/** An active member's admin records what it did for a pledge: which pledge, what, how much, when. */
export function PledgeActivityForm({ members, onSaved }: { members: ActiveMember[]; onSaved?: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [form] = Form.useForm<Values>();
  const [record, { loading }] = useRecordPledgeActivityMutation();
  const { formError, showError, clearError } = useFormErrors(form, ['member', 'pledge', 'note', 'quantity', 'unit', 'occurredAt'], { aliases: { allianceMemberId: 'member' } });
  const memberId = Form.useWatch('member', form) ?? members[0]?.id;
  const pledges = members.find((m) => m.id === memberId)?.pledges ?? [];
  return (
    <Form
      form={form}
      name="pledge-activity"
      layout="vertical"
      requiredMark={false}
      initialValues={{ member: members[0]?.id, pledge: members[0]?.pledges[0] }}
      onValuesChange={(changed: Partial<Values>) => {
        if (changed.member) form.setFieldValue('pledge', members.find((m) => m.id === changed.member)?.pledges[0]);
      }}
      onFinish={async (v) => {
        clearError();
        try {
          await record({
            variables: {
              input: {
                allianceMemberId: v.member,
                pledge: v.pledge,
                note: v.note?.trim() || undefined,
                quantity: v.quantity ?? undefined,
                unit: v.unit?.trim() || undefined,
                occurredAt: v.occurredAt ? dayjs.tz(v.occurredAt.format('YYYY-MM-DDTHH:mm'), getTimeZone()).toISOString() : undefined,
              },
            },
          });
          form.resetFields(['note', 'quantity', 'unit', 'occurredAt']);
          onSaved?.();
        } catch (e) {
          showError(e);
        }
      }}
    >
      {members.length > 1 ? (
        <Form.Item name="member" label={t('alliance.activityAs')}>
          <Select options={members.map((m) => ({ value: m.id, label: m.organizationName }))} />
        </Form.Item>
      ) : (
        <Form.Item name="member" hidden>
          <Input />
        </Form.Item>
      )}
      <Form.Item name="pledge" label={t('alliance.pledge')} rules={[{ required: true, message: t('alliance.pledgeRequired') }]}>
        <Select options={pledges.map((p) => ({ value: p, label: labels.pledge(p) }))} />
      </Form.Item>
      <Form.Item name="note" label={t('alliance.note')} rules={[{ max: NOTE_MAX, message: t('validation.maxLength', { max: NOTE_MAX }) }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <div className="inline-fields">
        <Form.Item
          name="quantity"
          label={t('alliance.quantity')}
          dependencies={['unit']}
          rules={[
            {
              validator: (_, q: number | null | undefined) =>
                quantityProblem(q, form.getFieldValue('unit')) === 'quantity' ? Promise.reject(new Error(t('alliance.quantityRequired'))) : Promise.resolve(),
            },
          ]}
        >
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="unit"
          label={t('alliance.unit')}
          extra={t('alliance.unitHint')}
          dependencies={['quantity']}
          rules={[
            { max: UNIT_MAX, message: t('validation.maxLength', { max: UNIT_MAX }) },
            {
              validator: (_, u: string | undefined) =>
                quantityProblem(form.getFieldValue('quantity'), u) === 'unit' ? Promise.reject(new Error(t('alliance.unitRequired'))) : Promise.resolve(),
            },
          ]}
        >
          <Input />
        </Form.Item>
      </div>
      <Form.Item
        name="occurredAt"
        label={t('alliance.occurredAt')}
        extra={t('alliance.occurredAtHint')}
        rules={[{ validator: (_, d: Dayjs | null | undefined) => (d && d.valueOf() > Date.now() ? Promise.reject(new Error(t('alliance.occurredInFuture'))) : Promise.resolve()) }]}
      >
        <DatePicker showTime={{ format: 'HH:mm' }} needConfirm={false} format={PICKER_FORMAT} style={{ width: '100%' }} placeholder={PICKER_FORMAT} />
      </Form.Item>
      {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
      <Button htmlType="submit" loading={loading}>
        {t('alliance.recordSubmit')}
      </Button>
    </Form>
  );
}
