// A visit's figures, read once the answer is shown; it waits up to 5 s for
// the first contentful paint, which can come after an answer.
(async () => {
  const B = window.__bench;
  const fcp = () => { const e = performance.getEntriesByName("first-contentful-paint")[0]; return e ? e.startTime : null; };
  const nav = performance.getEntriesByType("navigation")[0];
  const mark = (name) => { const e = performance.getEntriesByName(name)[0]; return e ? e.startTime : -1; };
  const wasm = performance.getEntriesByType("resource").filter((e) => /app\.wasm/.test(e.name))[0];
  return {
    fcp_ms: (await B.until(fcp, 5000)) ?? -1,
    dcl_ms: nav ? nav.domContentLoadedEventEnd : -1,
    answerer_start_ms: mark("askforhelp:answerer-start"),
    answerer_ready_ms: mark("askforhelp:answerer-ready"),
    answer_ms: B.answerAt,
    typed_ms: B.typedAt,
    last_typed_ms: B.lastTypedAt,
    started_ms: B.startedAt,
    wasm_fetched_ms: wasm ? wasm.responseEnd : -1,
    wasm_transfer_bytes: wasm ? wasm.transferSize : -1,
    wasm_encoded_bytes: wasm ? wasm.encodedBodySize : -1,
    controlled: !!(navigator.serviceWorker && navigator.serviceWorker.controller),
  };
})()
