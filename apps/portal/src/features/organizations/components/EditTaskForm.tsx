import { Alert, Button, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import type { EditableTaskFragment } from '../../../gql/graphql';
import { useFormErrors } from '../../../lib/errors';
import { regionPath } from '../../../lib/regions';
import { useUpdateTaskMutation } from '../api/update-task';
import { TaskDetailsFields } from './TaskDetailsFields';

/** The details a coordinator may change after creating a task; the manage page and the edit's answer share it. */
export const EditableTaskFragmentDoc = graphql(`
  fragment EditableTask on Task {
    title
    description
    category
    requiredSkills
    skillsMandatory
    minimumAge
    requiresApproval
    requiresCheckInCode
    region {
      id
      name
      nameEn
      parent {
        id
        parent {
          id
          parent {
            id
          }
        }
      }
    }
  }
`);

interface Values {
  title: string;
  category: string;
  description?: string;
  region: string[];
  requiredSkills: string[];
  skillsMandatory: boolean;
  minimumAge?: number | null;
  requiresApproval: boolean;
  requiresCheckInCode: boolean;
}

/** "Edit details": every detail of a task, pre-filled; saved as one change (claimants keep their places). */
export function EditTaskForm({ task, onDone }: { task: EditableTaskFragment & { id: string }; onDone(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [update, { loading }] = useUpdateTaskMutation();
  const { formError, showError, clearError } = useFormErrors(form, ['title', 'category', 'description', 'region', 'requiredSkills', 'skillsMandatory', 'minimumAge', 'requiresApproval', 'requiresCheckInCode'], {
    aliases: { regionId: 'region' },
  });

  const onFinish = async (v: Values) => {
    clearError();
    try {
      await update({
        variables: {
          input: {
            id: task.id,
            title: v.title.trim(),
            category: v.category,
            // An emptied description or age limit is cleared.
            description: v.description?.trim() || null,
            regionId: v.region[v.region.length - 1],
            requiredSkills: v.requiredSkills ?? [],
            skillsMandatory: v.skillsMandatory,
            minimumAge: v.minimumAge ?? null,
            requiresApproval: v.requiresApproval,
            requiresCheckInCode: v.requiresCheckInCode,
          },
        },
      });
      onDone();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Form
      form={form}
      name={`edit-task-${task.id}`}
      layout="vertical"
      requiredMark={false}
      onFinish={onFinish}
      className="task-form"
      scrollToFirstError
      initialValues={{
        title: task.title,
        category: task.category,
        description: task.description ?? '',
        region: regionPath(task.region),
        requiredSkills: [...task.requiredSkills],
        skillsMandatory: task.skillsMandatory,
        minimumAge: task.minimumAge,
        requiresApproval: task.requiresApproval,
        requiresCheckInCode: task.requiresCheckInCode,
      }}
    >
      <TaskDetailsFields regionClearable={false} />
      {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
      <div className="button-row">
        <Button type="primary" htmlType="submit" loading={loading}>
          {t('editTask.save')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </div>
    </Form>
  );
}
