// Ask for help: starts the answerer (the Web Worker answer.js and its small
// wasm, answer.wasm) while the page is still being read, long before
// web/page.js runs (deferred, at DOMContentLoaded), so that its download,
// compilation and start overlap the page's own. A synchronous script in the
// head: an async one ran after DOMContentLoaded in Chromium anyway. page.js
// takes the worker over (window.askforhelpAnswerer) with the messages it
// sent meanwhile, and says what to do if there is none.
//
// The wasm is fetched and compiled from here, and the compiled module
// handed to the worker: fetched from the worker, its download waited for
// the worker's script (one more request in a row: on a slow link, 150 ms
// and more before the largest download starts).
(function () {
  "use strict";
  var here = document.currentScript && document.currentScript.src;
  if (!here || !window.Worker) {
    return;
  }
  var a = { worker: null, messages: [], failed: false };
  var wasm = fetch(new URL("answer.wasm", here));
  var compiled = WebAssembly.compileStreaming
    ? WebAssembly.compileStreaming(wasm)
    : wasm.then(function (r) { return r.arrayBuffer(); }).then(WebAssembly.compile);
  try {
    a.worker = new Worker(new URL("answer.js", here));
  } catch (err) {
    return;
  }
  compiled.then(
    function (module) { a.worker.postMessage({ module: module }); },
    function (err) { a.worker.postMessage({ failed: String(err) }); }
  );
  // User Timing marks, for the bench report: when the worker was started
  // and when it was ready to answer.
  performance.mark("askforhelp:answerer-start");
  a.worker.addEventListener("message", function (e) {
    if (e.data && e.data.ready) {
      performance.mark("askforhelp:answerer-ready");
    }
  });
  a.worker.onmessage = function (e) {
    a.messages.push(e);
  };
  a.worker.onerror = function () {
    a.failed = true;
  };
  window.askforhelpAnswerer = a;
})();
