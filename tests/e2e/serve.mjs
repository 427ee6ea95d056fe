// Minimal static server for the release build in dist/ (used by the Playwright tests).
// Usage: node tests/e2e/serve.mjs [port] [dir]
// It behaves like a typical static host: `Last-Modified` from the file's mtime,
// `If-Modified-Since` answered with 304, and no Cache-Control, so the browser caches
// files heuristically (for a tenth of their age) as it does on most real hosts.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const port = Number(process.argv[2] || 8099);
const root = resolve(process.argv[3] || 'dist');
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

createServer(async (req, res) => {
  try {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    let info = await stat(file).catch(() => null);
    if (!info) {
      // Single-page app: unknown paths get index.html.
      file = join(root, 'index.html');
    } else if (info.isDirectory()) {
      file = join(file, 'index.html');
    }
    info = await stat(file);
    const modified = new Date(Math.floor(info.mtimeMs / 1000) * 1000);
    const headers = { 'last-modified': modified.toUTCString() };
    const since = Date.parse(req.headers['if-modified-since'] || '');
    if (since >= modified.getTime()) {
      res.writeHead(304, headers).end();
      return;
    }
    const body = await readFile(file);
    headers['content-type'] = types[extname(file)] || 'application/octet-stream';
    res.writeHead(200, headers);
    res.end(body);
  } catch (e) {
    res.writeHead(500).end(String(e));
  }
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${port}`));
