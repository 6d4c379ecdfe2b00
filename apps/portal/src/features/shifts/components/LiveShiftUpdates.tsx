import { useEffect, useLayoutEffect, useRef } from 'react';
import { useShiftUpdated, useTopRegions } from '../api/shift-updated';

/** Calls the latest `onDown` each time `down` turns true (and on mount when it is). */
function useReportDown(down: boolean, onDown: () => void) {
  const report = useRef(onDown);
  useLayoutEffect(() => {
    report.current = onDown;
  });
  useEffect(() => {
    if (down) report.current();
  }, [down]);
}

function RegionFeed({ regionId, onDown }: { regionId: string; onDown(): void }) {
  const { error } = useShiftUpdated(regionId);
  useReportDown(Boolean(error), onDown);
  return null;
}

/** Keeps the board's counts live: the chosen region's feed, or one per top region when none is chosen. */
export default function LiveShiftUpdates({ regionId, onDown }: { regionId?: string; onDown(): void }) {
  const top = useTopRegions(Boolean(regionId));
  const ids = regionId ? [regionId] : (top.data?.regions.map((r) => r.id) ?? []);
  // No top regions to follow (the query failed, or there are none): no feed, so the board polls.
  useReportDown(!regionId && (Boolean(top.error) || top.data?.regions.length === 0), onDown);
  return (
    <>
      {ids.map((id) => (
        <RegionFeed key={id} regionId={id} onDown={onDown} />
      ))}
    </>
  );
}
