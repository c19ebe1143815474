//go:build !wasm

package server

// serviceWorker is the app's app-worker.js, a go-app ServiceWorkerTemplate
// ({{.Version}} and {{.ResourcesToCache}} are filled in by go-app). It
// differs from go-app's default in three ways:
//   - install waits until every resource is cached, so that once the worker
//     is installed every page works offline;
//   - a page's address may carry ?q= (or ?parent= for /embed): offline, the
//     cached page answers it, and the app reads the query from the address;
//   - it answers only GET requests for this origin and keeps no push code.
const serviceWorker = `// Ask for help: service worker {{.Version}}.
const cacheName = "app-{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(cacheName)
      .then((cache) => cache.addAll(resourcesToCache))
      .then(() => self.skipWaiting())
  );
});

// No clients.claim(): a page is controlled from its next load on. go-app
// takes a worker that activates while the page has a controller for an
// update, so claiming the first page would announce a first visit as one.
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== cacheName).map((k) => caches.delete(k))))
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(fromCache(request));
});

async function fromCache(request) {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(request, { ignoreSearch: request.mode === "navigate" });
  return cached || fetch(request);
}
`
