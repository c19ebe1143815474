package server

import "testing"

func TestTidyHTML(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"bare aria state", `<input aria-expanded aria-controls="x">`, `<input aria-expanded="true" aria-controls="x">`},
		{"bare aria at end of tag", `<div aria-atomic>`, `<div aria-atomic="true">`},
		{"other bare attributes stay", `<input hidden disabled>`, `<input hidden disabled>`},
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
		{"nothing to do", "<p>x</p>", "<p>x</p>"},
	}
	for _, tt := range tests {
		if got := string(tidyHTML([]byte(tt.in))); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

func TestAcceptedEncoding(t *testing.T) {
	both := map[string]bool{"br": true, "gzip": true}
	tests := []struct {
		accept string
		have   map[string]bool
		want   string
	}{
		{"gzip, deflate, br, zstd", both, "br"},
		{"gzip", both, "gzip"},
		{"br;q=0, gzip", both, "gzip"},
		{"*", both, "br"},
		{"", both, ""},
		{"identity", both, ""},
		{"br", map[string]bool{"gzip": true}, ""},
		{"gzip, br", map[string]bool{"gzip": true}, "gzip"},
	}
	for _, tt := range tests {
		if got := acceptedEncoding(tt.accept, tt.have); got != tt.want {
			t.Errorf("acceptedEncoding(%q, %v) = %q, want %q", tt.accept, tt.have, got, tt.want)
		}
	}
}

func TestResolve(t *testing.T) {
	tests := []struct{ base, in, want string }{
		{"", "/web/app.wasm", "/web/app.wasm"},
		{"", "/", "/"},
		{"/askforhelp", "/web/app.wasm", "/askforhelp/web/app.wasm"},
		{"/askforhelp", "/", "/askforhelp/"},
		{"/askforhelp", "/askforhelp/app.js", "/askforhelp/app.js"},
		{"/askforhelp", "#q", "#q"},
		{"/askforhelp", "https://gds.slack.com/channels/x", "https://gds.slack.com/channels/x"},
		{"/askforhelp", "mailto:a@b.c", "mailto:a@b.c"},
	}
	for _, tt := range tests {
		w := &webFiles{base: tt.base}
		if got := w.Resolve(tt.in); got != tt.want {
			t.Errorf("base %q: Resolve(%q) = %q, want %q", tt.base, tt.in, got, tt.want)
		}
	}
}
