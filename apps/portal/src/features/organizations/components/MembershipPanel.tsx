import { useState } from 'react';
import { Alert, Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormErrors } from '../../../lib/errors';
import { useLabels } from '../../../lib/catalog';
import { ErrorAlert, Loading, useListActionType } from '../../../lib/ui';
import type { MembershipRole, OrganizationPageQuery, SeniorTitle } from '../../../gql/graphql';
import { usePendingMembers } from '../api/pending-members';
import { useInviteMemberMutation } from '../api/invite-member';
import { useDecideMembershipMutation } from '../api/decide-membership';
import { useChangeMemberRoleMutation } from '../api/change-member-role';
import { useRemoveMemberMutation } from '../api/remove-member';
import { MEMBER_ROLES, SENIOR_TITLES } from '../hooks/roles';

type Org = NonNullable<OrganizationPageQuery['organization']>;
type Member = Org['members']['edges'][number]['node'];

const PHONE = /^1\d{10}$/;

function InviteForm({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [form] = Form.useForm<{ phone: string; role: MembershipRole }>();
  const [invite, { loading }] = useInviteMemberMutation();
  const { formError, showError, clearError } = useFormErrors(form, ['phone', 'role']);
  const [sent, setSent] = useState<string | null>(null);
  return (
    <Form
      form={form}
      name="invite-member"
      layout="vertical"
      requiredMark={false}
      initialValues={{ role: 'MEMBER' }}
      onFinish={async (v) => {
        clearError();
        setSent(null);
        try {
          const { data } = await invite({ variables: { input: { organizationId, phone: v.phone.trim(), role: v.role } } });
          setSent(data?.inviteMember.user.displayName ?? v.phone);
          form.resetFields(['phone']);
        } catch (e) {
          showError(e);
        }
      }}
    >
      <Form.Item name="phone" label={t('membership.invitePhone')} rules={[{ required: true, pattern: PHONE, message: t('membership.phoneInvalid') }]}>
        <Input inputMode="tel" autoComplete="off" />
      </Form.Item>
      <Form.Item name="role" label={t('membership.role')}>
        <Select options={MEMBER_ROLES.map((r) => ({ value: r, label: labels.role(r) }))} />
      </Form.Item>
      {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
      <div aria-live="polite">{sent ? <p className="saved-note">{t('membership.inviteSent', { name: sent })}</p> : null}</div>
      <Button htmlType="submit" loading={loading}>
        {t('membership.inviteSubmit')}
      </Button>
    </Form>
  );
}

/** One active member: change role (and, in a seniors' council, the senior title) or remove. */
function MemberRow({ member, seniors, canEdit }: { member: Member; seniors: boolean; canEdit: boolean }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [role, setRole] = useState<MembershipRole>(member.role);
  const [title, setTitle] = useState<SeniorTitle | null>(member.seniorTitle ?? null);
  const [change, changeState] = useChangeMemberRoleMutation();
  const [remove, removeState] = useRemoveMemberMutation();
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const name = member.user.displayName;
  const dirty = role !== member.role || (title ?? null) !== (member.seniorTitle ?? null);
  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    setSaved(false);
    try {
      await fn();
      setSaved(true);
    } catch (e) {
      setError(e);
      setRole(member.role);
      setTitle(member.seniorTitle ?? null);
    }
  };
  return (
    <li className="claim-row">
      <div className="claim-row-main">
        <strong>{name}</strong> <span>{labels.role(member.role)}</span>
        {member.seniorTitle ? <span> · {t(`seniorTitle.${member.seniorTitle}`)}</span> : null}
      </div>
      {canEdit ? (
        <div className="inline-fields">
          <label>
            <span className="field-label">{t('membership.roleOf', { name })}</span>
            <Select<MembershipRole> value={role} onChange={setRole} options={MEMBER_ROLES.map((r) => ({ value: r, label: labels.role(r) }))} aria-label={t('membership.roleOf', { name })} />
          </label>
          {seniors ? (
            <label>
              <span className="field-label">{t('membership.titleOf', { name })}</span>
              <Select<SeniorTitle | ''>
                value={title ?? ''}
                onChange={(v) => setTitle(v || null)}
                options={[{ value: '', label: t('membership.noTitle') }, ...SENIOR_TITLES.map((s) => ({ value: s, label: t(`seniorTitle.${s}`) }))]}
                aria-label={t('membership.titleOf', { name })}
              />
            </label>
          ) : null}
          <div className="button-row">
            <Button
              disabled={!dirty}
              loading={changeState.loading}
              onClick={() => run(() => change({ variables: { input: { membershipId: member.id, role, seniorTitle: seniors ? title : undefined } } }))}
            >
              {t('membership.saveRole', { name })}
            </Button>
            <Button danger loading={removeState.loading} onClick={() => run(() => remove({ variables: { input: { membershipId: member.id } } }))}>
              {t('membership.remove', { name })}
            </Button>
          </div>
        </div>
      ) : null}
      <div aria-live="polite">{saved && !error ? <span className="saved-note">{t('membership.saved')}</span> : null}</div>
      <ErrorAlert error={error} />
    </li>
  );
}

export function MemberList({ org, canEdit, selfId }: { org: Org; canEdit: boolean; selfId?: string }) {
  return (
    <ul className="plain-list">
      {org.members.edges.map(({ node }) => (
        <MemberRow key={node.id} member={node} seniors={org.kind === 'SENIORS_COUNCIL'} canEdit={canEdit && node.user.id !== selfId} />
      ))}
    </ul>
  );
}

/** For ADMIN and above: invite by phone, answer requests, see open invitations. */
export function MembershipPanel({ org }: { org: Org }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const primary = useListActionType();
  const pending = usePendingMembers(org.id, false);
  const [decide, decideState] = useDecideMembershipMutation();
  const [remove, removeState] = useRemoveMemberMutation();
  const [error, setError] = useState<unknown>(null);
  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
    }
  };
  const requested = pending.data?.organization?.requested.edges ?? [];
  const invited = pending.data?.organization?.invited.edges ?? [];
  return (
    <section className="panel" aria-labelledby="org-manage-members">
      <h2 id="org-manage-members">{t('membership.manage')}</h2>
      <h3>{t('membership.inviteTitle')}</h3>
      <InviteForm organizationId={org.id} />
      <h3>{t('membership.requests', { count: requested.length })}</h3>
      {!pending.data && pending.loading ? <Loading /> : null}
      <ErrorAlert error={pending.error ?? error} />
      {pending.data && requested.length === 0 ? <p className="hint">{t('membership.noRequests')}</p> : null}
      <ul className="plain-list">
        {requested.map(({ node }) => (
          <li key={node.id} className="record-row">
            <span className="record-title">{node.user.displayName}</span>
            <span className="button-row">
              <Button type={primary} loading={decideState.loading} onClick={() => run(() => decide({ variables: { input: { membershipId: node.id, accept: true } } }))}>
                {t('membership.acceptRequest', { name: node.user.displayName })}
              </Button>
              <Button loading={decideState.loading} onClick={() => run(() => decide({ variables: { input: { membershipId: node.id, accept: false } } }))}>
                {t('membership.declineRequest', { name: node.user.displayName })}
              </Button>
            </span>
          </li>
        ))}
      </ul>
      <h3>{t('membership.invitations', { count: invited.length })}</h3>
      {pending.data && invited.length === 0 ? <p className="hint">{t('membership.noInvitations')}</p> : null}
      <ul className="plain-list">
        {invited.map(({ node }) => (
          <li key={node.id} className="record-row">
            <span className="record-title">{node.user.displayName}</span>
            <span>{labels.role(node.role)}</span>
            <Button loading={removeState.loading} onClick={() => run(() => remove({ variables: { input: { membershipId: node.id } } }))}>
              {t('membership.withdrawInvite', { name: node.user.displayName })}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
