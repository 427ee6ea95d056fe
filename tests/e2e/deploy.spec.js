// Updating the installed app from one real release build to the next, as on a host that
// sends Last-Modified and lets the browser cache files heuristically (tests/e2e/serve.mjs):
// the new version must be exactly the new build, online, offline and after any reload,
// and a broken deploy must never replace the running version.
//
// Build 1 and build 2 are two release builds of the same code; build 2 was built with
// ZONEMATCH_RELEASE=e2e-next, so every hashed file name differs and the Data screen
// names it (scripts/test.sh builds both). ZM_BUILD_1 / ZM_BUILD_2 point elsewhere.
const { test, expect } = require('@playwright/test');
const fs = require('node:fs');
const path = require('node:path');
const { ZoneMatchApp, waitForServiceWorker } = require('./app');
const { startServer, deploy } = require('./server');

const ROOT = path.join(__dirname, '..', '..');
const BUILD_1 = path.resolve(ROOT, process.env.ZM_BUILD_1 || 'dist');
const BUILD_2 = path.resolve(ROOT, process.env.ZM_BUILD_2 || 'dist-next');
const RELEASE_1 = '0.1.0';
const RELEASE_2 = 'e2e-next';

// Own port range (offline.spec.js uses 8200 up): 9100 + parallel slot + project offset.
function portFor(testInfo, n) {
  return 9100 + testInfo.parallelIndex * 10 + (testInfo.project.name === 'tablet' ? 5 : 0) + n;
}

test.beforeAll(() => {
  for (const dir of [BUILD_1, BUILD_2]) {
    if (!fs.existsSync(path.join(dir, 'sw.js'))) {
      throw new Error(`no release build in ${dir}: scripts/test.sh builds dist/ and dist-next/`);
    }
  }
});

/**
 * Ask the browser to look for a new version now (as it does on navigations and when the
 * app comes back to the foreground) and wait for the outcome of the new worker's
 * install: 'installed' (waiting for the user) or 'redundant' (install failed).
 */
async function checkForUpdate(page) {
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    const outcome = new Promise((resolve) => {
      reg.addEventListener('updatefound', () => {
        const worker = reg.installing;
        const settled = () => ['installed', 'redundant'].includes(worker.state) && resolve(worker.state);
        worker.addEventListener('statechange', settled);
        settled();
      }, { once: true });
      setTimeout(() => resolve('no update found'), 20_000);
    });
    await reg.update().catch(() => {});
    return outcome;
  });
}

/** The versions' caches in Cache Storage. */
async function versionCaches(page) {
  return page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('zonematch-')));
}

/** Stand-in for the browser's HTTP cache being gone (evicted, or a new session). */
async function clearHttpCache(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await cdp.detach();
}

/** The running app is build `release`, with every zone, the saved prospect, and the draft. */
async function expectApp(page, app, release, { prospect, draft }) {
  await app.nav('数据');
  await expect(page.getByTestId('app-release')).toContainText(release);
  await app.nav('园区');
  await expect(app.zoneCards()).toHaveCount(7);
  await app.nav('意向企业');
  await expect(page.getByTestId('prospect-row').filter({ hasText: prospect })).toHaveCount(1);
  if (draft) {
    await app.nav('登记企业');
    for (const [name, value] of Object.entries(draft)) {
      await expect(page.getByTestId('prospect-form').locator(`[name="${name}"]`)).toHaveValue(value);
    }
  }
}

/** Open build 1 from `site`, controlled by its service worker, with one saved prospect. */
async function openBuild1(page, app, server, prospect) {
  await page.goto(server.url);
  await expect(app.zoneCards().first()).toBeVisible();
  await waitForServiceWorker(page);
  await page.reload(); // now served by the service worker
  await waitForServiceWorker(page);
  await app.captureProspect('登记企业', { name: prospect, industry: '动力电池' });
}

const banner = (page) => page.locator('[data-testid=storage-banner][data-notice=UpdateReady]');

