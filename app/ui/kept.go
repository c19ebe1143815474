package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// The search form and the live region are kept across the app's start:
// the very nodes the page was served with (and web/page.js answered in),
// never go-app's copies. go-app starts by replacing the page's root
// element with its own rendering; a search box drawn anew would lose the
// focus (a blur, then the focus put back, which a screen reader may read
// as a new field) and a live region drawn anew may be read out again. So
// in the browser Page renders two empty slots in their place (the server
// renders the form and the region inside them), OnInit moves the page's
// own nodes out of the root before go-app replaces it, and OnMount moves
// them into the slots. Both moves use Element.moveBefore, which keeps the
// focus, the caret and the selection; where a browser lacks it, the nodes
// are moved all the same (still the same nodes, with their text) and the
// focus is put back (restoreFocus).
const (
	searchSlotID = "search-slot"
	statusSlotID = "status-slot"
)

// keptNodes are the page's own form and live region, moved out of go-app's
// root by keepNodes until OnMount puts them in their slots.
type keptNodes struct {
	form, status app.Value
	// focusKept reports that the moves kept the focus (moveBefore).
	focusKept bool
}

// keepNodes moves the page's search form (in's) and live region (status)
// to the end of the body, outside the root go-app is about to replace. It
// runs in OnInit, which has found both; the browser does not paint before
// OnMount moves them back.
func keepNodes(in, status app.Value) (k keptNodes, ok bool) {
	if !in.Truthy() || !status.Truthy() || !in.Get("form").Truthy() {
		return k, false
	}
	body := app.Window().Get("document").Get("body")
	k = keptNodes{form: in.Get("form"), status: status, focusKept: body.Get("moveBefore").Truthy()}
	move(body, k.form)
	move(body, k.status)
	return k, true
}

// place moves the kept nodes into their slots in go-app's rendering.
func (k keptNodes) place() {
	for _, s := range []struct {
		id   string
		node app.Value
	}{{searchSlotID, k.form}, {statusSlotID, k.status}} {
		if slot := app.Window().GetElementByID(s.id); slot.Truthy() {
			move(slot, s.node)
		}
	}
}

// move puts node at the end of parent, keeping its state (the focus, the
// caret) where the browser can: moveBefore; appendChild elsewhere.
func move(parent, node app.Value) {
	if parent.Get("moveBefore").Truthy() {
		parent.Call("moveBefore", node, nil)
		return
	}
	parent.Call("appendChild", node)
}

// listen hands the kept search box's events to the page, in go-app's loop
// as go-app's own handlers would be.
func (p *Page) listen(ctx app.Context) {
	in := box()
	for event, h := range map[string]app.EventHandler{
		"input": p.onInput, "change": p.onInput, "keydown": p.onKeyDown, "focus": p.onFocus, "blur": p.onBlur,
	} {
		in.Call("addEventListener", event, app.FuncOf(func(this app.Value, args []app.Value) any {
			if len(args) > 0 {
				e := app.Event{Value: args[0]}
				ctx.Dispatch(func(ctx app.Context) { h(ctx, e) })
			}
			return nil
		}))
	}
}

// say sets what the live region says: in the browser the kept region
// itself, which go-app does not draw.
func (p *Page) say(text string) {
	p.status = text
	if !app.IsClient {
		return
	}
	if s := app.Window().GetElementByID(statusID); s.Truthy() && s.Get("textContent").String() != text {
		s.Set("textContent", text)
	}
}

// box is the search box.
func box() app.Value { return app.Window().GetElementByID(inputID) }
