package directory

import (
	"bytes"
	"fmt"
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

// MaxWordsFile is the largest words file ParseWords reads: ten times the
// 2026 docs' (175 kB).
const MaxWordsFile = 2 << 20

// WordsFile renders each manual page's Words: a line per page with words,
// its path (as in the embedded table) and its words after a tab.
func WordsFile(d *Directory) ([]byte, error) {
	var b bytes.Buffer
	for _, m := range d.Manual {
		if m.Words == "" {
			continue
		}
		path, err := manualPath(m)
		if err != nil {
			return nil, err
		}
		if strings.ContainsAny(path+m.Words, fieldSep+recordSep) || strings.ContainsAny(path, " ") {
			return nil, fmt.Errorf("manual page %q: its path or words hold a tab or a line break", m.URL)
		}
		fmt.Fprintf(&b, "%s%s%s%s", path, fieldSep, m.Words, recordSep)
	}
	return b.Bytes(), nil
}

// ParseWords reads a words file (WordsFile) into each page's words by its
// path. A file that is too large, not UTF-8, or has a line that is not a
// path, a tab and words is refused whole, with the line.
func ParseWords(b []byte) (map[string]string, error) {
	if len(b) > MaxWordsFile {
		return nil, fmt.Errorf("words file: %d bytes, more than the %d allowed", len(b), MaxWordsFile)
	}
	if !utf8.Valid(b) {
		return nil, fmt.Errorf("words file: not UTF-8")
	}
	words := map[string]string{}
	if len(b) == 0 {
		return words, nil
	}
	for i, line := range strings.Split(strings.TrimSuffix(string(b), recordSep), recordSep) {
		path, ws, ok := strings.Cut(line, fieldSep)
		switch {
		case !ok || path == "" || strings.TrimSpace(ws) == "":
			return nil, fmt.Errorf("words file, line %d: want a page's path, a tab and its words", i+1)
		case strings.Contains(ws, fieldSep):
			return nil, fmt.Errorf("words file, line %d: more than one tab", i+1)
		case words[path] != "":
			return nil, fmt.Errorf("words file, line %d: page %q listed twice", i+1, path)
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
		if path, err := manualPath(m); err == nil && words[path] != "" {
			m.Words = words[path]
		}
		c.Manual[i] = m
	}
	return &c
}

// manualPath is a manual page's path: its URL under ManualURL, without
// ".html".
func manualPath(m ManualPage) (string, error) {
	path, ok := strings.CutPrefix(m.URL, ManualURL)
	path, html := strings.CutSuffix(path, ".html")
	if !ok || !html {
		return "", fmt.Errorf("manual page %q: URL %q is not under %s", m.Title, m.URL, ManualURL)
	}
	return path, nil
}

// firstWords is the first n words of ws.
func firstWords(ws string, n int) string {
	f := strings.Fields(ws)
	return strings.Join(f[:min(n, len(f))], " ")
}
