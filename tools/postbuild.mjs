// Trunk post-build hook: writes the service worker with the precache list of this exact
// build (hashed file names change every build), each file's SHA-256, the files
// index.html references, and a build version; and puts a Content-Security-Policy into
// index.html that allows only what the app needs: its own files, WebAssembly
// compilation, and the hash of trunk's inline bootstrap script.
// Every built file is precached, the workbook worker's too (workbook_worker_loader.js,
// workbook_worker.js, workbook_worker_bg.wasm: the app starts it only when a workbook is
// opened or written, and it must work offline then). index.html does not reference them,
// so they are verified by hash, not by the shell check. `worker-src 'self'` lets the app
// start it; a worker's own policy comes from its response headers, not from this meta tag.
// Can be re-run on a built folder: node tools/postbuild.mjs <dir>
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { shellRefs } from './shell-refs.mjs';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2] || 'dist';

function walk(d) {
  return readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');

// CSP: hash every inline <script> trunk wrote (the wasm bootstrap).
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  (m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
);
const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data: blob:",
  // Team sync talks to the team's CouchDB-protocol server, at whatever address the user
  // sets on the Data screen (an office server on the LAN over http, or https).
  "connect-src 'self' https: http:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
const meta = `<meta http-equiv="Content-Security-Policy" content="${csp}">`;
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '');
html = html.replace(/<head>/, `<head>\n    ${meta}`);
writeFileSync(indexPath, html);

// Service worker: everything in the build, versioned by the content of everything.
const files = walk(dir)
  .map((p) => relative(dir, p).split('\\').join('/'))
  .filter((p) => p !== 'sw.js' && !p.startsWith('.'))
  .sort();
const sha256 = (f) => createHash('sha256').update(readFileSync(join(dir, f))).digest('hex');
const version = createHash('sha256');
for (const f of files) version.update(f).update(readFileSync(join(dir, f)));
const build = version.digest('hex').slice(0, 16);
// The pages ('./' and './index.html') are verified by what they reference, every other
// file by its hash (see sw-template.js).
const fileHashes = Object.fromEntries(files.filter((f) => f !== 'index.html').map((f) => [`./${f}`, sha256(f)]));
const precache = ['./', './index.html', ...Object.keys(fileHashes)];
const shell = shellRefs(html);
const missing = shell.filter((ref) => !precache.includes(ref));
if (missing.length) {
  console.error(`postbuild: index.html references files that are not in the build: ${missing.join(', ')}`);
  process.exit(1);
}
const json = (v) => JSON.stringify(v, null, 2);
const template = readFileSync(new URL('./sw-template.js', import.meta.url), 'utf8');
const sw = template
  .replace('__VERSION__', () => build)
  .replace('__SHELL__', () => json(shell))
  .replace('__FILES__', () => json(fileHashes))
  .replace('__SHELL_REFS__', () => shellRefs.toString());
writeFileSync(join(dir, 'sw.js'), sw);
console.log(
  `postbuild: sw.js version ${build}, ${precache.length} files precached, index.html references ${shell.length}; ` +
    `CSP with ${hashes.length} script hash(es)`,
);
