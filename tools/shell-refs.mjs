// The rule both tools/postbuild.mjs (at build time) and the service worker (at install)
// use to read an index.html: the same-origin files it makes the browser load, as
// precache URLs ('./name'), sorted. postbuild.mjs copies this function's source into
// sw.js, so the two can never read a page differently.
//
// It takes src/href attributes (scripts, stylesheets, module preloads, preloads,
// manifest, icons) and the quoted '.js'/'.mjs'/'.wasm' paths inside inline scripts
// (trunk's bootstrap: `import init, * as bindings from '/zonematch-1a2b.js';` and
// `init({ module_or_path: '/zonematch-1a2b_bg.wasm' })`). Other origins, data: URLs
// and fragments are skipped; '?query' and '#fragment' are dropped.
// Self-contained on purpose (no imports, no outer names): it is copied by its source.
export function shellRefs(html) {
  const found = new Set();
  const add = (ref) => {
    if (/^(?:[a-z][\w+.-]*:|\/\/|#)/i.test(ref)) return;
    found.add('./' + ref.replace(/[?#].*/, '').replace(/^\.?\//, ''));
  };
  for (const m of html.matchAll(/\s(?:src|href)\s*=\s*["']([^"']*)["']/gi)) add(m[1]);
  for (const script of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
    for (const m of script[1].matchAll(/["']([^"'\s]+\.(?:m?js|wasm))["']/g)) add(m[1]);
  }
  return [...found].sort();
}
