// Registers the service worker and manages updates without ever reloading on its own:
// a new version waits until the user asks for it (a half-filled form must not be lost).
// The app listens for "zonematch:update-ready" and dispatches "zonematch:apply-update".
(function () {
  'use strict';
  if (!('serviceWorker' in navigator)) return;
  var reloading = false;

  // The app may not be running yet when an update is found: it also checks
  // window.__zonematchWaiting when it starts.
  function announce(worker) {
    window.__zonematchWaiting = worker;
    window.dispatchEvent(new CustomEvent('zonematch:update-ready'));
  }

  window.addEventListener('zonematch:apply-update', function () {
    var worker = window.__zonematchWaiting;
    if (!worker) return;
    navigator.serviceWorker.addEventListener('controllerchange', function () {
      if (reloading) return;
      reloading = true;
      window.location.reload();
    });
    worker.postMessage({ type: 'SKIP_WAITING' });
  });

  // Registered at once (not on load) so that no update found early is missed.
  // updateViaCache 'none': sw.js itself is never taken from the HTTP cache either (the
  // worker fetches every file it precaches from the network too).
  navigator.serviceWorker.register('sw.js', { updateViaCache: 'none' }).then(function (reg) {
      if (reg.waiting && navigator.serviceWorker.controller) announce(reg.waiting);
      reg.addEventListener('updatefound', function () {
        var worker = reg.installing;
        if (!worker) return;
        worker.addEventListener('statechange', function () {
          // Installed while another version controls the page: an update is waiting.
          if (worker.state === 'installed' && navigator.serviceWorker.controller) announce(worker);
        });
      });
      // Look for a new version when the app comes back to the foreground.
      document.addEventListener('visibilitychange', function () {
        if (document.visibilityState === 'visible') reg.update().catch(function () {});
      });
      window.__zonematchSwReady = true;
    }).catch(function () { /* offline first visit or unsupported: the app still runs */ });
})();
