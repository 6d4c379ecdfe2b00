import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import {
  assign,
  DEFAULT_ASSIGN_MIN_AVAILABILITY,
  isExcluded,
  scorePair,
  createShiftIndex,
  createVolunteerIndex,
  GeoPoint,
  MatchReason,
  recommendShifts,
  recommendVolunteers,
  Shift as MatchShift,
  TimeInterval,
  Volunteer as MatchVolunteer,
} from '@civicgrid/matching';
import { GeoService } from '@civicgrid/geo';
import { UsersService } from '@civicgrid/identity';
import { OrganizationsService } from '@civicgrid/organizations';
import type { User } from '@civicgrid/identity';
import {
  AuditService,
  authorize,
  Clock,
  EventBus,
  ConflictError,
  InvalidInputError,
  NotFoundError,
  RequestContext,
  TransactionRunner,
} from '@civicgrid/platform';
import { ClaimsService, ServiceRecordsService, TasksService } from '@civicgrid/volunteering';
import type { Shift, Task } from '@civicgrid/volunteering';
import { AssignmentBatchEntity, InvitationEntity, StoredFill, StoredPair, StoredReason } from './invitation.entity';

const DAY = 86_400_000;
const HORIZON_MS = 14 * DAY;
/** Matching looks this far around a place by default (km). */
export const DEFAULT_RADIUS_KM = 10;
const MAX_CANDIDATE_SHIFTS = 5_000;
const MAX_CANDIDATE_VOLUNTEERS = 20_000;
export const AUTO_ASSIGN_MAX_SHIFTS = 300;
/** Fairness looks at verified minutes over this many days. */
const FAIRNESS_DAYS = 30;
/**
 * Suggestions and the auto-fill propose only people whose declared weekly windows cover at
 * least this share of the shift (the library's batch default, now for both).
 */
export const MATCH_MIN_AVAILABILITY = DEFAULT_ASSIGN_MIN_AVAILABILITY;

/**
 * Everything one matching run works on: the shifts and people in the library's shapes, and
 * the options every ranking or assignment of them uses. Suggestions and the auto-fill both
 * start from `candidatesFor`, so for one shift the auto-fill's optimum is exactly the
 * suggestions' top places.
 */
interface Candidates {
  matchShifts: MatchShift[];
  volunteers: MatchVolunteer[];
  people: Map<string, User>;
  options: { maxDistanceKm: number; now: number; minAvailability: number };
}

export interface ScoredShift {
  shift: Shift;
  score: number;
  distanceKm: number | null;
  reasons: StoredReason[];
}
export interface ScoredVolunteer {
  volunteer: User;
  score: number;
  distanceKm: number | null;
  reasons: StoredReason[];
}
export interface AutoAssignRequest {
  shiftIds: string[];
  maxDistanceKm?: number | null;
  dryRun: boolean;
  idempotencyKey: string;
  expiresInMinutes?: number | null;
}

function box(centre: GeoPoint, radiusKm: number) {
  const dLat = radiusKm / 111.32;
  const dLng = radiusKm / (111.32 * Math.max(0.1, Math.cos((centre.lat * Math.PI) / 180)));
  return { minLat: centre.lat - dLat, maxLat: centre.lat + dLat, minLng: centre.lng - dLng, maxLng: centre.lng + dLng };
}

function ageOn(birthDate: string | null, now: number): number | null {
  if (!birthDate) return null;
  const b = new Date(`${birthDate}T00:00:00Z`);
  const n = new Date(now);
  let age = n.getUTCFullYear() - b.getUTCFullYear();
  if (n.getUTCMonth() < b.getUTCMonth() || (n.getUTCMonth() === b.getUTCMonth() && n.getUTCDate() < b.getUTCDate())) age--;
  return age;
}

const toStored = (reasons: readonly MatchReason[]): StoredReason[] => reasons.map((r) => ({ code: r.code, weight: r.weight, detail: r.detail ?? null }));

/**
 * What the auto-fill dialog shows for each shift: places filled of those open, how many of
 * the people chosen hold every skill the task asks for, and their mean distance from home.
 */
