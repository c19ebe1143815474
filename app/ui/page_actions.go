package ui

import (
	"strconv"

	"github.com/alphagov/askforhelp/app/view"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// What the page does for a key or a click once it is handled (page_events.go):
// open a channel, scroll to an option, select one, copy a channel.

// open follows the link of result i's channel, in a new tab, and says so.
func (p *Page) open(i int) {
	link := app.Window().GetElementByID(optionID + strconv.Itoa(i) + "-link")
	if !link.Truthy() {
		return
	}
	link.Call("click")
	p.typed++ // a count still to come would hide this
	p.say(view.Opened(p.results[i]))
}

// scrollToOption scrolls option i into view (draw has drawn it
// highlighted): the focus stays in the search box, so the browser would not.
func scrollToOption(i int) {
	if o := app.Window().GetElementByID(optionID + strconv.Itoa(i)); o.Truthy() {
		o.Call("scrollIntoView", map[string]any{"block": "nearest"})
	}
}

// onSelect makes option i the active one, as clicking it does, and keeps
// the focus in the search box (a touch moves it).
func (p *Page) onSelect(ctx app.Context, i int) {
	if i < 0 || i >= len(p.results) {
		return
	}
	p.active = i
	p.draw()
	app.Window().GetElementByID(inputID).Call("focus")
}

// onCopy puts the channel the card shows on the clipboard and says so.
func (p *Page) onCopy(ctx app.Context) {
	if len(p.results) == 0 {
		return
	}
	text := p.results[max(p.active, 0)].Contact.Channel
	clip := app.Window().Get("navigator").Get("clipboard")
	if clip.Truthy() {
		clip.Call("writeText", text)
		p.copied = view.Copied(text)
		p.say(p.copied)
	} else {
		p.copied = view.CopyUnavailable
	}
	p.draw()
}
