// Package view is how the widget's answer looks, as a tree of HTML nodes
// built by pure Go: the card, the options, the no-match text, the list of
// every team, the escalation order, and what the live region says. It does
// not link go-app, so both the go-app components (app/ui, through a small
// converter) and the small wasm that answers before the app starts
// (cmd/answer, through HTML) draw the same answer from one definition.
package view

import "strings"

// Action is what a click on a node asks for; the UI that draws the node
// attaches the handler (go-app's components) or listens for it (web/page.js).
type Action uint8

// The actions a node may ask for.
const (
	None   Action = iota
	Select        // an option: highlight it and show its card
	Copy          // the card's Copy button: copy the channel shown
)

// Node is an element, or a text when Tag is "". The tree draws no void
// element (input, img...): every element has an end tag.
type Node struct {
	Tag   string
	Text  string // a text node's text
	Attrs []Attr // in the order they are written
	Kids  []*Node
	On    Action
}

// Attr is one attribute.
type Attr struct{ Key, Val string }

// El is an element with attributes given as key, value pairs.
func El(tag string, kv ...string) *Node {
	n := &Node{Tag: tag}
	for i := 0; i+1 < len(kv); i += 2 {
		n.Attrs = append(n.Attrs, Attr{kv[i], kv[i+1]})
	}
	return n
}

// Text is a text node.
func Text(s string) *Node { return &Node{Text: s} }

// Add appends children, leaving out nil ones, and returns n.
func (n *Node) Add(kids ...*Node) *Node {
	for _, k := range kids {
		if k != nil {
			n.Kids = append(n.Kids, k)
		}
	}
	return n
}

// Say appends a text child and returns n.
func (n *Node) Say(s string) *Node { return n.Add(Text(s)) }

// Set sets an attribute and returns n.
func (n *Node) Set(key, val string) *Node {
	for i := range n.Attrs {
		if n.Attrs[i].Key == key {
			n.Attrs[i].Val = val
			return n
		}
	}
	n.Attrs = append(n.Attrs, Attr{key, val})
	return n
}

// Get is an attribute's value, "" when it has none.
func (n *Node) Get(key string) string {
	for _, a := range n.Attrs {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// HTML writes n as HTML. Every text and attribute value is escaped: what
// the data or the query holds is only ever text.
func (n *Node) HTML() string {
	var b strings.Builder
	n.write(&b)
	return b.String()
}

// escape writes s to b with &, < and > escaped, and quotes too in an
// attribute value. Written out rather than with strings.NewReplacer (or
// html.EscapeString, which uses one): the replacer's code added 21 kB
// (brotli) to app.wasm, which draws answers with this writer.
func escape(b *strings.Builder, s string, attr bool) {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		}
		if esc == "" || (!attr && (s[i] == '"' || s[i] == '\'')) {
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(esc)
		last = i + 1
	}
	b.WriteString(s[last:])
}

func (n *Node) write(b *strings.Builder) {
	if n.Tag == "" {
		escape(b, n.Text, false)
		return
	}
	b.WriteByte('<')
	b.WriteString(n.Tag)
	for _, a := range n.Attrs {
		b.WriteByte(' ')
		b.WriteString(a.Key)
		b.WriteString(`="`)
		escape(b, a.Val, true)
		b.WriteByte('"')
	}
	b.WriteByte('>')
	for _, k := range n.Kids {
		k.write(b)
	}
	b.WriteString("</")
	b.WriteString(n.Tag)
	b.WriteByte('>')
}
