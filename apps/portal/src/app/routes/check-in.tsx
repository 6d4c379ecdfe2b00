import { useParams, useSearchParams } from 'react-router';
import { CheckInPage } from '../../features/check-in/components/CheckInPage';

export default function CheckInRoute() {
  const { shiftId } = useParams();
  const [params] = useSearchParams();
  return <CheckInPage key={shiftId} shiftId={shiftId!} code={params.get('code')} />;
}
