// Data that survives other versions, other tabs, failed saves and one-tap actions:
// every case checks what is stored (localStorage) and what is shown after a reload.
const { test, expect } = require('@playwright/test');
const fs = require('node:fs');
const path = require('node:path');
const { ZoneMatchApp, beforeFirstLoad, failDataWrites } = require('./app');

const DATA = 'zonematch.data';
const BACKUP = 'zonematch.data.previous';


const stored = (page, key = DATA) => page.evaluate((k) => localStorage.getItem(k), key);
const storedJson = async (page) => JSON.parse(await stored(page));


async function prospectNames(page, app) {
  await page.bringToFront();
  await app.nav('意向企业');
  await expect(page.locator('section.page h2')).toBeVisible();
  return page.getByTestId('prospect-row').locator('strong').allTextContents();
}

async function openProspect(page, app, name) {
  await page.bringToFront();
  await app.nav('意向企业');
  await app.press(page.getByTestId('prospect-row').filter({ hasText: name }).locator('button.row-main'));
  await expect(page.getByTestId('prospect-name')).toContainText(name);
}

async function editZone(page, app, id, fields) {
  await page.bringToFront();
  await app.nav('园区');
  await app.openZone(id);
  await app.press(page.getByTestId('edit-zone'));
  for (const [name, value] of Object.entries(fields)) {
    await page.getByTestId('zone-form').locator(`[name=${name}]`).fill(value);
  }
  await app.press(page.getByTestId('save-zone'));
  await expect(page.getByTestId('zone-detail')).toBeVisible();
}

test.describe('no one-tap loss', () => {
  test('restoring the demo zones asks, names the zones and fields lost, and can be undone', async ({ page }, testInfo) => {
    const app = new ZoneMatchApp(page, testInfo);
    await app.open();
    await editZone(page, app, 'changzhi-htz', { available_m2: '30000', as_of: '2026-10' });
    await app.nav('数据');
    await app.press(page.getByTestId('restore-demo'));
    const plan = page.getByTestId('restore-demo-plan');
    await expect(plan).toContainText('长治高新技术产业开发区');
    await expect(plan).toContainText('标准厂房');
    await expect(plan).toContainText('数据截至');
    await expect(plan.getByTestId('overwrite-list').locator('li')).toHaveCount(1);
    // Asking changed nothing.
    let zone = (await storedJson(page)).zones.find((z) => z.id === 'changzhi-htz');
    expect(zone.factory.available_m2).toBe(30000);

    await app.press(page.getByTestId('confirm-restore-demo'));
    const bar = page.getByTestId('undo-bar');
    await expect(bar).toContainText('已恢复演示园区');
    await expect(bar).toContainText('长治高新技术产业开发区');
    zone = (await storedJson(page)).zones.find((z) => z.id === 'changzhi-htz');
    expect(zone.factory.available_m2).toBeNull();
    expect(zone.as_of).not.toBe('2026-10');

    await app.press(page.getByTestId('undo-action'));
    await expect(bar).toHaveCount(0);
    await page.reload();
    zone = (await storedJson(page)).zones.find((z) => z.id === 'changzhi-htz');
    expect(zone.factory.available_m2).toBe(30000);
    expect(zone.as_of).toBe('2026-10');
    await app.openZone('changzhi-htz');
    await expect(page.getByTestId('zone-detail')).toContainText('30,000 m²');

    // Nothing edited: nothing to restore, and it says so.
    await app.nav('数据');
    await app.press(page.getByTestId('restore-demo'));
    await app.press(page.getByTestId('confirm-restore-demo'));
    await app.press(page.getByTestId('restore-demo'));
    await expect(page.getByTestId('restore-demo-plan')).toContainText('无需恢复');
  });

  test('in English the confirmation names the zone and fields in English', async ({ page }, testInfo) => {
    const app = new ZoneMatchApp(page, testInfo);
    await app.open();
    await editZone(page, app, 'gaoping-etdz', { land_mu: '120' });
    await app.switchLanguage();
    await app.nav('Data');
    await app.press(page.getByTestId('restore-demo'));
    const plan = page.getByTestId('restore-demo-plan');
    await expect(plan).toContainText('Gaoping');
    await expect(plan).toContainText('land available');
  });

  test('deleting a prospect asks with its name and can be undone', async ({ page }, testInfo) => {
    const app = new ZoneMatchApp(page, testInfo);
    await app.open();
    await app.captureProspect('登记企业', { name: '将被删除的企业', industry: '动力电池', notes: '重要备注' });
    const questions = [];
    page.on('dialog', async (d) => {
      questions.push(d.message());
      await d.accept();
    });
    await app.press(page.locator('[data-testid=prospect-detail] button.danger'));
    await expect(page.getByTestId('undo-bar')).toContainText('将被删除的企业');
    expect(questions[0]).toContain('将被删除的企业');
    expect((await storedJson(page)).prospects).toHaveLength(0);
    await app.press(page.getByTestId('undo-action'));
    await page.reload();
    const back = (await storedJson(page)).prospects;
    expect(back.map((p) => [p.name, p.notes])).toEqual([['将被删除的企业', '重要备注']]);
  });

  test('an import that updates records lists the fields it overwrites, and can be undone', async ({ page }, testInfo) => {
    const app = new ZoneMatchApp(page, testInfo);
    await app.open();
    await app.captureProspect('登记企业', { name: '导入前的企业', industry: '动力电池', notes: '本机备注' });
    const mine = (await storedJson(page)).prospects[0];
    const file = testInfo.outputPath('update.json');
    fs.writeFileSync(
      file,
      JSON.stringify({ format: 'zonematch', schema_version: 2, zones: [], prospects: [{ ...mine, notes: '文件里的备注' }] }),
    );
    await app.nav('数据');
    await page.getByTestId('import-data').setInputFiles(file);
    const preview = page.getByTestId('import-preview');
    await expect(preview.getByTestId('overwrite-list')).toContainText('导入前的企业');
    await expect(preview.getByTestId('overwrite-list')).toContainText('备注');
    await app.press(page.getByTestId('confirm-import'));
    expect((await storedJson(page)).prospects[0].notes).toBe('文件里的备注');
    await app.press(page.getByTestId('undo-action'));
    await page.reload();
    expect((await storedJson(page)).prospects[0].notes).toBe('本机备注');
  });
});

