// Benchmark (not a test): time to the first screen of one or more builds, side by side
// in the same run, in headless Chromium at the tablet viewport (1024×768): from
// navigation start to the first zone card, cold (a fresh browser context: no HTTP cache,
// no service worker), median of N loads, at 1× and 4× CPU throttling. For a build with
// the national catalogue, also when the catalogue was read and ready (its performance
// mark `zonematch:national-ready`), and the asset's size.
//
// Usage: node tools/bench-first-screen.mjs [runs] <dist-dir> [<dist-dir> …]
// e.g.   node tools/bench-first-screen.mjs 5 /tmp/dist-before dist
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { firstCardPage, median, serve } from './bench-common.mjs';

const args = process.argv.slice(2);
const runs = /^\d+$/.test(args[0] || '') ? Number(args.shift()) : 5;
const dirs = args.length ? args : ['dist'];


async function load(browser, url, rate, hasCatalogue) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await firstCardPage(context, rate);
  await page.goto(url);
  await page.waitForFunction(() => window.__firstCard !== undefined, null, { timeout: 60_000 });
  const first = await page.evaluate(() => window.__firstCard);
  // The catalogue, where the build has one (waits up to 20 s).
  let ready = null;
  if (hasCatalogue) try {
    await page.waitForFunction(() => performance.getEntriesByName('zonematch:national-ready').length > 0, null, {
      timeout: 20_000,
    });
    ready = await page.evaluate(() => performance.getEntriesByName('zonematch:national-ready')[0].startTime);
  } catch {}
  await context.close();
  return { first, ready };
}

/** With the ranking scope "all" remembered, the capture screen (an industry typed) prepares
 * every zone of the catalogue for matching once it arrives: that preparation's time (its
 * marks). */
async function prepare(browser, url, rate) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  await page.addInitScript(() => localStorage.setItem('zonematch.scope', 'all'));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.goto(`${url}capture`);
  await page.locator('[data-testid=prospect-form] [name=industry]').fill('电子信息');
  await page.waitForSelector('[data-testid=match-row][data-little-data=true]', { timeout: 60_000 });
  const ms = await page.evaluate(() => {
    const start = performance.getEntriesByName('zonematch:prepare-start').pop();
    const end = performance.getEntriesByName('zonematch:prepare-end').pop();
    return end.startTime - start.startTime;
  });
  await context.close();
  return ms;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const servers = [];
try {
  for (const [i, dir] of dirs.entries()) servers.push({ dir, port: 8300 + i, child: await serve(dir, 8300 + i) });
  for (const { dir } of servers) {
    const asset = `${dir}/zones-2018.tsv`;
    if (existsSync(asset)) {
      const bytes = readFileSync(asset);
      console.log(`${dir}: catalogue asset ${bytes.length} bytes raw, ${gzipSync(bytes, { level: 9 }).length} gzip`);
    }
  }
  for (const rate of [1, 4]) {
    const results = new Map(servers.map((s) => [s.dir, { first: [], ready: [] }]));
    // Interleaved, so drift in the machine's speed hits every build alike.
    for (let r = 0; r < runs; r++) {
      for (const { dir, port } of servers) {
        const { first, ready } = await load(browser, `http://127.0.0.1:${port}/`, rate, existsSync(`${dir}/zones-2018.tsv`));
        results.get(dir).first.push(first);
        if (ready !== null) results.get(dir).ready.push(ready);
      }
    }
    for (const { dir, port } of servers) {
      if (!existsSync(`${dir}/zones-2018.tsv`)) continue;
      const times = [];
      for (let r = 0; r < runs; r++) times.push(await prepare(browser, `http://127.0.0.1:${port}/`, rate));
      console.log(`${rate}x CPU, ${dir}: prepare every zone for matching (scope "all") ${median(times).toFixed(0)} ms (median of ${runs})`);
    }
    for (const [dir, { first, ready }] of results) {
      const line = [`${rate}x CPU, ${dir}: first zone card ${median(first).toFixed(0)} ms (median of ${runs}; ${first.map((x) => x.toFixed(0)).join(', ')})`];
      if (ready.length) line.push(`catalogue ready ${median(ready).toFixed(0)} ms after navigation start`);
      console.log(line.join('; '));
    }
  }
} finally {
  await browser.close();
  for (const s of servers) s.child.kill();
}
