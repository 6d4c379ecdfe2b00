import { useParams } from 'react-router';
import { SettlementPage } from '../../features/incentives/components/SettlementPage';

export default function MerchantSettlementRoute() {
  const { orgId } = useParams();
  return <SettlementPage key={orgId} orgId={orgId!} />;
}
