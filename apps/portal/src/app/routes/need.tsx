import { useParams } from 'react-router';
import { NeedPage } from '../../features/needs/components/NeedPage';

export default function NeedRoute() {
  const { id } = useParams();
  return <NeedPage key={id} id={id!} />;
}
