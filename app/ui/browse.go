package ui

import (
	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/view"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Browse lists every team and what it looks after (view.Browse); the page
// shows it while nothing is typed. As a component of its own, it is drawn
// once: go-app renders it again only when its fields change.
type Browse struct {
	app.Compo

	// Dir is the directory whose teams are listed.
	Dir *directory.Directory
	// Entries are the directory's teams (directory.Entries).
	Entries []directory.Entry
}

// Render draws the list.
func (b *Browse) Render() app.UI { return toUI(view.Browse(b.Dir, b.Entries), nil) }
