import { useParams } from 'react-router';
import { ManageTask } from '../../features/organizations/components/ManageTask';

export default function ManageTaskRoute() {
  const { orgId, taskId } = useParams();
  return <ManageTask key={taskId} organizationId={orgId!} taskId={taskId!} />;
}
