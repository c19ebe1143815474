// Waits until the page's service worker is active and holds app.wasm and
// the page, so that the next visit is served by it; resolves with "" then,
// or with what is wrong after 20 s.
(async () => {
  if (!("serviceWorker" in navigator)) return "no service worker in this browser";
  const end = performance.now() + 20000;
  while (performance.now() < end) {
    const reg = await navigator.serviceWorker.getRegistration();
    if (reg && reg.active && reg.active.state === "activated" &&
        await caches.match("web/app.wasm") && await caches.match("./")) return "";
    await new Promise((r) => setTimeout(r, 50));
  }
  return "after 20 s the service worker was not active with app.wasm and the page cached";
})()
