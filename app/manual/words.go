//go:build !wasm

package manual

import (
	"math"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/stem"
)

// What a manual page's text adds to the index: the words that set it apart
// from the other pages, picked here at `make data` time by their weight
// (tf-idf: the words a page uses often and other pages seldom), best
// first. The search weighs them in tiers by their rank (search.FieldText).
// The embedded data keeps a page's first directory.EmbeddedWords; the rest
// are in the words file the app fetches (directory.WordsFile).
const (
	// MaxPageWords is how many words of its text a page keeps at most. Of
	// the questions written from the pages
	// (app/search/testdata/questions-written.pages), 16 found 65%, 64 found
	// 79%, 150 finds 86%, and 1,000 no more (app/search/README.md).
	MaxPageWords = 150
	// minWordScore is the least weight a word needs to be kept: a word
	// that most pages use sets nothing apart. 2.0 kept too few of a short
	// page's words (the shared questions: 19/24 against 21/24).
	minWordScore = 1.0
)

// The page's first words say what it is about: each word among the first
// ledeWords counts ledeExtra times more. A word's count then weighs
// count^tfPower: often is more, but a page that says "job" ten times is
// not ten times about jobs.
const (
	ledeWords = 40
	ledeExtra = 2
	tfPower   = 0.8
)

// stopWords are the vocabulary's stop words ([stop] in
// directory.Vocabulary): words that say nothing of a page. Package search
// parses the whole file, but the reader cannot import it: search's tests
// read docs with this package, which would make an import cycle. Parsed
// when first asked for, not in every command that links the reader.
var stopWords = sync.OnceValue(func() map[string]bool {
	stop := map[string]bool{}
	in := false
	for _, line := range strings.Split(directory.Vocabulary, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "[") {
			in = line == "[stop]"
			continue
		}
		if in && !strings.HasPrefix(line, "#") {
			for _, w := range strings.Split(line, ",") {
				stop[strings.TrimSpace(w)] = true
			}
		}
	}
	return stop
})

// pageWords sets each manual page's Words from its text: texts[i] is the
// text of d.Manual[i] (Page.Text). The Ask for help page keeps none: what
// it says is its contacts. Words already in a page's title or headings are
// not repeated, and numbers and two-letter words are never kept; words
// nearly every page uses ("the", "you") never weigh enough. The result
// depends only on the pages, so the data reads the same from a checkout
// and from its trimmed copy.
func pageWords(d *directory.Directory, texts []string) {
	type page struct {
		count   map[string]int            // stem -> occurrences
		surface map[string]map[string]int // stem -> word -> occurrences
		known   map[string]bool           // stems of the title and headings
		lede    map[string]bool           // stems of the first ledeWords words
	}
	pages := make([]page, len(d.Manual))
	df := map[string]int{}
	for i := range d.Manual {
		m := &d.Manual[i]
		m.Words = ""
		if i >= len(texts) || m.URL == d.PageURL {
			continue
		}
		p := page{count: map[string]int{}, surface: map[string]map[string]int{}, known: map[string]bool{}, lede: map[string]bool{}}
		for _, t := range append([]string{m.Title}, m.Headings...) {
			for _, w := range wordsOf(t) {
				p.known[stem.Of(w)] = true
			}
		}
		for j, w := range wordsOf(texts[i]) {
			s := stem.Of(w)
			if j < ledeWords {
				p.lede[s] = true
			}
			if p.count[s] == 0 {
				df[s]++
				p.surface[s] = map[string]int{}
			}
			p.count[s]++
			p.surface[s][w]++
		}
		pages[i] = p
	}
	n := float64(len(d.Manual))
	for i := range pages {
		p := &pages[i]
		type scored struct {
			word  string
			score float64
		}
		var ws []scored
		for s, c := range p.count {
			if p.known[s] {
				continue
			}
			idf := math.Log(1 + (n-float64(df[s])+0.5)/(float64(df[s])+0.5))
			tf := float64(c)
			if p.lede[s] {
				tf += ledeExtra
			}
			score := idf * math.Pow(tf, tfPower)
			if score >= minWordScore {
				ws = append(ws, scored{mostUsed(p.surface[s]), score})
			}
		}
		sort.Slice(ws, func(a, b int) bool {
			return ws[a].score > ws[b].score || ws[a].score == ws[b].score && ws[a].word < ws[b].word
		})
		var out []string
		for _, w := range ws[:min(len(ws), MaxPageWords)] {
			out = append(out, w.word)
		}
		d.Manual[i].Words = strings.Join(out, " ")
	}
}

// wordsOf are the words of text worth counting, lower case, split as the
// search's tokenizer splits them (the parts of "govuk-frontend", "don't"
// as "dont"; the tokenizer is out of reach for the reason stopWords
// gives), less stop words, numbers and words under three letters.
func wordsOf(text string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if w := b.String(); utf8.RuneCountInString(w) >= 3 && strings.Trim(w, "0123456789") != "" && !stopWords()[w] {
			out = append(out, w)
		}
		b.Reset()
	}
	rs := []rune(text)
	for i, r := range rs {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		case unicode.IsMark(r):
		case (r == '\'' || r == '’') && b.Len() > 0 && i+1 < len(rs) && unicode.IsLetter(rs[i+1]):
		default:
			flush()
		}
	}
	flush()
	return out
}

// mostUsed is the word used most often, the first in order on a tie.
func mostUsed(ws map[string]int) string {
	best, n := "", 0
	for w, c := range ws {
		if c > n || c == n && w < best {
			best, n = w, c
		}
	}
	return best
}
