import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../lib/catalog';
import { MatchReasons } from '../../../lib/matching';
import { useFormatters } from '../../../lib/time';
import { ErrorAlert } from '../../../lib/ui';
import { useRecommendedShifts } from '../api/recommended-shifts';
import { ClaimAction } from './ClaimAction';
import { useDisplayName } from '../../../lib/i18n';

/** "Recommended for you": the signed-in volunteer's best five shifts, each with its reasons. */
export default function RecommendedShifts() {
  const { t } = useTranslation();
  const show = useDisplayName();
  const f = useFormatters();
  const labels = useLabels();
  const { data, error } = useRecommendedShifts();
  const list = data?.recommendedShifts ?? [];
  if (error) return <ErrorAlert error={error} />;
  if (!list.length) return null;
  return (
    <section className="panel recommended" aria-labelledby="recommended-heading">
      <h2 id="recommended-heading" className="section-title">
        {t('recommend.shiftsTitle')}
      </h2>
      <p className="hint">{t('recommend.shiftsLead')}</p>
      <ul className="card-list">
        {list.map((r) => {
          const when = f.range(r.shift.startsAt, r.shift.endsAt);
          return (
            <li key={r.shift.id}>
              <article className="shift-card" aria-labelledby={`rec-${r.shift.id}`}>
                <h3 id={`rec-${r.shift.id}`} className="shift-card-title">
                  <Link to={`/tasks/${r.shift.task.id}`}>{show(r.shift.task.title)}</Link>
                </h3>
                <p>
                  {when} · {labels.category(r.shift.task.category)} · {show(r.shift.task.organization)}
                </p>
                <MatchReasons score={r.score} reasons={r.reasons} />
                <ClaimAction shift={r.shift} requiresApproval={r.shift.task.requiresApproval} label={`${show(r.shift.task.title)} ${when}`} />
              </article>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
