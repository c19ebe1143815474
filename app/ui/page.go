package ui

import (
	"strconv"
	"strings"
	"time"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/search"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Element IDs that the page, its scripts and its tests rely on.
const (
	inputID   = "q"
	listboxID = "results"
	statusID  = "status"
	optionID  = "result-"
)

// maxResults is how many contacts a query lists.
const maxResults = 8

// announceDelay is how long typing must pause before the live region says
// how many contacts match, so that a screen reader is not interrupted at
// every keystroke.
const announceDelay = 600 * time.Millisecond

// Page is the widget: the search box, the answer and the other matches, every
// contact when nothing is typed, and the escalation order. With Embed set it
// leaves out the page's header and footer, for an iframe.
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
	selStart int
	copied   string

	updated     bool // a new version has been downloaded
	installable bool // the browser offers to install the app
}

// OnInit runs in the browser before the app replaces the prerendered page:
// it keeps whatever was typed, and the focus, so that nothing is lost.
func (p *Page) OnInit() {
	p.active = -1
	if !app.IsClient {
		return
	}
	doc := app.Window().Get("document")
	in := doc.Call("getElementById", inputID)
	if !in.Truthy() {
		return
	}
	p.query = in.Get("value").String()
	p.focused = doc.Get("activeElement").Equal(in)
	if p.focused {
		p.selStart = in.Get("selectionStart").Int()
	}
	p.run(p.query)
}

// OnNav reads the query from the address (?q=), on the server and in the
// browser alike, unless something was typed before the app started.
func (p *Page) OnNav(ctx app.Context) {
	if p.query == "" {
		p.query = QueryFromAddress(ctx.Page().URL().Query().Get("q"))
		p.run(p.query)
	}
	p.status = p.summary()
}

// OnAppUpdate shows that a new version is ready: it is used on reload.
func (p *Page) OnAppUpdate(ctx app.Context) {
	p.updated = ctx.AppUpdateAvailable()
}

// OnAppInstallChange shows the Install button only while the browser
// offers to install the app.
func (p *Page) OnAppInstallChange(ctx app.Context) {
	p.installable = ctx.IsAppInstallable()
}

// OnMount puts the focus back where it was before the app started, and
// lets "/" focus the search box from anywhere on the page.
func (p *Page) OnMount(ctx app.Context) {
	p.updated = ctx.AppUpdateAvailable()
	p.installable = ctx.IsAppInstallable()
	if p.focused {
		// A microtask runs as soon as the wasm hands control back to the
		// browser, before any keystroke is handled: nothing typed can land
		// on the page's body in between.
		var restore app.Func
		restore = app.FuncOf(func(this app.Value, args []app.Value) any {
			in := app.Window().GetElementByID(inputID)
			in.Call("focus")
			in.Call("setSelectionRange", p.selStart, p.selStart)
			restore.Release()
			return nil
		})
		app.Window().Call("queueMicrotask", restore)
	}
	// When the browser is idle, index the directory and run one search, so
	// that the first keystroke neither builds the index nor waits for the
	// browser to compile the search's code (it compiles wasm functions on
	// their first call).
	if idle := app.Window().Get("requestIdleCallback"); idle.Truthy() {
		var warm app.Func
		warm = app.FuncOf(func(this app.Value, args []app.Value) any {
			_, eng := current()
			eng.Search("warm up", 1)
			warm.Release()
			return nil
		})
		app.Window().Call("requestIdleCallback", warm, map[string]any{"timeout": 2000})
	}
	app.Window().Call("addEventListener", "keydown", app.FuncOf(func(this app.Value, args []app.Value) any {
		e := args[0]
		if e.Get("key").String() != "/" || e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() {
			return nil
		}
		switch strings.ToLower(e.Get("target").Get("tagName").String()) {
		case "input", "textarea", "select":
			return nil
		}
		e.Call("preventDefault")
		app.Window().GetElementByID(inputID).Call("focus")
		return nil
	}))
}

