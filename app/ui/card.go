package ui

import (
	"strconv"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/search"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Card is the selected team's contact card: whom to ask and where (a link
// that Enter in the search box follows), why this team, a button that
// copies the channel's name, and a link to the manual page's section.
type Card struct {
	app.Compo

	// Dir is the directory the result comes from.
	Dir *directory.Directory
	// Result is the team the card shows.
	Result search.Result
	// Index is the result's position among the options; 0 is the
	// recommended one.
	Index int
	// Copied is what the card says after its Copy button was pressed.
	Copied string
	// OnCopy is called with the channel's name when Copy is pressed.
	OnCopy func(ctx app.Context, text string)
}

// maxReasons is how many reasons the card gives.
const maxReasons = 3

// reasonItem is one reason, its matched words marked, with its links.
func reasonItem(r search.Reason) app.UI {
	return app.Elem("li").Body(
		highlight(r.Text, r.Ranges),
		app.Range(r.Links).Slice(func(i int) app.UI {
			l := r.Links[i]
			return app.Elem("span").Class("card__link").Body(
				app.Text(" "),
				newTabLink("", l.URL, l.Text),
			)
		}),
	)
}

// Render draws the card.
func (k *Card) Render() app.UI {
	c := k.Result.Contact
	caption := "Recommended"
	if k.Index > 0 {
		caption = "Selected"
	}
	var why app.UI
	if rs := reasons(k.Dir, k.Result); len(rs) > 0 {
		rs = rs[:min(len(rs), maxReasons)]
		why = app.Div().Class("card__why").Body(
			app.Elem("h3").Class("card__why-label").Text("Why this team"),
			app.Elem("ul").Class("card__reasons").Body(
				app.Range(rs).Slice(func(i int) app.UI { return reasonItem(rs[i]) }),
			),
		)
	}
	return app.Elem("section").Class("card").Aria("labelledby", "card-title").Body(
		app.Elem("p").Class("card__caption").Text(caption),
		app.Elem("h2").ID("card-title").Class("card__title").Body(askLink(k.Dir, c, optionID+strconv.Itoa(k.Index)+"-link")...),
		app.Elem("p").Class("card__team").Text(c.Name),
		why,
		app.Div().Class("card__actions").Body(
			app.If(c.Channel != "", func() app.UI {
				return app.Elem("button").Attr("type", "button").Class("govuk-button govuk-button--secondary card__copy").
					OnClick(k.onCopy).Text("Copy " + c.Channel)
			}),
			app.If(k.Result.Entry == nil || k.Result.Entry.OnPage, func() app.UI {
				return app.Elem("a").Class("govuk-link card__source").Attr("href", k.Dir.SectionURL(c)).Text("Read about this on the manual page")
			}),
		),
		app.If(k.Copied != "", func() app.UI {
			return app.Elem("p").Class("card__copied").Text(k.Copied)
		}),
	)
}

// onCopy copies the channel the card shows when the button is pressed.
//
// It reads the card's fields then, never a value captured when it was
// rendered: when a render brings an element a handler made by the same
// code, go-app keeps the first one (eventHandler.Equal in go-app v10's
// event.go compares handlers by code pointer), so a captured channel would
// be the first one the card showed. Every handler in this package follows
// this rule; the browser test TestCopyCopiesShownChannel fails when one
// breaks it here.
func (k *Card) onCopy(ctx app.Context, e app.Event) {
	k.OnCopy(ctx, k.Result.Contact.Channel)
}
