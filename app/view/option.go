package view

import (
	"strconv"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/search"
)

// Option is one team in the listbox, at index among setSize: where to ask,
// the team's name, and the first reason to ask it, its matched words
// marked. A click on it (On: Select) highlights it; the UI keeps the focus
// in the search box, or the keys would stop working.
func Option(d *directory.Directory, r search.Result, index, setSize int, active bool) *Node {
	c := r.Contact
	class := "option"
	if active {
		class = "option option--active"
	}
	li := El("li", "id", OptionID+strconv.Itoa(index), "role", "option", "class", class,
		"aria-selected", strconv.FormatBool(active),
		"aria-posinset", strconv.Itoa(index+1), "aria-setsize", strconv.Itoa(setSize))
	li.On = Select
	li.Add(
		El("span", "class", "option__channel").Say(AskLabel(c)),
		El("span", "class", "option__team").Say(c.Name),
	)
	if rs := Reasons(d, r); len(rs) > 0 {
		li.Add(El("span", "class", "option__why").Add(Highlight(rs[0].Text, rs[0].Ranges)))
	}
	return li
}
