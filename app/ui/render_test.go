package ui

import (
	"strings"
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/search"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/net/html"
)

// Helpers for the components' render tests: go-app writes a component's
// HTML without a browser (app.HTMLString, the encoder that prerenders the
// page on the server), and x/net/html reads it back.

// render parses the HTML go-app writes for ui.
func render(t *testing.T, ui app.UI) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(app.HTMLString(ui)))
	if err != nil {
		t.Fatalf("parsing the rendered HTML: %v", err)
	}
	return doc
}

// all returns the elements under n that match, in document order.
func all(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var found []*html.Node
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && match(d) {
			found = append(found, d)
		}
	}
	return found
}

// byID returns the element with the given ID, or fails the test.
func byID(t *testing.T, n *html.Node, id string) *html.Node {
	t.Helper()
	found := all(n, func(e *html.Node) bool { return attr(e, "id") == id })
	if len(found) != 1 {
		t.Fatalf("%d elements with id %q, want 1", len(found), id)
	}
	return found[0]
}

// byClass returns the elements with the given class.
func byClass(n *html.Node, class string) []*html.Node {
	return all(n, func(e *html.Node) bool { return hasClass(e, class) })
}

// byTag returns the elements with the given tag name.
func byTag(n *html.Node, tag string) []*html.Node {
	return all(n, func(e *html.Node) bool { return e.Data == tag })
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

// attr is an attribute's value ("" when absent). go-app writes the value
// "true" as a bare attribute (the server mends that in its pages, see
// app/server's tidyHTML), so a bare ARIA attribute reads as "true".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			if a.Val == "" && strings.HasPrefix(key, "aria-") {
				return "true"
			}
			return a.Val
		}
	}
	return ""
}

// hasAttr says whether n has the attribute at all.
func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// text is n's text as the running app has it (textContent, white space
// collapsed): without the line breaks and indentation go-app's encoder
// puts around each child (the server removes them where they would show,
// see data-inline).
func text(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type != html.TextNode {
			continue
		}
		depth := 0 // of d's parent, under the encoded root's parent
		for p := d.Parent; p != nil && p.Data != "body" && p.Type == html.ElementNode; p = p.Parent {
			depth++
		}
		t := strings.ReplaceAll(d.Data, "\n"+strings.Repeat("  ", depth), "")
		b.WriteString(strings.TrimSuffix(t, "\n"+strings.Repeat("  ", depth-1)))
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// results searches the seed data, as the page does.
func results(t *testing.T, q string) []search.Result {
	t.Helper()
	rs := search.New(directory.Seed).Search(q, maxResults)
	if len(rs) == 0 {
		t.Fatalf("no results for %q in the seed data", q)
	}
	return rs
}

// firstChannel is the first "#channel" of the seed data's contacts: tests
// take the team they show from the data, whichever docs it came from.
func firstChannel(t *testing.T) string {
	t.Helper()
	for _, c := range directory.Seed.Contacts {
		if strings.HasPrefix(c.Channel, "#") {
			return c.Channel
		}
	}
	t.Fatal("no contact with a channel in the seed data")
	return ""
}

// contact returns the seed data's contact whose channel is channel.
func contact(t *testing.T, channel string) *directory.Contact {
	t.Helper()
	for i := range directory.Seed.Contacts {
		if c := &directory.Seed.Contacts[i]; c.Channel == channel {
			return c
		}
	}
	t.Fatalf("no contact %s in the seed data", channel)
	return nil
}
