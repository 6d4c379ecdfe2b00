import { ShiftBoard } from '../../features/shifts/components/ShiftBoard';

export default function BoardRoute() {
  return <ShiftBoard />;
}
