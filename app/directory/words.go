package directory

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A manual page's Words, best first, say what its text is about. The
// search finds more of the questions people type the more of them it has
// (app/search/README.md), but all of them, for every page, would grow the
// wasm by more than the data itself. So the embedded data (Seed) keeps
// each page's first EmbeddedWords, enough for the first answer, and the
// rest are published beside the app as a words file (WordsFile, served as
// ui.WordsPath), which the app fetches once it has started and the service
// worker keeps for offline use.
const EmbeddedWords = 8

// The words file: WordsFile (not linked into the wasm) writes it, and
// ParseWords reads it (the app does, with no fmt: the small answerer links
// this package too, and fmt would cost it tens of kB).

// MaxWordsFile is the largest words file ParseWords reads: ten times the
// 2026 docs' (175 kB).
const MaxWordsFile = 2 << 20

// ParseWords reads a words file (WordsFile) into each page's words by its
// path. A file that is too large, not UTF-8, or has a line that is not a
// path, a tab and words is refused whole, with the line.
func ParseWords(b []byte) (map[string]string, error) {
	if len(b) > MaxWordsFile {
		return nil, errors.New("words file: " + strconv.Itoa(len(b)) + " bytes, more than the " + strconv.Itoa(MaxWordsFile) + " allowed")
	}
	if !utf8.Valid(b) {
		return nil, errors.New("words file: not UTF-8")
	}
	words := map[string]string{}
	if len(b) == 0 {
		return words, nil
	}
	for i, line := range strings.Split(strings.TrimSuffix(string(b), recordSep), recordSep) {
		at := "words file, line " + strconv.Itoa(i+1) + ": "
		path, ws, ok := strings.Cut(line, fieldSep)
		switch {
		case !ok || path == "" || strings.TrimSpace(ws) == "":
			return nil, errors.New(at + "want a page's path, a tab and its words")
		case strings.Contains(ws, fieldSep):
			return nil, errors.New(at + "more than one tab")
		case words[path] != "":
			return nil, errors.New(at + "page " + strconv.Quote(path) + " listed twice")
		}
		words[path] = strings.Join(strings.Fields(ws), " ")
	}
	return words, nil
}

// WithWords returns a copy of d whose manual pages have the words given
// for their path; a page without any keeps its own. d is not changed.
func (d *Directory) WithWords(words map[string]string) *Directory {
	c := *d
	c.Manual = make([]ManualPage, len(d.Manual))
	for i, m := range d.Manual {
		if path, ok := pagePath(m.URL); ok && words[path] != "" {
			m.Words = words[path]
		}
		c.Manual[i] = m
	}
	return &c
}

// pagePath is a manual page's path: its URL under ManualURL, without
// ".html"; ok is false for a URL that is not one.
func pagePath(url string) (path string, ok bool) {
	path, ok = strings.CutPrefix(url, ManualURL)
	path, html := strings.CutSuffix(path, ".html")
	return path, ok && html
}
