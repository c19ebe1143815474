package ui

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/alphagov/askforhelp/app/search"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// QueryFromAddress is the query the pages show for ?q=, in the browser and
// on the server alike: cut to what the search reads (search.MaxQueryRunes),
// with bytes that are not UTF-8 as U+FFFD (what the browser makes of them)
// and control characters (C0, DEL, C1: tabs, newlines, NUL...) as spaces,
// since a text box holds none of them and HTML cannot carry some of them.
// Everything else is kept as typed.
func QueryFromAddress(raw string) string {
	var b strings.Builder
	n := 0
	for _, r := range raw { // each byte that is not UTF-8 is utf8.RuneError
		if n == search.MaxQueryRunes {
			break
		}
		if unicode.IsControl(r) {
			r = ' '
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// attrValue makes a value built from user input safe for go-app to write
// into a server-rendered attribute. go-app v10 writes attribute values with
// Go quoting (strconv.Quote), not HTML escaping: `"` comes out as `\"`,
// which ends the attribute in HTML, a backslash comes out doubled, and
// characters Go does not print come out as `\u00a0`-style escapes. Its
// quoting cannot be undone afterwards (the bytes are already ambiguous), so
// every character that Go would escape, and `&` (which HTML would read as
// the start of a character reference), is written here as an HTML numeric
// character reference, which strconv.Quote leaves as it is and the HTML
// parser reads back as the character. Other characters, `<` and `>`
// included, are harmless inside a double-quoted attribute.
//
// In the browser go-app sets the value as a DOM property, as it is, so
// attrValue changes nothing there. TestAttrValueMatchesGoApp fails if
// go-app stops quoting this way.
func attrValue(s string) string {
	if app.IsClient {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if r == '&' || r == '"' || r == '\\' || !strconv.IsPrint(r) {
			b.WriteString("&#")
			b.WriteString(strconv.Itoa(int(r)))
			b.WriteByte(';')
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
