// Drives the web console in Debian's Chromium against a running Strata server.
// Usage: node console.test.mjs <first-run|main> <base-url> <out-dir>
// The server's admin password is in STRATA_ADMIN_PASSWORD; the seeded monitor user's in
// STRATA_MONITOR_PASSWORD. Exits non-zero on the first failed check.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bytes } from '../../main/resources/dev/strata/console/api.js';

const [scenario, base, out] = process.argv.slice(2);
const ADMIN = process.env.STRATA_ADMIN_PASSWORD;
const MONITOR = process.env.STRATA_MONITOR_PASSWORD;
const GIB = 1024 ** 3;

function check(condition, what) {
  if (!condition) {
    throw new Error(`FAILED: ${what}`);
  }
  console.log(`ok - ${what}`);
}

const profile = mkdtempSync(join(tmpdir(), 'strata-chromium-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  ignoreHTTPSErrors: true,
  viewport: { width: 1400, height: 1000 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});

const errors = [];
let expectedStatus = null;
function watch(page) {
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') {
      return;
    }
    const text = message.text();
    if (expectedStatus && text.includes(`status of ${expectedStatus}`)) {
      return;
    }
    errors.push(`console error: ${text}`);
  });
}

async function api(method, path, body, password = ADMIN, user = 'admin') {
  const response = await browser.request.fetch(new URL(path, base).toString(), {
    method,
    headers: { Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
      'Content-Type': 'application/json' },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok()) {
    throw new Error(`${method} ${path} answered ${response.status()}: ${text}`);
  }
  return text ? JSON.parse(text) : null;
}

async function signIn(page, user, password) {
  await page.goto(base);
  await page.waitForSelector('form input[name=username]');
  await page.fill('input[name=username]', user);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
}

async function ready(page, name) {
  await page.waitForSelector(`body[data-ready="${name}"]`);
}

try {
  mkdirSync(out, { recursive: true });
  const page = await browser.newPage();
  watch(page);

  const first = await page.goto(base);
  check(page.url().endsWith('/ui/'), `a browser opening / lands on /ui/ (${page.url()})`);
  const csp = first.headers()['content-security-policy'] || '';
  check(csp.includes("default-src 'self'") && csp.includes("frame-ancestors 'none'") && !csp.includes('unsafe'),
    `a strict Content-Security-Policy: ${csp}`);
  check(first.headers()['x-frame-options'] === 'DENY', 'X-Frame-Options: DENY');
  check(first.headers()['x-content-type-options'] === 'nosniff', 'X-Content-Type-Options: nosniff');

  if (scenario === 'first-run') {
    await signIn(page, 'admin', ADMIN);
    await ready(page, 'dashboard');
    await page.waitForSelector('#first-run form');
    await page.fill('#first-run input[name=name]', 'first-node');
    await page.fill('#first-run input[name=mgmtIp]', '10.90.0.1');
    await page.fill('#first-run input[name=rack]', 'ra');
    await page.fill('#first-run input[name=zone]', 'za');
    await page.fill('#first-run input[name=capacity]', '500');
    await page.click('#first-run button[type=submit]');
    await page.waitForSelector('#node-bars .node');
    const nodes = await api('GET', '/backends');
    check(nodes.length === 1 && nodes[0].name === 'first-node' && nodes[0].rack === 'ra',
      'the first-run form registered the first node');
    check(await page.locator('#first-run').count() === 0, 'the first-run form is gone once a node exists');
  } else {
    // A bad password shows an error, not a blank page.
    await page.goto(base);
    await page.waitForSelector('form input[name=username]');
    expectedStatus = 401;
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', 'not-the-password');
    await page.click('button[type=submit]');
    await page.waitForSelector('[role=alert]');
    check((await page.textContent('[role=alert]')).includes('Wrong user name or password'),
      'a bad password shows an error');
    check(await page.locator('input[name=username]').isVisible(), 'the sign-in form stays');
    expectedStatus = null;

    await page.fill('input[name=password]', ADMIN);
    await page.click('button[type=submit]');
    await ready(page, 'dashboard');
    check(await page.evaluate(() => !location.href.includes('session-v1')), 'the token is not in the URL');

    // The dashboard's numbers are the API's.
    const info = await api('GET', '/info');
    const summary = await api('GET', '/v1/cluster/summary');
    const backends = await api('GET', '/backends');
    const figure = async (id) => (await page.textContent(`[data-figure=${id}] b`)).trim();
    check(await figure('total') === bytes(info.totalCapacity * GIB), `total capacity ${await figure('total')}`);
    check(await figure('free') === bytes(info.totalFreeSpace * GIB), `free capacity ${await figure('free')}`);
    check(await figure('nodes') === String(info.backends), `node count ${info.backends}`);
    check(await figure('volumes') === String(info.volumes), `volume count ${info.volumes}`);
    check(await page.locator('#node-bars .node').count() === backends.length, 'one bar per node');
    check(await page.locator('#tenants-budgets tr[data-tenant]').count() === summary.tenants.length,
      'one line per tenant');
    const full = backends.find((b) => b.name === 'full-node');
    const used = await page.getAttribute(`#node-bars [data-rack=rfull] [data-node="${full.persistentID}"] .bar`,
      'data-used');
    check(used === '100.0', `the node on the full rack shows a full bar (${used}%)`);
    check(await page.locator(`[data-node="${full.persistentID}"] .bar.full`).count() === 1, 'drawn as full');
    const failed = summary.faults.failed_subsystems;
    check(failed.length === 1, 'the summary lists the subsystem an agent could not apply');
    const told = await page.textContent('#faults li[data-fault=subsystem]');
    check(told.includes(failed[0].nqn) && told.includes('node-c1') && told.includes('port 1 has no address'),
      `the failed subsystem is under faults with its node and reason: ${told}`);
    await page.screenshot({ path: join(out, 'dashboard.png'), fullPage: true });

    // Create a volume through the console, see its replicas on the map.
    await page.click('a[href="#volumes"]');
    await ready(page, 'volumes');
    await page.fill('form input[name=alias][required]', 'console-vol');
    await page.fill('form input[name=capacity]', '5');
    await page.fill('form input[name=numReplicas]', '2');
    await page.click('button[data-write]:has-text("Create")');
    await page.waitForSelector('#placement tr td:text-is("console-vol")');
    const created = (await api('GET', '/volumes')).find((v) => v.alias === 'console-vol');
    check(created && created.location.length === 2, 'the volume was created with two replicas');
    await page.fill('input[type=search]', 'console-vol');
    await page.click('button:has-text("Search")');
    await page.waitForSelector(`#placement tr[data-volume="${created.uuid}"] td.cell .state`);
    for (const replica of created.location) {
      const cell = `#placement tr[data-volume="${created.uuid}"] td[data-node="${replica.backend.persistentID}"]`;
      check((await page.textContent(cell)).trim() === 'Available', `replica on ${replica.backend.persistentID} on the map`);
    }
    await page.fill('input[type=search]', '');
    await page.click('button:has-text("Search")');
    await page.waitForSelector('#placement');
    await page.screenshot({ path: join(out, 'volumes.png'), fullPage: true });

    // Mark a replica Missing through the API: the dashboard lists the volume under faults.
    const missing = created.location[1];
    await api('PATCH', `/replica/${created.uuid}/${missing.uuid}/Missing`);
    await page.click('a[href="#dashboard"]');
    await ready(page, 'dashboard');
    const fault = `#faults li[data-volume="${created.uuid}"]`;
    await page.waitForSelector(fault);
    const said = await page.textContent(fault);
    const node = backends.find((b) => b.persistentID === missing.backend.persistentID);
    check(said.includes('console-vol') && said.includes('Missing') && said.includes(node.name),
      `the volume is under faults with the reason: ${said}`);

    // Sign out ends the session.
    const stolen = await page.evaluate(() => sessionStorage.getItem('strata.token'));
    await page.click('#signout');
    await page.waitForSelector('form input[name=username]');
    const after = await browser.request.get(new URL('/v1/session/who-am-i', base).toString(),
      { headers: { Authorization: `Bearer ${stolen}` } });
    check(after.status() === 401, 'signing out ended the session on the server');

    // A monitor sees everything it may read and no write control.
    await signIn(page, 'watcher', MONITOR);
    await ready(page, 'dashboard');
    for (const name of ['dashboard', 'nodes', 'volumes', 'hosts', 'tenants']) {
      await page.evaluate((n) => { location.hash = `#${n}`; }, name);
      await ready(page, name);
      check(await page.locator('[data-write]').count() === 0, `a monitor sees no write control on ${name}`);
    }
    check(await page.locator('a[href="#audit"]').isHidden(), 'a monitor sees no audit log link');
  }
  check(errors.length === 0, `no console errors${errors.length ? `: ${errors.join(' | ')}` : ''}`);
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
} catch (error) {
  console.error(error.message || error);
  console.error(errors.join('\n'));
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
  process.exit(1);
}
