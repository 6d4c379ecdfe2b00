import { useState, type ReactNode } from 'react';
import { Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { AddShiftSeriesForm } from './AddShiftSeriesForm';

/** Adding a shift: once (the form given as children), or repeating. */
export function ShiftAdder({ taskId, children }: { taskId: string; children: ReactNode }) {
  const { t } = useTranslation();
  const [repeating, setRepeating] = useState(false);
  return (
    <>
      <Radio.Group
        className="shift-adder-choice"
        aria-label={t('recurrence.kind')}
        optionType="button"
        value={repeating ? 'repeat' : 'once'}
        onChange={(e) => setRepeating(e.target.value === 'repeat')}
        options={[
          { value: 'once', label: t('recurrence.once') },
          { value: 'repeat', label: t('recurrence.repeating') },
        ]}
      />
      {repeating ? <AddShiftSeriesForm taskId={taskId} /> : children}
    </>
  );
}
