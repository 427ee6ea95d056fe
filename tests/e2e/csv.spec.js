const { test, expect } = require('@playwright/test');
const fs = require('node:fs');
const path = require('node:path');
const { ZoneMatchApp } = require('./app');

test('the prospect ledger exports as Excel-ready CSV without live formulas', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  await app.captureProspect('登记企业', { name: '=SUM(A1:A9)', industry: '动力电池', investment: '6亿' });
  await app.nav('数据');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    app.press(page.getByTestId('export-prospects-csv')),
  ]);
  const file = testInfo.outputPath('ledger.csv');
  await download.saveAs(file);
  const bytes = fs.readFileSync(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  expect(text).toContain("'=SUM(A1:A9)");
  expect(text).toContain('60000');
  expect(text).toContain('线索');
});

test('a GBK CSV from Chinese Excel imports after a preview, formulas kept as text', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  await app.nav('数据');
  await page.getByTestId('import-csv').setInputFiles(path.join(__dirname, '..', 'fixtures', 'prospects-gbk.csv'));
  await expect(page.getByTestId('mapping-step')).toBeVisible();
  await app.press(page.getByTestId('mapping-preview'));
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('意向企业：新增 2');
  await app.press(page.getByTestId('confirm-import'));
  await expect(page.getByTestId('import-result')).toContainText('导入成功');
  await page.reload();
  await app.nav('意向企业');
  const row = page.getByTestId('prospect-row').filter({ hasText: '晋城醋业（GBK 测试）' });
  await expect(row).toContainText('在谈');
  await expect(row).toContainText('3,000万元');
  await expect(page.getByTestId('prospect-row').filter({ hasText: "=CMD|' /C calc'!A0" })).toHaveCount(1);
});

test('a CSV with bad rows is refused with row, column and value, and nothing changes', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  const bad = testInfo.outputPath('bad.csv');
  fs.writeFileSync(bad, 'name,investment_wan,stage,must_factory\n好企业,100,lead,否\n坏企业,很多,未来,也许\n');
  await app.nav('数据');
  await page.getByTestId('import-csv').setInputFiles(bad);
  await app.press(page.getByTestId('mapping-preview'));
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('第 3 行');
  await expect(result).toContainText('也许');
  await expect(result).toContainText('导入失败');
  await app.nav('意向企业');
  await expect(page.getByTestId('prospect-row')).toHaveCount(0);
});
