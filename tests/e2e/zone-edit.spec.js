const { test, expect } = require('@playwright/test');
const { ZoneMatchApp } = require('./app');

/** This month in Beijing time, `YYYY-MM`: what an edit dates a profile. */
function beijingMonth() {
  return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 7);
}

/** Fill one row's fields (field name → text). */
async function fillRow(row, fields) {
  for (const [name, value] of Object.entries(fields)) {
    await row.locator(`[name="${name}"]`).fill(value);
  }
}

test('a new zone can be added, is matched, and is kept after reload', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  await app.press(page.locator('button', { hasText: '新增园区' }));
  const form = page.getByTestId('zone-form');
  await form.locator('[name=name_zh]').fill('测试储能产业园');
  await form.locator('[name=name_en]').fill('Test Energy Storage Park');
  await app.press(form.getByTestId('add-cluster'));
  const cluster = form.getByTestId('cluster-row').last();
  await fillRow(cluster, { cluster_name_zh: '储能', cluster_name_en: 'Energy storage' });
  await fillRow(cluster.getByTestId('link-row').last(), { link_name_zh: '储能电池' });
  await app.press(cluster.getByTestId('add-link'));
  await fillRow(cluster.getByTestId('link-row').last(), { link_name_zh: '储能变流器' });
  await form.locator('[name=available_m2]').fill('80000');
  await app.press(page.getByTestId('save-zone'));
  await expect(page.getByTestId('zone-detail')).toContainText('测试储能产业园');
  await expect(page.getByTestId('zone-detail')).toContainText('80,000 m²');
  await expect(page.getByTestId('zone-detail').locator('.link-item')).toHaveCount(2);

  await page.reload();
  // A reload stays on the screen it was on.
  await expect(page.getByTestId('zone-detail')).toContainText('测试储能产业园');
  await app.home();
  await page.getByTestId('zone-search').fill('测试储能产业园');
  await expect(app.zoneCards()).toHaveCount(1);
  await expect(app.zoneCards()).toContainText('可用厂房: 80,000 m²');
  await app.captureProspect('登记企业', { name: '储能企业', industry: '储能电池', factory: '10000' });
  const top = app.matchRows().first();
  await expect(top).toContainText('测试储能产业园');
  await expect(top).toContainText('可用 80,000 m²');
});

test('an invalid edit shows errors and keeps the stored profile', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  await app.openZone('changzhi-htz');
  await app.press(page.getByTestId('edit-zone'));
  const form = page.getByTestId('zone-form');
  await form.locator('[name=occupancy_pct]').fill('150');
  // An incentive whose amount cannot be read, and an unknown industry code.
  await app.press(form.getByTestId('add-incentive'));
  await fillRow(form.getByTestId('incentive-row').last(), { incentive_name_zh: '设备补贴', incentive_max: '很多' });
  await fillRow(form.getByTestId('link-row').first(), { codes: '9999x' });
  await app.press(page.getByTestId('save-zone'));
  await expect(form).toContainText('使用率应在 0 到 100 之间');
  await expect(form.getByTestId('incentive-row').last()).toContainText('请输入数量');
  await expect(form.getByTestId('link-row').first()).toContainText('未知的行业代码“9999x”');
  await expect(form).toContainText('未保存任何内容');
  await page.reload();
  await app.openZone('changzhi-htz');
  const detail = page.getByTestId('zone-detail');
  await expect(detail).toContainText('95%');
  await expect(detail).not.toContainText('设备补贴');
  await expect(detail.getByTestId('as-of').first()).toContainText('2023-08');
});

