/** Verified service hours at which each star level (星级志愿者) begins: 1 star at 100 h … 5 stars at 1500 h. */
export const STAR_LEVEL_HOURS: readonly number[] = [100, 300, 600, 1000, 1500];

/** The star level (0–5) of so many verified minutes, both kinds counted. */
export function starLevelOf(minutes: number): number {
  const hours = minutes / 60;
  return STAR_LEVEL_HOURS.filter((h) => hours >= h).length;
}
