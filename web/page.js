// Ask for help: what the page does without waiting for the app (go-app's
// app.wasm). Loaded (deferred) right after go-app's app.js on every page.
// Plain JavaScript, no data: the data, the search and the answer's markup
// are Go's, in the app and in the small wasm that answers before it starts
// (answer.wasm, started by early.js).
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

  // 2. Until the app (go-app, app.wasm) has started, the small wasm
  // (answer.wasm, started by early.js on this thread) answers what is typed: it
  // searches the same data with the same engine and draws the answer with
  // the same code (app/view), as HTML this script puts in place of the
  // answer. Meanwhile this script does for the keyboard, the mouse and a
  // screen reader what the app does (app/ui/page_events.go): Up and Down
  // highlight an option, Enter opens the highlighted (or first) team's
  // link, Escape clears the search, a click on an option highlights it,
  // Copy copies the channel shown, and the live region says how many teams
  // match once typing pauses. Keys pressed before an answer to what is in
  // the box has come are kept, in order, and handled when it comes; any
  // still waiting when the app starts are handed to it.
  //
  // Starting the app holds the main thread for about 100 ms (the browser
  // compiles the wasm it runs as it runs it, then Go and go-app start), and
  // a key pressed meanwhile waits. So the app starts once the answerer is
  // ready and typing has paused for QUIET ms (see app.js's askforhelpStart);
  // at once if there is no answerer.
  var QUIET = 300;
  var ANNOUNCE = 600; // as the app's announceDelay
  var WATCH = 200; // as the app's watchEvery
  var box = document.getElementById("q");
  // The answer and the list of every team are slots (app/ui/slot.go) whose
  // children are app/view's HTML, drawn by the app and by this script alike.
  var answerSlot = document.getElementById("answer");
  var browseSlot = document.getElementById("teams"); // none in the embedded view
  var status = document.getElementById("status");
  function started() {
    return document.getElementById("app-wasm-loader") === null;
  }
  var worker = null;
  var ready = false; // the answerer has answered once
  var asked = 0; // questions sent; the last one's answer is the one shown
  var shown = null; // the answer shown: {q, count, opens, channels, summary, copied}
  var active = -1; // the highlighted option
  var copied = ""; // what the card says was copied
  var keys = []; // keys waiting for the answer to what is in the box
  var typedAt = 0; // when the box's value last changed
  var announce = 0; // the live region's timer
  var quiet = 0; // the app's start timer
  var watching = 0;
  var lastValue = box ? box.value : "";

  function startApp() {
    clearTimeout(quiet);
    askforhelpStart(); // app.js's: this part runs only when it is there
  }
  function startWhenQuiet() {
    clearTimeout(quiet);
    if (ready) {
      quiet = setTimeout(startApp, QUIET);
    }
  }
  function ask(extra) {
    // Every team is listed when nothing is typed, as the app does, but
    // not in the embedded view (app/ui/page.go leaves it out there).
    var browse = box.value.trim() === "" && browseSlot !== null && browseSlot.firstElementChild === null;
    var req = { n: ++asked, q: box.value, active: active, copied: copied, browse: browse };
    for (var k in extra || {}) {
      req[k] = extra[k];
    }
    worker.postMessage(req);
  }
  function current() {
    return shown !== null && shown.q === box.value;
  }
  function show(a) {
    if (shown === null || shown.html !== a.html) {
      answerSlot.innerHTML = a.html;
    }
    if (browseSlot !== null) {
      if (a.q.trim() !== "") {
        if (browseSlot.firstChild) {
          browseSlot.textContent = "";
        }
      } else if (a.browse) {
        browseSlot.innerHTML = a.browse;
      }
    }
    box.setAttribute("aria-expanded", a.count > 0 ? "true" : "false");
    if (a.active >= 0) {
      box.setAttribute("aria-activedescendant", "result-" + a.active);
      var o = document.getElementById("result-" + a.active);
      if (o) {
        o.scrollIntoView({ block: "nearest" });
      }
    } else {
      box.removeAttribute("aria-activedescendant");
    }
    var moved = shown === null || shown.q !== a.q;
    shown = a;
    copied = a.copied;
    if (a.said) {
      status.textContent = a.said; // what was copied
    }
    if (moved) {
      var url = new URL(window.location.href);
      if (a.q === "") {
        url.searchParams.delete("q");
      } else {
        url.searchParams.set("q", a.q);
      }
      window.history.replaceState(null, "", url.href);
    }
    say();
  }
  // The live region says how many teams match once typing has paused for
  // ANNOUNCE ms and the answer to what is in the box is shown: one message,
  // never one a keystroke.
  function say() {
    if (!started() && announce !== -1 && Date.now() - typedAt >= ANNOUNCE && current()) {
      clearTimeout(announce);
      announce = -1;
      if (status.textContent !== shown.summary) {
        status.textContent = shown.summary; // a page loaded with ?q= may say it already
      }
    }
  }
  function typed() {
    if (started() || box.value === lastValue) {
      return; // answered already (a change event after typing, the watch)
    }
    lastValue = box.value;
    active = -1;
    copied = "";
    typedAt = Date.now();
    clearTimeout(announce);
    announce = setTimeout(say, ANNOUNCE);
    ask();
    startWhenQuiet();
  }
  function select(i) {
    active = i;
    ask();
  }
  function press(key) {
    var n = shown.count;
    switch (key) {
      case "ArrowDown":
      case "Down":
        if (n > 0) {
          select((active + 1) % n);
        }
        break;
      case "ArrowUp":
      case "Up":
        if (n > 0) {
          select(active <= 0 ? n - 1 : active - 1);
        }
        break;
      case "Enter":
        if (n === 0) {
          // As in the app: the form asks for ?q= (the server answers it, or
          // on a static host this page does once loaded).
          if (box.form) {
            box.form.requestSubmit ? box.form.requestSubmit() : box.form.submit();
          }
          break;
        }
        var i = Math.max(active, 0);
        var link = document.getElementById("result-" + i + "-link");
        if (link) {
          link.click();
          clearTimeout(announce); // a count still to come would hide this
          announce = -1;
          status.textContent = shown.opens[i];
        }
        break;
      case "Escape":
      case "Esc":
        box.value = "";
        lastValue = "";
        active = -1;
        copied = "";
        clearTimeout(announce);
        announce = -1;
        status.textContent = "";
        ask();
        window.history.replaceState(null, "", window.location.pathname);
        break;
    }
  }
  var HANDLED = { ArrowDown: 1, Down: 1, ArrowUp: 1, Up: 1, Enter: 1, Escape: 1, Esc: 1 };
  function onKey(e) {
    if (started() || !HANDLED[e.key] || e.altKey || e.ctrlKey || e.metaKey) {
      return;
    }
    e.preventDefault();
    if (keys.length > 0 || !current()) {
      keys.push(e.key); // handled when the answer to what is in the box comes
      return;
    }
    press(e.key);
  }
  function onAnswer(e) {
    var a = e.data;
    if (started()) {
      return;
    }
    if (a.error !== undefined) {
      worker.terminate();
      startApp(); // no answerer: only the app can answer
      return;
    }
    if (a.ready) {
      ready = true;
      startWhenQuiet();
      return;
    }
    if (a.n !== asked) {
      return; // something newer was asked
    }
    show(a);
    while (keys.length > 0 && current() && a.n === asked) {
      press(keys.shift());
    }
  }
  function onClick(e) {
    if (started()) {
      return;
    }
    var option = e.target.closest && e.target.closest("[role=option]");
    if (option && current()) {
      select(parseInt(option.id.slice("result-".length), 10));
      box.focus();
      return;
    }
    if (e.target.closest && e.target.closest(".card__copy") && current() && shown.count > 0) {
      var channel = shown.channels[Math.max(active, 0)];
      if (!navigator.clipboard) {
        ask({ unavailable: true });
        return;
      }
      navigator.clipboard.writeText(channel);
      ask({ copy: channel });
    }
  }
  // The option takes no focus from the search box, or the keys would stop
  // working: the page's body would have the focus.
  function onMouseDown(e) {
    if (!started() && e.target.closest && e.target.closest("[role=option]")) {
      e.preventDefault();
    }
  }
  // "/" typed outside a text field focuses the search box, and is not
  // typed into it, as in the app (app/ui/page_start.go's focusOnSlash).
  function onSlash(e) {
    if (started() || e.key !== "/" || e.ctrlKey || e.metaKey || /^(input|textarea|select)$/i.test(e.target.tagName || "")) {
      return;
    }
    e.preventDefault();
    box.focus();
  }
  if (box && !started()) {
    window.addEventListener("keydown", onSlash); // whether or not the small wasm answers
  }
  // Voice control software may set the box's value without any event: while
  // the box has the focus, look for a new value, as the app does.
  function watch() {
    clearInterval(watching);
    watching = setInterval(typed, WATCH);
  }
  function unwatch() {
    clearInterval(watching);
  }
  // When the app starts it takes the page over (app/ui/page_start.go reads
  // the query, the highlighted option, the live region's text and the caret
  // from it); keys still waiting are handed to it, in order.
  // The box is the same node once the app has started (app/ui/kept.go):
  // its listeners here go.
  function handOver() {
    if (worker) {
      worker.terminate();
    }
    unwatch();
    clearTimeout(announce);
    clearTimeout(quiet);
    box.removeEventListener("input", typed);
    box.removeEventListener("change", typed);
    box.removeEventListener("keydown", onKey);
    box.removeEventListener("focus", watch);
    box.removeEventListener("blur", unwatch);
    var q = document.getElementById("q");
    while (q && keys.length > 0) {
      q.dispatchEvent(new KeyboardEvent("keydown", { key: keys.shift(), bubbles: true, cancelable: true }));
    }
  }
  // The answerer was started by web/early.js, in the head (it speaks a Web
  // Worker's protocol, though it runs on this thread); what it said
  // before this script ran is handled now, in order.
  var early = window.askforhelpAnswerer;
  window.askforhelpAnswerer = undefined;
  if (box && answerSlot && status && !started() && typeof askforhelpStart === "function" && early) {
    askforhelpHeld = true;
    window.askforhelpAnnounce = function () {
      return announce !== -1 && announce !== 0; // a count still to say
    };
    worker = early.worker;
    // An answerer that fails says so in a message (onAnswer: error).
    worker.onmessage = onAnswer;
    early.messages.forEach(onAnswer);
    box.addEventListener("input", typed);
    box.addEventListener("change", typed);
    box.addEventListener("keydown", onKey);
    box.addEventListener("focus", watch);
    box.addEventListener("blur", unwatch);
    if (document.activeElement === box) {
      watch();
    }
    answerSlot.addEventListener("mousedown", onMouseDown);
    answerSlot.addEventListener("click", onClick);
    if (typeof askforhelpStarted === "object") {
      askforhelpStarted.then(function () {
        setTimeout(handOver, 0);
      });
    }
    var q = new URL(window.location.href).searchParams.get("q") || "";
    if (box.value === "" && q !== "") {
      box.value = q; // a page served from the cache (or a static host) for any ?q=
    }
    lastValue = box.getAttribute("value") || "";
    if (box.value !== lastValue) {
      typed(); // typed before this script ran, or taken from the address
      typedAt = 0; // nothing to wait for: say the count once answered
    } else {
      shown = null;
      ask(); // the answer to the page's own value, for the keys
    }
  } else {
    if (early) {
      early.worker.terminate(); // not a page that answers
    }
    if (typeof askforhelpStart === "function") {
      startApp();
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