test('a real deploy waits for the user, then the new build runs online, offline and after a hard reload', async ({ page }, testInfo) => {
  test.slow();
  const app = new ZoneMatchApp(page, testInfo);
  const prospect = '部署前登记的企业';
  const draft = { name: '填到一半的企业', industry: '光伏组件' };
  // Build 1's files are two days old: the browser may reuse them for hours unasked.
  const site = deploy(BUILD_1, testInfo.outputPath('site'), { ageDays: 2 });
  const port = portFor(testInfo, 0);
  let server = await startServer(site, port);
  try {
    await openBuild1(page, app, server, prospect);
    await expectApp(page, app, RELEASE_1, { prospect });
    await app.nav('登记企业');
    await app.fillProspect(draft);
    await page.evaluate(() => { window.__sameDocument = true; });

    // 1. Deploy build 2 (build 1's files deleted) while the form is half typed.
    deploy(BUILD_2, site);
    expect(await checkForUpdate(page)).toBe('installed');
    await expect(banner(page)).toBeVisible();
    // Nothing reloaded by itself, the form is as the user left it, and the old
    // version's cache is still there (it serves this page until the user accepts).
    expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
    for (const [name, value] of Object.entries(draft)) {
      await expect(page.locator(`[name="${name}"]`)).toHaveValue(value);
    }
    expect(await versionCaches(page)).toHaveLength(2);

    // 2. The user accepts: one reload, and the app is build 2 with every record.
    const reloaded = page.waitForEvent('load');
    await app.press(page.getByTestId('apply-update'));
    await reloaded;
    await waitForServiceWorker(page);
    await expectApp(page, app, RELEASE_2, { prospect, draft });
    expect(await versionCaches(page)).toHaveLength(1);
  } finally {
    await server.stop();
  }

  // 3. No network and no HTTP cache: build 2 starts from the service worker's cache alone.
  await clearHttpCache(page);
  await page.reload();
  await expectApp(page, app, RELEASE_2, { prospect, draft });

  // 4. Online again: a hard reload (past the service worker and the HTTP cache, as
  // Shift+reload) and then a normal one both give build 2.
  server = await startServer(site, port);
  try {
    const cdp = await page.context().newCDPSession(page);
    const hardReloaded = page.waitForEvent('load');
    await cdp.send('Page.reload', { ignoreCache: true });
    await hardReloaded;
    await cdp.detach();
    // The proof that it bypassed the service worker: this page is not controlled.
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
    await expectApp(page, app, RELEASE_2, { prospect, draft });

    await page.reload();
    await waitForServiceWorker(page);
    await expectApp(page, app, RELEASE_2, { prospect, draft });
  } finally {
    await server.stop();
  }
});

test('a broken deploy never replaces the running version, online or offline', async ({ page }, testInfo) => {
  test.slow();
  const app = new ZoneMatchApp(page, testInfo);
  const prospect = '坏部署前登记的企业';
  const site = deploy(BUILD_1, testInfo.outputPath('site'), { ageDays: 2 });
  const port = portFor(testInfo, 1);
  let server = await startServer(site, port);
  try {
    await openBuild1(page, app, server, prospect);

    // Build 2 with build 1's index.html (what a stale cache or CDN would serve): the
    // page references hashed files that are not build 2's.
    deploy(BUILD_2, site);
    fs.copyFileSync(path.join(BUILD_1, 'index.html'), path.join(site, 'index.html'));
    expect(await checkForUpdate(page)).toBe('redundant');

    // Build 2 with its wasm missing (a half-finished upload): the host answers the
    // missing file with index.html, 200 OK.
    deploy(BUILD_2, site);
    for (const name of fs.readdirSync(site)) if (name.endsWith('.wasm')) fs.rmSync(path.join(site, name));
    expect(await checkForUpdate(page)).toBe('redundant');

    await expect(banner(page)).toHaveCount(0);
    expect(await versionCaches(page)).toHaveLength(1);
    await page.reload();
    await waitForServiceWorker(page);
    await expectApp(page, app, RELEASE_1, { prospect });
  } finally {
    await server.stop();
  }

  // Build 1 still runs with no network and no HTTP cache.
  await clearHttpCache(page);
  await page.reload();
  await expectApp(page, app, RELEASE_1, { prospect });

  // Once the deploy is whole, the update is tried again and installs.
  server = await startServer(site, port);
  try {
    deploy(BUILD_2, site);
    expect(await checkForUpdate(page)).toBe('installed');
    await expect(banner(page)).toBeVisible();
  } finally {
    await server.stop();
  }
});
