import { useTranslation } from 'react-i18next';
import { Pill, type Tone } from '../../../lib/ui';
import type { IncentiveStatus } from '../../../gql/graphql';

const TONE: Record<IncentiveStatus, Tone> = { ISSUED: 'green', PENDING_APPROVAL: 'amber', REJECTED: 'red' };

export function IncentiveStatusTag({ status }: { status: IncentiveStatus }) {
  const { t } = useTranslation();
  return <Pill tone={TONE[status]}>{t(`budgets.status.${status}`)}</Pill>;
}
