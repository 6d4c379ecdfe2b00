import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { Limits } from '@civicgrid/contracts';
import { GeoService } from '@civicgrid/geo';
import {
  AuditService,
  authorize,
  cleanDisplayName,
  Clock,
  ConflictError,
  decide,
  findByIds,
  ForbiddenError,
  InvalidInputError,
  Limit,
  loadAllBy,
  loadById,
  minutesFrom,
  NotFoundError,
  PageArgs,
  paginate,
  RateLimiter,
  RequestContext,
  TransactionRunner,
  UnauthenticatedError,
} from '@civicgrid/platform';
import { OfficialPostEntity } from './official-post.entity';
import { checkPasswordRules, dummyPasswordHash, hashPassword, verifyPassword } from './passwords';
import { SessionsService, SessionTokens } from './sessions.service';
import { SignInGuard } from './sign-in-guard';
import { maskPhone, normalizeMainlandMobile } from './phone';
import { ProxyGrantEntity } from './proxy-grant.entity';
import { UserEntity } from './user.entity';
import type { GlobalRole } from '@civicgrid/platform';
import { ConsentData, ConsentsService } from './consents.service';

/** A resident may name at most this many proxies at once. */
export const MAX_ACTIVE_PROXIES = 5;

export interface RegisterData {
  phone: string;
  password: string;
  displayName: string;
  homeRegionId?: string | null;
  locale?: string | null;
  /** required: what the resident agreed to (checked before anything is written) */
  consent?: ConsentData | null;
}

export interface ProfileChanges {
  displayName?: string | null;
  skills?: string[] | null;
  languages?: string[] | null;
  elderMode?: boolean | null;
  locale?: string | null;
  homeRegionId?: string | null;
  availability?: { weekday: number; startMinute: number; endMinute: number }[] | null;
  birthDate?: string | null;
  email?: string | null;
}


/** Looking people up by phone: enough to name a proxy or invite a colleague, not to test a phone book. */
export const LOOKUP_LIMITS = {
  perUser: { name: 'lookup.user', points: 10, windowSeconds: 3600, errorKey: 'lookup.tooMany', message: (s) => `Too many look-ups; try again in ${minutesFrom(s)} minutes` },
  perIp: { name: 'lookup.ip', points: 60, windowSeconds: 3600, errorKey: 'lookup.tooMany', message: (s) => `Too many look-ups; try again in ${minutesFrom(s)} minutes` },
} satisfies Record<string, Limit>;

/** What signing up or in gives back. */
export interface SignedIn extends SessionTokens {
  user: UserEntity;
  /** a new device token to send on later sign-ins (when this device had none) */
  deviceToken?: string;
}

/** Windows sorted by day and start; a window must end after it starts. */
function normalizeAvailability(windows: { weekday: number; startMinute: number; endMinute: number }[]) {
  windows.forEach((w, i) => {
    if (w.endMinute <= w.startMinute) throw new InvalidInputError(`availability.${i}.endMinute`, 'availability.endBeforeStart', 'A window must end after it starts');
  });
  return [...windows]
    .map(({ weekday, startMinute, endMinute }) => ({ weekday, startMinute, endMinute }))
    .sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute);
}

function checkBirthDate(date: string): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(t) || t > Date.now() || t < Date.parse('1900-01-02T00:00:00Z')) throw new InvalidInputError('birthDate', 'birthDate.invalid', 'Give a real birth date, YYYY-MM-DD');
  return date;
}

/** An address mail can go to, lower-cased; an empty string removes it. */
function checkEmail(input: string): string | null {
  const email = input.trim().toLowerCase();
  if (!email) return null;
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) || email.length > 254) throw new InvalidInputError('email', 'email.invalid', 'Give an e-mail address such as name@example.com');
  return email;
}

function cleanList(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter(Boolean))];
}

