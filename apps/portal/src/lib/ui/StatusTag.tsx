import { useTranslation } from 'react-i18next';

/** Text and background pairs with contrast ≥ 7:1, so tags read in both modes. */
const TONES = {
  green: { color: '#135200', background: '#f6ffed', borderColor: '#135200' },
  amber: { color: '#6b3d00', background: '#fff7e6', borderColor: '#6b3d00' },
  blue: { color: '#00307a', background: '#eef4ff', borderColor: '#00307a' },
  teal: { color: '#00474f', background: '#e6fffb', borderColor: '#00474f' },
  grey: { color: '#262626', background: '#f5f5f5', borderColor: '#595959' },
  red: { color: '#820014', background: '#fff1f0', borderColor: '#820014' },
  purple: { color: '#391085', background: '#f9f0ff', borderColor: '#391085' },
} as const;
export type Tone = keyof typeof TONES;

export function Pill({ tone, children }: { tone: Tone; children: React.ReactNode }) {
  return (
    <span className="pill" style={TONES[tone]}>
      {children}
    </span>
  );
}

const CLAIM_TONES: Record<string, Tone> = {
  CONFIRMED: 'green',
  WAITLISTED: 'amber',
  PENDING_APPROVAL: 'blue',
  CHECKED_IN: 'teal',
  ATTENDED: 'purple',
  CANCELLED: 'grey',
  REJECTED: 'red',
  NO_SHOW: 'red',
};

/** A claim's status in words, e.g. 已报名 / 候补中 / 待审核. */
export function ClaimStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Pill tone={CLAIM_TONES[status] ?? 'grey'}>{t(`claimStatus.${status}`)}</Pill>;
}

const RECORD_TONES: Record<string, Tone> = { PENDING: 'amber', VERIFIED: 'green', REJECTED: 'red' };
export function ServiceStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Pill tone={RECORD_TONES[status] ?? 'grey'}>{t(`serviceStatus.${status}`)}</Pill>;
}

const TASK_TONES: Record<string, Tone> = { DRAFT: 'grey', PUBLISHED: 'green', CLOSED: 'amber', COMPLETED: 'purple', CANCELLED: 'red' };
export function TaskStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Pill tone={TASK_TONES[status] ?? 'grey'}>{t(`taskStatus.${status}`)}</Pill>;
}
