// Fair day and investor journeys: screens at their own URLs, the brief, compare, the
// pipeline and its monthly report, visitor mode.
const { test, expect } = require('@playwright/test');
const path = require('node:path');
const fs = require('node:fs');
const { ZoneMatchApp } = require('./app');

const PIPELINE = path.join(__dirname, 'fixtures', 'pipeline.json');

/** The path and query of the page's URL. */
function where(page) {
  const u = new URL(page.url());
  return u.pathname + u.search;
}

test('back and forward move between five screens and never leave the app', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  const origin = new URL(page.url()).origin;
  await app.openZone('gaoping-etdz');
  await expect.poll(() => where(page)).toBe('/zones/gaoping-etdz');
  await app.nav('登记企业');
  await expect(page.getByTestId('prospect-form')).toBeVisible();
  await app.nav('意向企业');
  await expect(page.locator('h2', { hasText: '意向企业' })).toBeVisible();
  await app.nav('数据');
  await expect.poll(() => where(page)).toBe('/data');

  await page.goBack();
  await expect.poll(() => where(page)).toBe('/prospects');
  await expect(page.locator('h2', { hasText: '意向企业' })).toBeVisible();
  await page.goBack();
  await expect.poll(() => where(page)).toBe('/capture');
  await expect(page.getByTestId('prospect-form')).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('zone-detail')).toHaveAttribute('data-zone-id', 'gaoping-etdz');
  await page.goBack();
  await expect(app.zoneCards()).toHaveCount(7);
  expect(new URL(page.url()).origin).toBe(origin);

  await page.goForward();
  await expect(page.getByTestId('zone-detail')).toHaveAttribute('data-zone-id', 'gaoping-etdz');
  await page.goForward();
  await expect(page.getByTestId('prospect-form')).toBeVisible();
  // The in-app back button goes back within the app too.
  await app.openZone('changzhi-htz');
  await app.press(page.locator('[data-testid=zone-detail] button', { hasText: '返回' }));
  await expect(app.zoneCards()).toHaveCount(7);
  expect(new URL(page.url()).origin).toBe(origin);
});

test('a reload stays on each screen', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  await app.captureProspect('登记企业', { name: '刷新测试企业', industry: '动力电池', investment: '6亿' });
  const prospectPath = where(page);
  expect(prospectPath).toMatch(/^\/prospects\/p-/);
  const screens = [
    ['/', () => expect(app.zoneCards()).toHaveCount(7)],
    ['/zones/wutai-agri', () => expect(page.getByTestId('zone-detail')).toHaveAttribute('data-zone-id', 'wutai-agri')],
    ['/zones/wutai-agri/edit', () => expect(page.getByTestId('zone-form')).toBeVisible()],
    ['/capture', () => expect(page.getByTestId('prospect-form')).toBeVisible()],
    ['/prospects', () => expect(page.getByTestId('prospect-row')).toHaveCount(1)],
    [prospectPath, () => expect(page.getByTestId('prospect-name')).toHaveText('刷新测试企业')],
    [prospectPath + '/brief', () => expect(page.getByTestId('brief-zone').first()).toBeVisible()],
    ['/compare?zones=gaoping-etdz,changzhi-htz', () => expect(page.getByTestId('compare-table')).toBeVisible()],
    ['/report', () => expect(page.getByTestId('report-table')).toBeVisible()],
    ['/data', () => expect(page.getByTestId('export-data')).toBeVisible()],
  ];
  for (const [target, check] of screens) {
    await page.goto(target);
    await check();
    await page.reload();
    await expect.poll(() => where(page)).toBe(target);
    await check();
  }
});

test('an unknown zone, prospect or path says not found, with a way back', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  for (const target of ['/zones/no-such-zone', '/prospects/no-such-prospect', '/prospects/nope/brief', '/zones/nope/edit', '/nowhere']) {
    await page.goto(target);
    await expect(page.getByTestId('not-found')).toBeVisible();
    await expect(page.getByTestId('not-found')).toContainText('找不到');
  }
  await app.press(page.getByTestId('not-found').locator('a', { hasText: '园区' }));
  await expect(app.zoneCards()).toHaveCount(7);
});

test('the zone list keeps its search and filters in the URL', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  await page.getByTestId('zone-search').fill('电池');
  await expect(page).toHaveURL(/\?q=%E7%94%B5%E6%B1%A0$/);
  const shown = await app.zoneCards().count();
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(7);
  await page.getByTestId('zone-kind-filter').selectOption('economic_technological');
  await expect(page).toHaveURL(/kind=economic_technological/);
  await page.reload();
  await expect(page.getByTestId('zone-search')).toHaveValue('电池');
  for (const kind of await app.zoneCards().locator('.badge').allTextContents()) expect(kind).toBe('经开区');
  // Into a zone and back: the same filtered list.
  const first = await app.zoneCards().first().getAttribute('data-zone-id');
  await app.openZone(first);
  await page.goBack();
  await expect(page.getByTestId('zone-search')).toHaveValue('电池');
});

