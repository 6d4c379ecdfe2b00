import { useState } from 'react';
import { Alert, Button } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/time';
import { EmptyState, ErrorAlert, Loading, PageTitle, Pill, TaskStatusTag } from '../../../lib/ui';
import { useLabels } from '../../../lib/catalog';
import { useManageTask } from '../api/manage-task';
import { useTaskInvitations } from '../api/task-invitations';
import { usePublishTaskMutation } from '../api/publish-task';
import { AddShiftForm } from './AddShiftForm';
import { AutoFillDialog } from './AutoFillDialog';
import { RecommendedVolunteers } from './RecommendedVolunteers';
import { CheckInCode } from './CheckInCode';
import { ClaimRow } from './ClaimRow';
import { MessageVolunteersForm } from './MessageVolunteersForm';
import { ShiftAdder } from './recurrence/ShiftAdder';
import { ShiftSeriesPanel } from './recurrence/ShiftSeriesPanel';
import { TaskControls } from './TaskControls';
import { ShiftControls } from './ShiftControls';
import { ShiftInvitations } from './ShiftInvitations';
import { useDisplayName } from '../../../lib/i18n';
import { CompleteTask } from './CompleteTask';

/** A task for its coordinators: publish it, see each shift's claims, decide, verify hours. */
export function ManageTask({ organizationId, taskId }: { organizationId: string; taskId: string }) {
  const { t } = useTranslation();
  const show = useDisplayName();
  const f = useFormatters();
  const labels = useLabels();
  const { data, loading, error, refetch } = useManageTask(taskId);
  const invitations = useTaskInvitations(taskId);
  const [publish, publishState] = usePublishTaskMutation();
  const [publishError, setPublishError] = useState<unknown>(null);
  const task = data?.task;

  if (!data && loading) return <Loading />;
  if (error && !task) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  if (!task) return <EmptyState text={t('task.notFound')} />;

  const invitationsOf = new Map((invitations.data?.task?.shifts ?? []).map((s) => [s.id, s]));
  const now = Date.now();
  const openShiftIds = task.shifts.filter((s) => !s.cancelledAt && new Date(s.startsAt).getTime() > now && s.confirmedCount < s.capacity).map((s) => s.id);

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/orgs/${organizationId}`}>{show(task.organization)}</Link>
      </p>
      <PageTitle
        title={task.title}
        extra={
          task.status === 'DRAFT' ? (
            <Button
              type="primary"
              size="large"
              loading={publishState.loading}
              onClick={async () => {
                setPublishError(null);
                try {
                  await publish({ variables: { id: task.id } });
                } catch (e) {
                  setPublishError(e);
                }
              }}
            >
              {t('manage.publish')}
            </Button>
          ) : null
        }
      >
        {task.title}
      </PageTitle>
      <div className="pill-row">
        <TaskStatusTag status={task.status} />
        <Pill tone="blue">{labels.category(task.category)}</Pill>
        {task.requiresApproval ? <Pill tone="amber">{t('task.needsApproval')}</Pill> : null}
        {task.requiresCheckInCode ? <Pill tone="purple">{t('task.needsCode')}</Pill> : null}
        {task.minimumAge ? <Pill tone="amber">{t('task.minimumAge', { age: task.minimumAge })}</Pill> : null}
        {task.skillsMandatory && task.requiredSkills.length ? <Pill tone="amber">{t('task.skillsMandatory')}</Pill> : null}
      </div>
      <div aria-live="polite">
        {task.status === 'DRAFT' ? <Alert type="info" showIcon title={t('manage.draftHint')} /> : null}
        {task.status === 'PUBLISHED' ? <Alert type="success" showIcon title={t('manage.publishedHint')} /> : null}
        {task.status === 'COMPLETED' ? <Alert type="success" showIcon title={t('manage.completedHint')} /> : null}
        {task.status === 'CANCELLED' ? <Alert type="warning" showIcon title={t('manage.cancelledHint', { reason: task.cancelReason ?? '' })} /> : null}
        {task.status === 'DRAFT' && task.shifts.length === 0 ? <Alert type="warning" showIcon title={t('manage.noShiftsHint')} /> : null}
      </div>
      {task.status === 'PUBLISHED' ? (
        <p className="breadcrumb">
          <Link to={`/tasks/${task.id}`}>{t('manage.viewPublic')}</Link>
        </p>
      ) : null}
      {task.need ? (
        <p className="hint">
          {t('manage.fromNeed')} <Link to={`/needs/${task.need.id}`}>{task.need.title}</Link>
        </p>
      ) : null}
      <ErrorAlert error={publishError} />
      <ErrorAlert error={invitations.error} onRetry={() => void invitations.refetch()} />
      <CompleteTask task={task} now={now} onError={setPublishError} />
      <TaskControls organizationId={organizationId} task={task} />
      {task.status === 'PUBLISHED' ? (
        <section className="panel" aria-labelledby="autofill-heading">
          <h2 id="autofill-heading">{t('autoFill.heading')}</h2>
          <p className="hint">{t('autoFill.hint')}</p>
          <AutoFillDialog
            shiftIds={openShiftIds}
            onDone={() => {
              void refetch();
              void invitations.refetch();
            }}
          />
        </section>
      ) : null}
      {task.status === 'PUBLISHED' || task.status === 'CLOSED' ? (
        <section className="panel" aria-labelledby="message-heading">
          <h2 id="message-heading">{t('message.heading')}</h2>
          <p className="hint">{t('message.lead')}</p>
          <MessageVolunteersForm
            taskId={task.id}
            shifts={task.shifts
              .map((s, i) => ({ s, label: t('manage.shiftHeading', { n: i + 1, when: f.range(s.startsAt, s.endsAt) }) }))
              .filter(({ s }) => !s.cancelledAt && new Date(s.endsAt).getTime() > now)
              .map(({ s, label }) => ({ id: s.id, label }))}
          />
        </section>
      ) : null}
      {task.shifts.map((s, i) => {
        const when = f.range(s.startsAt, s.endsAt);
        return (
          <section key={s.id} className="panel" aria-labelledby={`ms-${s.id}`}>
            <h2 id={`ms-${s.id}`}>{t('manage.shiftHeading', { n: i + 1, when })}</h2>
            <p>
              {t('shift.places', { taken: s.confirmedCount, capacity: s.capacity })} · {t('shift.waitlist', { count: s.waitlistCount })} · {t('shift.pending', { count: s.pendingCount })}
            </p>
            <ShiftControls shift={s} taskStatus={task.status} label={when} now={now} />
            <p>
              <Link to={`/orgs/${organizationId}/tasks/${task.id}/shifts/${s.id}`}>{t('manage.openShiftPage', { when })}</Link>
            </p>
            {s.checkInCode && !s.cancelledAt ? <CheckInCode code={s.checkInCode} label={when} /> : null}
            <h3>{t('manage.claims', { count: s.claims.totalCount })}</h3>
            {s.claims.edges.length === 0 ? <p className="hint">{t('manage.noClaims')}</p> : null}
            <ul className="plain-list">
              {s.claims.edges.map(({ node }) => (
                <ClaimRow key={node.id} claim={node} started={new Date(s.startsAt).getTime() <= now} />
              ))}
            </ul>
            {invitationsOf.has(s.id) ? <ShiftInvitations shift={invitationsOf.get(s.id)!} headingId={`inv-${s.id}`} /> : null}
            {task.status === 'PUBLISHED' && openShiftIds.includes(s.id) ? <RecommendedVolunteers shiftId={s.id} label={when} /> : null}
          </section>
        );
      })}
      <ShiftSeriesPanel taskId={task.id} />
      {task.status === 'DRAFT' || task.status === 'PUBLISHED' ? (
        <section className="panel" aria-labelledby="add-shift-heading">
          <h2 id="add-shift-heading">{t('manage.addShiftTitle')}</h2>
          <ShiftAdder taskId={task.id}>
            <AddShiftForm taskId={task.id} />
          </ShiftAdder>
        </section>
      ) : null}
    </>
  );
}
