import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { Limits } from '@civicgrid/contracts';
import { useLabels } from '../../../lib/catalog';
import type { Dayjs } from 'dayjs';
import { useFormErrors } from '../../../lib/errors';
import { dayjs, getTimeZone } from '../../../lib/time';
import { useRecordPledgeActivityMutation } from '../api/record-pledge-activity';
import { useUpdatePledgeActivityMutation } from '../api/update-pledge-activity';
import type { PledgeUnit } from '../../../gql/graphql';
import { isWholeUnit, usePledgeUnits } from '../hooks/use-pledge-units';

export interface ActiveMember {
  id: string;
  organizationName: string;
  pledges: readonly string[];
}

/** A record being corrected: what it says now, and the pledges of its member. */
export interface RecordedActivity {
  id: string;
  pledge: string;
  note?: string | null;
  quantity?: number | null;
  unit?: string | null;
  occurredAt: string;
  memberPledges: readonly string[];
}

/** Each pledge's units (from `Alliance.pledgeOptionUnits`), the usual one first. */
export type UnitsOfPledge = Readonly<Record<string, readonly string[]>>;

interface Values {
  member: string;
  pledge: string;
  note?: string;
  quantity?: number | null;
  unit?: string;
  occurredAt?: Dayjs | null;
}

export const NOTE_MAX = Limits.pledgeNoteMaxLength;
const PICKER_FORMAT = 'YYYY-MM-DD HH:mm';

/** What is wrong with a quantity in a unit, as the API would say: missing, not above zero, or a fraction of a counted unit. */
export function quantityProblem(quantity: number | null | undefined, unit: string | null | undefined): 'required' | 'positive' | 'whole' | null {
  if (quantity === null || quantity === undefined) return 'required';
  if (!Number.isFinite(quantity) || quantity <= 0) return 'positive';
  if (isWholeUnit(unit) && !Number.isInteger(quantity)) return 'whole';
  return null;
}
const QUANTITY_MESSAGE = { required: 'alliance.quantityRequired', positive: 'alliance.quantityPositive', whole: 'alliance.quantityWhole' } as const;

const toIso = (d: Dayjs) => dayjs.tz(d.format('YYYY-MM-DDTHH:mm'), getTimeZone()).toISOString();

/**
 * An active member's admin records what it did for a pledge: which pledge, how much in
 * one of the pledge's units, what, when. With `activity`, the same form corrects a record.
 */
export function PledgeActivityForm({
  members = [],
  unitsOf,
  activity,
  onSaved,
  onCancel,
}: {
  members?: ActiveMember[];
  unitsOf: UnitsOfPledge;
  activity?: RecordedActivity;
  onSaved?: (what: string) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const units = usePledgeUnits();
  const [form] = Form.useForm<Values>();
  const [record, recording] = useRecordPledgeActivityMutation();
  const [update, updating] = useUpdatePledgeActivityMutation();
  const [saved, setSaved] = useState<string | null>(null);
  const { formError, showError, clearError } = useFormErrors(form, ['member', 'pledge', 'note', 'quantity', 'unit', 'occurredAt'], { aliases: { allianceMemberId: 'member' } });
  const memberId = Form.useWatch('member', form) ?? members[0]?.id;
  const pledges = activity ? activity.memberPledges : (members.find((m) => m.id === memberId)?.pledges ?? []);
  const firstPledge = activity?.pledge ?? members[0]?.pledges[0];
  const pledge = Form.useWatch('pledge', form) ?? firstPledge;
  const unitOptions = (pledge && unitsOf[pledge]) || [];
  const idPrefix = activity ? `pledge-activity-${activity.id}` : 'pledge-activity';

  const submit = async (v: Values) => {
    clearError();
    setSaved(null);
    const facts = { pledge: v.pledge, note: v.note?.trim() ?? '', quantity: v.quantity ?? undefined, unit: v.unit || undefined };
    try {
      if (activity) {
        await update({ variables: { input: { pledgeActivityId: activity.id, ...facts, unit: facts.unit as PledgeUnit | undefined, occurredAt: v.occurredAt ? toIso(v.occurredAt) : undefined } } });
      } else {
        await record({
          variables: {
            input: { allianceMemberId: v.member, ...facts, note: facts.note || undefined, occurredAt: v.occurredAt ? toIso(v.occurredAt) : undefined },
          },
        });
        form.resetFields(['note', 'quantity', 'occurredAt']);
      }
      const what = units.what(v.pledge, v.quantity, v.unit);
      if (!activity) setSaved(what);
      onSaved?.(what);
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Form
      form={form}
      name={idPrefix}
      layout="vertical"
      requiredMark={false}
      initialValues={
        activity
          ? { pledge: activity.pledge, note: activity.note ?? '', quantity: activity.quantity, unit: activity.unit ?? unitsOf[activity.pledge]?.[0], occurredAt: dayjs(activity.occurredAt).tz(getTimeZone()) }
          : { member: members[0]?.id, pledge: firstPledge, unit: firstPledge ? unitsOf[firstPledge]?.[0] : undefined }
      }
      onValuesChange={(changed: Partial<Values>) => {
        setSaved(null);
        if (changed.member) {
          const p = members.find((m) => m.id === changed.member)?.pledges[0];
          form.setFieldsValue({ pledge: p, unit: p ? unitsOf[p]?.[0] : undefined });
        } else if (changed.pledge) {
          form.setFieldValue('unit', unitsOf[changed.pledge]?.[0]);
        }
      }}
      onFinish={(v) => void submit(v)}
    >
      {activity ? null : members.length > 1 ? (
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
      <div className="inline-fields">
        <Form.Item
          name="quantity"
          label={t('alliance.quantity')}
          dependencies={['unit']}
          rules={[
            {
              validator: (_, q: number | null | undefined) => {
                const problem = quantityProblem(q, form.getFieldValue('unit'));
                return problem ? Promise.reject(new Error(t(QUANTITY_MESSAGE[problem]))) : Promise.resolve();
              },
            },
          ]}
        >
          <InputNumber min={0} max={Limits.pledgeQuantityMax} inputMode="decimal" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="unit" label={t('alliance.unit')} rules={[{ required: true, message: t('alliance.unitChoose') }]}>
          <Select options={unitOptions.map((u) => ({ value: u, label: units.name(u) }))} />
        </Form.Item>
      </div>
      <Form.Item name="note" label={t('alliance.note')} rules={[{ max: NOTE_MAX, message: t('validation.maxLength', { max: NOTE_MAX }) }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item
        name="occurredAt"
        label={t('alliance.occurredAt')}
        extra={activity ? undefined : t('alliance.occurredAtHint')}
        rules={[{ validator: (_, d: Dayjs | null | undefined) => (d && d.valueOf() > Date.now() ? Promise.reject(new Error(t('alliance.occurredInFuture'))) : Promise.resolve()) }]}
      >
        <DatePicker showTime={{ format: 'HH:mm' }} needConfirm={false} format={PICKER_FORMAT} style={{ width: '100%' }} placeholder={PICKER_FORMAT} />
      </Form.Item>
      {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
      <div aria-live="polite">{saved ? <Alert type="success" showIcon title={t('alliance.recorded', { what: saved })} className="form-alert" /> : null}</div>
      <div className="button-row">
        <Button htmlType="submit" type={activity ? 'primary' : undefined} loading={recording.loading || updating.loading}>
          {activity ? t('alliance.editSubmit') : t('alliance.recordSubmit')}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{t('common.cancel')}</Button> : null}
      </div>
    </Form>
  );
}
