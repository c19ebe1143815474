// Ask for help: the Web Worker that answers what is typed until the app
// has started. It runs answer.wasm (cmd/answer: the data, the search and
// the answer's markup, without go-app) and answers web/page.js's questions
// with the answer's HTML; see page.js. web/early.js starts it, in the
// page's head, and sends it answer.wasm compiled ({module}), or why it
// could not ({failed}): the page starts the download at once, rather than
// once this script is in.
"use strict";
let gotModule;
const compiled = new Promise((resolve, reject) => {
  gotModule = (m) => (m.module ? resolve(m.module) : reject(new Error(m.failed)));
});
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
  if (e.data && (e.data.module || e.data.failed)) {
    gotModule(e.data);
    return;
  }
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
