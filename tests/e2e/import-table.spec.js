// Issue 10: the tables people already keep. A ledger workbook with a notes sheet, a
// title row above the header, units in the header, a date cell and a postcode goes
// through the mapping step (one column changed by hand), the preview and the confirm;
// the same headers later get the confirmed mapping back. In English too. The ledger
// exports as a workbook that a workbook library reads back with numbers and dates.
const { test, expect } = require('@playwright/test');
const fs = require('node:fs');
const XLSX = require('xlsx');
const { ZoneMatchApp } = require('./app');

function ledgerWorkbook(file) {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['填表说明：金额单位亿元']]), '说明');
  const rows = [
    ['2024年签约项目台账'],
    ['序号', '项目名称', '投资方', '所属行业', '计划总投资（亿元）', '申请用地面积（亩）', '项目进展', '签约日期', '招商责任部门', '邮编'],
    [1, '锂电池生产线项目', '甲电池科技有限公司（化名）', '电池制造', 1.5, 60, '已签约', new Date(Date.UTC(2023, 7, 24)), '招商一部', '046000'],
    [2, '食醋酿造项目', '乙醋业有限公司（化名）', '食醋制造', 0.3, null, '在谈', null, '招商二部', '046011'],
  ];
  const sheet = XLSX.utils.aoa_to_sheet(rows, { cellDates: true });
  // The postcodes are text cells, as Excel keeps them when typed with a format of text.
  sheet.J3 = { t: 's', v: '046000' };
  sheet.J4 = { t: 's', v: '046011' };
  XLSX.utils.book_append_sheet(wb, sheet, '签约项目');
  XLSX.writeFile(wb, file);
}

test('a ledger workbook imports through the mapping step, and the mapping is remembered', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  const file = testInfo.outputPath('签约项目台账.xlsx');
  ledgerWorkbook(file);
  await app.open();
  await app.nav('数据');
  await page.getByTestId('import-csv').setInputFiles(file);
  const step = page.getByTestId('mapping-step');
  await expect(step).toBeVisible({ timeout: 20_000 });
  // The ledger sheet is chosen over the notes sheet; its header is row 2.
  await expect(page.getByTestId('mapping-sheet')).toHaveValue('1');
  await expect(page.getByTestId('mapping-header-row')).toContainText('2');
  const rows = page.getByTestId('mapping-row');
  await expect(rows).toHaveCount(10);
  const row = (header) => rows.filter({ has: page.locator('th', { hasText: header }) });
  await expect(row('计划总投资').getByTestId('mapping-choice')).toHaveValue('investment_wan');
  await expect(row('计划总投资')).toContainText('亿元');
  await expect(row('投资方')).toContainText('甲电池科技有限公司');
  await expect(row('序号').getByTestId('mapping-choice')).toHaveValue('ignore');
  await expect(page.getByTestId('mapping-notes')).toContainText('招商责任部门');
  // The department is not wanted in the notes: leave it out.
  await row('招商责任部门').getByTestId('mapping-choice').selectOption('ignore');
  await expect(page.getByTestId('mapping-notes')).not.toContainText('招商责任部门');
  await expect(page.getByTestId('mapping-ignored')).toContainText('招商责任部门');
  await app.press(page.getByTestId('mapping-preview'));
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('意向企业：新增 2');
  await expect(page.getByTestId('import-added')).toContainText('甲电池科技有限公司（化名）');
  await app.press(page.getByTestId('confirm-import'));
  await expect(page.getByTestId('import-result')).toContainText('导入成功');
  await page.reload();
  await app.nav('意向企业');
  const signed = page.getByTestId('prospect-row').filter({ hasText: '甲电池科技有限公司（化名）' });
  await expect(signed).toHaveAttribute('data-stage', 'signed');
  await expect(signed).toContainText('1.5亿元');
  await expect(page.getByTestId('prospect-row').filter({ hasText: '乙醋业有限公司（化名）' })).toHaveAttribute('data-stage', 'negotiating');
  // The ledger comes back as a workbook: header, numbers as numbers, dates as dates,
  // the postcode kept in the notes as text.
  await app.nav('数据');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    app.press(page.getByTestId('export-prospects-xlsx')),
  ]);
  const out = testInfo.outputPath('ledger.xlsx');
  await download.saveAs(out);
  const book = XLSX.read(fs.readFileSync(out), { cellDates: true });
  const ws = book.Sheets[book.SheetNames[0]];
  const table = XLSX.utils.sheet_to_json(ws, { header: 1, raw: true });
  const head = table[0];
  expect(head).toContain('企业名称或代号');
  const at = (name) => table.slice(1).find((r) => r[head.indexOf('企业名称或代号')] === name);
  const a = at('甲电池科技有限公司（化名）');
  expect(a[head.indexOf('计划投资（万元）')]).toBe(15000);
  const signedDate = a[head.indexOf('签约日期')];
  expect(signedDate instanceof Date).toBe(true);
  expect(signedDate.toISOString().slice(0, 10)).toBe('2023-08-24');
  expect(String(a[head.indexOf('备注')])).toContain('邮编: 046000');
  expect(String(a[head.indexOf('备注')])).not.toContain('招商一部');
  // The same headers again: the confirmed mapping comes back.
  await page.getByTestId('import-csv').setInputFiles(file);
  await expect(page.getByTestId('mapping-remembered')).toBeVisible({ timeout: 20_000 });
  await expect(row('招商责任部门').getByTestId('mapping-choice')).toHaveValue('ignore');
  await app.press(page.getByTestId('mapping-preview'));
  await expect(page.getByTestId('import-preview')).toContainText('不变 2');
});

test('in English: a CSV ledger with English headers, one column changed, imported', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  const file = testInfo.outputPath('pipeline.csv');
  fs.writeFileSync(file, 'Company,Sector,Investment (100m CNY),Status,Remarks\r\nAcme Batteries,lithium batteries,2,Negotiating,met at the fair\r\n');
  await app.open();
  await app.switchLanguage();
  await app.nav('Data');
  await page.getByTestId('import-csv').setInputFiles(file);
  await expect(page.getByTestId('mapping-step')).toContainText('Imported as');
  const rows = page.getByTestId('mapping-row');
  const remarks = rows.filter({ has: page.locator('th', { hasText: 'Remarks' }) });
  await expect(remarks.getByTestId('mapping-choice')).toHaveValue('notes');
  await remarks.getByTestId('mapping-choice').selectOption('products');
  await app.press(page.getByTestId('mapping-preview'));
  await expect(page.getByTestId('import-preview')).toContainText('prospects: 1 new');
  await app.press(page.getByTestId('confirm-import'));
  await app.nav('Prospects');
  const row = page.getByTestId('prospect-row').filter({ hasText: 'Acme Batteries' });
  await expect(row).toHaveAttribute('data-stage', 'negotiating');
});