func (p *Page) run(q string) {
	_, eng := current()
	p.query = q
	p.active = -1
	p.copied = ""
	if strings.TrimSpace(q) == "" {
		p.results = nil
		return
	}
	if !app.IsClient {
		p.results = eng.Search(q, maxResults)
		return
	}
	// In the browser, each search is a performance measure
	// ("askforhelp:search") that make bench reads.
	perf := app.Window().Get("performance")
	start := perf.Call("now").Float()
	p.results = eng.Search(q, maxResults)
	perf.Call("measure", "askforhelp:search", map[string]any{"start": start})
}

// summary is what the live region says about the current results.
func (p *Page) summary() string {
	q := strings.TrimSpace(p.query)
	switch n := len(p.results); {
	case q == "":
		return ""
	case n == 0:
		return "No teams match " + q
	case n == 1:
		return "1 team matches " + q
	default:
		return strconv.Itoa(n) + " teams match " + q
	}
}

func (p *Page) onInput(ctx app.Context, e app.Event) {
	q := ctx.JSSrc().Get("value").String()
	p.run(q)
	p.typed++
	typed := p.typed
	ctx.After(announceDelay, func(ctx app.Context) {
		if typed == p.typed {
			p.status = p.summary()
		}
	})
	// Keep the answer shareable: the address carries the query.
	u := *ctx.Page().URL()
	v := u.Query()
	if q == "" {
		v.Del("q")
	} else {
		v.Set("q", q)
	}
	u.RawQuery = v.Encode()
	app.Window().Get("history").Call("replaceState", nil, "", u.String())
}

func (p *Page) onKeyDown(ctx app.Context, e app.Event) {
	n := len(p.results)
	switch e.Get("key").String() {
	case "ArrowDown", "Down":
		if n > 0 {
			e.PreventDefault()
			p.active = (p.active + 1) % n
		}
	case "ArrowUp", "Up":
		if n > 0 {
			e.PreventDefault()
			if p.active <= 0 {
				p.active = n - 1
			} else {
				p.active--
			}
		}
	case "Enter":
		if n == 0 {
			return // the form submits: the server answers ?q=
		}
		e.PreventDefault()
		i := max(p.active, 0)
		p.open(i)
	case "Escape", "Esc":
		e.PreventDefault()
		ctx.JSSrc().Set("value", "")
		p.run("")
		p.status = ""
		app.Window().Get("history").Call("replaceState", nil, "", ctx.Page().URL().Path)
	}
}

// open follows the link of result i's channel, in a new tab.
func (p *Page) open(i int) {
	link := app.Window().GetElementByID(optionID + strconv.Itoa(i) + "-link")
	if link.Truthy() {
		link.Call("click")
	}
}

func (p *Page) onOptionClick(i int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.active = i
	}
}

func (p *Page) onCopy(text string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		clip := app.Window().Get("navigator").Get("clipboard")
		if !clip.Truthy() {
			p.copied = "Copying is not available here: select the channel name and copy it."
			return
		}
		clip.Call("writeText", text)
		p.copied = "Copied " + text
		p.status = "Copied " + text
	}
}

