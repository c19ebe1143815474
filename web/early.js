// Ask for help: starts the answerer (the Web Worker answer.js and its small
// wasm, answer.wasm) while the page is still being read, long before
// web/page.js runs (deferred, at DOMContentLoaded), so that its download,
// compilation and start overlap the page's own. A synchronous script in the
// head: an async one ran after DOMContentLoaded in Chromium anyway. page.js
// takes the worker over (window.askforhelpAnswerer) with the messages it
// sent meanwhile, and says what to do if there is none.
(function () {
  "use strict";
  var here = document.currentScript && document.currentScript.src;
  if (!here || !window.Worker) {
    return;
  }
  var a = { worker: null, messages: [], failed: false };
  try {
    a.worker = new Worker(new URL("answer.js", here));
  } catch (err) {
    return;
  }
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
