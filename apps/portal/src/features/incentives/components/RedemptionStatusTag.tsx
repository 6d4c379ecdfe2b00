import { useTranslation } from 'react-i18next';
import { Pill, type Tone } from '../../../lib/ui';

const TONES: Record<string, Tone> = { HELD: 'blue', CONFIRMED: 'green', CANCELLED: 'grey', EXPIRED: 'amber' };

export function RedemptionStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Pill tone={TONES[status] ?? 'grey'}>{t(`incentives.redemptionStatus.${status}`)}</Pill>;
}