test.describe('private mode and blocked storage', () => {
  test('every localStorage write failing from the start is said at start; work goes on in memory and exports', async ({ page }, testInfo) => {
    // Old Safari private mode: reads work, every write throws QuotaExceededError.
    await page.addInitScript(() => {
      const real = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        if (this === window.localStorage) {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return real.call(this, k, v);
      };
    });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const app = new ZoneMatchApp(page, testInfo);
    await app.open();
    // Before any save: the banner names private browsing or blocked storage, not a full quota.
    const banner = page.getByTestId('storage-banner');
    await expect(banner).toHaveCount(1);
    await expect(banner).toHaveAttribute('data-notice', 'StorageUnavailable');
    await expect(banner).toContainText('隐私浏览');
    await expect(banner).toContainText('存储被阻止');
    await expect(banner.getByTestId('banner-export')).toBeVisible();
    await app.captureProspect('登记企业', { name: '隐私模式中登记', industry: '动力电池' });
    expect(await prospectNames(page, app)).toEqual(['隐私模式中登记']);
    await expect(page.locator('[data-testid=storage-banner][data-notice=QuotaFull]')).toHaveCount(0);
    const [download] = await Promise.all([page.waitForEvent('download'), app.press(banner.getByTestId('banner-export'))]);
    const file = testInfo.outputPath('export.json');
    await download.saveAs(file);
    const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(exported.prospects.map((p) => p.name)).toEqual(['隐私模式中登记']);
    expect(exported.zones).toHaveLength(7);
    await app.switchLanguage();
    await expect(banner).toContainText('private browsing');
    expect(errors).toEqual([]);
  });
});