// Render draws the page.
func (p *Page) Render() app.UI {
	d, _ := current()
	// The escalation order comes right after the answer, so that it is
	// always near; on wide screens it sits beside the answer.
	layout := []app.UI{
		p.renderForm(),
		app.Div().ID(statusID).Class("govuk-visually-hidden").Role("status").Aria("live", "polite").Aria("atomic", "true").Text(p.status),
		p.renderAnswer(d),
		p.renderEscalation(d),
	}
	if strings.TrimSpace(p.query) == "" && !p.Embed {
		layout = append(layout, p.renderBrowse(d))
	}
	body := []app.UI{
		// Always there, so that the notice appearing does not shift the
		// elements after it: go-app would rebuild them, and the search box
		// would lose its focus.
		app.Div().Class("notice-slot").Body(
			app.If(p.updated, func() app.UI {
				return app.Div().Class("notice").Role("status").Body(
					app.Elem("p").Class("notice__text").Text("A new version is available."),
					app.Elem("button").Attr("type", "button").Class("govuk-button govuk-button--secondary notice__reload").
						OnClick(func(ctx app.Context, e app.Event) { ctx.Reload() }).Text("Reload"),
				)
			}),
		),
		app.Elem("h1").Class("govuk-heading-l").Text(d.Title),
		app.Div().Class("layout").Body(layout...),
	}
	if p.Embed {
		return app.Elem("main").ID("main").Class("app app--embed").Body(body...)
	}
	return app.Div().Class("app").Body(
		app.Elem("a").Class("govuk-skip-link").Attr("href", "#"+inputID).Text("Skip to search"),
		app.Elem("header").Class("govuk-header").Body(
			app.Div().Class("govuk-width-container").Body(
				app.Elem("a").Class("govuk-header__link").Attr("href", d.PageURL).Body(
					app.Elem("span").Class("govuk-header__logotype").Text("GOV.UK"),
					app.Elem("span").Class("govuk-header__product").Text("Developer manual"),
				),
				app.If(p.installable, func() app.UI {
					return app.Elem("button").Attr("type", "button").Class("govuk-button govuk-button--secondary govuk-header__install").
						OnClick(func(ctx app.Context, e app.Event) { ctx.ShowAppInstallPrompt() }).Text("Install")
				}),
			),
		),
		app.Div().Class("govuk-width-container").Body(
			app.Elem("main").ID("main").Class("govuk-main-wrapper").Body(body...),
		),
		app.Elem("footer").Class("govuk-footer").Body(
			app.Div().Class("govuk-width-container").Body(
				app.Elem("p").Body(
					app.Text("From the GOV.UK developer manual page "),
					app.Elem("a").Attr("href", d.PageURL).Text(d.Title),
					app.Text(". Page owner: "+d.Owner+"."),
				),
			),
		),
	)
}

func (p *Page) renderForm() app.UI {
	expanded := len(p.results) > 0
	input := app.ElemSelfClosing("input").
		ID(inputID).Attr("name", "q").Attr("type", "text").Class("govuk-input").
		Attr("value", attrValue(p.query)).
		Role("combobox").
		Attr("autocomplete", "off").
		Spellcheck(false).
		Attr("autocapitalize", "none").
		Aria("autocomplete", "list").
		Aria("controls", listboxID).
		Aria("expanded", strconv.FormatBool(expanded)).
		Aria("describedby", inputID+"-hint").
		OnInput(p.onInput).
		OnKeyDown(p.onKeyDown)
	if p.active >= 0 {
		input = input.Aria("activedescendant", optionID+strconv.Itoa(p.active))
	}
	// No action: the form asks the page it is on, wherever the site is served.
	return app.Elem("form").Class("search").Role("search").Attr("method", "get").Body(
		app.Elem("label").Class("govuk-label govuk-label--m").Attr("for", inputID).Text("What do you need help with?"),
		app.Div().ID(inputID+"-hint").Class("govuk-hint").Text("For example: database migration, base images"),
		app.Div().Class("search__row").Body(
			input,
			app.Elem("button").Attr("type", "submit").Class("govuk-button search__button").Text("Search"),
		),
	)
}

// renderAnswer is the recommendation and the other matches for a query,
// or, when nothing matches, a pointer to the escalation order.
func (p *Page) renderAnswer(d *directory.Directory) app.UI {
	q := strings.TrimSpace(p.query)
	if q == "" {
		// The listbox is always present so that aria-controls names an element.
		return app.Elem("ul").ID(listboxID).Role("listbox").Aria("label", "Matching teams").Class("results results--empty")
	}
	if len(p.results) == 0 {
		return app.Div().Class("answer answer--none").Body(
			app.Elem("ul").ID(listboxID).Role("listbox").Aria("label", "Matching teams").Class("results results--empty"),
			app.Elem("h2").Class("govuk-heading-m").Text("No team matches “"+q+"”"),
			app.Elem("p").Class("govuk-body").Body(
				app.Text("Try other words, or "),
				app.Elem("a").Class("govuk-link").Attr("href", "#escalation").Text("ask in the escalation order below"),
				app.Text(", starting with your tech lead."),
			),
		)
	}
	sel := max(p.active, 0)
	return app.Div().Class("answer").Body(
		p.renderCard(d, p.results[sel], sel),
		app.Elem("h2").Class("govuk-heading-s results__title").ID(listboxID+"-title").Text("Teams that match"),
		app.Elem("ul").ID(listboxID).Class("results").Role("listbox").Aria("labelledby", listboxID+"-title").Body(
			app.Range(p.results).Slice(func(i int) app.UI {
				return p.renderOption(p.results[i], i)
			}),
		),
	)
}

