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
