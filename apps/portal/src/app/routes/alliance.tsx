import { useParams } from 'react-router';
import { AlliancePage } from '../../features/alliances/components/AlliancePage';

export default function AllianceRoute() {
  const { id } = useParams();
  return <AlliancePage key={id} id={id!} />;
}
