//go:build !wasm

package server

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestMendPage(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"bare aria state", `<input aria-expanded aria-controls="x">`, `<input aria-expanded="true" aria-controls="x">`},
		{"bare aria at end of tag", `<div aria-atomic>`, `<div aria-atomic="true">`},
		{"other bare attributes stay", `<input hidden disabled>`, `<input hidden disabled>`},
		{"values are never rewritten", `<input value="what is aria-label for" aria-x>`, `<input value="what is aria-label for" aria-x="true">`},
		{"a value's markup stays a value", `<input value="&#34;&gt;&lt;a aria-hidden&gt;" aria-x>`, `<input value="&#34;&gt;&lt;a aria-hidden&gt;" aria-x="true">`},
		{"text is not a tag", `<p>aria-label and <b>data-inline</b></p>`, `<p>aria-label and <b>data-inline</b></p>`},
		{
			"inline children back to back, spaces of the text kept",
			"    <span data-inline>\n      mi\n      <mark>grat</mark>\n      ing from one \n    </span>",
			"    <span data-inline>mi<mark>grat</mark>ing from one </span>",
		},
		{
			"a leading space of a text node is the text's",
			"  <span data-inline>\n    <mark>a</mark>\n     b\n  </span>",
			"  <span data-inline><mark>a</mark> b</span>",
		},
		{"only inside the inline element", "<p>\n  <span data-inline>\n    a\n    <mark>b</mark>\n  </span>\n  c\n</p>", "<p>\n  <span data-inline>a<mark>b</mark></span>\n  c\n</p>"},
		{"go-app's stylesheet left out", "<head>\n    <link rel=\"stylesheet\" type=\"text/css\" href=\"/app.css\">\n    <link href=\"/web/style.css\" rel=\"stylesheet\">", "<head>\n    <link href=\"/web/style.css\" rel=\"stylesheet\">"},
		{
			"the early script moved to the top of the head",
			"<head>\n    <meta charset=\"UTF-8\">\n    <link href=\"/b/web/style.css\" rel=\"stylesheet\">\n    <script defer src=\"/b/app.js\"></script>\n    <script src=\"/b/web/early.js\"></script>\n    <script src=\"/b/web/page.js\" defer></script>\n  </head>",
			"<head>\n    <meta charset=\"UTF-8\">\n    <script src=\"/b/web/early.js\"></script>\n    <link href=\"/b/web/style.css\" rel=\"stylesheet\">\n    <script defer src=\"/b/app.js\"></script>\n    <script src=\"/b/web/page.js\" defer></script>\n  </head>",
		},
		{"a deferred early script stays", "<meta charset=\"UTF-8\">\n<script defer src=\"/web/early.js\"></script>", "<meta charset=\"UTF-8\">\n<script defer src=\"/web/early.js\"></script>"},
		{"nothing to do", "<p>x</p>", "<p>x</p>"},
	}
	for _, tt := range tests {
		got, _, err := mendPage([]byte(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

// TestGoAppShapes fails when go-app's output no longer has the shape one
// of the changes in goapp.go expects: review the change (it may no longer
// be needed, or no longer apply).
func TestGoAppShapes(t *testing.T) {
	s := testServer(t)

	// app.js: every edit finds its text once (New fails otherwise), and
	// the served script has the edits.
	js := string(s.files["/app.js"].body)
	for _, want := range []string{startGate, `fetch("/web/app.wasm")`, "askforhelpGate.then(goappInitWebAssembly)", `go.env = { GOGC: "` + appGOGC + `" };`} {
		if !strings.Contains(js, want) {
			t.Errorf("app.js lacks %q", want)
		}
	}
	if strings.Contains(js, "fetchWithProgress(\"/web/app.wasm\"") {
		t.Error("app.js still fetches the wasm with progress")
	}

	// app-worker.js: go-app fills the template's fields.
	worker := string(s.files["/app-worker.js"].body)
	if !strings.Contains(worker, `const cacheName = "app-`+s.Version()+`";`) || strings.Contains(worker, "{{") {
		t.Errorf("go-app no longer fills the worker template:\n%.300s", worker)
	}
	m := regexp.MustCompile(`const resourcesToCache = (\[.*\]);`).FindStringSubmatch(worker)
	var cached []string
	if m == nil || json.Unmarshal([]byte(m[1]), &cached) != nil {
		t.Fatalf("no resourcesToCache list in the worker:\n%.300s", worker)
	}
	for _, want := range []string{"/", "/embed", "/app.js", "/web/app.wasm", "/web/style.css"} {
		if !strings.Contains(m[1], `"`+want+`"`) {
			t.Errorf("the worker does not cache %s: %v", want, cached)
		}
	}
	for _, p := range cached {
		if _, ok := s.files[p]; !ok && p != "/" && p != "/embed" {
			t.Errorf("the worker caches %s, which the server does not serve", p)
		}
	}

	// The prerendered page: go-app still writes what mendPage mends.
	rec := httptest.NewRecorder()
	s.app.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/?q=database+migration", nil))
	_, got, err := mendPage(rec.Body.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if got.ariaStates == 0 {
		t.Error(`go-app no longer writes "true" as a bare attribute: mendPage's ARIA fix may go`)
	}
	if got.inline == 0 {
		t.Error("no data-inline element in the page: mendPage's inline fix finds nothing to do")
	}
	if got.appCSS != 1 {
		t.Errorf("go-app's page links app.css %d times, want once", got.appCSS)
	}
	if !strings.Contains(rec.Body.String(), "<span data-inline>\n") {
		t.Error("go-app no longer indents inline children: mendPage's inline fix may go")
	}
}

// TestEarlyScript: with an answerer in the web folder, every page starts
// it from web/early.js, a synchronous script right after <meta charset>,
// before the stylesheet (go-app writes it after, where it would wait for
// the stylesheet); without one, no page links early.js.
func TestEarlyScript(t *testing.T) {
	for _, answerer := range []bool{true, false} {
		extra := map[string]string{}
		if answerer {
			extra = map[string]string{"answer.wasm": "\x00asm", "early.js": "//"}
		}
		s := testServer(t, extra)
		for _, p := range []string{"/", "/?q=database", "/embed"} {
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
			page := rec.Body.String()
			n := strings.Count(page, "/web/early.js")
			if !answerer {
				if n != 0 {
					t.Errorf("%s without an answerer links early.js", p)
				}
				continue
			}
			head := page[:strings.Index(page, "</head>")]
			if n != 1 || !strings.Contains(head, "<meta charset=\"UTF-8\">\n    <script src=\"/web/early.js\"></script>\n") {
				t.Errorf("%s: want early.js once, right after <meta charset>:\n%s", p, head)
			}
			if strings.Index(head, "early.js") > strings.Index(head, "style.css") {
				t.Errorf("%s: early.js comes after the stylesheet", p)
			}
		}
	}
	// go-app writes the handler's scripts after the stylesheets, which is
	// why mendPage moves it: if it ever writes them first, the move may go.
	s := testServer(t, map[string]string{"answer.wasm": "\x00asm", "early.js": "//"})
	rec := httptest.NewRecorder()
	s.app.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	raw := rec.Body.String()
	if i, j := strings.Index(raw, "/web/early.js"), strings.Index(raw, "/web/style.css"); i < 0 || i < j {
		t.Errorf("go-app writes early.js at %d, the stylesheet at %d: review mendPage's move", i, j)
	}
}

// testServer is a server over a web folder holding a small app.wasm, and
// extra files.
func testServer(t *testing.T, extra ...map[string]string) *Server {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{"app.wasm": "\x00asm wasm", "style.css": "body{}", "embed.js": "//", "page.js": "// page",
		"icon.svg": "<svg/>", "app.wasm.br": "brotli", "app.wasm.gz": "gzip"}
	for _, e := range extra {
		for name, body := range e {
			files[name] = body
		}
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := New(Options{WebDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	return s
}
