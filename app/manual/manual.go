//go:build !wasm

// Package manual reads a checkout of govuk-developer-docs (ReadDocs: the
// "Ask for help" page, data/repos.yml, and every manual page's front matter
// and headings) or a lone version of the "Ask for help" page (ReadFile,
// Parse) into a directory.Directory. YAML is read with go.yaml.in/yaml/v3,
// Markdown with goldmark; every file through ReadLimited.
//
// The reader of the Ask for help page follows its shape rather than any one version of it:
//   - the first ordered list is the escalation order;
//   - a heading that names a channel, or any heading below level 2, starts a
//     contact whose bullets are its responsibilities;
//   - a paragraph followed by a bullet list introduces a contact
//     ("The GOV.UK 2nd Line team (#govuk-2ndline):");
//   - a bullet list whose items are only channels lists one contact each;
//   - a table row that names a channel is a contact;
//   - a channel or handle named only in a paragraph is a contact too, and so
//     is a section about one contact reached only by email.
//
// Channels are read from reference or inline links, code spans and plain
// "#name" words alike. The Markdown is parsed with goldmark.
package manual

import (
	"bytes"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// ReadFile reads the page at path. Errors name the file and, where there
// is one, the line.
func ReadFile(path string) (*directory.Directory, error) {
	src, err := ReadLimited(path, MaxFileSize)
	if err != nil {
		return nil, err
	}
	return Parse(path, src)
}

// Parse reads a page's source. name is the file name used in errors and to
// make the page's published URL.
func Parse(name string, src []byte) (*directory.Directory, error) {
	return ParseURL(name, pageURL(name), src)
}

// ParseURL is Parse for a page published at pageURL.
func ParseURL(name, pageURL string, src []byte) (*directory.Directory, error) {
	if err := checkText(name, src); err != nil {
		return nil, err
	}
	fields, body, offset, err := splitFrontMatter(name, src)
	if err != nil {
		return nil, err
	}
	r := &reader{
		name:      name,
		src:       body,
		offset:    offset,
		byChannel: map[string]int{},
		derived:   map[int]bool{},
		titled:    map[int]bool{},
		dir: &directory.Directory{
			Title:   fields["title"],
			Owner:   fields["owner_slack"],
			PageURL: pageURL,
		},
	}
	doc := goldmark.New(goldmark.WithExtensions(extension.Table)).Parser().Parse(text.NewReader(body))
	r.blocks(doc)
	r.finish()
	if len(r.dir.Contacts) == 0 {
		return nil, &Error{File: name, Line: r.firstLine, Msg: "no contact could be read from the page: " +
			"expected team headings or paragraphs followed by bullet lists that name Slack channels"}
	}
	return r.dir, nil
}

// pageURL is where a page file is published: its name without ".md".
func pageURL(name string) string {
	base := strings.TrimSuffix(filepath.Base(name), ".md")
	if !strings.HasSuffix(base, ".html") {
		base += ".html"
	}
	return directory.ManualURL + base
}

type reader struct {
	name   string
	src    []byte
	offset int // lines of front matter before the body
	dir    *directory.Directory

	sectionTitle, sectionAnchor string
	sectionContacts             int  // contacts started in the current section
	group                       int  // contact receiving bullets, or -1
	groupHeading                bool // the group was started by a heading
	byChannel                   map[string]int
	derived                     map[int]bool // contacts named from their channel only
	titled                      map[int]bool // contacts named from their section heading
	stepAnchors                 []string     // in-page anchor each escalation step links to
	stepLinkText                []string
	stepContact                 []int // contact each escalation step names, or -1
	firstLine                   int
}

func (r *reader) blocks(parent ast.Node) {
	r.group = -1
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		if r.firstLine == 0 {
			r.firstLine = r.line(n)
		}
		switch b := n.(type) {
		case *ast.Heading:
			r.heading(b)
		case *ast.Paragraph:
			next, _ := n.NextSibling().(*ast.List)
			if next != nil {
				r.paragraphWithList(b, next)
				n = next
			} else {
				r.paragraph(b)
			}
		case *ast.List:
			r.list(b)
		case *east.Table:
			r.table(b)
		case *ast.Blockquote:
			r.blocks(b)
		}
	}
}

