const { test, expect } = require('@playwright/test');
const { ZoneMatchApp, ARTICLE_ZONES } = require('./app');

test('opens on the demo zones of the source article', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  const ids = await app.zoneCards().evaluateAll((cards) => cards.map((c) => c.dataset.zoneId));
  for (const id of ARTICLE_ZONES) expect(ids).toContain(id);
  await expect(app.zoneCards().filter({ hasText: '长治高新技术产业开发区' })).toHaveCount(1);
});

test('zone detail shows clusters, space, incentives, unknowns and as-of date', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  await app.openZone('changzhi-htz');
  const detail = page.getByTestId('zone-detail');
  for (const text of ['新一代信息技术', '集成电路封装', '光伏光电', '高端装备制造', '生物医药与健康']) {
    await expect(detail).toContainText(text);
  }
  await expect(detail).toContainText('1,600,000 m²');
  await expect(detail).toContainText('1,200,000 m²');
  await expect(detail).toContainText('≈ 60,000 m²');
  await expect(detail).toContainText('政策总数: 13');
  await expect(detail).toContainText('1亿元');
  await expect(detail).toContainText('房租补贴');
  await expect(detail).toContainText('未公布联系人');
  await expect(page.getByTestId('zone-detail').locator('.meta [data-testid=as-of]')).toContainText('2023-08');
});

test('search narrows the zone list by industry', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  await page.getByTestId('zone-search').fill('醋');
  await expect(app.zoneCards()).toHaveCount(1);
  await expect(app.zoneCards().first()).toHaveAttribute('data-zone-id', 'wutai-agri');
  await page.getByTestId('zone-search').fill('');
  await expect(app.zoneCards()).toHaveCount(7);
});
