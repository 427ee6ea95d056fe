const { test, expect } = require('@playwright/test');
const fs = require('node:fs');
const path = require('node:path');
const { ZoneMatchApp } = require('./app');

test('export, then import into a fresh browser profile, gives the same data', async ({ page, browser }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  await app.captureProspect('登记企业', { name: '代号·猎鹰', industry: '集成电路封测', investment: '1.5亿', land: '50' });
  // An edited zone travels too.
  await app.nav('园区');
  await app.openZone('gaoping-etdz');
  await app.press(page.getByTestId('edit-zone'));
  await page.locator('[name=available_m2]').fill('30000');
  await app.press(page.getByTestId('save-zone'));
  await expect(page.getByTestId('zone-detail')).toContainText('30,000 m²');

  const download = await app.exportData('数据');
  expect(download.suggestedFilename()).toMatch(/^zonematch-\d{8}\.json$/);
  const file = testInfo.outputPath('export.json');
  await download.saveAs(file);
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(exported.schema_version).toBe(5);
  expect(exported.format).toBe('zonematch');
  expect(exported.prospects.map((p) => p.name)).toContain('代号·猎鹰');

  const fresh = await browser.newContext({ ...testInfo.project.use, baseURL: testInfo.project.use.baseURL });
  const page2 = await fresh.newPage();
  const app2 = new ZoneMatchApp(page2, testInfo);
  await app2.open();
  await app2.importFile('数据', file);
  await expect(page2.getByTestId('import-result')).toContainText('导入成功');
  await page2.reload();
  await app2.nav('意向企业');
  await expect(page2.getByTestId('prospect-row').filter({ hasText: '代号·猎鹰' })).toHaveCount(1);
  await app2.nav('园区');
  await app2.openZone('gaoping-etdz');
  await expect(page2.getByTestId('zone-detail')).toContainText('30,000 m²');

  // The re-exported data equals the first export, apart from the export time.
  const again = await app2.exportData('数据');
  const file2 = testInfo.outputPath('export2.json');
  await again.saveAs(file2);
  const reexported = JSON.parse(fs.readFileSync(file2, 'utf8'));
  delete exported.exported_at;
  delete reexported.exported_at;
  expect(reexported).toEqual(exported);
  await fresh.close();
});

test('a bad file is refused with reasons and changes nothing', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  await app.captureProspect('登记企业', { name: '保留的企业', industry: '食醋' });
  const bad = testInfo.outputPath('bad.json');
  fs.writeFileSync(
    bad,
    JSON.stringify({
      format: 'zonematch',
      schema_version: 1,
      zones: [{ id: 'x', name: { zh: '甲' } }, { id: 'x', name: { zh: '乙' } }],
      prospects: [{ id: 'p', name: 'q', factory_m2: 'lots' }],
    }),
  );
  await app.importFile('数据', bad);
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('导入失败');
  await expect(result).toContainText('重复');
  await expect(result).toContainText('意向企业第 1 条');
  await page.reload();
  await app.nav('意向企业');
  await expect(page.getByTestId('prospect-row')).toHaveCount(1);
  await app.nav('园区');
  await expect(app.zoneCards()).toHaveCount(7);
});

test('script and link text in imported data is shown as text, never run', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  let dialogs = 0;
  page.on('dialog', async (d) => {
    dialogs += 1;
    await d.dismiss();
  });
  await app.open();
  const file = testInfo.outputPath('script.json');
  fs.writeFileSync(
    file,
    JSON.stringify({
      format: 'zonematch',
      schema_version: 2,
      zones: [
        {
          id: 'xss-zone',
          name: { zh: '<img src=x onerror=alert(1)>园区', en: '<script>alert(2)</script>' },
          contacts: [{ name: '<b>联系人</b>', website: 'https://example.org/zone' }],
        },
      ],
      prospects: [{ id: 'xss-p', name: '<svg onload=alert(3)>', industry: '动力电池' }],
    }),
  );
  await app.importFile('数据', file);
  await app.nav('园区');
  const card = page.locator('[data-testid=zone-card][data-zone-id="xss-zone"]');
  await expect(card).toContainText('<img src=x onerror=alert(1)>园区');
  await app.openZone('xss-zone');
  await expect(page.getByTestId('zone-detail')).toContainText('<b>联系人</b>');
  await expect(page.getByTestId('zone-detail').locator('a[href="https://example.org/zone"]')).toHaveCount(1);
  await expect(page.locator('img[src=x], svg[onload]')).toHaveCount(0);
  await app.nav('意向企业');
  await expect(page.getByTestId('prospect-row')).toContainText('<svg onload=alert(3)>');
  expect(dialogs).toBe(0);
});