test.describe('data that survives other versions and other tabs', () => {
  test('fields a newer version wrote (without a schema bump) survive this version\'s load, edit and save', async ({ page }, testInfo) => {
    const newer = {
      format: 'zonematch',
      schema_version: 2,
      revision: 3,
      zones: [
        {
          id: 'changzhi-htz',
          name: { zh: '长治高新技术产业开发区', en: 'Changzhi High-tech Industrial Development Zone' },
          catalogue_code: 'G142057',
          factory: { built_m2: 1200000, occupancy_pct: 95, rent_yuan_per_m2_month: 9.5 },
          clusters: [{ name: { zh: '光伏光电', en: 'PV' }, scale_target: '百亿级', links: [{ name: { zh: '光伏玻璃盖板', en: '' }, leader: '某链主' }] }],
          contacts: [{ name: '招商局', wechat: 'czgxq' }],
        },
      ],
      prospects: [{ id: 'p1', name: '新版本登记的企业', industry: '动力电池', code_name: '蓝鲸', must_have: { factory: true, power_kva: 5000 } }],
    };
    await beforeFirstLoad(page, (raw) => localStorage.setItem('zonematch.data', raw), JSON.stringify(newer));
    const app = new ZoneMatchApp(page, testInfo);
    await app.open();
    await openProspect(page, app, '新版本登记的企业');
    await page.locator('#f-stage').selectOption('negotiating');
    await editZone(page, app, 'changzhi-htz', { land_mu: '300' });
    await page.reload();
    const now = await storedJson(page);
    expect(now.revision).toBeGreaterThan(3);
    const p = now.prospects[0];
    expect([p.stage, p.code_name, p.must_have.power_kva]).toEqual(['negotiating', '蓝鲸', 5000]);
    const z = now.zones[0];
    expect(z.land_available_mu).toBe(300);
    expect(z.catalogue_code).toBe('G142057');
    expect(z.factory.rent_yuan_per_m2_month).toBe(9.5);
    expect(z.clusters[0].scale_target).toBe('百亿级');
    expect(z.clusters[0].links[0].leader).toBe('某链主');
    expect(z.contacts[0].wechat).toBe('czgxq');
  });

  test('a failed save leaves the stored value and its backup exactly as they were', async ({ page }, testInfo) => {
    const app = new ZoneMatchApp(page, testInfo);
    await app.open();
    await app.captureProspect('登记企业', { name: '第一家', industry: '动力电池' });
    await app.captureProspect('登记企业', { name: '第二家', industry: '食醋' });
    const [data, backup] = [await stored(page), await stored(page, BACKUP)];
    expect(backup).not.toBeNull();
    await failDataWrites(page, true);
    await app.captureProspect('登记企业', { name: '保存失败时登记', industry: '光伏组件' });
    await expect(page.locator('[data-testid=storage-banner][data-notice=QuotaFull]')).toBeVisible();
    expect(await stored(page)).toBe(data);
    expect(await stored(page, BACKUP)).toBe(backup);
    await failDataWrites(page, false);
    await app.captureProspect('登记企业', { name: '恢复之后', industry: '食醋' });
    await page.reload();
    expect(await prospectNames(page, app)).toEqual(
      expect.arrayContaining(['第一家', '第二家', '保存失败时登记', '恢复之后']),
    );
  });

  test('records held only in memory survive another tab\'s save, and are stored later', async ({ context }, testInfo) => {
    const a = await context.newPage();
    const b = await context.newPage();
    const appA = new ZoneMatchApp(a, testInfo);
    const appB = new ZoneMatchApp(b, testInfo);
    await appA.open();
    await appA.captureProspect('登记企业', { name: '已保存的企业', industry: '动力电池' });
    await appB.open();
    await failDataWrites(a, true);
    await a.bringToFront();
    await appA.captureProspect('登记企业', { name: '只在甲页内存中', industry: '光伏组件' });
    await expect(a.locator('[data-testid=storage-banner][data-notice=QuotaFull]')).toBeVisible();
    await b.bringToFront();
    await appB.captureProspect('登记企业', { name: '乙页保存的企业', industry: '食醋' });
    // A hears of B's save: B's record appears and A's unsaved one is still there.
    await a.bringToFront();
    await appA.nav('意向企业');
    await expect(a.getByTestId('prospect-row').filter({ hasText: '乙页保存的企业' })).toHaveCount(1);
    expect(await prospectNames(a, appA)).toEqual(
      expect.arrayContaining(['已保存的企业', '只在甲页内存中', '乙页保存的企业']),
    );
    await expect(a.locator('[data-testid=storage-banner][data-notice=QuotaFull]')).toBeVisible();
    await failDataWrites(a, false);
    await a.bringToFront();
    await appA.captureProspect('登记企业', { name: '甲页恢复后', industry: '动力电池' });
    await b.reload();
    expect(await prospectNames(b, appB)).toEqual(
      expect.arrayContaining(['已保存的企业', '只在甲页内存中', '乙页保存的企业', '甲页恢复后']),
    );
  });

  test('two tabs editing the same record at once: both edits kept; a delete racing an edit keeps the record', async ({ context }, testInfo) => {
    const a = await context.newPage();
    const b = await context.newPage();
    // Tab B does not hear of A's saves (a frozen background tab): it writes without having
    // synced, so its save takes the merge path.
    await b.addInitScript(() => window.addEventListener('storage', (e) => e.stopImmediatePropagation(), true));
    const appA = new ZoneMatchApp(a, testInfo);
    const appB = new ZoneMatchApp(b, testInfo);
    await appA.open();
    await appA.captureProspect('登记企业', { name: '将被甲删除', industry: '动力电池' });
    await appB.open();
    expect(await prospectNames(b, appB)).toEqual(['将被甲删除']);

    // 1. Both edit the same zone: A two fields, then B (not synced) two fields, one the same.
    await editZone(a, appA, 'changzhi-htz', { available_m2: '30000', land_mu: '100' });
    await editZone(b, appB, 'changzhi-htz', { as_of: '2026-11', land_mu: '200' });
    await expect(b.locator('[data-testid=storage-banner][data-notice=EditedInTwoTabs]')).toBeVisible();
    // 2. A deletes the prospect while B, still holding it, moves its stage.
    await expect(a.getByTestId('zone-detail')).toContainText('2026-11'); // A heard B's save
    a.on('dialog', (d) => d.accept());
    await openProspect(a, appA, '将被甲删除');
    await appA.press(a.locator('[data-testid=prospect-detail] button.danger'));
    await expect(a.getByTestId('undo-bar')).toBeVisible();
    await openProspect(b, appB, '将被甲删除');
    await b.locator('#f-stage').selectOption('signed');
    await expect(b.getByTestId('prospect-detail')).toBeVisible();

    for (const page of [a, b]) await page.reload();
    const now = await storedJson(a);
    const z = now.zones.find((x) => x.id === 'changzhi-htz');
    expect(z.factory.available_m2).toBe(30000); // A's field
    expect(z.as_of).toBe('2026-11'); // B's field
    expect(z.land_available_mu).toBe(200); // both changed it: the later save
    const kept = now.prospects.find((p) => p.name === '将被甲删除');
    expect(kept && kept.stage).toBe('signed'); // B's edit beat A's delete
    // A's losing value is set aside, downloadable from the Data screen.
    const aside = await a.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('zonematch.setaside.')).map((k) => JSON.parse(localStorage.getItem(k))),
    );
    expect(aside.map((x) => [x.id, x.record.land_available_mu])).toEqual([['changzhi-htz', 100]]);
    await a.bringToFront();
    await appA.nav('数据');
    await expect(a.getByTestId('quarantine-list')).toContainText('zonematch.setaside.');
  });

  test('the compressed stored format (above 1 MB) saves and loads in the browser', async ({ page }, testInfo) => {
    const app = new ZoneMatchApp(page, testInfo);
    await app.open();
    const download = await app.exportData('数据');
    const base = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    const zones = [];
    for (let i = 0; zones.length < 700; i++) {
      for (const z of base.zones) zones.push({ ...z, id: `${z.id}-copy-${i}`, catalogue_code: '', name: { zh: `${z.name.zh}${i}`, en: `${z.name.en} ${i}` } });
    }
    const big = { ...base, zones };
    const file = testInfo.outputPath('big.json');
    fs.writeFileSync(file, JSON.stringify(big));
    expect(fs.statSync(file).size).toBeGreaterThan(1_000_000);
    await app.importFile('数据', file);
    const raw = await stored(page);
    expect(raw.startsWith('ZMZ1:')).toBe(true);
    await page.reload();
    await app.nav('数据');
    await expect(page.getByTestId('data-counts')).toContainText(`${7 + zones.length} 个园区`);
    await expect(page.locator('[data-testid=storage-banner]')).toHaveCount(0);
    await app.captureProspect('登记企业', { name: '压缩之后登记', industry: '动力电池' });
    await page.reload();
    expect(await prospectNames(page, app)).toEqual(['压缩之后登记']);
    expect((await stored(page)).startsWith('ZMZ1:')).toBe(true);
  });

  test('every bad file in the corpus, picked in the app, is refused and changes nothing, also after a reload', async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    const app = new ZoneMatchApp(page, testInfo);
    await app.open();
    await app.captureProspect('登记企业', { name: '已登记的企业', industry: '动力电池' });
    const before = await stored(page);
    const corpus = path.join(__dirname, '..', 'bad_inputs');
    let checked = 0;
    for (const [dir, input] of [['json', 'import-data'], ['csv', 'import-csv']]) {
      for (const name of fs.readdirSync(path.join(corpus, dir)).sort()) {
        // A fresh Data screen per file, so each result is this file's.
        await app.nav('园区');
        await app.nav('数据');
        await page.getByTestId(input).setInputFiles(path.join(corpus, dir, name));
        const result = page.getByTestId('import-result');
        // A table that reads goes through the mapping step; its rows are checked there.
        const step = page.getByTestId('mapping-step');
        await expect(result.or(step).first(), name).toBeVisible();
        if (await step.isVisible()) await app.press(page.getByTestId('mapping-preview'));
        await expect(result, name).toContainText('导入失败');
        await expect(page.getByTestId('import-preview'), name).toHaveCount(0);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(120);
    expect(await stored(page)).toBe(before);
    await page.reload();
    expect(await stored(page)).toBe(before);
    expect(await prospectNames(page, app)).toEqual(['已登记的企业']);
  });
});
