/** Region name in the user's language: the English alias in English, else the local name. */
export function regionLabel(r: { name: string; nameEn?: string | null }, language: string): string {
  return language === 'en' && r.nameEn ? r.nameEn : r.name;
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
