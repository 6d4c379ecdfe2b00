import { useState } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../lib/catalog';
import { ErrorAlert, useListActionType } from '../../../lib/ui';
import { useMyInvitedMemberships } from '../api/my-invited-memberships';
import { useDecideMembershipMutation } from '../api/decide-membership';
import { useDisplayName } from '../../../lib/i18n';

/** Organisations that invited me: accept or decline each. Shows nothing when there are none. */
export function MyInvitedMemberships() {
  const { t } = useTranslation();
  const show = useDisplayName();
  const labels = useLabels();
  const primary = useListActionType();
  const { data, error } = useMyInvitedMemberships();
  const [decide, { loading }] = useDecideMembershipMutation();
  const [actionError, setActionError] = useState<unknown>(null);
  const invites = data?.myMemberships ?? [];
  if (!invites.length && !error) return null;
  const answer = async (membershipId: string, accept: boolean) => {
    setActionError(null);
    try {
      await decide({ variables: { input: { membershipId, accept } } });
    } catch (e) {
      setActionError(e);
    }
  };
  return (
    <section className="panel" aria-labelledby="org-invites">
      <h2 id="org-invites">{t('membership.myInvites', { count: invites.length })}</h2>
      <ErrorAlert error={error ?? actionError} />
      <ul className="plain-list">
        {invites.map((m) => (
          <li key={m.id} className="record-row">
            <span className="record-title">{show(m.organization)}</span>
            <span>{t('membership.invitedAs', { role: labels.role(m.role) })}</span>
            <span className="button-row">
              <Button type={primary} loading={loading} onClick={() => void answer(m.id, true)}>
                {t('membership.acceptInvite', { name: m.organization.name })}
              </Button>
              <Button loading={loading} onClick={() => void answer(m.id, false)}>
                {t('membership.declineInvite', { name: m.organization.name })}
              </Button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
