package search

import (
	"strings"

	"github.com/alphagov/askforhelp/app/directory"
)

// Reason is a match said as a reason to ask a team, for people to read:
// a responsibility as the page words it, "owns whitehall, a Publishing
// app", "maintains the manual page Query Kibana".
type Reason struct {
	// Text is the reason.
	Text string
	// Ranges are the parts of Text that matched the query, in rune
	// offsets, [start, end).
	Ranges [][2]int
	// Links lead to what the reason is about: the repo's docs page and
	// its GitHub repository, or the manual page.
	Links []Link
}

// Link is one link of a Reason; its text makes sense beside the reason.
type Link struct {
	Text string
	URL  string
}

// Reasons are the result's matches that a person can read as reasons to
// ask its team, best first, one per repo or page: what the Ask for help
// page says the team does, the repos it owns, the manual pages it
// maintains. Names, channels and vocabulary terms are left out: they say
// who the team is, not why to ask it. d is the directory the search ran on.
func (r Result) Reasons(d *directory.Directory) []Reason {
	var out []Reason
	seen := map[string]bool{} // one reason per repo and per page
	for _, m := range r.Matches {
		var key string
		var rs Reason
		switch m.Field {
		case FieldResponsibility, FieldSummary:
			rs = Reason{Text: m.Text, Ranges: m.Ranges}
		case FieldRepo, FieldApp, FieldRepoType, FieldRepoDescription:
			key = "repo " + d.Repos[m.Index].Name
			rs = r.repoReason(d, m.Index, m)
		case FieldPage, FieldHeading, FieldText:
			key = "page " + d.Manual[m.Index].URL
			rs = r.pageReason(d, m.Index, m)
		default:
			continue
		}
		if key != "" {
			if seen[key] {
				continue
			}
			seen[key] = true
		}
		out = append(out, rs)
	}
	if len(out) == 0 && r.Entry != nil {
		out = r.what(d)
	}
	return out
}

// what says what a result's team does or owns when nothing it matched is a
// reason (its name or channel matched): the Ask for help page's first
// responsibility or summary for it, else the first repos and manual pages
// it has, so that no result comes without one.
func (r Result) what(d *directory.Directory) []Reason {
	c, en := r.Contact, r.Entry
	switch {
	case len(c.Responsibilities) > 0:
		return []Reason{{Text: c.Responsibilities[0]}}
	case c.Summary != "":
		return []Reason{{Text: c.Summary}}
	}
	var out []Reason
	for _, i := range en.Repos[:min(len(en.Repos), 2)] {
		out = append(out, r.repoReason(d, i, Match{}))
	}
	for _, i := range en.Pages[:min(len(en.Pages), 2-len(out))] {
		out = append(out, r.pageReason(d, i, Match{}))
	}
	return out
}

// repoReason is repo i's reason (match m in it, if any), naming its owner
// in the docs when that is another channel of the result's team.
func (r Result) repoReason(d *directory.Directory, i int, m Match) Reason {
	rs := repoReason(&d.Repos[i], m)
	rs.Text += recordedAs(d.Repos[i].Team, r.Contact)
	return rs
}

// pageReason is manual page i's reason, as repoReason is a repo's.
func (r Result) pageReason(d *directory.Directory, i int, m Match) Reason {
	rs := pageReason(&d.Manual[i], m)
	rs.Text += recordedAs(d.Manual[i].Owner, r.Contact)
	return rs
}

