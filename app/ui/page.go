package ui

import (
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/search"
	"github.com/alphagov/askforhelp/app/view"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Element IDs that the page, its scripts and its tests rely on (app/view
// names them).
const (
	inputID   = view.InputID
	listboxID = view.ListboxID
	statusID  = view.StatusID
	optionID  = view.OptionID
	newTabID  = view.NewTabID
)

// maxResults is how many contacts a query lists.
const maxResults = view.MaxResults

// announceDelay is how long typing must pause before the live region says
// how many contacts match, so that a screen reader is not interrupted at
// every keystroke.
const announceDelay = 600 * time.Millisecond

// Page is the widget: the search box, the answer and the other matches, every
// contact when nothing is typed, and the escalation order. With Embed set it
// leaves out the page's header and footer, for an iframe.
//
// Page holds all the search's state (the query, the results, the active
// option, what the live region says) and hands it to components that hold
// none: go-app rebuilds the prerendered page when it starts, and only the
// state Page reads back from it in OnInit survives.
type Page struct {
	app.Compo

	// Embed renders the compact view for an iframe.
	Embed bool

	query    string
	results  []search.Result
	active   int // index of the selected option; -1: none
	status   string
	typed    int  // input events so far, to debounce the live region
	focused  bool // the search box had focus before the app started
	selStart int  // and its selection (the caret when empty)
	selEnd   int
	selDir   string
	kept     bool      // the live region's text was taken from the page
	held     keptNodes // the page's own form and live region (kept.go)
	holding  bool      // held has them: the slots are theirs
	announce bool      // the count is still to be said
	copied   string
	unwatch  func()    // stops watching the search box's value; nil: not watching
	drawn    [2]string // what draw last put in the answer's and the browse slots
}

// slots are the answer and the list of every team as the page's state has
// them: the list only while nothing is typed, and never in the embed view.
func (p *Page) slots(d *directory.Directory, eng *search.Engine) (*Answer, *Browse) {
	a := &Answer{Dir: d, Query: p.query, Results: p.results, Active: p.active, Copied: p.copied, OnSelect: p.onSelect, OnCopy: p.onCopy}
	b := &Browse{Dir: d}
	if strings.TrimSpace(p.query) == "" && !p.Embed {
		b.Entries = eng.Entries()
	}
	return a, b
}

// draw fills the answer's and the browse slots with what the page's state
// says, at once (slot.go): call it wherever that state changes. Nothing in
// the page does on the server, where Render fills them.
func (p *Page) draw() {
	if !app.IsClient {
		return
	}
	a, b := p.slots(current())
	p.drawn[0] = fillSlot(view.AnswerSlotID, a.HTML(), p.drawn[0])
	p.drawn[1] = fillSlot(view.BrowseSlotID, browseHTML(b), p.drawn[1])
	// The search box's state goes with the listbox it describes, now: go-app
	// writes the same values with its next render (SearchBox).
	if in := app.Window().GetElementByID(inputID); in.Truthy() {
		in.Call("setAttribute", "aria-expanded", strconv.FormatBool(len(p.results) > 0))
		if p.active >= 0 {
			in.Call("setAttribute", "aria-activedescendant", optionID+strconv.Itoa(p.active))
		} else {
			in.Call("removeAttribute", "aria-activedescendant")
		}
	}
}

// browseHTML is b's HTML; the list of every team is the same for every
// page, so it is drawn once.
func browseHTML(b *Browse) string {
	if len(b.Entries) == 0 {
		return ""
	}
	browseOnce.Do(func() { browseDrawn = b.HTML() })
	return browseDrawn
}

var (
	browseOnce  sync.Once
	browseDrawn string
)

// Render draws the page.
func (p *Page) Render() app.UI {
	d, eng := current()
	// The escalation order comes right after the answer, so that it is
	// always near; on wide screens it sits beside the answer.
	// In the browser the answer's and the browse slots are drawn by draw,
	// not by go-app (slot.go): their components get only the handlers.
	answer, browse := &Answer{OnSelect: p.onSelect, OnCopy: p.onCopy}, &Browse{}
	if !app.IsClient {
		answer, browse = p.slots(d, eng)
	}
	// In the browser the form and the live region are the page's own,
	// moved into their slots (kept.go).
	var form, region app.UI = &SearchBox{Query: p.query, Expanded: len(p.results) > 0, Active: p.active, OnInput: p.onInput, OnKeyDown: p.onKeyDown, OnFocus: p.onFocus, OnBlur: p.onBlur},
		&LiveRegion{Text: p.status}
	if p.holding {
		form, region = nil, nil
	}
	layout := []app.UI{
		app.Div().ID(searchSlotID).Class("search-slot").Body(form),
		app.Div().ID(statusSlotID).Class("status-slot").Body(region),
		&DataAge{Dir: d},
		answer,
		app.If(len(d.Escalation) > 0, func() app.UI { return &Escalation{Dir: d} }),
	}
	if !p.Embed {
		layout = append(layout, browse)
	}
	body := []app.UI{
		toUI(view.NewTabNote(), nil),
		&UpdateNotice{},
		app.Elem("h1").Class("govuk-heading-l").Text(d.Title),
		app.Div().Class("layout").Body(layout...),
	}
	if p.Embed {
		return app.Elem("main").ID("main").Class("app app--embed").Body(body...)
	}
	return app.Div().Class("app").Body(
		app.Elem("a").Class("govuk-skip-link").Attr("href", "#"+inputID).Text("Skip to search"),
		&Header{Dir: d},
		app.Div().Class("govuk-width-container").Body(
			app.Elem("main").ID("main").Class("govuk-main-wrapper").Body(body...),
		),
		&Footer{Dir: d},
	)
}
