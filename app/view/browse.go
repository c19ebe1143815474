package view

import (
	"strconv"
	"strings"

	"github.com/alphagov/askforhelp/app/directory"
)

// Browse lists every team and what it looks after, as the manual page
// does, then every other team with what it owns; the page shows it while
// nothing is typed. What a team owns is collapsed, one line per kind.
// entries are the directory's teams (directory.Entries).
func Browse(d *directory.Directory, entries []directory.Entry) *Node {
	s := El("section", "class", "browse", "aria-labelledby", "browse-title").Add(
		El("h2", "id", "browse-title", "class", "govuk-heading-m").Say("Teams and communities"))
	others := false
	for i := range entries {
		if entries[i].OnPage {
			s.Add(browseEntry(d, &entries[i]))
		} else {
			others = true
		}
	}
	if others {
		s.Add(El("h2", "id", "browse-owners", "class", "govuk-heading-m").Say("Teams that own repos and manual pages"))
		for i := range entries {
			if !entries[i].OnPage {
				s.Add(browseEntry(d, &entries[i]))
			}
		}
	}
	return s
}

// browseEntry is one team: its name, where to ask, what the page says it
// does and, collapsed, the repos it owns and the manual pages it maintains.
func browseEntry(d *directory.Directory, e *directory.Entry) *Node {
	c := &e.Contact
	var repos, pages []string
	for _, r := range e.Repos {
		repos = append(repos, d.Repos[r].Name)
	}
	for _, p := range e.Pages {
		if strings.HasPrefix(d.Manual[p].Owner, "#") { // not a person's page it stands in for
			pages = append(pages, d.Manual[p].Title)
		}
	}
	div := El("div", "class", "contact", "id", "contact-"+c.ID).Add(
		El("h3", "class", "govuk-heading-s contact__name").Say(c.Name),
		El("p", "class", "contact__ask").Add(askLink(d, c, "")...),
	)
	if c.Summary != "" && len(c.Responsibilities) == 0 {
		div.Add(El("p", "class", "govuk-body").Say(c.Summary))
	}
	if len(c.Responsibilities) > 0 {
		list := El("ul", "class", "govuk-list govuk-list--bullet")
		for _, r := range c.Responsibilities {
			list.Add(El("li").Say(r))
		}
		div.Add(list)
	}
	return div.Add(
		owns("Owns", repos, "repo", "repos", ", "),
		owns("Maintains", pages, "manual page", "manual pages", " · "),
	)
}

// owns is a collapsed list of names: "Owns 12 repos", open to read them.
func owns(verb string, names []string, one, many, sep string) *Node {
	if len(names) == 0 {
		return nil
	}
	noun := many
	if len(names) == 1 {
		noun = one
	}
	return El("details", "class", "contact__owns").Add(
		El("summary").Say(verb+" "+strconv.Itoa(len(names))+" "+noun),
		El("p", "class", "govuk-body-s").Say(strings.Join(names, sep)),
	)
}