function fillsOf(managed: { shift: Shift; task: Task }[], pairs: StoredPair[], volunteers: MatchVolunteer[]): StoredFill[] {
  const skillsOf = new Map(volunteers.map((v) => [v.id, new Set(v.skills)]));
  return managed.map(({ shift, task }) => {
    const mine = pairs.filter((p) => p.shiftId === shift.id);
    const distances = mine.map((p) => p.distanceKm).filter((d): d is number => d !== null);
    return {
      shiftId: shift.id,
      placesOpen: Math.max(0, shift.capacity - shift.confirmedCount),
      placesFilled: mine.length,
      skillsMet: mine.filter((p) => task.requiredSkills.every((skill) => skillsOf.get(p.volunteerId)?.has(skill))).length,
      distanceKmSum: distances.reduce((sum, d) => sum + d, 0),
      distanceCount: distances.length,
    };
  });
}

/**
 * Wires the pure matching library to the data: it gathers candidates with indexed
 * bounding-box and time-window queries (never a scan of everything), maps them onto the
 * library's shapes, and turns batch assignments into invitations.
 */
/** The event an invitation makes (staffing's notifier tells the volunteer). */
function invitationSent(invitationId: string, shiftId: string, volunteerId: string) {
  return { type: 'invitation.sent', aggregateType: 'invitation', aggregateId: invitationId, payload: { invitationId, shiftId, volunteerId } };
}

