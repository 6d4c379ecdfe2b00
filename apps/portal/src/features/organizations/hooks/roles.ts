const RANK: Record<string, number> = { MEMBER: 1, COORDINATOR: 2, ADMIN: 3, OWNER: 4 };

/** Coordinators and above publish tasks, decide claims and verify service. */
export function canCoordinate(role: string | null | undefined): boolean {
  return (RANK[role ?? ''] ?? 0) >= RANK.COORDINATOR;
}

/** Admins and owners manage members. */
export function canAdminister(role: string | null | undefined): boolean {
  return (RANK[role ?? ''] ?? 0) >= RANK.ADMIN;
}

export const MEMBER_ROLES = ['OWNER', 'ADMIN', 'COORDINATOR', 'MEMBER'] as const;
export const SENIOR_TITLES = ['RETIRED_CADRE', 'RETIRED_TEACHER', 'RETIRED_POLICE', 'VETERAN', 'MODEL_WORKER', 'OTHER'] as const;
