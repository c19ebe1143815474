package ui

import (
	"github.com/alphagov/askforhelp/app/view"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// toUI makes go-app elements of a view tree (app/view, which draws the
// answer for the app and for the small wasm that answers before it starts
// alike). on, if not nil, attaches the event handlers of the nodes that ask
// for an action.
func toUI(n *view.Node, on func(view.Action, app.HTMLElem) app.HTMLElem) app.UI {
	if n == nil {
		return nil
	}
	if n.Tag == "" {
		return app.Text(n.Text)
	}
	e := app.Elem(n.Tag) // view draws no void element
	for _, a := range n.Attrs {
		e = e.Attr(a.Key, a.Val)
	}
	if n.On != view.None && on != nil {
		e = on(n.On, e)
	}
	if len(n.Kids) == 0 {
		return e
	}
	kids := make([]app.UI, len(n.Kids))
	for i, k := range n.Kids {
		kids[i] = toUI(k, on)
	}
	return e.Body(kids...)
}
