//go:build !wasm

package manual

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Error is a problem with a page, with the file and, where there is one,
// the 1-based line it is on.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return e.File + ":" + strconv.Itoa(e.Line) + ": " + e.Msg
	}
	return e.File + ": " + e.Msg
}

// checkText refuses sources that are empty or are not UTF-8 text.
func checkText(name string, src []byte) error {
	if len(bytes.TrimSpace(src)) == 0 {
		return &Error{File: name, Msg: "the file is empty"}
	}
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if (r == utf8.RuneError && size == 1) || r == 0 {
			line := bytes.Count(src[:i], []byte("\n")) + 1
			what := "invalid UTF-8"
			if r == 0 {
				what = "a NUL byte"
			}
			return &Error{File: name, Line: line, Msg: "not a text file: " + what + " at byte " + strconv.Itoa(i)}
		}
		i += size
	}
	return nil
}

// splitFrontMatter separates a leading "---" block of YAML from the
// Markdown body. It returns the block's top-level fields that have a single
// value (nested values are not needed), the body and the number of lines
// before the body, so that body line numbers can be reported as file lines.
func splitFrontMatter(name string, src []byte) (map[string]string, []byte, int, error) {
	text := strings.TrimPrefix(string(src), "\uFEFF")
	first, rest, _ := strings.Cut(text, "\n")
	if strings.TrimRight(first, " \t\r") != "---" {
		return map[string]string{}, []byte(text), 0, nil
	}
	block, body, lines, ok := cutFence(rest)
	if !ok {
		return nil, nil, 0, &Error{File: name, Line: 1, Msg: "front matter opened with \"---\" is never closed"}
	}
	top, err := parseYAML(name, []byte(block), 1)
	if err != nil {
		return nil, nil, 0, err
	}
	values := map[string]string{}
	if top == nil {
		return values, []byte(body), lines + 1, nil
	}
	if top.Kind != yaml.MappingNode {
		return nil, nil, 0, &Error{File: name, Line: top.Line + 1, Msg: "front matter: expected \"key: value\" fields, found " + kindName(top)}
	}
	for _, f := range fields(top) {
		if f.value.Kind != yaml.ScalarNode {
			continue // a nested value (related_repos, old_paths)
		}
		v, err := scalar(name, f)
		if err != nil {
			return nil, nil, 0, err
		}
		values[f.key.Value] = v
	}
	return values, []byte(body), lines + 1, nil
}

// cutFence splits s at its first line that is "---" or "...": the YAML
// before it, the text after it and how many lines the YAML and the fence
// take.
func cutFence(s string) (block, after string, lines int, ok bool) {
	for i := 0; ; {
		l, rest, more := strings.Cut(s[i:], "\n")
		lines++
		if t := strings.TrimRight(l, " \t\r"); t == "---" || t == "..." {
			return s[:i], rest, lines, true
		}
		if !more {
			return "", "", 0, false
		}
		i += len(l) + 1
	}
}

func quote(s string) string {
	if utf8.RuneCountInString(s) > 60 {
		s = string([]rune(s)[:60]) + "…"
	}
	return `"` + s + `"`
}
