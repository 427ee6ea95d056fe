const { test, expect } = require('@playwright/test');
const { ZoneMatchApp } = require('./app');

test('switching language changes every screen and is remembered', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await app.switchLanguage();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('nav.tabs')).toContainText('Zones');
  await expect(app.zoneCards().filter({ hasText: 'Changzhi High-tech Industrial Development Zone' })).toHaveCount(1);

  await app.captureProspect('Capture', { name: 'Falcon', industry: 'lithium battery cells', factory: '20,000 m²' });
  const top = app.matchRows().first();
  await expect(top).toHaveAttribute('data-zone-id', 'gaoping-etdz');
  await expect(top).toContainText('Industry fit');
  await expect(top).toContainText('Needs 20,000 m² of factory space');
  await expect(top).not.toContainText('需要');

  await page.reload();
  await expect(page.locator('nav.tabs')).toContainText('Prospects');
  await app.switchLanguage();
  await expect(page.locator('nav.tabs')).toContainText('意向企业');
});
