// Trunk post-build hook: writes the service worker with the precache list of this exact
// build (hashed file names change every build) and a build version, and puts a
// Content-Security-Policy into index.html that allows only what the app needs: its own
// files, WebAssembly compilation, and the hash of trunk's inline bootstrap script.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

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
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
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
const version = createHash('sha256');
for (const f of files) version.update(f).update(readFileSync(join(dir, f)));
const build = version.digest('hex').slice(0, 16);
const precache = ['./', ...files.map((f) => `./${f}`)];
const template = readFileSync(new URL('./sw-template.js', import.meta.url), 'utf8');
writeFileSync(
  join(dir, 'sw.js'),
  template.replace('__VERSION__', build).replace('__PRECACHE__', JSON.stringify(precache, null, 2)),
);
console.log(`postbuild: sw.js version ${build}, ${precache.length} files precached; CSP with ${hashes.length} script hash(es)`);
