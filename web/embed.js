// Ask for help: embed the widget on any page with two lines:
//
//   <script src="https://HOST/web/embed.js" defer></script>
//   <div data-ask-for-help></div>
//
// Each [data-ask-for-help] element gets an iframe of HOST's /embed view,
// which tells this page its height (postMessage) so that the iframe fits its
// content. Optional attributes: data-query (a first search), data-title.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) {
    return;
  }
  // /web/embed.js -> /embed, under whatever path the widget is served from.
  var embedURL = new URL("../embed", script.src);
  var widgetOrigin = embedURL.origin;

  function insert(el) {
    if (el.querySelector("iframe")) {
      return;
    }
    var url = new URL(embedURL.href);
    url.searchParams.set("parent", window.location.origin);
    var query = el.getAttribute("data-query");
    if (query) {
      url.searchParams.set("q", query);
    }
    var frame = document.createElement("iframe");
    frame.src = url.href;
    frame.title = el.getAttribute("data-title") || "Ask for help: find whom to ask about a GOV.UK technical problem";
    frame.loading = "lazy";
    frame.style.display = "block";
    frame.style.width = "100%";
    frame.style.height = "480px";
    frame.style.border = "0";
    window.addEventListener("message", function (event) {
      // Only the widget's own frame may resize it.
      if (event.origin !== widgetOrigin || event.source !== frame.contentWindow) {
        return;
      }
      var data = event.data;
      if (data && data.type === "askforhelp:height" && typeof data.height === "number" && data.height > 0 && data.height < 100000) {
        frame.style.height = Math.ceil(data.height) + "px";
      }
    });
    el.appendChild(frame);
  }

  function init() {
    var els = document.querySelectorAll("[data-ask-for-help]");
    for (var i = 0; i < els.length; i++) {
      insert(els[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
