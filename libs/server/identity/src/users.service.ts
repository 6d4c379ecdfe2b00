import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { Limits } from '@civicgrid/contracts';
import { GeoService } from '@civicgrid/geo';
import {
  AuditService,
  authorize,
  ConflictError,
  decide,
  InvalidInputError,
  loadAllBy,
  loadById,
  NotFoundError,
  PageArgs,
  paginate,
  RequestContext,
  TokenService,
  TransactionRunner,
  UnauthenticatedError,
} from '@civicgrid/platform';
import { LoginThrottle } from './login-throttle';
import { OfficialPostEntity } from './official-post.entity';
import { checkPasswordRules, dummyPasswordHash, hashPassword, verifyPassword } from './passwords';
import { maskPhone, normalizeMainlandMobile } from './phone';
import { ProxyGrantEntity } from './proxy-grant.entity';
import { UserEntity } from './user.entity';

/** A resident may name at most this many proxies at once. */
export const MAX_ACTIVE_PROXIES = 5;

export interface RegisterData {
  phone: string;
  password: string;
  displayName: string;
  homeRegionId?: string | null;
  locale?: string | null;
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
}

/** Facts about a person that the policy decides from (see ActorLoader). */
export interface IdentityFacts {
  role: UserEntity['role'];
  proxyFor: string[];
  officialRegionIds: string[];
  homeRegionId: string | null;
  leadsGridId: string | null;
}

function cleanName(name: string, field: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (!trimmed) throw new InvalidInputError(field, 'validation.isNotEmpty', `${field} must not be blank`);
  return trimmed;
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

function cleanList(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter(Boolean))];
}

@Injectable()
export class UsersService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly geo: GeoService,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
  ) {}

  private users(ctx: RequestContext) {
    return this.tx.manager(ctx).getRepository(UserEntity);
  }

  load(ctx: RequestContext, id: string): Promise<UserEntity | null> {
    return loadById(ctx, 'user.byId', id, (ids) => this.users(ctx).findBy({ id: In(ids) }));
  }

  async require(ctx: RequestContext, id: string, field?: string): Promise<UserEntity> {
    const user = await this.load(ctx, id);
    if (!user) throw new NotFoundError('User', field);
    return user;
  }

  async findByPhone(ctx: RequestContext, phone: string, field = 'phone'): Promise<UserEntity | null> {
    return this.users(ctx).findOneBy({ phone: normalizeMainlandMobile(phone, field) });
  }

  async register(ctx: RequestContext, data: RegisterData): Promise<{ accessToken: string; user: UserEntity }> {
    const phone = normalizeMainlandMobile(data.phone);
    checkPasswordRules(data.password);
    const displayName = cleanName(data.displayName, 'displayName');
    if (data.homeRegionId) await this.geo.require(ctx, data.homeRegionId, 'homeRegionId');
    const passwordHash = await hashPassword(data.password);
    const user = await this.tx.run(ctx, async (t) => {
      const repo = this.users(t);
      if (await repo.existsBy({ phone })) throw new ConflictError('phone.taken', 'This phone number is already registered', 'phone');
      return repo.save(repo.create({ phone, passwordHash, displayName, homeRegionId: data.homeRegionId ?? null, locale: data.locale ?? 'zh-CN', role: 'RESIDENT' }));
    });
    ctx.signedInAs(user.id);
    return { accessToken: this.tokens.sign(user.id), user };
  }

  async login(ctx: RequestContext, phoneInput: string, password: string): Promise<{ accessToken: string; user: UserEntity }> {
    const phone = normalizeMainlandMobile(phoneInput);
    await this.throttle.assertAllowed(phone, ctx.ip);
    const row = await this.users(ctx).createQueryBuilder('u').addSelect('u.passwordHash').where('u.phone = :phone', { phone }).getOne();
    const ok = await verifyPassword(row?.passwordHash ?? (await dummyPasswordHash()), password ?? '');
    if (!row || !ok) {
      await this.throttle.recordFailure(phone, ctx.ip);
      throw new UnauthenticatedError('auth.badCredentials', 'Wrong phone number or password');
    }
    await this.throttle.recordSuccess(phone);
    ctx.signedInAs(row.id);
    const { passwordHash: _omit, ...user } = row;
    return { accessToken: this.tokens.sign(row.id), user: user as UserEntity };
  }

  async updateProfile(ctx: RequestContext, changes: ProfileChanges): Promise<UserEntity> {
    const actor = await ctx.requireActor();
    if (changes.homeRegionId) await this.geo.require(ctx, changes.homeRegionId, 'homeRegionId');
    return this.tx.run(ctx, async (t) => {
      const repo = this.users(t);
      const user = await repo.findOneByOrFail({ id: actor.userId });
      if (changes.displayName != null) user.displayName = cleanName(changes.displayName, 'displayName');
      if (changes.skills != null) user.skills = cleanList(changes.skills);
      if (changes.languages != null) user.languages = cleanList(changes.languages);
      if (changes.elderMode != null) user.elderMode = changes.elderMode;
      if (changes.locale != null) user.locale = changes.locale;
      if (changes.homeRegionId !== undefined) user.homeRegionId = changes.homeRegionId;
      if (changes.availability != null) user.availability = normalizeAvailability(changes.availability);
      if (changes.birthDate != null) user.birthDate = checkBirthDate(changes.birthDate);
      return repo.save(user);
    });
  }

  /**
   * The phone as this viewer may see it: whole for the person, their proxies and the
   * officials in scope (an official's or administrator's read is audited), else masked.
   */
  async phoneFor(ctx: RequestContext, user: UserEntity): Promise<string> {
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

  /** People by id, for matching (one query). */
  async many(ctx: RequestContext, ids: string[]): Promise<UserEntity[]> {
    return ids.length ? this.users(ctx).findBy({ id: In(ids) }) : [];
  }

  /** The person themself or their proxy: may see private facts such as the birth date. */
  async canSeePrivate(ctx: RequestContext, userId: string): Promise<boolean> {
    return decide(await ctx.actor(), 'user.viewPrivate', { userId }).allowed;
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

  async identityFacts(ctx: RequestContext, userId: string): Promise<IdentityFacts | null> {
    const em = this.tx.manager(ctx);
    const user = await em.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user) return null;
    const [grants, posts] = await Promise.all([
      em.getRepository(ProxyGrantEntity).find({ select: { residentId: true }, where: { proxyId: userId, revokedAt: IsNull() } }),
      user.role === 'OFFICIAL' ? em.getRepository(OfficialPostEntity).find({ select: { regionId: true }, where: { userId } }) : Promise.resolve([]),
    ]);
    return {
      role: user.role,
      proxyFor: grants.map((g) => g.residentId),
      officialRegionIds: posts.map((p) => p.regionId),
      homeRegionId: user.homeRegionId,
      leadsGridId: user.leadsGridId,
    };
  }

  async officialPosts(ctx: RequestContext, userId: string): Promise<OfficialPostEntity[]> {
    const repo = this.tx.manager(ctx).getRepository(OfficialPostEntity);
    return loadAllBy(ctx, 'officialPost.byUser', userId, (ids) => repo.find({ where: { userId: In(ids) }, order: { createdAt: 'ASC' } }), (p) => p.userId);
  }
}
