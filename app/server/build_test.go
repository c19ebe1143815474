package server

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildCarriesPolicy: a static host such as GitHub Pages sends no
// headers, so every page of the build carries its Content-Security-Policy
// and referrer policy in <meta> tags, before any script; the policy is the
// one the server sends, less frame-ancestors, which a <meta> cannot say.
func TestBuildCarriesPolicy(t *testing.T) {
	s := testServer(t)
	out := filepath.Join(t.TempDir(), "site")
	if err := s.Build(out); err != nil {
		t.Fatal(err)
	}
	pages, _ := filepath.Glob(filepath.Join(out, "*.html"))
	if len(pages) < 3 {
		t.Fatalf("built pages %v, want /, /embed and /demo", pages)
	}
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		html := string(b)
		cspAt := strings.Index(html, `<meta http-equiv="Content-Security-Policy" content="`+csp+`">`)
		refAt := strings.Index(html, `<meta name="referrer" content="strict-origin-when-cross-origin">`)
		scriptAt := strings.Index(html, "<script")
		if cspAt < 0 || refAt < 0 {
			t.Errorf("%s: no CSP or referrer policy <meta> (at %d, %d)", filepath.Base(p), cspAt, refAt)
		}
		if scriptAt >= 0 && scriptAt < cspAt {
			t.Errorf("%s: a script comes before the policy", filepath.Base(p))
		}
		if strings.Count(html, "Content-Security-Policy") != 1 || strings.Contains(html, "frame-ancestors") {
			t.Errorf("%s: want one policy, without frame-ancestors", filepath.Base(p))
		}
		if !strings.Contains(strings.ToLower(html[:cspAt]), "<head") {
			t.Errorf("%s: the policy is not in <head>", filepath.Base(p))
		}
	}
}

func TestMetaPolicyNeedsHead(t *testing.T) {
	for _, page := range []string{"<html><body>x</body></html>", "<html><head"} {
		if _, err := metaPolicy([]byte(page)); err == nil {
			t.Errorf("metaPolicy(%q): no error", page)
		}
	}
}
