//go:build !wasm

package server

import (
	"bytes"
	"regexp"
	"strings"
)

// go-app's server-side encoder writes the attribute value "true" as a bare
// attribute, which means "" and is not a valid ARIA state ("aria-expanded"
// must be "true" or "false").
var bareARIA = regexp.MustCompile(` (aria-[a-z]+)([ >])`)

// tidyHTML mends two things go-app's prerendered HTML gets wrong for this
// page: bare ARIA attributes, and the newline and indentation it puts between
// inline children, which would show "mi grat ing" for a highlight inside a
// word. Elements marked data-inline get their children back to back.
func tidyHTML(page []byte) []byte {
	page = bareARIA.ReplaceAll(page, []byte(` $1="true"$2`))
	const marker = " data-inline"
	var out bytes.Buffer
	for {
		i := bytes.Index(page, []byte(marker))
		if i < 0 {
			break
		}
		open := bytes.LastIndexByte(page[:i], '<')
		end := bytes.IndexByte(page[i:], '>')
		if open < 0 || end < 0 {
			break
		}
		end += i + 1
		tag := string(page[open+1 : open+1+bytes.IndexAny(page[open+1:], " >")])
		closing := bytes.Index(page[end:], []byte("</"+tag+">"))
		if closing < 0 {
			break
		}
		closing += end
		// The open tag's indentation tells the children's (two more spaces).
		lineStart := bytes.LastIndexByte(page[:open], '\n') + 1
		indent := open - lineStart
		inner := string(page[end:closing])
		inner = strings.ReplaceAll(inner, "\n"+strings.Repeat(" ", indent+2), "")
		inner = strings.TrimSuffix(inner, "\n"+strings.Repeat(" ", indent))
		out.Write(page[:end])
		out.WriteString(inner)
		page = page[closing:]
	}
	out.Write(page)
	return out.Bytes()
}
