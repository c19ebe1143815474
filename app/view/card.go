package view

import (
	"strconv"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/search"
)

// maxReasons is how many reasons the card gives.
const maxReasons = 3

// Card is the selected team's contact card: whom to ask and where (a link,
// with the option's ID and "-link", that Enter in the search box follows),
// why this team, a button that copies the channel's name (On: Copy), and a
// link to the manual page's section. index is the result's position among
// the options, 0 the recommended one; copied is what the card says after
// its Copy button was pressed.
func Card(d *directory.Directory, r search.Result, index int, copied string) *Node {
	c := r.Contact
	caption := "Recommended"
	if index > 0 {
		caption = "Selected"
	}
	var why *Node
	if rs := Reasons(d, r); len(rs) > 0 {
		list := El("ul", "class", "card__reasons")
		for _, reason := range rs[:min(len(rs), maxReasons)] {
			list.Add(reasonItem(reason))
		}
		why = El("div", "class", "card__why").Add(El("h3", "class", "card__why-label").Say("Why this team"), list)
		if how := HowRanked(r); how != "" {
			why.Add(El("p", "class", "card__how").Say(how))
		}
	}
	actions := El("div", "class", "card__actions")
	if c.Channel != "" {
		b := El("button", "type", "button", "class", "govuk-button govuk-button--secondary card__copy").Say("Copy " + c.Channel)
		b.On = Copy
		actions.Add(b)
	}
	if r.Entry == nil || r.Entry.OnPage {
		actions.Add(El("a", "class", "govuk-link card__source", "href", d.SectionURL(c)).Say("Read about this on the manual page"))
	}
	card := El("section", "class", "card", "aria-labelledby", "card-title").Add(
		El("p", "class", "card__caption").Say(caption),
		El("h2", "id", "card-title", "class", "card__title").Add(askLink(d, c, OptionID+strconv.Itoa(index)+"-link")...),
		El("p", "class", "card__team").Say(c.Name),
		why,
		actions,
	)
	if copied != "" {
		card.Add(El("p", "class", "card__copied").Say(copied))
	}
	return card
}

// reasonItem is one reason, its matched words marked, with its links.
func reasonItem(r search.Reason) *Node {
	li := El("li").Add(Highlight(r.Text, r.Ranges))
	for _, l := range r.Links {
		li.Add(El("span", "class", "card__link").Add(Text(" "), newTabLink("", l.URL, l.Text)))
	}
	return li
}
