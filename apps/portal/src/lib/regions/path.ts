import { displayName } from '../i18n/display-name';

/**
 * Region name in the user's language (see displayName). Components that render names
 * should prefer `useDisplayName()`, which also re-renders once the zh-TW converter loads.
 */
export function regionLabel(r: { name: string; nameEn?: string | null }, language: string): string {
  return displayName(r, language);
}

/** The id path from the district down to a region given with its parents. */
export function regionPath(region: { id: string; parent?: { id: string; parent?: { id: string; parent?: { id: string } | null } | null } | null } | null | undefined): string[] {
  const path: string[] = [];
  let r: { id: string; parent?: unknown } | null | undefined = region;
  while (r) {
    path.unshift(r.id);
    r = r.parent as typeof r;
  }
  return path;
}
