import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../lib/catalog';
import { regionLabel } from '../../../lib/regions';
import { useFormatters } from '../../../lib/time';
import { EmptyState, ErrorAlert, LinkButton, Loading, PageTitle, Pill, TaskStatusTag } from '../../../lib/ui';
import { useOrganizationPage } from '../api/organization';
import { canCoordinate } from '../hooks/roles';

export function OrganizationPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const f = useFormatters();
  const { data, loading, error, refetch } = useOrganizationPage(id);
  const org = data?.organization;
  if (!data && loading) return <Loading />;
  if (error && !org) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  if (!org)
    return (
      <>
        <PageTitle>{t('org.notFound')}</PageTitle>
        <Link to="/orgs">{t('org.mine')}</Link>
      </>
    );
  const myRole = data?.me?.memberships.find((m) => m.organization.id === org.id)?.role;
  const manage = canCoordinate(myRole);

  return (
    <>
      <p className="breadcrumb">
        <Link to="/orgs">{t('org.mine')}</Link>
      </p>
      <PageTitle
        extra={
          manage ? (
            <LinkButton type="primary" to={`/orgs/${org.id}/tasks/new`}>
              {t('org.newTask')}
            </LinkButton>
          ) : null
        }
      >
        {org.name}
      </PageTitle>
      <div className="pill-row">
        <Pill tone="blue">{labels.orgKind(org.kind)}</Pill>
        {org.verified ? <Pill tone="green">{t('org.verified')}</Pill> : <Pill tone="grey">{t('org.unverified')}</Pill>}
        {myRole ? <Pill tone="purple">{labels.role(myRole)}</Pill> : null}
      </div>
      <section className="panel" aria-labelledby="org-about">
        <h2 id="org-about">{t('org.about')}</h2>
        <p>
          {t('org.region')}: {regionLabel(org.region, i18n.language)}
        </p>
        {org.description ? <p className="description">{org.description}</p> : null}
      </section>
      <section className="panel" aria-labelledby="org-tasks">
        <h2 id="org-tasks">{t('org.tasks', { count: org.tasks.totalCount })}</h2>
        {org.tasks.edges.length === 0 ? <EmptyState text={t('org.noTasks')} /> : null}
        <ul className="plain-list">
          {org.tasks.edges.map(({ node }) => {
            const next = node.shifts.find((s) => new Date(s.endsAt).getTime() > Date.now());
            return (
              <li key={node.id} className="record-row">
                <Link to={manage ? `/orgs/${org.id}/tasks/${node.id}` : `/tasks/${node.id}`} className="record-title">
                  {node.title}
                </Link>
                <TaskStatusTag status={node.status} />
                <span>{t('org.shiftCount', { count: node.shifts.length })}</span>
                <span>{next ? t('org.nextShift', { time: f.dateTime(next.startsAt) }) : t('org.noUpcoming')}</span>
              </li>
            );
          })}
        </ul>
      </section>
      <section className="panel" aria-labelledby="org-members">
        <h2 id="org-members">{t('org.members', { count: org.members.totalCount })}</h2>
        <ul className="plain-list">
          {org.members.edges.map(({ node }) => (
            <li key={node.id} className="record-row">
              <span className="record-title">{node.user.displayName}</span>
              <span>{labels.role(node.role)}</span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
