package ui

import (
	"github.com/alphagov/askforhelp/app/directory"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Header is the GOV.UK header: the developer manual's name, linked to the
// manual page, and an Install button while the browser offers to install
// the app (only the browser knows: the prerendered page never shows it).
type Header struct {
	app.Compo

	// Dir is the directory whose manual page the header links to.
	Dir *directory.Directory

	installable bool
}

// OnMount reads whether the browser already offers to install the app.
func (h *Header) OnMount(ctx app.Context) {
	h.installable = ctx.IsAppInstallable()
}

// OnAppInstallChange shows the Install button only while the browser
// offers to install the app.
func (h *Header) OnAppInstallChange(ctx app.Context) {
	h.installable = ctx.IsAppInstallable()
}

// Render draws the header.
func (h *Header) Render() app.UI {
	return app.Elem("header").Class("govuk-header").Body(
		app.Div().Class("govuk-width-container").Body(
			app.Elem("a").Class("govuk-header__link").Attr("href", h.Dir.PageURL).Body(
				app.Elem("span").Class("govuk-header__logotype").Text("GOV.UK"),
				app.Elem("span").Class("govuk-header__product").Text("Developer manual"),
			),
			app.If(h.installable, func() app.UI { return &InstallButton{} }),
		),
	)
}

// InstallButton asks the browser to show its prompt to install the app.
type InstallButton struct {
	app.Compo
}

// Render draws the button.
func (b *InstallButton) Render() app.UI {
	return app.Elem("button").Attr("type", "button").Class("govuk-button govuk-button--secondary govuk-header__install").
		OnClick(func(ctx app.Context, e app.Event) { ctx.ShowAppInstallPrompt() }).Text("Install")
}
