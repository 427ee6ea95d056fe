// Accessibility: axe-core on every screen, in both languages. No serious or critical
// violations (WCAG 2 A/AA rules).
const { test, expect } = require('@playwright/test');
const path = require('node:path');
const AxeBuilder = require('@axe-core/playwright').default;
const { ZoneMatchApp } = require('./app');

async function seriousViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

test('no serious or critical accessibility violations on any screen', async ({ page }, testInfo) => {
  test.slow();
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  await app.importFile('数据', path.join(__dirname, 'fixtures', 'pipeline.json'));
  const screens = [
    ['/', () => expect(app.zoneCards().first()).toBeVisible()],
    ['/zones/changzhi-htz', () => expect(page.getByTestId('zone-detail')).toBeVisible()],
    ['/zones/changzhi-htz/edit', () => expect(page.getByTestId('zone-form')).toBeVisible()],
    ['/capture', () => expect(page.getByTestId('prospect-form')).toBeVisible()],
    ['/prospects', () => expect(page.getByTestId('prospect-row').first()).toBeVisible()],
    ['/prospects/p-signed', () => expect(page.getByTestId('prospect-detail')).toBeVisible()],
    ['/prospects/p-signed/brief', () => expect(page.getByTestId('brief')).toBeVisible()],
    ['/compare?zones=changzhi-htz,gaoping-etdz,test-battery-park', () => expect(page.getByTestId('compare-table')).toBeVisible()],
    ['/report?month=2026-10', () => expect(page.getByTestId('report-table')).toBeVisible()],
    ['/data', () => expect(page.getByTestId('export-data')).toBeVisible()],
    ['/nowhere', () => expect(page.getByTestId('not-found')).toBeVisible()],
  ];
  const found = [];
  for (const lang of ['zh', 'en']) {
    for (const [target, ready] of screens) {
      await page.goto(target);
      await ready();
      if (target === '/capture') await app.fillProspect({ industry: '动力电池', factory: '2万多' });
      for (const v of await seriousViolations(page)) found.push(`${lang} ${target}: ${v}`);
    }
    if (lang === 'zh') await app.switchLanguage();
  }
  expect(found).toEqual([]);
});
