// Benchmark (not a test): start-up of the product against the floor of issue 11 ("Start
// as fast as a minimal Leptos app"): benches/floor, a minimal Leptos app built the same
// way that draws seven zone cards. Headless Chromium at the tablet viewport (1024×768),
// at 1× and 4× CPU throttling, the two apps interleaved run by run so that drift in the
// machine's speed hits both alike. Times are from navigation start:
//   wasm   responseEnd of the app's `*_bg.wasm` (resource timing): the wasm downloaded;
//   main   the `startup:main` performance mark each app sets first thing in `main`: the
//          wasm fetched, compiled and instantiated ("n/a" when a build has no mark);
//   card   the first `[data-testid=zone-card]` in the DOM (a MutationObserver).
// COLD: a fresh browser context each load (no HTTP cache, no service worker).
// WARM: one context per app, loaded once first; the product is then controlled by its
// service worker (waited for, up to 20 s, reloaded once if needed) and every warm load is
// served by it; the floor has no service worker, so its warm loads come from the HTTP
// cache (the test server sends no Cache-Control: heuristic freshness, a stale entry is
// revalidated with a 304). Each warm load opens a new page in that context and goes to
// the app's URL, as opening the app again does.
//
// Usage: node tools/bench-startup.mjs [runs=5] [--product dist] [--floor benches/floor/dist]
//        [--before DIR]   (another product build, e.g. before a change, in the same run)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { firstCardPage as newPage, median, serve } from './bench-common.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const [, value] = args.splice(i, 2);
  if (!value) throw new Error(`${name} needs a directory`);
  return value;
};
const productDir = option('--product', 'dist');
const floorDir = option('--floor', 'benches/floor/dist');
// Optional: a second build of the product (e.g. before a change), measured in the same run.
const beforeDir = option('--before', null);
const runs = /^\d+$/.test(args[0] || '') ? Number(args.shift()) : 5;
if (args.length) throw new Error(`unknown arguments: ${args.join(' ')}`);

const ms = (x) => (x === null || x === undefined ? 'n/a' : x.toFixed(0));
const gzip = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/** The files index.html loads at start: the wasm-bindgen script, its wasm, and plain
 * `<script src>` scripts (the product's sw-register.js). */
function startFiles(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const wasm = html.match(/module_or_path:\s*'\/?([^']+_bg\.wasm)'/)?.[1];
  const glue = html.match(/import init, \* as bindings from '\/?([^']+\.js)'/)?.[1];
  if (!wasm || !glue) throw new Error(`${dir}/index.html: no trunk wasm loader found (not a trunk release build?)`);
  const scripts = [...html.matchAll(/<script src="\/?([^"]+)"/g)].map((m) => m[1]);
  return { wasm, js: [glue, ...scripts] };
}



/** Load the app in `page` and read the three times. */
async function measure(page, app) {
  await page.goto(app.url);
  await page.waitForFunction(() => window.__firstCard !== undefined, null, { timeout: 60_000 });
  return page.evaluate((wasmName) => {
    const wasm = performance
      .getEntriesByType('resource')
      .find((e) => new URL(e.name).pathname.endsWith(`/${wasmName}`));
    const main = performance.getEntriesByName('startup:main')[0];
    return {
      card: window.__firstCard,
      wasm: wasm ? wasm.responseEnd : null,
      main: main ? main.startTime : null,
      controlled: !!(navigator.serviceWorker && navigator.serviceWorker.controller),
    };
  }, app.files.wasm);
}

async function cold(browser, app, rate) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  try {
    return await measure(await newPage(context, rate), app);
  } finally {
    await context.close();
  }
}

/** A context with the app loaded once (and, for an app with a service worker, controlled
 * by it), for warm loads. */
async function primed(browser, app) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await newPage(context, 1);
  await measure(page, app);
  if (app.serviceWorker) {
    const controlled = () =>
      page
        .waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20_000 })
        .then(() => true, () => false);
    if (!(await controlled())) {
      await page.reload();
      if (!(await controlled())) throw new Error(`${app.name}: no service worker controls the page after 20 s and a reload`);
    }
  }
  await page.close();
  return context;
}

async function warm(context, app, rate) {
  const page = await newPage(context, rate);
  try {
    const result = await measure(page, app);
    if (app.serviceWorker && !result.controlled) throw new Error(`${app.name}: a warm load not served by the service worker`);
    return result;
  } finally {
    await page.close();
  }
}

const apps = [
  { name: 'product', dir: productDir, port: 8320, serviceWorker: true },
  { name: 'floor', dir: floorDir, port: 8321, serviceWorker: false },
  ...(beforeDir ? [{ name: 'before', dir: beforeDir, port: 8322, serviceWorker: true }] : []),
].map((a) => ({ ...a, url: `http://127.0.0.1:${a.port}/`, files: startFiles(a.dir) }));

for (const app of apps) {
  const wasm = gzip(join(app.dir, app.files.wasm));
  const js = app.files.js.map((f) => [f, gzip(join(app.dir, f))]);
  const jsTotal = js.reduce((s, [, n]) => s + n, 0);
  console.log(
    `${app.name} (${app.dir}): wasm ${wasm} bytes gzip (${app.files.wasm}); JS ${jsTotal} bytes gzip (${js
      .map(([f, n]) => `${f} ${n}`)
      .join(', ')})`,
  );
}
console.log(
  `times in ms from navigation start, median of ${runs}: wasm = *_bg.wasm responseEnd, main = mark startup:main, card = first zone card`,
);
console.log('warm: product served by its service worker; floor (no service worker) from the warm HTTP cache');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const servers = [];
try {
  for (const app of apps) servers.push(await serve(app.dir, app.port));
  for (const rate of [1, 4]) {
    const results = {};
    for (const app of apps) results[app.name] = { cold: [], warm: [] };
    for (let r = 0; r < runs; r++) for (const app of apps) results[app.name].cold.push(await cold(browser, app, rate));
    const contexts = [];
    for (const app of apps) contexts.push(await primed(browser, app));
    try {
      for (let r = 0; r < runs; r++)
        for (const [i, app] of apps.entries()) results[app.name].warm.push(await warm(contexts[i], app, rate));
    } finally {
      for (const c of contexts) await c.close();
    }
    const medianCard = {};
    for (const app of apps) {
      for (const kind of ['cold', 'warm']) {
        const loads = results[app.name][kind];
        const series = (key) => {
          const xs = loads.map((l) => l[key]).filter((x) => x !== null);
          return { median: xs.length === loads.length ? median(xs) : null, values: loads.map((l) => ms(l[key])).join(', ') };
        };
        const [wasm, main, card] = ['wasm', 'main', 'card'].map(series);
        (medianCard[app.name] ||= {})[kind] = card.median;
        console.log(
          `${rate}x CPU, ${app.name.padEnd(7)} ${kind}: first zone card ${ms(card.median)} ms` +
            ` (split: wasm ${ms(wasm.median)}, main ${ms(main.median)}, card ${ms(card.median)})` +
            ` [card ${card.values}; wasm ${wasm.values}; main ${main.values}]`,
        );
      }
    }
    for (const name of ['product', ...(beforeDir ? ['before'] : [])]) {
      const ratio = (kind) => (medianCard[name][kind] / medianCard.floor[kind]).toFixed(2);
      console.log(`${rate}x CPU, ${name}/floor first zone card: cold ${ratio('cold')}x, warm ${ratio('warm')}x`);
    }
  }
} finally {
  await browser.close();
  for (const s of servers) s.kill();
}
