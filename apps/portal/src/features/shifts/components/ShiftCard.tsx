import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/time';
import { useLabels } from '../../../lib/catalog';
import { Pill } from '../../../lib/ui';
import { graphql } from '../../../gql';
import type { ShiftCardShiftFragment } from '../../../gql/graphql';
import { ClaimAction } from './ClaimAction';
import { PlacesInfo } from './PlacesInfo';
import { useDisplayName } from '../../../lib/i18n';

/** What a board card shows of a shift (the board's query spreads it for each row). */
export const ShiftCardShiftFragmentDoc = graphql(`
  fragment ShiftCardShift on Shift {
    id
    startsAt
    endsAt
    place
    ...ShiftPlaces
    ...ClaimActionShift
    task {
      id
      title
      category
      requiredSkills
      requiresApproval
      organization {
        id
        name
        nameEn
      }
      region {
        id
        name
        nameEn
      }
    }
  }
`);

export function ShiftCard({ shift }: { shift: ShiftCardShiftFragment }) {
  const { t, i18n } = useTranslation();
  const show = useDisplayName();
  const f = useFormatters();
  const labels = useLabels();
  const { task } = shift;
  const when = f.range(shift.startsAt, shift.endsAt);
  return (
    <article className="shift-card" aria-labelledby={`shift-${shift.id}-title`}>
      <div className="shift-card-head">
        <Pill tone="blue">{labels.category(task.category)}</Pill>
        {task.requiresApproval ? <Pill tone="amber">{t('task.needsApproval')}</Pill> : null}
      </div>
      <h3 id={`shift-${shift.id}-title`} className="shift-card-title">
        <Link to={`/tasks/${task.id}`}>{show(task.title)}</Link>
      </h3>
      <dl className="facts">
        <div>
          <dt>{t('shift.when')}</dt>
          <dd>{when}</dd>
        </div>
        <div>
          <dt>{t('shift.where')}</dt>
          <dd>{show(task.region)}</dd>
        </div>
        {shift.place ? (
          <div>
            <dt>{t('shift.place')}</dt>
            <dd>{shift.place}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('shift.organizer')}</dt>
          <dd>{show(task.organization)}</dd>
        </div>
        {task.requiredSkills.length ? (
          <div>
            <dt>{t('shift.skills')}</dt>
            <dd>{task.requiredSkills.map(labels.skill).join(t('common.listSeparator'))}</dd>
          </div>
        ) : null}
      </dl>
      <PlacesInfo confirmedCount={shift.confirmedCount} capacity={shift.capacity} waitlistCount={shift.waitlistCount} />
      <ClaimAction shift={shift} requiresApproval={task.requiresApproval} label={`${show(task.title)} ${when}`} />
    </article>
  );
}
