import { useParams } from 'react-router';
import { ShiftCheckIn } from '../../features/organizations/components/ShiftCheckIn';

export default function ShiftCheckInRoute() {
  const { orgId, taskId, shiftId } = useParams();
  return <ShiftCheckIn key={shiftId} organizationId={orgId!} taskId={taskId!} shiftId={shiftId!} />;
}
