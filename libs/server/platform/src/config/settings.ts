import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = z.coerce.number().int().min(0).max(65535);

/** Environment variables the API reads (DESIGN.md §5), validated once at start. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  CIVICGRID_DATA_DIR: z.string().min(1).default('.data/postgres'),
  CIVICGRID_PG_PORT: port.optional(),
  API_PORT: port.default(3000),
  API_HOST: z.string().default('127.0.0.1'),
  PORTAL_PORT: port.default(4200),
  /** where people reach the portal (links printed on certificates and in their QR codes); default http://localhost:PORTAL_PORT */
  PORTAL_ORIGIN: z
    .string()
    .url()
    .regex(/^https?:\/\/[^/]+$/, 'must be an http(s) origin without a path, e.g. https://civicgrid.example.org')
    .optional(),
  CIVICGRID_DEMO_DATA: booleanFlag.optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** lifetime of an access token; the portal renews it with the refresh token */
  JWT_TTL: z.string().regex(/^\d+[smhd]$/, 'must be a number and a unit, e.g. 15m').default('15m'),
  /** a session ends after this long without a refresh (sliding) */
  REFRESH_TTL: z.string().regex(/^\d+[smhd]$/, 'must be a number and a unit, e.g. 30d').default('30d'),
  /** which proxies' X-Forwarded-For to believe (per-IP login limits): `loopback`, `true`, or addresses/CIDRs */
  TRUST_PROXY: z.string().default('loopback'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** whether this replica may be the one that delivers events (one at a time is elected) */
  EVENTS_DISPATCH: booleanFlag.default(true),
  /** whether this replica runs jobs (and the job scheduler) */
  JOBS_WORK: booleanFlag.default(true),
  /** how often an idle job worker looks for due jobs */
  JOBS_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  /** overrides every job's first retry delay (backoff doubles it); for tests and drills */
  JOBS_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).optional(),
  /** an SMS provider's HTTP endpoint; unset: SMS go to the development sink */
  SMS_API_URL: z.string().url().regex(/^https?:\/\//, 'must be an http(s) URL').optional(),
  SMS_API_KEY: z.string().min(8).optional(),
  /** the signature Chinese carriers require before every SMS */
  SMS_SIGNATURE: z.string().min(2).max(12).default('【共建网格】'),
  /** an SMTP server, `smtp://user:pass@host:587` or `smtps://…`; unset: e-mail goes to the development sink */
  SMTP_URL: z.string().regex(/^smtps?:\/\/.+/, 'must be an smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().min(3).optional(),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(20),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(15000),
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(10000),
});

export interface Settings {
  env: 'development' | 'production' | 'test';
  /** unset: start the embedded PostgreSQL */
  databaseUrl?: string;
  dataDir: string;
  embeddedPgPort?: number;
  apiPort: number;
  apiHost: string;
  portalPort: number;
  /** the portal's origin, without a trailing slash */
  portalOrigin: string;
  demoData: boolean;
  jwtSecret: string;
  jwtTtl: string;
  /** seconds a session lives without a refresh */
  refreshTtlSeconds: number;
  logLevel: string;
  trustProxy: boolean | string;
  db: { poolMax: number; statementTimeoutMs: number; connectTimeoutMs: number };
  eventsDispatch: boolean;
  /** SMS and e-mail providers; unset ones write to the development sink */
  sms?: { url: string; apiKey: string; signature: string };
  mail?: { url: string; from: string };
  jobsWork: boolean;
  jobsPollSeconds: number;
  jobsRetryDelaySeconds?: number;
  /** where log lines go instead of stdout (set by tests that read the log; never from the environment) */
  logDestination?: { write(line: string): unknown };
}

export class SettingsError extends Error {}

/**
 * Reads and validates settings. Throws a SettingsError naming every bad variable, so a
 * misconfigured deployment fails at start instead of at the first request.
 */
export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  // An empty variable (`API_PORT=`) means unset, not zero.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = envSchema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new SettingsError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const missing = [
    e.SMS_API_URL && !e.SMS_API_KEY ? '  SMS_API_KEY: must be set when SMS_API_URL is' : null,
    e.SMTP_URL && !e.MAIL_FROM ? '  MAIL_FROM: must be set when SMTP_URL is' : null,
  ].filter(Boolean);
  if (missing.length) throw new SettingsError(`Invalid environment:\n${missing.join('\n')}`);
  const dataDir = resolve(e.CIVICGRID_DATA_DIR);
  return {
    env: e.NODE_ENV,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    embeddedPgPort: e.CIVICGRID_PG_PORT,
    apiPort: e.API_PORT,
    apiHost: e.API_HOST,
    portalPort: e.PORTAL_PORT,
    portalOrigin: e.PORTAL_ORIGIN ?? `http://localhost:${e.PORTAL_PORT}`,
    // Demo accounts have published passwords: never load them into a real server by default.
    demoData: e.CIVICGRID_DEMO_DATA ?? !e.DATABASE_URL,
    jwtSecret: e.JWT_SECRET ?? persistedSecret(dataDir),
    jwtTtl: e.JWT_TTL,
    refreshTtlSeconds: durationSeconds(e.REFRESH_TTL),
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === 'true' ? true : e.TRUST_PROXY === 'false' ? false : e.TRUST_PROXY,
    eventsDispatch: e.EVENTS_DISPATCH,
    sms: e.SMS_API_URL && e.SMS_API_KEY ? { url: e.SMS_API_URL, apiKey: e.SMS_API_KEY, signature: e.SMS_SIGNATURE } : undefined,
    mail: e.SMTP_URL && e.MAIL_FROM ? { url: e.SMTP_URL, from: e.MAIL_FROM } : undefined,
    jobsWork: e.JOBS_WORK,
    jobsPollSeconds: e.JOBS_POLL_SECONDS,
    jobsRetryDelaySeconds: e.JOBS_RETRY_DELAY_SECONDS,
    db: {
      poolMax: e.DB_POOL_MAX,
      statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
      connectTimeoutMs: e.DB_CONNECT_TIMEOUT_MS,
    },
  };
}

/**
 * A JWT secret generated on first start and kept beside the database files, so tokens
 * survive restarts without any setup. Replicas must share JWT_SECRET instead.
 */
function persistedSecret(dataDir: string): string {
  const file = resolve(dirname(dataDir), 'jwt-secret');
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length >= 32) return secret;
  }
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

/** `15m`, `30d` … in seconds. */
export function durationSeconds(text: string): number {
  const n = Number(text.slice(0, -1));
  return n * { s: 1, m: 60, h: 3600, d: 86_400 }[text.slice(-1) as 's' | 'm' | 'h' | 'd'];
}

export const SETTINGS = Symbol('SETTINGS');