// renderCard is the contact card of the selected result: whom to ask, where,
// and why this team.
func (p *Page) renderCard(d *directory.Directory, r search.Result, i int) app.UI {
	c := r.Contact
	caption := "Recommended"
	if i > 0 {
		caption = "Selected"
	}
	var why app.UI
	if m, ok := bestText(r); ok {
		why = app.Elem("p").Class("card__why").Body(
			app.Elem("span").Class("card__why-label").Text("Looks after: "),
			highlight(m.Text, m.Ranges),
		)
	}
	return app.Elem("section").Class("card").Aria("labelledby", "card-title").Body(
		app.Elem("p").Class("card__caption").Text(caption),
		app.Elem("h2").ID("card-title").Class("card__title").Body(askLink(d, c, optionID+strconv.Itoa(i)+"-link")...),
		app.Elem("p").Class("card__team").Text(c.Name),
		why,
		app.Div().Class("card__actions").Body(
			app.If(c.Channel != "", func() app.UI {
				return app.Elem("button").Attr("type", "button").Class("govuk-button govuk-button--secondary card__copy").
					OnClick(p.onCopy(c.Channel)).Text("Copy " + c.Channel)
			}),
			app.Elem("a").Class("govuk-link card__source").Attr("href", d.SectionURL(c)).Text("Read about this on the manual page"),
		),
		app.If(p.copied != "", func() app.UI {
			return app.Elem("p").Class("card__copied").Text(p.copied)
		}),
	)
}