// line is the file line a block starts on.
func (r *reader) line(n ast.Node) int {
	for ; n != nil; n = n.FirstChild() {
		if n.Type() != ast.TypeInline && n.Lines().Len() > 0 {
			return bytes.Count(r.src[:n.Lines().At(0).Start], []byte("\n")) + 1 + r.offset
		}
	}
	return 0
}

func (r *reader) heading(h *ast.Heading) {
	in := flatten(h, r.src)
	if h.Level == 1 && len(in.mentions) == 0 {
		// The page's own heading: its title, not a section of contacts.
		if r.dir.Title == "" {
			r.dir.Title = in.text
		}
		r.sectionTitle, r.sectionAnchor, r.sectionContacts = "", "", 0
		r.group, r.groupHeading = -1, false
		return
	}
	if h.Level <= 2 && len(in.mentions) == 0 {
		r.sectionTitle, r.sectionAnchor = in.text, anchor(in.text)
		r.sectionContacts = 0
		r.group, r.groupHeading = -1, false
		return
	}
	r.group = r.contactFrom(in, anchor(in.text), in.text)
	r.groupHeading = true
}

// contactFrom starts (or takes over) a contact introduced by a heading or
// paragraph, named by its text less the channels it names.
func (r *reader) contactFrom(in inline, section, sectionTitle string) int {
	name := contactName(in)
	var channel string
	if len(in.mentions) > 0 {
		channel = in.mentions[0].name
	}
	i := -1
	if channel != "" {
		if j, ok := r.byChannel[channel]; ok && r.derived[j] {
			i = j // a channel listed earlier on its own: this is its proper entry
			delete(r.derived, j)
		}
	}
	if i < 0 {
		r.dir.Contacts = append(r.dir.Contacts, directory.Contact{})
		i = len(r.dir.Contacts) - 1
	}
	c := &r.dir.Contacts[i]
	if name == "" {
		name = nameFromChannel(channel)
	}
	c.Name = name
	c.Kind = kindOf(name)
	if c.Section == "" || sectionTitle != "" {
		c.Section, c.SectionTitle = section, sectionTitle
	}
	r.addChannels(i, in)
	r.addLinks(i, in)
	r.sectionContacts++
	return i
}

func (r *reader) paragraphWithList(p *ast.Paragraph, l *ast.List) {
	in := flatten(p, r.src)
	switch {
	case l.IsOrdered() && r.dir.Escalation == nil:
		r.escalation(l)
		r.group = -1
	case onlyChannels(l, r.src):
		r.channelList(l, in.text)
		r.group = -1
	case r.describesGroup(in):
		// "### Team (#channel)" then "This team:" or "Ask in #channel." then bullets.
		c := &r.dir.Contacts[r.group]
		c.Summary = in.text
		r.addChannels(r.group, in)
		r.addLinks(r.group, in)
		r.list(l)
	default:
		r.group = r.contactFrom(in, r.sectionAnchor, r.sectionTitle)
		r.groupHeading = false
		r.list(l)
	}
}

// describesGroup reports whether a paragraph before a list is about the
// contact a heading just started, rather than the introduction of another
// ("The X team (#x):") under a heading used as a category.
func (r *reader) describesGroup(in inline) bool {
	if r.group < 0 || !r.groupHeading || len(r.dir.Contacts[r.group].Responsibilities) > 0 {
		return false
	}
	if len(in.mentions) == 0 {
		return true
	}
	c := r.dir.Contacts[r.group]
	intro := strings.HasSuffix(strings.TrimSpace(in.text), ":")
	return !intro || c.Channel == in.mentions[0].name
}

