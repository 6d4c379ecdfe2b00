import { useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiErrors, useFormErrors } from '../../../lib/errors';
import { useDisplayName } from '../../../lib/i18n';
import { ConfirmIrreversible } from '../../../lib/ui';
import type { BudgetFieldsFragment, IssueIncentiveMutation } from '../../../gql/graphql';
import { useIncentiveOrganizations, useIncentivePerson } from '../api/find-recipient';
import { useIssueIncentiveMutation } from '../api/issue-incentive';
import { useIdempotencyKey } from './idempotency';

type RecipientKind = 'PERSON' | 'ORGANIZATION';

interface Values {
  kind: RecipientKind;
  phone?: string;
  organizationId?: string;
  points: number | null;
  reason: string;
}

const FIELDS = ['phone', 'organizationId', 'points', 'reason'] as const;

/**
 * An official of the office awards points to a person (found by phone) or an organisation.
 * Above the office's threshold the award waits for a second official, which the form says
 * before it is sent.
 */
export function IssueIncentiveForm({ budget }: { budget: BudgetFieldsFragment }) {
  const { t } = useTranslation();
  const show = useDisplayName();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'PERSON';
  const points = Form.useWatch('points', form);
  const organizationId = Form.useWatch('organizationId', form);
  const [search, setSearch] = useState('');
  const orgs = useIncentiveOrganizations(search, kind !== 'ORGANIZATION');
  const [findPerson, found] = useIncentivePerson();
  const [person, setPerson] = useState<{ id: string; displayName: string } | null>(null);
  const [issue] = useIssueIncentiveMutation();
  const [result, setResult] = useState<IssueIncentiveMutation['issueIncentive'] | null>(null);
  const { keyFor, succeeded } = useIdempotencyKey();
  const { formError, showError, clearError } = useFormErrors(form, FIELDS, { aliases: { recipientUserId: 'phone', recipientOrganizationId: 'organizationId' } });
  const [notEnough, setNotEnough] = useState(false);
  const id = budget.organization.id;
  const orgOptions = (orgs.data?.organizations.edges ?? []).map(({ node }) => ({ value: node.id, label: show(node) }));
  const orgName = orgOptions.find((o) => o.value === organizationId)?.label;
  const recipientName = kind === 'PERSON' ? person?.displayName : orgName;
  const aboveThreshold = typeof points === 'number' && points > budget.approvalThreshold;

  const lookUp = async () => {
    setPerson(null);
    try {
      await form.validateFields(['phone']);
    } catch {
      return;
    }
    try {
      const r = await findPerson({ variables: { phone: String(form.getFieldValue('phone')).trim() } });
      const user = r.data?.userByPhone;
      if (!user) form.setFields([{ name: 'phone', errors: [t('budgets.issue.personNotFound')] }]);
      else setPerson(user);
    } catch (e) {
      showError(e);
    }
  };

  const submit = async () => {
    clearError();
    setNotEnough(false);
    setResult(null);
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    if (v.kind === 'PERSON' && !person) {
      form.setFields([{ name: 'phone', errors: [t('budgets.issue.findFirst')] }]);
      return;
    }
    const input = {
      budgetOrganizationId: id,
      recipientUserId: v.kind === 'PERSON' ? person!.id : undefined,
      recipientOrganizationId: v.kind === 'ORGANIZATION' ? v.organizationId : undefined,
      points: v.points!,
      reason: v.reason.trim(),
    };
    try {
      const r = await issue({ variables: { input: { ...input, idempotencyKey: keyFor(input) } } });
      succeeded();
      setResult(r.data?.issueIncentive ?? null);
      form.resetFields();
      setPerson(null);
    } catch (e) {
      // The budget cannot cover it: say so in the budget's words rather than as a conflict.
      if (apiErrors(e).some((x) => x.key === 'ledger.insufficientBalance' || x.key === 'budget.insufficient')) setNotEnough(true);
      else showError(e);
    }
  };

  return (
    <Form form={form} name={`issue-${id}`} layout="vertical" requiredMark={false} className="narrow-form" initialValues={{ kind: 'PERSON' }} onFinish={() => undefined}>
      <Form.Item name="kind" label={t('budgets.issue.recipientKind')}>
        <Radio.Group
          onChange={() => {
            setPerson(null);
            setResult(null);
          }}
          options={[
            { value: 'PERSON', label: t('budgets.issue.person') },
            { value: 'ORGANIZATION', label: t('budgets.issue.organization') },
          ]}
        />
      </Form.Item>
      {kind === 'PERSON' ? (
        <>
          <Form.Item name="phone" label={t('budgets.issue.phone')} rules={[{ required: true, pattern: /^1\d{10}$/, message: t('budgets.issue.phoneInvalid') }]}>
            <Input
              inputMode="tel"
              onChange={() => setPerson(null)}
              // Enter looks the person up rather than sending a half-filled award.
              onPressEnter={(e) => {
                e.preventDefault();
                void lookUp();
              }}
            />
          </Form.Item>
          <div className="button-row">
            <Button onClick={() => void lookUp()} loading={found.loading}>
              {t('budgets.issue.find')}
            </Button>
          </div>
          <div aria-live="polite">{person ? <p className="hint">{t('budgets.issue.found', { name: person.displayName })}</p> : null}</div>
        </>
      ) : (
        <Form.Item name="organizationId" label={t('budgets.issue.organizationLabel')} rules={[{ required: true, message: t('budgets.issue.organizationRequired') }]}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setSearch}
            loading={orgs.loading}
            options={orgOptions}
            placeholder={t('budgets.issue.organizationSearch')}
            notFoundContent={t('budgets.issue.noOrganizations')}
          />
        </Form.Item>
      )}
      <Form.Item name="points" label={t('budgets.issue.points')} rules={[{ required: true, message: t('budgets.issue.pointsRequired') }, { type: 'integer', min: 1, message: t('budgets.pointsPositive') }]}>
        <InputNumber min={1} precision={0} style={{ width: '100%' }} inputMode="numeric" />
      </Form.Item>
      <div aria-live="polite">
        {aboveThreshold ? <Alert type="info" showIcon className="form-alert" title={t('budgets.issue.aboveThreshold', { threshold: budget.approvalThreshold })} /> : null}
      </div>
      <Form.Item
        name="reason"
        label={t('budgets.issue.reason')}
        rules={[
          { required: true, whitespace: true, message: t('budgets.issue.reasonRequired') },
          { max: 500, message: t('budgets.maxLength', { max: 500 }) },
        ]}
      >
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      {notEnough ? <Alert type="error" showIcon role="alert" className="form-alert" title={t('budgets.issue.notEnough', { count: budget.remaining })} /> : null}
      {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
      <div aria-live="polite">
        {result ? (
          <p className="saved-note">
            {result.status === 'PENDING_APPROVAL' ? t('budgets.issue.pending', { count: result.points, name: result.recipientName }) : t('budgets.issue.issued', { count: result.points, name: result.recipientName })}
          </p>
        ) : null}
      </div>
      <ConfirmIrreversible
        type="primary"
        title={t('budgets.issue.confirmTitle', { count: points ?? 0, name: recipientName ?? t('budgets.issue.someone') })}
        consequence={aboveThreshold ? t('budgets.issue.consequencePending') : t('budgets.issue.consequence')}
        confirmText={t('budgets.issue.confirm')}
        onConfirm={submit}
      >
        {t('budgets.issue.submit')}
      </ConfirmIrreversible>
    </Form>
  );
}
