import { useState } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EditableTaskFragment } from '../../../gql/graphql';
import { useCancelTaskMutation } from '../api/cancel-task';
import { CancelDialog } from './CancelDialog';
import { CopyTaskDialog } from './CopyTaskDialog';
import { EditTaskForm } from './EditTaskForm';

type Task = EditableTaskFragment & { id: string; status: string };

/** Task statuses whose details may still change (the API's `task.notEditable` otherwise). */
const EDITABLE = ['DRAFT', 'PUBLISHED', 'CLOSED'];

/** The coordinator's changes to a whole task: edit its details, copy it as a new draft, cancel it. */
export function TaskControls({ organizationId, task }: { organizationId: string; task: Task }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [cancel] = useCancelTaskMutation();
  const editable = EDITABLE.includes(task.status);
  return (
    <section className="panel" aria-labelledby="task-controls-heading">
      <h2 id="task-controls-heading">{t('editTask.heading')}</h2>
      <div className="button-row">
        {editable ? (
          <Button onClick={() => setEditing((e) => !e)} aria-expanded={editing}>
            {t('editTask.open')}
          </Button>
        ) : null}
        <CopyTaskDialog organizationId={organizationId} task={task} />
        {editable ? (
          <CancelDialog
            trigger={t('cancelWork.taskOpen')}
            title={t('cancelWork.taskTitle', { title: task.title })}
            consequence={t('cancelWork.taskConsequence')}
            confirm={t('cancelWork.taskConfirm')}
            onCancel={(reason) => cancel({ variables: { input: { id: task.id, reason } } })}
          />
        ) : null}
      </div>
      {editing && editable ? <EditTaskForm task={task} onDone={() => setEditing(false)} /> : null}
    </section>
  );
}
