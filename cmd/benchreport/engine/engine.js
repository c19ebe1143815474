// Runs app/search's wasm test binary (search.test.wasm, which make bench
// builds) with the arguments of the page's address (?args=[...]) and keeps
// what it prints in window.__benchOut.
"use strict";
window.__benchOut = "";
window.__benchDone = false;
const decoder = new TextDecoder();
globalThis.fs.writeSync = (fd, buf) => { window.__benchOut += decoder.decode(buf); return buf.length; };
const go = new Go();
// A timer the test binary set can fire after it exited: drop it rather
// than throw "Go program has already exited".
const resume = go._resume.bind(go);
go._resume = () => {
  if (!go.exited) return resume();
  for (const t of go._scheduledTimeouts.values()) clearTimeout(t);
  go._scheduledTimeouts.clear();
};
go.argv = ["search.test", ...JSON.parse(new URLSearchParams(location.search).get("args"))];
WebAssembly.instantiateStreaming(fetch("search.test.wasm"), go.importObject)
  .then((r) => go.run(r.instance))
  .then(() => { go._resume(); window.__benchDone = true; },
        (err) => { window.__benchOut += "\nharness error: " + err; window.__benchDone = true; });
