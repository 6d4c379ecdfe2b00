import { useState, type ReactNode } from 'react';
import { Button } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../lib/catalog';
import { regionLabel } from '../../../lib/regions';
import { useFormatters } from '../../../lib/time';
import { EmptyState, ErrorAlert, LinkButton, Loading, PageTitle, Pill, TaskStatusTag } from '../../../lib/ui';
import { useOrganizationPage } from '../api/organization';
import { useJoinOrganizationMutation } from '../api/join-organization';
import { useLeaveOrganizationMutation } from '../api/leave-organization';
import { useDecideMembershipMutation } from '../api/decide-membership';
import { canAdminister, canCoordinate } from '../hooks/roles';
import { MemberList, MembershipPanel } from './MembershipPanel';
import { RecordHoursForm } from './RecordHoursForm';
import { ServiceReports } from './ServiceReports';
import { useDisplayName } from '../../../lib/i18n';
import { VerificationPanel } from './VerificationPanel';

/** Ask to join, answer an invitation, or leave: whichever fits my membership. */
function JoinLeave({ orgId, orgName, membership }: { orgId: string; orgName: string; membership?: { id: string; status: string } }) {
  const { t } = useTranslation();
  const [join, joinState] = useJoinOrganizationMutation();
  const [leave, leaveState] = useLeaveOrganizationMutation();
  const [decide, decideState] = useDecideMembershipMutation();
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(null);
  const run = async (fn: () => Promise<unknown>, done: string) => {
    setError(null);
    setNote(null);
    try {
      await fn();
      setNote(done);
    } catch (e) {
      setError(e);
    }
  };
  const status = membership?.status;
  return (
    <div className="join-leave">
      {status === 'ACTIVE' ? (
        <Button danger loading={leaveState.loading} onClick={() => run(() => leave({ variables: { organizationId: orgId } }), t('membership.left', { name: orgName }))}>
          {t('membership.leave')}
        </Button>
      ) : status === 'REQUESTED' ? (
        <p className="hint">{t('membership.requestPending')}</p>
      ) : status === 'INVITED' && membership ? (
        <Button loading={decideState.loading} onClick={() => run(() => decide({ variables: { input: { membershipId: membership.id, accept: true } } }), t('membership.joined', { name: orgName }))}>
          {t('membership.acceptInvite', { name: orgName })}
        </Button>
      ) : (
        <Button loading={joinState.loading} onClick={() => run(() => join({ variables: { input: { organizationId: orgId } } }), t('membership.requestSent'))}>
          {t('membership.askToJoin')}
        </Button>
      )}
      <div aria-live="polite">{note ? <p className="saved-note">{note}</p> : null}</div>
      <ErrorAlert error={error} />
    </div>
  );
}

/**
 * `panels` adds sections that other features own (composed by the route), given the
 * organisation's kind and the viewer's active role in it.
 */
