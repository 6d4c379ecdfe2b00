import { ShiftBoard } from '../../features/shifts/components/ShiftBoard';
import { ElderHome } from '../../features/elder/components/ElderHome';
import { usePrefs } from '../../lib/prefs';
import { useActing } from '../../lib/acting/ActingProvider';

/**
 * The home: the shift board, or in elder mode a few large actions instead. Someone acting
 * for a resident keeps the board, where they claim for them.
 */
export default function BoardRoute() {
  const { elderMode } = usePrefs();
  const { actingFor } = useActing();
  return elderMode && !actingFor ? <ElderHome /> : <ShiftBoard />;
}
