// Ask for help: starts the answerer (answer.wasm: cmd/answer, the data, the
// search and the answer's markup, without go-app) while the page is still
// being read, long before web/page.js runs (deferred, at
// DOMContentLoaded), so that its download, compilation and start overlap
// the page's own. A synchronous script in the head: an async one ran after
// DOMContentLoaded in Chromium anyway. page.js takes the answerer over
// (window.askforhelpAnswerer) with the messages it sent meanwhile, and
// says what to do if there is none.
//
// The answerer runs on the page's own thread, as a plain Go wasm page's
// does: in a Web Worker it waited for the worker's thread, its script and
// wasm_exec.js in the worker, and every answer crossed two threads. It
// speaks the worker's protocol all the same (postMessage, onmessage,
// terminate), so page.js does not tell them apart.
(function () {
  "use strict";
  var here = document.currentScript && document.currentScript.src;
  if (!here || !window.WebAssembly || !window.Promise) {
    return;
  }
  var a = { worker: null, messages: [] };
  var wasm = fetch(new URL("answer.wasm", here));
  var compiled = WebAssembly.compileStreaming
    ? WebAssembly.compileStreaming(wasm)
    : wasm.then(function (r) { return r.arrayBuffer(); }).then(WebAssembly.compile);
  // wasm_exec.js (Go's) comes with the page's deferred scripts; loaded here
  // as well, it runs as soon as it is in (running it twice is harmless).
  var goLoaded = new Promise(function (resolve, reject) {
    if (window.Go) {
      return resolve();
    }
    var s = document.createElement("script");
    s.src = new URL("../wasm_exec.js", here).href;
    s.onload = resolve;
    s.onerror = function () { reject(new Error("wasm_exec.js did not load")); };
    document.head.appendChild(s);
  });
  var stopped = false;
  var go = null;
  var ready = Promise.all([compiled, goLoaded])
    .then(function (r) {
      go = new Go();
      return WebAssembly.instantiate(r[0], go.importObject);
    })
    .then(function (instance) {
      go.run(instance); // main returns control once it waits for questions
      performance.mark("askforhelp:answerer-ready");
      deliver({ ready: true });
    });
  ready.catch(function (err) {
    deliver({ error: String(err) });
  });
  function deliver(data) {
    if (!stopped) {
      a.worker.onmessage({ data: data });
    }
  }
  // Until the wasm is ready, only the newest question is kept: page.js
  // shows only the answer to the last question it asked, and answering
  // the older ones first would make the one that counts wait.
  var latest = null;
  a.worker = {
    onmessage: function (e) { a.messages.push(e); },
    postMessage: function (req) {
      var waiting = latest !== null;
      latest = req;
      if (!waiting) {
        ready.then(function () {
          var q = latest;
          latest = null;
          if (!stopped) {
            deliver(window.askforhelpAnswer(q));
          }
        }, function () {}); // the error is delivered once, above
      }
    },
    terminate: function () {
      if (!stopped && typeof window.askforhelpStop === "function") {
        window.askforhelpStop();
      }
      stopped = true;
    },
  };
  // A User Timing mark, for the bench report: when the answerer started.
  performance.mark("askforhelp:answerer-start");
  window.askforhelpAnswerer = a;
})();
