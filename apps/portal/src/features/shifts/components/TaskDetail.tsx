import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, Button } from 'antd';
import { useFormatters } from '../../../lib/time';
import { useLabels } from '../../../lib/catalog';
import { useActing } from '../../../lib/acting/ActingProvider';
import { useSession } from '../../../lib/auth';
import { EmptyState, ErrorAlert, Loading, PageTitle, Pill } from '../../../lib/ui';
import { useTaskDetail } from '../api/task-detail';
import { ClaimAction } from './ClaimAction';
import { PartyClaim } from './PartyClaim';
import { PlacesInfo } from './PlacesInfo';
import { TaskReviews } from './TaskReviews';
import { RecurrenceSummary } from '../../../lib/recurrence';
import { SeriesClaimPanel } from './recurrence/SeriesClaimPanel';
import { useDisplayName } from '../../../lib/i18n';

/** A task: who runs it, what it asks, and each shift with its places and a claim button. */
export function TaskDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const show = useDisplayName();
  const f = useFormatters();
  const labels = useLabels();
  const { actingFor, stopActing } = useActing();
  const { signedIn } = useSession();
  const { data, loading, error, refetch } = useTaskDetail(id, actingFor?.id ?? null);
  const task = data?.task;

  if (!data && loading) return <Loading />;
  if (error && !task) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  if (!task)
    return (
      <>
        <PageTitle>{t('task.notFound')}</PageTitle>
        <EmptyState text={t('task.notFoundHint')}>
          <Link to="/">{t('nav.board')}</Link>
        </EmptyState>
      </>
    );

  const upcoming = task.shifts.filter((s) => new Date(s.endsAt).getTime() > Date.now());
  const skills = task.requiredSkills.map(labels.skill).join(t('common.listSeparator'));
  // What every member of a party must meet; the API refuses a claim that does not.
  const prerequisites = [
    ...(task.minimumAge ? [t('task.minimumAgeRule', { age: task.minimumAge })] : []),
    ...(task.skillsMandatory && task.requiredSkills.length ? [t('task.skillsRule', { skills })] : []),
  ];
  return (
    <>
      <p className="breadcrumb">
        <Link to="/">{t('nav.board')}</Link>
      </p>
      <PageTitle>{show(task.title)}</PageTitle>
      <div className="pill-row">
        <Pill tone="blue">{labels.category(task.category)}</Pill>
        {task.requiresApproval ? <Pill tone="amber">{t('task.needsApproval')}</Pill> : null}
        {task.requiresCheckInCode ? <Pill tone="purple">{t('task.needsCode')}</Pill> : null}
        {task.status !== 'PUBLISHED' ? <Pill tone="grey">{t(`taskStatus.${task.status}`)}</Pill> : null}
      </div>
      {task.status === 'CANCELLED' ? <Alert type="warning" showIcon className="form-alert" title={t('task.cancelled', { reason: task.cancelReason ?? '' })} /> : null}
      {actingFor ? (
        <Alert type="info" showIcon className="acting-banner" title={t('acting.banner', { name: actingFor.displayName })} action={<Button onClick={stopActing}>{t('acting.stop')}</Button>} />
      ) : null}
      <section className="panel" aria-labelledby="about-heading">
        <h2 id="about-heading">{t('task.about')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('shift.organizer')}</dt>
            <dd>
              {task.organization.name} {task.organization.verified ? <Pill tone="green">{t('org.verified')}</Pill> : null}
            </dd>
          </div>
          <div>
            <dt>{t('shift.where')}</dt>
            <dd>{show(task.region)}</dd>
          </div>
          <div>
            <dt>{t('shift.skills')}</dt>
            <dd>{task.requiredSkills.length ? (task.skillsMandatory ? t('task.skillsRule', { skills }) : skills) : t('task.noSkills')}</dd>
          </div>
          {task.minimumAge ? (
            <div>
              <dt>{t('task.whoCanJoin')}</dt>
              <dd>{t('task.minimumAgeRule', { age: task.minimumAge })}</dd>
            </div>
          ) : null}
        </dl>
        {task.description ? <p className="description">{task.description}</p> : null}
        {task.need ? (
          <p className="hint">
            {t('manage.fromNeed')} <Link to={`/needs/${task.need.id}`}>{task.need.title}</Link>
          </p>
        ) : null}
      </section>
      <TaskReviews task={task} />
      <SeriesClaimPanel taskId={task.id} />
      <section aria-labelledby="shifts-heading">
        <h2 id="shifts-heading">{t('task.shifts', { count: upcoming.length })}</h2>
        {upcoming.length === 0 ? <EmptyState text={t('task.noShifts')} /> : null}
        <ul className="card-list">
          {upcoming.map((s) => {
            const when = f.range(s.startsAt, s.endsAt);
            return (
              <li key={s.id}>
                <article className="shift-card" aria-labelledby={`s-${s.id}`}>
                  <h3 id={`s-${s.id}`} className="shift-card-title">
                    {when}
                  </h3>
                  {s.series ? <RecurrenceSummary recurrence={s.series.recurrence} /> : null}
                  {s.place ? <p className="shift-place">{t('shift.meetAt', { place: s.place })}</p> : null}
                  {s.cancelledAt ? (
                    <Alert type="warning" showIcon title={t('shift.cancelled', { reason: s.cancelReason ?? '' })} />
                  ) : (
                    <>
                      <PlacesInfo confirmedCount={s.confirmedCount} capacity={s.capacity} waitlistCount={s.waitlistCount} pendingCount={s.pendingCount} />
                      {task.status === 'PUBLISHED' ? <ClaimAction shift={s} requiresApproval={task.requiresApproval} label={`${show(task.title)} ${when}`} offerPhoneShare /> : null}
                      {task.status === 'PUBLISHED' && signedIn && !actingFor ? <PartyClaim shift={s} label={`${show(task.title)} ${when}`} prerequisites={prerequisites} /> : null}
                    </>
                  )}
                </article>
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
