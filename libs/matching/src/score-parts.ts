/**
 * The parts of a score, each a pure function into [0, 1] (1 = best). The
 * README gives the same formulas; change both together.
 */

/** Share of the shift's required skills the volunteer has; `neutral` when none are asked. */
export function skillPart(required: readonly string[], skills: ReadonlySet<string>, neutral: number): number {
  if (required.length === 0) return neutral;
  let matched = 0;
  for (const skill of required) if (skills.has(skill)) matched++;
  return matched / required.length;
}

/** 1 at the door, 1/2 at `halfKm`, falling gently after: 1 / (1 + d / halfKm). */
export function distancePart(distanceKm: number, halfKm: number): number {
  return 1 / (1 + distanceKm / halfKm);
}

/** Share of the shift covered by declared windows; `neutral` when nothing is declared. */
export function availabilityPart(coverage: number | null, neutral: number): number {
  return coverage === null ? neutral : coverage;
}

/**
 * Mean of how soon the shift starts, 2^(-hours / half-life), and the share of
 * its places still open: a shift tomorrow with every place open is most urgent.
 */
export function urgencyPart(hoursToStart: number, halfLifeHours: number, placesLeft: number, placesTotal: number): number {
  const soon = Math.pow(2, -Math.max(0, hoursToStart) / halfLifeHours);
  return (soon + unfilledShare(placesLeft, placesTotal)) / 2;
}

export function unfilledShare(placesLeft: number, placesTotal: number): number {
  if (!(placesTotal > 0)) return 1;
  return Math.min(1, Math.max(0, placesLeft / placesTotal));
}

/** Favours those with fewer verified minutes in the last 30 days: 1 / (1 + minutes / halfMinutes). */
export function fairnessPart(verifiedMinutes: number, halfMinutes: number): number {
  return 1 / (1 + Math.max(0, verifiedMinutes) / halfMinutes);
}

/**
 * Attendance rate shrunk towards a prior by `priorClaims` pseudo-claims, so one
 * attended claim does not make a newcomer perfectly reliable:
 * (rate·n + prior·k) / (n + k). Unknown rate → the prior. Without n, the rate as given.
 */
export function reliabilityPart(
  rate: number | null | undefined,
  pastClaims: number | undefined,
  prior: number,
  priorClaims: number,
): number {
  if (rate === null || rate === undefined) return prior;
  if (pastClaims === undefined) return rate;
  const n = Math.max(0, pastClaims);
  return n + priorClaims > 0 ? (rate * n + prior * priorClaims) / (n + priorClaims) : prior;
}

/** 1 if the volunteer speaks the wanted language, 0 if not, `neutral` when none is wanted. */
export function languagePart(wanted: string | null | undefined, languages: ReadonlySet<string>, neutral: number): number {
  if (!wanted) return neutral;
  return languages.has(wanted) ? 1 : 0;
}
