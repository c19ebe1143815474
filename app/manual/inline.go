//go:build !wasm

package manual

import (
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// mention is a Slack channel ("#name") or handle ("@name") named in text.
type mention struct {
	name       string // with its "#" or "@"
	start, end int    // byte offsets in the plain text
}

// link is a Markdown link with the plain text it shows.
type link struct {
	text, dest string
	start, end int
}

// inline is a run of inline Markdown flattened to plain text, with the
// channels, links and email addresses it names.
type inline struct {
	text     string
	mentions []mention
	links    []link
	emails   []string
	line     int // 1-based line in the body where the block starts; 0 if unknown
}

// flatten renders the inline children of n as plain text: soft line breaks
// become spaces, code spans and links keep their text.
func flatten(n ast.Node, src []byte) inline {
	var b strings.Builder
	var in inline
	var walk func(ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				b.Write(c.Segment.Value(src))
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(c.Value)
			case *ast.CodeSpan:
				start := b.Len()
				walk(c)
				code := strings.TrimSpace(b.String()[start:])
				if m, ok := parseMention(code); ok {
					in.mentions = append(in.mentions, mention{name: m, start: start, end: b.Len()})
				}
			case *ast.Link:
				start := b.Len()
				walk(c)
				dest := string(c.Destination)
				in.links = append(in.links, link{text: strings.TrimSpace(b.String()[start:]), dest: dest, start: start, end: b.Len()})
				// A Slack link names its channel; its text may abbreviate it.
				if ch := slackChannelFromURL(dest); ch != "" {
					in.mentions = append(in.mentions, mention{name: ch, start: start, end: b.Len()})
				} else if m, ok := parseMention(strings.TrimSpace(b.String()[start:])); ok {
					in.mentions = append(in.mentions, mention{name: m, start: start, end: b.Len()})
				}
			case *ast.AutoLink:
				start := b.Len()
				u := string(c.URL(src))
				b.WriteString(string(c.Label(src)))
				in.links = append(in.links, link{text: string(c.Label(src)), dest: u, start: start, end: b.Len()})
				if c.AutoLinkType == ast.AutoLinkEmail {
					in.emails = append(in.emails, string(c.Label(src)))
				}
			case *ast.RawHTML:
				// Inline HTML carries no text a reader sees.
			default:
				walk(c)
			}
		}
	}
	walk(n)
	in.text = b.String()
	in.mentions = append(in.mentions, plainMentions(in.text, in.mentions)...)
	sortMentions(in.mentions)
	in.emails = append(in.emails, plainEmails(in.text)...)
	in.text, in.mentions, in.links = trimText(in.text, in.mentions, in.links)
	return in
}

// trimText trims and collapses white space, keeping offsets right.
func trimText(s string, ms []mention, ls []link) (string, []mention, []link) {
	out := make([]byte, 0, len(s))
	remap := make([]int, len(s)+1) // remap[i]: where byte i of s lands in out
	pending := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			pending = len(out) > 0
		} else if pending {
			out = append(out, ' ')
			pending = false
		}
		for k := 0; k < size; k++ {
			remap[i+k] = len(out)
		}
		if !unicode.IsSpace(r) {
			out = append(out, s[i:i+size]...)
		}
		i += size
	}
	remap[len(s)] = len(out)
	for i := range ms {
		ms[i].start, ms[i].end = remap[ms[i].start], remap[ms[i].end]
	}
	for i := range ls {
		ls[i].start, ls[i].end = remap[ls[i].start], remap[ls[i].end]
	}
	return string(out), ms, ls
}

func sortMentions(ms []mention) {
	slices.SortStableFunc(ms, func(a, b mention) int { return a.start - b.start })
}

// isChannelRune reports whether r may appear in a Slack channel or handle
// name: lowercase letters, digits, hyphens, underscores and dots.
func isChannelRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.'
}

// parseMention reports whether s is exactly a channel or handle.
func parseMention(s string) (string, bool) {
	if len(s) < 2 || (s[0] != '#' && s[0] != '@') {
		return "", false
	}
	name := strings.TrimRight(s[1:], ".")
	if name == "" || !isChannelStart(rune(name[0])) {
		return "", false
	}
	for _, r := range name {
		if !isChannelRune(unicode.ToLower(r)) {
			return "", false
		}
	}
	return s[:1] + strings.ToLower(name), true
}

func isChannelStart(r rune) bool {
	r = unicode.ToLower(r)
	return r >= 'a' && r <= 'z' || r >= '0' && r <= '9'
}

// plainMentions finds "#channel" words written as plain text, such as
// "(#govuk-2ndline)", that are not already inside a known mention.
// Handles ("@name") are only read from code spans and links: in plain text
// an "@" is as likely to be part of an email address.
func plainMentions(s string, known []mention) []mention {
	var out []mention
	for i := 0; i < len(s); i++ {
		if s[i] != '#' {
			continue
		}
		if i > 0 && !strings.ContainsRune(" \t\n([{\"'“‘", rune(s[i-1])) && s[i-1] < 0x80 {
			continue
		}
		j := i + 1
		for j < len(s) && isChannelRune(rune(s[j])) {
			j++
		}
		name, ok := parseMention(strings.TrimRight(s[i:j], ".-_"))
		if !ok {
			continue
		}
		end := i + len(name)
		inside := false
		for _, k := range known {
			if i >= k.start && i < k.end {
				inside = true
			}
		}
		if !inside {
			out = append(out, mention{name: name, start: i, end: end})
		}
		i = j - 1
	}
	return out
}

// plainEmails finds email addresses written as plain text.
func plainEmails(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("()<>[],;:`\"'", r)
	}) {
		w = strings.TrimRight(w, ".")
		at := strings.IndexByte(w, '@')
		if at > 0 && strings.Contains(w[at+1:], ".") && !strings.Contains(w[at+1:], "@") {
			out = append(out, strings.TrimPrefix(w, "mailto:"))
		}
	}
	return out
}

// slackChannelFromURL reads "#name" from a Slack channel link.
func slackChannelFromURL(dest string) string {
	u, err := url.Parse(dest)
	if err != nil || !strings.HasSuffix(u.Host, "slack.com") {
		return ""
	}
	parts := strings.Split(strings.Trim(u.Path, "/"), "/")
	if len(parts) == 2 && (parts[0] == "channels" || parts[0] == "archives") {
		if m, ok := parseMention("#" + parts[1]); ok && parts[0] == "channels" {
			return m
		}
	}
	return ""
}

// emailFromLink reads an email address from a mailto: link or a Google
// Groups link (groups.google.com/a/DOMAIN/g/NAME is the list NAME@DOMAIN).
func emailFromLink(dest string) string {
	if addr, ok := strings.CutPrefix(dest, "mailto:"); ok {
		addr, _, _ = strings.Cut(addr, "?")
		return addr
	}
	u, err := url.Parse(dest)
	if err != nil || u.Host != "groups.google.com" {
		return ""
	}
	parts := strings.Split(strings.Trim(u.Path, "/"), "/")
	if len(parts) >= 4 && parts[0] == "a" && parts[2] == "g" && parts[1] != "" && parts[3] != "" {
		return parts[3] + "@" + parts[1]
	}
	return ""
}
