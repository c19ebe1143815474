// Ask for help: the Web Worker that answers what is typed until the app
// has started. It runs answer.wasm (cmd/answer: the data, the search and
// the answer's markup, without go-app) and answers web/page.js's questions
// with the answer's HTML; see page.js. web/early.js starts it, in the
// page's head.
"use strict";
// The download and compilation of answer.wasm need no imports: start them
// before wasm_exec.js is fetched and run, not after.
const compiled = WebAssembly.compileStreaming(fetch("answer.wasm"));
importScripts("../wasm_exec.js");

const go = new Go();
const ready = compiled
  .then((module) => WebAssembly.instantiate(module, go.importObject))
  .then((instance) => {
    go.run(instance); // returns once main waits for questions
    postMessage({ ready: true });
  })
  .catch((err) => {
    postMessage({ error: String(err) });
    throw err;
  });

// Until the wasm is ready, only the newest question is kept: page.js shows
// only the answer to the last question it asked, and answering the older
// ones first (the empty box's, as the page loads) would make the one
// that counts wait.
let latest = null;
onmessage = (e) => {
  const waiting = latest !== null;
  latest = e.data;
  if (!waiting) {
    ready.then(() => {
      const q = latest;
      latest = null;
      postMessage(askforhelpAnswer(q));
    });
  }
};
