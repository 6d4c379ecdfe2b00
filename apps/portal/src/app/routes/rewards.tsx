import { RewardsPage } from '../../features/incentives/components/RewardsPage';

export default function RewardsRoute() {
  return <RewardsPage />;
}
