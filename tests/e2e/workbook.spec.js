// Excel workbooks are written by a Web Worker with its own wasm, fetched only when a
// workbook is first written: the report's Excel export gives a real .xlsx (read back here
// with SheetJS), and the page never fetched the worker before the click.
const { test, expect } = require('@playwright/test');
const path = require('node:path');
const fs = require('node:fs');
const XLSX = require('xlsx');
const { ZoneMatchApp } = require('./app');

const PIPELINE = path.join(__dirname, 'fixtures', 'pipeline.json');

test('the report exports an Excel workbook, the worker loading only then', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  const workerFiles = () => requested.filter((p) => p.includes('workbook_worker'));

  await app.open();
  await app.importFile('数据', PIPELINE);
  await page.goto('/report?month=2026-10');
  await expect(page.getByTestId('report-table')).toBeVisible();
  // The first screen and the report never loaded the workbook worker.
  expect(requested.some((p) => /zonematch-[0-9a-f]+_bg\.wasm$/.test(p))).toBe(true);
  expect(workerFiles()).toEqual([]);

  const button = page.getByTestId('export-report-xlsx');
  await expect(button).toHaveText('导出 Excel');
  const [download] = await Promise.all([page.waitForEvent('download'), app.press(button)]);
  expect(download.suggestedFilename()).toBe('zonematch-report-202610.xlsx');
  await expect(page.getByTestId('export-report-xlsx-error')).toBeHidden();
  await expect(button).toBeEnabled();

  const book = XLSX.read(fs.readFileSync(await download.path()), { cellDates: true });
  expect(book.SheetNames).toEqual(['月报']);
  const sheet = book.Sheets['月报'];
  // The title row, then the figures' header row.
  expect(sheet.A1.v).toBe('月报');
  expect(sheet.B1.v).toBe('2026年10月');
  expect(sheet.A3.v).toBe('指标');
  expect(sheet.B3.v).toBe('本月个数');
  // Signed this month: one project of 60,000 万元, as numbers.
  expect(sheet.B4).toMatchObject({ t: 'n', v: 1 });
  expect(sheet.C4).toMatchObject({ t: 'n', v: 60000 });
  // The projects counted this month carry the day as a real date.
  const rows = XLSX.utils.sheet_to_json(sheet, { header: 1, raw: true });
  const detail = rows.find((r) => r[0] === '签约项目' && r[1] instanceof Date);
  expect(detail, JSON.stringify(rows)).toBeTruthy();
  expect(detail[1].toISOString().slice(0, 10)).toBe('2026-10-05');
  expect(detail.slice(2, 7)).toEqual(['p-signed', '甲电池有限公司', '蓝鲸', '高平经济技术开发区', 60000]);
  // The click loaded the worker: its loader, its script and its wasm.
  const loaded = ['/workbook_worker_loader.js', '/workbook_worker.js', '/workbook_worker_bg.wasm'];
  expect(workerFiles()).toEqual(loaded);

  // A second export reuses the worker.
  const [again] = await Promise.all([page.waitForEvent('download'), app.press(button)]);
  expect(again.suggestedFilename()).toBe('zonematch-report-202610.xlsx');
  expect(workerFiles()).toEqual(loaded);
});

test.describe('when the worker cannot load', () => {
  // No service worker: the worker's files come straight from the network, which fails.
  test.use({ serviceWorkers: 'block' });

  test('the export says so in both languages and the next try works', async ({ page }, testInfo) => {
    const app = new ZoneMatchApp(page, testInfo);
    await page.route('**/workbook_worker*', (route) => route.abort('internetdisconnected'));
    await page.goto('/report?month=2026-10');
    await expect(page.getByTestId('report-table')).toBeVisible();
    const button = page.getByTestId('export-report-xlsx');
    await app.press(button);
    const error = page.getByTestId('export-report-xlsx-error');
    await expect(error).toContainText('无法加载 Excel 组件');
    await expect(button).toBeEnabled();
    await app.switchLanguage();
    await expect(error).toContainText('Could not load the Excel component');

    // Back online: a fresh worker starts and the workbook is written.
    await page.unroute('**/workbook_worker*');
    const [download] = await Promise.all([page.waitForEvent('download'), app.press(button)]);
    expect(download.suggestedFilename()).toBe('zonematch-report-202610.xlsx');
    await expect(error).toBeHidden();
  });
});
