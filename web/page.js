// Ask for help: what the page does without waiting for the WebAssembly.
// Loaded (deferred) right after go-app's app.js on every page.
(function () {
  "use strict";

  // 1. A new version is ready when the service worker's cache is for
  // another version than this page's. go-app announces an update only if
  // it sees the new worker install; a navigation can start (and finish) that
  // before app.js listens, so look at the caches too, now and whenever the
  // worker changes. goappOnUpdate is app.js's: before the wasm has started
  // it remembers the update, after it tells the page.
  function checkUpdate() {
    if (!window.caches || typeof goappGetenv !== "function" || typeof goappOnUpdate !== "function") {
      return;
    }
    var mine = "app-" + goappGetenv("GOAPP_VERSION");
    caches.keys().then(function (keys) {
      var apps = keys.filter(function (k) { return k.indexOf("app-") === 0; });
      if (apps.length > 0 && apps.indexOf(mine) < 0 && navigator.serviceWorker.controller) {
        goappOnUpdate();
      }
    });
  }
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.ready.then(function (reg) {
      checkUpdate();
      reg.addEventListener("updatefound", function () {
        var w = reg.installing;
        if (w) {
          w.addEventListener("statechange", function () {
            if (w.state === "activated") {
              checkUpdate();
            }
          });
        }
      });
    });
  }

  // 2. Inside an iframe made by embed.js, tell the page that frames the
  // widget how tall it is, whenever that changes. Write only to the origin
  // embed.js named (?parent=), and only if it really is the one framing us.
  if (window.parent === window) {
    return;
  }
  var origin;
  try {
    origin = new URL(new URLSearchParams(window.location.search).get("parent")).origin;
  } catch (e) {
    return;
  }
  var ancestors = window.location.ancestorOrigins;
  if (ancestors && ancestors.length > 0 && ancestors[0] !== origin) {
    return;
  }
  var last = -1;
  function post() {
    var height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: "askforhelp:height", height: height }, origin);
    }
  }
  new ResizeObserver(post).observe(document.body);
  post();
})();
