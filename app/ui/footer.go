package ui

import (
	"github.com/alphagov/askforhelp/app/directory"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Footer says where the data comes from: the manual page, its owner, and
// the version of the docs repository it was read from.
type Footer struct {
	app.Compo

	// Dir is the directory whose source the footer names.
	Dir *directory.Directory
}

// Render draws the footer.
func (f *Footer) Render() app.UI {
	d := f.Dir
	paras := []app.UI{app.Elem("p").Body(
		app.Text("From the GOV.UK developer manual page "),
		app.Elem("a").Attr("href", d.PageURL).Text(d.Title),
		app.Text(". Page owner: "+d.Owner+"."),
	)}
	if src := d.Source; src.Commit != "" {
		date := ""
		if src.Date != "" {
			date = " (" + src.Date + ")"
		}
		paras = append(paras, app.Elem("p").Class("govuk-footer__source").Body(
			app.Text("Teams, repos and manual pages as of "),
			app.Elem("a").Attr("href", directory.DocsRepoURL+"/commit/"+src.Commit).Text("govuk-developer-docs "+src.Commit),
			app.Text(date+"."),
		))
	}
	return app.Elem("footer").Class("govuk-footer").Body(app.Div().Class("govuk-width-container").Body(paras...))
}
