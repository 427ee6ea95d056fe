const { test, expect } = require('@playwright/test');
const { ZoneMatchApp } = require('./app');

test('weight presets re-rank the zones and are remembered', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  await app.nav('登记企业');
  await app.fillProspect({ industry: '21700圆柱动力电池', factory: '20000' });
  await expect(app.matchRows().first()).toHaveAttribute('data-zone-id', 'gaoping-etdz');
  const changzhiBefore = Number(await page.locator('[data-testid=match-row][data-zone-id="changzhi-htz"]').getAttribute('data-score'));

  await app.press(page.getByTestId('weights-panel').locator('summary'));
  await app.press(page.getByTestId('preset-space_critical'));
  await expect(page.getByTestId('preset-space_critical')).toHaveAttribute('aria-pressed', 'true');
  const changzhi = page.locator('[data-testid=match-row][data-zone-id="changzhi-htz"]');
  await expect.poll(async () => Number(await changzhi.getAttribute('data-score'))).toBeGreaterThan(changzhiBefore);

  // A slider makes the weights custom.
  await page.getByTestId('weight-region').fill('10');
  await expect(page.getByTestId('weights-panel').locator('summary')).toContainText('自定义');

  await page.reload();
  await app.nav('登记企业');
  await expect(page.getByTestId('weights-panel').locator('summary')).toContainText('自定义');
  await app.press(page.getByTestId('weights-panel').locator('summary'));
  await app.press(page.getByTestId('preset-balanced'));
  await expect(page.getByTestId('weights-panel').locator('summary')).toContainText('均衡');
});

test('a must-have the zone cannot meet excludes it, with the reason', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  await app.nav('登记企业');
  await app.fillProspect({ industry: '集成电路封装', factory: '100000' });
  await page.locator('[name=must_factory]').check();
  const changzhi = page.locator('[data-testid=match-row][data-zone-id="changzhi-htz"]');
  await expect(changzhi).toHaveAttribute('data-excluded', 'true');
  await expect(changzhi.getByTestId('exclusions')).toContainText('必须有 100,000 m² 厂房，园区仅有 60,000 m²');
  const flags = await app.matchRows().evaluateAll((rows) => rows.map((r) => r.dataset.excluded));
  expect(flags.indexOf('true')).toBe(flags.length - 1);
});

test('the breakdown has all six criteria with reasons in both languages', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  await app.captureProspect('登记企业', { industry: '集成电路封测', investment: '2亿', factory: '20000', origin: '深圳' });
  const top = page.locator('[data-testid=match-row][data-zone-id="changzhi-htz"]');
  await app.press(top.locator('summary'));
  for (const label of ['产业匹配', '链位', '空间匹配', '投资门槛', '优惠政策', '来源区域']) {
    await expect(top.getByTestId('breakdown')).toContainText(label);
  }
  await expect(top.locator('[data-criterion=chain]')).toContainText('强链');
  await expect(top.locator('[data-criterion=region]')).toContainText('粤港澳大湾区');
  await expect(top.locator('[data-criterion=incentives]')).toContainText('房租补贴');
  await app.switchLanguage();
  for (const label of ['Industry fit', 'Chain role', 'Space fit', 'Investment thresholds', 'Incentives', 'Origin region']) {
    await expect(top.getByTestId('breakdown')).toContainText(label);
  }
  await expect(top.locator('[data-criterion=chain]')).toContainText('Strengthens');
  await expect(top.locator('[data-criterion=region]')).toContainText('Greater Bay Area');
});

test('zone staff see the prospects ranked for their zone', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  await app.captureProspect('登记企业', { name: '醋厂', industry: '山西老陈醋' });
  await app.captureProspect('登记企业', { name: '电池厂', industry: '锂电池电芯' });
  await app.nav('园区');
  await app.openZone('gaoping-etdz');
  const rows = page.getByTestId('prospect-match-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('电池厂');
  const scores = await rows.evaluateAll((r) => r.map((x) => Number(x.dataset.score)));
  expect(scores[0]).toBeGreaterThan(scores[1]);
  await app.nav('园区');
  await app.openZone('wutai-agri');
  await expect(page.getByTestId('prospect-match-row').first()).toContainText('醋厂');
});
