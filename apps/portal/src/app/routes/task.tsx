import { useParams } from 'react-router';
import { TaskDetail } from '../../features/shifts/components/TaskDetail';

export default function TaskRoute() {
  const { id } = useParams();
  return <TaskDetail key={id} id={id!} />;
}
