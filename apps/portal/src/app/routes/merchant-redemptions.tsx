import { useParams } from 'react-router';
import { MerchantRedemptionsPage } from '../../features/incentives/components/MerchantRedemptionsPage';

export default function MerchantRedemptionsRoute() {
  const { orgId } = useParams();
  return <MerchantRedemptionsPage key={orgId} orgId={orgId!} />;
}
