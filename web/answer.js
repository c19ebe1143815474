// Ask for help: the Web Worker that answers what is typed until the app
// has started. It runs answer.wasm (cmd/answer: the data, the search and
// the answer's markup, without go-app) and answers web/page.js's questions
// with the answer's HTML; see page.js.
"use strict";
importScripts("../wasm_exec.js");

const go = new Go();
const ready = WebAssembly.instantiateStreaming(fetch("answer.wasm"), go.importObject)
  .then((wasm) => {
    go.run(wasm.instance); // returns once main waits for questions
    postMessage({ ready: true });
  })
  .catch((err) => {
    postMessage({ error: String(err) });
    throw err;
  });

onmessage = (e) => {
  ready.then(() => postMessage(askforhelpAnswer(e.data)));
};
