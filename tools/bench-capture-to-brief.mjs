// Benchmark (not a test): a person at a booth captures a prospect and opens the brief.
// Headless Chromium at the tablet viewport (1024×768, touch) on the release build in
// dist/, typing like a person: about 150 ms a key, a pause between fields, taps for the
// buttons. Measured from the tap on the first field to the brief's first zone on screen.
// Prints one line per run and the median.
//
// Usage: node tools/bench-capture-to-brief.mjs [runs=3] [port=8098]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const runs = Number(process.argv[2] || 3);
const port = Number(process.argv[3] || 8098);
const root = dirname(dirname(fileURLToPath(import.meta.url)));
const KEY_MS = 150;
const BETWEEN_FIELDS_MS = 800;
// What the visitor says, as the recruiter types it.
const FIELDS = [
  ['name', '华东动力电池有限公司'],
  ['industry', '21700圆柱动力电池电芯'],
  ['investment', '6亿'],
  ['factory', '2万平米'],
];

const server = spawn(process.execPath, [join(root, 'tests/e2e/serve.mjs'), String(port), join(root, 'dist')], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((ok) => server.stdout.on('data', (d) => String(d).includes('serving') && ok()));

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
const times = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/capture`);
    await page.locator('[name=name]').waitFor();
    const start = Date.now();
    for (const [name, text] of FIELDS) {
      const field = page.locator(`[data-testid=prospect-form] [name=${name}]`);
      await field.tap();
      await field.pressSequentially(text, { delay: KEY_MS });
      await page.waitForTimeout(BETWEEN_FIELDS_MS);
    }
    await page.getByTestId('save-prospect').tap();
    await page.getByTestId('open-brief').tap();
    await page.getByTestId('brief-zone').first().waitFor();
    const ms = Date.now() - start;
    const typed = FIELDS.reduce((n, [, t]) => n + [...t].length, 0);
    times.push(ms);
    console.log(`run ${i + 1}: ${(ms / 1000).toFixed(1)} s from the first tap to the brief (${typed} keys at ${KEY_MS} ms, ${FIELDS.length} pauses of ${BETWEEN_FIELDS_MS} ms)`);
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}
times.sort((a, b) => a - b);
console.log(`BENCH capture_to_brief median ${(times[Math.floor(times.length / 2)] / 1000).toFixed(1)} s over ${runs} runs (target: under 30 s)`);