export function OrganizationPage({ id, panels }: { id: string; panels?: (org: { id: string; kind: string }, role: string | undefined) => ReactNode }) {
  const { t, i18n } = useTranslation();
  const show = useDisplayName();
  const labels = useLabels();
  const f = useFormatters();
  const { data, loading, error, refetch } = useOrganizationPage(id);
  // Opened from the officials' desk: back to the desk, and no offer to join what they are judging.
  const [params] = useSearchParams();
  const fromDesk = params.get('from') === 'desk';
  const back = fromDesk ? <Link to="/official">{t('orgReview.backToDesk')}</Link> : <Link to="/orgs">{t('org.mine')}</Link>;
  const org = data?.organization;
  if (!data && loading) return <Loading />;
  if (error && !org) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  if (!org)
    return (
      <>
        <PageTitle>{t('org.notFound')}</PageTitle>
        {back}
      </>
    );
  const active = data?.me?.memberships.find((m) => m.organization.id === org.id);
  const pendingMine = [...(data?.invited ?? []), ...(data?.requested ?? [])].find((m) => m.organization.id === org.id);
  const mine = active ?? pendingMine;
  const myRole = active?.status === 'ACTIVE' ? active.role : undefined;
  const manage = canCoordinate(myRole);
  const admin = canAdminister(myRole);

  return (
    <>
      <p className="breadcrumb">{back}</p>
      <PageTitle
        extra={
          manage ? (
            <LinkButton type="primary" to={`/orgs/${org.id}/tasks/new`}>
              {t('org.newTask')}
            </LinkButton>
          ) : null
        }
      >
        {show(org)}
      </PageTitle>
      <div className="pill-row">
        <Pill tone="blue">{labels.orgKind(org.kind)}</Pill>
        {org.verified ? (
          <Pill tone="green">{org.verifiedAt ? t('org.verifiedOn', { date: f.date(org.verifiedAt) }) : t('org.verified')}</Pill>
        ) : org.verificationStatus === 'PENDING' ? (
          <Pill tone="grey">{t('org.unverified')}</Pill>
        ) : (
          <Pill tone={org.verificationStatus === 'REJECTED' ? 'red' : 'amber'}>{t(`verificationStatus.${org.verificationStatus}`)}</Pill>
        )}
        {myRole ? <Pill tone="purple">{labels.role(myRole)}</Pill> : null}
      </div>
      <section className="panel" aria-labelledby="org-about">
        <h2 id="org-about">{t('org.about')}</h2>
        <p>
          {t('org.region')}: {regionLabel(org.region, i18n.language)}
        </p>
        {org.registrationNumber ? (
          <p>
            {t('orgReview.registrationNumber')}: {org.registrationNumber}
          </p>
        ) : null}
        {org.description ? <p className="description">{org.description}</p> : null}
        {fromDesk && !mine ? null : <JoinLeave orgId={org.id} orgName={show(org)} membership={mine} />}
      </section>
      {admin ? <VerificationPanel org={org} /> : null}
      {panels?.(org, myRole)}
      {org.allianceMemberships.length ? (
        <section className="panel" aria-labelledby="org-alliances">
          <h2 id="org-alliances">{t('org.alliances')}</h2>
          <ul className="plain-list">
            {org.allianceMemberships.map((a) => (
              <li key={a.id} className="record-row">
                <Link to={`/alliances/${a.alliance.id}`} className="record-title">
                  {show(a.alliance)}
                </Link>
                <span>{t(`allianceStatus.${a.status}`)}</span>
                {a.pledges.length ? <span>{a.pledges.map(labels.pledge).join(t('common.listSeparator'))}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="panel" aria-labelledby="org-tasks">
        <h2 id="org-tasks">{t('org.tasks', { count: org.tasks.totalCount })}</h2>
        {org.tasks.edges.length === 0 ? <EmptyState text={t('org.noTasks')} /> : null}
        <ul className="plain-list">
          {org.tasks.edges.map(({ node }) => {
            const next = node.shifts.find((s) => new Date(s.endsAt).getTime() > Date.now());
            return (
              <li key={node.id} className="record-row">
                <Link to={manage ? `/orgs/${org.id}/tasks/${node.id}` : `/tasks/${node.id}`} className="record-title">
                  {show(node.title)}
                </Link>
                <TaskStatusTag status={node.status} />
                <span>{t('org.shiftCount', { count: node.shifts.length })}</span>
                <span>{next ? t('org.nextShift', { time: f.dateTime(next.startsAt) }) : t('org.noUpcoming')}</span>
              </li>
            );
          })}
        </ul>
      </section>
      {manage ? (
        <>
          <section className="panel" aria-labelledby="org-service-reports">
            <h2 id="org-service-reports">{t('serviceReports.title')}</h2>
            <p className="hint">{t('serviceReports.lead')}</p>
            <ServiceReports organizationId={org.id} selfId={data?.me?.id} />
          </section>
          <section className="panel" aria-labelledby="org-record-hours">
            <h2 id="org-record-hours">{t('recordHours.title')}</h2>
            <p className="hint">{t('recordHours.lead')}</p>
            <RecordHoursForm organizationId={org.id} selfId={data?.me?.id} />
          </section>
        </>
      ) : null}
      <section className="panel" aria-labelledby="org-members">
        <h2 id="org-members">{t('org.members', { count: org.members.totalCount })}</h2>
        <MemberList org={org} canEdit={admin} selfId={data?.me?.id} />
      </section>
      {admin ? <MembershipPanel org={org} /> : null}
      {admin ? (
        <section className="panel" aria-labelledby="org-certificates-link">
          <h2 id="org-certificates-link">{t('certificates.org.title')}</h2>
          <p className="hint">{t('certificates.org.linkHint')}</p>
          <Link to={`/orgs/${org.id}/certificates`}>{t('certificates.org.open')}</Link>
        </section>
      ) : null}
    </>
  );
}
