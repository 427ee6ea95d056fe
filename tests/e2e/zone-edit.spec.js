const { test, expect } = require('@playwright/test');
const { ZoneMatchApp } = require('./app');

test('a new zone can be added, is matched, and is kept after reload', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  await app.press(page.locator('button', { hasText: '新增园区' }));
  const form = page.getByTestId('zone-form');
  await form.locator('[name=name_zh]').fill('测试储能产业园');
  await form.locator('[name=name_en]').fill('Test Energy Storage Park');
  await form.locator('[name=clusters]').fill('储能 | Energy storage | 储能电池、储能变流器');
  await form.locator('[name=available_m2]').fill('80000');
  await form.locator('[name=as_of]').fill('2026-11');
  await app.press(page.getByTestId('save-zone'));
  await expect(page.getByTestId('zone-detail')).toContainText('测试储能产业园');
  await expect(page.getByTestId('zone-detail')).toContainText('80,000 m²');

  await page.reload();
  // A reload stays on the screen it was on.
  await expect(page.getByTestId('zone-detail')).toContainText('测试储能产业园');
  await app.home();
  await expect(app.zoneCards()).toHaveCount(8);
  await app.captureProspect('登记企业', { name: '储能企业', industry: '储能电池', factory: '10000' });
  const top = app.matchRows().first();
  await expect(top).toContainText('测试储能产业园');
  await expect(top).toContainText('可用 80,000 m²');
});

test('an invalid edit shows errors and keeps the stored profile', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  await app.openZone('changzhi-htz');
  await app.press(page.getByTestId('edit-zone'));
  await page.locator('[name=occupancy_pct]').fill('150');
  await app.press(page.getByTestId('save-zone'));
  await expect(page.getByTestId('zone-form')).toContainText('使用率应在 0 到 100 之间');
  await page.reload();
  await app.openZone('changzhi-htz');
  await expect(page.getByTestId('zone-detail')).toContainText('95%');
});
