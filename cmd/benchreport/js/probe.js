// The bench report's probe: cmd/benchreport runs it in every page before
// the page's own scripts (window.__benchWant, set just before it, is the
// text the first option must contain). It records, in performance.now()
// time (milliseconds since the navigation started):
//   - answerAt: when the first [role=option] first contains the answer;
//   - typedAt and lastTypedAt: the first and the last input event in the
//     search box;
//   - startedAt: when go-app's wasm loader left the page (the app started),
//     if the page ever had one;
//   - for one armed keystroke, its keydown's timeStamp and the first and
//     last change to the page after it (mutations of the search box itself
//     and of the debounced live region #status do not count);
// and keeps the page's WebAssembly.Memory (Go exports it as "mem") by
// wrapping WebAssembly.instantiate(Streaming).
(() => {
  const B = window.__bench = { answerAt: -1, typedAt: -1, lastTypedAt: -1, startedAt: -1, sawLoader: false, arm: false, key: null, mem: null };
  const want = window.__benchWant;
  const counts = (n) => {
    const e = n.nodeType === 1 ? n : n.parentElement;
    return !!e && e.id !== "q" && !e.closest("#status");
  };
  new MutationObserver((records) => {
    const now = performance.now();
    if (B.answerAt < 0) {
      const o = document.querySelector("[role=option]");
      if (o && o.textContent.includes(want)) B.answerAt = now;
    }
    const loader = document.getElementById("app-wasm-loader");
    if (loader) B.sawLoader = true;
    else if (B.sawLoader && B.startedAt < 0) B.startedAt = now;
    if (B.key && records.some((r) => counts(r.target))) {
      if (B.key.first < 0) B.key.first = now;
      B.key.last = now;
    }
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  addEventListener("input", (e) => {
    if (!e.target || e.target.id !== "q") return;
    B.lastTypedAt = performance.now();
    if (B.typedAt < 0) B.typedAt = B.lastTypedAt;
  }, true);
  addEventListener("keydown", (e) => {
    if (B.arm) { B.arm = false; B.key = { down: e.timeStamp, first: -1, last: -1 }; }
  }, true);
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  // until resolves with f() once it is not null, or with null after ms.
  B.until = async (f, ms) => {
    const end = performance.now() + ms;
    for (;;) {
      const v = f();
      if (v !== null) return v;
      if (performance.now() > end) return null;
      await sleep(10);
    }
  };
  // settled resolves with the armed keystroke's timing once the page has not
  // changed for quiet ms after it, or with first = -1 after ms with no change.
  B.settled = (quiet, ms) => B.until(() => {
    const k = B.key;
    if (!k) return null;
    if (k.first >= 0 && performance.now() - k.last >= quiet) return k;
    if (k.first < 0 && performance.now() - k.down > ms) return k;
    return null;
  }, ms + 1000);
  const wrap = (name) => {
    const f = WebAssembly[name];
    if (!f) return;
    WebAssembly[name] = function (...args) {
      return f.apply(this, args).then((r) => {
        const inst = r instanceof WebAssembly.Instance ? r : r.instance;
        for (const v of Object.values((inst && inst.exports) || {})) {
          if (v instanceof WebAssembly.Memory) { B.mem = v; break; }
        }
        return r;
      });
    };
  };
  wrap("instantiateStreaming");
  wrap("instantiate");
})();
