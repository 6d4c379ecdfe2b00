import { Agent, request } from 'node:http';
import { randomInt } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { alive, ApiProcess } from './support/api-process';
import { SIGN_UP_CONSENT } from './support/factories';

/** The processes whose parent is `pid` (a postmaster's backends and workers). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return Number(readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1].split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }`;

/** A phone nobody else in the run uses, and an address of its own (TRUST_PROXY believes loopback). */
let seq = 0;
const someone = () => ({
  phone: `1${['38', '39', '58', '59', '86', '88'][randomInt(0, 6)]}${String(randomInt(0, 1e8)).padStart(8, '0')}`,
  address: `10.${(seq >> 16) & 255}.${(seq >> 8) & 255}.${seq++ & 255}`,
});

/** One sign-up over plain HTTP; resolves once the request is wholly written, then with the answer or the socket error. */
function registerRaw(api: ApiProcess, agent: Agent): { written: Promise<void>; answered: Promise<{ status?: number; body?: string; error?: string }> } {
  const { phone, address } = someone();
  const body = JSON.stringify({ query: REGISTER, variables: { input: { phone, password: 'long enough password', displayName: '新居民', consent: SIGN_UP_CONSENT } } });
  const url = new URL(`${api.url}/graphql`);
  let written!: () => void;
  const writtenP = new Promise<void>((r) => (written = r));
  const answered = new Promise<{ status?: number; body?: string; error?: string }>((resolve) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'x-forwarded-for': address, 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode, body: text }));
      res.on('error', (e) => resolve({ error: (e as NodeJS.ErrnoException).code ?? e.message }));
    });
    req.on('error', (e) => {
      written();
      resolve({ error: (e as NodeJS.ErrnoException).code ?? e.message });
    });
    req.on('finish', written);
    req.end(body);
  });
  return { written: writtenP, answered };
}

describe('faults', () => {
  describe('the embedded PostgreSQL dies', () => {
    let api: ApiProcess;
    beforeAll(async () => {
      api = await ApiProcess.start();
    });
    afterAll(async () => {
      await api.stop();
    });

    it('should restart its PostgreSQL after kill -9, answer again within seconds, and keep every acknowledged write', async () => {
      const acknowledged: { id: string; token: string }[] = [];
      const refusedCodes = new Set<string>();
      let killedAt = 0;
      let recoveredAt = 0;
      let stop = false;

      const worker = async () => {
        while (!stop) {
          const { phone, address } = someone();
          const r = await api
            .gql<{ register: { accessToken: string; user: { id: string } } }>(REGISTER, { input: { phone, password: 'long enough password', displayName: '新居民', consent: SIGN_UP_CONSENT } }, { 'x-forwarded-for': address })
            .catch((e: Error) => ({ data: undefined, errors: [{ extensions: { code: `transport:${e.message}` } }] }));
          if (r.data?.register) {
            acknowledged.push({ id: r.data.register.user.id, token: r.data.register.accessToken });
            if (killedAt && !recoveredAt) recoveredAt = Date.now();
          } else {
            refusedCodes.add(String(r.errors?.[0]?.extensions?.code));
          }
        }
      };
      const workers = Array.from({ length: 6 }, worker);

      await api.waitFor(async () => acknowledged.length >= 20);
      const before = api.postmasterPid()!;
      expect(alive(before)).toBe(true);
      process.kill(before, 'SIGKILL');
      killedAt = Date.now();
      await api.waitFor(async () => recoveredAt > 0, 60_000);
      const ackedAfterRecovery = acknowledged.length;
      await api.waitFor(async () => acknowledged.length >= ackedAfterRecovery + 20);
      stop = true;
      await Promise.all(workers);

      // A new postmaster on the same data; the API's own health said so throughout.
      const after = api.postmasterPid()!;
      expect(after).not.toBe(before);
      expect(alive(after)).toBe(true);
      expect(recoveredAt - killedAt).toBeLessThan(30_000);
      expect((await fetch(`${api.url}/health`)).status).toBe(200);
      const ready = await fetch(`${api.url}/ready`);
      expect(ready.status).toBe(200);
      // Refusals during the outage were answers with a code, never a dropped connection.
      for (const code of refusedCodes) expect(['INTERNAL', 'CONFLICT']).toContain(code);

      // Every sign-up that was answered with an account is still there, with its session.
      for (let i = 0; i < acknowledged.length; i += 25) {
        const batch = acknowledged.slice(i, i + 25);
        const seen = await Promise.all(batch.map((a) => api.gql<{ me: { id: string } | null }>(`{ me { id } }`, {}, { authorization: `Bearer ${a.token}` })));
        expect(seen.map((s) => s.data?.me?.id)).toEqual(batch.map((a) => a.id));
      }
      expect(api.log).toMatch(/embedded PostgreSQL exited/);
      expect(api.log).toMatch(/embedded PostgreSQL is back/);
    });

    it('should say "database unavailable" on /ready without any address while the database is down', async () => {
      // Frozen, not dead (the postmaster and its backends): the API cannot reach it and must not restart it.
      const frozen = [api.postmasterPid()!, ...childrenOf(api.postmasterPid()!)];
      for (const pid of frozen) process.kill(pid, 'SIGSTOP');
      try {
        const res = await fetch(`${api.url}/ready`);
        const text = await res.text();
        expect(res.status).toBe(503);
        expect(JSON.parse(text)).toMatchObject({ status: 'unavailable', reason: 'database unavailable' });
        expect(text).not.toMatch(/127\.0\.0\.1|localhost|:\d{4,5}|ECONN/);
        expect((await fetch(`${api.url}/health`)).status).toBe(200);
      } finally {
        for (const pid of frozen) process.kill(pid, 'SIGCONT');
      }
      await api.waitFor(async () => (await fetch(`${api.url}/ready`)).ok);
    });
  });

  describe('graceful shutdown', () => {
    it('should answer every request sent before SIGTERM, then stop PostgreSQL and exit 0', async () => {
      const api = await ApiProcess.start();
      try {
        const agent = new Agent({ keepAlive: true, maxSockets: 30 });
        // Warm keep-alive connections first, as a browser or load balancer would hold them.
        await Promise.all(Array.from({ length: 10 }, () => registerRaw(api, agent).answered));
        const inFlight = Array.from({ length: 30 }, () => registerRaw(api, agent));
        await Promise.all(inFlight.map((r) => r.written));
        const postmaster = api.postmasterPid()!;
        api.child.kill('SIGTERM');
        const answers = await Promise.all(inFlight.map((r) => r.answered));
        expect(answers.filter((a) => a.error)).toEqual([]);
        expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
        expect(answers.every((a) => JSON.parse(a.body!).data?.register?.user?.id)).toBe(true);
        expect(await api.exited).toEqual({ code: 0, signal: null });
        expect(alive(postmaster)).toBe(false);
        agent.destroy();
      } finally {
        await api.stop();
      }
    });
  });
});