// paragraph handles a paragraph that introduces no list: the channels,
// handles and emails it names belong to the contact being described, or are
// contacts of their own.
func (r *reader) paragraph(p *ast.Paragraph) {
	in := flatten(p, r.src)
	if len(in.mentions) == 0 {
		switch {
		case r.group >= 0:
			r.addLinks(r.group, in)
		case r.sectionContacts == 0 && r.sectionTitle != "" && hasEmail(in):
			// A section about one contact reached by email only.
			i := r.newContact(sectionName(r.sectionTitle), r.sectionAnchor, r.sectionTitle, in.text)
			r.titled[i] = true
			r.addLinks(i, in)
		}
		return
	}
	switch {
	case r.group >= 0 && r.dir.Contacts[r.group].Channel == "":
		// A team heading whose channel is given in its text.
		r.addChannels(r.group, in)
		r.addLinks(r.group, in)
	case r.sectionContacts == 0 && r.sectionTitle != "":
		// A section about one contact: "## Contact Senior Tech" then
		// "You can ping `@govuk-senior-tech-people` …".
		i := r.newContact(sectionName(r.sectionTitle), r.sectionAnchor, r.sectionTitle, in.text)
		r.titled[i] = true
		r.addChannels(i, in)
		r.addLinks(i, in)
	default:
		for _, m := range in.mentions {
			if _, ok := r.byChannel[m.name]; ok {
				continue
			}
			i := r.newContact(nameFromChannel(m.name), r.sectionAnchor, r.sectionTitle, in.text)
			r.addChannel(i, m.name)
			r.addLinks(i, in)
		}
	}
}

// hasEmail reports whether text names an email address or links to one.
func hasEmail(in inline) bool {
	if len(in.emails) > 0 {
		return true
	}
	for _, lk := range in.links {
		if emailFromLink(lk.dest) != "" {
			return true
		}
	}
	return false
}

// table reads a table whose rows name channels: each such row is a contact.
func (r *reader) table(t *east.Table) {
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		if _, ok := row.(*east.TableRow); !ok {
			continue // the header row
		}
		var cells []inline
		var ch string
		at := -1 // the column of the channel
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			in := flatten(c, r.src)
			if ch == "" && len(in.mentions) > 0 {
				ch, at = in.mentions[0].name, len(cells)
			}
			cells = append(cells, in)
		}
		if ch == "" {
			continue
		}
		// The name is in a column before the channel's; the rest say what
		// the contact does.
		name := ""
		var resp []string
		for k, in := range cells {
			switch {
			case in.text == "" || in.text == ch:
			case name == "" && k < at:
				name = in.text
			default:
				resp = append(resp, in.text)
			}
		}
		if name == "" {
			name = nameFromChannel(ch)
		}
		i, ok := r.byChannel[ch]
		if !ok {
			i = r.newContact(name, r.sectionAnchor, r.sectionTitle, "")
		}
		r.dir.Contacts[i].Responsibilities = append(r.dir.Contacts[i].Responsibilities, resp...)
		for _, in := range cells {
			r.addChannels(i, in)
			r.addLinks(i, in)
		}
	}
	r.group = -1
}

func (r *reader) newContact(name, section, sectionTitle, summary string) int {
	r.dir.Contacts = append(r.dir.Contacts, directory.Contact{
		Name: name, Kind: kindOf(name), Section: section, SectionTitle: sectionTitle, Summary: summary,
	})
	r.sectionContacts++
	return len(r.dir.Contacts) - 1
}

// list adds a bullet list's items, nested ones too, as responsibilities of
// the current contact; a list with no contact to belong to is the section's.
func (r *reader) list(l *ast.List) {
	if l.IsOrdered() && r.dir.Escalation == nil {
		r.escalation(l)
		return
	}
	if onlyChannels(l, r.src) {
		r.channelList(l, "")
		return
	}
	if r.group < 0 {
		name := sectionName(r.sectionTitle)
		if name == "" {
			name = r.dir.Title
		}
		r.group = r.newContact(name, r.sectionAnchor, r.sectionTitle, "")
		r.titled[r.group] = true
	}
	for _, in := range items(l, r.src) {
		c := &r.dir.Contacts[r.group]
		if in.text != "" {
			c.Responsibilities = append(c.Responsibilities, in.text)
		}
		r.addChannels(r.group, in)
		r.addLinks(r.group, in)
	}
}

