// Package stem reduces English words to crude stems, so that the forms of
// a word are found together: the search matches by it, and the data reader
// counts a page's words by it. It links only strings and unicode/utf8.
package stem

import (
	"strings"
	"unicode/utf8"
)

// Of reduces an English word to a crude stem shared by its forms, so that
// migrate, migrates, migrating, migrated and migration all become "migrat"
// and database, databases become "databas". It is deliberately light (a
// plural, then one suffix, then a final e): the typo and prefix matching
// catch most of what it misses, and over-stemming would merge unrelated
// words. Words of three letters or fewer are left alone.
func Of(w string) string {
	if utf8.RuneCountInString(w) <= 3 {
		return w
	}
	s := w
	// Plurals and third person.
	switch {
	case strings.HasSuffix(s, "ies") && len(s) > 4:
		s = s[:len(s)-3] + "y"
	case strings.HasSuffix(s, "sses"), strings.HasSuffix(s, "shes"),
		strings.HasSuffix(s, "ches"), strings.HasSuffix(s, "xes"):
		s = s[:len(s)-2]
	case strings.HasSuffix(s, "s") && !strings.HasSuffix(s, "ss") &&
		!strings.HasSuffix(s, "us") && !strings.HasSuffix(s, "is"):
		s = s[:len(s)-1]
	}
	// One derivational or inflectional suffix, longest first, keeping a
	// stem of at least three letters.
	for _, suf := range stemSuffixes {
		if strings.HasSuffix(s, suf.from) && len(s)-len(suf.from) >= 3 {
			if suf.from == "er" && strings.HasSuffix(s, "eer") {
				break // engineer is not engine + er
			}
			s = s[:len(s)-len(suf.from)] + suf.to
			if suf.undouble {
				s = undouble(s)
			}
			break
		}
	}
	if strings.HasSuffix(s, "e") && len(s) > 3 {
		s = s[:len(s)-1]
	}
	// British and American spellings: specialise, specialize.
	if strings.HasSuffix(s, "iz") {
		s = s[:len(s)-2] + "is"
	}
	return s
}

// stemSuffixes are the suffixes Of removes, longest first.
var stemSuffixes = []struct {
	from, to string
	undouble bool // running -> run, planned -> plan
}{
	{"isation", "is", false},
	{"ization", "iz", false},
	{"ability", "abl", false},
	{"ibility", "ibl", false},
	{"ment", "", false},
	{"ness", "", false},
	{"ency", "ent", false},
	{"ancy", "ant", false},
	{"ing", "", true},
	{"ion", "", false},
	{"ity", "", false},
	{"ed", "", true},
	{"er", "", false},
	{"ly", "", false},
}

// undouble drops one of a doubled final consonant (runn -> run) except
// l, s and z, which English doubles in the stem itself (call, pass, buzz).
func undouble(s string) string {
	n := len(s)
	if n < 4 || s[n-1] != s[n-2] {
		return s
	}
	switch s[n-1] {
	case 'l', 's', 'z', 'a', 'e', 'i', 'o', 'u':
		return s
	}
	return s[:n-1]
}
