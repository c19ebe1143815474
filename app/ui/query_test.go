package ui

import (
	"strings"
	"testing"

	"github.com/alphagov/askforhelp/app/search"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/net/html"
)

func TestQueryFromAddress(t *testing.T) {
	long := strings.Repeat("é", search.MaxQueryRunes+50)
	tests := []struct{ name, in, want string }{
		{"as typed", `what is aria-label for "x" <b> & \n`, `what is aria-label for "x" <b> & \n`},
		{"emoji and other scripts", "deploy 🚀 données", "deploy 🚀 données"},
		{"controls are spaces", "a\x00b\tc\nd\re\x7ff\u0085g", "a b c d e f g"},
		{"invalid UTF-8 is U+FFFD", "a\xffb\xc3", "a\ufffdb\ufffd"},
		{"cut to the search's limit, in runes", long, long[:2*search.MaxQueryRunes]},
		{"invisible but printable-in-HTML characters kept", "a\u00a0b\u200bc\u2028d", "a\u00a0b\u200bc\u2028d"},
	}
	for _, tt := range tests {
		if got := QueryFromAddress(tt.in); got != tt.want {
			t.Errorf("%s: QueryFromAddress(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

// renderedValue is the value an HTML parser reads from go-app's
// server-side rendering of an input whose value attribute is set to v.
func renderedValue(t *testing.T, v string) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(app.HTMLString(app.ElemSelfClosing("input").Attr("value", v))))
	if err != nil {
		t.Fatal(err)
	}
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.Data == "input" {
			for _, a := range n.Attr {
				if a.Key == "value" {
					return a.Val
				}
			}
			return ""
		}
	}
	t.Fatalf("no input in %q", app.HTMLString(app.ElemSelfClosing("input").Attr("value", v)))
	return ""
}

// TestAttrValueMatchesGoApp: through attrValue, go-app's rendering carries
// every value exactly; without it, it does not (if this second part fails,
// go-app has changed how it writes attributes: review attrValue).
func TestAttrValueMatchesGoApp(t *testing.T) {
	values := []string{
		`database migration`,
		`"><a href=//evil.example>Click</a>`,
		`"><meta http-equiv='refresh' content='0;url=http://elsewhere/'>`,
		`back\slash \" \\`,
		`&amp; &#34; &lt; &`,
		"nbsp\u00a0zwsp\u200bline\u2028sep\ufeffbom\u00adshy",
		"🚀 👩‍💻 données \ufffd",
		`what is aria-label for`,
		"private \ue000 unassigned \U000e0001",
	}
	for _, v := range values {
		if got := renderedValue(t, attrValue(v)); got != v {
			t.Errorf("value %q renders as %q", v, got)
		}
	}
	for _, v := range []string{`a"b`, `a\b`, "a\u00a0b"} {
		if got := renderedValue(t, v); got == v {
			t.Errorf("go-app now renders %q as it is: attrValue's workaround no longer applies", v)
		}
	}
}
