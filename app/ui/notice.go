package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// UpdateNotice says when a new version of the app has been downloaded, with
// a button that reloads the page into it. It keeps its own state: go-app
// tells every component when an update is available.
type UpdateNotice struct {
	app.Compo

	available bool
}

// OnMount reads whether an update came before the app started.
func (n *UpdateNotice) OnMount(ctx app.Context) {
	n.available = ctx.AppUpdateAvailable()
}

// OnAppUpdate shows the notice when a new version is ready.
func (n *UpdateNotice) OnAppUpdate(ctx app.Context) {
	n.available = ctx.AppUpdateAvailable()
}

// Render draws the notice's slot, and the notice in it when there is one.
// The slot is always there, so that the notice appearing does not shift the
// elements after it: go-app would rebuild them, and the search box would
// lose its focus.
func (n *UpdateNotice) Render() app.UI {
	return app.Div().Class("notice-slot").Body(
		app.If(n.available, func() app.UI {
			return app.Div().Class("notice").Role("status").Body(
				app.Elem("p").Class("notice__text").Text("A new version is available."),
				app.Elem("button").Attr("type", "button").Class("govuk-button govuk-button--secondary notice__reload").
					OnClick(func(ctx app.Context, e app.Event) { ctx.Reload() }).Text("Reload"),
			)
		}),
	)
}