test('capture to brief: the brief in either language, one A4 page, with the zone contact as a QR code', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  await app.importFile('数据', PIPELINE);
  await app.captureProspect('登记企业', {
    name: '某动力电池公司',
    code_name: '远山',
    industry: '21700圆柱动力电池',
    investment: '6亿',
    factory: '2万平米',
  });
  await app.press(page.getByTestId('open-brief'));
  const brief = page.getByTestId('brief');
  await expect(page.getByTestId('brief-zone')).toHaveCount(3);
  await expect(brief).toContainText('投资简报');
  await expect(brief).toContainText('某动力电池公司');
  await expect(brief).toContainText('需要厂房 20,000 m²');
  // The zone with a published contact carries it as a QR code (a vCard).
  const withContact = page.locator('[data-testid=brief-zone][data-zone-id=test-battery-park]');
  await expect(withContact).toContainText('李主任');
  const qrPath = await withContact.locator('[data-testid=contact-qr] path').getAttribute('d');
  expect(qrPath.split('M').length).toBeGreaterThan(100);
  // The demo profiles are from 2023: marked as possibly out of date.
  await expect(page.locator('[data-testid=brief-zone][data-zone-id=gaoping-etdz] [data-testid=as-of]')).toHaveAttribute('data-stale', 'true');
  await expect(withContact.getByTestId('as-of')).toHaveAttribute('data-stale', 'false');

  // English for the visitor, while the app stays in Chinese for the recruiter.
  await app.press(page.getByTestId('brief-en'));
  await expect(brief).toContainText('Investment brief');
  await expect(brief).toContainText('Test Battery Park');
  await expect(brief).not.toContainText('投资简报');
  await expect(page.locator('nav.tabs')).toContainText('园区');
  await expect.poll(() => where(page)).toMatch(/\/brief\?lang=en$/);

  // Printed: one A4 page, nothing cut at the right edge. In print media at the A4 page's
  // printable width (210 mm less 2 × 12 mm margins = 703 CSS px), no element reaches past it.
  const size = page.viewportSize();
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 703, height: 1032 });
  const overflow = await page.evaluate(() =>
    [...document.querySelectorAll('[data-testid=brief] *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5 || e.scrollWidth > e.clientWidth + 1)
      .map((e) => e.tagName + '.' + e.className),
  );
  expect(overflow).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(703);
  await page.setViewportSize(size);
  await page.emulateMedia({ media: null });
  for (const lang of ['en', 'zh']) {
    await app.press(page.getByTestId(`brief-${lang}`));
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) || []).length;
    expect(pages, `the ${lang} brief prints on one page`).toBe(1);
  }
});

test('share falls back to the clipboard where the browser cannot share', async ({ page }, testInfo) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'share', { value: undefined, configurable: true });
    window.__copied = null;
    Object.defineProperty(Navigator.prototype, 'clipboard', {
      configurable: true,
      get: () => ({ writeText: async (t) => { window.__copied = t; } }),
    });
  });
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  await app.captureProspect('登记企业', { name: '分享测试企业', industry: '食醋加工' });
  await app.press(page.getByTestId('open-brief'));
  await app.press(page.getByTestId('brief-share'));
  await expect(page.getByTestId('brief-status')).toHaveText('已复制到剪贴板');
  const copied = await page.evaluate(() => window.__copied);
  expect(copied).toContain('分享测试企业');
  expect(copied).toContain('五台现代农业产业示范区');
});

