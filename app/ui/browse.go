package ui

import (
	"github.com/alphagov/askforhelp/app/directory"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Browse lists every contact and what it looks after, as the manual page
// does; the page shows it while nothing is typed.
type Browse struct {
	app.Compo

	// Dir is the directory whose contacts are listed.
	Dir *directory.Directory
}

// Render draws the list.
func (b *Browse) Render() app.UI {
	d := b.Dir
	return app.Elem("section").Class("browse").Aria("labelledby", "browse-title").Body(
		app.Elem("h2").ID("browse-title").Class("govuk-heading-m").Text("Teams and communities"),
		app.Range(d.Contacts).Slice(func(i int) app.UI {
			c := &d.Contacts[i]
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
			)
		}),
	)
}
