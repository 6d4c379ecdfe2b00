import { useState } from 'react';
import { Button, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../lib/catalog';
import { useFormatters } from '../../../lib/time';
import { ErrorAlert, Loading, useListActionType } from '../../../lib/ui';
import type { AllianceReviewQuery } from '../../../gql/graphql';
import { useAllianceReview } from '../api/alliance-review';
import { useStewardDecideApplicationMutation } from '../api/decide-application';
import { useSuspendAllianceMemberMutation } from '../api/suspend-member';
import { useReinstateAllianceMemberMutation } from '../api/reinstate-member';
import { useDisplayName } from '../../../lib/i18n';

type Member = NonNullable<AllianceReviewQuery['alliance']>['applied']['edges'][number]['node'];

export const REASON_MAX = 500;

/** A decision with a reason: approving may leave it empty, rejecting (or suspending) may not. */
export function MemberDecision({ member, mode }: { member: Member; mode: 'applied' | 'active' | 'suspended' }) {
  const { t } = useTranslation();
  const show = useDisplayName();
  const f = useFormatters();
  const labels = useLabels();
  const primary = useListActionType();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [decide, decideState] = useStewardDecideApplicationMutation();
  const [suspend, suspendState] = useSuspendAllianceMemberMutation();
  const [reinstate, reinstateState] = useReinstateAllianceMemberMutation();
  const name = show(member.organization);
  const needReason = async (fn: () => Promise<unknown>) => {
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    await run(fn);
  };
  const run = async (fn: () => Promise<unknown>) => {
    setMissing(false);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
    }
  };
  const input = { allianceMemberId: member.id, reason: reason.trim() || undefined };
  const reasonId = `reason-${member.id}`;
  return (
    <li className="claim-row">
      <div className="claim-row-main">
        <strong>{name}</strong> <span className="hint">{f.date(member.createdAt)}</span>
      </div>
      {member.pledges.length ? <p>{t('alliance.pledges')}: {member.pledges.map(labels.pledge).join(t('common.listSeparator'))}</p> : null}
      <label htmlFor={reasonId} className="field-label">
        {t('alliance.reasonFor', { name })}
      </label>
      <Input.TextArea
        id={reasonId}
        rows={2}
        maxLength={REASON_MAX}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        status={missing ? 'error' : undefined}
        aria-invalid={missing || undefined}
        aria-describedby={missing ? `${reasonId}-err` : undefined}
      />
      {missing ? (
        <p id={`${reasonId}-err`} className="field-error" role="alert">
          {t('alliance.reasonRequired')}
        </p>
      ) : null}
      <div className="button-row">
        {mode === 'applied' ? (
          <>
            <Button type={primary} loading={decideState.loading} onClick={() => run(() => decide({ variables: { input: { ...input, approve: true } } }))}>
              {t('alliance.approve', { name })}
            </Button>
            <Button danger loading={decideState.loading} onClick={() => needReason(() => decide({ variables: { input: { ...input, approve: false } } }))}>
              {t('alliance.reject', { name })}
            </Button>
          </>
        ) : mode === 'active' ? (
          <Button danger loading={suspendState.loading} onClick={() => needReason(() => suspend({ variables: { input } }))}>
            {t('alliance.suspend', { name })}
          </Button>
        ) : (
          <Button loading={reinstateState.loading} onClick={() => run(() => reinstate({ variables: { input } }))}>
            {t('alliance.reinstate', { name })}
          </Button>
        )}
      </div>
      <ErrorAlert error={error} />
    </li>
  );
}

/** The steward's queue: applications to decide, suspended members to reinstate. */
export function StewardReview({ allianceId, active }: { allianceId: string; active: Member[] }) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useAllianceReview(allianceId, false);
  const applied = data?.alliance?.applied.edges ?? [];
  const suspended = data?.alliance?.suspended.edges ?? [];
  return (
    <section className="panel" aria-labelledby="steward-heading">
      <h2 id="steward-heading">{t('alliance.stewardTitle')}</h2>
      {!data && loading ? <Loading /> : null}
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      <h3>{t('alliance.applications', { count: applied.length })}</h3>
      {data && applied.length === 0 ? <p className="hint">{t('alliance.noApplications')}</p> : null}
      <ul className="plain-list">
        {applied.map(({ node }) => (
          <MemberDecision key={node.id} member={node} mode="applied" />
        ))}
      </ul>
      {active.length ? (
        <>
          <h3>{t('alliance.activeMembers', { count: active.length })}</h3>
          <ul className="plain-list">
            {active.map((m) => (
              <MemberDecision key={m.id} member={m} mode="active" />
            ))}
          </ul>
        </>
      ) : null}
      {suspended.length ? (
        <>
          <h3>{t('alliance.suspended', { count: suspended.length })}</h3>
          <ul className="plain-list">
            {suspended.map(({ node }) => (
              <MemberDecision key={node.id} member={node} mode="suspended" />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
