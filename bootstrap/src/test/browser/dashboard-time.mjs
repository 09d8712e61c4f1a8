// Times the console's dashboard: from navigating to /ui/ (already signed in) to the page
// complete (body[data-ready=dashboard], set after every part is drawn). Prints each load and
// the median. The reference, measured in the same run against the same server and browser, is
// the sign-in page: the same modules and styles over the same TLS, with no API read behind it.
// Usage: node dashboard-time.mjs <base-url> [loads]
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [base, loadsText] = process.argv.slice(2);
const loads = Number(loadsText || 5);
const profile = mkdtempSync(join(tmpdir(), 'strata-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium', headless: true, ignoreHTTPSErrors: true,
  viewport: { width: 1400, height: 1000 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await context.newPage();
  await page.goto(new URL('/ui/', base).toString());
  await page.fill('input[name=username]', 'admin');
  await page.fill('input[name=password]', process.env.STRATA_ADMIN_PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForSelector('body[data-ready=dashboard]', { timeout: 60000 });
  const times = [];
  for (let i = 0; i < loads; i += 1) {
    const begun = Date.now();
    await page.reload();
    await page.waitForSelector('body[data-ready=dashboard]', { timeout: 60000 });
    const ms = Date.now() - begun;
    times.push(ms);
    const nodes = await page.locator('#node-bars .node').count();
    const faults = await page.locator('#faults li').count();
    console.log(`load ${i + 1}: ${ms} ms (${nodes} node bars, ${faults} faults listed)`);
  }
  const signIn = await context.newPage();
  const references = [];
  for (let i = 0; i < loads; i += 1) {
    const begun = Date.now();
    await signIn.goto(new URL('/ui/', base).toString());
    await signIn.waitForSelector('input[name=username]', { timeout: 60000 });
    references.push(Date.now() - begun);
  }
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const dashboard = median(times);
  const reference = median(references);
  console.log(`dashboard complete: median ${dashboard} ms over ${loads} loads`
    + ` (min ${Math.min(...times)}, max ${Math.max(...times)})`);
  console.log(`reference, the sign-in page: median ${reference} ms; dashboard / reference = `
    + `${(dashboard / reference).toFixed(1)}x`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
