const { test, expect } = require('@playwright/test');
const { ZoneMatchApp } = require('./app');

const BATTERY = {
  name: '某动力电池公司',
  industry: '21700圆柱动力电池',
  investment: '6亿',
  factory: '20000',
  origin: '深圳',
};

test('a captured prospect gets every zone ranked with a breakdown, and survives reload', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  await app.captureProspect('登记企业', BATTERY);

  const ranking = await app.ranking();
  expect(ranking.length).toBe(7);
  expect(ranking[0].zoneId).toBe('gaoping-etdz');
  for (let i = 1; i < ranking.length; i++) expect(ranking[i - 1].score).toBeGreaterThanOrEqual(ranking[i].score);
  for (const r of ranking) {
    expect(r.score).toBeGreaterThanOrEqual(0);
    expect(r.score).toBeLessThanOrEqual(100);
  }

  const top = app.matchRows().first();
  await expect(top.locator('.criterion')).toHaveCount(6);
  await expect(top).toContainText('21700圆柱动力电池');
  await expect(top).toContainText('需要厂房 20,000 m²');
  await expect(page.locator('[data-zone-id="changzhi-htz"]')).toContainText('可用 60,000 m²');

  await page.reload();
  await app.nav('意向企业');
  const row = page.getByTestId('prospect-row').filter({ hasText: BATTERY.name });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('6亿元');
  await app.press(row.locator('button'));
  await expect(page.getByTestId('prospect-name')).toHaveText(BATTERY.name);
  expect((await app.ranking())[0].zoneId).toBe('gaoping-etdz');
});

test('zones re-rank live while the recruiter types', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  await app.nav('登记企业');
  await app.fillProspect({ industry: '豆制品、食醋加工' });
  await expect(app.matchRows().first()).toHaveAttribute('data-zone-id', 'wutai-agri');
  await app.fillProspect({ industry: 'IC packaging and testing (OSAT)' });
  await expect(app.matchRows().first()).toHaveAttribute('data-zone-id', 'changzhi-htz');
});

test('bad numbers are refused with a message and nothing is saved', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  await app.nav('登记企业');
  await app.fillProspect({ name: '测试企业', investment: '很多', factory: '-5' });
  await app.press(page.getByTestId('save-prospect'));
  await expect(page.locator('.field.invalid')).toHaveCount(2);
  await expect(page.getByTestId('prospect-form')).toContainText('请输入数字');
  await app.nav('意向企业');
  await expect(page.getByTestId('prospect-row')).toHaveCount(0);
});
