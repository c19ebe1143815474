package server

import "testing"

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
