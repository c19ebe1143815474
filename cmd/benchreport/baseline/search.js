// The bench report's plain JavaScript baseline: Fuse.js (fuzzy search, no
// framework) over the same teams, repos and manual pages as the widget
// (data.js, written by cmd/benchreport from directory.Seed). The query's
// words must each match, fuzzily, somewhere in a team (Fuse's extended
// search: a space is AND); the best 8 teams are listed as options. Like the
// widget, it answers what was typed before it loaded.
import Fuse from "./fuse.min.mjs";

const q = document.getElementById("q");
const list = document.getElementById("results");
const fuse = new Fuse(window.askForHelpData, {
  keys: [
    { name: "name", weight: 2 },
    { name: "channel", weight: 2 },
    "summary", "does", "repos", "pages",
  ],
  ignoreLocation: true,
  threshold: 0.3,
  useExtendedSearch: true,
});

function search() {
  const query = q.value.trim();
  const hits = query ? fuse.search(query, { limit: 8 }) : [];
  list.replaceChildren(...hits.map(({ item }, i) => {
    const li = document.createElement("li");
    li.id = "result-" + i;
    li.setAttribute("role", "option");
    li.className = "option";
    li.textContent = item.channel + " – " + item.name;
    return li;
  }));
  q.setAttribute("aria-expanded", String(hits.length > 0));
}

q.addEventListener("input", search);
if (q.value) search();