for (const viewport of [null, { width: 768, height: 1024 }]) {
  test.describe(viewport ? `at ${viewport.width}×${viewport.height}` : 'at the project viewport', () => {
    if (viewport) test.use({ viewport });

    test('the chain map takes a wanted link with its stage and English name, and free space as stated', async ({ page }, testInfo) => {
      const app = new ZoneMatchApp(page, testInfo);
      await app.open();
      await app.openZone('changzhi-htz');
      // Before: free space is only estimated from built space and occupancy.
      await expect(page.getByTestId('zone-detail')).toContainText('≈ 60,000 m²');
      await app.press(page.getByTestId('edit-zone'));
      const form = page.getByTestId('zone-form');
      const cluster = form.getByTestId('cluster-row').first();
      const before = await cluster.getByTestId('link-row').count();
      await app.press(cluster.getByTestId('add-link'));
      const link = cluster.getByTestId('link-row').nth(before);
      await fillRow(link, { link_name_zh: '储能电池PACK', link_name_en: 'Energy-storage battery packs' });
      await link.locator('[name=link_stage]').selectOption('downstream');
      await link.locator('[name=link_status]').selectOption('wanted');
      // A taxonomy code is suggested from the name, with its name; it can be taken.
      await expect(link.getByTestId('code-suggestion')).toContainText('电池');
      await app.press(link.getByTestId('accept-code'));
      await expect(link.locator('[name=codes]')).toHaveValue(/^384/);
      await expect(link.getByTestId('code-suggestion')).toHaveCount(0);
      await form.locator('[name=available_m2]').fill('2万平米');
      await expect(form.getByTestId('reading-available_m2')).toHaveText('= 20,000 m²');
      await expect(form.locator('[name=as_of]')).toHaveValue(beijingMonth());

      // Every control is a touch target of at least 44 px, and nothing scrolls sideways.
      const small = await form.locator('button, select, input[type=text], textarea, label.check').evaluateAll((els) =>
        els
          .filter((e) => e.offsetParent !== null)
          .map((e) => ({ e, r: e.getBoundingClientRect() }))
          .filter(({ e, r }) => r.height < 44 || (e.tagName === 'BUTTON' && r.width < 44))
          .map(({ e, r }) => `${e.tagName} ${e.getAttribute('name') || e.textContent.trim()} ${r.width}×${r.height}`),
      );
      expect(small).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

      await app.press(page.getByTestId('save-zone'));
      const detail = page.getByTestId('zone-detail');
      await expect(detail).toHaveAttribute('data-zone-id', 'changzhi-htz');
      const added = detail.locator('.link-item', { hasText: '储能电池PACK' });
      await expect(added).toHaveClass(/wanted/);
      await expect(added).toContainText('下游 · 招引中');
      await expect(detail.locator('.fact', { hasText: '可用厂房' })).toContainText('20,000 m²');
      await expect(detail.locator('.fact', { hasText: '可用厂房' })).not.toContainText('≈');
      await expect(detail.getByTestId('as-of').first()).toContainText(beijingMonth());
      await expect(detail.getByTestId('as-of').first()).toHaveAttribute('data-stale', 'false');
      await expect(detail.locator('.source')).toContainText('本机编辑 / edited on this device');

      // The list follows at once, and the English screens read the same facts.
      await app.home();
      const card = page.locator('[data-testid=zone-card][data-zone-id="changzhi-htz"]');
      await expect(card).toContainText('可用厂房: 20,000 m²');
      await expect(card.getByTestId('as-of')).toContainText(beijingMonth());
      await app.switchLanguage();
      await app.openZone('changzhi-htz');
      const en = detail.locator('.link-item', { hasText: 'Energy-storage battery packs' });
      await expect(en).toContainText('downstream · wanted');

      // Kept after a reload.
      await page.reload();
      await expect(detail.locator('.link-item', { hasText: 'Energy-storage battery packs' })).toHaveClass(/wanted/);
    });
  });
}

test('a link typed with （招商） after its name is saved as wanted under its own name', async ({ page }, testInfo) => {
  const app = new ZoneMatchApp(page, testInfo);
  await app.open();
  await app.openZone('gaoping-etdz');
  await app.press(page.getByTestId('edit-zone'));
  const form = page.getByTestId('zone-form');
  const cluster = form.getByTestId('cluster-row').first();
  await app.press(cluster.getByTestId('add-link'));
  const link = cluster.getByTestId('link-row').last();
  const name = link.locator('[name=link_name_zh]');
  await name.fill('储能电池PACK（招商）');
  await name.blur();
  await expect(name).toHaveValue('储能电池PACK');
  await expect(link.locator('[name=link_status]')).toHaveValue('wanted');
  // Removing a link takes it out of the form.
  await app.press(cluster.getByTestId('add-link'));
  const links = await cluster.getByTestId('link-row').count();
  await app.press(cluster.getByTestId('link-row').last().getByTestId('remove-link'));
  await expect(cluster.getByTestId('link-row')).toHaveCount(links - 1);
  await app.press(page.getByTestId('save-zone'));
  const added = page.getByTestId('zone-detail').locator('.link-item', { hasText: '储能电池PACK' });
  await expect(added).toHaveClass(/wanted/);
  await expect(added).not.toContainText('招商');
});
