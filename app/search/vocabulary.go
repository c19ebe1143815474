package search

import (
	"strconv"
	"strings"
	"sync"

	"github.com/alphagov/askforhelp/app/directory"
)

// Vocabulary is what the search knows about words beyond the page: words
// that carry no meaning in a question, synonyms that map the words people
// use onto the page's own words, and extra terms for some contacts. It is
// read from a small text file (see ParseVocabulary) and is read-only.
type Vocabulary struct {
	stop map[string]bool
	// synonyms maps a phrase people type (normalised words joined by one
	// space) to the page's phrases it stands for, each a list of words.
	synonyms map[string][][]string
	// longest is the most words in a synonyms key.
	longest int
	// terms maps a contact key (a channel or handle in lower case, or
	// "email" for every contact with an email address) to extra terms.
	terms map[string][]string
}

// VocabularyError is a problem in a vocabulary file, with where it is.
type VocabularyError struct {
	File string // the file's name, as given to ParseVocabulary
	Line int    // 1-based line number
	Msg  string
}

// Error formats the error as "file:line: message".
func (e *VocabularyError) Error() string {
	return e.File + ":" + strconv.Itoa(e.Line) + ": " + e.Msg
}

// ParseVocabulary reads a vocabulary file; name is used in errors only.
//
// The file is made of sections, each opened by a line in brackets; blank
// lines and lines starting with "#" are ignored:
//
//	[stop]            words that carry no meaning in a query, comma separated
//	[synonyms]        one mapping a line: what people type = the page's words,
//	                  each side a comma-separated list of words or phrases
//	[#channel @handle ...] extra terms (comma separated) for the contact
//	                  whose channel or handle is one of those listed
//	[email]           extra terms for every contact with an email address
func ParseVocabulary(name, text string) (*Vocabulary, error) {
	v := &Vocabulary{
		stop:     map[string]bool{},
		synonyms: map[string][][]string{},
		terms:    map[string][]string{},
	}
	section := ""
	var keys []string
	for n, line := range strings.Split(text, "\n") {
		fail := func(msg string) (*Vocabulary, error) {
			return nil, &VocabularyError{File: name, Line: n + 1, Msg: msg}
		}
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") {
			head, ok := strings.CutSuffix(line[1:], "]")
			if !ok {
				return fail("section heading " + strconv.Quote(line) + " has no closing ]")
			}
			keys = strings.Fields(strings.ToLower(head))
			switch {
			case len(keys) == 1 && (keys[0] == "stop" || keys[0] == "synonyms" || keys[0] == "email"):
				section = keys[0]
			case len(keys) == 0:
				return fail("empty section heading")
			default:
				for _, k := range keys {
					if !strings.HasPrefix(k, "#") && !strings.HasPrefix(k, "@") || len(k) < 2 {
						return fail("unknown section " + strconv.Quote(k) + ": want stop, synonyms, email, or #channel and @handle names")
					}
				}
				section = "contact"
			}
			continue
		}
		if section == "" {
			return fail("text before the first [section]")
		}
		if section != "synonyms" && strings.Contains(line, "=") {
			return fail("\"=\" outside the [synonyms] section")
		}
		switch section {
		case "stop":
			items, err := splitItems(line)
			if err != "" {
				return fail(err)
			}
			for _, it := range items {
				w := words(it)
				if len(w) != 1 {
					return fail("stop word " + strconv.Quote(it) + " is not one word")
				}
				v.stop[w[0]] = true
			}
		case "synonyms":
			left, right, ok := strings.Cut(line, "=")
			if !ok || strings.Contains(right, "=") {
				return fail("a synonym line needs exactly one \"=\": what people type = the page's words")
			}
			from, err := splitItems(left)
			if err != "" {
				return fail("left of \"=\": " + err)
			}
			to, err := splitItems(right)
			if err != "" {
				return fail("right of \"=\": " + err)
			}
			var targets [][]string
			for _, t := range to {
				w := words(t)
				if len(w) == 0 {
					return fail(strconv.Quote(t) + " has no words")
				}
				targets = append(targets, w)
			}
			for _, f := range from {
				w := words(f)
				if len(w) == 0 {
					return fail(strconv.Quote(f) + " has no words")
				}
				key := strings.Join(w, " ")
				v.synonyms[key] = append(v.synonyms[key], targets...)
				v.longest = max(v.longest, len(w))
			}
		default: // contact terms and email terms
			items, err := splitItems(line)
			if err != "" {
				return fail(err)
			}
			for _, k := range keys {
				v.terms[k] = append(v.terms[k], items...)
			}
		}
	}
	return v, nil
}

// splitItems splits a comma-separated list, or says what is wrong with it.
func splitItems(s string) ([]string, string) {
	var items []string
	for it := range strings.SplitSeq(s, ",") {
		it = strings.TrimSpace(it)
		if it == "" {
			return nil, "empty item in " + strconv.Quote(strings.TrimSpace(s))
		}
		items = append(items, it)
	}
	return items, ""
}

// words is the normalised words of a phrase, compounds split into parts,
// as a query is read (without dropping stop words).
func words(s string) []string {
	var out []string
	for _, c := range tokenize([]rune(s)) {
		for _, p := range c {
			out = append(out, p.norm)
		}
	}
	return out
}

// defaultVocabulary parses the vocabulary embedded in the directory package once.
var defaultVocabulary = sync.OnceValues(func() (*Vocabulary, error) {
	return ParseVocabulary("app/directory/vocabulary.txt", directory.Vocabulary)
})

// DefaultVocabulary is the vocabulary that New uses, read from
// app/directory/vocabulary.txt (embedded in the directory package).
func DefaultVocabulary() (*Vocabulary, error) {
	return defaultVocabulary()
}

// termsFor is the extra terms the vocabulary gives contact c.
func (v *Vocabulary) termsFor(c *directory.Contact) []string {
	if v == nil {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	add := func(key string) {
		key = strings.ToLower(key)
		if key == "" || seen[key] {
			return
		}
		seen[key] = true
		out = append(out, v.terms[key]...)
	}
	add(c.Channel)
	for _, ch := range c.Channels {
		add(ch)
	}
	if c.Email != "" {
		add("email")
	}
	return out
}
