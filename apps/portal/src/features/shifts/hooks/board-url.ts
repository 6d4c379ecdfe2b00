import type { BoardFilterValues } from '../components/ShiftFilters';

/**
 * The board's filters in the address, so a reload or a shared link shows the same shifts:
 * `?region=<id>,<id>,…` (the path from the district down, or `all`), `category`, `skills`
 * (comma-separated), `from`/`to` (YYYY-MM-DD) and `space=1`. No `region` at all means the
 * board's default area (a signed-in person's home grid).
 */
export interface BoardUrlFilters extends BoardFilterValues {
  /** Undefined when the address names no area (the default applies); [] for every area. */
  region?: string[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const list = (v: string | null) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);

export function readBoardFilters(params: URLSearchParams): BoardUrlFilters {
  const region = params.get('region');
  const skills = list(params.get('skills'));
  const from = params.get('from');
  const to = params.get('to');
  return {
    region: region === null ? undefined : region === 'all' ? [] : list(region),
    category: params.get('category') || undefined,
    skills: skills.length ? skills : undefined,
    dateFrom: from && DAY.test(from) ? from : undefined,
    dateTo: to && DAY.test(to) ? to : undefined,
    onlyWithSpace: params.get('space') === '1' || undefined,
  };
}

/** The address for these filters; the area is always written, so the link shows what was chosen. */
export function boardFilterParams(v: BoardFilterValues): URLSearchParams {
  const p = new URLSearchParams();
  p.set('region', v.region?.length ? v.region.join(',') : 'all');
  if (v.category) p.set('category', v.category);
  if (v.skills?.length) p.set('skills', v.skills.join(','));
  if (v.dateFrom) p.set('from', v.dateFrom);
  if (v.dateTo) p.set('to', v.dateTo);
  if (v.onlyWithSpace) p.set('space', '1');
  return p;
}

/** An end before the start: the form says so and the board asks nothing. */
export function datesInverted(v: BoardFilterValues): boolean {
  return Boolean(v.dateFrom && v.dateTo && v.dateFrom > v.dateTo);
}
