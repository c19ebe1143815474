package ui

import (
	"strings"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// askLink says where to ask: the channel (linked, in a new tab), else the
// handle or email the page gives. id, if not empty, is the link's ID.
func askLink(d *directory.Directory, c *directory.Contact, id string) []app.UI {
	switch {
	case strings.HasPrefix(c.Channel, "#"):
		return []app.UI{app.Text("Ask in "), newTabLink(id, c.URL, c.Channel)}
	case c.Channel != "":
		ui := []app.UI{app.Text("Ping "), newTabLink(id, d.SectionURL(c), c.Channel), app.Text(" on Slack")}
		if c.Email != "" {
			ui = append(ui, app.Text(" or email "), emailLink(c))
		}
		return ui
	case c.Email != "":
		return []app.UI{app.Text("Email "), emailLink(c).ID(id)}
	}
	return []app.UI{app.Text("Ask the "), newTabLink(id, d.SectionURL(c), c.Name)}
}

// newTabLink links to href in a new tab, and says so to screen readers: its
// description is the page's newTabID element. (Hidden text inside the link
// would do too, but go-app's prerendered HTML would put white space around
// it, inside the link.) id, if not empty, is the link's ID.
func newTabLink(id, href, text string) app.HTMLElem {
	return app.Elem("a").ID(id).Class("govuk-link").Attr("href", href).
		Attr("target", "_blank").Attr("rel", "noopener noreferrer").Aria("describedby", newTabID).Text(text)
}

// newTabNote is what newTabLink's links are described by, hidden: a
// description may name a hidden element.
func newTabNote() app.UI {
	return app.Elem("span").ID(newTabID).Attr("hidden", true).Text("(opens in new tab)")
}

// askLabel is where to ask a contact, in a word: the channel or handle,
// else the email address, else the contact's name.
func askLabel(c *directory.Contact) string {
	switch {
	case c.Channel != "":
		return c.Channel
	case c.Email != "":
		return c.Email
	}
	return c.Name
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
