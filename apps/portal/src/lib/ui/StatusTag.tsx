import { useTranslation } from 'react-i18next';
import { CLAIM_STATE_TONES, claimState, reportedState, type ClaimStateInput } from './claim-state';

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

/**
 * A claim's status in words (已报名 / 候补中 / 已核实 180 分钟…), from the one mapping
 * (`claimState`); pass the claim with its record and shift where the query has them.
 */
export function ClaimStatusTag(props: { claim: ClaimStateInput } | { status: string }) {
  const { t } = useTranslation();
  const claim = 'claim' in props ? props.claim : { status: props.status };
  const state = claimState(claim);
  return <Pill tone={CLAIM_STATE_TONES[state]}>{t(`claimState.tag.${state}`, { count: claim.serviceRecord?.minutes ?? 0 })}</Pill>;
}

/** The sentence for the person whose claim it is, from the same mapping as the tag. */
export function ClaimStatusLine({ claim, className = 'status-explain' }: { claim: ClaimStateInput; className?: string }) {
  const { t } = useTranslation();
  const state = claimState(claim);
  return <span className={className}>{t(`claimState.line.${state}`, { count: claim.serviceRecord?.minutes ?? 0 })}</span>;
}

/** Hours reported from elsewhere, where they stand (待核实 / 已核实 / 未认可). */
export function ReportedStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  const state = reportedState(status);
  return <Pill tone={CLAIM_STATE_TONES[state]}>{t(`claimState.tag.${state}`)}</Pill>;
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
