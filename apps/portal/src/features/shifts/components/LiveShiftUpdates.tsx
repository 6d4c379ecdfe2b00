import { useShiftUpdated, useTopRegions } from '../api/shift-updated';

function RegionFeed({ regionId }: { regionId: string }) {
  useShiftUpdated(regionId);
  return null;
}

/** Keeps the board's counts live: the chosen region's feed, or one per top region when none is chosen. */
export default function LiveShiftUpdates({ regionId }: { regionId?: string }) {
  const top = useTopRegions(Boolean(regionId));
  const ids = regionId ? [regionId] : (top.data?.regions.map((r) => r.id) ?? []);
  return (
    <>
      {ids.map((id) => (
        <RegionFeed key={id} regionId={id} />
      ))}
    </>
  );
}
