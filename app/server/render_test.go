//go:build !wasm

package server

import (
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/search"
	"github.com/alphagov/askforhelp/app/ui"
	"golang.org/x/net/html"
)

// links are every address a page may link to from the data: the teams'
// channels and sections, the repos' docs pages and GitHub, the manual pages.
var links = func() map[string]bool {
	d := directory.Seed
	m := map[string]bool{}
	for _, e := range d.Entries() {
		m[e.Contact.URL], m[d.SectionURL(&e.Contact)] = true, true
	}
	for _, r := range d.Repos {
		m[r.URL], m[directory.GitHubURL+r.Name] = true, true
	}
	for _, p := range d.Manual {
		m[p.URL] = true
	}
	return m
}()

// norm is an attribute's value as a signature has it: the data's links and
// the options' positions stand for any of their kind, so that the elements
// of an answer are known whatever the query finds.
func norm(key, val string) string {
	switch {
	case key == "href" && links[val]:
		return "LINK"
	case key == "aria-posinset" || key == "aria-setsize":
		if n, err := strconv.Atoi(val); err == nil && n >= 1 && n <= 8 {
			return "N"
		}
	case key == "id" || key == "aria-activedescendant":
		if rest, ok := strings.CutPrefix(val, "result-"); ok {
			return "result-" + strings.TrimLeft(rest, "0123456789")
		}
	}
	return val
}

// signatures are the elements of a page as tag and attributes, the search
// box's value left out: what the app renders itself.
func signatures(t *testing.T, page string) (sigs []string, values []string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		var attrs []string
		for _, a := range n.Attr {
			if n.Data == "input" && a.Key == "value" {
				values = append(values, a.Val)
				continue
			}
			attrs = append(attrs, a.Key+"="+norm(a.Key, a.Val))
		}
		slices.Sort(attrs)
		sigs = append(sigs, n.Data+" "+strings.Join(attrs, " "))
	}
	return sigs, values
}

// hostile are the pieces generated queries are made of.
var hostile = []string{
	`"`, `'`, `<`, `>`, `&`, `\`, `\"`, `\\`, `&amp;`, `&#34;`, `&lt;`, "=", "/", " ", "  ",
	`"><a href=//evil.example>Click</a>`,
	`"><meta http-equiv='refresh' content='0;url=http://elsewhere/'>`,
	`<script>alert(1)</script>`, `</textarea>`, `<!--`, `-->`, `<![CDATA[`, "{{.Version}}", "%s", "%00",
	"aria-label", "aria-expanded", "aria-hidden=true", "data-inline", "role=option", "value=",
	"\x00", "\x01", "\t", "\n", "\r", "\x1b", "\x7f", "\u0085", "\u009f", "\xff", "\xc3", "\xe2\x82", "\xed\xa0\x80",
	"🚀", "👩‍💻", "\u00a0", "\u200b", "\u2028", "\ufeff", "\u202e", "\ufffd", "\U0010ffff",
	"database", "migration", "base images", "incident", "whitehall", "k8s", "platform", "govuk",
}

func generate(r *rand.Rand) string {
	if r.IntN(50) == 0 { // now and then a very long one
		return strings.Repeat(hostile[r.IntN(len(hostile))], 10_000)[:10_000]
	}
	var b strings.Builder
	for n := r.IntN(12); n >= 0; n-- {
		b.WriteString(hostile[r.IntN(len(hostile))])
	}
	return b.String()
}

// TestRenderedPageProperty: for thousands of generated queries, the page for
// /?q= and /embed?q= parses to the elements the app renders itself (each
// seen on a page for an ordinary query) and one search box whose value is
// the query as the app shows it.
func TestRenderedPageProperty(t *testing.T) {
	s := testServer(t)
	n := 1500
	if testing.Short() {
		n = 200
	}
	for _, page := range []string{ui.HomePath, ui.EmbedPath} {
		// What the app renders for ordinary queries: none, no match, and
		// each contact by its name and its channel (each contact first).
		known := map[string]bool{}
		ordinary := []string{"", "zzzz qqqq", "govuk", "the", "database migration", "base images"}
		for _, c := range directory.Seed.Contacts {
			ordinary = append(ordinary, c.Name, c.Channel, c.Email)
		}
		for _, q := range ordinary {
			sigs, _ := signatures(t, get(t, s, page, q))
			for _, sig := range sigs {
				known[sig] = true
			}
		}
		r := rand.New(rand.NewPCG(1, uint64(len(page))))
		for i := 0; i < n; i++ {
			q := generate(r)
			body := get(t, s, page, q)
			sigs, values := signatures(t, body)
			for _, sig := range sigs {
				if !known[sig] {
					t.Fatalf("%s?q=%q: an element the app does not render: <%s>", page, q, sig)
				}
			}
			want := ui.QueryFromAddress(q)
			if len(values) != 1 || values[0] != want {
				t.Fatalf("%s?q=%q: search box values %q, want one, %q", page, q, values, want)
			}
			// Independently of QueryFromAddress: a short printable query is
			// shown exactly as typed, and no shown query is longer than the
			// search reads or holds a control character.
			if utf8.ValidString(q) && utf8.RuneCountInString(q) <= search.MaxQueryRunes && !strings.ContainsFunc(q, unicode.IsControl) && values[0] != q {
				t.Fatalf("%s?q=%q: shown as %q", page, q, values[0])
			}
			if utf8.RuneCountInString(values[0]) > search.MaxQueryRunes || strings.ContainsFunc(values[0], unicode.IsControl) {
				t.Fatalf("%s?q=%q: shown as %q", page, q, values[0])
			}
		}
	}
}

func get(t *testing.T, s *Server, page, q string) string {
	t.Helper()
	rec := do(s, http.MethodGet, page+"?q="+url.QueryEscape(q))
	if rec.Code != http.StatusOK {
		t.Fatalf("%s?q=%q: status %d", page, q, rec.Code)
	}
	return rec.Body.String()
}
