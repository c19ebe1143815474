//go:build !wasm

package manual

import (
	"bytes"
	"strconv"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
)

// HTML renders a page's Markdown body (without its front matter) as HTML,
// as the manual does: headings get the same anchors the reader gives
// sections, and raw HTML in the page is left out.
func HTML(name string, src []byte) ([]byte, error) {
	if err := checkText(name, src); err != nil {
		return nil, err
	}
	_, body, _, err := splitFrontMatter(name, src)
	if err != nil {
		return nil, err
	}
	md := goldmark.New(goldmark.WithParserOptions(parser.WithAutoHeadingID()))
	var out bytes.Buffer
	ctx := parser.NewContext(parser.WithIDs(&anchorIDs{seen: map[string]int{}}))
	if err := md.Convert(body, &out, parser.WithContext(ctx)); err != nil {
		return nil, &Error{File: name, Msg: "rendering the page: " + err.Error()}
	}
	return out.Bytes(), nil
}

// anchorIDs gives headings the manual's anchors (see anchor).
type anchorIDs struct{ seen map[string]int }

func (a *anchorIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	id := anchor(string(value))
	if n := a.seen[id]; n > 0 {
		a.seen[id]++
		id += "-" + strconv.Itoa(n)
	} else {
		a.seen[id] = 1
	}
	return []byte(id)
}

func (a *anchorIDs) Put(value []byte) { a.seen[string(value)]++ }
