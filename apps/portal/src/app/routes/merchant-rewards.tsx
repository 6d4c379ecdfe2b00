import { useParams } from 'react-router';
import { MerchantRewardsPage } from '../../features/incentives/components/MerchantRewardsPage';

export default function MerchantRewardsRoute() {
  const { orgId } = useParams();
  return <MerchantRewardsPage key={orgId} orgId={orgId!} />;
}
