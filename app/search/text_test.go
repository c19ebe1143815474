package search

import (
	"slices"
	"strings"
	"testing"
)

func TestStem(t *testing.T) {
	// Each group must share one stem.
	groups := [][]string{
		{"migrate", "migrates", "migrating", "migrated", "migration", "migrations"},
		{"database", "databases"},
		{"image", "images"},
		{"deploy", "deploys", "deploying", "deployed", "deployment", "deployments"},
		{"monitor", "monitors", "monitoring", "monitored"},
		{"manage", "manages", "managing", "managed", "management"},
		{"review", "reviews", "reviewer", "reviewing"},
		{"triage", "triages", "triaging", "triaged"},
		{"secure", "security"},
		{"reliable", "reliability"},
		{"efficient", "efficiency", "efficiently"},
		{"specialise", "specialised", "specialize", "specialized"},
		{"run", "running", "runs"},
		{"call", "calls", "called", "calling"},
		{"engineer", "engineers", "engineering"},
		{"policy", "policies"},
		{"process", "processes"},
	}
	for _, g := range groups {
		want := stem(g[0])
		for _, w := range g[1:] {
			if got := stem(w); got != want {
				t.Errorf("stem(%q) = %q, want %q like stem(%q)", w, got, want, g[0])
			}
		}
	}
	// Words that must stay apart, and short words left alone.
	for _, pair := range [][2]string{{"engine", "engineer"}, {"base", "basis"}, {"us", "use"}} {
		if stem(pair[0]) == stem(pair[1]) {
			t.Errorf("stem(%q) == stem(%q) == %q", pair[0], pair[1], stem(pair[0]))
		}
	}
	for _, w := range []string{"aws", "k8s", "ci", "is"} {
		if got := stem(w); got != w {
			t.Errorf("stem(%q) = %q, want it unchanged", w, got)
		}
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		text string
		want string // compounds separated by " | ", parts by "+", each part norm@start-end
	}{
		{"Hello, world", "hello@0-5 | world@7-12"},
		{"#govuk-user-reviewer", "govuk@1-6+user@7-11+reviewer@12-20"},
		{"CI/CD (build)", "ci@0-2+cd@3-5 | build@7-12"},
		{"GOV.UK.", "gov@0-3+uk@4-6"},
		{"don’t", "dont@0-5"},
		{"café 🚀 x", "café@0-4 | x@7-8"},
		{"cafe\u0301", "cafe@0-5"},
		{"a--b", "a@0-1 | b@3-4"},
		{"\u0301", ""},
		{"x\x00y", "x@0-1 | y@2-3"},
		{"me@example.org", "me@0-2+example@3-10+org@11-14"},
	}
	for _, tt := range tests {
		var cs []string
		for _, c := range tokenize([]rune(tt.text)) {
			var ps []string
			for _, p := range c {
				ps = append(ps, p.norm+"@"+itoa(p.start)+"-"+itoa(p.end))
			}
			cs = append(cs, strings.Join(ps, "+"))
		}
		if got := strings.Join(cs, " | "); got != tt.want {
			t.Errorf("tokenize(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestOSADistance(t *testing.T) {
	tests := []struct {
		a, b string
		max  int
		want int
	}{
		{"kubernetes", "kubernetes", 2, 0},
		{"kubernets", "kubernetes", 2, 1},
		{"secuirty", "security", 2, 1},
		{"databese", "database", 2, 1},
		{"abc", "xyz", 1, 2},
		{"short", "muchlongerword", 2, 3},
		{"", "ab", 2, 2},
	}
	for _, tt := range tests {
		var buf []int
		if got := osaDistance([]rune(tt.a), []rune(tt.b), tt.max, &buf); got != tt.want {
			t.Errorf("osaDistance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.max, got, tt.want)
		}
	}
}

func TestByteRanges(t *testing.T) {
	// "é" is two bytes; sahilm/fuzzy reports byte offsets of matched runes.
	s := "aébéc"
	idx := []int{0, 1, 4, 6} // a, é, é, c -> runes 0, 1, 3, 4
	want := [][2]int{{0, 2}, {3, 5}}
	if got := byteRanges(s, idx); !slices.Equal(got, want) {
		t.Errorf("byteRanges(%q, %v) = %v, want %v", s, idx, got, want)
	}
}

func TestMergeRanges(t *testing.T) {
	got := mergeRanges([][2]int{{5, 7}, {0, 2}, {1, 3}, {3, 4}, {9, 10}})
	want := [][2]int{{0, 4}, {5, 7}, {9, 10}}
	if !slices.Equal(got, want) {
		t.Errorf("mergeRanges = %v, want %v", got, want)
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
