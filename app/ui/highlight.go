package ui

import (
	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/search"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// reasons are why to ask a result's team, best first (search.Reasons);
// when nothing that matched says why (the query named the team), what the
// page says it does, else what it owns.
func reasons(d *directory.Directory, r search.Result) []search.Reason {
	if rs := r.Reasons(d); len(rs) > 0 {
		return rs
	}
	if len(r.Contact.Responsibilities) > 0 {
		return []search.Reason{{Text: r.Contact.Responsibilities[0]}}
	}
	if r.Entry != nil && len(r.Entry.Repos) > 0 {
		return search.Result{Matches: []search.Match{{Field: search.FieldRepo, Index: r.Entry.Repos[0]}}}.Reasons(d)
	}
	return nil
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
