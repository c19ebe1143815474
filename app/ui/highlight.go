package ui

import (
	"github.com/alphagov/askforhelp/app/search"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// bestText is the first match a person can read as a reason: a
// responsibility or the page's sentence about the contact.
func bestText(r search.Result) (search.Match, bool) {
	for _, m := range r.Matches {
		if m.Field == "responsibility" || m.Field == "summary" {
			return m, true
		}
	}
	if len(r.Contact.Responsibilities) > 0 {
		return search.Match{Text: r.Contact.Responsibilities[0]}, true
	}
	return search.Match{}, false
}

// highlight renders text with the matched rune ranges in <mark>, as text
// nodes: never as HTML.
func highlight(text string, ranges [][2]int) app.UI {
	runes := []rune(text)
	var parts []app.UI
	pos := 0
	for _, r := range ranges {
		if r[0] < pos || r[1] > len(runes) || r[0] >= r[1] {
			continue
		}
		if r[0] > pos {
			parts = append(parts, app.Text(string(runes[pos:r[0]])))
		}
		parts = append(parts, app.Elem("mark").Text(string(runes[r[0]:r[1]])))
		pos = r[1]
	}
	if pos < len(runes) {
		parts = append(parts, app.Text(string(runes[pos:])))
	}
	// data-inline: the server puts these children back to back (see
	// app/server), so that a highlight inside a word stays inside it.
	return app.Elem("span").Attr("data-inline", true).Body(parts...)
}
