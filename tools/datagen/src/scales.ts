/** How big a district to generate. Shifts, claims and service records follow from tasks and people. */
export interface Scale {
  name: 'small' | 'district';
  /** people with the RESIDENT role (volunteers included); staff accounts come on top */
  residents: number;
  /** residents with a volunteer profile (skills, languages, availability) who claim shifts */
  volunteers: number;
  organizations: number;
  tasks: number;
  needs: number;
}

export const SCALES: Record<Scale['name'], Scale> = {
  // 100k residents, 20k volunteers, 500 organisations, 50k tasks: ~500k shifts, ~3.3M claims, ~1.8M service records.
  district: { name: 'district', residents: 100_000, volunteers: 20_000, organizations: 500, tasks: 50_000, needs: 2_000 },
  // About 1/200 of a district (organisations excepted: every street, community and department keeps its own), same 30 grids.
  small: { name: 'small', residents: 500, volunteers: 100, organizations: 40, tasks: 250, needs: 20 },
};
