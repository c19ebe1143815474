package view

import (
	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/search"
)

// Reasons are why to ask a result's team, best first (search.Reasons);
// when nothing that matched says why (the query named the team), what the
// page says it does, else what it owns.
func Reasons(d *directory.Directory, r search.Result) []search.Reason {
	if rs := r.Reasons(d); len(rs) > 0 {
		return rs
	}
	if len(r.Contact.Responsibilities) > 0 {
		return []search.Reason{{Text: r.Contact.Responsibilities[0]}}
	}
	if r.Entry != nil && len(r.Entry.Repos) > 0 {
		return search.Result{Contact: r.Contact, Matches: []search.Match{{Field: search.FieldRepo, Index: r.Entry.Repos[0]}}}.Reasons(d)
	}
	return nil
}

// Highlight is text with the matched rune ranges in <mark>, as text nodes:
// never as HTML. Ranges that overlap, are empty or run past the text are
// left out.
func Highlight(text string, ranges [][2]int) *Node {
	runes := []rune(text)
	// data-inline: the server puts these children back to back (see
	// app/server), so that a highlight inside a word stays inside it.
	span := El("span", "data-inline", "true")
	pos := 0
	for _, r := range ranges {
		if r[0] < pos || r[1] > len(runes) || r[0] >= r[1] {
			continue
		}
		if r[0] > pos {
			span.Say(string(runes[pos:r[0]]))
		}
		span.Add(El("mark").Say(string(runes[r[0]:r[1]])))
		pos = r[1]
	}
	if pos < len(runes) {
		span.Say(string(runes[pos:]))
	}
	return span
}
