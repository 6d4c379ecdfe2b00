import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import type { RequestContext } from '@civicgrid/platform';
import { STANDING } from './claim-status';
import { ShiftClaimEntity } from './shift-claim.entity';

/**
 * A person's standing claim per shift, batched per request: one loader per person, whoever
 * asks first. The board primes the viewer's with the claims its statement joined; the claim
 * button elsewhere, and a proxy's board for the resident acted for, fetch through it.
 */
export function viewerClaimLoader(ctx: RequestContext, em: EntityManager, volunteerId: string): DataLoader<string, ShiftClaimEntity | null> {
  return ctx.loader<string, ShiftClaimEntity | null>(`claim.standingByShift:${volunteerId}`, async (ids) => {
    const rows = await em.getRepository(ShiftClaimEntity).find({ where: { shiftId: In([...ids]), volunteerId, status: In(STANDING) } });
    return ids.map((i) => rows.find((r) => r.shiftId === i) ?? null);
  });
}
