const RANK: Record<string, number> = { MEMBER: 1, COORDINATOR: 2, ADMIN: 3, OWNER: 4 };

/** Coordinators and above publish tasks, decide claims and verify service. */
export function canCoordinate(role: string | null | undefined): boolean {
  return (RANK[role ?? ''] ?? 0) >= RANK.COORDINATOR;
}