// items flattens a list's items, nested lists after their parent item.
func items(l *ast.List, src []byte) []inline {
	var out []inline
	for it := l.FirstChild(); it != nil; it = it.NextSibling() {
		var own []ast.Node
		var nested []*ast.List
		for c := it.FirstChild(); c != nil; c = c.NextSibling() {
			if sub, ok := c.(*ast.List); ok {
				nested = append(nested, sub)
			} else {
				own = append(own, c)
			}
		}
		var parts []string
		var merged inline
		for _, c := range own {
			in := flatten(c, src)
			shift := len(strings.Join(parts, " "))
			if len(parts) > 0 {
				shift++
			}
			for _, m := range in.mentions {
				m.start, m.end = m.start+shift, m.end+shift
				merged.mentions = append(merged.mentions, m)
			}
			merged.links = append(merged.links, in.links...)
			merged.emails = append(merged.emails, in.emails...)
			if in.text != "" {
				parts = append(parts, in.text)
			}
		}
		merged.text = strings.Join(parts, " ")
		out = append(out, merged)
		for _, sub := range nested {
			out = append(out, items(sub, src)...)
		}
	}
	return out
}

// onlyChannels reports whether every item of a list is just a channel.
func onlyChannels(l *ast.List, src []byte) bool {
	its := items(l, src)
	for _, in := range its {
		if len(in.mentions) != 1 || strings.Trim(in.text, " .,;") != in.mentions[0].name {
			return false
		}
	}
	return len(its) > 0
}

// channelList makes a contact of each channel in a list of channels.
func (r *reader) channelList(l *ast.List, intro string) {
	for _, in := range items(l, r.src) {
		ch := in.mentions[0].name
		if i, ok := r.byChannel[ch]; ok {
			if r.dir.Contacts[i].Summary == "" {
				r.dir.Contacts[i].Summary = intro
			}
			continue
		}
		i := r.newContact(nameFromChannel(ch), r.sectionAnchor, r.sectionTitle, intro)
		r.addChannel(i, ch)
		r.derived[i] = true
	}
}

// escalation reads the ordered list of whom to ask, in order.
func (r *reader) escalation(l *ast.List) {
	r.dir.Escalation = []directory.Step{}
	for _, in := range items(l, r.src) {
		st := directory.Step{Text: in.text}
		contact := -1
		var anchorTo, linkText string
		for _, lk := range in.links {
			if a, ok := strings.CutPrefix(lk.dest, "#"); ok && a != "" {
				anchorTo, linkText = a, lk.text
				st.URL = r.dir.PageURL + lk.dest
			}
		}
		if len(in.mentions) > 0 {
			ch := in.mentions[0].name
			st.Channel = ch
			i, ok := r.byChannel[ch]
			if !ok {
				name := strings.TrimSpace(strings.Replace(in.text, ch, "", 1))
				if len(name) < 3 {
					name = nameFromChannel(ch)
				}
				i = r.newContact(name, r.sectionAnchor, r.sectionTitle, "")
				r.dir.Contacts[i].Kind = directory.People
				r.addChannel(i, ch)
			}
			contact = i
			if st.URL == "" {
				st.URL = r.dir.Contacts[i].URL
			}
		}
		r.stepAnchors = append(r.stepAnchors, anchorTo)
		r.stepLinkText = append(r.stepLinkText, linkText)
		r.stepContact = append(r.stepContact, contact)
		r.dir.Escalation = append(r.dir.Escalation, st)
	}
}

func (r *reader) addChannels(i int, in inline) {
	for _, m := range in.mentions {
		r.addChannel(i, m.name)
	}
}

// addChannel gives contact i a channel: its first becomes Channel, the rest
// are kept in Channels.
func (r *reader) addChannel(i int, ch string) {
	c := &r.dir.Contacts[i]
	if ch == c.Channel || slices.Contains(c.Channels, ch) {
		return
	}
	if c.Channel == "" {
		c.Channel = ch
		c.URL = directory.ChannelURL(ch)
	} else {
		c.Channels = append(c.Channels, ch)
	}
	if _, ok := r.byChannel[ch]; !ok {
		r.byChannel[ch] = i
	}
}

// addLinks takes emails and a link to more about the team from a contact's text.
func (r *reader) addLinks(i int, in inline) {
	c := &r.dir.Contacts[i]
	for _, lk := range in.links {
		if e := emailFromLink(lk.dest); e != "" && c.Email == "" {
			c.Email = e
			if !strings.HasPrefix(lk.dest, "mailto:") {
				c.EmailURL = lk.dest
			}
			continue
		}
		isChannel := false
		for _, m := range in.mentions {
			if m.start == lk.start {
				isChannel = true
			}
		}
		if !isChannel && c.About == "" && !strings.HasPrefix(lk.dest, "#") && strings.Contains(c.Name, lk.text) {
			c.About = absolute(lk.dest)
		}
	}
	for _, e := range in.emails {
		if c.Email == "" {
			c.Email = e
		}
	}
}

