// Ask for help: inside an iframe made by embed.js, tell the page that frames
// the widget how tall the widget is, whenever that changes. It writes only to
// the origin embed.js named (?parent=), and only if that origin really is
// the one framing this page.
(function () {
  "use strict";
  if (window.parent === window) {
    return;
  }
  var parent = new URLSearchParams(window.location.search).get("parent");
  var origin;
  try {
    origin = new URL(parent).origin;
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
