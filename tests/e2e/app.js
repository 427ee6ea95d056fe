// Page object for ZoneMatch: the user actions the specs are written in.
const { expect } = require('@playwright/test');

const ARTICLE_ZONES = [
  'changzhi-htz',
  'gaoping-etdz',
  'lingchuan-demo',
  'wutai-agri',
  'linfen-edz',
  'yuncheng-etdz',
];

class ZoneMatchApp {
  constructor(page, testInfo) {
    this.page = page;
    this.touch = Boolean(testInfo && testInfo.project.use.hasTouch);
  }

  /** Tap on touch devices, click elsewhere. */
  async press(locator) {
    if (this.touch) await locator.tap();
    else await locator.click();
  }

  async open() {
    await this.page.goto('/');
    await expect(this.page.getByTestId('zone-card').first()).toBeVisible();
  }

  async nav(label) {
    await this.press(this.page.locator('nav.tabs a', { hasText: label }));
  }

  /** Cards of zones with profiles (the national catalogue's entries are listed after them). */
  zoneCards() {
    return this.page.locator('[data-testid=zone-card][data-reference=false]');
  }

  /** Every card shown: profiles and catalogue entries. */
  allZoneCards() {
    return this.page.getByTestId('zone-card');
  }

  /** The zone list, from whichever screen is shown (its tab links to the site's root). */
  async home() {
    await this.press(this.page.locator('nav.tabs a[href="/"]'));
    await expect(this.zoneCards().first()).toBeVisible();
  }

  async openZone(id) {
    if (!(await this.zoneCards().first().isVisible())) await this.home();
    await this.press(this.page.locator(`[data-testid=zone-card][data-zone-id="${id}"] button`));
    await expect(this.page.getByTestId('zone-detail')).toHaveAttribute('data-zone-id', id);
  }

  /** Fill the capture form (field name → text) without saving. */
  async fillProspect(fields) {
    const form = this.page.getByTestId('prospect-form');
    await expect(form).toBeVisible();
    for (const [name, value] of Object.entries(fields)) {
      await form.locator(`[name="${name}"]`).fill(value);
    }
  }

  async captureProspect(navLabel, fields) {
    await this.nav(navLabel);
    await this.fillProspect(fields);
    await this.press(this.page.getByTestId('save-prospect'));
    await expect(this.page.getByTestId('prospect-detail')).toBeVisible();
  }

  matchRows() {
    return this.page.getByTestId('match-row');
  }

  /** [{zoneId, score}] of the ranked list shown. */
  async ranking() {
    return this.matchRows().evaluateAll((rows) =>
      rows.map((r) => ({ zoneId: r.dataset.zoneId, score: Number(r.dataset.score) })),
    );
  }

  async switchLanguage() {
    await this.press(this.page.getByTestId('lang-switch'));
  }

  async exportData(navLabel) {
    await this.nav(navLabel);
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.press(this.page.getByTestId('export-data')),
    ]);
    return download;
  }

  /** Pick a file; when it is valid, check the preview and confirm it. */
  async importFile(navLabel, file) {
    await this.nav(navLabel);
    await this.page.getByTestId('import-data').setInputFiles(file);
    const preview = this.page.getByTestId('import-preview');
    const result = this.page.getByTestId('import-result');
    await expect(preview.or(result)).toBeVisible();
    if (await preview.isVisible()) {
      await this.press(this.page.getByTestId('confirm-import'));
    }
    await expect(result).toBeVisible();
  }
}

/** Wait until the service worker is active, controls the page, and sw-register.js ran. */
async function waitForServiceWorker(page) {
  await page.waitForFunction(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return Boolean(reg && reg.active && navigator.serviceWorker.controller && window.__zonematchSwReady);
  }, null, { timeout: 15_000 });
}

/** Run `fn(arg)` in the page before the app starts, on the first load only. */
async function beforeFirstLoad(page, fn, arg) {
  await page.addInitScript(
    ({ src, arg }) => {
      if (sessionStorage.getItem('__injected')) return;
      sessionStorage.setItem('__injected', '1');
      // eslint-disable-next-line no-new-func
      new Function('arg', src)(arg);
    },
    { src: `(${fn.toString()})(arg)`, arg },
  );
}

/** From now on, writing the dataset to localStorage fails with a full quota (this page only). */
async function failDataWrites(page, on) {
  await page.evaluate((on) => {
    if (!window.__realSetItem) window.__realSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = on
      ? function (k, v) {
          if (this === window.localStorage && k === 'zonematch.data') {
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          }
          return window.__realSetItem.call(this, k, v);
        }
      : window.__realSetItem;
  }, on);
}

module.exports = { ZoneMatchApp, ARTICLE_ZONES, waitForServiceWorker, beforeFirstLoad, failDataWrites };
