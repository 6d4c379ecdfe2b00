import { useTranslation } from 'react-i18next';
import { ConfirmIrreversible } from '../../../lib/ui';
import { useCompleteTaskMutation } from '../api/complete-task';

export interface CompletableTask {
  id: string;
  title: string;
  status: string;
  shifts: { endsAt: string; cancelledAt?: string | null }[];
}

/** Whether marking the task completed makes sense: published or closed, and its last shift has ended (the API's rule too). */
export function canComplete(task: CompletableTask, now: number): boolean {
  const held = task.shifts.filter((s) => !s.cancelledAt);
  return (task.status === 'PUBLISHED' || task.status === 'CLOSED') && held.length > 0 && held.every((s) => new Date(s.endsAt).getTime() <= now);
}

/**
 * Marking a task completed: final, so it is a panel of its own, in the danger style and
 * behind a confirmation, shown only once every shift has ended (never where "publish" was).
 */
export function CompleteTask({ task, now, onError }: { task: CompletableTask; now: number; onError(error: unknown): void }) {
  const { t } = useTranslation();
  const [complete, { loading }] = useCompleteTaskMutation();
  if (!canComplete(task, now)) return null;
  return (
    <section className="panel complete-task" aria-labelledby="complete-heading">
      <h2 id="complete-heading">{t('irreversible.complete.heading')}</h2>
      <p className="hint">{t('irreversible.complete.hint')}</p>
      <ConfirmIrreversible
        danger
        loading={loading}
        title={t('irreversible.complete.title', { title: task.title })}
        consequence={t('irreversible.complete.consequence')}
        confirmText={t('irreversible.complete.confirm')}
        onConfirm={async () => {
          onError(null);
          try {
            await complete({ variables: { id: task.id } });
          } catch (e) {
            onError(e);
          }
        }}
      >
        {t('manage.complete')}
      </ConfirmIrreversible>
    </section>
  );
}