test('three zones compared side by side, in both languages', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  for (const id of ['changzhi-htz', 'gaoping-etdz', 'yuncheng-etdz']) {
    await app.press(page.locator(`[data-testid=zone-card][data-zone-id="${id}"] [data-testid=pick-compare]`));
  }
  await expect(page.getByTestId('compare-bar')).toContainText('3/4');
  await app.press(page.getByTestId('open-compare'));
  await expect.poll(() => where(page)).toBe('/compare?zones=changzhi-htz,gaoping-etdz,yuncheng-etdz');
  const table = page.getByTestId('compare-table');
  await expect(table.locator('thead th')).toHaveCount(3);
  await expect(table.locator('tr[data-row=kind]')).toHaveAttribute('data-differs', 'true');
  await expect(table.locator('tr[data-row=clusters]')).toContainText('光伏光电');
  // Nothing is published about contacts of any of them: the row is left out.
  await expect(table.locator('tr[data-row=contacts]')).toHaveCount(0);
  await expect(table.locator('tr[data-row=as_of]')).toContainText('可能已过时');
  await app.switchLanguage();
  await expect(table.locator('thead')).toContainText('Changzhi');
  await expect(table.locator('tr[data-row=clusters] th')).toHaveText('Industrial clusters');

  // From a prospect's ranking: its top three, with the fit and the incentives that apply.
  await app.switchLanguage();
  await app.captureProspect('登记企业', { name: '对比测试企业', industry: '集成电路封测', investment: '2亿', factory: '20000' });
  await app.press(page.getByTestId('compare-top'));
  await expect(table.locator('thead th')).toHaveCount(3);
  await expect(table.locator('tr[data-row=fit]')).toBeVisible();
});

test('stage history, paused and lost, and the monthly report on a known dataset', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  await app.importFile('数据', PIPELINE);
  await app.nav('意向企业');
  await expect(page.locator('[data-testid=stage-group][data-stage=signed]')).toContainText('(1)');

  // The report for October 2026, all zones: 三个一批 this month and year to date.
  await page.goto('/report?month=2026-10');
  const row = (r) => page.locator(`[data-testid=report-table] tr[data-row=${r}]`);
  await expect(row('signed').getByTestId('month-count')).toHaveText('1');
  await expect(row('signed').getByTestId('month-investment')).toHaveText('6亿元');
  await expect(row('started').getByTestId('month-count')).toHaveText('1');
  await expect(row('started').getByTestId('month-investment')).toHaveText('2亿元');
  await expect(row('operating').getByTestId('month-count')).toHaveText('0');
  await expect(row('signed').getByTestId('year-count')).toHaveText('3');
  await expect(row('signed').getByTestId('year-investment')).toHaveText('8.5亿元');
  await expect(row('started').getByTestId('year-count')).toHaveText('2');
  await expect(row('operating').getByTestId('year-count')).toHaveText('1');
  await expect(row('operating').getByTestId('year-investment')).toHaveText('5,000万元');
  await expect(row('negotiating').getByTestId('month-count')).toHaveText('1');
  await expect(row('negotiating').getByTestId('month-investment')).toHaveText('8,500万元');
  await expect(page.locator('[data-testid=report-chart] g[data-month="2026-10"]')).toHaveAttribute('data-counts', '1,1,0');
  await expect(page.locator('[data-testid=report-chart] g[data-month="2026-03"]')).toHaveAttribute('data-counts', '0,0,1');
  await expect(page.locator('[data-testid=report-chart] g')).toHaveCount(12);
  const [download] = await Promise.all([page.waitForEvent('download'), app.press(page.getByTestId('export-report'))]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('60000');

  // One tap moves a prospect forward and records the day; paused / lost keep a reason.
  await app.nav('意向企业');
  const talks = page.locator('[data-testid=prospect-row][data-prospect-id=p-talks]');
  await app.press(talks.getByTestId('advance-stage'));
  await expect(page.locator('[data-testid=prospect-row][data-prospect-id=p-talks]')).toHaveAttribute('data-stage', 'signed');
  await app.press(page.locator('[data-testid=prospect-row][data-prospect-id=p-talks] button.row-main'));
  const today = await page.evaluate(() => new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10));
  const history = page.getByTestId('stage-history');
  await expect(history.locator('li[data-stage=negotiating]')).toHaveAttribute('data-date', '2026-10-01');
  await expect(history.locator('li[data-stage=signed]')).toHaveAttribute('data-date', today);
  await page.getByTestId('standing-reason').fill('选址改到外省');
  await app.press(page.getByTestId('mark-lost'));
  await expect(page.getByTestId('standing')).toContainText('流失: 选址改到外省');
  await page.reload();
  await expect(page.getByTestId('standing')).toContainText('选址改到外省');
  // The ledger carries the best zone and real local dates.
  const [ledger] = await Promise.all([page.waitForEvent('download'), (async () => {
    await app.nav('数据');
    await app.press(page.getByTestId('export-prospects-csv'));
  })()]);
  const text = fs.readFileSync(await ledger.path(), 'utf8');
  expect(text).toContain('最佳匹配园区');
  expect(text).toMatch(/2026-10-05/);
});

