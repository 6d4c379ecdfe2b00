import { PublicIncentives } from '../../features/budgets/components/PublicIncentives';

export default function IncentivesRoute() {
  return <PublicIncentives />;
}
