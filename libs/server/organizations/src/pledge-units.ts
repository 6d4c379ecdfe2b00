/**
 * The units pledge activity is counted in. Codes, not words: the portal shows them in
 * the reader's language ("1 round", "36 元"), and totals add up only like with like.
 * The migration that introduced them holds the same list in a CHECK.
 */
export const PLEDGE_UNITS = ['KG', 'BAG', 'ROUND', 'HOUR', 'YUAN', 'MEAL', 'PORTION', 'ITEM', 'SESSION', 'PERSON'] as const;
export type PledgeUnit = (typeof PLEDGE_UNITS)[number];

/** Units counted in whole numbers: nobody serves half a meal or walks half a patrol round. */
export const WHOLE_UNITS: ReadonlySet<PledgeUnit> = new Set(['BAG', 'ROUND', 'MEAL', 'PORTION', 'ITEM', 'SESSION', 'PERSON']);

/** The pledges alliances use today, with the units their activity is counted in (first = the usual one). */
const KNOWN: Record<string, readonly PledgeUnit[]> = {
  WASTE_SORTING: ['KG', 'BAG'],
  SAFETY_PATROL: ['ROUND', 'HOUR'],
  VOLUNTEER_DISCOUNT: ['YUAN', 'PERSON'],
  ELDER_MEALS: ['MEAL', 'PORTION'],
};

/**
 * Alliances name their own pledges, so a pledge not listed above gets its units from
 * the words in its code (FREE_REPAIRS counts items and hours, HAIRCUT_SESSIONS sessions),
 * and failing that a general list.
 */
const BY_WORD: [RegExp, readonly PledgeUnit[]][] = [
  [/WASTE|SORT|RECYCL|GARBAGE|TRASH|垃圾/, ['KG', 'BAG']],
  [/PATROL|WATCH|巡/, ['ROUND', 'HOUR']],
  [/DISCOUNT|COUPON|VOUCHER|优惠|折/, ['YUAN', 'PERSON']],
  [/MEAL|FOOD|LUNCH|DINNER|餐|饭/, ['MEAL', 'PORTION']],
  [/REPAIR|FIX|MEND|维修|修/, ['ITEM', 'HOUR']],
  [/SESSION|CLASS|LESSON|TUTOR|HAIRCUT|CLINIC|TALK|课|讲/, ['SESSION', 'ROUND']],
];
const GENERAL: readonly PledgeUnit[] = ['ITEM', 'HOUR', 'SESSION', 'PERSON'];

/** The units activity on this pledge may be recorded in. */
export function unitsOfPledge(pledge: string): readonly PledgeUnit[] {
  return KNOWN[pledge] ?? BY_WORD.find(([re]) => re.test(pledge))?.[1] ?? GENERAL;
}

export function isPledgeUnit(unit: string): unit is PledgeUnit {
  return (PLEDGE_UNITS as readonly string[]).includes(unit);
}
