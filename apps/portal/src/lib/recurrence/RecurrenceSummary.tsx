import { useTranslation } from 'react-i18next';
import { Pill } from '../ui';
import { type RecurrenceFacts, useRecurrenceText } from './recurrence';

/** "Repeats weekly on Mon, Wed": on a recurring shift's occurrences and its series. */
export function RecurrenceSummary({ recurrence, exceptions }: { recurrence: RecurrenceFacts; exceptions?: readonly string[] }) {
  const { t } = useTranslation();
  const text = useRecurrenceText();
  return (
    <span className="recurrence-summary">
      <Pill tone="purple">{text(recurrence)}</Pill>
      {exceptions?.length ? <span className="hint"> {t('recurrence.skipping', { count: exceptions.length })}</span> : null}
    </span>
  );
}
