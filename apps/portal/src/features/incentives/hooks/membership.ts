import { useSession } from '../../../lib/auth';

const RANK: Record<string, number> = { MEMBER: 1, COORDINATOR: 2, ADMIN: 3, OWNER: 4 };

/** Any member may confirm codes at the counter; ADMINs and the OWNER manage rewards and see the figures. */
export function merchantAccess(role: string | null | undefined): { member: boolean; admin: boolean } {
  const rank = RANK[role ?? ''] ?? 0;
  return { member: rank >= RANK.MEMBER, admin: rank >= RANK.ADMIN };
}

/** The signed-in person's role in an organisation (active memberships only), and what it lets them do here. */
export function useMerchantRole(organizationId: string) {
  const { me, loading } = useSession();
  const role = me?.memberships.find((m) => m.organization.id === organizationId)?.role ?? null;
  return { loading, role, ...merchantAccess(role) };
}
