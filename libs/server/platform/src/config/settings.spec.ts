import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSettings, SettingsError } from './settings';

const SECRET = 'a-test-secret-that-is-at-least-32-characters-long';

describe('loadSettings', () => {
  let dir: string;
  let dataDir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'civicgrid-settings-'));
    dataDir = join(dir, 'postgres');
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** A minimal valid environment: nothing read from the real process.env, nothing written to disk. */
  const env = (over: Record<string, string | undefined> = {}): NodeJS.ProcessEnv => ({ JWT_SECRET: SECRET, CIVICGRID_DATA_DIR: dataDir, ...over });

  function settingsError(e: NodeJS.ProcessEnv): SettingsError {
    try {
      loadSettings(e);
    } catch (err) {
      if (err instanceof SettingsError) return err;
      throw err;
    }
    throw new Error('expected a SettingsError');
  }

  describe('validation', () => {
    it.each<[string, Record<string, string>, string]>([
      ['DATABASE_URL is a MySQL URL', { DATABASE_URL: 'mysql://u:p@localhost/db' }, 'DATABASE_URL'],
      ['DATABASE_URL is not a URL', { DATABASE_URL: 'localhost:5432/civicgrid' }, 'DATABASE_URL'],
      ['API_PORT is a word', { API_PORT: 'http' }, 'API_PORT'],
      ['API_PORT is above 65535', { API_PORT: '70000' }, 'API_PORT'],
      ['API_PORT is negative', { API_PORT: '-1' }, 'API_PORT'],
      ['API_PORT is a fraction', { API_PORT: '3000.5' }, 'API_PORT'],
      ['PORTAL_PORT is a word', { PORTAL_PORT: 'portal' }, 'PORTAL_PORT'],
      ['JWT_SECRET is short', { JWT_SECRET: 'too-short-secret' }, 'JWT_SECRET'],
      ['JWT_SECRET is 31 characters', { JWT_SECRET: 'x'.repeat(31) }, 'JWT_SECRET'],
      ['CIVICGRID_DEMO_DATA is not a flag', { CIVICGRID_DEMO_DATA: 'maybe' }, 'CIVICGRID_DEMO_DATA'],
      ['NODE_ENV is unknown', { NODE_ENV: 'staging' }, 'NODE_ENV'],
      ['LOG_LEVEL is unknown', { LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
      ['DB_POOL_MAX is zero', { DB_POOL_MAX: '0' }, 'DB_POOL_MAX'],
    ])('should throw a SettingsError naming the variable when %s', (_label, over, variable) => {
      const err = settingsError(env(over));
      expect(err).toBeInstanceOf(SettingsError);
      expect(err.message).toContain(`${variable}:`);
    });

    // An empty variable (`API_PORT=` in an env file, or `${API_PORT}` in compose when unset)
    // must not silently become port 0, i.e. a random port.
    it.each(['API_PORT', 'PORTAL_PORT'])('should use the default or refuse when %s is set but empty', (variable) => {
      const defaults: Record<string, number> = { API_PORT: 3000, PORTAL_PORT: 4200 };
      let outcome: number | 'refused';
      try {
        const s = loadSettings(env({ [variable]: '' }));
        outcome = variable === 'API_PORT' ? s.apiPort : s.portalPort;
      } catch (err) {
        if (!(err instanceof SettingsError)) throw err;
        outcome = 'refused';
      }
      expect([defaults[variable], 'refused']).toContain(outcome);
    });

    it('should start the embedded database when DATABASE_URL is set but empty', () => {
      const s = loadSettings(env({ DATABASE_URL: '' }));
      expect(s.databaseUrl).toBeUndefined();
      expect(s.demoData).toBe(true);
    });

    it('should name every bad variable when several are wrong', () => {
      const err = settingsError(env({ DATABASE_URL: 'mysql://x', API_PORT: 'abc', JWT_SECRET: 'short' }));
      expect(err.message).toContain('DATABASE_URL:');
      expect(err.message).toContain('API_PORT:');
      expect(err.message).toContain('JWT_SECRET:');
      expect(err.message).not.toContain('PORTAL_PORT');
    });

    it('should not repeat the secret value when JWT_SECRET is refused', () => {
      const err = settingsError(env({ JWT_SECRET: 'hunter2-hunter2' }));
      expect(err.message).not.toContain('hunter2');
    });

    it.each(['postgres://u:p@db:5432/civicgrid', 'postgresql://u@127.0.0.1/civicgrid?sslmode=require'])('should accept %s when DATABASE_URL is a postgres URL', (url) => {
      expect(loadSettings(env({ DATABASE_URL: url })).databaseUrl).toBe(url);
    });

    it('should accept a secret of exactly 32 characters', () => {
      expect(loadSettings(env({ JWT_SECRET: 'y'.repeat(32) })).jwtSecret).toBe('y'.repeat(32));
    });
  });

  describe('defaults', () => {
    it('should use the documented defaults when nothing is set', () => {
      const s = loadSettings(env());
      expect(s).toMatchObject({
        env: 'development',
        databaseUrl: undefined,
        apiPort: 3000,
        apiHost: '127.0.0.1',
        portalPort: 4200,
        portalOrigin: 'http://localhost:4200',
        demoData: true,
        jwtSecret: SECRET,
        jwtTtl: '15m',
        refreshTtlSeconds: 30 * 86_400,
        logLevel: 'info',
      });
    });

    it.each<[string, number]>([
      ['45s', 45],
      ['15m', 900],
      ['12h', 43_200],
      ['30d', 2_592_000],
    ])('should read REFRESH_TTL %s as %i seconds', (text, seconds) => {
      expect(loadSettings(env({ REFRESH_TTL: text })).refreshTtlSeconds).toBe(seconds);
    });

    it('should take PORTAL_ORIGIN as given and refuse one with a path', () => {
      expect(loadSettings(env({ PORTAL_ORIGIN: 'https://civicgrid.example.org' })).portalOrigin).toBe('https://civicgrid.example.org');
      expect(settingsError(env({ PORTAL_ORIGIN: 'https://civicgrid.example.org/portal' })).message).toContain('PORTAL_ORIGIN');
    });

    it.each(['7 days', '15', 'm15', '1w'])('should refuse a lifetime written %p', (text) => {
      expect(settingsError(env({ JWT_TTL: text })).message).toContain('JWT_TTL');
      expect(settingsError(env({ REFRESH_TTL: text })).message).toContain('REFRESH_TTL');
    });

    it('should read ports as numbers when they are set', () => {
      const s = loadSettings(env({ API_PORT: '8080', PORTAL_PORT: '8081', CIVICGRID_PG_PORT: '5433' }));
      expect(s).toMatchObject({ apiPort: 8080, portalPort: 8081, embeddedPgPort: 5433, portalOrigin: 'http://localhost:8081' });
    });

    it('should load demo data by default when the database is embedded', () => {
      expect(loadSettings(env()).demoData).toBe(true);
    });

    it('should not load demo data by default when DATABASE_URL is set', () => {
      expect(loadSettings(env({ DATABASE_URL: 'postgres://u:p@db/civicgrid' })).demoData).toBe(false);
    });

    it.each<[string, string, boolean]>([
      ['false', 'false', false],
      ['0', '0', false],
      ['no', 'no', false],
    ])('should not load demo data when CIVICGRID_DEMO_DATA is %s on the embedded database', (_label, value, expected) => {
      expect(loadSettings(env({ CIVICGRID_DEMO_DATA: value })).demoData).toBe(expected);
    });

    it.each<[string, string, boolean]>([
      ['true', 'true', true],
      ['1', '1', true],
      ['yes', 'yes', true],
    ])('should load demo data when CIVICGRID_DEMO_DATA is %s with DATABASE_URL', (_label, value, expected) => {
      expect(loadSettings(env({ CIVICGRID_DEMO_DATA: value, DATABASE_URL: 'postgres://u:p@db/civicgrid' })).demoData).toBe(expected);
    });

    it('should resolve the data dir to an absolute path when it is relative', () => {
      const s = loadSettings({ JWT_SECRET: SECRET, CIVICGRID_DATA_DIR: 'relative/pg' });
      expect(s.dataDir).toBe(join(process.cwd(), 'relative/pg'));
    });

    it('should use .data/postgres when CIVICGRID_DATA_DIR is unset', () => {
      expect(loadSettings({ JWT_SECRET: SECRET }).dataDir).toBe(join(process.cwd(), '.data/postgres'));
    });
  });

  describe('JWT secret', () => {
    it('should write nothing to disk when JWT_SECRET is given', () => {
      loadSettings(env());
      expect(readdirSync(dir)).toEqual([]);
    });

    it('should generate a secret beside the data dir and reuse it when JWT_SECRET is unset', () => {
      const first = loadSettings(env({ JWT_SECRET: undefined })).jwtSecret;
      const file = join(dir, 'jwt-secret');
      expect(existsSync(file)).toBe(true);
      expect(first.length).toBeGreaterThanOrEqual(32);
      expect(readFileSync(file, 'utf8').trim()).toBe(first);
      expect(loadSettings(env({ JWT_SECRET: undefined })).jwtSecret).toBe(first);
    });
  });
});
