import { useState } from 'react';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCancelShiftMutation } from '../api/cancel-shift';
import { AddVolunteerForm } from './AddVolunteerForm';
import { CancelDialog } from './CancelDialog';
import { EditShiftForm, type EditableShift } from './EditShiftForm';

export interface ControlledShift extends EditableShift {
  cancelledAt?: string | null;
  cancelReason?: string | null;
}

/** Task statuses whose shifts may still change (the API's `task.notEditable` otherwise). */
const EDITABLE = ['DRAFT', 'PUBLISHED', 'CLOSED'];

/**
 * A shift on the manage page: where volunteers meet, and either why it was cancelled or
 * the coordinator's changes to it (edit, cancel, add a volunteer).
 */
export function ShiftControls({ shift, taskStatus, label, now }: { shift: ControlledShift; taskStatus: string; label: string; now: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'edit' | 'add' | null>(null);
  const [cancel] = useCancelShiftMutation();
  const started = new Date(shift.startsAt).getTime() <= now;
  const ended = new Date(shift.endsAt).getTime() <= now;
  const toggle = (which: 'edit' | 'add') => setOpen((o) => (o === which ? null : which));
  const place = shift.place ? <p className="shift-place">{t('shift.meetAt', { place: shift.place })}</p> : null;

  if (shift.cancelledAt) {
    return (
      <>
        {place}
        <Alert type="warning" showIcon title={t('shift.cancelled', { reason: shift.cancelReason ?? '' })} />
      </>
    );
  }
  if (!EDITABLE.includes(taskStatus)) return place;
  const canAdd = taskStatus === 'PUBLISHED' && !ended;
  return (
    <>
      {place}
      <div className="button-row">
        {!ended ? (
          <Button onClick={() => toggle('edit')} aria-expanded={open === 'edit'} aria-label={t('editShift.openFor', { label })}>
            {t('editShift.open')}
          </Button>
        ) : null}
        {canAdd ? (
          <Button onClick={() => toggle('add')} aria-expanded={open === 'add'} aria-label={t('addVolunteer.openFor', { label })}>
            {t('addVolunteer.open')}
          </Button>
        ) : null}
        {!started ? (
          <CancelDialog
            trigger={t('cancelWork.shiftOpen')}
            triggerLabel={t('cancelWork.shiftOpenFor', { label })}
            title={t('cancelWork.shiftTitle', { label })}
            consequence={t('cancelWork.shiftConsequence')}
            confirm={t('cancelWork.shiftConfirm')}
            onCancel={(reason) => cancel({ variables: { input: { id: shift.id, reason } } })}
          />
        ) : null}
      </div>
      {open === 'edit' ? <EditShiftForm shift={shift} started={started} label={label} onDone={() => setOpen(null)} /> : null}
      {open === 'add' ? <AddVolunteerForm shiftId={shift.id} label={label} /> : null}
    </>
  );
}
