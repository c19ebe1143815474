package view

import (
	"strings"

	"github.com/alphagov/askforhelp/app/directory"
)

// Element IDs that the page, its scripts and its tests rely on.
const (
	InputID   = "q"       // the search box
	ListboxID = "results" // the listbox of options
	StatusID  = "status"  // the live region
	OptionID  = "result-" // an option's ID is OptionID and its index; its card's link adds "-link"
	NewTabID  = "new-tab" // what links that open a new tab are described by
	// The two slots whose children are this package's HTML, drawn by the
	// app and by the small wasm that answers before it starts alike: the
	// answer (Answer), and every team (Browse) while nothing is typed.
	AnswerSlotID = "answer"
	BrowseSlotID = "teams"
)

// Selectors of the elements in an answer that act on a click: an option
// (its index is in its ID, after OptionID) and the card's Copy button.
const (
	OptionSelector = "[role=option]"
	CopySelector   = ".card__copy"
)

// askLink says where to ask: the channel (linked, in a new tab), else the
// handle or email the page gives. id, if not empty, is the link's ID.
func askLink(d *directory.Directory, c *directory.Contact, id string) []*Node {
	switch {
	case strings.HasPrefix(c.Channel, "#"):
		return []*Node{Text("Ask in "), newTabLink(id, c.URL, c.Channel)}
	case c.Channel != "":
		ui := []*Node{Text("Ping "), newTabLink(id, d.SectionURL(c), c.Channel), Text(" on Slack")}
		if c.Email != "" {
			ui = append(ui, Text(" or email "), emailLink(c))
		}
		return ui
	case c.Email != "":
		l := emailLink(c)
		if id != "" {
			l.Attrs = append([]Attr{{"id", id}}, l.Attrs...)
		}
		return []*Node{Text("Email "), l}
	}
	return []*Node{Text("Ask the "), newTabLink(id, d.SectionURL(c), c.Name)}
}

// newTabLink links to href in a new tab, and says so to screen readers: its
// description is the page's NewTabID element. (Hidden text inside the link
// would do too, but go-app's prerendered HTML would put white space around
// it, inside the link.) id, if not empty, is the link's ID.
func newTabLink(id, href, text string) *Node {
	a := El("a")
	if id != "" {
		a.Set("id", id)
	}
	return a.Set("class", "govuk-link").Set("href", href).Set("target", "_blank").
		Set("rel", "noopener noreferrer").Set("aria-describedby", NewTabID).Say(text)
}

// NewTabNote is what newTabLink's links are described by, hidden: a
// description may name a hidden element.
func NewTabNote() *Node {
	return El("span", "id", NewTabID, "hidden", "true").Say("(opens in new tab)")
}

// AskLabel is where to ask a contact, in a word: the channel or handle,
// else the email address, else the contact's name.
func AskLabel(c *directory.Contact) string {
	switch {
	case c.Channel != "":
		return c.Channel
	case c.Email != "":
		return c.Email
	}
	return c.Name
}

// opensNewTab says whether the link askLink makes for c opens a new tab
// (every link but an email address's).
func opensNewTab(c *directory.Contact) bool {
	return c.Channel != "" || c.Email == ""
}

// emailLink links a contact's email address. A Google group's address is
// shown by the group's name, as the manual page does.
func emailLink(c *directory.Contact) *Node {
	text := c.Email
	if local, _, ok := strings.Cut(c.Email, "@"); ok && c.EmailURL != "" {
		text = local
	}
	return El("a", "class", "govuk-link", "href", "mailto:"+c.Email).Say(text)
}
