import { useState, type ReactNode } from 'react';
import { Alert, Button } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../lib/catalog';
import { useSession } from '../../../lib/auth';
import { useFormatters } from '../../../lib/time';
import { EmptyState, ErrorAlert, Loading, PageTitle, Pill } from '../../../lib/ui';
import { useAlliancePage } from '../api/alliance';
import { useMyAdminOrganizations } from '../api/my-admin-organizations';
import { useLeaveAllianceMutation } from '../api/leave-alliance';
import { ApplyForm } from './ApplyForm';
import { PledgeActivityForm } from './PledgeActivityForm';
import { PledgeActivityItem } from './PledgeActivityItem';
import { PledgeTotals } from './PledgeTotals';
import { StewardReview } from './StewardReview';
import { useDisplayName } from '../../../lib/i18n';

const ADMIN = ['OWNER', 'ADMIN'];
const HOLDING = ['APPLIED', 'ACTIVE', 'SUSPENDED'];

function LeaveButton({ memberId, name }: { memberId: string; name: string }) {
  const { t } = useTranslation();
  const [leave, { loading }] = useLeaveAllianceMutation();
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <Button
        danger
        loading={loading}
        onClick={async () => {
          setError(null);
          try {
            await leave({ variables: { input: { allianceMemberId: memberId } } });
          } catch (e) {
            setError(e);
          }
        }}
      >
        {t('alliance.leave', { name })}
      </Button>
      <ErrorAlert error={error} />
    </>
  );
}

