#!/usr/bin/env node
// Browser end-to-end tests of the portal against the real API on a fresh embedded
// PostgreSQL with demo data. Starts everything itself and stops everything at the end.
//
//   npm run e2e -w @civicgrid/portal        (E2E_SKIP_BUILD=1 to reuse dist/api and dist/portal,
//                                            E2E_SERIAL=1 to run the flows one at a time,
//                                            E2E_ONLY=reschedule,check-in to run only the flows named, one at a time)
//
// Screenshots: dist/e2e-screenshots/<flow>-<step>-<normal|elder>-<360|1280>.png
// At the end: a timing breakdown per step and per flow (settle, elder switch, resize, screenshots, axe).
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import pg from 'pg';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';
import { freePort, graphqlClient, printTimings, run, setElder, settle, start, stepper, trackRequests, waitForHttp, WIDTHS } from './lib.mjs';

dayjs.extend(utc);
dayjs.extend(timezone);

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PORTAL = path.join(ROOT, 'apps/portal');
const SHOTS = path.join(ROOT, 'dist/e2e-screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PASSWORD = 'civicgrid-demo';
const ZONE = 'Asia/Shanghai';

const cleanups = [];
let cleaning = null;
async function cleanup() {
  cleaning ??= (async () => {
    for (const fn of cleanups.reverse()) await fn().catch((e) => console.error('cleanup:', e.message));
  })();
  return cleaning;
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => void cleanup().then(() => process.exit(130)));

const t0 = Date.now();
const log = (m) => console.log(`[e2e ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
const report = [];
const failures = [];

const flowTimes = [];
let openPage = null; // set once the browser runs: (flow) => a new page in a context of its own

/**
 * Runs one flow; `fn` gets `newPage()` (a page in a new context of its own, whose requests are
 * tracked for the steps' waits) and `stepper(id)` (screenshots and axe, timed for this flow).
 */
async function flow(name, fn) {
  log(`flow ${name}`);
  const started = Date.now();
  const pages = [];
  const newPage = async () => {
    const page = await openPage(name);
    pages.push(page);
    return page;
  };
  const stepperFor = (id) => stepper({ dir: SHOTS, flow: id, report, owner: name });
  try {
    await fn({ newPage, stepper: stepperFor });
    log(`flow ${name}: done`);
  } catch (e) {
    await pages.at(-1)?.screenshot({ path: path.join(SHOTS, `FAILED-${name}.png`), fullPage: true }).catch(() => undefined);
    failures.push(`${name}: ${e.stack ?? e}`);
    log(`flow ${name}: FAILED ${e.message}`);
  } finally {
    flowTimes.push({ name, ms: Date.now() - started });
  }
}

try {
  if (!process.env.E2E_SKIP_BUILD) {
    log('building the API');
    await run('npm', ['run', 'build', '-w', '@civicgrid/api'], { cwd: ROOT });
    log('building the portal');
    await run('npm', ['run', 'build', '-w', '@civicgrid/portal'], { cwd: ROOT });
  }

  const dataDir = mkdtempSync(path.join(tmpdir(), 'civicgrid-e2e-'));
  chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as its own user and must reach the folder
  cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  const apiPort = await freePort();
  const apiEnv = { ...process.env };
  delete apiEnv.DATABASE_URL; // always the embedded PostgreSQL, in a fresh folder
  const api = start('api', process.execPath, ['dist/api/apps/api/src/main.js'], {
    cwd: ROOT,
    env: { ...apiEnv, API_PORT: String(apiPort), CIVICGRID_DATA_DIR: path.join(dataDir, 'postgres'), CIVICGRID_DEMO_DATA: 'true' },
  });
  cleanups.push(() => api.stop(30000));
  // An API that dies mid-run fails every later flow with "fetch failed": say why, once.
  void api.exited.then(({ code, signal }) => {
    if (!cleaning) log(`API exited unexpectedly (code ${code}, signal ${signal}):\n${api.log().slice(-4000)}`);
  });
  log(`API starting on ${apiPort}`);
  await waitForHttp(`http://127.0.0.1:${apiPort}/ready`, { proc: api, timeoutMs: 180000 });

  const portalPort = await freePort();
  const viteBin = path.join(path.dirname(fileURLToPath(import.meta.resolve('vite/package.json'))), 'bin/vite.js');
  const preview = start('portal', process.execPath, [viteBin, 'preview'], { cwd: PORTAL, env: { ...process.env, API_PORT: String(apiPort), PORTAL_PORT: String(portalPort) } });
  cleanups.push(() => preview.stop(5000));
  const BASE = `http://127.0.0.1:${portalPort}`;
  await waitForHttp(`${BASE}/`, { proc: preview, timeoutMs: 60000 });
  log(`portal on ${BASE}`);

  const gql = graphqlClient(`http://127.0.0.1:${apiPort}/graphql`);
  // The API's own clock cannot be moved from here, and a shift is never created in the past:
  // to check out (refused before the start) a flow moves its shift's start to a minute ago,
  // in the API's database, once the volunteer is checked in.
  const db = async (sql, params) => {
    const port = Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[3]);
    const password = readFileSync(path.join(dataDir, 'postgres-password'), 'utf8').trim();
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'civicgrid' });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  };
  const startShiftNow = (shiftId) => db(`UPDATE shift SET starts_at = now() - interval '1 minute' WHERE id = $1 AND starts_at > now()`, [shiftId]);
  const login = async (phone) => (await gql('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { phone, password: PASSWORD } })).login.accessToken;
  // What a resident accepts on signing up: the privacy notice in force and the terms.
  const consent = { privacyNoticeVersion: (await gql('{ privacyNotice { version } }')).privacyNotice.version, termsAccepted: true };

  // Set-up through the API: a task whose shift starts in a few minutes, so check-in is open.
  const coordToken = await login('13800000003');
  const { me: coord } = await gql('{ me { memberships { role organization { id name } } } }', {}, coordToken);
  const org = coord.memberships.find((m) => m.organization.name === '益邻社区服务中心').organization;
  let parentId = null;
  let gridId = null;
  for (let level = 0; level < 4; level++) {
    const { regions } = await gql('query($p: ID) { regions(parentId: $p) { id level } }', { p: parentId }, coordToken);
    parentId = regions[0].id;
    if (regions[0].level === 'GRID') gridId = regions[0].id;
  }
  const stamp = Date.now().toString(36).slice(-5);
  const checkInTitle = `河道清洁快闪 ${stamp}`;
  const startsAt = new Date(Date.now() + 5 * 60_000);
  const created = await gql(
    `mutation($i: CreateTaskInput!) { createTask(input: $i) { id shifts { id checkInCode } } }`,
    {
      i: {
        organizationId: org.id,
        regionId: gridId,
        title: checkInTitle,
        category: 'ENVIRONMENT',
        description: '沿河拾捡垃圾，手套与夹子由中心提供。',
        requiresCheckInCode: true,
        shifts: [{ startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 60 * 60_000).toISOString(), capacity: 5 }],
      },
    },
    coordToken,
  );
  await gql('mutation($id: ID!) { publishTask(id: $id) { id } }', { id: created.createTask.id }, coordToken);
  const checkInTask = { id: created.createTask.id, shiftId: created.createTask.shifts[0].id, code: created.createTask.shifts[0].checkInCode };
  log(`set up task ${checkInTask.id}`);

  // For the QR check-in flow: a shift starting in a few minutes, and a volunteer already on it
  // (set up before any flow runs: no flow may publish tasks while grid-leader picks from the board).
  const qrTitle = `社区图书角整理 ${stamp}`;
  const qrMade = await gql(
    `mutation($i: CreateTaskInput!) { createTask(input: $i) { id shifts { id checkInCode } } }`,
    {
      i: {
        organizationId: org.id,
        regionId: gridId,
        title: qrTitle,
        category: 'CULTURE',
        description: '整理社区图书角的书架，登记新捐赠的图书。',
        requiresCheckInCode: true,
        shifts: [{ startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 90 * 60_000).toISOString(), capacity: 4 }],
      },
    },
    coordToken,
  );
  await gql('mutation($id: ID!) { publishTask(id: $id) { id } }', { id: qrMade.createTask.id }, coordToken);
  const qrVolunteer = { name: `扫码志愿者${stamp}`, phone: `1359${String(Date.now()).slice(-7)}`, password: 'e2e-password-1' };
  const qrVolunteerToken = (await gql('mutation($i: RegisterInput!) { register(input: $i) { accessToken } }', { i: { phone: qrVolunteer.phone, password: qrVolunteer.password, displayName: qrVolunteer.name, consent } })).register.accessToken;
  await gql('mutation($i: ClaimShiftInput!) { claimShift(input: $i) { id status } }', { i: { shiftId: qrMade.createTask.shifts[0].id } }, qrVolunteerToken);
  const qrTask = { id: qrMade.createTask.id, shiftId: qrMade.createTask.shifts[0].id, code: qrMade.createTask.shifts[0].checkInCode };

  // For the elder flow: a shift later today in the elderly resident's home grid, with places
  // (published before any flow runs, like the ones above). It starts 20 minutes from now, or
  // just before midnight in Shanghai when that comes sooner: it must be "today" there.
  const elderToken = await login('13800000011');
  const { me: elderMe } = await gql('{ me { homeRegion { id } } }', {}, elderToken);
  const elderTitle = `陪老人下象棋 ${stamp}`;
  const elderStart = new Date(Math.min(Date.now() + 20 * 60_000, dayjs().tz(ZONE).endOf('day').valueOf() - 30_000));
  const elderMade = await gql(
    `mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }`,
    {
      i: {
        organizationId: org.id,
        regionId: elderMe.homeRegion.id,
        title: elderTitle,
        category: 'ELDER_CARE',
        description: '在社区活动室陪老人下象棋、聊聊天。',
        shifts: [{ startsAt: elderStart.toISOString(), endsAt: new Date(elderStart.getTime() + 60 * 60_000).toISOString(), capacity: 3, place: '社区活动室' }],
      },
    },
    coordToken,
  );
  await gql('mutation($id: ID!) { publishTask(id: $id) { id } }', { id: elderMade.createTask.id }, coordToken);

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  cleanups.push(() => browser.close());
  openPage = async (name) => {
    // A new context per page (axe needs pages from browser.newContext()).
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'zh-CN', timezoneId: ZONE, reducedMotion: 'reduce' });
    cleanups.push(() => context.close());
    const page = await context.newPage();
    trackRequests(page);
    page.setDefaultTimeout(15000);
    page.on('pageerror', (e) => failures.push(`${name}: page error: ${e.message}`));
    return page;
  };

  const volunteerName = `测试志愿者${stamp}`;
  const volunteerPhone = `137${String(Date.now()).slice(-8)}`;

  // On a 360×740 phone the first shift card starts on the first screen, above the bottom bar
  // (the board folds its filters and panels for it); in elder mode the home is the elder
  // home, whose first large action is on the first screen.
  const firstCardOnFirstScreen = async (page, what) => {
    const before = page.viewportSize();
    await page.setViewportSize({ width: 360, height: 740 });
    for (const elder of [false, true]) {
      await setElder(page, elder);
      await settle(page, `${what} at 360×740`);
      const at = await page.evaluate((selector) => {
        window.scrollTo(0, 0);
        const first = document.querySelector(selector);
        return { top: first?.getBoundingClientRect().top ?? null, bar: document.querySelector('.app-nav')?.getBoundingClientRect().top ?? innerHeight };
      }, elder ? '.elder-actions .elder-action' : '.board-results .card-list article');
      const thing = elder ? "the elder home's first action" : 'the first shift card';
      if (at.top === null || at.top >= at.bar) throw new Error(`${what}${elder ? ' in elder mode' : ''}: ${thing} starts at ${at.top} px, the first screen ends at ${at.bar} px`);
    }
    await setElder(page, false);
    await page.setViewportSize(before);
    await settle(page, what);
  };

  // The signed-in board, header included, loads with at most three GraphQL requests (read
  // from the browser's own network log over a reload of the page).
  const boardRequestsOnReload = async (page, what) => {
    const names = [];
    const onRequest = (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname.endsWith('/graphql')) names.push(r.postDataJSON()?.operationName ?? '?');
    };
    page.on('request', onRequest);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: /共 \d+ 个班次/ }).waitFor();
    await settle(page, `${what} reloaded`);
    page.off('request', onRequest);
    if (names.length > 3) throw new Error(`${what}: ${names.length} GraphQL requests (${names.join(', ')}), more than 3`);
  };

  const volunteerFlow = () => flow('volunteer', async ({ newPage, stepper }) => {
    const page = await newPage();
    const step = stepper('1-volunteer');
    // Signed out, the board's first shift is on the first screen too.
    await page.goto(`${BASE}/`);
    await page.getByRole('heading', { level: 2, name: /共 \d+ 个班次/ }).waitFor();
    await firstCardOnFirstScreen(page, 'the signed-out board');
    await page.goto(`${BASE}/signup`);
    await page.getByRole('heading', { level: 1, name: '注册' }).waitFor();
    await step(page, 'signup');
    await page.getByLabel('怎么称呼您').fill(volunteerName);
    await page.getByLabel('手机号').fill(volunteerPhone);
    await page.getByLabel('密码', { exact: true }).fill('e2e-password-1');
    await page.getByLabel('再次输入密码').fill('e2e-password-1');
    await page.getByRole('button', { name: '下一步：隐私' }).click();
    await page.getByRole('heading', { level: 2, name: '您的隐私' }).waitFor();
    await step(page, 'signup-privacy');
    await page.getByRole('checkbox', { name: '我已阅读并同意隐私政策' }).check();
    await page.getByRole('checkbox', { name: '我接受用户协议' }).check();
    await page.getByRole('button', { name: '注册并登录' }).click();
    await page.getByRole('heading', { level: 1, name: '任务广场' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /共 \d+ 个班次/ }).waitFor();
    await firstCardOnFirstScreen(page, 'the signed-in board');
    await boardRequestsOnReload(page, 'the signed-in board');
    await step(page, 'board');

    // Find the shift by filter: category 环境保护, only with space. At 360 px the filters open as a sheet.
    await page.getByRole('button', { name: /^筛选/ }).click();
    const sheet = page.getByRole('dialog', { name: '筛选' });
    await sheet.getByLabel('类别').click();
    // At 360px the fixed bottom bar may cover the lower options: dispatch the click to the option itself.
    await page.locator('.ant-select-item-option[title="环境保护"]').dispatchEvent('click');
    await sheet.getByLabel('只看还有名额的').check();
    await sheet.getByRole('button', { name: /^查看 \d+ 个班次$/ }).click();
    await sheet.waitFor({ state: 'hidden' });
    const card = page.locator('.board-results article', { hasText: checkInTitle });
    await card.waitFor();
    await step(page, 'board-filtered');
    // A reload (or the link shared) keeps the filters: they live in the address.
    await page.reload();
    await card.waitFor();
    await page.getByRole('button', { name: '筛选（2）' }).waitFor();
    if (!/category=ENVIRONMENT/.test(page.url()) || !/space=1/.test(page.url())) throw new Error(`the filters are not in the address: ${page.url()}`);

    await card.getByRole('button', { name: /^报名/ }).click();
    await card.getByText('报名成功！').waitFor();
    await step(page, 'claimed');

    await card.getByRole('link', { name: checkInTitle }).click();
    await page.getByRole('heading', { level: 1, name: checkInTitle }).waitFor();
    await step(page, 'task');

    await page.getByRole('navigation').getByRole('link', { name: '我的报名' }).click();
    const claim = page.locator('article', { hasText: checkInTitle });
    await claim.waitFor();
    await step(page, 'my-shifts');
    await claim.getByLabel('签到码').fill(checkInTask.code);
    await claim.getByRole('button', { name: '签到' }).click();
    await claim.getByText('已签到', { exact: true }).waitFor();
    await step(page, 'checked-in');
    // Before the start the API refuses a volunteer's check-out: the shift starts now.
    await startShiftNow(checkInTask.shiftId);
    await claim.getByRole('button', { name: '签退' }).click();
    // Checking out is final: a confirmation says so first, and "keep" changes nothing.
    const confirmOut = page.getByRole('dialog', { name: '现在签退？' });
    await confirmOut.getByText('此操作无法撤销').waitFor();
    await confirmOut.getByText('服务时长从现在起停止计算，这个班次不能再次签到。').waitFor();
    await step(page, 'check-out-confirm');
    await confirmOut.getByRole('button', { name: '先不操作' }).click();
    await confirmOut.waitFor({ state: 'hidden' });
    await claim.getByText('已签到', { exact: true }).waitFor();
    await claim.getByRole('button', { name: '签退' }).click();
    await confirmOut.getByRole('button', { name: '确定签退' }).click();
    await claim.getByText('已签退，待核实', { exact: true }).waitFor();
    await step(page, 'checked-out');

    await page.getByRole('navigation').getByRole('link', { name: '我的', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '我的' }).waitFor();
    await step(page, 'profile');
  });

  const coordinatorFlow = () => flow('coordinator', async ({ newPage, stepper }) => {
    const page = await newPage();
    const step = stepper('2-coordinator');
    await page.goto(`${BASE}/signin`);
    await page.getByLabel('手机号').fill('13800000003');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByText('手机号或密码不对。').waitFor();
    await step(page, 'signin-error');
    // The second try from the keyboard: Enter in the password field submits the form.
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByLabel('密码').press('Enter');
    await page.getByRole('heading', { level: 1, name: '任务广场' }).waitFor();

    await page.getByRole('navigation').getByRole('link', { name: '组织' }).click();
    await page.getByRole('link', { name: '益邻社区服务中心' }).click();
    await page.getByRole('heading', { level: 1, name: '益邻社区服务中心' }).waitFor();
    await step(page, 'organization');

    await page.getByRole('button', { name: '发布新任务' }).click();
    await page.getByRole('heading', { level: 1, name: '发布新任务' }).waitFor();
    const title = `周末陪老人聊天 ${stamp}`;
    await page.getByLabel('任务名称').fill(title);
    await page.getByLabel('任务说明').fill('到独居老人家中陪伴聊天一小时，请提前十分钟到社区活动室集合。');
    const day = dayjs().tz(ZONE).add(2, 'day').format('YYYY-MM-DD');
    const fillShift = async (i, from, to, places) => {
      const group = page.getByRole('group', { name: `第 ${i} 班` });
      for (const [label, value] of [['开始时间', `${day} ${from}`], ['结束时间', `${day} ${to}`]]) {
        const input = group.getByLabel(label);
        await input.click();
        await input.fill(value);
        await input.press('Tab');
      }
      await group.getByLabel('人数').fill(String(places));
    };
    // Enter in a date picker takes the date and stays on the form (it used to save the task with a default capacity).
    {
      const startsAt = page.getByRole('group', { name: '第 1 班' }).getByLabel('开始时间');
      await startsAt.click();
      // Calendar and time side by side used to be about 400 px wide and ran off a 360 px
      // screen: now the popup is narrow enough to sit on it with a margin.
      const popup = page.locator('.datetime-popup').filter({ visible: true });
      await popup.waitFor();
      const width = await popup.evaluate((e) => e.getBoundingClientRect().width);
      if (width > 360 - 2 * 8) throw new Error(`the date-time popup is ${width} px wide: it does not fit a 360 px screen`);
      await startsAt.fill(`${day} 09:00`);
      await startsAt.press('Enter');
      await settle(page, 'Enter in the date picker');
      // Submitting would have checked the form (the end and the rest are still empty) or saved it.
      if (await page.locator('.ant-form-item-explain-error').count()) throw new Error('Enter in the date picker submitted the form');
      await page.getByRole('heading', { level: 1, name: '发布新任务' }).waitFor();
      if ((await startsAt.inputValue()) !== `${day} 09:00`) throw new Error(`Enter lost the typed date: ${await startsAt.inputValue()}`);
      await startsAt.press('Tab');
    }
    await fillShift(1, '09:00', '11:00', 6);
    await page.getByRole('button', { name: '再加一个班次' }).click();
    await fillShift(2, '14:00', '16:00', 4);
    await step(page, 'new-task');
    await page.getByRole('button', { name: '保存任务' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText('这是草稿').waitFor();
    await step(page, 'task-draft');
    await page.getByRole('button', { name: '发布任务' }).click();
    await page.getByText('已发布，志愿者可以报名了。').waitFor();
    await step(page, 'task-published');

    // Verify the minutes of the volunteer who checked in and out in flow 1.
    await page.goto(`${BASE}/orgs/${org.id}/tasks/${checkInTask.id}`);
    const row = page.locator('li.claim-row', { hasText: volunteerName });
    await row.waitFor();
    await step(page, 'claims');
    await row.getByRole('button', { name: `核实${volunteerName}的时长` }).click();
    const confirmVerify = page.getByRole('dialog', { name: new RegExp(`^核实${volunteerName}的 \\d+ 分钟？$`) });
    await confirmVerify.getByText('此操作无法撤销').waitFor();
    await confirmVerify.getByText(`核实后时长即为最终结果：计入${volunteerName}的服务时长，不能再修改或改为不认可。`).waitFor();
    await step(page, 'verify-confirm');
    await confirmVerify.getByRole('button', { name: '核实时长' }).click();
    await row.getByText(/^已核实 \d+ 分钟$/).waitFor();
    await step(page, 'verified');
  });

  const gridLeaderFlow = () => flow('grid-leader', async ({ newPage, stepper }) => {
    const page = await newPage();
    const step = stepper('3-grid-leader');
    await page.goto(`${BASE}/signin`);
    await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
    await step(page, 'signin');
    await page.getByLabel('手机号').fill('13800000002');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '任务广场' }).waitFor();
    // Her board starts at her home grid, and says so.
    await page.getByText('目前只显示您所在的网格：玉林北路社区第1网格。').waitFor();
    await boardRequestsOnReload(page, "the grid leader's board");
    await page.getByRole('navigation').getByRole('link', { name: '代办' }).click();
    await page.getByRole('heading', { level: 1, name: '代办' }).waitFor();
    await page.getByRole('heading', { level: 2, name: '张德福' }).waitFor();
    await step(page, 'residents');
    await page.getByRole('button', { name: '为张德福报名' }).click();
    await page.getByText('您正在为 张德福 代办报名。').waitFor();
    const free = page.locator('.board-results article').filter({ has: page.getByRole('button', { name: /^为张德福报名 – / }) }).last();
    await free.waitFor();
    await step(page, 'board-acting');
    const title = await free.locator('h3').innerText();
    // The card by its shift, since it loses the claim button once he holds the shift.
    const card = page.locator('.board-results article', { has: page.locator(`[id="${await free.locator('h3').getAttribute('id')}"]`) });
    await card.getByRole('button', { name: /^为张德福报名 – / }).click();
    await card.getByText(/已为张德福/).waitFor();
    // The card now shows his claim, and a cancel for him instead of a second claim.
    const holds = /^张德福(已报上这个班次|在候补名单上|的报名正等待组织方审核)。$/;
    await card.getByText(holds).waitFor();
    await card.getByRole('button', { name: /^为张德福取消报名 – / }).waitFor();
    if (await card.getByRole('button', { name: /^为张德福报名 – / }).count()) throw new Error('the card still offers to claim for him');
    await step(page, 'claimed-for-resident');
    // After a reload the board still reads his claim from the API, and so does the task page.
    await page.reload();
    await card.getByText(holds).waitFor();
    await card.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.locator('article.shift-card').getByText(holds).first().waitFor();
    await step(page, 'task-acting');
    await page.getByRole('navigation').getByRole('link', { name: '代办' }).click();
    await page.locator('article', { hasText: '张德福' }).getByRole('button', { name: '查看报名' }).click();
    await page.getByRole('heading', { level: 2, name: '张德福的报名' }).waitFor();
    await page.locator('.record-row', { hasText: title }).first().waitFor();
    await step(page, 'resident-claims');
  });

  const signIn = async (page, phone, password = PASSWORD) => {
    await page.goto(`${BASE}/signin`);
    await page.getByLabel('手机号').fill(phone);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '任务广场' }).waitFor();
  };
  const pickOption = async (page, label, option) => {
    await page.getByLabel(label, { exact: true }).click();
    await page.locator(`.ant-select-item-option[title="${option}"]`).dispatchEvent('click');
  };

  // Regions by name, for set-up through the API.
  const childNamed = async (parentId, name, token) => {
    const { regions } = await gql('query($p: ID) { regions(parentId: $p) { id name } }', { p: parentId }, token);
    return regions.find((r) => r.name === name);
  };

  const allianceFlow = () => flow('alliance', async ({ newPage, stepper }) => {
    const merchantToken = await login('13800000004');
    const district = await childNamed(null, '武侯区', merchantToken);
    const street = await childNamed(district.id, '玉林街道', merchantToken);
    const community = await childNamed(street.id, '玉林北路社区', merchantToken);
    const shopName = `玉林鲜花店${stamp}`;
    await gql('mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }', { i: { name: shopName, kind: 'MERCHANT', regionId: community.id, description: '社区花店，愿意参与垃圾分类和志愿者优惠。' } }, merchantToken);

    const page = await newPage();
    const step = stepper('4-alliance');
    await signIn(page, '13800000004');
    await page.goto(`${BASE}/alliances`);
    await page.getByRole('heading', { level: 1, name: '商家联盟' }).waitFor();
    await page.getByRole('link', { name: '玉林街道商家联盟' }).waitFor();
    await step(page, 'alliances');
    await page.getByRole('link', { name: '玉林街道商家联盟' }).click();
    await page.getByRole('heading', { level: 1, name: '玉林街道商家联盟' }).waitFor();
    await page.getByRole('heading', { level: 2, name: '申请入盟' }).waitFor();
    await step(page, 'alliance');
    await pickOption(page, '申请组织', shopName);
    await page.getByRole('checkbox', { name: '垃圾分类' }).check();
    await page.getByRole('checkbox', { name: '志愿者优惠' }).check();
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByText(`已为${shopName}提交申请`).waitFor();
    await step(page, 'applied');

    const official = await newPage();
    const ostep = stepper('4-alliance-steward');
    await signIn(official, '13800000005');
    await official.goto(`${BASE}/official`);
    await official.getByRole('heading', { level: 1, name: '干部工作台' }).waitFor();
    await official.getByRole('button', { name: `认证${shopName}` }).waitFor();
    await ostep(official, 'queue');
    await official.getByRole('button', { name: `认证${shopName}` }).click();
    // Verifying is confirmed first; the row then stays, saying it is verified.
    await official.getByRole('dialog', { name: `认证${shopName}？` }).getByRole('button', { name: '认证' }).click();
    await official.getByRole('button', { name: `认证${shopName}` }).waitFor({ state: 'detached' });
    await official.getByText(`已认证${shopName}，并已通知其负责人。`).waitFor();
    await official.goto(`${BASE}/alliances`);
    await official.getByRole('link', { name: '玉林街道商家联盟' }).click();
    const review = official.locator('li.claim-row', { hasText: shopName });
    await review.getByRole('button', { name: `批准${shopName}` }).waitFor();
    await ostep(official, 'review');
    await review.getByLabel(`对${shopName}的处理理由`).fill('材料齐全，欢迎加入。');
    await review.getByRole('button', { name: `批准${shopName}` }).click();
    await official.locator('section', { has: official.getByRole('heading', { level: 2, name: /^成员（/ }) }).getByRole('link', { name: shopName }).waitFor();
    await ostep(official, 'approved');

    // The new member records what it did, in one of the pledge's units, in Chinese words.
    await page.reload();
    await page.getByRole('heading', { level: 3, name: '记录承诺履行' }).waitFor();
    if (await page.getByLabel('组织', { exact: true }).count()) await pickOption(page, '组织', shopName);
    await pickOption(page, '承诺事项', '志愿者优惠');
    await page.locator('#pledge-activity_unit').locator('xpath=ancestor::div[contains(@class,"ant-select")]').getByTitle('元').waitFor();
    await page.getByLabel('数量', { exact: true }).fill('36');
    await page.getByRole('button', { name: '保存记录' }).click();
    await page.getByText('已记录：志愿者优惠：36 元。').waitFor();
    await page.getByRole('button', { name: '更正志愿者优惠：36 元的记录' }).waitFor();
    await page.getByRole('heading', { level: 2, name: '每月合计' }).waitFor();
    await step(page, 'recorded');
  });

  let needUrl = null;
  const needFlow = () => flow('need', async ({ newPage, stepper }) => {
    const page = await newPage();
    const step = stepper('5-need');
    await signIn(page, '13800000001');
    await page.getByRole('navigation').getByRole('link', { name: '需求' }).click();
    await page.getByRole('heading', { level: 1, name: '居民需求' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /共 \d+ 条需求/ }).waitFor();
    await step(page, 'needs');
    await page.getByRole('button', { name: '提需求' }).click();
    await page.getByRole('heading', { level: 1, name: '提需求' }).waitFor();
    const title = `楼下花坛需要补种 ${stamp}`;
    await page.getByLabel('需要做什么').fill(title);
    await page.getByLabel('详细说明').fill('玉林北路 5 栋楼下的花坛空了一半，希望周末一起补种花苗。');
    await step(page, 'publish-form');
    await page.getByRole('button', { name: '发布需求' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    needUrl = page.url();
    await step(page, 'need');

    const coord = await newPage();
    const cstep = stepper('5-need-adopt');
    await signIn(coord, '13800000003');
    await coord.goto(needUrl);
    await coord.getByRole('heading', { level: 1, name: title }).waitFor();
    const support = coord.getByRole('button', { name: new RegExp(`^为${title}点 \\+1`) });
    await support.click();
    await coord.getByRole('button', { name: new RegExp(`^您已支持${title}`) }).waitFor();
    await pickOption(coord, '认领组织', '益邻社区服务中心');
    await cstep(coord, 'need');
    await coord.getByRole('button', { name: '认领并安排班次' }).click();
    await coord.getByText('这是草稿').waitFor();
    await coord.getByRole('heading', { level: 2, name: '添加班次' }).waitFor();
    const day = dayjs().tz(ZONE).add(4, 'day').format('YYYY-MM-DD');
    for (const [label, value] of [['开始时间', `${day} 09:00`], ['结束时间', `${day} 11:00`]]) {
      const input = coord.getByLabel(label);
      await input.click();
      await input.fill(value);
      await input.press('Tab');
    }
    await coord.getByLabel('人数').fill('4');
    await cstep(coord, 'adopted-draft');
    await coord.getByRole('button', { name: '添加这个班次' }).click();
    await coord.getByRole('heading', { level: 2, name: /^第 1 班：/ }).waitFor();
    await coord.getByRole('button', { name: '发布任务' }).click();
    await coord.getByText('已发布，志愿者可以报名了。').waitFor();
    await cstep(coord, 'published');
  });

  const matchingFlow = () => flow('matching', async ({ newPage, stepper }) => {
    // A shift on the coming Saturday morning near the demo volunteer, who is free then.
    const volToken = await login('13800000001');
    const { me: vol } = await gql('{ me { id homeRegion { id } } }', {}, volToken);
    let sat = dayjs().tz(ZONE).add(2, 'day');
    while (sat.day() !== 6) sat = sat.add(1, 'day');
    const from = dayjs.tz(`${sat.format('YYYY-MM-DD')} 09:00`, ZONE);
    const title = `周六早市垃圾分类引导 ${stamp}`;
    const made = await gql(
      `mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }`,
      { i: { organizationId: org.id, regionId: vol.homeRegion.id, title, category: 'WASTE_SORTING', description: '在早市入口引导居民分类投放垃圾。', shifts: [{ startsAt: from.toISOString(), endsAt: from.add(2, 'hour').toISOString(), capacity: 40 }] } },
      coordToken,
    );
    await gql('mutation($id: ID!) { publishTask(id: $id) { id } }', { id: made.createTask.id }, coordToken);

    const page = await newPage();
    const step = stepper('6-matching');
    await signIn(page, '13800000001');
    await page.getByRole('heading', { level: 2, name: '为您推荐' }).waitFor();
    // On a small screen the recommendations fold to their heading: unfold them.
    const unfold = page.getByRole('button', { name: /^展开 \d+ 条推荐/ });
    if (await unfold.count()) await unfold.click();
    await page.locator('.recommended .match-reasons').first().waitFor();
    await step(page, 'recommended');

    const coord = await newPage();
    const cstep = stepper('6-matching-autofill');
    await signIn(coord, '13800000003');
    await coord.goto(`${BASE}/orgs/${org.id}/tasks/${made.createTask.id}`);
    await coord.getByRole('heading', { level: 1, name: title }).waitFor();
    await cstep(coord, 'manage');
    await coord.getByRole('button', { name: '一键补满空缺' }).click();
    const dialog = coord.getByRole('dialog');
    await dialog.getByText('这是建议方案').waitFor();
    // Figures a coordinator can judge instead of a raw total score: places filled of the 40
    // open, how many have the skills asked for (the task asks for none: all), mean distance.
    const figure = async (label) => (await dialog.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd').innerText()).trim();
    const filled = await figure('补满名额');
    const [, placesFilled] = filled.match(/^(\d+) \/ 40$/) ?? [];
    if (!placesFilled || Number(placesFilled) < 1) throw new Error(`places filled reads "${filled}"`);
    if ((await figure('具备所需技能')) !== `${placesFilled} / ${placesFilled} 人`) throw new Error(`skills met reads "${await figure('具备所需技能')}"`);
    if (!/^\d+(\.\d)? (米|公里)$/.test(await figure('离家平均距离'))) throw new Error(`mean distance reads "${await figure('离家平均距离')}"`);
    if ((await dialog.getByText(/总分/).count()) > 0) throw new Error('the dialog still shows a raw total score');
    // Never proposed: people who gave no availability (the elderly resident, the grid leader,
    // the NGO's owner, who is also its staff) and the coordinator herself.
    for (const name of ['张德福', '李秀英', '黄建国', '陈静']) {
      if ((await dialog.getByText(name, { exact: true }).count()) > 0) throw new Error(`auto-fill proposed ${name}`);
    }
    await dialog.getByText('王小明', { exact: true }).waitFor();
    await cstep(coord, 'proposal');
    await dialog.getByRole('button', { name: `邀请 ${placesFilled} 位志愿者` }).click();
    await dialog.getByText(`已发出 ${placesFilled} 个邀请。`).waitFor();
    await cstep(coord, 'invited');
    await dialog.getByRole('button', { name: '关闭', exact: true }).first().click();
    // The task page lists who was invited to the shift and how they answered.
    const invited = coord.getByRole('list', { name: `已发出的邀请（${placesFilled}）` });
    await invited.getByRole('listitem').filter({ hasText: '王小明' }).filter({ hasText: '等待回复' }).waitFor();
    await cstep(coord, 'invitations-listed');

    await page.reload();
    await page.getByRole('navigation').getByRole('link', { name: /邀请/ }).click();
    await page.getByRole('heading', { level: 1, name: '班次邀请' }).waitFor();
    const inv = page.locator('article', { hasText: title });
    await inv.waitFor();
    // The invitations badge sits beside its label, never over it, at both widths. (Elder mode's
    // four-item navigation has no invitations item: an invitation reaches an elder as a message.)
    const navItem = page.getByRole('navigation').getByRole('link', { name: /邀请/ });
    for (const elder of [false]) {
      await setElder(page, elder);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 800 });
        const [label, badge] = await Promise.all([navItem.locator('.nav-label').boundingBox(), navItem.locator('.nav-badge').boundingBox()]);
        if (!label || !badge) throw new Error(`invitations item at ${width}px${elder ? ' (elder)' : ''}: label or badge not shown`);
        const apart = badge.x >= label.x + label.width || badge.x + badge.width <= label.x || badge.y >= label.y + label.height || badge.y + badge.height <= label.y;
        if (!apart) throw new Error(`invitations badge overlaps its label at ${width}px${elder ? ' (elder)' : ''}: ${JSON.stringify({ label, badge })}`);
      }
    }
    await setElder(page, false);
    await step(page, 'invitations');
    await inv.getByRole('button', { name: new RegExp(`^接受 ${title}`) }).click();
    // The confirmation names the shift, and the navigation still leads here.
    await inv.getByText(`已接受：${title}，`).waitFor();
    await navItem.waitFor();
    await step(page, 'accepted');
    await coord.reload();
    await coord.getByRole('list', { name: /^已发出的邀请（\d+）$/ }).getByRole('listitem').filter({ hasText: '王小明' }).filter({ hasText: '已接受' }).filter({ hasText: '回复' }).waitFor();
    await cstep(coord, 'invitation-answered');
  });


  // Live updates: a volunteer waitlisted on a full shift watches the board and the bell; the
  // volunteer holding the place cancels (through the API); the bell lights up (CLAIM_PROMOTED)
  // and the board's figures change over the socket, without a reload. Its own task, in a grid
  // no other flow's board shows, and two volunteers registered for it.
  const liveFlow = () => flow('live', async ({ newPage, stepper }) => {
    let parent = null;
    for (let level = 0; level < 3; level++) {
      const { regions } = await gql('query($p: ID) { regions(parentId: $p) { id } }', { p: parent }, coordToken);
      parent = regions[0].id;
    }
    const { regions: grids } = await gql('query($p: ID) { regions(parentId: $p) { id level } }', { p: parent }, coordToken);
    const grid = (grids[1] ?? grids[0]).id;
    const register = async (name, phone) =>
      (await gql('mutation($i: RegisterInput!) { register(input: $i) { accessToken } }', { i: { phone, password: 'e2e-password-1', displayName: name, homeRegionId: grid, consent } })).register.accessToken;
    const suffix = String(Date.now()).slice(-7);
    const holderToken = await register(`占位志愿者${stamp}`, `1366${suffix}`);
    const waiterPhone = `1365${suffix}`;
    const waiterToken = await register(`候补志愿者${stamp}`, waiterPhone);

    const title = `社区夜间巡逻 ${stamp}`;
    const from = dayjs.tz(`${dayjs().tz(ZONE).add(9, 'day').format('YYYY-MM-DD')} 19:00`, ZONE);
    const made = await gql(
      `mutation($i: CreateTaskInput!) { createTask(input: $i) { id shifts { id } } }`,
      { i: { organizationId: org.id, regionId: grid, title, category: 'SAFETY_PATROL', description: '两人一组沿小区步道巡查，手电筒由中心提供。', shifts: [{ startsAt: from.toISOString(), endsAt: from.add(1, 'hour').toISOString(), capacity: 1 }] } },
      coordToken,
    );
    await gql('mutation($id: ID!) { publishTask(id: $id) { id } }', { id: made.createTask.id }, coordToken);
    const shiftId = made.createTask.shifts[0].id;
    const claim = async (token) => (await gql('mutation($i: ClaimShiftInput!) { claimShift(input: $i) { id status } }', { i: { shiftId } }, token)).claimShift;
    const held = await claim(holderToken);
    const waiting = await claim(waiterToken);
    if (held.status !== 'CONFIRMED' || waiting.status !== 'WAITLISTED') throw new Error(`set-up: claims are ${held.status} and ${waiting.status}`);

    const page = await newPage();
    const step = stepper('7-live');
    // What the socket brings, to tell a live update from a poll.
    const frames = [];
    page.on('websocket', (ws) => ws.on('framereceived', ({ payload }) => frames.push(String(payload))));
    await signIn(page, waiterPhone, 'e2e-password-1');
    // SMS at any hour (the promotion is not urgent; the default quiet hours would hold it back at night).
    await page.getByRole('navigation').getByRole('link', { name: '我的', exact: true }).click();
    const settings = page.locator('section', { has: page.getByRole('heading', { level: 2, name: '通知设置' }) });
    await settings.getByRole('group', { name: '候补转正' }).getByRole('checkbox', { name: '短信' }).waitFor();
    if (!(await settings.getByRole('group', { name: '候补转正' }).getByRole('checkbox', { name: '短信' }).isChecked())) throw new Error('SMS is not a default channel of CLAIM_PROMOTED');
    await settings.getByRole('radio', { name: '不设免打扰' }).check();
    await settings.getByRole('button', { name: '保存通知设置' }).click();
    await settings.getByText('通知设置已保存').waitFor();
    await step(page, 'notification-settings');
    await page.getByRole('navigation').getByRole('link', { name: '任务', exact: true }).click();
    const card = page.locator('.board-results article', { hasText: title });
    await card.getByText('候补 1 人').waitFor();
    await card.getByText('您在候补名单上，有名额时自动递补。').waitFor();
    const bell = page.getByRole('banner').getByRole('link', { name: /^消息通知，\d+ 条未读$/ });
    const unread = async () => Number(/(\d+) 条未读/.exec((await bell.getAttribute('aria-label')) ?? '')?.[1] ?? NaN);
    // The waitlisting was a notification too: let it arrive first, so the rise below is the promotion's.
    await page
      .waitForFunction(() => /[1-9]\d* 条未读/.test(document.querySelector('header a.bell')?.getAttribute('aria-label') ?? ''), null, { timeout: 10000 })
      .catch(() => undefined);
    await step(page, 'board-waitlisted');
    const before = await unread();

    await page.evaluate(() => (window.__stillTheSamePage = true));
    await gql('mutation($i: CancelClaimInput!) { cancelClaim(input: $i) { id status } }', { i: { claimId: held.id } }, holderToken);

    await page.waitForFunction((n) => Number(/(\d+) 条未读/.exec(document.querySelector('header a.bell')?.getAttribute('aria-label') ?? '')?.[1]) > n, before, { timeout: 30000 });
    await card.getByText('您已报名，名额已保留。').waitFor({ timeout: 30000 });
    await card.getByText('候补 1 人').waitFor({ state: 'detached' });
    await card.getByText('已报 1 / 1 人').waitFor();
    if (!(await page.evaluate(() => window.__stillTheSamePage === true))) throw new Error('the page was reloaded');
    if (!frames.some((f) => f.includes('CLAIM_PROMOTED'))) throw new Error('the promotion did not come over the socket');
    if (!frames.some((f) => f.includes('shiftUpdated') && f.includes(shiftId))) throw new Error('the board did not get shiftUpdated for the shift');
    await step(page, 'board-promoted');

    await bell.click();
    await page.getByRole('heading', { level: 1, name: '消息通知' }).waitFor();
    const promoted = page.locator('article', { has: page.getByRole('heading', { name: `候补转正：${title}` }) });
    await promoted.getByText('未读', { exact: true }).waitFor();
    await step(page, 'inbox');
    const count = await unread();
    await promoted.getByRole('button', { name: `标为已读：候补转正：${title}` }).click();
    await promoted.getByText('未读', { exact: true }).waitFor({ state: 'detached' });
    await page.waitForFunction((n) => Number(/(\d+) 条未读/.exec(document.querySelector('header a.bell')?.getAttribute('aria-label') ?? '')?.[1]) === n - 1, count);
    await step(page, 'inbox-read');

    // The administrator sees the SMS the sink kept (no provider in the e2e run).
    const admin = await newPage();
    const astep = stepper('7-live-admin');
    await admin.goto(`${BASE}/signin`);
    await admin.getByLabel('手机号').fill('13800000006');
    await admin.getByLabel('密码').fill(PASSWORD);
    await admin.getByRole('button', { name: '登录', exact: true }).click();
    // The administrator reads English (the profile's language).
    await admin.getByRole('heading', { level: 1, name: 'Shift board' }).waitFor();
    await admin.goto(`${BASE}/official`);
    await admin.getByRole('link', { name: 'Open development messages' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Development messages' }).waitFor();
    await admin.getByRole('heading', { level: 2, name: /^\d+ messages?$/ }).waitFor();
    // The SMS of the promotion: a delivery job of its own, so it may come a moment after the in-app one.
    const sms = admin.locator('li', { hasText: waiterPhone }).filter({ hasText: title });
    for (let tries = 0; tries < 15; tries++) {
      if (await sms.first().waitFor({ timeout: 2000 }).then(() => true, () => false)) break;
      const answered = admin.waitForResponse((r) => r.url().endsWith('/graphql') && Boolean(r.request().postData()?.includes('DevMessages')));
      await admin.getByRole('button', { name: 'Refresh' }).click();
      await answered;
    }
    await sms.first().waitFor();
    await astep(admin, 'dev-messages');
    // The region tree, from the Officials' desk: the district opened, a street chosen.
    await admin.goto(`${BASE}/official`);
    await admin.getByRole('link', { name: 'Open regions' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Regions' }).waitFor();
    await admin.getByText('Wuhou District · 510107000000').click();
    await admin.getByRole('heading', { level: 2, name: 'Add a Street under Wuhou District' }).waitFor();
    await astep(admin, 'regions');
  });

  // A coordinator moves a shift on the manage page; a volunteer who claimed it, watching My
  // shifts, sees the new time without a reload (the SHIFT_RESCHEDULED notification makes the
  // list read again) and finds the notification behind the bell. Its own task and volunteer.
  const rescheduleFlow = () => flow('reschedule', async ({ newPage, stepper }) => {
    const suffix = String(Date.now()).slice(-7);
    const volunteerPhone = `1364${suffix}`;
    const volunteer = `改期志愿者${stamp}`;
    const volToken = (await gql('mutation($i: RegisterInput!) { register(input: $i) { accessToken } }', { i: { phone: volunteerPhone, password: 'e2e-password-1', displayName: volunteer, homeRegionId: gridId, consent } }))
      .register.accessToken;
    const title = `社区图书角整理 ${stamp}`;
    const day = dayjs().tz(ZONE).add(6, 'day').format('YYYY-MM-DD');
    const from = dayjs.tz(`${day} 10:00`, ZONE);
    const made = await gql(
      `mutation($i: CreateTaskInput!) { createTask(input: $i) { id shifts { id } } }`,
      {
        i: {
          organizationId: org.id,
          regionId: gridId,
          title,
          category: 'COMMUNITY_EVENT',
          description: '把捐赠的图书分类上架，贴好标签。',
          shifts: [{ startsAt: from.toISOString(), endsAt: from.add(2, 'hour').toISOString(), capacity: 4, place: '社区服务中心二楼阅览室' }],
        },
      },
      coordToken,
    );
    await gql('mutation($id: ID!) { publishTask(id: $id) { id } }', { id: made.createTask.id }, coordToken);
    const claimed = await gql('mutation($i: ClaimShiftInput!) { claimShift(input: $i) { status } }', { i: { shiftId: made.createTask.shifts[0].id } }, volToken);
    if (claimed.claimShift.status !== 'CONFIRMED') throw new Error(`set-up: the claim is ${claimed.claimShift.status}`);

    // The volunteer watches My shifts: the shift at its first time, and where to meet.
    const page = await newPage();
    const step = stepper('8-reschedule');
    await signIn(page, volunteerPhone, 'e2e-password-1');
    await page.getByRole('navigation').getByRole('link', { name: '我的报名' }).click();
    const claim = page.locator('article', { hasText: title });
    await claim.getByText(new RegExp(`${from.month() + 1}月${from.date()}日 .* 10:00 – 12:00`)).waitFor();
    await claim.getByText('社区服务中心二楼阅览室').waitFor();
    await step(page, 'my-shifts');
    const bell = page.getByRole('banner').getByRole('link', { name: /^消息通知，\d+ 条未读$/ });
    // The confirmation was a notification too: let it arrive first.
    await page.waitForFunction(() => /[1-9]\d* 条未读/.test(document.querySelector('header a.bell')?.getAttribute('aria-label') ?? ''), null, { timeout: 10000 }).catch(() => undefined);
    await page.evaluate(() => (window.__stillTheSamePage = true));

    // The coordinator moves it a day later, to the afternoon.
    const coord = await newPage();
    const cstep = stepper('8-reschedule-coordinator');
    await signIn(coord, '13800000003');
    await coord.goto(`${BASE}/orgs/${org.id}/tasks/${made.createTask.id}`);
    await coord.getByRole('heading', { level: 1, name: title }).waitFor();
    await coord.getByText('集合地点：社区服务中心二楼阅览室').waitFor();
    await cstep(coord, 'manage');
    await coord.getByRole('button', { name: /^修改班次 / }).click();
    const form = coord.getByRole('form', { name: /^修改班次 / });
    const to = from.add(1, 'day').hour(15).minute(30);
    for (const [label, value] of [['开始时间', to.format('YYYY-MM-DD HH:mm')], ['结束时间', to.add(2, 'hour').format('YYYY-MM-DD HH:mm')]]) {
      const input = form.getByLabel(label);
      await input.click();
      await input.fill(value);
      await input.press('Tab');
    }
    await form.getByLabel('集合地点（选填）').fill('社区服务中心一楼大厅');
    await cstep(coord, 'edit-shift');
    await form.getByRole('button', { name: '保存班次' }).click();
    await form.waitFor({ state: 'detached' });
    await coord.getByRole('heading', { level: 2, name: new RegExp(`^第 1 班：${to.month() + 1}月${to.date()}日 .* 15:30 – 17:30$`) }).waitFor();
    await coord.getByText('集合地点：社区服务中心一楼大厅').waitFor();
    await cstep(coord, 'moved');

    // On the volunteer's page, still the same one: the new time and place, and the bell.
    await claim.getByText(new RegExp(`${to.month() + 1}月${to.date()}日 .* 15:30 – 17:30`)).waitFor({ timeout: 30000 });
    await claim.getByText('社区服务中心一楼大厅').waitFor();
    if (!(await page.evaluate(() => window.__stillTheSamePage === true))) throw new Error('the page was reloaded');
    await step(page, 'my-shifts-moved');
    await bell.click();
    await page.getByRole('heading', { level: 1, name: '消息通知' }).waitFor();
    const note = page.locator('article', { has: page.getByRole('heading', { name: `时间有变：${title}` }) });
    await note.getByText('班次时间变更').waitFor();
    await step(page, 'inbox');
  });

  // On site: the coordinator's shift page shows the QR code; the volunteer opens the link it
  // carries on their phone and checks in with one press; the coordinator's list shows them
  // checked in; then the coordinator opens kiosk mode and the volunteer checks out there by
  // the last 4 digits of their phone. Finally the volunteer reports hours served elsewhere,
  // and the coordinator approves them on the organisation's page.
  const checkInFlow = () => flow('check-in', async ({ newPage, stepper }) => {
    const coord = await newPage();
    const cstep = stepper('8-check-in-coordinator');
    await signIn(coord, '13800000003');
    await coord.goto(`${BASE}/orgs/${org.id}/tasks/${qrTask.id}`);
    await coord.getByRole('heading', { level: 1, name: qrTitle }).waitFor();
    await coord.getByRole('link', { name: /^当天签到：/ }).click();
    await coord.getByRole('heading', { level: 1, name: `现场签到：${qrTitle}` }).waitFor();
    const row = coord.locator('li.claim-row', { hasText: qrVolunteer.name });
    await row.getByText('尚未到场').waitFor();
    await coord.getByRole('img', { name: /的签到二维码$/ }).waitFor();
    await cstep(coord, 'shift-page');
    const url = await coord.locator('[data-check-in-url]').getAttribute('data-check-in-url');
    if (url !== `${BASE}/check-in/${qrTask.shiftId}?code=${qrTask.code}`) throw new Error(`the QR code names ${url}`);

    const phone = await newPage();
    const vstep = stepper('8-check-in-volunteer');
    // Not signed in yet: the link goes through sign-in and comes back.
    await phone.goto(url);
    await phone.getByRole('heading', { level: 1, name: '登录' }).waitFor();
    await phone.getByLabel('手机号').fill(qrVolunteer.phone);
    await phone.getByLabel('密码').fill(qrVolunteer.password);
    await phone.getByRole('button', { name: '登录', exact: true }).click();
    await phone.getByRole('heading', { level: 1, name: '签到' }).waitFor();
    await phone.getByRole('heading', { level: 2, name: qrTitle }).waitFor();
    await vstep(phone, 'scanned');
    await phone.getByRole('button', { name: '我要签到' }).click();
    await phone.getByText(/^签到成功/).waitFor();
    await vstep(phone, 'checked-in');

    await coord.reload();
    await row.getByText('已签到', { exact: true }).waitFor();
    await row.getByRole('button', { name: `为${qrVolunteer.name}签退` }).waitFor();
    await cstep(coord, 'shift-page-checked-in');

    await coord.getByRole('button', { name: '打开签到自助机模式' }).click();
    await coord.getByLabel('手机号后 4 位').waitFor();
    if (await coord.getByRole('navigation').count()) throw new Error('kiosk mode shows the navigation');
    await cstep(coord, 'kiosk');
    // Locked: another address leads back to the kiosk.
    await coord.goto(`${BASE}/orgs`);
    await coord.getByLabel('手机号后 4 位').waitFor();
    await coord.getByLabel('手机号后 4 位').fill(qrVolunteer.phone.slice(-4));
    await coord.getByLabel('手机号后 4 位').press('Enter');
    const chars = [...qrVolunteer.name];
    const masked = `${chars[0]}${'*'.repeat(Math.min(chars.length - 2, 3))}${chars.at(-1)}`;
    await coord.getByRole('button', { name: `为${masked}签退` }).waitFor();
    await cstep(coord, 'kiosk-found');
    await startShiftNow(qrTask.shiftId);
    await coord.getByRole('button', { name: `为${masked}签退` }).click();
    await coord.getByRole('dialog', { name: `现在为${masked}签退？` }).getByRole('button', { name: '确定签退' }).click();
    await coord.getByRole('heading', { level: 2, name: new RegExp(`^${masked.replace(/\*/g, '\\*')}签退成功`) }).waitFor();
    await cstep(coord, 'kiosk-checked-out');
    await coord.getByRole('button', { name: '退出自助机模式' }).click();
    await coord.getByRole('button', { name: '退出登录并离开' }).click();
    await coord.getByRole('heading', { level: 1, name: '登录' }).waitFor();

    // Hours served elsewhere: reported by the volunteer, approved by the coordinator.
    await phone.goto(`${BASE}/my-shifts`);
    await phone.getByRole('heading', { level: 3, name: '登记在别处做的服务时长' }).waitFor();
    // The organisation by name: typed into the search, then picked.
    await phone.getByLabel('服务的组织', { exact: true }).click();
    await phone.getByLabel('服务的组织', { exact: true }).pressSequentially(org.name);
    await phone.locator(`.ant-select-item-option[title="${org.name}"]`).dispatchEvent('click');
    await phone.getByLabel('服务日期').fill(dayjs().tz(ZONE).subtract(2, 'day').format('YYYY-MM-DD'));
    await phone.getByLabel('服务时长（分钟）').fill('75');
    await phone.getByLabel('做了什么').fill(`纸质签到表：协助社区义诊 ${stamp}`);
    await phone.getByRole('button', { name: '提交审核' }).click();
    await phone.getByText('已提交。组织审核后会通知您。').waitFor();
    await phone.locator('.record-row', { hasText: `纸质签到表：协助社区义诊 ${stamp}` }).getByText('待核实').waitFor();
    await vstep(phone, 'reported');

    await coord.getByLabel('手机号').fill('13800000003');
    await coord.getByLabel('密码').fill(PASSWORD);
    await coord.getByRole('button', { name: '登录', exact: true }).click();
    await coord.getByRole('heading', { level: 1, name: `现场签到：${qrTitle}` }).waitFor();
    await coord.goto(`${BASE}/orgs/${org.id}`);
    const report = coord.locator('li.claim-row', { hasText: `纸质签到表：协助社区义诊 ${stamp}` });
    await report.getByRole('button', { name: `通过${qrVolunteer.name}的时长`, exact: true }).waitFor();
    await cstep(coord, 'reports');
    await report.getByRole('button', { name: `通过${qrVolunteer.name}的时长`, exact: true }).click();
    await coord.getByRole('dialog', { name: `通过${qrVolunteer.name}的 75 分钟？` }).getByRole('button', { name: '通过时长' }).click();
    await report.waitFor({ state: 'detached' });
    await cstep(coord, 'report-approved');
  });

  // A repeating shift: the coordinator adds one from the task page (days of the week, a
  // number of times, the dates previewed), and the volunteer of flow volunteer claims every
  // date of it on the public task page.
  const recurringFlow = () => flow('recurring', async ({ newPage, stepper }) => {
    const step = stepper('8-recurring');
    const day = dayjs().tz(ZONE).add(3, 'day');
    const oneOff = day.hour(9).minute(0).second(0).millisecond(0);
    const title = `每周读报给老人听 ${stamp}`;
    const made = await gql(
      `mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }`,
      { i: { organizationId: org.id, regionId: gridId, title, category: 'ELDER_CARE', shifts: [{ startsAt: oneOff.toISOString(), endsAt: oneOff.add(1, 'hour').toISOString(), capacity: 3 }] } },
      coordToken,
    );
    const taskId = made.createTask.id;
    await gql('mutation($id: ID!) { publishTask(id: $id) { id } }', { id: taskId }, coordToken);

    const page = await newPage();
    await page.goto(`${BASE}/signin`);
    await page.getByLabel('手机号').fill('13800000003');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByLabel('密码').press('Enter');
    await page.getByRole('heading', { level: 1, name: '任务广场' }).waitFor();
    await page.goto(`${BASE}/orgs/${org.id}/tasks/${taskId}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    // antd's button-style radios hide their inputs: the label takes the click.
    await page.locator('.shift-adder-choice label', { has: page.getByRole('radio', { name: '重复', exact: true }) }).click();
    let monday = day;
    while (monday.day() !== 1) monday = monday.add(1, 'day');
    const date = monday.format('YYYY-MM-DD');
    for (const [label, value] of [['第一次开始', `${date} 15:00`], ['第一次结束', `${date} 16:00`]]) {
      const input = page.getByLabel(label);
      await input.click();
      await input.fill(value);
      await input.press('Tab');
    }
    await page.getByRole('checkbox', { name: '周一' }).check();
    await page.getByRole('checkbox', { name: '周三' }).check();
    await page.getByRole('spinbutton', { name: '次数' }).fill('4');
    await page.getByText('接下来的日期').waitFor();
    await page.getByText('共 4 次。').waitFor();
    await step(page, 'repeat-form');
    await page.getByRole('button', { name: '添加重复班次' }).click();
    await page.getByRole('heading', { level: 2, name: '重复班次' }).waitFor();
    await page.getByText('每周重复：周一、周三，共 4 次').first().waitFor();
    await step(page, 'series-added');

    const v = await newPage();
    await v.goto(`${BASE}/signin`);
    await v.getByLabel('手机号').fill(volunteerPhone);
    await v.getByLabel('密码').fill('e2e-password-1');
    await v.getByLabel('密码').press('Enter');
    await v.getByRole('heading', { level: 1, name: '任务广场' }).waitFor();
    await v.goto(`${BASE}/tasks/${taskId}`);
    await v.getByRole('heading', { level: 1, name: title }).waitFor();
    await v.getByRole('button', { name: '报名每一次' }).click();
    await v.getByText('已报名 4 次：').waitFor();
    await step(v, 'claimed-every');
  });

  // Elder mode as an elderly resident lives it (item 11 of the portal's issue): at 360 px the
  // elder home, not the board; today's shifts near home, a few at a time, in plain words;
  // "I'll go"; the shift under "my next shift"; the grid leader's number to call. The steps'
  // screenshots switch elder mode off and on (as a user would): the flow switches it back on.
  const elderFlow = () => flow('elder', async ({ newPage, stepper }) => {
    const page = await newPage();
    const step = stepper('9-elder');
    await page.goto(`${BASE}/signin`);
    await page.getByLabel('手机号').fill('13800000011');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    // The profile's elder mode takes over once signed in: the home is the elder home.
    await page.getByRole('heading', { level: 1, name: '张德福，您好' }).waitFor();
    if (page.viewportSize().width !== 360 || !(await page.evaluate(() => document.body.classList.contains('elder')))) throw new Error('not in elder mode at 360 px');
    const navItems = await page.getByRole('navigation').getByRole('link').allInnerTexts();
    if (navItems.length > 4) throw new Error(`elder mode shows ${navItems.length} navigation items: ${navItems.join(', ')}`);
    if (await page.locator('.board-filters').count()) throw new Error('elder mode shows the filter panel');
    const call = page.getByRole('link', { name: /^打电话给网格员李秀英/ });
    if ((await call.getAttribute('href')) !== 'tel:13800000002') throw new Error(`the grid leader's link is ${await call.getAttribute('href')}`);
    // The skip link stays out of sight until the keyboard reaches it.
    const skip = page.locator('.skip-link');
    const hidden = await skip.boundingBox();
    if (hidden && hidden.width > 1 && hidden.height > 1) throw new Error(`the skip link shows unfocused (${JSON.stringify(hidden)})`);
    // (from the top of a freshly loaded page, where the keyboard starts)
    await page.reload();
    await page.getByRole('heading', { level: 1, name: '张德福，您好' }).waitFor();
    await page.keyboard.press('Tab');
    const shown = await skip.boundingBox();
    if (!(await skip.evaluate((el) => el === document.activeElement)) || !shown || shown.width < 40 || shown.y < 0) {
      throw new Error(`the skip link does not show when focused (${JSON.stringify(shown)}; focus on ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120))})`);
    }
    await step(page, 'home');
    await setElder(page, true);

    await page.getByRole('link', { name: '今天附近有什么' }).click();
    await page.getByRole('heading', { level: 1, name: '今天附近有什么' }).waitFor();
    const card = page.locator('article', { has: page.getByRole('heading', { level: 2, name: elderTitle }) });
    await page.getByRole('list', { name: '今天附近的活动' }).or(page.getByText(/^今天附近没有/)).waitFor();
    // Three at a time: "show more" until the shift made for this run is there.
    while (!(await card.count())) {
      const more = page.getByRole('button', { name: '再看几个' });
      if (!(await more.count())) throw new Error(`${elderTitle} is not among today's shifts near home`);
      await more.click();
    }
    await card.getByText('社区活动室').waitFor();
    await card.getByText('还剩 3 个名额').waitFor();
    const words = await page.locator('main').innerText();
    if (/%|匹配|分数/.test(words)) throw new Error(`elder mode shows scores: ${words}`);
    await step(page, 'today');
    await setElder(page, true);
    await card.getByRole('button', { name: `我去：${elderTitle}` }).click();
    await card.getByText('您会去。').waitFor();
    await step(page, 'claimed');
    await setElder(page, true);

    await card.getByRole('link', { name: '在“我的下一次活动”里查看' }).click();
    await page.getByRole('heading', { level: 1, name: '我的下一次活动' }).waitFor();
    await page.getByRole('heading', { level: 2, name: elderTitle }).waitFor();
    await page.getByText('社区活动室').waitFor();
    await page.getByRole('button', { name: '我到了' }).waitFor();
    await page.getByRole('button', { name: '我去不了' }).waitFor();
    await step(page, 'next-shift');
    await setElder(page, true);
    await page.getByRole('link', { name: '回到首页' }).click();
    await page.getByRole('link', { name: /^打电话给网格员李秀英/ }).waitFor();
  });

  // A resident who forgot the password: a code by SMS (read back from the development sink,
  // as an administrator), a new password, signing in with it, and signing out from the header.
  const accountFlow = () => flow('account', async ({ newPage, stepper }) => {
    const phone = `1338${String(Date.now()).slice(-7)}`;
    await gql('mutation($i: RegisterInput!) { register(input: $i) { accessToken } }', { i: { phone, password: 'e2e-password-1', displayName: `忘记密码的居民${stamp}`, consent } });
    const adminToken = await login('13800000006');
    const page = await newPage();
    const step = stepper('11-account');
    await page.goto(`${BASE}/signin`);
    await page.getByRole('link', { name: '忘记密码？' }).click();
    await page.getByRole('heading', { level: 1, name: '重设密码' }).waitFor();
    await step(page, 'forgot-password');
    await page.getByLabel('手机号').fill(phone);
    await page.getByRole('button', { name: '发送验证码' }).click();
    await page.getByLabel('短信验证码').waitFor();
    let code = null;
    for (let i = 0; i < 120 && !code; i++) {
      const { devMessages } = await gql('{ devMessages(first: 50) { edges { node { recipient body } } } }', {}, adminToken);
      code = /(\d{6})/.exec(devMessages.edges.find((e) => e.node.recipient === phone)?.node.body ?? '')?.[1] ?? null;
      if (!code) await new Promise((r) => setTimeout(r, 250));
    }
    if (!code) throw new Error('no reset code reached the development sink');
    await step(page, 'reset-password');
    await page.getByLabel('短信验证码').fill(code);
    await page.getByLabel('新密码', { exact: true }).fill('e2e-password-2');
    await page.getByLabel('再次输入新密码').fill('e2e-password-2');
    await page.getByRole('button', { name: '设置新密码' }).click();
    await page.getByText('密码已修改').waitFor();
    await step(page, 'password-reset');
    await page.getByRole('main').getByRole('link', { name: '去登录' }).click();
    await page.getByLabel('手机号').fill(phone);
    await page.getByLabel('密码', { exact: true }).fill('e2e-password-2');
    await page.getByRole('main').getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { level: 1, name: '任务广场' }).waitFor();
    await page.getByRole('banner').getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('navigation').getByRole('link', { name: '登录' }).waitFor();
    await step(page, 'signed-out');
  });

  // Two lanes, ordered by what the flows share (never by timing):
  // - coordinator verifies the minutes of the volunteer from flow volunteer: it waits for it;
  // - coordinator, need and matching sign in as the same coordinator (and need and matching as
  //   the same volunteer), and an elder-mode switch is saved on the profile, which a sign-in
  //   of the same account elsewhere would pick up: they run one after another;
  // - grid-leader claims the last shift on the board, so no flow may publish tasks meanwhile:
  //   it runs before coordinator, need and matching, next to volunteer (which only claims);
  // - alliance shares no account and publishes no task;
  // - live publishes a task (in a grid of its own) and registers its own volunteers: it waits
  //   for grid-leader, after alliance;
  // - reschedule, check-in and recurring sign in as the coordinator: after matching, in lane A;
  // - elder signs in as the elderly resident grid-leader acts for, and claims only: after live, in lane B.
  // - account registers its own resident and reads the development sink: after live, in lane B.
  // E2E_SERIAL=1 runs the flows one after another, in the original order.
  // Knowing who one works with: the claimant's card on the coordinator's task page, and the
  // officials' desk (details, a confirmed verification that stays in view).
  const peopleFlow = () => flow('people', async ({ newPage, stepper }) => {
    const officialToken = await login('13800000005');
    const { me: official } = await gql('{ me { officialPosts { region { id } } } }', {}, officialToken);
    const ownerToken = (await gql('mutation($i: RegisterInput!) { register(input: $i) { accessToken } }', { i: { phone: `1366${String(Date.now()).slice(-7)}`, password: 'e2e-password-1', displayName: `新组织负责人${stamp}`, consent } })).register.accessToken;
    const orgName = `邻里修补社 ${stamp}`;
    await gql('mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }', { i: { name: orgName, kind: 'SOCIAL_GROUP', regionId: official.officialPosts[0].region.id, description: '义务修补家电、雨伞和自行车。' } }, ownerToken);

    const page = await newPage();
    const step = stepper('11-people');
    await signIn(page, '13800000003');
    await page.goto(`${BASE}/orgs/${org.id}/tasks/${qrTask.id}`);
    await page.getByRole('button', { name: `${qrVolunteer.name}的资料` }).click();
    await page.getByRole('dialog', { name: qrVolunteer.name }).getByText('已核实服务时长').waitFor();
    await step(page, 'claimant-card');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: qrVolunteer.name }).waitFor({ state: 'hidden' });

    const desk = await newPage();
    await signIn(desk, '13800000005');
    await desk.goto(`${BASE}/official`);
    const row = desk.locator('li.claim-row', { hasText: orgName });
    await row.getByRole('button', { name: `${orgName}的详情` }).click();
    await desk.getByRole('dialog', { name: orgName }).getByText('义务修补家电、雨伞和自行车。').waitFor();
    await step(desk, 'desk-details');
    await desk.keyboard.press('Escape');
    await row.getByRole('button', { name: `认证${orgName}` }).click();
    await desk.getByRole('dialog', { name: `认证${orgName}？` }).waitFor();
    await step(desk, 'desk-confirm');
    await desk.getByRole('dialog', { name: `认证${orgName}？` }).getByRole('button', { name: '认证' }).click();
    await row.getByText(`已认证${orgName}，并已通知其负责人。`).waitFor();
    await step(desk, 'desk-verified');
  });

  const incentivesFlow = () => flow('incentives', async ({ newPage, stepper }) => {
    // 周敏 gives 王小明 600 points, above the street office's 500-point threshold: the award
    // waits for a second official of the office, 孙丽, who approves it; the public list shows it.
    const reason = `社区防汛值守表现突出 ${stamp}`;
    const official = await newPage();
    const step = stepper('12-incentives');
    await signIn(official, '13800000005');
    await official.goto(`${BASE}/official/budgets`);
    await official.getByRole('heading', { level: 1, name: '预算与激励' }).waitFor();
    const issue = official.locator('section', { has: official.getByRole('heading', { name: '发放激励' }) });
    await issue.getByLabel('对方的手机号').fill('13800000001');
    await issue.getByRole('button', { name: '查找此人' }).click();
    await issue.getByText('已找到：王小明').waitFor();
    await issue.getByLabel('积分', { exact: true }).fill('600');
    await issue.getByText('超过 500 积分：须经本办事处第二位干部审批后才发放。').waitFor();
    await issue.getByLabel('事由（将在公示中显示）').fill(reason);
    await step(official, 'issue-form');
    await issue.getByRole('button', { name: '发放…' }).click();
    const confirm = official.getByRole('dialog', { name: '向王小明发放 600 积分？' });
    await confirm.waitFor();
    await step(official, 'issue-confirm');
    await confirm.getByRole('button', { name: '确认发放' }).click();
    await issue.getByText('给王小明的 600 积分正等待另一位干部审批。').waitFor();
    await step(official, 'issued-pending');

    const second = await newPage();
    await signIn(second, '13800000007');
    await second.goto(`${BASE}/official/budgets`);
    const queue = second.locator('section', { has: second.getByRole('heading', { name: '待第二位干部审批' }) });
    const row = queue.getByRole('listitem').filter({ hasText: reason });
    await row.waitFor();
    await step(second, 'approval-queue');
    await row.getByRole('button', { name: '批准给王小明的 600 积分' }).click();
    const approve = second.getByRole('dialog', { name: '批准给王小明的 600 积分？' });
    await approve.getByRole('button', { name: '批准', exact: true }).click();
    await row.waitFor({ state: 'detached' });
    await step(second, 'approved');

    // The issuer cannot approve their own: after a reload it is gone from every queue and the award is public.
    const visitor = await newPage();
    await visitor.goto(`${BASE}/incentives`);
    await visitor.getByRole('heading', { level: 1, name: '激励公示' }).waitFor();
    await visitor.getByRole('listitem').filter({ hasText: reason }).filter({ hasText: '王*明' }).waitFor();
    await step(visitor, 'public-list');
  });

  const certificateFlow = () => flow('certificate', async ({ newPage, stepper }) => {
    // The demo volunteer's issued certificate: listed with its serial, its PDF served behind a
    // signed link, and the public check the QR code leads to.
    const page = await newPage();
    const step = stepper('13-certificate');
    await signIn(page, '13800000001');
    await page.goto(`${BASE}/certificates`);
    await page.getByRole('heading', { level: 1, name: '我的证明' }).waitFor();
    const issued = page.getByRole('listitem').filter({ hasText: '已出具：您可以下载，任何人都可以凭编号查验。' });
    await issued.waitFor();
    await step(page, 'mine');
    const serial = (await issued.getByText(/^编号 CG-\d{4}-\d{6}/).innerText()).match(/CG-\d{4}-\d{6}/)[0];
    const pdf = await page.request.get(new URL(await issued.getByRole('link', { name: /下载.*证明（PDF）/ }).getAttribute('href'), BASE).toString());
    if (pdf.status() !== 200 || pdf.headers()['content-type'] !== 'application/pdf') throw new Error(`certificate PDF answered ${pdf.status()} ${pdf.headers()['content-type']}`);

    const visitor = await newPage();
    await visitor.goto(`${BASE}/verify/${serial}`);
    await visitor.getByText('证明有效').waitFor();
    await visitor.getByText('王*明').waitFor();
    await step(visitor, 'verified');
    await visitor.goto(`${BASE}/verify/CG-1999-000000`);
    await visitor.getByText('没有编号为 CG-1999-000000 的证明。').waitFor();
    await step(visitor, 'unknown');
  });

  const rewardsFlow = () => flow('rewards', async ({ newPage, stepper }) => {
    // 王小明 redeems the bistro's lunch voucher with his points and shows the code; the bistro's
    // owner, 赵磊, confirms it at the counter, and the same code is refused a second time.
    const { rewards } = await gql('{ rewards(first: 50) { edges { node { id title merchant { id } } } } }');
    const voucher = rewards.edges.map((e) => e.node).find((r) => r.title === '志愿者午餐券');
    if (!voucher) throw new Error('the demo lunch voucher is not in the catalogue');

    const page = await newPage();
    const step = stepper('14-rewards');
    await signIn(page, '13800000001');
    await page.goto(`${BASE}/rewards`);
    await page.getByRole('heading', { level: 1, name: '积分兑换' }).waitFor();
    await page.getByRole('button', { name: '兑换志愿者午餐券' }).first().waitFor();
    await step(page, 'catalogue');
    await page.getByRole('button', { name: '兑换志愿者午餐券' }).first().click();
    const confirm = page.getByRole('dialog', { name: '兑换“志愿者午餐券”？' });
    await confirm.getByText('将从您的余额中冻结 15 积分。').waitFor();
    await step(page, 'redeem-confirm');
    await confirm.getByRole('button', { name: '冻结 15 积分并获取兑换码' }).click();
    const codeText = page.locator('.redemption-code-text').first();
    await codeText.waitFor();
    const code = (await codeText.innerText()).replace(/\s+/g, '');
    if (!/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/.test(code)) throw new Error(`the redemption code reads "${code}"`);
    await step(page, 'code');

    const counter = await newPage();
    await signIn(counter, '13800000004');
    await counter.goto(`${BASE}/orgs/${voucher.merchant.id}/counter`);
    await counter.getByRole('heading', { level: 1, name: '柜台核销' }).waitFor();
    // Staff type what they see: in lower case, with the space of the grouping.
    await counter.getByRole('textbox', { name: '兑换码' }).fill(`${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`);
    await step(counter, 'counter-code');
    await counter.getByRole('button', { name: '核销', exact: true }).click();
    await counter.getByText('核销成功：志愿者午餐券').waitFor();
    await step(counter, 'confirmed');
    await counter.getByRole('textbox', { name: '兑换码' }).fill(code);
    await counter.getByRole('button', { name: '核销', exact: true }).click();
    await counter.getByText('此兑换码已被使用。').waitFor();
    await step(counter, 'used-twice');

    await page.goto(`${BASE}/wallet`);
    await page.getByRole('heading', { level: 1, name: '我的钱包' }).waitFor();
    await step(page, 'wallet');
  });

  const flows = { volunteer: volunteerFlow, coordinator: coordinatorFlow, 'grid-leader': gridLeaderFlow, alliance: allianceFlow, need: needFlow, matching: matchingFlow, live: liveFlow, reschedule: rescheduleFlow, 'check-in': checkInFlow, recurring: recurringFlow, elder: elderFlow, account: accountFlow, people: peopleFlow, incentives: incentivesFlow, certificate: certificateFlow, rewards: rewardsFlow };
  if (process.env.E2E_ONLY) {
    for (const name of process.env.E2E_ONLY.split(',')) {
      if (!flows[name]) throw new Error(`E2E_ONLY: no flow ${name} (flows: ${Object.keys(flows).join(', ')})`);
      await flows[name]();
    }
  } else if (process.env.E2E_SERIAL) {
    for (const f of Object.values(flows)) await f();
  } else {
    const volunteerDone = volunteerFlow();
    const gridLeaderDone = gridLeaderFlow();
    const laneB = volunteerDone.then(allianceFlow).then(() => gridLeaderDone).then(liveFlow).then(elderFlow).then(accountFlow).then(peopleFlow).then(incentivesFlow).then(certificateFlow);
    const laneA = gridLeaderDone
      .then(needFlow)
      .then(() => volunteerDone)
      .then(coordinatorFlow)
      .then(matchingFlow)
      .then(rescheduleFlow)
      .then(checkInFlow)
      .then(recurringFlow)
      .then(rewardsFlow);
    await Promise.all([laneA, laneB]);
  }
} catch (e) {
  failures.push(`setup: ${e.stack ?? e}`);
} finally {
  await cleanup();
}

printTimings(flowTimes, log);
report.sort((a, b) => a.step.localeCompare(b.step) || a.mode.localeCompare(b.mode));
writeFileSync(path.join(SHOTS, 'axe-report.json'), JSON.stringify(report, null, 2));
for (const v of report) console.log(`axe: ${v.step} [${v.mode}] ${v.rule} (${v.impact}): ${v.help} → ${v.targets.join(' | ')}`);
for (const f of failures) console.error(`FAILED ${f}`);
log(`${report.length} axe violations, ${failures.length} failures; screenshots in ${SHOTS}`);
process.exit(report.length || failures.length ? 1 : 0);
