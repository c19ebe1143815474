package directory_test

import (
	"strings"
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
)

// TestWordsFileRoundTrip: the words file gives back every page's words,
// and a page it does not list keeps its own.
func TestWordsFileRoundTrip(t *testing.T) {
	d := directory.Whole()
	b, err := directory.WordsFile(d)
	if err != nil {
		t.Fatal(err)
	}
	words, err := directory.ParseWords(b)
	if err != nil {
		t.Fatal(err)
	}
	back := directory.Seed.WithWords(words)
	for i, m := range back.Manual {
		if m.Words != d.Manual[i].Words {
			t.Fatalf("%s: words %q, want %q", m.URL, m.Words, d.Manual[i].Words)
		}
	}
	kept := directory.Seed.WithWords(map[string]string{})
	for i, m := range kept.Manual {
		if m.Words != directory.Seed.Manual[i].Words {
			t.Fatalf("%s: lost its words", m.URL)
		}
	}
	if &kept.Manual[0] == &directory.Seed.Manual[0] {
		t.Error("WithWords shares the pages with the directory it copies")
	}
}

// TestParseWordsRefuses: a damaged words file is refused whole, with the
// line that is wrong.
func TestParseWordsRefuses(t *testing.T) {
	for _, tc := range []struct {
		name, file, err string
	}{
		{"no tab", "gems\tbundler gemfile\nsentry exceptions\n", "line 2"},
		{"no words", "gems\t \n", "line 1"},
		{"no path", "\tbundler\n", "line 1"},
		{"two tabs", "gems\tbundler\tgemfile\n", "line 1: more than one tab"},
		{"twice", "gems\tbundler\ngems\tgemfile\n", `line 2: page "gems" listed twice`},
		{"not UTF-8", "gems\tbund\xffler\n", "not UTF-8"},
		{"too large", "gems\t" + strings.Repeat("word ", directory.MaxWordsFile/5) + "\n", "more than"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			words, err := directory.ParseWords([]byte(tc.file))
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Fatalf("error %v, want one saying %q", err, tc.err)
			}
			if words != nil {
				t.Errorf("kept %d pages' words from a damaged file", len(words))
			}
		})
	}
}

// TestParseWords reads what a words file says; an empty one says nothing.
func TestParseWords(t *testing.T) {
	for _, tc := range []struct {
		file string
		want map[string]string
	}{
		{"", map[string]string{}},
		{"gems\tbundler  gemfile\n", map[string]string{"gems": "bundler gemfile"}},
		{"a/b\tx y\nc\tz", map[string]string{"a/b": "x y", "c": "z"}},
	} {
		got, err := directory.ParseWords([]byte(tc.file))
		if err != nil {
			t.Fatalf("%q: %v", tc.file, err)
		}
		if len(got) != len(tc.want) {
			t.Fatalf("%q: %v, want %v", tc.file, got, tc.want)
		}
		for k, v := range tc.want {
			if got[k] != v {
				t.Errorf("%q: %s = %q, want %q", tc.file, k, got[k], v)
			}
		}
	}
}

// TestWordsFileRefuses: words that would break the file's lines are an
// error, not a file that reads differently.
func TestWordsFileRefuses(t *testing.T) {
	d := *directory.Seed
	d.Manual = []directory.ManualPage{{Title: "T", URL: directory.ManualURL + "t.html", Words: "a\nb"}}
	if b, err := directory.WordsFile(&d); err == nil {
		t.Fatalf("wrote %q", b)
	}
	d.Manual[0] = directory.ManualPage{Title: "T", URL: "https://example.com/t.html", Words: "a"}
	if _, err := directory.WordsFile(&d); err == nil || !strings.Contains(err.Error(), "not under") {
		t.Fatalf("error %v, want one about the URL", err)
	}
}
