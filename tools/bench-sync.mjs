// Benchmark and soak test: team sync at national scale (issue 12). A pouchdb-server
// (tools/sync-server, in memory, on 127.0.0.1) is seeded with a team database of 2,600
// zones and 10,000 prospects (the synthetic national dataset,
// `cargo run --example synthetic_export -- FILE`), one document per record as the
// app writes them. Then, in headless Chromium at the tablet viewport, at 1× and 4× CPU:
//   first   an empty browser (fresh context) opens the app, sets the server on the Data
//           screen and syncs: ms from "Connect" to every record applied (the Data
//           screen's counts) and the status "synced";
//   later   10 prospects are changed on the server: ms until all 10 are applied here
//           (the app's `zonematch:team-applied` marks).
// With --soak (run by scripts/test.sh at 1× only): after the first sync the page is
// reloaded and both counts must be exact (applied, saved, loaded); any failure or a sync
// that does not end within 3 minutes exits non-zero.
// Usage: node tools/bench-sync.mjs FILE [--dist dist] [--rates 1,4] [--soak]
// FILE: `cargo run --example synthetic_export -- FILE` (the same data as the benchmarks).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { serve } from './bench-common.mjs';

const args = process.argv.slice(2);
const distAt = args.indexOf('--dist');
const dist = distAt >= 0 ? args.splice(distAt, 2)[1] : 'dist';
const ratesAt = args.indexOf('--rates');
const rates = ratesAt >= 0 ? args.splice(ratesAt, 2)[1].split(',').map(Number) : [1, 4];
const soakAt = args.indexOf('--soak');
const soak = soakAt >= 0 && args.splice(soakAt, 1).length > 0;
const file = args[0];
if (!file) throw new Error('usage: node tools/bench-sync.mjs FILE [--dist dist]');
const data = JSON.parse(readFileSync(file, 'utf8'));
const SCHEMA = data.schema_version;

async function startCouch(port) {
  const cwd = mkdtempSync(join(tmpdir(), 'zonematch-bench-couch-'));
  const bin = join(process.cwd(), 'tools/sync-server/node_modules/.bin/pouchdb-server');
  const child = spawn(bin, ['--in-memory', '--host', '127.0.0.1', '--port', String(port)], { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
  await new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('pouchdb-server did not start in 30 s')), 30_000);
    child.stdout.on('data', (d) => String(d).includes('has started') && resolve());
    child.on('exit', (c) => reject(new Error(`pouchdb-server exited ${c}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  await fetch(`${base}/team`, { method: 'PUT' });
  return {
    url: `${base}/team`,
    async bulk(docs) {
      for (let i = 0; i < docs.length; i += 2000) {
        const r = await fetch(`${base}/team/_bulk_docs`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ docs: docs.slice(i, i + 2000) }),
        });
        if (!r.ok) throw new Error(`bulk_docs: ${r.status}`);
      }
    },
    async get(id) {
      return (await fetch(`${base}/team/${encodeURIComponent(id)}`)).json();
    },
    stop() {
      child.kill();
      rmSync(cwd, { recursive: true, force: true });
    },
  };
}

const doc = (type, record) => ({ ...record, _id: `${type}:${record.id}`, type, schema_version: SCHEMA });

async function run(browser, appUrl, rate, port) {
  const couch = await startCouch(port);
  try {
    await couch.bulk([...data.zones.map((z) => doc('zone', z)), ...data.prospects.map((p) => doc('prospect', p))]);
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, baseURL: appUrl });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto('/data');
    // The counts shown (zones, prospects): the demo zones before, plus every record after.
    const counts = () => page.evaluate(() =>
      ((document.querySelector('[data-testid=data-counts]')?.textContent || '').replace(/,/g, '').match(/\d+/g) || []).map(Number),
    );
    await page.getByTestId('data-counts').waitFor();
    const [zones0, prospects0] = await counts();
    const expected = [zones0 + data.zones.length, prospects0 + data.prospects.length];
    await page.getByTestId('sync-url').fill(couch.url);
    const t0 = await page.evaluate(() => performance.now());
    await page.getByTestId('sync-connect').click();
    const prospects = String(data.prospects.length);
    await page.waitForFunction(
      (n) => {
        const counts = document.querySelector('[data-testid=data-counts]')?.textContent || '';
        const status = document.querySelector('[data-testid=sync-status]')?.dataset.status;
        return counts.replace(/[,\s]/g, '').includes(n) && status === 'idle';
      },
      prospects,
      // A soak run fails rather than wait: 12,600 documents take about 20 s at 1×.
      { timeout: soak ? 180_000 : 600_000, polling: 200 },
    );
    const first = (await page.evaluate(() => performance.now())) - t0;
    if (soak) {
      // Every record was applied, and saved on the device: all there after a reload.
      const shown = async () => JSON.stringify(await counts());
      if ((await shown()) !== JSON.stringify(expected)) throw new Error(`after the sync: ${await shown()}, expected ${JSON.stringify(expected)}`);
      await page.reload();
      await page.getByTestId('data-counts').waitFor({ timeout: 60_000 });
      if ((await shown()) !== JSON.stringify(expected)) throw new Error(`after a reload: ${await shown()}, expected ${JSON.stringify(expected)}`);
      await page.getByTestId('sync-status').and(page.locator('[data-status=idle]')).waitFor({ timeout: 120_000 });
      console.log(`soak: ${expected[0]} zones and ${expected[1]} prospects applied, saved and reloaded`);
    }

    // A later sync: 10 prospects changed on the server.
    const ids = data.prospects.slice(0, 10).map((p) => `prospect:${p.id}`);
    const changed = [];
    for (const id of ids) {
      const d = await couch.get(id);
      changed.push({ ...d, notes: `${d.notes || ''} (changed ${Date.now()})` });
    }
    const before = await page.evaluate(() => performance.getEntriesByName('zonematch:team-applied').length);
    const t1 = await page.evaluate(() => performance.now());
    await couch.bulk(changed);
    await page.waitForFunction(
      (n) => performance.getEntriesByName('zonematch:team-applied').length > n,
      before,
      { timeout: 120_000, polling: 50 },
    );
    const applied = await page.evaluate(() => {
      const marks = performance.getEntriesByName('zonematch:team-applied');
      return marks[marks.length - 1].startTime;
    });
    await context.close();
    return { first, later: applied - t1 };
  } finally {
    couch.stop();
  }
}

const port = 8193;
const server = await serve(dist, port);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  console.log(`team sync: ${data.zones.length} zones + ${data.prospects.length} prospects = ${data.zones.length + data.prospects.length} documents`);
  for (const rate of rates) {
    const r = await run(browser, `http://127.0.0.1:${port}`, rate, 5960 + rate);
    console.log(`${rate}x CPU: first sync into an empty browser ${Math.round(r.first)} ms; later sync of 10 changed prospects ${Math.round(r.later)} ms`);
  }
} finally {
  await browser.close();
  server.kill();
}
