import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import type { RecommendedShiftFragment } from '../../../gql/graphql';
import { useLabels } from '../../../lib/catalog';
import { MatchReasons } from '../../../lib/matching';
import { useFormatters } from '../../../lib/time';
import { ClaimAction } from './ClaimAction';
import { useDisplayName } from '../../../lib/i18n';

/** What the panel shows of one recommendation (the board's one query spreads it). */
export const RecommendedShiftFragmentDoc = graphql(`
  fragment RecommendedShift on ShiftRecommendation {
    score
    distanceKm
    reasons {
      code
      weight
      detail
    }
    shift {
      id
      startsAt
      endsAt
      ...ClaimActionShift
      task {
        id
        title
        category
        requiresApproval
        organization {
          id
          name
          nameEn
        }
      }
    }
  }
`);

/**
 * "Recommended for you": the signed-in volunteer's best shifts, each with its reasons. On a
 * small screen (`compact`) it starts folded to its heading, so the board's own list is on
 * the first screen; one tap opens it.
 */
export default function RecommendedShifts({ recommendations, compact = false }: { recommendations: readonly RecommendedShiftFragment[]; compact?: boolean }) {
  const { t } = useTranslation();
  const show = useDisplayName();
  const f = useFormatters();
  const labels = useLabels();
  const [open, setOpen] = useState(!compact);
  if (!recommendations.length) return null;
  const shown = open || !compact;
  return (
    <section className={compact ? 'panel recommended recommended-compact' : 'panel recommended'} aria-labelledby="recommended-heading">
      <div className="recommended-head">
        <h2 id="recommended-heading" className="section-title">
          {t('recommend.shiftsTitle')}
        </h2>
        {compact ? (
          <Button aria-expanded={open} aria-controls="recommended-list" onClick={() => setOpen((o) => !o)}>
            {open ? t('board.hideRecommended') : t('board.showRecommended', { count: recommendations.length })}
          </Button>
        ) : null}
      </div>
      {shown ? (
        <div id="recommended-list">
          <p className="hint">{t('recommend.shiftsLead')}</p>
          <ul className="card-list">
            {recommendations.map((r) => {
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
        </div>
      ) : null}
    </section>
  );
}