@Injectable()
export class MatchingService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly tasks: TasksService,
    private readonly claims: ClaimsService,
    private readonly records: ServiceRecordsService,
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
    private readonly geo: GeoService,
    private readonly audit: AuditService,
    private readonly events: EventBus,
    private readonly clock: Clock,
  ) {}

  private async invited(t: RequestContext, invitationId: string, shiftId: string, volunteerId: string): Promise<void> {
    await this.events.publish(t, invitationSent(invitationId, shiftId, volunteerId));
  }

  // ---------- facts ----------

  private async pointOf(ctx: RequestContext, regionId: string | null): Promise<GeoPoint | null> {
    const region = regionId ? await this.geo.load(ctx, regionId) : null;
    if (region?.latitude != null && region.longitude != null) return { lat: region.latitude, lng: region.longitude };
    return null;
  }

  /** The matching library's view of people: where they live, what they hold, how they have served. */
  private async volunteersOf(ctx: RequestContext, people: User[], blocked: Map<string, TimeInterval[]> = new Map()): Promise<MatchVolunteer[]> {
    if (!people.length) return [];
    const ids = people.map((p) => p.id);
    const [holds, stats, minutes, centre] = await Promise.all([
      this.claims.heldIntervals(ctx, ids),
      this.claims.attendanceStats(ctx, ids),
      this.records.recentVerifiedMinutes(ctx, ids, FAIRNESS_DAYS),
      this.geo.defaultCentre(ctx),
    ]);
    const fallback: GeoPoint = { lat: centre?.latitude ?? 0, lng: centre?.longitude ?? 0 };
    const now = this.clock.nowMs();
    return Promise.all(
      people.map(async (p) => {
        const s = stats.get(p.id);
        return {
          id: p.id,
          skills: p.skills,
          languages: p.languages,
          home: (await this.pointOf(ctx, p.homeRegionId)) ?? fallback,
          availability: p.availability ?? [],
          claims: [...(holds.get(p.id) ?? []), ...(blocked.get(p.id) ?? [])],
          attendanceRate: s && s.held > 0 ? s.attended / s.held : null,
          pastClaims: s?.held ?? 0,
          verifiedMinutesLast30Days: minutes.get(p.id) ?? 0,
          age: ageOn(p.birthDate, now),
        };
      }),
    );
  }

  private async shiftsOf(ctx: RequestContext, rows: Shift[]): Promise<MatchShift[]> {
    // All at once, so the task and region loaders batch them (awaiting one by one would query per shift).
    const mapped = await Promise.all(
      rows.map(async (s): Promise<MatchShift | null> => {
        const task = await this.tasks.loadTask(ctx, s.taskId);
        const location = task && (await this.pointOf(ctx, task.regionId));
        if (!task || !location) return null;
        return {
          id: s.id,
          taskId: s.taskId,
          startsAt: s.startsAt,
          endsAt: s.endsAt,
          location,
          requiredSkills: task.requiredSkills,
          skillsMandatory: task.skillsMandatory,
          minimumAge: task.minimumAge,
          placesLeft: Math.max(0, s.capacity - s.confirmedCount),
          placesTotal: s.capacity,
          category: task.category,
          language: null,
        };
      }),
    );
    return mapped.filter((m): m is MatchShift => m !== null);
  }

  /** Shifts with space of published tasks located near a point, starting within two weeks. */
  private async openShiftsNear(ctx: RequestContext, centre: GeoPoint, radiusKm: number): Promise<Shift[]> {
    const regions = await this.geo.regionsInBox(ctx, box(centre, radiusKm));
    return this.tasks.openShiftsIn(
      ctx,
      regions.map((r) => r.id),
      new Date(this.clock.nowMs() + HORIZON_MS),
      MAX_CANDIDATE_SHIFTS,
    );
  }

  private async peopleNear(ctx: RequestContext, centres: GeoPoint[], radiusKm: number): Promise<User[]> {
    // Shifts of one grid share a centre: query each distinct place once.
    const distinct = [...new Map(centres.map((c) => [`${c.lat},${c.lng}`, c])).values()];
    const regionIds = new Set<string>();
    for (const regions of await Promise.all(distinct.map((c) => this.geo.regionsInBox(ctx, box(c, radiusKm))))) for (const r of regions) regionIds.add(r.id);
    return this.users.residentsOf(ctx, [...regionIds], MAX_CANDIDATE_VOLUNTEERS);
  }

  // ---------- recommendations ----------

  async recommendedShifts(ctx: RequestContext, first: number | null | undefined): Promise<ScoredShift[]> {
    const actor = await ctx.requireActor();
    const me = await this.users.require(ctx, actor.userId);
    const [volunteer] = await this.volunteersOf(ctx, [me]);
    const candidates = await this.openShiftsNear(ctx, volunteer.home, DEFAULT_RADIUS_KM);
    const index = createShiftIndex(await this.shiftsOf(ctx, candidates));
    const recs = recommendShifts(volunteer, index, { first: Math.min(first ?? 10, 50), maxDistanceKm: DEFAULT_RADIUS_KM, now: this.clock.nowMs() });
    const byId = new Map(candidates.map((s) => [s.id, s]));
    return recs.map((r) => ({ shift: byId.get(r.shift.id)!, score: r.score, distanceKm: r.distanceKm, reasons: toStored(r.reasons) }));
  }

  private async requireManagedShift(ctx: RequestContext, shiftId: string, field: string): Promise<{ shift: Shift; task: Task }> {
    const actor = await ctx.requireActor();
    const shift = await this.tasks.loadShift(ctx, shiftId);
    const task = shift && (await this.tasks.visibleTask(ctx, shift.taskId));
    if (!shift || !task) throw new NotFoundError('Shift', field);
    authorize(actor, 'task.manage', { organizationId: task.organizationId });
    return { shift, task };
  }

  /**
   * Who may be proposed for these shifts, for suggestions and the auto-fill alike. Never:
   * people who declared no availability (nobody can tell whether they can come), nor those
   * whose windows cover less than MATCH_MIN_AVAILABILITY of the shift; the organisation's own
   * staff (COORDINATOR, ADMIN, OWNER: they run the task and can claim a place themselves);
   * people already claiming or invited; and, through the library's hard filters, people
   * under the task's minimum age, without its mandatory skills, or holding a claim then.
   */
  private async candidatesFor(ctx: RequestContext, managed: { shift: Shift; task: Task }[], radiusKm: number): Promise<Candidates> {
    const shifts = managed.map((m) => m.shift);
    const matchShifts = await this.shiftsOf(ctx, shifts);
    const options = { maxDistanceKm: radiusKm, now: this.clock.nowMs(), minAvailability: MATCH_MIN_AVAILABILITY };
    if (!matchShifts.length) return { matchShifts, volunteers: [], people: new Map(), options };
    const nearby = await this.peopleNear(ctx, matchShifts.map((s) => s.location), radiusKm);
    const people = nearby.filter((p) => (p.availability ?? []).length > 0);
    const blocked = await this.alreadyAsked(ctx, shifts);
    await this.blockStaff(ctx, managed, blocked);
    const volunteers = await this.volunteersOf(ctx, people, blocked);
    return { matchShifts, volunteers, people: new Map(people.map((p) => [p.id, p])), options };
  }

  /** The organisation's staff count as holding its shifts' time, so they are never proposed for them. */
  private async blockStaff(ctx: RequestContext, managed: { shift: Shift; task: Task }[], blocked: Map<string, TimeInterval[]>): Promise<void> {
    const orgIds = [...new Set(managed.map((m) => m.task.organizationId))];
    const staff = new Map(await Promise.all(orgIds.map(async (id) => [id, await this.organizations.memberIdsWithRole(ctx, id, 'COORDINATOR')] as const)));
    for (const { shift, task } of managed) {
      for (const userId of staff.get(task.organizationId) ?? []) blocked.set(userId, [...(blocked.get(userId) ?? []), { startsAt: shift.startsAt, endsAt: shift.endsAt }]);
    }
  }

  /** Volunteers who may be proposed for the shift (see `candidatesFor`), ranked for a coordinator. */
  async recommendedVolunteers(ctx: RequestContext, shiftId: string, first: number | null | undefined): Promise<ScoredVolunteer[]> {
    const managed = await this.requireManagedShift(ctx, shiftId, 'shiftId');
    const { matchShifts, volunteers, people, options } = await this.candidatesFor(ctx, [managed], DEFAULT_RADIUS_KM);
    if (!matchShifts.length) return [];
    const recs = recommendVolunteers(matchShifts[0], createVolunteerIndex(volunteers), { ...options, first: Math.min(first ?? 10, 50) });
    return recs.map((r) => ({ volunteer: people.get(r.volunteer.id)!, score: r.score, distanceKm: r.distanceKm, reasons: toStored(r.reasons) }));
  }

  /** People already claiming or invited on these shifts: their time on that shift counts as held. */
  private async alreadyAsked(ctx: RequestContext, shifts: Shift[]): Promise<Map<string, TimeInterval[]>> {
    const ids = shifts.map((s) => s.id);
    const [claimants, invited] = await Promise.all([
      this.claims.standingClaimants(ctx, ids),
      this.tx.manager(ctx).query(`SELECT volunteer_id, shift_id FROM invitation WHERE shift_id = ANY($1::uuid[]) AND status = 'PENDING' AND expires_at > now()`, [ids]) as Promise<
        { volunteer_id: string; shift_id: string }[]
      >,
    ]);
    // Someone both claiming and invited counts once per shift.
    const pairs = new Map<string, { shiftId: string; volunteerId: string }>();
    for (const p of [...claimants, ...invited.map((r) => ({ shiftId: r.shift_id, volunteerId: r.volunteer_id }))]) pairs.set(`${p.volunteerId}:${p.shiftId}`, p);
    const out = new Map<string, TimeInterval[]>();
    for (const p of pairs.values()) {
      const s = shifts.find((x) => x.id === p.shiftId)!;
      out.set(p.volunteerId, [...(out.get(p.volunteerId) ?? []), { startsAt: s.startsAt, endsAt: s.endsAt }]);
    }
    return out;
  }

  /** A coordinator invites one volunteer (from the recommendations) to a shift. */
  async invite(ctx: RequestContext, shiftId: string, volunteerId: string, expiresInMinutes?: number | null): Promise<InvitationEntity> {
    const actor = await ctx.requireActor();
    const { shift, task } = await this.requireManagedShift(ctx, shiftId, 'shiftId');
    if (task.status !== 'PUBLISHED') throw new ConflictError('invitation.taskNotOpen', `This task is ${task.status.toLowerCase()}`);
    if (shift.startsAt.getTime() <= this.clock.nowMs()) throw new ConflictError('invitation.shiftStarted', 'This shift has already started');
    const person = await this.users.require(ctx, volunteerId, 'volunteerId');
    const [matchShift] = await this.shiftsOf(ctx, [shift]);
    const [volunteer] = await this.volunteersOf(ctx, [person], await this.alreadyAsked(ctx, [shift]));
    // Explain the invitation with the same score the recommendations show; a hard filter
    // (a claim at that time, too young) refuses it.
    const scored = matchShift && scorePair(volunteer, { ...matchShift, placesLeft: Math.max(1, matchShift.placesLeft) }, { maxDistanceKm: 1_000, now: this.clock.nowMs() });
    if (scored && isExcluded(scored)) throw new ConflictError(`invitation.${scored.excluded.toLowerCase()}`, `This volunteer cannot take the shift (${scored.excluded})`);
    const expiresAt = new Date(Math.min(this.clock.nowMs() + (expiresInMinutes ?? 24 * 60) * 60_000, shift.startsAt.getTime()));
    return this.tx.run(ctx, async (t) => {
      const em = this.tx.manager(t);
      const rows: { id: string }[] = await em.query(
        `INSERT INTO invitation (shift_id, volunteer_id, invited_by_id, score, reasons, distance_km, expires_at)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7) ON CONFLICT DO NOTHING RETURNING id`,
        [shiftId, volunteerId, actor.userId, scored ? Math.min(1, Math.max(0, scored.score)) : 0, JSON.stringify(scored ? toStored(scored.reasons) : []), scored?.distanceKm ?? null, expiresAt],
      );
      if (!rows[0]) throw new ConflictError('invitation.pending', 'This volunteer already has an open invitation to this shift');
      await this.audit.record(t, { action: 'matching.invite', subjectType: 'invitation', subjectId: rows[0].id, detail: { shiftId, volunteerId } });
      await this.invited(t, rows[0].id, shiftId, volunteerId);
      return em.getRepository(InvitationEntity).findOneByOrFail({ id: rows[0].id });
    });
  }

  // ---------- batch assignment ----------

  async autoAssign(ctx: RequestContext, req: AutoAssignRequest): Promise<{ batch: AssignmentBatchEntity; invitations: InvitationEntity[] }> {
    const actor = await ctx.requireActor();
    const shiftIds = [...new Set(req.shiftIds)];
    if (!shiftIds.length || shiftIds.length > AUTO_ASSIGN_MAX_SHIFTS) {
      throw new InvalidInputError('shiftIds', 'autoAssign.shiftCount', `Give 1 to ${AUTO_ASSIGN_MAX_SHIFTS} shifts`);
    }
    const key = req.idempotencyKey.trim();
    if (!key) throw new InvalidInputError('idempotencyKey', 'validation.isNotEmpty', 'idempotencyKey must not be blank');
    const replay = await this.replay(ctx, actor.userId, key, shiftIds, req.dryRun);
    if (replay) return replay;

    const managed = await Promise.all(shiftIds.map((id, i) => this.requireManagedShift(ctx, id, `shiftIds.${i}`)));
    for (const { shift, task } of managed) {
      if (task.status !== 'PUBLISHED') throw new ConflictError('autoAssign.taskNotOpen', `Shift ${shift.id} belongs to a ${task.status.toLowerCase()} task`);
      if (shift.startsAt.getTime() <= this.clock.nowMs()) throw new ConflictError('autoAssign.shiftStarted', `Shift ${shift.id} has already started`);
    }
    const shifts = managed.map((m) => m.shift);
    const { volunteers, matchShifts, options } = await this.candidatesFor(ctx, managed, req.maxDistanceKm ?? DEFAULT_RADIUS_KM);
    const proposal = assign(matchShifts, volunteers, options);
    const pairs: StoredPair[] = proposal.pairs.map((p) => ({ shiftId: p.shiftId, volunteerId: p.volunteerId, score: p.score, distanceKm: p.distanceKm, reasons: toStored(p.reasons) }));
    const fills = fillsOf(managed, pairs, volunteers);
    const expiresIn = (req.expiresInMinutes ?? 24 * 60) * 60_000;

    try {
      return await this.tx.run(ctx, async (t) => {
        const em = this.tx.manager(t);
        const batch = await em.getRepository(AssignmentBatchEntity).save(
          em.getRepository(AssignmentBatchEntity).create({
            idempotencyKey: key,
            requestedById: actor.userId,
            dryRun: req.dryRun,
            shiftIds,
            proposal: { pairs, invitationIds: [], objective: proposal.objective, unfilledPlaces: proposal.unfilledPlaces, fills },
          }),
        );
        let invitations: InvitationEntity[] = [];
        if (!req.dryRun && pairs.length) {
          const startOf = new Map(shifts.map((s) => [s.id, s.startsAt.getTime()]));
          // All pairs in one statement (in proposal order); one already invited is skipped.
          // An invitation lapses at the latest when its shift starts.
          const rows: { id: string }[] = await em.query(
            `INSERT INTO invitation (batch_id, shift_id, volunteer_id, invited_by_id, score, reasons, distance_km, expires_at)
             SELECT $1, p.shift_id, p.volunteer_id, $2, p.score, p.reasons, p.distance_km, p.expires_at
               FROM unnest($3::uuid[], $4::uuid[], $5::float8[], $6::jsonb[], $7::float8[], $8::timestamptz[]) WITH ORDINALITY
                    AS p(shift_id, volunteer_id, score, reasons, distance_km, expires_at, n)
              ORDER BY p.n
             ON CONFLICT DO NOTHING RETURNING id`,
            [
              batch.id,
              actor.userId,
              pairs.map((p) => p.shiftId),
              pairs.map((p) => p.volunteerId),
              pairs.map((p) => Math.min(1, Math.max(0, p.score))),
              pairs.map((p) => JSON.stringify(p.reasons)),
              pairs.map((p) => p.distanceKm),
              pairs.map((p) => new Date(Math.min(this.clock.nowMs() + expiresIn, startOf.get(p.shiftId)!))),
            ],
          );
          const made = await em.getRepository(InvitationEntity).findBy({ id: In(rows.map((r) => r.id)) });
          const order = new Map(rows.map((r, i) => [r.id, i]));
          invitations = made.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
          await this.events.publishMany(
            t,
            invitations.map((i) => invitationSent(i.id, i.shiftId, i.volunteerId)),
          );
          batch.proposal = { ...batch.proposal, invitationIds: invitations.map((i) => i.id) };
          await em.getRepository(AssignmentBatchEntity).save(batch);
          await this.audit.record(t, { action: 'matching.autoAssign', subjectType: 'assignment_batch', subjectId: batch.id, detail: { shifts: shiftIds.length, invitations: invitations.length } });
        }
        return { batch, invitations };
      });
    } catch (err) {
      // The same key sent twice at once: the second answers with the first's result.
      if ((err as { code?: string }).code === '23505') {
        const again = await this.replay(ctx, actor.userId, key, shiftIds, req.dryRun);
        if (again) return again;
      }
      throw err;
    }
  }

  private async replay(ctx: RequestContext, userId: string, key: string, shiftIds: string[], dryRun: boolean) {
    const em = this.tx.manager(ctx);
    const batch = await em.getRepository(AssignmentBatchEntity).findOneBy({ requestedById: userId, idempotencyKey: key });
    if (!batch) return null;
    if (batch.dryRun !== dryRun || [...batch.shiftIds].sort().join() !== [...shiftIds].sort().join()) {
      throw new ConflictError('autoAssign.keyReused', 'This idempotencyKey was used for a different request');
    }
    const invitations = batch.proposal.invitationIds.length ? await em.getRepository(InvitationEntity).findBy({ id: In(batch.proposal.invitationIds) }) : [];
    const order = new Map(batch.proposal.invitationIds.map((id, i) => [id, i]));
    return { batch, invitations: invitations.sort((a, b) => order.get(a.id)! - order.get(b.id)!) };
  }
}
