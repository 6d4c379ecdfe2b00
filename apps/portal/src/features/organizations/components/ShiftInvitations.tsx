import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import type { ShiftInvitationsFragment } from '../../../gql/graphql';
import { useFormatters } from '../../../lib/time';
import { Pill } from '../../../lib/ui';

export const ShiftInvitationsFragmentDoc = graphql(`
  fragment ShiftInvitations on Shift {
    id
    invitations(first: 50) {
      id
      status
      createdAt
      respondedAt
      expiresAt
      volunteer {
        id
        displayName
      }
    }
  }
`);

const TONE = { PENDING: 'amber', ACCEPTED: 'green', DECLINED: 'red', EXPIRED: 'grey', WITHDRAWN: 'grey' } as const;

/** Who was invited to a shift (by hand or by the auto-fill) and how each answered, newest first. */
export function ShiftInvitations({ shift, headingId }: { shift: ShiftInvitationsFragment; headingId: string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const list = shift.invitations;
  return (
    <div className="shift-invitations">
      <h3 id={headingId}>{t('shiftInvitations.title', { count: list.length })}</h3>
      {list.length === 0 ? <p className="hint">{t('shiftInvitations.none')}</p> : null}
      <ul className="plain-list" aria-labelledby={headingId}>
        {list.map((i) => (
          <li key={i.id} className="claim-row">
            <div className="claim-row-main">
              <strong>{i.volunteer.displayName}</strong> <Pill tone={TONE[i.status]}>{t(`shiftInvitations.status.${i.status}`)}</Pill>
            </div>
            <span className="hint">
              {t('shiftInvitations.sent', { time: f.dateTime(i.createdAt) })}
              {i.respondedAt ? ` · ${t('shiftInvitations.answered', { time: f.dateTime(i.respondedAt) })}` : null}
              {i.status === 'PENDING' ? ` · ${t('shiftInvitations.lapses', { time: f.dateTime(i.expiresAt) })}` : null}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