// finish links escalation steps to contacts and gives every contact an ID.
func (r *reader) finish() {
	for s, a := range r.stepAnchors {
		if a == "" {
			continue
		}
		for i := range r.dir.Contacts {
			c := &r.dir.Contacts[i]
			if c.Section != a {
				continue
			}
			if r.titled[i] && r.stepLinkText[s] != "" {
				c.Name = capitalise(r.stepLinkText[s])
			}
			c.Kind = directory.People
			r.dir.Escalation[s].Channel = c.Channel
			r.stepContact[s] = i
			break
		}
	}
	seen := map[string]bool{}
	for i := range r.dir.Contacts {
		c := &r.dir.Contacts[i]
		base := slug(strings.TrimLeft(c.Channel, "#@"))
		if base == "" {
			base = slug(c.Name)
		}
		if base == "" {
			base = "contact"
		}
		id := base
		for n := 2; seen[id]; n++ {
			id = base + "-" + strconv.Itoa(n)
		}
		seen[id] = true
		c.ID = id
	}
	for s, i := range r.stepContact {
		if i >= 0 {
			r.dir.Escalation[s].Contact = r.dir.Contacts[i].ID
		}
	}
}

// contactName is a heading or introduction less its channels, a leading
// "The", a trailing colon and a trailing verb ("… team will:").
func contactName(in inline) string {
	s := in.text
	for k := len(in.mentions) - 1; k >= 0; k-- {
		m := in.mentions[k]
		s = s[:m.start] + s[m.end:]
	}
	s = strings.ReplaceAll(s, "()", "")
	s = strings.ReplaceAll(s, "( )", "")
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimRight(s, " :.-–—,")
	for _, verb := range []string{" will", " are responsible for", " is responsible for", " are", " is", " can help with", " can", " looks after", " look after", " owns", " handles"} {
		if i := strings.LastIndex(s, verb); i > 0 && i+len(verb) == len(s) {
			s = s[:i]
		}
	}
	if rest, ok := strings.CutPrefix(s, "The "); ok && rest != "" {
		s = rest
	}
	return strings.TrimSpace(s)
}

// sectionName is a contact's name taken from its section's heading:
// "Contact Senior Tech" is "Senior Tech".
func sectionName(title string) string {
	for _, p := range []string{"Contact ", "Ask ", "Talk to "} {
		if rest, ok := strings.CutPrefix(title, p); ok {
			title = rest
		}
	}
	if rest, ok := strings.CutPrefix(title, "the "); ok {
		title = rest
	}
	return capitalise(title)
}

// nameFromChannel makes a readable name of a channel:
// "#govuk-technical-on-call" is "GOV.UK technical on-call".
func nameFromChannel(ch string) string {
	words := strings.FieldsFunc(strings.TrimLeft(ch, "#@"), func(r rune) bool { return r == '-' || r == '_' })
	for i, w := range words {
		switch w {
		case "govuk":
			words[i] = "GOV.UK"
		case "on", "call":
		}
	}
	s := strings.Join(words, " ")
	s = strings.ReplaceAll(s, "on call", "on-call")
	return capitalise(s)
}

func kindOf(name string) directory.Kind {
	n := strings.ToLower(name)
	switch {
	case strings.Contains(n, "communit"):
		return directory.Community
	case strings.Contains(n, "support"), strings.Contains(n, "line"), strings.Contains(n, "on-call"), strings.Contains(n, "rota"):
		return directory.Support
	case strings.Contains(n, "lead"), strings.Contains(n, "senior"):
		return directory.People
	}
	return directory.Team
}

// anchor is the id the manual gives a heading: lower case, runs of other
// characters as one hyphen ("Contact Senior Tech" is "contact-senior-tech").
func anchor(s string) string { return slug(s) }

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}

func capitalise(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// absolute resolves a link on the page against the published manual.
func absolute(dest string) string {
	if strings.HasPrefix(dest, "/") {
		return "https://docs.publishing.service.gov.uk" + dest
	}
	return dest
}
