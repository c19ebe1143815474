package search

import (
	"slices"
	"strings"
	"testing"
)

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
