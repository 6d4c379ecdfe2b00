import { useParams } from 'react-router';
import { KioskPage } from '../../features/kiosk/components/KioskPage';

export default function KioskRoute() {
  const { shiftId } = useParams();
  return <KioskPage key={shiftId} shiftId={shiftId!} />;
}
