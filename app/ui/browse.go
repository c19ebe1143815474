package ui

import (
	"strconv"
	"strings"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Browse lists every team and what it looks after, as the manual page
// does, then every other team with what it owns; the page shows it while
// nothing is typed. What a team owns is collapsed, one line per kind.
type Browse struct {
	app.Compo

	// Dir is the directory whose teams are listed.
	Dir *directory.Directory
	// Entries are the directory's teams (directory.Entries).
	Entries []directory.Entry
}

// Render draws the list.
func (b *Browse) Render() app.UI {
	var onPage, others []int
	for i := range b.Entries {
		if b.Entries[i].OnPage {
			onPage = append(onPage, i)
		} else {
			others = append(others, i)
		}
	}
	return app.Elem("section").Class("browse").Aria("labelledby", "browse-title").Body(
		app.Elem("h2").ID("browse-title").Class("govuk-heading-m").Text("Teams and communities"),
		app.Range(onPage).Slice(func(i int) app.UI { return b.entry(onPage[i]) }),
		app.If(len(others) > 0, func() app.UI {
			return app.Elem("h2").ID("browse-owners").Class("govuk-heading-m").Text("Teams that own repos and manual pages")
		}),
		app.Range(others).Slice(func(i int) app.UI { return b.entry(others[i]) }),
	)
}

// entry is one team: its name, where to ask, what the page says it does
// and, collapsed, the repos it owns and the manual pages it maintains.
func (b *Browse) entry(i int) app.UI {
	d, e := b.Dir, &b.Entries[i]
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
	return app.Div().Class("contact").ID("contact-"+c.ID).Body(
		app.Elem("h3").Class("govuk-heading-s contact__name").Text(c.Name),
		app.Elem("p").Class("contact__ask").Body(askLink(d, c, "")...),
		app.If(c.Summary != "" && len(c.Responsibilities) == 0, func() app.UI {
			return app.Elem("p").Class("govuk-body").Text(c.Summary)
		}),
		app.If(len(c.Responsibilities) > 0, func() app.UI {
			return app.Elem("ul").Class("govuk-list govuk-list--bullet").Body(
				app.Range(c.Responsibilities).Slice(func(j int) app.UI {
					return app.Elem("li").Text(c.Responsibilities[j])
				}),
			)
		}),
		owns("Owns", repos, "repo", "repos", ", "),
		owns("Maintains", pages, "manual page", "manual pages", " · "),
	)
}

// owns is a collapsed list of names: "Owns 12 repos", open to read them.
func owns(verb string, names []string, one, many, sep string) app.UI {
	if len(names) == 0 {
		return nil
	}
	noun := many
	if len(names) == 1 {
		noun = one
	}
	return app.Elem("details").Class("contact__owns").Body(
		app.Elem("summary").Text(verb+" "+strconv.Itoa(len(names))+" "+noun),
		app.Elem("p").Class("govuk-body-s").Text(strings.Join(names, sep)),
	)
}
