// Team sync (issue 12): two tablets (two browser contexts) and a CouchDB-protocol server
// (pouchdb-server from tools/sync-server, started here on 127.0.0.1, in memory).
const { test, expect } = require('@playwright/test');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { ZoneMatchApp, beforeFirstLoad, failDataWrites } = require('./app');

const SERVER_BIN = path.join(__dirname, '..', '..', 'tools', 'sync-server', 'node_modules', '.bin', 'pouchdb-server');
const ADMIN = { user: 'anna', password: 's3cret' };

/** Start pouchdb-server on `port` with a team database `team` and an admin user. */
async function startCouch(port) {
  // pouchdb-server keeps its config.json (the admins) and log.txt in its working folder:
  // a fresh one per server.
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'zonematch-couch-'));
  const child = spawn(SERVER_BIN, ['--in-memory', '--host', '127.0.0.1', '--port', String(port)], {
    cwd,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('pouchdb-server did not start in 30 s')), 30_000);
    child.stdout.on('data', (d) => {
      if (String(d).includes('has started')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`pouchdb-server exited ${code}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const auth = 'Basic ' + Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64');
  let r = await fetch(`${base}/_config/admins/${ADMIN.user}`, { method: 'PUT', body: JSON.stringify(ADMIN.password) });
  expect(r.ok).toBe(true);
  r = await fetch(`${base}/team`, { method: 'PUT', headers: { authorization: auth } });
  expect(r.ok).toBe(true);
  const team = (suffix, init = {}) =>
    fetch(`${base}/team${suffix}`, {
      ...init,
      headers: { authorization: auth, 'content-type': 'application/json', ...(init.headers || {}) },
    });
  return {
    url: `${base}/team`,
    /** One document as the server holds it (its current version). */
    get: async (id) => (await team(`/${encodeURIComponent(id)}`)).json(),
    /** Write documents as another device or the office would (`_bulk_docs`). */
    bulk: async (docs) => {
      const r = await team('/_bulk_docs', { method: 'POST', body: JSON.stringify({ docs }) });
      expect(r.ok).toBe(true);
      const results = await r.json();
      for (const x of results) expect(x.error).toBeUndefined();
      return results;
    },
    /** The team database's documents, as the server holds them. */
    docs: async () => {
      const res = await fetch(`${base}/team/_all_docs?include_docs=true&conflicts=true`, { headers: { authorization: auth } });
      return (await res.json()).rows.map((row) => row.doc);
    },
    stop: () =>
      new Promise((resolve) => {
        const done = () => {
          fs.rmSync(cwd, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.on('exit', done);
        child.kill();
      }),
  };
}

/** A tablet: its own browser context (own storage), the app open (after `prepare(page)`). */
async function tablet(browser, testInfo, prepare = async () => {}) {
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    viewport: { width: 1024, height: 768 },
    hasTouch: true,
    isMobile: true,
  });
  const page = await context.newPage();
  await prepare(page);
  const app = new ZoneMatchApp(page, { project: { use: { hasTouch: true } } });
  await app.open();
  return { context, page, app };
}

async function connect({ page, app }, url, user = ADMIN.user, password = ADMIN.password) {
  await app.nav('数据');
  await page.getByTestId('sync-url').fill(url);
  await page.getByTestId('sync-user').fill(user);
  await page.getByTestId('sync-password').fill(password);
  await app.press(page.getByTestId('sync-connect'));
}

const status = (page) => page.getByTestId('sync-status');

/** The prospect's detail screen, by its name in the list. */
async function openProspect({ page, app }, name) {
  await app.nav('意向企业');
  await app.press(page.locator('[data-testid=prospect-row]', { hasText: name }).locator('button.row-main'));
  await expect(page.getByTestId('prospect-detail')).toBeVisible();
}

// One server per test, on a port the system has free (a fixed port could still be held
// by the server of a test that was stopped by its timeout).
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

test.beforeEach(async ({}, testInfo) => {
  test.skip(testInfo.project.name !== 'tablet', 'two tablets: run once, as tablets');
});

test('two tablets converge: concurrent edits both survive, the conflict shows on both, resolving on A converges B', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const couch = await startCouch(await freePort());
  const a = await tablet(browser, testInfo);
  const b = await tablet(browser, testInfo);
  try {
    await connect(a, couch.url);
    await expect(status(a.page)).toHaveAttribute('data-status', 'idle', { timeout: 20_000 });
    await a.app.captureProspect('登记企业', { name: '宁德锂电配套', industry: '动力电池', notes: '广交会初次见面' });
    await expect.poll(async () => (await couch.docs()).some((d) => d.type === 'prospect' && d.name === '宁德锂电配套')).toBe(true);
    const docs = await couch.docs();
    // One document per record, the record's own JSON with its type and schema version.
    expect(docs.filter((d) => d.type === 'zone').length).toBeGreaterThanOrEqual(7);
    const doc = docs.find((d) => d.name === '宁德锂电配套');
    expect(doc._id).toBe(`prospect:${doc.id}`);
    expect(doc.schema_version).toBeGreaterThanOrEqual(5);

    // B joins: it receives everything (the demo zones on both are the same documents).
    await connect(b, couch.url);
    await expect(status(b.page)).toHaveAttribute('data-status', 'idle', { timeout: 20_000 });
    await b.app.nav('意向企业');
    await expect(b.page.locator('[data-testid=prospect-row]', { hasText: '宁德锂电配套' })).toBeVisible({ timeout: 20_000 });
    await expect(b.page.getByTestId('sync-chip')).not.toContainText('⚠');

    // A goes offline and moves the stage; B edits the notes and moves the stage too.
    await a.context.setOffline(true);
    await openProspect(a, '宁德锂电配套');
    await a.page.getByTestId('stage-select').selectOption('negotiating');
    await expect(a.page.getByTestId('sync-chip')).toHaveAttribute('data-status', 'offline', { timeout: 30_000 });

    await openProspect(b, '宁德锂电配套');
    await b.page.getByTestId('stage-select').selectOption('contacted');
    await b.app.press(b.page.getByTestId('edit-prospect'));
    await b.page.locator('[name=notes]').fill('要两万平米厂房，明年春天投产');
    await b.app.press(b.page.getByTestId('save-prospect'));
    await expect(b.page.getByTestId('prospect-notes')).toHaveText('要两万平米厂房，明年春天投产');
    await expect.poll(async () => (await couch.docs()).find((d) => d.name === '宁德锂电配套').notes, { timeout: 20_000 }).toBe('要两万平米厂房，明年春天投产');

    // A comes back: both versions reach both tablets; the conflict shows on both.
    await a.context.setOffline(false);
    await expect(a.page.getByTestId('conflict-badge')).toBeVisible({ timeout: 60_000 });
    await expect(b.page.getByTestId('conflict-badge')).toBeVisible({ timeout: 60_000 });
    await expect(a.page.getByTestId('sync-chip')).toContainText('⚠1');

    // A resolves: the proposal takes the notes from B and one stage; both edits survive.
    await a.app.nav('数据');
    await a.app.press(a.page.getByTestId('sync-compare'));
    const resolveView = a.page.getByTestId('sync-resolve');
    await expect(resolveView).toBeVisible();
    await expect(resolveView.locator('[data-testid=sync-field][data-field=stage]')).toBeVisible();
    const notesRow = resolveView.locator('[data-testid=sync-field][data-field=notes]');
    await expect(notesRow.getByTestId('sync-proposed')).toHaveText('要两万平米厂房，明年春天投产');
    await a.app.press(a.page.getByTestId('sync-accept'));
    await expect(a.page.getByTestId('sync-conflict')).toHaveCount(0);

    // B converges: no conflict left, the same record on both tablets.
    await expect(b.page.getByTestId('conflict-badge')).toHaveCount(0, { timeout: 30_000 });
    await openProspect(a, '宁德锂电配套');
    const stageA = await a.page.getByTestId('stage-select').inputValue();
    expect(['negotiating', 'contacted']).toContain(stageA);
    await expect(a.page.getByTestId('prospect-notes')).toHaveText('要两万平米厂房，明年春天投产');
    await openProspect(b, '宁德锂电配套');
    await expect(b.page.getByTestId('stage-select')).toHaveValue(stageA, { timeout: 20_000 });
    await expect(b.page.getByTestId('prospect-notes')).toHaveText('要两万平米厂房，明年春天投产');
    const onServer = (await couch.docs()).find((d) => d.name === '宁德锂电配套');
    expect(onServer._conflicts || []).toEqual([]);
    expect(onServer.stage).toBe(stageA);
  } finally {
    await a.context.close();
    await b.context.close();
    await couch.stop();
  }
});

test('a delete on one tablet against an edit on the other keeps the record', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const couch = await startCouch(await freePort());
  const a = await tablet(browser, testInfo);
  const b = await tablet(browser, testInfo);
  try {
    await connect(a, couch.url);
    await a.app.captureProspect('登记企业', { name: '光伏组件厂', industry: '光伏' });
    await connect(b, couch.url);
    await b.app.nav('意向企业');
    await expect(b.page.locator('[data-testid=prospect-row]', { hasText: '光伏组件厂' })).toBeVisible({ timeout: 20_000 });

    // A deletes while offline; B edits.
    await a.context.setOffline(true);
    await openProspect(a, '光伏组件厂');
    a.page.once('dialog', (d) => d.accept());
    await a.app.press(a.page.locator('[data-testid=prospect-detail] button.danger'));
    await a.app.nav('意向企业');
    await expect(a.page.locator('[data-testid=prospect-row]', { hasText: '光伏组件厂' })).toHaveCount(0);
    await openProspect(b, '光伏组件厂');
    await b.page.getByTestId('stage-select').selectOption('signed');
    await expect.poll(async () => (await couch.docs()).find((d) => d && d.name === '光伏组件厂')?.stage, { timeout: 20_000 }).toBe('signed');

    await a.context.setOffline(false);
    // The edit wins over the delete, on the server and back on A.
    await a.app.nav('意向企业');
    await expect(a.page.locator('[data-testid=prospect-row]', { hasText: '光伏组件厂' })).toBeVisible({ timeout: 60_000 });
    await expect(a.page.locator('[data-testid=prospect-row]', { hasText: '光伏组件厂' })).toHaveAttribute('data-stage', 'signed');
    await b.app.nav('意向企业');
    await expect(b.page.locator('[data-testid=prospect-row]', { hasText: '光伏组件厂' })).toBeVisible();
  } finally {
    await a.context.close();
    await b.context.close();
    await couch.stop();
  }
});

test('a wrong password and a server that is down get clear messages, and nothing is lost', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const port = await freePort();
  let couch = await startCouch(port);
  const a = await tablet(browser, testInfo);
  try {
    // A malformed address is refused in the form.
    await connect(a, 'couch.example.org/team');
    await expect(a.page.getByTestId('team-sync').getByRole('alert')).toContainText('http://');

    await connect(a, couch.url, ADMIN.user, 'wrong');
    await expect(status(a.page)).toHaveAttribute('data-status', 'error', { timeout: 20_000 });
    await expect(status(a.page)).toContainText('用户名或密码');

    await connect(a, couch.url);
    await expect(status(a.page)).toHaveAttribute('data-status', 'idle', { timeout: 20_000 });
    await couch.stop();
    await a.app.captureProspect('登记企业', { name: '断网时登记的企业', industry: '新材料' });
    await a.app.nav('数据');
    await expect(status(a.page)).toHaveAttribute('data-status', 'offline', { timeout: 30_000 });
    await expect(status(a.page)).toContainText('保存在本机');
    // The record is on the device, through a reload too, and waits to be sent.
    await a.page.reload();
    await a.app.nav('意向企业');
    await expect(a.page.locator('[data-testid=prospect-row]', { hasText: '断网时登记的企业' })).toBeVisible();
    await expect(a.page.getByTestId('sync-chip')).toHaveAttribute('data-status', 'offline', { timeout: 30_000 });
    // The server comes back (empty: it kept nothing): the waiting record is sent, unasked.
    couch = await startCouch(port);
    await expect
      .poll(async () => (await couch.docs()).some((d) => d.name === '断网时登记的企业'), { timeout: 60_000 })
      .toBe(true);
    await expect(a.page.getByTestId('sync-chip')).toHaveAttribute('data-status', 'idle', { timeout: 20_000 });
  } finally {
    await a.context.close();
    await couch.stop();
  }
});

/** The prospects of the dataset saved on the device (localStorage). */
const storedProspects = (page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem('zonematch.data') || '{"prospects":[]}').prospects || []);

test('a version received while the device storage is full survives a reload: applied at the next start, not written over', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const port = await freePort();
  let couch = await startCouch(port);
  const a = await tablet(browser, testInfo);
  try {
    await connect(a, couch.url);
    await expect(status(a.page)).toHaveAttribute('data-status', 'idle', { timeout: 20_000 });
    await a.app.captureProspect('登记企业', { name: '储能电池厂', industry: '储能', notes: '初次见面' });
    await a.app.captureProspect('登记企业', { name: '将被删除的企业', industry: '纺织' });
    await expect.poll(async () => (await couch.docs()).filter((d) => ['储能电池厂', '将被删除的企业'].includes(d.name)).length).toBe(2);

    // The device's storage is full; the office edits one record, deletes another and adds
    // a third; the tablet receives all three.
    await failDataWrites(a.page, true);
    const docs = await couch.docs();
    const doc = docs.find((d) => d.name === '储能电池厂');
    const doomed = docs.find((d) => d.name === '将被删除的企业');
    await couch.bulk([
      { ...doc, notes: '办公室补充：要两万平米厂房' },
      { _id: doomed._id, _rev: doomed._rev, _deleted: true },
      { ...doc, _rev: undefined, _id: 'prospect:office-added', id: 'office-added', name: '办公室新增企业', notes: '' },
    ]);
    await expect(a.page.locator('[data-testid=storage-banner][data-notice=QuotaFull]')).toBeVisible({ timeout: 30_000 });
    await openProspect(a, '储能电池厂');
    await expect(a.page.getByTestId('prospect-notes')).toHaveText('办公室补充：要两万平米厂房');
    const rows = (page, name) => page.locator('[data-testid=prospect-row]', { hasText: name });
    await a.app.nav('意向企业');
    await expect(rows(a.page, '办公室新增企业')).toBeVisible();
    await expect(rows(a.page, '将被删除的企业')).toHaveCount(0);
    // Not saved on the device: its stored copy is the older one.
    const before = await storedProspects(a.page);
    expect(before.find((p) => p.name === '储能电池厂').notes).toBe('初次见面');
    expect(before.some((p) => p.name === '将被删除的企业')).toBe(true);
    expect(before.some((p) => p.name === '办公室新增企业')).toBe(false);

    // The tablet reloads with the server gone: the received version comes from the
    // device's database, and is saved now that storage works.
    await couch.stop();
    await a.page.reload();
    await expect(a.page.getByTestId('sync-chip')).toHaveAttribute('data-status', 'offline', { timeout: 30_000 });
    await openProspect(a, '储能电池厂');
    await expect(a.page.getByTestId('prospect-notes')).toHaveText('办公室补充：要两万平米厂房');
    await expect
      .poll(async () => (await storedProspects(a.page)).find((p) => p.name === '储能电池厂').notes)
      .toBe('办公室补充：要两万平米厂房');
    const after = await storedProspects(a.page);
    expect(after.some((p) => p.name === '将被删除的企业')).toBe(false);
    expect(after.some((p) => p.name === '办公室新增企业')).toBe(true);
    await a.app.nav('意向企业');
    await expect(rows(a.page, '办公室新增企业')).toBeVisible();
    await expect(rows(a.page, '将被删除的企业')).toHaveCount(0);
    // The server comes back empty: what the tablet sends is the received versions, not
    // its older ones written over them (the deleted record stays deleted).
    couch = await startCouch(port);
    await expect
      .poll(async () => (await couch.docs()).find((d) => d.name === '储能电池厂')?.notes, { timeout: 60_000 })
      .toBe('办公室补充：要两万平米厂房');
    await expect(a.page.getByTestId('sync-chip')).toHaveAttribute('data-status', 'idle', { timeout: 30_000 });
    const names = (await couch.docs()).map((d) => d.name);
    expect(names).toContain('办公室新增企业');
    expect(names).not.toContain('将被删除的企业');
  } finally {
    await a.context.close();
    await couch.stop();
  }
});

test('records of a newer app version on the server: a clear message, never read or written over', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const couch = await startCouch(await freePort());
  const a = await tablet(browser, testInfo);
  try {
    const [written] = await couch.bulk([
      { _id: 'prospect:from-a-newer-app', type: 'prospect', schema_version: 999, id: 'from-a-newer-app', name: '新版本写入的企业', future_field: { x: 1 } },
    ]);
    await connect(a, couch.url);
    await expect(status(a.page)).toHaveAttribute('data-status', 'error', { timeout: 30_000 });
    await expect(status(a.page)).toContainText('较新版本');
    await a.app.captureProspect('登记企业', { name: '本机登记', industry: '新材料' });
    await a.app.nav('意向企业');
    await expect(a.page.locator('[data-testid=prospect-row]', { hasText: '新版本写入的企业' })).toHaveCount(0);
    // The device's own records still reach the team; the newer record is left as it was.
    await expect.poll(async () => (await couch.docs()).some((d) => d.name === '本机登记'), { timeout: 30_000 }).toBe(true);
    const after = await couch.get('prospect:from-a-newer-app');
    expect(after._rev).toBe(written.rev);
    expect(after.future_field).toEqual({ x: 1 });
    // The message stands (asking again cannot clear it).
    await a.app.nav('数据');
    await expect(status(a.page)).toHaveAttribute('data-status', 'error');
  } finally {
    await a.context.close();
    await couch.stop();
  }
});

test('a first sync interrupted halfway resumes, with every record whole', async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const N = 4000;
  const couch = await startCouch(await freePort());
  const office = await tablet(browser, testInfo);
  const b = await tablet(browser, testInfo);
  try {
    // A record as the app writes it is the template of the team's N prospects.
    await connect(office, couch.url);
    await office.app.captureProspect('登记企业', { name: '模板企业', industry: '动力电池', notes: '模板' });
    await expect.poll(async () => (await couch.docs()).some((d) => d.name === '模板企业'), { timeout: 30_000 }).toBe(true);
    const { _rev, ...template } = (await couch.docs()).find((d) => d.name === '模板企业');
    const seeded = Array.from({ length: N }, (_, i) => ({
      ...template,
      _id: `prospect:bulk-${i}`,
      id: `bulk-${i}`,
      name: `批量企业${i}`,
      notes: `第${i}家，要${i + 1}万平米`,
    }));
    for (let i = 0; i < N; i += 1000) await couch.bulk(seeded.slice(i, i + 1000));

    // B's first sync: the network goes after two batches have arrived.
    let batches = 0;
    let cut = null;
    b.page.on('response', (r) => {
      if (r.url().includes('/team/_bulk_get') && ++batches === 2) cut = b.context.setOffline(true);
    });
    await connect(b, couch.url);
    await expect.poll(() => cut !== null, { timeout: 60_000 }).toBe(true);
    await cut;
    await expect(b.page.getByTestId('sync-chip')).toHaveAttribute('data-status', 'offline', { timeout: 60_000 });
    // What B holds, as it exports it (the stored copy of so many records is packed).
    const held = async () => {
      const download = await b.app.exportData('数据');
      const data = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
      return data.prospects.filter((p) => p.id.startsWith('bulk-'));
    };
    let partial = [];
    await expect.poll(async () => (partial = await held()).length, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(N);
    // Whatever arrived is whole: every field as the team has it.
    for (const p of partial) {
      const i = Number(p.id.slice('bulk-'.length));
      expect(p.name).toBe(`批量企业${i}`);
      expect(p.notes).toBe(`第${i}家，要${i + 1}万平米`);
      expect(p.industry).toBe('动力电池');
    }

    // Back online: the sync resumes by itself and ends with every record, kept through a reload.
    await b.context.setOffline(false);
    await expect(b.page.getByTestId('sync-chip')).toHaveAttribute('data-status', 'idle', { timeout: 120_000 });
    await expect.poll(async () => (await held()).length, { timeout: 30_000 }).toBe(N);
    await b.page.reload();
    const all = await held();
    expect(new Set(all.map((p) => p.id)).size).toBe(N);
    expect(all.find((p) => p.id === 'bulk-3999').notes).toBe('第3999家，要4000万平米');
  } finally {
    await office.context.close();
    await b.context.close();
    await couch.stop();
  }
});

test('a device whose data was stored by version 1 moves every record to the team database', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const file = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'v1-export.json'), 'utf8');
  const v1 = JSON.parse(file);
  expect(v1.schema_version).toBe(1);
  const couch = await startCouch(await freePort());
  const a = await tablet(browser, testInfo, (page) =>
    beforeFirstLoad(page, (text) => localStorage.setItem('zonematch.data', text), file),
  );
  try {
    await connect(a, couch.url);
    await expect(status(a.page)).toHaveAttribute('data-status', 'idle', { timeout: 30_000 });
    const docs = await couch.docs();
    for (const [list, type] of [['zones', 'zone'], ['prospects', 'prospect']]) {
      for (const record of v1[list]) {
        const doc = docs.find((d) => d._id === `${type}:${record.id}`);
        expect(doc, `${type} ${record.id}`).toBeTruthy();
        expect(doc.type).toBe(type);
        expect(doc.schema_version).toBeGreaterThanOrEqual(5);
        expect(doc.name).toEqual(record.name);
      }
    }
    // The device's own copy is still there, as the app keeps it.
    expect(await a.page.evaluate(() => localStorage.getItem('zonematch.data'))).not.toBeNull();
  } finally {
    await a.context.close();
    await couch.stop();
  }
});

test('two tabs of one tablet, both syncing: edits from either tab and from the office converge, with no conflict', async ({ browser }, testInfo) => {
  test.setTimeout(150_000);
  const couch = await startCouch(await freePort());
  const a = await tablet(browser, testInfo);
  try {
    await connect(a, couch.url);
    await expect(status(a.page)).toHaveAttribute('data-status', 'idle', { timeout: 20_000 });
    // A second tab of the same tablet: it finds the server set and syncs too.
    const page2 = await a.context.newPage();
    const app2 = new ZoneMatchApp(page2, { project: { use: { hasTouch: true } } });
    await app2.open();
    await expect(page2.getByTestId('sync-chip')).toHaveAttribute('data-status', 'idle', { timeout: 30_000 });
    const tab2 = { page: page2, app: app2 };

    await a.page.bringToFront();
    await a.app.captureProspect('登记企业', { name: '两个标签页的企业', industry: '氢能', notes: '第一页登记' });
    await expect.poll(async () => (await couch.docs()).find((d) => d.name === '两个标签页的企业')?.notes, { timeout: 30_000 }).toBe('第一页登记');

    // The office edits it: both tabs receive it.
    const doc = (await couch.docs()).find((d) => d.name === '两个标签页的企业');
    await couch.bulk([{ ...doc, notes: '办公室：要五十亩地' }]);
    for (const t of [a, tab2]) {
      await t.page.bringToFront();
      await openProspect(t, '两个标签页的企业');
      await expect(t.page.getByTestId('prospect-notes')).toHaveText('办公室：要五十亩地', { timeout: 30_000 });
    }

    // The second tab edits it: the team gets that edit, and the first tab shows it.
    await page2.bringToFront();
    await app2.press(page2.getByTestId('edit-prospect'));
    await page2.locator('[name=notes]').fill('第二页：下月到访');
    await app2.press(page2.getByTestId('save-prospect'));
    await expect(page2.getByTestId('prospect-notes')).toHaveText('第二页：下月到访');
    await expect.poll(async () => (await couch.docs()).find((d) => d.name === '两个标签页的企业')?.notes, { timeout: 30_000 }).toBe('第二页：下月到访');
    await a.page.bringToFront();
    await openProspect(a, '两个标签页的企业');
    await expect(a.page.getByTestId('prospect-notes')).toHaveText('第二页：下月到访', { timeout: 30_000 });

    // Settled: both tabs synced, one version on the server, no conflict anywhere, and
    // both tabs agree after a reload.
    for (const t of [a, tab2]) {
      await expect(t.page.getByTestId('sync-chip')).toHaveAttribute('data-status', 'idle', { timeout: 30_000 });
    }
    const onServer = (await couch.docs()).find((d) => d.name === '两个标签页的企业');
    expect(onServer.notes).toBe('第二页：下月到访');
    expect(onServer._conflicts || []).toEqual([]);
    for (const t of [a, tab2]) {
      await t.page.bringToFront();
      await t.page.reload();
      await openProspect(t, '两个标签页的企业');
      await expect(t.page.getByTestId('prospect-notes')).toHaveText('第二页：下月到访');
      await expect(t.page.getByTestId('conflict-badge')).toHaveCount(0);
    }
  } finally {
    await a.context.close();
    await couch.stop();
  }
});
