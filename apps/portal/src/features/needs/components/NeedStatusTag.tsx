import { useTranslation } from 'react-i18next';
import { Pill } from '../../../lib/ui';

const TONES = { OPEN: 'blue', ADOPTED: 'green', FULFILLED: 'purple', CLOSED: 'grey' } as const;

export function NeedStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Pill tone={TONES[status as keyof typeof TONES] ?? 'grey'}>{t(`needStatus.${status}`)}</Pill>;
}
