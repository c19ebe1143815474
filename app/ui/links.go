package ui

import (
	"strings"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// askLink says where to ask: the channel (linked, in a new tab), else the
// handle or email the page gives. id, if not empty, is the link's ID.
func askLink(d *directory.Directory, c *directory.Contact, id string) []app.UI {
	newTab := func(a app.HTMLElem) app.HTMLElem {
		return a.Attr("target", "_blank").Attr("rel", "noopener noreferrer")
	}
	switch {
	case strings.HasPrefix(c.Channel, "#"):
		return []app.UI{app.Text("Ask in "), newTab(app.Elem("a").ID(id).Class("govuk-link").Attr("href", c.URL)).Text(c.Channel)}
	case c.Channel != "":
		ui := []app.UI{app.Text("Ping "), newTab(app.Elem("a").ID(id).Class("govuk-link").Attr("href", d.SectionURL(c))).Text(c.Channel), app.Text(" on Slack")}
		if c.Email != "" {
			ui = append(ui, app.Text(" or email "), emailLink(c))
		}
		return ui
	case c.Email != "":
		return []app.UI{app.Text("Email "), emailLink(c).ID(id)}
	}
	return []app.UI{app.Text("Ask the "), newTab(app.Elem("a").ID(id).Class("govuk-link").Attr("href", d.SectionURL(c))).Text(c.Name)}
}

// emailLink links a contact's email address. A Google group's address is
// shown by the group's name, as the manual page does.
func emailLink(c *directory.Contact) app.HTMLElem {
	text := c.Email
	if local, _, ok := strings.Cut(c.Email, "@"); ok && c.EmailURL != "" {
		text = local
	}
	return app.Elem("a").Class("govuk-link").Attr("href", "mailto:"+c.Email).Text(text)
}
