// Ask for help: what the page does without waiting for the WebAssembly.
// Loaded (deferred) right after go-app's app.js on every page. Plain
// JavaScript, no data: the data and the search are the app's and the
// server's.
(function () {
  "use strict";

  // 1. A new version is ready when the service worker's cache is for
  // another version than this page's. go-app announces an update only if
  // it sees the new worker install; a navigation can start (and finish) that
  // before app.js listens, so look at the caches too, now and whenever the
  // worker changes. goappOnUpdate is app.js's: before the wasm has started
  // it remembers the update, after it tells the page.
  function checkUpdate() {
    if (!window.caches || typeof goappGetenv !== "function" || typeof goappOnUpdate !== "function") {
      return;
    }
    var mine = "app-" + goappGetenv("GOAPP_VERSION");
    caches.keys().then(function (keys) {
      var apps = keys.filter(function (k) { return k.indexOf("app-") === 0; });
      if (apps.length > 0 && apps.indexOf(mine) < 0 && navigator.serviceWorker.controller) {
        goappOnUpdate();
      }
    });
  }
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.ready.then(function (reg) {
      checkUpdate();
      reg.addEventListener("updatefound", function () {
        var w = reg.installing;
        if (w) {
          w.addEventListener("statechange", function () {
            if (w.state === "activated") {
              checkUpdate();
            }
          });
        }
      });
    });
  }

  // 2. Until the WebAssembly has started, answer from the server: each
  // change to the search box asks this page's own address with ?q= (which
  // the server renders, as it does for a browser without JavaScript) and
  // shows the answer, the matches and the live region's count from it. The
  // app replaces all of it with its own rendering of the same thing once it
  // starts; nothing is done after that, nor when there is no server (a
  // static copy, or offline), where the app alone answers.
  //
  // Starting the app holds the main thread for about 100 ms (the browser
  // compiles the WebAssembly it runs as it runs it, then Go and go-app start),
  // and a key pressed meanwhile waits. So while the server answers, the app
  // starts once typing pauses: QUIET ms after the last keystroke, or after
  // this script ran if nobody types. It starts at once if the server does
  // not answer within WAIT ms, since then only the app can, and when a key
  // only the app handles is pressed (see app.js's askforhelpGate).
  var QUIET = 300;
  var WAIT = 1000;
  var box = document.getElementById("q");
  var layout = document.querySelector(".layout");
  var asked = 0;
  var timer = 0;
  var shownFor = box ? box.getAttribute("value") || "" : ""; // what the options answer
  var pending = null; // a key pressed before the app started, for the app
  function started() {
    return document.getElementById("app-wasm-loader") === null;
  }
  function startApp() {
    clearTimeout(timer);
    askforhelpStart(); // app.js's: this part runs only when it is there
  }
  function startWhenQuiet() {
    clearTimeout(timer);
    timer = setTimeout(startApp, QUIET);
  }
  function answer() {
    if (started() || !window.fetch || !window.DOMParser) {
      startApp();
      return;
    }
    startWhenQuiet();
    var n = ++asked;
    var sent = box.value;
    var url = new URL(window.location.href);
    if (sent.trim() === "") {
      url.searchParams.delete("q");
    } else {
      url.searchParams.set("q", sent);
    }
    var abort = window.AbortController ? new AbortController() : null;
    var late = setTimeout(function () {
      if (abort) {
        abort.abort();
      }
      startApp();
    }, WAIT);
    fetch(url.href, { credentials: "same-origin", signal: abort ? abort.signal : undefined }).then(function (res) {
      return res.ok && (res.headers.get("Content-Type") || "").indexOf("text/html") === 0 ? res.text() : null;
    }).then(function (html) {
      clearTimeout(late);
      var doc = html === null ? null : new DOMParser().parseFromString(html, "text/html");
      var fresh = doc && doc.querySelector(".layout");
      var freshBox = doc && doc.getElementById("q");
      if (!fresh || !freshBox || freshBox.value !== sent) {
        startApp(); // not the server's answer to what was asked: a static copy
        return;
      }
      if (n !== asked || started()) {
        return; // something newer was asked, or the app answers now
      }
      // Keep the form (the box being typed in) and the live region (a new
      // one would not be announced); take the rest from the server.
      var keep = { q: true, status: true };
      Array.prototype.slice.call(layout.children).forEach(function (el) {
        if (!el.querySelector("#q") && !keep[el.id]) {
          el.remove();
        }
      });
      Array.prototype.slice.call(fresh.children).forEach(function (el) {
        if (!el.querySelector("#q") && !keep[el.id]) {
          layout.appendChild(document.importNode(el, true));
        }
      });
      var status = doc.getElementById("status");
      if (status) {
        document.getElementById("status").textContent = status.textContent;
      }
      box.setAttribute("aria-expanded", freshBox.getAttribute("aria-expanded") || "false");
      shownFor = sent;
      window.history.replaceState(null, "", url.href);
      if (pending === "Enter" && shownFor === box.value) {
        openFirst();
      }
    }).catch(function () {
      clearTimeout(late);
      startApp(); // no server (offline): only the app can answer
    });
  }
  // Keys the app handles, pressed before it starts. Enter opens the first
  // answer's channel, as the app would, once the answer to what is in the
  // box is shown (with no answer the form submits, and the server answers);
  // if the app starts first, Enter is handed to it. Up, Down and Escape
  // start the app at once and are handed to it when it starts.
  function openFirst() {
    pending = null;
    var link = document.getElementById("result-0-link");
    if (link) {
      link.click();
    } else if (box.form) {
      box.form.submit();
    }
  }
  function onKey(e) {
    if (started()) {
      return;
    }
    var key = e.key;
    if (key === "Enter") {
      e.preventDefault();
      if (shownFor === box.value) {
        openFirst();
      } else {
        pending = key; // opened when the answer comes, or handed to the app
      }
      return;
    }
    if (key === "ArrowDown" || key === "ArrowUp" || key === "Down" || key === "Up" || key === "Escape" || key === "Esc") {
      e.preventDefault();
      pending = key;
      startApp();
    }
  }
  function replay() {
    var q = document.getElementById("q");
    if (pending === null || !started() || !q) {
      return;
    }
    var key = pending;
    pending = null;
    q.dispatchEvent(new KeyboardEvent("keydown", { key: key, bubbles: true, cancelable: true }));
  }
  if (box && layout && !started() && typeof askforhelpStart === "function") {
    askforhelpHeld = true;
    startWhenQuiet();
    box.addEventListener("input", answer);
    box.addEventListener("keydown", onKey);
    if (typeof askforhelpStarted === "object") {
      askforhelpStarted.then(function () {
        setTimeout(replay, 0);
      });
    }
    var q = new URL(window.location.href).searchParams.get("q") || "";
    if (box.value === "" && q !== "") {
      box.value = q; // a page served from the cache for any ?q=
      answer();
    } else if (box.value !== q) {
      answer(); // typed before this script ran
    }
  }

  // 3. Inside an iframe made by embed.js, tell the page that frames the
  // widget how tall it is, whenever that changes. Write only to the origin
  // embed.js named (?parent=), and only if it really is the one framing us.
  if (window.parent === window) {
    return;
  }
  var origin;
  try {
    origin = new URL(new URLSearchParams(window.location.search).get("parent")).origin;
  } catch (e) {
    return;
  }
  var ancestors = window.location.ancestorOrigins;
  if (ancestors && ancestors.length > 0 && ancestors[0] !== origin) {
    return;
  }
  var last = -1;
  function post() {
    var height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: "askforhelp:height", height: height }, origin);
    }
  }
  new ResizeObserver(post).observe(document.body);
  post();
})();
