package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/view"
	"golang.org/x/net/html"
)

// TestConvertSameAsViewHTML: the elements go-app makes of a view tree
// (toUI) are the ones view's own HTML writer writes, which the small wasm
// shows before the app starts: the same tags, attributes and text, in the
// same order, so that nothing changes when the app takes over.
func TestConvertSameAsViewHTML(t *testing.T) {
	d := directory.Seed
	_, eng := current()
	trees := map[string]*view.Node{
		"browse":     view.Browse(d, d.Entries()),
		"escalation": view.Escalation(d),
		"no match":   view.Answer(d, "zzqx", nil, -1, ""),
		"nothing":    view.Answer(d, " ", nil, -1, ""),
		"markup":     view.Answer(d, `<b>"x"</b> & 'y'`, nil, -1, ""),
	}
	for _, q := range []string{"database migration", "whitehall", "query kibana", "security", "deploy"} {
		rs := eng.Search(q, maxResults)
		trees[q] = view.Answer(d, q, rs, len(rs)-1, "Copied #x")
	}
	for name, n := range trees {
		doc, err := html.Parse(strings.NewReader(n.HTML()))
		if err != nil {
			t.Fatal(err)
		}
		want := shape(doc)
		if got := shape(render(t, toUI(n, nil))); !slices.Equal(got, want) {
			for i := range min(len(got), len(want)) {
				if got[i] != want[i] {
					t.Errorf("%s: go-app has %q where view's HTML has %q", name, got[i], want[i])
					break
				}
			}
			t.Errorf("%s: go-app's elements differ from view's HTML (%d and %d nodes)", name, len(got), len(want))
		}
	}
}

// shape lists a parsed tree's elements (tag and sorted attributes) and
// texts, in order. go-app's HTML writer puts indentation between children
// (the browser's DOM, which go-app builds itself, has none), so texts are
// compared without white space; it writes the value "true" as a bare
// attribute (mended by app/server), read here as "true".
func shape(doc *html.Node) []string {
	var out []string
	for n := range doc.Descendants() {
		switch n.Type {
		case html.TextNode:
			if s := strings.Join(strings.Fields(n.Data), ""); s != "" {
				out = append(out, s)
			}
		case html.ElementNode:
			var as []string
			for _, a := range n.Attr {
				v := a.Val
				if v == "" {
					v = "true"
				}
				as = append(as, a.Key+"="+v)
			}
			slices.Sort(as)
			out = append(out, "<"+n.Data+" "+strings.Join(as, " ")+">")
		}
	}
	return out
}
