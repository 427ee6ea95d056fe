// Shared by the benchmarks (tools/bench-*.mjs): serve a release build with the test
// server (tests/e2e/serve.mjs, which behaves like a typical static host) and wait until it
// answers; a page that notes when the first zone card appears; the median of a series.
import { spawn } from 'node:child_process';

/** Start `tests/e2e/serve.mjs` for `dir` on `port`; resolves to the child process once the
 * server answers (up to 5 s), else throws. */
export async function serve(dir, port) {
  const child = spawn(process.execPath, ['tests/e2e/serve.mjs', String(port), dir], { stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      return child;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill();
  throw new Error(`server for ${dir} did not start`);
}

/** The median of a series (the upper one of an even count). */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A new page in `context`, its CPU throttled `rate` times, that notes when the first zone
 * card (`[data-testid=zone-card]`) appears in its DOM, in `window.__firstCard`
 * (performance.now(), ms from navigation start). */
export async function firstCardPage(context, rate) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (document.querySelector('[data-testid=zone-card]')) {
        window.__firstCard = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return page;
}
