import { Alert, Button, Form, Input, InputNumber } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Limits } from '@civicgrid/contracts';
import type { Dayjs } from 'dayjs';
import { useFormErrors } from '../../../lib/errors';
import { regionPath } from '../../../lib/regions';
import { dayjs, getTimeZone } from '../../../lib/time';
import { DateTimePicker, ErrorAlert, Loading, PageTitle } from '../../../lib/ui';
import { useCreateTaskMutation } from '../api/create-task';
import { useOrganizationPage } from '../api/organization';
import { TaskDetailsFields } from './TaskDetailsFields';
import { shiftProblems, type ShiftDraft } from './shift-rules';
import { RecurrencePreview, RepeatFields } from '../../../lib/recurrence';
import { type ShiftRow, shiftsAndSeries } from './recurrence/task-series';

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
  shifts: ShiftRow[];
}


/** The picker shows wall-clock time; read it as time in the user's zone. */
export function toZonedIso(value: Dayjs): string {
  return dayjs.tz(value.format('YYYY-MM-DDTHH:mm'), getTimeZone()).toISOString();
}

/** The other way: a moment as the picker shows it, the wall-clock time in the user's zone. */
export function fromZonedIso(iso: string): Dayjs {
  return dayjs(dayjs(iso).tz(getTimeZone()).format('YYYY-MM-DDTHH:mm'));
}

export function CreateTaskForm({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const org = useOrganizationPage(organizationId);
  const [create, { loading }] = useCreateTaskMutation();
  const { formError, showError, clearError } = useFormErrors(form, ['title', 'category', 'description', 'region', 'requiredSkills', 'skillsMandatory', 'minimumAge', 'shifts'], {
    aliases: { regionId: 'region' },
  });

  if (!org.data && org.loading) return <Loading />;
  if (org.error && !org.data) return <ErrorAlert error={org.error} />;
  const o = org.data?.organization;

  const rule = (field: keyof ReturnType<typeof shiftProblems>, index: number) => ({
    validator: () => {
      const s = form.getFieldValue(['shifts', index]) as ShiftDraft | undefined;
      const problem = shiftProblems(s ?? {})[field];
      return problem ? Promise.reject(new Error(t(problem, { max: field === 'place' ? Limits.shiftPlaceMaxLength : Limits.shiftCapacityMax, hours: Limits.shiftMaxHours }))) : Promise.resolve();
    },
  });

  const onFinish = async (v: Values) => {
    clearError();
    try {
      const { data } = await create({
        variables: {
          input: {
            organizationId,
            title: v.title.trim(),
            category: v.category,
            description: v.description?.trim() || undefined,
            regionId: v.region[v.region.length - 1],
            requiredSkills: v.requiredSkills ?? [],
            skillsMandatory: v.skillsMandatory,
            minimumAge: v.minimumAge ?? undefined,
            requiresApproval: v.requiresApproval,
            requiresCheckInCode: v.requiresCheckInCode,
            ...shiftsAndSeries(v.shifts, toZonedIso),
          },
        },
      });
      if (data) navigate(`/orgs/${organizationId}/tasks/${data.createTask.id}`);
    } catch (e) {
      showError(e);
    }
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/orgs/${organizationId}`}>{o?.name ?? t('org.mine')}</Link>
      </p>
      <PageTitle>{t('createTask.title')}</PageTitle>
      <Form
        form={form}
        name="create-task"
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        className="task-form"
        scrollToFirstError
        initialValues={{
          category: 'ELDER_CARE',
          region: regionPath(o?.region),
          requiredSkills: [],
          skillsMandatory: false,
          requiresApproval: false,
          requiresCheckInCode: false,
          shifts: [{ capacity: 5 }],
        }}
      >
        <TaskDetailsFields />

        <fieldset className="shift-fieldset">
          <legend>{t('createTask.shifts')}</legend>
          <Form.List
            name="shifts"
            rules={[
              {
                validator: (_, shifts: ShiftDraft[] | undefined) =>
                  shifts && shifts.length >= 1 && shifts.length <= Limits.shiftsPerTaskMax ? Promise.resolve() : Promise.reject(new Error(t('createTask.shiftsCount', { max: Limits.shiftsPerTaskMax }))),
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((field, index) => (
                  <div key={field.key} className="shift-row" role="group" aria-label={t('createTask.shiftN', { n: index + 1 })}>
                    <p className="shift-row-title">{t('createTask.shiftN', { n: index + 1 })}</p>
                    <Form.Item name={[field.name, 'startsAt']} label={t('createTask.startsAt')} dependencies={[['shifts', field.name, 'endsAt']]} rules={[rule('startsAt', field.name)]}>
                      <DateTimePicker />
                    </Form.Item>
                    <Form.Item name={[field.name, 'endsAt']} label={t('createTask.endsAt')} dependencies={[['shifts', field.name, 'startsAt']]} rules={[rule('endsAt', field.name)]}>
                      <DateTimePicker />
                    </Form.Item>
                    <Form.Item name={[field.name, 'capacity']} label={t('createTask.capacity')} extra={t('createTask.capacityHint', { max: Limits.shiftCapacityMax })} rules={[rule('capacity', field.name)]}>
                      <InputNumber style={{ width: '100%' }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'place']} label={t('createTask.place')} className="shift-place-item" extra={t('createTask.placeHint')} rules={[rule('place', field.name)]}>
                      <Input />
                    </Form.Item>
                    <RepeatFields name={[field.name, 'repeat']} path={['shifts', field.name, 'repeat']} start={['shifts', field.name, 'startsAt']} />
                    <RecurrencePreview repeat={['shifts', field.name, 'repeat']} start={['shifts', field.name, 'startsAt']} end={['shifts', field.name, 'endsAt']} toIso={toZonedIso} />
                    {fields.length > 1 ? (
                      <Button danger onClick={() => remove(field.name)}>
                        {t('createTask.removeShift', { n: index + 1 })}
                      </Button>
                    ) : null}
                  </div>
                ))}
                <Form.ErrorList errors={errors} />
                <Button onClick={() => add({ capacity: 5 })} block>
                  {t('createTask.addShift')}
                </Button>
              </>
            )}
          </Form.List>
        </fieldset>
        {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
        <p className="hint">{t('createTask.draftNote')}</p>
        <Button type="primary" htmlType="submit" loading={loading} block size="large">
          {t('createTask.submit')}
        </Button>
      </Form>
    </>
  );
}