// askLink says where to ask: the channel (linked, in a new tab), else the
// handle or email the page gives.
func askLink(d *directory.Directory, c *directory.Contact, id string) []app.UI {
	newTab := func(a app.HTMLElem) app.HTMLElem {
		return a.Attr("target", "_blank").Attr("rel", "noopener noreferrer")
	}
	switch {
	case strings.HasPrefix(c.Channel, "#"):
		return []app.UI{app.Text("Ask in "), newTab(app.Elem("a").ID(id).Class("govuk-link").Attr("href", c.URL)).Text(c.Channel)}
	case c.Channel != "":
		ui := []app.UI{app.Text("Ping "), newTab(app.Elem("a").ID(id).Class("govuk-link").Attr("href", d.SectionURL(c))).Text(c.Channel), app.Text(" on Slack")}
		if c.Email != "" {
			ui = append(ui, app.Text(" or email "), emailLink(c))
		}
		return ui
	case c.Email != "":
		return []app.UI{app.Text("Email "), emailLink(c).ID(id)}
	}
	return []app.UI{app.Text("Ask the "), newTab(app.Elem("a").ID(id).Class("govuk-link").Attr("href", d.SectionURL(c))).Text(c.Name)}
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

func (p *Page) renderOption(r search.Result, i int) app.UI {
	c := r.Contact
	ask := c.Channel
	if ask == "" {
		ask = c.Email
	}
	if ask == "" {
		ask = c.Name
	}
	var why app.UI
	if m, ok := bestText(r); ok {
		why = app.Elem("span").Class("option__why").Body(highlight(m.Text, m.Ranges))
	}
	return app.Elem("li").ID(optionID+strconv.Itoa(i)).Role("option").
		Class(optionClass(i == p.active)).
		Aria("selected", strconv.FormatBool(i == p.active)).
		OnClick(p.onOptionClick(i)).
		Body(
			app.Elem("span").Class("option__channel").Text(ask),
			app.Elem("span").Class("option__team").Text(c.Name),
			why,
		)
}

func optionClass(active bool) string {
	if active {
		return "option option--active"
	}
	return "option"
}

// bestText is the first match a person can read as a reason: a
// responsibility or the page's sentence about the contact.
func bestText(r search.Result) (search.Match, bool) {
	for _, m := range r.Matches {
		if m.Field == "responsibility" || m.Field == "summary" {
			return m, true
		}
	}
	if len(r.Contact.Responsibilities) > 0 {
		return search.Match{Text: r.Contact.Responsibilities[0]}, true
	}
	return search.Match{}, false
}

// highlight renders text with the matched rune ranges in <mark>, as text
// nodes: never as HTML.
func highlight(text string, ranges [][2]int) app.UI {
	runes := []rune(text)
	var parts []app.UI
	pos := 0
	for _, r := range ranges {
		if r[0] < pos || r[1] > len(runes) || r[0] >= r[1] {
			continue
		}
		if r[0] > pos {
			parts = append(parts, app.Text(string(runes[pos:r[0]])))
		}
		parts = append(parts, app.Elem("mark").Text(string(runes[r[0]:r[1]])))
		pos = r[1]
	}
	if pos < len(runes) {
		parts = append(parts, app.Text(string(runes[pos:])))
	}
	// data-inline: the server puts these children back to back (see
	// app/server), so that a highlight inside a word stays inside it.
	return app.Elem("span").Attr("data-inline", true).Body(parts...)
}

// renderEscalation is the order in which to ask, always on the page.
func (p *Page) renderEscalation(d *directory.Directory) app.UI {
	if len(d.Escalation) == 0 {
		return nil
	}
	return app.Elem("aside").ID("escalation").Class("escalation").Aria("labelledby", "escalation-title").Body(
		app.Elem("h2").ID("escalation-title").Class("govuk-heading-s").Text("Still stuck? Ask in this order"),
		app.Elem("ol").Class("escalation__steps").Body(
			app.Range(d.Escalation).Slice(func(i int) app.UI {
				return app.Elem("li").Body(app.Elem("span").Attr("data-inline", true).Body(renderStep(d, d.Escalation[i])...))
			}),
		),
	)
}

func renderStep(d *directory.Directory, s directory.Step) []app.UI {
	c := d.Contact(s.Contact)
	switch {
	case c != nil && strings.HasPrefix(c.Channel, "@"):
		ui := []app.UI{app.Text(s.Text + ": "), app.Elem("a").Class("govuk-link").Attr("href", d.SectionURL(c)).Text(c.Channel), app.Text(" on Slack")}
		if c.Email != "" {
			ui = append(ui, app.Text(", or email "), emailLink(c))
		}
		return ui
	case s.Channel != "" && s.URL != "":
		return []app.UI{app.Elem("a").Class("govuk-link").Attr("href", s.URL).Attr("target", "_blank").Attr("rel", "noopener noreferrer").Text(s.Text)}
	}
	return []app.UI{app.Text(s.Text)}
}

// renderBrowse lists every contact and what it looks after, as the page does.
func (p *Page) renderBrowse(d *directory.Directory) app.UI {
	return app.Elem("section").Class("browse").Aria("labelledby", "browse-title").Body(
		app.Elem("h2").ID("browse-title").Class("govuk-heading-m").Text("Teams and communities"),
		app.Range(d.Contacts).Slice(func(i int) app.UI {
			c := &d.Contacts[i]
			return app.Div().Class("contact").ID("contact-"+c.ID).Body(
				app.Elem("h3").Class("govuk-heading-s contact__name").Text(c.Name),
				app.Elem("p").Class("contact__ask").Body(askLink(d, c, "")...),
				app.If(c.Summary != "" && len(c.Responsibilities) == 0, func() app.UI {
					return app.Elem("p").Class("govuk-body").Text(c.Summary)
				}),
				app.If(len(c.Responsibilities) > 0, func() app.UI {
					return app.Elem("ul").Class("govuk-list govuk-list--bullet").Body(
						app.Range(c.Responsibilities).Slice(func(j int) app.UI {
							return app.Elem("li").Text(c.Responsibilities[j])
						}),
					)
				}),
			)
		}),
	)
}