test('visitor mode shows only code names and hides notes and the pipeline until switched off', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  await app.importFile('数据', PIPELINE);
  // The recruiter opens the visitor's prospect (paused, with a reason), then turns the tablet.
  await page.goto('/prospects/p-signed');
  await page.getByTestId('standing-reason').fill('等待董事会决议');
  await app.press(page.getByTestId('mark-paused'));
  await expect(page.getByTestId('standing')).toContainText('等待董事会决议');
  await app.press(page.getByTestId('visitor-switch'));
  await expect(page.locator('nav.tabs a')).toHaveCount(2);
  await expect(page.getByTestId('prospect-name')).toHaveText('蓝鲸');
  await expect(page.getByTestId('standing')).not.toContainText('等待董事会决议');
  await page.reload();
  await expect(page.getByTestId('prospect-name')).toHaveText('蓝鲸');
  await expect(page.getByTestId('prospect-detail')).not.toContainText('甲电池有限公司');
  await expect(page.getByTestId('prospect-detail')).not.toContainText('13800000000');
  await page.goto('/prospects/p-signed/brief');
  await expect(page.getByTestId('brief-prospect')).toContainText('蓝鲸');
  await expect(page.getByTestId('brief')).not.toContainText('甲电池');
  await page.goto('/prospects');
  await expect(page.getByTestId('hidden-for-visitors')).toBeVisible();
  await expect(page.getByTestId('prospect-row')).toHaveCount(0);
  // Another prospect, by link or the back gesture: hidden too.
  await page.goto('/prospects/p-talks');
  await expect(page.getByTestId('hidden-for-visitors')).toBeVisible();
  await page.goto('/prospects/p-talks/brief');
  await expect(page.getByTestId('hidden-for-visitors')).toBeVisible();
  // Still on after a reload; off only when the recruiter confirms.
  await page.goto('/prospects/p-signed');
  await expect(page.getByTestId('prospect-name')).toHaveText('蓝鲸');
  page.once('dialog', (d) => d.dismiss());
  await app.press(page.getByTestId('visitor-switch'));
  await expect(page.getByTestId('prospect-name')).toHaveText('蓝鲸');
  page.once('dialog', (d) => d.accept());
  await app.press(page.getByTestId('visitor-switch'));
  await expect(page.getByTestId('prospect-name')).toHaveText('甲电池有限公司 (蓝鲸)');
  await expect(page.getByTestId('prospect-notes')).toContainText('13800000000');
});

test('a new visitor starts from an empty form after the last one is saved or discarded', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  await app.nav('登记企业');
  await app.fillProspect({ name: '第一位访客', industry: '光伏组件' });
  await app.press(page.getByTestId('new-visitor'));
  await app.press(page.getByTestId('new-visitor-save'));
  await expect(page.locator('[name=name]')).toHaveValue('');
  await app.fillProspect({ name: '第二位访客', industry: '食醋' });
  await app.press(page.getByTestId('new-visitor'));
  await app.press(page.getByTestId('new-visitor-discard'));
  await expect(page.locator('[name=industry]')).toHaveValue('');
  await app.nav('意向企业');
  await expect(page.getByTestId('prospect-row')).toHaveCount(1);
  await expect(page.getByTestId('prospect-row')).toContainText('第一位访客');
  // Saving with neither name nor industry: the first field needing attention is focused.
  await app.nav('登记企业');
  await app.press(page.getByTestId('save-prospect'));
  await expect(page.locator('[name=name]')).toBeFocused();
  await app.fillProspect({ industry: '食醋' });
  await expect(page.locator('.field.invalid')).toHaveCount(0);
});

test('the capture screen fits the tablet both ways, and the top bar stays one row', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'tablet', 'tablet layouts');
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  for (const lang of ['zh', 'en']) {
    const bar = await page.locator('header.topbar').boundingBox();
    expect(bar.height, `top bar in ${lang}`).toBeLessThan(64);
    if (lang === 'zh') await app.switchLanguage();
  }
  await app.switchLanguage();
  await app.nav('登记企业');
  await app.fillProspect({ industry: '动力电池', notes: '备注' });
  const inView = (locator) => locator.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  // Landscape: the save button is on screen, also with the on-screen keyboard up (the
  // visible viewport shrinks to about half), while the last field has the focus.
  expect(await inView(page.getByTestId('save-prospect'))).toBe(true);
  await page.setViewportSize({ width: 1024, height: 400 });
  await page.locator('[name=notes]').focus();
  expect(await inView(page.getByTestId('save-prospect'))).toBe(true);
  // Portrait: the top three matches stay on screen while typing further down the form.
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.locator('[name=origin]').focus();
  await page.locator('[name=origin]').scrollIntoViewIfNeeded();
  const rows = app.matchRows();
  for (let i = 0; i < 3; i++) expect(await inView(rows.nth(i)), `match ${i + 1} in view`).toBe(true);
  await expect(rows.nth(3)).toBeHidden();
});