/** `panels` adds sections that other features own (composed by the route); `steward`: the viewer is an admin of the steward. */
export function AlliancePage({ id, panels }: { id: string; panels?: (alliance: { id: string }, viewer: { steward: boolean }) => ReactNode }) {
  const { t } = useTranslation();
  const show = useDisplayName();
  const f = useFormatters();
  const labels = useLabels();
  const { signedIn } = useSession();
  const { data, loading, error, refetch } = useAlliancePage(id);
  const mine = useMyAdminOrganizations(!signedIn);
  const [appliedFor, setAppliedFor] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  const alliance = data?.alliance;
  if (!data && loading) return <Loading />;
  if (error && !alliance) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  if (!alliance)
    return (
      <>
        <PageTitle>{t('alliance.notFound')}</PageTitle>
        <Link to="/alliances">{t('alliance.listTitle')}</Link>
      </>
    );

  const adminOf = (mine.data?.me?.memberships ?? []).filter((m) => m.status === 'ACTIVE' && ADMIN.includes(m.role)).map((m) => m.organization);
  const steward = adminOf.some((o) => o.id === alliance.steward.id);
  const held = adminOf.flatMap((o) => o.allianceMemberships.filter((a) => a.alliance.id === alliance.id && HOLDING.includes(a.status)));
  const canApply = adminOf.filter((o) => o.id !== alliance.steward.id && !o.allianceMemberships.some((a) => a.alliance.id === alliance.id && HOLDING.includes(a.status)));
  const activeMine = held.filter((a) => a.status === 'ACTIVE').map((a) => ({ id: a.id, organizationName: show(a.organization), pledges: a.pledges }));
  const activeMembers = alliance.members.edges.map((e) => e.node);
  const unitsOf = Object.fromEntries(alliance.pledgeOptionUnits.map((o) => [o.pledge, o.units]));

  return (
    <>
      <p className="breadcrumb">
        <Link to="/alliances">{t('alliance.listTitle')}</Link>
      </p>
      <PageTitle>{show(alliance)}</PageTitle>
      <div className="pill-row">
        <Pill tone="blue">{show(alliance.region)}</Pill>
        <Pill tone="green">{t('alliance.memberCount', { count: alliance.members.totalCount })}</Pill>
      </div>
      <section className="panel" aria-labelledby="alliance-charter">
        <h2 id="alliance-charter">{t('alliance.charter')}</h2>
        <p className="description">{alliance.charter}</p>
        <dl className="facts">
          <div>
            <dt>{t('alliance.steward')}</dt>
            <dd>
              <Link to={`/orgs/${alliance.steward.id}`}>{show(alliance.steward)}</Link>
            </dd>
          </div>
          <div>
            <dt>{t('alliance.pledgeOptions')}</dt>
            <dd>{alliance.pledgeOptions.map(labels.pledge).join(t('common.listSeparator'))}</dd>
          </div>
          <div>
            <dt>{t('alliance.since')}</dt>
            <dd>{f.date(alliance.createdAt)}</dd>
          </div>
        </dl>
      </section>
      <div aria-live="polite">{appliedFor ? <Alert type="success" showIcon title={t('alliance.applied', { name: appliedFor })} /> : null}</div>
      {held.length ? (
        <section className="panel" aria-labelledby="alliance-mine">
          <h2 id="alliance-mine">{t('alliance.myMembership')}</h2>
          <ul className="plain-list">
            {held.map((a) => (
              <li key={a.id} className="record-row">
                <span className="record-title">{show(a.organization)}</span>
                <span>{t(`allianceStatus.${a.status}`)}</span>
                {a.decisionReason ? <span className="hint">{t('alliance.reasonGiven', { reason: a.decisionReason })}</span> : null}
                {a.status !== 'APPLIED' ? <LeaveButton memberId={a.id} name={show(a.organization)} /> : null}
              </li>
            ))}
          </ul>
          {activeMine.length ? (
            <>
              <h3>{t('alliance.recordTitle')}</h3>
              <PledgeActivityForm members={activeMine} unitsOf={unitsOf} />
            </>
          ) : null}
        </section>
      ) : null}
      {canApply.length ? (
        <section className="panel" aria-labelledby="alliance-apply">
          <h2 id="alliance-apply">{t('alliance.applyTitle')}</h2>
          <p className="hint">{t('alliance.applyHint')}</p>
          <ApplyForm allianceId={alliance.id} pledgeOptions={alliance.pledgeOptions} orgs={canApply} onApplied={setAppliedFor} />
        </section>
      ) : null}
      {steward ? <StewardReview allianceId={alliance.id} active={activeMembers} /> : null}
      {panels?.(alliance, { steward })}
      <section className="panel" aria-labelledby="alliance-members">
        <h2 id="alliance-members">{t('alliance.members', { count: alliance.members.totalCount })}</h2>
        {activeMembers.length === 0 ? <EmptyState text={t('alliance.noMembers')} /> : null}
        <ul className="plain-list">
          {activeMembers.map((m) => (
            <li key={m.id} className="record-row">
              <Link to={`/orgs/${m.organization.id}`} className="record-title">
                {show(m.organization)}
              </Link>
              <span>{m.pledges.map(labels.pledge).join(t('common.listSeparator'))}</span>
              {m.joinedAt ? <span className="hint">{t('alliance.joinedOn', { date: f.date(m.joinedAt) })}</span> : null}
            </li>
          ))}
        </ul>
      </section>
      <PledgeTotals totals={alliance.pledgeTotals} />
      <section className="panel" aria-labelledby="alliance-activity">
        <h2 id="alliance-activity">{t('alliance.activity', { count: alliance.activity.totalCount })}</h2>
        <div aria-live="polite">{deleted ? <Alert type="success" showIcon title={t('alliance.deleted', { what: deleted })} closable={{ 'aria-label': t('common.close') }} onClose={() => setDeleted(null)} /> : null}</div>
        {alliance.activity.edges.length === 0 ? <EmptyState text={t('alliance.noActivity')} /> : null}
        <ul className="plain-list">
          {alliance.activity.edges.map(({ node }) => (
            <PledgeActivityItem key={node.id} node={node} unitsOf={unitsOf} onDeleted={setDeleted} />
          ))}
        </ul>
      </section>
    </>
  );
}