// repoReason is "owns NAME, a TYPE" (and ": DESCRIPTION" when that is what
// matched), with the match highlighted where it is.
func repoReason(r *directory.Repo, m Match) Reason {
	var b strings.Builder
	rs := Reason{Links: []Link{
		{Text: "Developer docs", URL: r.URL},
		{Text: "GitHub", URL: directory.GitHubURL + r.Name},
	}}
	b.WriteString("owns ")
	at := func(field string) { // the match's ranges, if it is field, from here
		if m.Field == field {
			rs.Ranges = shift(m.Ranges, runeLen(b.String()))
		}
	}
	at(FieldRepo)
	b.WriteString(r.Name)
	if m.Field == FieldApp {
		b.WriteString(" (the app ")
		at(FieldApp)
		b.WriteString(m.Text + ")")
	}
	if r.Type != "" {
		t := article(singular(r.Type))
		if m.Field == FieldRepoType {
			// The type is singular here: highlight it whole.
			n := runeLen(b.String()) + 2 + runeLen(t) - runeLen(singular(r.Type))
			rs.Ranges = [][2]int{{n, n + runeLen(singular(r.Type))}}
		}
		b.WriteString(", " + t)
	}
	if m.Field == FieldRepoDescription {
		b.WriteString(": ")
		at(FieldRepoDescription)
		b.WriteString(r.Description)
	}
	rs.Text = b.String()
	return rs
}

// pageReason is "maintains the manual page TITLE" (and ", on HEADING" when
// a heading matched); for a page a person maintains, the fallback team
// answers for it.
func pageReason(p *directory.ManualPage, m Match) Reason {
	var b strings.Builder
	rs := Reason{Links: []Link{{Text: "Read the page", URL: p.URL}}}
	if strings.HasPrefix(p.Owner, "#") {
		b.WriteString("maintains the manual page ")
	} else {
		b.WriteString("can help with the manual page ")
	}
	if m.Field == FieldPage {
		rs.Ranges = shift(m.Ranges, runeLen(b.String()))
	}
	b.WriteString(p.Title)
	if m.Field == FieldHeading {
		b.WriteString(", on “")
		rs.Ranges = shift(m.Ranges, runeLen(b.String()))
		b.WriteString(m.Text + "”")
	}
	if m.Field == FieldText {
		// The words of its text that matched, quoted: the rest of the
		// field is other words of the page, in no order.
		rs.Ranges = nil
		b.WriteString(", which says")
		rm := []rune(m.Text)
		for i, rg := range m.Ranges {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString(" “")
			n := runeLen(b.String())
			rs.Ranges = append(rs.Ranges, [2]int{n, n + rg[1] - rg[0]})
			b.WriteString(string(rm[rg[0]:rg[1]]) + "”")
		}
	}
	if !strings.HasPrefix(p.Owner, "#") {
		b.WriteString(" (a person maintains it, not a team)")
	}
	rs.Text = b.String()
	return rs
}

// recordedAs says which channel the docs name as a repo's or page's owner
// when the answer is another channel of the same team (the place the Ask
// for help page says to ask: directory.Entry.Owners), so the record the
// answer came from stays in view.
func recordedAs(owner string, c *directory.Contact) string {
	if !strings.HasPrefix(owner, "#") || c == nil || owner == c.Channel {
		return ""
	}
	return " (its owner in the docs: " + owner + ")"
}

// shift moves rune ranges n runes on.
func shift(rs [][2]int, n int) [][2]int {
	out := make([][2]int, len(rs))
	for i, r := range rs {
		out[i] = [2]int{r[0] + n, r[1] + n}
	}
	return out
}

// singular is a repo type in the singular: "Publishing apps" is "Publishing
// app", "APIs" "API", "Utilities" "Utility".
func singular(t string) string {
	switch {
	case strings.HasSuffix(t, "ies"):
		return t[:len(t)-3] + "y"
	case strings.HasSuffix(t, "s") && !strings.HasSuffix(t, "ss"):
		return t[:len(t)-1]
	}
	return t
}

// saidYou reports whether s starts with a "u" said "you" (use, utility,
// unit, universal), as far as a few common beginnings tell.
func saidYou(s string) bool {
	l := strings.ToLower(s)
	for _, p := range []string{"use", "usa", "uti", "uni", "ure", "usu"} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

// article puts "a" or "an" before a phrase.
func article(s string) string {
	// "a Utility", "a Unit": a "u" said "you" takes "a".
	if s != "" && strings.ContainsRune("AEIOUaeiou", rune(s[0])) && !saidYou(s) {
		return "an " + s
	}
	return "a " + s
}
