import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormErrors } from '../../../lib/errors';
import { RegionCascader, regionLabel } from '../../../lib/regions';
import { ErrorAlert, Loading, useListActionType } from '../../../lib/ui';
import { useGridLeaders } from '../api/grid-leaders';
import { useAppointGridLeaderMutation, useRemoveGridLeaderMutation } from '../api/appoint-grid-leader';
import { useFindPerson } from '../api/find-person';

/** Officials (for grids in their area) and administrators: a grid's leaders, appointing by phone, removing. */
export function GridLeaders() {
  const { t, i18n } = useTranslation();
  const primary = useListActionType();
  const [gridPath, setGridPath] = useState<string[]>([]);
  const gridId = gridPath.length ? gridPath[gridPath.length - 1] : undefined;
  const { data, loading, error, refetch } = useGridLeaders(gridId);
  const grid = data?.region?.id === gridId ? data?.region : undefined;
  const gridName = grid ? regionLabel(grid, i18n.language) : '';

  const [form] = Form.useForm<{ phone: string }>();
  const [find, found] = useFindPerson();
  const [appoint, appointing] = useAppointGridLeaderMutation();
  const [remove, removing] = useRemoveGridLeaderMutation();
  const [note, setNote] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<unknown>(null);
  const { formError, showError, clearError } = useFormErrors(form, ['phone'], { aliases: { userId: 'phone' } });

  return (
    <>
      <label className="stack-field" htmlFor="grid-leaders-grid">
        <span className="field-label">{t('gridLeaders.grid')}</span>
        <RegionCascader
          id="grid-leaders-grid"
          value={gridPath}
          onChange={(path) => {
            setGridPath(path);
            setNote(null);
            setRemoveError(null);
            clearError();
          }}
          placeholder={t('gridLeaders.gridRequired')}
        />
      </label>
      {gridId && !grid && loading ? <Loading /> : null}
      <ErrorAlert error={error} onRetry={error ? () => void refetch() : undefined} />
      {grid && grid.level === 'GRID' ? (
        <>
          <h3>{t('gridLeaders.current', { grid: gridName })}</h3>
          {grid.gridLeaders.length === 0 ? <p className="hint">{t('gridLeaders.none')}</p> : null}
          <ul className="plain-list">
            {grid.gridLeaders.map((leader) => (
              <li key={leader.id} className="record-row">
                <span className="record-title">{leader.displayName}</span>
                {leader.phone ? <span>{leader.phone}</span> : null}
                <Button
                  danger
                  loading={removing.loading}
                  onClick={async () => {
                    setRemoveError(null);
                    setNote(null);
                    try {
                      await remove({ variables: { input: { regionId: grid.id, userId: leader.id } } });
                      setNote(t('gridLeaders.removed', { name: leader.displayName }));
                    } catch (e) {
                      setRemoveError(e);
                    }
                  }}
                >
                  {t('gridLeaders.remove', { name: leader.displayName })}
                </Button>
              </li>
            ))}
          </ul>
          <ErrorAlert error={removeError} />
          <Form
            form={form}
            name="appoint-grid-leader"
            layout="vertical"
            requiredMark={false}
            className="narrow-form"
            onFinish={async (v) => {
              clearError();
              setNote(null);
              try {
                const r = await find({ variables: { phone: v.phone.trim() } });
                const person = r.data?.userByPhone;
                if (!person) {
                  form.setFields([{ name: 'phone', errors: [t('official.personNotFound')] }]);
                  return;
                }
                await appoint({ variables: { input: { regionId: grid.id, userId: person.id } } });
                form.resetFields();
                setNote(t('gridLeaders.appointed', { name: person.displayName, grid: gridName }));
              } catch (e) {
                showError(e);
              }
            }}
          >
            <Form.Item name="phone" label={t('gridLeaders.phone')} rules={[{ required: true, pattern: /^1\d{10}$/, message: t('membership.phoneInvalid') }]}>
              <Input inputMode="tel" />
            </Form.Item>
            {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
            <Button type={primary} htmlType="submit" loading={appointing.loading || found.loading}>
              {t('gridLeaders.appoint')}
            </Button>
          </Form>
        </>
      ) : null}
      <div aria-live="polite">{note ? <p className="saved-note">{note}</p> : null}</div>
    </>
  );
}
