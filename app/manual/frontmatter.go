//go:build !wasm

package manual

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"
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
		return &Error{File: name, Msg: "the file is empty: expected a manual page (front matter and Markdown)"}
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

// splitFrontMatter separates a leading "---" block of "key: value" lines from
// the Markdown body. It returns the fields, the body and the number of lines
// before the body, so that body line numbers can be reported as file lines.
func splitFrontMatter(name string, src []byte) (map[string]string, []byte, int, error) {
	fields := map[string]string{}
	text := string(src)
	text = strings.TrimPrefix(text, "\uFEFF")
	first, rest, _ := strings.Cut(text, "\n")
	if strings.TrimRight(first, " \t\r") != "---" {
		return fields, []byte(text), 0, nil
	}
	if !hasClosingFence(rest) {
		return nil, nil, 0, &Error{File: name, Line: 1, Msg: "front matter opened with \"---\" is never closed"}
	}
	line := 1
	for rest != "" {
		var l string
		l, rest, _ = strings.Cut(rest, "\n")
		line++
		t := strings.TrimRight(l, " \t\r")
		if t == "---" || t == "..." {
			return fields, []byte(rest), line, nil
		}
		if strings.TrimSpace(t) == "" || strings.HasPrefix(strings.TrimSpace(t), "#") {
			continue
		}
		if t[0] == ' ' || t[0] == '\t' || strings.HasPrefix(t, "- ") {
			continue // a nested YAML value; the widget reads only top-level scalars
		}
		key, value, ok := strings.Cut(t, ":")
		if !ok || strings.TrimSpace(key) == "" || strings.ContainsAny(key, " \t") {
			return nil, nil, 0, &Error{File: name, Line: line, Msg: "front matter: expected \"key: value\", found " + quote(t)}
		}
		fields[key] = unquoteYAML(strings.TrimSpace(value))
	}
	return nil, nil, 0, &Error{File: name, Line: 1, Msg: "front matter opened with \"---\" is never closed"}
}

func hasClosingFence(s string) bool {
	for _, l := range strings.Split(s, "\n") {
		if t := strings.TrimRight(l, " \t\r"); t == "---" || t == "..." {
			return true
		}
	}
	return false
}

// unquoteYAML removes the quotes of a quoted YAML scalar.
func unquoteYAML(v string) string {
	if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\'') {
		inner := v[1 : len(v)-1]
		if v[0] == '"' {
			inner = strings.ReplaceAll(inner, `\"`, `"`)
		} else {
			inner = strings.ReplaceAll(inner, `''`, `'`)
		}
		return inner
	}
	return v
}

func quote(s string) string {
	if utf8.RuneCountInString(s) > 60 {
		s = string([]rune(s)[:60]) + "…"
	}
	return `"` + s + `"`
}
