// The national zone catalogue (2,543 zones of 《中国开发区审核公告目录》2018) in the app:
// found by the names people use, filtered, on the province map, ranked, offline.
const { test, expect } = require('@playwright/test');
const { ZoneMatchApp } = require('./app');

/** Wait until the catalogue has arrived (the list says when it is still loading). */
async function catalogueReady(page) {
  await expect(page.getByTestId('zone-count')).toBeVisible();
  await expect(page.getByTestId('national-loading')).toHaveCount(0);
  await expect(page.locator('[data-testid=zone-card][data-reference=true]').first()).toBeVisible();
}

test('a short name finds its zone, and the approved area is shown as approved area', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  await catalogueReady(page);
  await page.getByTestId('zone-search').fill('长治高新区');
  // The demo profile is the catalogue's G142057: one zone, not two.
  await expect(app.allZoneCards()).toHaveCount(1);
  await app.press(app.allZoneCards().first().locator('button.card-main'));
  const facts = page.getByTestId('catalogue-facts');
  await expect(facts).toHaveAttribute('data-code', 'G142057');
  await expect(page.getByTestId('approved-area')).toHaveText('753.01 公顷（11,295 亩）');
  await expect(facts).toContainText('核准规划面积');
  // As of 2018-04, marked as possibly out of date.
  await expect(facts.getByTestId('as-of')).toContainText('2018-04');
  await expect(facts.getByTestId('as-of')).toHaveAttribute('data-stale', 'true');
  // Never as free land or factory space: the profile's own space and land facts do not
  // take the approved area.
  const spaceFacts = page.locator('[data-testid=zone-detail] > dl.facts-grid');
  await expect(spaceFacts.first()).toBeVisible();
  for (const text of await spaceFacts.allTextContents()) {
    expect(text).not.toContain('753');
    expect(text).not.toContain('11,295');
  }
});

test("province and level filters give the file's count, in both languages", async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  await catalogueReady(page);
  await page.getByTestId('zone-province-filter').selectOption('山西省');
  await page.getByTestId('zone-level-filter').selectOption('national');
  // 《中国开发区审核公告目录》2018 lists 7 national zones in Shanxi.
  await expect(page.getByTestId('zone-count')).toHaveText('共 7 个园区，显示 7 个');
  await expect(app.allZoneCards()).toHaveCount(7);
  await expect(page).toHaveURL(/prov=/);
  await page.getByTestId('lang-switch').click();
  await expect(page.getByTestId('zone-count')).toHaveText('7 zones, showing 7');
  await expect(app.allZoneCards().first()).not.toContainText(/[\u4e00-\u9fff]/);
  // The filters are in the URL: a reload keeps them.
  await page.reload();
  await catalogueReady(page);
  await expect(app.allZoneCards()).toHaveCount(7);
});

test('tapping a province on the map filters the list to it', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  await catalogueReady(page);
  await app.press(page.getByTestId('zone-map-toggle'));
  const tile = page.locator('[data-testid=map-tile][data-province="江苏省"]');
  const count = await tile.getAttribute('data-value');
  expect(Number(count)).toBeGreaterThan(100);
  await app.press(tile);
  await expect(page.getByTestId('province-chip')).toHaveAttribute('data-province', '江苏省');
  await expect(page.getByTestId('zone-count')).toContainText(`共 ${Number(count).toLocaleString('en-US')} 个园区`);
  await expect(tile).toHaveAttribute('aria-pressed', 'true');
  // Paged, not drawn all at once; more on request.
  await expect(app.allZoneCards()).toHaveCount(40);
  await app.press(page.getByTestId('zones-more'));
  await expect(app.allZoneCards()).toHaveCount(80);
  for (const text of await app.allZoneCards().locator('h3').allTextContents()) expect(text).not.toBe('');
});

test('a prospect ranked against all zones lists zones from several provinces', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  await catalogueReady(page);
  await app.nav('登记企业');
  await app.fillProspect({ industry: '电子信息' });
  await page.getByTestId('scope-select').selectOption('all');
  const rows = page.getByTestId('match-row');
  await expect(rows.first()).toBeVisible();
  await expect(page.locator('[data-testid=match-row][data-little-data=true]').first()).toBeVisible();
  const provinces = new Set(await rows.evaluateAll((rs) => rs.map((r) => r.dataset.province).filter(Boolean)));
  expect(provinces.size).toBeGreaterThanOrEqual(3);
  // A catalogue-only zone says what it is scored on.
  const little = page.locator('[data-testid=match-row][data-little-data=true]').first();
  await app.press(little.locator('summary'));
  await expect(little.getByTestId('not-scored')).toContainText('仅有国家开发区目录的资料');
  // The scope is remembered.
  await page.reload();
  await expect(page.getByTestId('scope-select')).toHaveValue('all');
});

test('the catalogue stays after an offline reload', async ({ page, context }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  await catalogueReady(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await catalogueReady(page);
  await context.setOffline(true);
  await page.goto('/zones/G141004');
  await expect(page.getByTestId('catalogue-facts')).toHaveAttribute('data-code', 'G141004');
  await expect(page.getByTestId('little-data')).toBeVisible();
  await page.goto('/?q=%E8%BF%90%E5%9F%8E%E7%BB%8F%E5%BC%80%E5%8C%BA');
  await expect(app.allZoneCards().first()).toHaveAttribute('data-zone-id', 'yuncheng-etdz');
  await context.setOffline(false);
});

test('a new zone named the way people say an existing one is recognised, not added twice', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  await catalogueReady(page);
  await page.goto('/zones/new');
  const form = page.getByTestId('zone-form');
  await form.locator('[name=name_zh]').fill('长治高新区');
  await app.press(page.getByTestId('save-zone'));
  await expect(form.locator('.error-summary')).toContainText('已在园区列表中');
  await app.press(page.getByTestId('open-existing-zone'));
  await expect(page.getByTestId('zone-detail')).toHaveAttribute('data-zone-id', 'changzhi-htz');
  await app.home();
  await expect(app.zoneCards()).toHaveCount(7);
  // A catalogue zone without a profile becomes its profile, listed once, under its code.
  await page.goto('/zones/new');
  await page.getByTestId('zone-form').locator('[name=name_zh]').fill('太原经开区');
  await app.press(page.getByTestId('save-zone'));
  await expect(page.getByTestId('zone-detail')).toHaveAttribute('data-zone-id', 'G141004');
  await expect(page.getByTestId('catalogue-facts')).toHaveAttribute('data-code', 'G141004');
  await page.goto('/?q=%E5%A4%AA%E5%8E%9F%E7%BB%8F%E5%BC%80%E5%8C%BA');
  await expect(app.allZoneCards()).toHaveCount(1);
  await expect(app.allZoneCards().first()).toHaveAttribute('data-reference', 'false');
});
