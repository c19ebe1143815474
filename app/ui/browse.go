package ui

import (
	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/view"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Browse is the slot (slot.go) of the list of every team and what it looks
// after (view.Browse), which the page shows while nothing is typed.
type Browse struct {
	app.Compo

	// Dir is the directory whose teams are listed.
	Dir *directory.Directory
	// Entries are the directory's teams (directory.Entries); none: the
	// slot is empty.
	Entries []directory.Entry
}

// HTML is the list's HTML, "" with no entries.
func (b *Browse) HTML() string {
	if len(b.Entries) == 0 {
		return ""
	}
	return view.Browse(b.Dir, b.Entries).HTML()
}

// Render draws the slot, with the list in it on the server.
func (b *Browse) Render() app.UI {
	html := ""
	if !app.IsClient {
		html = b.HTML()
	}
	return slot(view.BrowseSlotID, "browse-slot", html)
}
