import { useParams } from 'react-router';
import { CounterPage } from '../../features/incentives/components/CounterPage';

export default function MerchantCounterRoute() {
  const { orgId } = useParams();
  return <CounterPage key={orgId} orgId={orgId!} />;
}
