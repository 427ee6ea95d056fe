// A private static server for one test, so the test can take the network away (stop it)
// or deploy a new version (change its files) while the page stays open.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

async function startServer(dir, port) {
  const child = spawn(process.execPath, [path.join(__dirname, 'serve.mjs'), String(port), dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => String(d).includes('serving') && resolve());
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.on('exit', resolve);
        child.kill();
      }),
  };
}

/** A copy of dist/ that a test may change. */
function copyDist(target) {
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(path.join(__dirname, '..', '..', 'dist'), target, { recursive: true });
  // The build was made a little before the test: back-date it by 10 s, so a file the test
  // changes later always gets a later `Last-Modified` second (the server answers
  // `If-Modified-Since` to the second; a change in the same second as the copy would be a 304).
  const when = new Date(Date.now() - 10_000);
  for (const file of fs.readdirSync(target, { recursive: true })) fs.utimesSync(path.join(target, file), when, when);
  return target;
}

/**
 * Deploy a build into a site folder as a host's deploy does: every file already there is
 * deleted (the previous build's hashed files are gone), then the build's files are
 * copied in. `ageDays` back-dates their mtimes (so `Last-Modified` makes the browser
 * cache them heuristically for hours, as on a real host); else they are new.
 */
function deploy(build, site, { ageDays = 0 } = {}) {
  fs.mkdirSync(site, { recursive: true });
  for (const name of fs.readdirSync(site)) fs.rmSync(path.join(site, name), { recursive: true, force: true });
  fs.cpSync(build, site, { recursive: true });
  const when = new Date(Date.now() - ageDays * 86_400_000);
  for (const file of fs.readdirSync(site, { recursive: true })) fs.utimesSync(path.join(site, file), when, when);
  return site;
}

module.exports = { startServer, copyDist, deploy };
