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
  // A compact row: rank, name, total and its two strongest reasons; the breakdown names
  // every criterion (scored ones with a bar, the rest in one "not scored" line).
  await expect(top.locator('.top-reasons li')).toHaveCount(2);
  await expect(top.getByTestId('breakdown')).toBeHidden();
  await app.press(top.locator('summary'));
  await expect(top.getByTestId('breakdown')).toBeVisible();
  for (const label of ['产业匹配', '链位', '空间匹配', '投资门槛', '优惠政策', '来源区域']) {
    await expect(top.getByTestId('breakdown')).toContainText(label);
  }
  await expect(top).toContainText('21700圆柱动力电池');
  await expect(top).toContainText('需要厂房 20,000 m²');
  await expect(page.locator('[data-zone-id="changzhi-htz"]')).toContainText('可用 60,000 m²');

  await page.reload();
  await app.nav('意向企业');
  const row = page.getByTestId('prospect-row').filter({ hasText: BATTERY.name });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('6亿元');
  await app.press(row.locator('button.row-main'));
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

test('an amount that cannot be read never blocks saving: kept as typed and marked for review', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  await app.nav('登记企业');
  await app.fillProspect({ name: '测试企业', industry: '动力电池', investment: '很多', factory: '2万多' });
  // Said beside the field and above the live ranking as the user types.
  await expect(page.getByTestId('reading-investment')).toContainText('很多');
  await expect(page.getByTestId('could-not-read')).toContainText('2万多');
  // A fixed value clears the problem at once and shows what it was read as.
  await app.fillProspect({ factory: '2万平米' });
  await expect(page.getByTestId('reading-factory')).toHaveText('= 20,000 m²');
  await expect(page.getByTestId('could-not-read')).not.toContainText('2万');
  await app.fillProspect({ factory: '2万多' });
  await app.press(page.getByTestId('save-prospect'));
  await expect(page.getByTestId('prospect-detail')).toBeVisible();
  await expect(page.getByTestId('kept-as-typed')).toContainText('很多');
  await expect(page.getByTestId('kept-as-typed')).toContainText('2万多');
  await app.nav('意向企业');
  const row = page.getByTestId('prospect-row').filter({ hasText: '测试企业' });
  await expect(row.getByTestId('needs-review')).toBeVisible();
  // Kept after a reload, and the text is back in the form when the record is edited.
  await page.reload();
  await expect(page.getByTestId('prospect-row').filter({ hasText: '测试企业' }).getByTestId('needs-review')).toBeVisible();
  await app.press(page.getByTestId('prospect-row').filter({ hasText: '测试企业' }).locator('button.row-main'));
  await app.press(page.getByTestId('edit-prospect'));
  await expect(page.locator('[name=factory]')).toHaveValue('2万多');
  await page.locator('[name=factory]').fill('2.2万平米');
  await page.locator('[name=investment]').fill('1.5亿');
  await page.locator('[name=zone_id]').selectOption('gaoping-etdz');
  await app.press(page.getByTestId('save-prospect'));
  await expect(page.getByTestId('prospect-detail')).toContainText('22,000 m²');
  await expect(page.getByTestId('kept-as-typed')).toHaveCount(0);
  await app.nav('意向企业');
  await expect(page.getByTestId('prospect-row').filter({ hasText: '测试企业' }).getByTestId('needs-review')).toHaveCount(0);
});
