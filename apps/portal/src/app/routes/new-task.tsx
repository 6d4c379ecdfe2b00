import { useParams } from 'react-router';
import { CreateTaskForm } from '../../features/organizations/components/CreateTaskForm';

export default function NewTaskRoute() {
  const { orgId } = useParams();
  return <CreateTaskForm key={orgId} organizationId={orgId!} />;
}
