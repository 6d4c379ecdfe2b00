/** Verified service hours at which each star level (1–5, 星级志愿者) begins. */
export const STAR_LEVEL_HOURS = [100, 300, 600, 1000, 1500] as const;

/** Where a volunteer stands: the next level and the hours still to serve for it (none at 5 stars). */
export function starProgress(level: number, verifiedMinutes: number | null | undefined): { next: number; hoursToGo: number; target: number } | null {
  if (level >= STAR_LEVEL_HOURS.length || verifiedMinutes == null) return null;
  const target = STAR_LEVEL_HOURS[level];
  const hours = verifiedMinutes / 60;
  return { next: level + 1, target, hoursToGo: Math.max(0, Math.ceil((target - hours) * 10) / 10) };
}
