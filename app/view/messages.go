package view

import (
	"strconv"
	"strings"

	"github.com/alphagov/askforhelp/app/search"
)

// Summary is what the live region says about results once typing pauses:
// how many teams match, and which one Enter opens, since nothing is
// highlighted yet.
func Summary(query string, results []search.Result) string {
	q := strings.TrimSpace(query)
	n := len(results)
	switch {
	case q == "":
		return ""
	case n == 0:
		return "No teams match " + q
	}
	count := strconv.Itoa(n) + " teams match "
	if n == 1 {
		count = "1 team matches "
	}
	return count + q + ". Enter opens " + AskLabel(results[0].Contact) + "."
}

// Opened is what the live region says when Enter has opened r's link.
func Opened(r search.Result) string {
	s := "Opened " + AskLabel(r.Contact)
	if opensNewTab(r.Contact) {
		s += " in a new tab"
	}
	return s
}

// Copied is what the live region and the card say once text is copied.
func Copied(text string) string { return "Copied " + text }

// CopyUnavailable is what the card says where the page cannot copy.
const CopyUnavailable = "Copying is not available here: select the channel name and copy it."

// HowRanked says, in a sentence or two, which of the search's ranking
// rules lifted r (search.Why): one repo, page or responsibility holding
// the words typed, and words found only through a related word, which
// count for less than the words themselves. "" when neither played a part.
func HowRanked(r search.Result) string {
	var s []string
	if it := r.Why.Item; it != nil && it.Terms >= 2 {
		held := strconv.Itoa(it.Terms) + " of the " + strconv.Itoa(it.Of) + " words you typed"
		switch {
		case it.Terms == it.Of && it.Of == 2:
			held = "both words you typed"
		case it.Terms == it.Of:
			held = "all " + strconv.Itoa(it.Of) + " words you typed"
		}
		s = append(s, itemKind(it.Field)+" holds "+held+", which counts more than words found in different places.")
	}
	var related []string
	for _, t := range r.Why.Terms {
		if t.Synonym {
			related = append(related, "“"+t.Term+"”")
		}
	}
	if len(related) > 0 {
		s = append(s, "Found "+strings.Join(related, ", ")+" through a related word only, which counts for less than the word itself.")
	}
	return strings.Join(s, " ")
}

// itemKind names one item of the kind a field belongs to.
func itemKind(field string) string {
	switch field {
	case search.FieldRepo, search.FieldApp, search.FieldRepoType, search.FieldRepoDescription:
		return "One repo"
	case search.FieldPage, search.FieldHeading, search.FieldText:
		return "One manual page"
	}
	return "One thing the Ask for help page says the team does"
}
