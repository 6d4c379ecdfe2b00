import { useEffect, useLayoutEffect, useRef } from 'react';
import { useShiftUpdated, useTopRegions } from '../api/shift-updated';

function RegionFeed({ regionId, onDown }: { regionId: string; onDown(): void }) {
  const { error } = useShiftUpdated(regionId);
  const down = useRef(onDown);
  useLayoutEffect(() => {
    down.current = onDown;
  });
  useEffect(() => {
    if (error) down.current();
  }, [error]);
  return null;
}

/** Keeps the board's counts live: the chosen region's feed, or one per top region when none is chosen. */
export default function LiveShiftUpdates({ regionId, onDown }: { regionId?: string; onDown(): void }) {
  const top = useTopRegions(Boolean(regionId));
  const ids = regionId ? [regionId] : (top.data?.regions.map((r) => r.id) ?? []);
  return (
    <>
      {ids.map((id) => (
        <RegionFeed key={id} regionId={id} onDown={onDown} />
      ))}
    </>
  );
}
