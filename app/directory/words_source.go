//go:build !wasm

package directory

import (
	"bytes"
	"fmt"
	"strings"
)

// WordsFile renders each manual page's Words: a line per page with words,
// its path (as in the embedded table) and its words after a tab.
func WordsFile(d *Directory) ([]byte, error) {
	var b bytes.Buffer
	for _, m := range d.Manual {
		if m.Words == "" {
			continue
		}
		path, ok := pagePath(m.URL)
		if !ok {
			return nil, notUnder(m)
		}
		if strings.Contains(path, " ") {
			return nil, fmt.Errorf("manual page %q: its path holds a space", m.URL)
		}
		line, err := record(path, m.Words)
		if err != nil {
			return nil, fmt.Errorf("manual page %q: %w", m.URL, err)
		}
		b.WriteString(line)
	}
	return b.Bytes(), nil
}

// firstWords is the first n words of ws.
func firstWords(ws string, n int) string {
	f := strings.Fields(ws)
	return strings.Join(f[:min(n, len(f))], " ")
}

// notUnder is the error for a manual page whose URL is not under ManualURL.
func notUnder(m ManualPage) error {
	return fmt.Errorf("manual page %q: URL %q is not under %s", m.Title, m.URL, ManualURL)
}
