// Fault injection: each test breaks storage the way real browsers do, then checks that
// no committed record is lost after a reload.
const { test, expect } = require('@playwright/test');
const fs = require('node:fs');
const path = require('node:path');
const { ZoneMatchApp, beforeFirstLoad } = require('./app');


async function prospectNames(page, app) {
  await app.nav('意向企业');
  await expect(page.locator('section.page h2')).toBeVisible();
  return page.getByTestId('prospect-row').locator('strong').allTextContents();
}

test('quota full: told, kept in memory, saved once space is free, nothing lost', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  await app.captureProspect('登记企业', { name: '空间满之前', industry: '动力电池' });
  // Fill the rest of the quota.
  await page.evaluate(() => {
    const chunk = 'x'.repeat(256 * 1024);
    for (let i = 0; i < 400; i++) {
      try {
        localStorage.setItem('filler.' + i, chunk);
      } catch (e) {
        break;
      }
    }
  });
  await app.captureProspect('登记企业', { name: '空间满之后', industry: '光伏组件', notes: 'y'.repeat(300000) });
  const banner = page.locator('[data-testid=storage-banner][data-notice=QuotaFull]');
  await expect(banner).toBeVisible();
  await expect(banner.getByTestId('banner-export')).toBeVisible();
  expect(await prospectNames(page, app)).toEqual(expect.arrayContaining(['空间满之前', '空间满之后']));
  // The stored value was not replaced by a partial one.
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('zonematch.data')));
  expect(stored.prospects.map((p) => p.name)).toEqual(['空间满之前']);

  // Space is freed; the next edit saves everything in memory.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler.')).forEach((k) => localStorage.removeItem(k)));
  await app.captureProspect('登记企业', { name: '空间恢复之后', industry: '食醋' });
  await expect(banner).toHaveCount(0);
  await page.reload();
  expect(await prospectNames(page, app)).toEqual(expect.arrayContaining(['空间满之前', '空间满之后', '空间恢复之后']));
});

for (const key of ['zonematch.data', 'zonematch.lang', 'zonematch.weights', 'zonematch.draft', 'zonematch.data.previous']) {
  test(`a corrupted value under ${key} is survived and nothing is lost`, async ({ page }, testInfo) => {
    await beforeFirstLoad(
      page,
      (k) => {
        localStorage.setItem(k, '{"schema_version": 2, "zones": [{"id": ');
      },
      key,
    );
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const app = new ZoneMatchApp(page, testInfo);
    await app.open();
    if (key === 'zonematch.data') {
      await expect(page.locator('[data-testid=storage-banner][data-notice=StorageCorrupt]')).toBeVisible();
      await app.nav('数据');
      await expect(page.getByTestId('quarantine-list')).toContainText('zonematch.quarantine.');
    }
    await app.captureProspect('登记企业', { name: '损坏之后登记', industry: '动力电池' });
    await page.reload();
    expect(await prospectNames(page, app)).toContain('损坏之后登记');
    if (key === 'zonematch.data') {
      // The damaged value is still there, set aside.
      const kept = await page.evaluate(() =>
        Object.keys(localStorage).filter((k) => k.startsWith('zonematch.quarantine.')).map((k) => localStorage.getItem(k)),
      );
      expect(kept).toEqual(['{"schema_version": 2, "zones": [{"id": ']);
    }
    expect(errors).toEqual([]);
  });
}

test('two tabs: edits in one appear in the other, neither overwrites the other', async ({ context }, testInfo) => {
  const a = await context.newPage();
  const b = await context.newPage();
  const appA = new ZoneMatchApp(a, testInfo);
  const appB = new ZoneMatchApp(b, testInfo);
  await appA.open();
  await appB.open();
  await appB.nav('意向企业');
  await appA.captureProspect('登记企业', { name: '甲标签页的企业', industry: '动力电池' });
  await expect(b.getByTestId('prospect-row').filter({ hasText: '甲标签页的企业' })).toHaveCount(1);
  await appB.captureProspect('登记企业', { name: '乙标签页的企业', industry: '食醋' });
  await appA.nav('意向企业');
  await expect(a.getByTestId('prospect-row').filter({ hasText: '乙标签页的企业' })).toHaveCount(1);
  await a.reload();
  await b.reload();
  for (const [page, app] of [[a, appA], [b, appB]]) {
    expect(await prospectNames(page, app)).toEqual(expect.arrayContaining(['甲标签页的企业', '乙标签页的企业']));
  }
});

test('upgrade from schema version 1: data kept, old generation backed up', async ({ page }, testInfo) => {
  const v1 = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'v1-export.json'), 'utf8');
  await beforeFirstLoad(page, (raw) => localStorage.setItem('zonematch.data', raw), v1);
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  expect(await prospectNames(page, app)).toContain('某动力电池公司');
  await app.captureProspect('登记企业', { name: '升级后登记', industry: '光伏组件' });
  await page.reload();
  expect(await prospectNames(page, app)).toEqual(expect.arrayContaining(['某动力电池公司', '升级后登记']));
  const stored = await page.evaluate(() => ({
    now: JSON.parse(localStorage.getItem('zonematch.data')).schema_version,
    before: JSON.parse(localStorage.getItem('zonematch.data.previous')).schema_version,
  }));
  expect(stored).toEqual({ now: 5, before: 1 });
});

test('a newer version\'s data is never overwritten by this one', async ({ page }, testInfo) => {
  const newer = JSON.stringify({ format: 'zonematch', schema_version: 99, revision: 5, zones: [], prospects: [], future: true });
  await beforeFirstLoad(page, (raw) => localStorage.setItem('zonematch.data', raw), newer);
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  await expect(page.locator('[data-testid=storage-banner][data-notice=StorageNewer]')).toBeVisible();
  await app.captureProspect('登记企业', { name: '旧版登记', industry: '动力电池' });
  expect(await page.evaluate(() => localStorage.getItem('zonematch.data'))).toBe(newer);
});
