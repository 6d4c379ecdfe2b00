/**
 * A path into the portal (`/my-shifts`), or null for anything else: another site, or a
 * protocol-relative `//host` that the browser would leave the portal for.
 */
export function internalPath(link: string | null | undefined): string | null {
  return link && link.startsWith('/') && !link.startsWith('//') ? link : null;
}
