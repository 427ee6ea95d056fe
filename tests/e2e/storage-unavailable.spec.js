const { test, expect } = require('@playwright/test');
const { ZoneMatchApp } = require('./app');

test('with storage blocked the app still works and says data will not be kept', async ({ page }, testInfo) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  const banner = page.getByTestId('storage-banner');
  await expect(banner).toHaveAttribute('data-notice', 'StorageUnavailable');
  await expect(banner).toContainText('数据不会保留');
  await app.captureProspect('登记企业', { name: '内存中的企业', industry: '光伏玻璃盖板' });
  await expect(app.matchRows().first()).toHaveAttribute('data-zone-id', 'changzhi-htz');
  // Nothing can be committed without storage: after a reload the app runs again and
  // warns again (the banner offered an export for exactly this).
  await page.reload();
  await expect(page.getByTestId('storage-banner')).toHaveAttribute('data-notice', 'StorageUnavailable');
  // The reload stayed on the prospect's screen; that prospect was never kept.
  await expect(page.getByTestId('not-found')).toBeVisible();
  await app.home();
  await expect(app.zoneCards()).toHaveCount(7);
  expect(errors).toEqual([]);
});
