import { useTranslation } from 'react-i18next';
import { useDisplayName } from '../../../lib/i18n';
import { useFormatters } from '../../../lib/time';
import type { HonourFieldsFragment } from '../../../gql/graphql';

export function HonoursList({ honours }: { honours: readonly HonourFieldsFragment[] }) {
  const { t } = useTranslation();
  const show = useDisplayName();
  const f = useFormatters();
  if (!honours.length) return <p className="hint">{t('honours.none')}</p>;
  return (
    <ul className="plain-list">
      {honours.map((h) => (
        <li key={h.id} className="record-row">
          <strong className="record-title">{h.title}</strong>
          <span>{h.reason}</span>
          <span className="hint">{t('honours.awardedBy', { organization: show(h.awardedBy), date: f.date(h.awardedAt) })}</span>
        </li>
      ))}
    </ul>
  );
}