@Injectable()
export class UsersService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly geo: GeoService,
    private readonly sessions: SessionsService,
    private readonly guard: SignInGuard,
    private readonly limiter: RateLimiter,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly consents: ConsentsService,
  ) {}

  private users(ctx: RequestContext) {
    return this.tx.manager(ctx).getRepository(UserEntity);
  }

  load(ctx: RequestContext, id: string): Promise<UserEntity | null> {
    return loadById(ctx, 'user.byId', id, (ids) => findByIds(this.tx.manager(ctx), UserEntity, ids));
  }

  async require(ctx: RequestContext, id: string, field?: string): Promise<UserEntity> {
    const user = await this.load(ctx, id);
    if (!user) throw new NotFoundError('User', field);
    return user;
  }

  /**
   * Someone by phone, to name a proxy or invite a member: signed in, limited per person
   * and per address so the API is no phone book, and every look-up audited.
   */
  async findByPhone(ctx: RequestContext, phoneInput: string, field = 'phone'): Promise<UserEntity | null> {
    const actor = await ctx.requireActor();
    authorize(actor, 'user.lookupByPhone');
    const phone = normalizeMainlandMobile(phoneInput, field);
    await this.limiter.take(ctx, LOOKUP_LIMITS.perUser, actor.userId);
    await this.limiter.take(ctx, LOOKUP_LIMITS.perIp, ctx.ip);
    const user = await this.users(ctx).findOneBy({ phone });
    await this.audit.record(ctx, { action: 'user.lookupByPhone', subjectType: 'user', subjectId: user?.id ?? null, detail: { phone: maskPhone(phone), found: !!user } });
    return user;
  }

  /** The account behind a phone, for services that were given one (inviting a member). */
  async byPhone(ctx: RequestContext, phoneInput: string, field = 'phone'): Promise<UserEntity | null> {
    return this.users(ctx).findOneBy({ phone: normalizeMainlandMobile(phoneInput, field) });
  }

  async register(ctx: RequestContext, data: RegisterData): Promise<SignedIn> {
    const phone = normalizeMainlandMobile(data.phone);
    checkPasswordRules(data.password);
    const displayName = cleanDisplayName(data.displayName, 'displayName', Limits.displayNameMaxLength);
    const consent = this.consents.check(data.consent);
    if (data.homeRegionId) await this.geo.require(ctx, data.homeRegionId, 'homeRegionId');
    // Counted before the (slow) hash, so a flood of sign-ups is refused cheaply.
    await this.guard.spendRegistration(ctx, phone);
    const passwordHash = await hashPassword(data.password);
    return this.tx.run(ctx, async (t) => {
      const repo = this.users(t);
      if (await repo.existsBy({ phone })) throw new ConflictError('phone.taken', 'This phone number is already registered', 'phone');
      const user = await repo.save(repo.create({ phone, passwordHash, displayName, homeRegionId: data.homeRegionId ?? null, locale: data.locale ?? 'zh-CN', role: 'RESIDENT' }));
      await this.consents.record(t, user.id, consent, { ip: ctx.ip, userAgent: ctx.userAgent });
      const deviceToken = await this.guard.trust(t, user.id, null);
      return { ...(await this.sessions.start(t, user.id)), user, deviceToken };
    });
  }

  /**
   * An administrator of the installation (the first one, or another), made by the
   * operator's command line and never offered over the API: whoever runs it holds the
   * database's credentials. The phone, password and hash follow register's rules; a
   * phone that has an account already is refused (CONFLICT). Audited.
   */
  async createAdministrator(ctx: RequestContext, data: { phone: string; password: string; displayName: string; locale?: string | null }): Promise<UserEntity> {
    const phone = normalizeMainlandMobile(data.phone);
    checkPasswordRules(data.password);
    const displayName = cleanDisplayName(data.displayName, 'displayName', Limits.displayNameMaxLength, { mayUseStaffWords: true });
    const passwordHash = await hashPassword(data.password);
    return this.tx.run(ctx, async (t) => {
      const repo = this.users(t);
      const existing = await repo.findOneBy({ phone });
      if (existing) throw new ConflictError('phone.taken', `This phone number is already registered (role ${existing.role})`, 'phone');
      const user = await repo.save(repo.create({ phone, passwordHash, displayName, homeRegionId: null, locale: data.locale ?? 'zh-CN', role: 'ADMIN' }));
      await this.audit.record(t, { action: 'admin.create', subjectType: 'user', subjectId: user.id, detail: { phone: maskPhone(phone), via: 'command line' } });
      return user;
    });
  }

  /**
   * Sign-in. The attempt is counted first (per phone, per address), then the password is
   * checked: guesses sent at once cannot outrun the limit. A device or address this
   * person signed in from before has a counter of its own (see SignInGuard).
   */
  async login(ctx: RequestContext, phoneInput: string, password: string, deviceToken?: string | null): Promise<SignedIn> {
    const phone = normalizeMainlandMobile(phoneInput);
    const row = await this.users(ctx).createQueryBuilder('u').addSelect('u.passwordHash').where('u.phone = :phone', { phone }).getOne();
    const source = await this.guard.knownSource(ctx, row?.id, deviceToken);
    await this.guard.spendAttempt(ctx, phone, source);
    const ok = await verifyPassword(row?.passwordHash ?? (await dummyPasswordHash()), password ?? '');
    if (!row || !ok) throw new UnauthenticatedError('auth.badCredentials', 'Wrong phone number or password');
    const { passwordHash: _omit, ...user } = row;
    return this.tx.run(ctx, async (t) => {
      const newDevice = await this.guard.succeeded(t, row.id, phone, source, deviceToken);
      return { ...(await this.sessions.start(t, row.id)), user: user as UserEntity, deviceToken: newDevice };
    });
  }

  /** A new access token for a refresh token (which is used up: keep the new one). */
  async refresh(ctx: RequestContext, refreshToken: string): Promise<SignedIn> {
    const tokens = await this.sessions.refresh(ctx, refreshToken);
    return { ...tokens, user: await this.require(ctx, tokens.userId) };
  }

  /** Ends this session, or every session of the signed-in person. */
  async logout(ctx: RequestContext, everywhere: boolean): Promise<boolean> {
    const actor = await ctx.requireActor();
    if (everywhere) await this.sessions.endAllOf(ctx, actor.userId, 'LOGOUT_EVERYWHERE');
    else await this.sessions.end(ctx, ctx.sessionId!, 'LOGOUT');
    return true;
  }

  /** Changes the password after checking the current one; every other session ends. Audited. */
  async changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<number> {
    const actor = await ctx.requireActor();
    checkPasswordRules(newPassword, 'newPassword');
    await this.guard.spendPasswordCheck(ctx, actor.userId);
    const row = await this.users(ctx).createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id', { id: actor.userId }).getOneOrFail();
    if (!(await verifyPassword(row.passwordHash ?? (await dummyPasswordHash()), currentPassword ?? ''))) {
      throw new InvalidInputError('currentPassword', 'password.wrong', 'The current password is not right');
    }
    if (currentPassword === newPassword) throw new InvalidInputError('newPassword', 'password.unchanged', 'Choose a password different from the current one');
    const passwordHash = await hashPassword(newPassword);
    return this.tx.run(ctx, async (t) => {
      await this.users(t).update({ id: actor.userId }, { passwordHash });
      const ended = await this.sessions.endAllOf(t, actor.userId, 'PASSWORD_CHANGED', ctx.sessionId);
      await this.audit.record(t, { action: 'password.change', subjectType: 'user', subjectId: actor.userId, detail: { sessionsEnded: ended } });
      return ended;
    });
  }

  async updateProfile(ctx: RequestContext, changes: ProfileChanges): Promise<UserEntity> {
    const actor = await ctx.requireActor();
    if (changes.homeRegionId) await this.geo.require(ctx, changes.homeRegionId, 'homeRegionId');
    return this.tx.run(ctx, async (t) => {
      const repo = this.users(t);
      const user = await repo.findOneByOrFail({ id: actor.userId });
      if (changes.displayName != null) user.displayName = cleanDisplayName(changes.displayName, 'displayName', Limits.displayNameMaxLength, { mayUseStaffWords: actor.role === 'ADMIN' });
      if (changes.skills != null) user.skills = cleanList(changes.skills);
      if (changes.languages != null) user.languages = cleanList(changes.languages);
      if (changes.elderMode != null) user.elderMode = changes.elderMode;
      if (changes.locale != null) user.locale = changes.locale;
      if (changes.homeRegionId !== undefined) user.homeRegionId = changes.homeRegionId;
      if (changes.availability != null) user.availability = normalizeAvailability(changes.availability);
      if (changes.birthDate != null) user.birthDate = checkBirthDate(changes.birthDate);
      if (changes.email != null) user.email = checkEmail(changes.email);
      return repo.save(user);
    });
  }

  /**
   * Signs up a minor under the signed-in guardian's account: no phone, no password (they
   * never sign in), a birth date (for the tasks' minimum age), the guardian's home and
   * language, and a proxy grant so the guardian acts for them everywhere a proxy may.
   */
  async addDependant(ctx: RequestContext, data: { displayName: string; birthDate: string }): Promise<UserEntity> {
    const actor = await ctx.requireActor();
    const displayName = cleanDisplayName(data.displayName, 'displayName', Limits.displayNameMaxLength);
    const birthDate = checkBirthDate(data.birthDate);
    const today = this.clock.now().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
    const [y, m, d] = today.split('-').map(Number);
    const adultsBornBy = `${y - Limits.adultAge}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    if (birthDate > today) throw new InvalidInputError('birthDate', 'dependant.notBorn', 'The birth date is in the future');
    if (birthDate <= adultsBornBy) throw new InvalidInputError('birthDate', 'dependant.adult', `Only minors (under ${Limits.adultAge}) are signed up under a guardian; adults need an account of their own`);
    return this.tx.run(ctx, async (t) => {
      const em = this.tx.manager(t);
      await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`dependants:${actor.userId}`]);
      const guardian = await this.users(t).findOneByOrFail({ id: actor.userId });
      if (guardian.guardianId) throw new ForbiddenError('dependant.ofDependant', 'A dependant cannot sign up dependants');
      if ((await this.users(t).countBy({ guardianId: actor.userId })) >= Limits.dependantsMax) {
        throw new ConflictError('dependant.tooMany', `At most ${Limits.dependantsMax} dependants per guardian`);
      }
      const child = await this.users(t).save(
        this.users(t).create({ phone: null, passwordHash: null, guardianId: actor.userId, displayName, birthDate, homeRegionId: guardian.homeRegionId, locale: guardian.locale, role: 'RESIDENT' }),
      );
      const grants = em.getRepository(ProxyGrantEntity);
      await grants.save(grants.create({ residentId: child.id, proxyId: actor.userId, consentNote: 'Guardian of a minor signed up under their account' }));
      await this.audit.record(t, { action: 'dependant.add', subjectType: 'user', subjectId: child.id, detail: { guardianId: actor.userId } });
      return child;
    });
  }

  /** The minors signed up under a guardian's account (the guardian, their proxies). */
  async dependantsOf(ctx: RequestContext, guardianId: string): Promise<UserEntity[]> {
    authorize(await ctx.requireActor(), 'user.viewPrivate', { userId: guardianId });
    return this.users(ctx).find({ where: { guardianId }, order: { createdAt: 'ASC' } });
  }

  /**
   * The phone as this viewer may see it: whole for the person, their proxies and the
   * officials in scope (an official's or administrator's read is audited), else masked.
   */
  async phoneFor(ctx: RequestContext, user: UserEntity): Promise<string | null> {
    if (!user.phone) return null;
    const actor = await ctx.actor();
    if (!actor) return maskPhone(user.phone);
    const needsRegion = actor.role === 'OFFICIAL';
    const regionPath = needsRegion ? await this.geo.pathOf(ctx, user.homeRegionId) : null;
    const d = decide(actor, 'user.viewPhone', { userId: user.id, regionPath });
    if (!d.allowed) return maskPhone(user.phone);
    if (d.basis === 'official' || d.basis === 'admin') {
      await this.audit.record(ctx, { action: 'pii.read', subjectType: 'user', subjectId: user.id, detail: { field: 'phone', basis: d.basis } });
    }
    return user.phone;
  }

  /** People whose home is one of these regions (candidates for matching), at most `limit`. */
  async residentsOf(ctx: RequestContext, regionIds: string[], limit: number): Promise<UserEntity[]> {
    if (!regionIds.length) return [];
    return this.users(ctx).createQueryBuilder('u').where('u.home_region_id IN (:...regionIds)', { regionIds }).orderBy('u.id').limit(limit).getMany();
  }

  /**
   * Of these people, those whose phone ends with `digits` (the check-in kiosk finds the
   * expected volunteers by the last digits they type; the phones never leave here).
   */
  async withPhoneEnding(ctx: RequestContext, ids: readonly string[], digits: string): Promise<UserEntity[]> {
    if (!ids.length || !/^\d+$/.test(digits)) return [];
    // A minor signed up under a guardian answers to the guardian's phone.
    return this.users(ctx)
      .createQueryBuilder('u')
      .leftJoin(UserEntity, 'g', 'g.id = u.guardian_id')
      .where('u.id IN (:...ids)', { ids: [...ids] })
      .andWhere('right(coalesce(u.phone, g.phone), :n) = :digits', { n: digits.length, digits })
      .getMany();
  }

  /** People by id, for matching and notifications (one query). */
  async many(ctx: RequestContext, ids: string[]): Promise<UserEntity[]> {
    return ids.length ? findByIds(this.tx.manager(ctx), UserEntity, ids) : [];
  }

  /** Who currently acts for each of these residents (their proxies), one query. */
  async proxiesOf(ctx: RequestContext, residentIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (!residentIds.length) return out;
    const grants = await this.tx
      .manager(ctx)
      .getRepository(ProxyGrantEntity)
      .find({ select: { residentId: true, proxyId: true }, where: { residentId: In(residentIds), revokedAt: IsNull() } });
    for (const g of grants) out.set(g.residentId, [...(out.get(g.residentId) ?? []), g.proxyId]);
    return out;
  }

  // ---------- proxies ----------

  async grantProxy(ctx: RequestContext, proxyUserId: string, consentNote: string): Promise<boolean> {
    const actor = await ctx.requireActor();
    if (proxyUserId === actor.userId) throw new InvalidInputError('proxyUserId', 'proxy.self', 'You cannot name yourself as your own proxy');
    const note = consentNote.trim();
    if (note.length < Limits.consentNoteMinLength) {
      throw new InvalidInputError('consentNote', 'validation.minLength', `consentNote must have at least ${Limits.consentNoteMinLength} characters`);
    }
    await this.require(ctx, proxyUserId, 'proxyUserId');
    await this.tx.run(ctx, async (t) => {
      const repo = this.tx.manager(t).getRepository(ProxyGrantEntity);
      // Serialise grants by the same resident so the limit and uniqueness hold under races.
      await this.tx.manager(t).query('SELECT pg_advisory_xact_lock(hashtext($1))', [`proxy:${actor.userId}`]);
      const active = await repo.findBy({ residentId: actor.userId, revokedAt: IsNull() });
      if (active.some((g) => g.proxyId === proxyUserId)) throw new ConflictError('proxy.alreadyGranted', 'This person already acts for you');
      if (active.length >= MAX_ACTIVE_PROXIES) throw new ConflictError('proxy.tooMany', `At most ${MAX_ACTIVE_PROXIES} people may act for you at once`);
      const grant = await repo.save(repo.create({ residentId: actor.userId, proxyId: proxyUserId, consentNote: note }));
      await this.audit.record(t, { action: 'proxy.grant', subjectType: 'proxy_grant', subjectId: grant.id, detail: { residentId: actor.userId, proxyId: proxyUserId, consentNote: note } });
    });
    return true;
  }

  async revokeProxy(ctx: RequestContext, proxyUserId: string): Promise<boolean> {
    const actor = await ctx.requireActor();
    await this.tx.run(ctx, async (t) => {
      const repo = this.tx.manager(t).getRepository(ProxyGrantEntity);
      const grant = await repo.findOneBy({ residentId: actor.userId, proxyId: proxyUserId, revokedAt: IsNull() });
      if (!grant) throw new NotFoundError('ProxyGrant', 'proxyUserId');
      grant.revokedAt = new Date();
      await repo.save(grant);
      await this.audit.record(t, { action: 'proxy.revoke', subjectType: 'proxy_grant', subjectId: grant.id, detail: { residentId: actor.userId, proxyId: proxyUserId } });
    });
    return true;
  }

  /** The person's e-mail address for whoever may see their private details (they and their proxies), else null. */
  async emailFor(ctx: RequestContext, user: UserEntity): Promise<string | null> {
    return decide(await ctx.actor(), 'user.viewPrivate', { userId: user.id }).allowed ? user.email : null;
  }

  /** Grants a person has given (active first, then withdrawn), visible to them and their proxies. */
  async grantsOf(ctx: RequestContext, residentId: string): Promise<ProxyGrantEntity[]> {
    authorize(await ctx.requireActor(), 'user.viewPrivate', { userId: residentId });
    return this.tx
      .manager(ctx)
      .getRepository(ProxyGrantEntity)
      .createQueryBuilder('g')
      .where('g.resident_id = :residentId', { residentId })
      .orderBy('g.revoked_at IS NULL', 'DESC')
      .addOrderBy('g.granted_at', 'DESC')
      .limit(50)
      .getMany();
  }

  /** The residents who currently let the signed-in person act for them. */
  async proxyResidents(ctx: RequestContext, page: PageArgs) {
    const actor = await ctx.requireActor();
    const qb = this.users(ctx)
      .createQueryBuilder('u')
      .innerJoin(ProxyGrantEntity, 'g', 'g.resident_id = u.id AND g.proxy_id = :me AND g.revoked_at IS NULL', { me: actor.userId });
    return paginate(qb, page, {
      columns: [
        { expr: 'u.display_name', kind: 'text' },
        { expr: 'u.id', kind: 'uuid' },
      ],
      direction: 'ASC',
      keyOf: (u) => [u.displayName, u.id],
    });
  }

  // ---------- official posts and department staff ----------

  /** Give a person an official post over a region subtree (administrators). */
  async assignOfficial(ctx: RequestContext, userId: string, regionId: string, titleInput: string): Promise<OfficialPostEntity> {
    authorize(await ctx.requireActor(), 'official.assign');
    const title = titleInput.trim();
    if (!title || title.length > 80) throw new InvalidInputError('title', 'validation.length', 'title must have 1 to 80 characters');
    const user = await this.require(ctx, userId, 'userId');
    await this.geo.require(ctx, regionId, 'regionId');
    if (user.role === 'ADMIN' || user.role === 'DEPARTMENT_STAFF') {
      throw new ConflictError('official.otherRole', `A person with the ${user.role} role cannot also hold an official post`);
    }
    return this.tx.run(ctx, async (t) => {
      const em = this.tx.manager(t);
      const posts = em.getRepository(OfficialPostEntity);
      if (await posts.existsBy({ userId, regionId })) throw new ConflictError('official.alreadyPosted', 'This person already holds a post over this region');
      await em.getRepository(UserEntity).update({ id: userId }, { role: 'OFFICIAL' });
      user.role = 'OFFICIAL'; // the request's loader holds this object
      const post = await posts.save(posts.create({ userId, regionId, title }));
      await this.audit.record(t, { action: 'official.assign', subjectType: 'user', subjectId: userId, detail: { regionId, title } });
      return post;
    });
  }

  /** A resident who joins a department becomes department staff (their global role). */
  async markDepartmentStaff(ctx: RequestContext, userId: string): Promise<void> {
    await this.tx.manager(ctx).getRepository(UserEntity).update({ id: userId, role: 'RESIDENT' }, { role: 'DEPARTMENT_STAFF' });
  }

  // ---------- facts for the policy ----------

  async officialPosts(ctx: RequestContext, userId: string): Promise<OfficialPostEntity[]> {
    const repo = this.tx.manager(ctx).getRepository(OfficialPostEntity);
    return loadAllBy(ctx, 'officialPost.byUser', userId, (ids) => repo.find({ where: { userId: In(ids) }, order: { createdAt: 'ASC' } }), (p) => p.userId);
  }

  /** Everyone with a global role (the administrators to alert). */
  async idsWithRole(ctx: RequestContext, role: GlobalRole): Promise<string[]> {
    const rows = await this.tx.manager(ctx).getRepository(UserEntity).find({ select: { id: true }, where: { role } });
    return rows.map((r) => r.id);
  }

  /** Officials whose posts cover a region (its own and its ancestors'): who acts for a street office, who to tell. */
  async officialsOver(ctx: RequestContext, regionPath: string): Promise<string[]> {
    const rows: { user_id: string }[] = await this.tx.manager(ctx).query(
      `SELECT DISTINCT p.user_id FROM official_post p JOIN region r ON r.id = p.region_id JOIN user_account u ON u.id = p.user_id
        WHERE u.role = 'OFFICIAL' AND ($1 = r.path OR $1 LIKE r.path || '/%')`,
      [regionPath],
    );
    return rows.map((r) => r.user_id);
  }
}
