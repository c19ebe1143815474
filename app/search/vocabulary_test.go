//go:build !wasm

package search

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
)

// TestDefaultVocabulary checks that the embedded file parses, so New
// cannot panic.
func TestDefaultVocabulary(t *testing.T) {
	v, err := DefaultVocabulary()
	if err != nil {
		t.Fatal(err)
	}
	if len(v.stop) == 0 || len(v.synonyms) == 0 || len(v.terms) == 0 {
		t.Errorf("vocabulary has %d stop words, %d synonyms, %d contact keys; want some of each",
			len(v.stop), len(v.synonyms), len(v.terms))
	}
	// Every contact key should name a contact of some version of the page;
	// at least the seed page's keys must exist there.
	for key := range v.terms {
		if key == "email" {
			continue
		}
		found := false
		for _, c := range slices.Concat(directory.Seed.Contacts, pageOnly.Contacts) {
			found = found || strings.EqualFold(c.Channel, key)
		}
		if !found && !knownOldChannels[key] {
			t.Errorf("vocabulary section [%s] names no contact of the seed page or the 2024 page", key)
		}
	}
}

// knownOldChannels are channels of other versions of the page that the
// vocabulary may key terms by.
var knownOldChannels = map[string]bool{
	"#govuk-2ndline":                  true,
	"#govuk-ask-platform-engineering": true,
}

func TestParseVocabulary(t *testing.T) {
	text := `# comment
[stop]
how, do

[synonyms]
k8s, kube = kubernetes
deploy pipeline = ci/cd, build

[#govuk-developers @someone]
code review, ruby
[email]
email
`
	v, err := ParseVocabulary("v.txt", text)
	if err != nil {
		t.Fatal(err)
	}
	if !v.stop["how"] || !v.stop["do"] {
		t.Errorf("stop words %v, want how and do", v.stop)
	}
	if got := v.synonyms["kube"]; len(got) != 1 || !slices.Equal(got[0], []string{"kubernetes"}) {
		t.Errorf("synonyms[kube] = %v", got)
	}
	if got := v.synonyms["deploy pipeline"]; len(got) != 2 || !slices.Equal(got[0], []string{"ci", "cd"}) {
		t.Errorf("synonyms[deploy pipeline] = %v", got)
	}
	if v.longest != 2 {
		t.Errorf("longest = %d, want 2", v.longest)
	}
	if got := v.terms["@someone"]; !slices.Equal(got, []string{"code review", "ruby"}) {
		t.Errorf("terms[@someone] = %v", got)
	}
	c := &directory.Contact{Channel: "#GOVUK-developers", Email: "x@example.org"}
	if got := v.termsFor(c); !slices.Equal(got, []string{"code review", "ruby", "email"}) {
		t.Errorf("termsFor = %v", got)
	}
}

func TestParseVocabularyErrors(t *testing.T) {
	tests := []struct {
		text string
		line int
		msg  string
	}{
		{"k8s = kubernetes", 1, "before the first [section]"},
		{"[stop]\n\n[bogus]", 3, "unknown section"},
		{"[synonyms\nx = y", 1, "no closing ]"},
		{"[]", 1, "empty section"},
		{"[synonyms]\n# c\nk8s kubernetes", 3, "exactly one \"=\""},
		{"[synonyms]\na = b = c", 2, "exactly one \"=\""},
		{"[synonyms]\na, , b = c", 2, "empty item"},
		{"[synonyms]\n= c", 2, "empty item"},
		{"[synonyms]\na = 🚀", 2, "no words"},
		{"[stop]\nhow do", 2, "not one word"},
		{"[#x]\na = b", 2, "outside the [synonyms]"},
	}
	for _, tt := range tests {
		_, err := ParseVocabulary("v.txt", tt.text)
		var ve *VocabularyError
		if !errors.As(err, &ve) {
			t.Errorf("%q: err %v, want a *VocabularyError", tt.text, err)
			continue
		}
		if ve.Line != tt.line || !strings.Contains(err.Error(), tt.msg) || !strings.HasPrefix(err.Error(), "v.txt:"+itoa(tt.line)+": ") {
			t.Errorf("%q: %q, want line %d and %q", tt.text, err, tt.line, tt.msg)
		}
	}
}
