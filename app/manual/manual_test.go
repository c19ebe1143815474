package manual

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/internal/testenv"
)

// contactByChannel finds the contact whose channel (or further channels)
// include ch.
func contactByChannel(d *directory.Directory, ch string) *directory.Contact {
	for i := range d.Contacts {
		c := &d.Contacts[i]
		if c.Channel == ch || slices.Contains(c.Channels, ch) {
			return c
		}
	}
	return nil
}

func readPage(t *testing.T, name string) (*directory.Directory, []byte) {
	t.Helper()
	path := testenv.Shared(t, "pages", name)
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Parse(path, src)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return d, src
}

// TestPages checks what each version of the page must yield.
func TestPages(t *testing.T) {
	type want struct {
		channel string // a contact with this channel ("" for none)
		name    string // its name contains this
		kind    directory.Kind
		resp    string // one of its responsibilities contains this ("" to skip)
	}
	tests := []struct {
		page       string
		title      string
		owner      string
		steps      []string // escalation steps' text, in order
		stepChan   map[int]string
		contacts   []want
		nContacts  int
		emailOf    map[string]string // channel -> email
		aboutOf    map[string]string // channel -> about link
		sectionOf  map[string]string // channel -> section anchor
		noChannels []string          // contacts (by name) that have no channel
	}{
		{
			page:  "ask-for-help.html.md",
			title: "Ask for help", owner: "#govuk-platform-security-reliability-team",
			steps:    []string{"Your tech lead (TL)", "#govuk-tech-leads", "The senior tech team"},
			stepChan: map[int]string{1: "#govuk-tech-leads", 2: "@govuk-senior-tech-people"},
			contacts: []want{
				{"#govuk-tech-leads", "tech leads", directory.People, ""},
				{"@govuk-senior-tech-people", "Senior tech team", directory.People, ""},
				{"#govuk-2ndline-tech", "2nd Line Tech Support", directory.Support, "site reliability engineer"},
				{"#govuk-developers", "developer community", directory.Community, "specialised knowledge"},
				{"#govuk-platform-security-reliability-team", "Platform Security and Reliability team", directory.Team, "govuk-user-reviewer"},
				// A bullet that wraps over three lines is one responsibility.
				{"#govuk-platform-engineering", "Platform Engineering team", directory.Team,
					"can offer design reviews and advice to help build your application for reliability, robustness and low maintenance (especially at the early stages of the software lifecycle)"},
				{"#govuk-platform-engineering", "Platform Engineering team", directory.Team, "migrating from one database to another safely and efficiently"},
			},
			nContacts: 6,
			emailOf:   map[string]string{"@govuk-senior-tech-people": "govuk-senior-tech-members@digital.cabinet-office.gov.uk"},
			aboutOf:   map[string]string{"#govuk-platform-engineering": "https://docs.publishing.service.gov.uk/platform-engineering"},
			sectionOf: map[string]string{"@govuk-senior-tech-people": "contact-senior-tech", "#govuk-2ndline-tech": "contact-2nd-line-technical-support"},
		},
		{
			page:  "ask-for-help-2026-01.html.md",
			title: "Ask for help", owner: "#govuk-platform-engineering-team",
			steps:    []string{"Your tech lead (TL)", "#govuk-tech-leads", "The senior tech team"},
			stepChan: map[int]string{2: "@govuk-senior-tech-people"},
			contacts: []want{
				{"#govuk-ask-platform-engineering", "Platform Engineering team", directory.Team, "base images"},
				{"#govuk-publishing-service-support", "publishing service support", directory.Support, ""},
				{"#govuk-web-support", "web support", directory.Support, ""},
				// Named only inside a paragraph.
				{"#govuk-technical-on-call", "on-call", directory.Support, ""},
				{"#govuk-developers", "developer community", directory.Community, "missions"},
			},
			nContacts: 7,
			aboutOf:   map[string]string{"#govuk-ask-platform-engineering": "https://docs.publishing.service.gov.uk/platform-engineering.html"},
		},
		{
			page:  "ask-for-help-2021-06.html.md",
			title: "Ask for help", owner: "#govuk-platform-health",
			steps: []string{"The Technical Lead on the team", "The Lead Developer on the programme", "The Lead Architect"},
			contacts: []want{
				{"#govuk-2ndline", "GOV.UK 2nd Line team", directory.Support, "supports the software and processes that deploy code"},
				{"#govuk-developers", "developer community", directory.Community, ""},
				{"#govuk-platform-health", "Platform Health team", directory.Team, "doesn't fit the weekly schedule"},
				{"#govuk-replatforming", "Replatforming team", directory.Team, "handles updates to *.gov.uk DNS (excluding *.publishing.service.gov.uk)"},
				{"#reliability-eng", "GDS Reliability Engineering team", directory.Team, "Logit and Concourse"},
			},
			nContacts: 5,
		},
		{
			page:  "who-do-i-ask-for-support-2018-02.html.md",
			title: "Who do I ask for support?", owner: "#platform_support",
			steps:      []string{"The Technical Lead on the team", "The Technical Lead for the team’s objective", "The Lead Architect"},
			nContacts:  3,
			noChannels: []string{"GOV.UK Platform Support team", "GOV.UK development community", "Reliability Engineering team"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			d, src := readPage(t, tt.page)
			if d.Title != tt.title || d.Owner != tt.owner {
				t.Errorf("title, owner = %q, %q; want %q, %q", d.Title, d.Owner, tt.title, tt.owner)
			}
			if len(d.Escalation) != len(tt.steps) {
				t.Fatalf("escalation has %d steps, want %d: %+v", len(d.Escalation), len(tt.steps), d.Escalation)
			}
			for i, s := range tt.steps {
				if d.Escalation[i].Text != s {
					t.Errorf("step %d = %q, want %q", i+1, d.Escalation[i].Text, s)
				}
			}
			for i, ch := range tt.stepChan {
				st := d.Escalation[i]
				if st.Channel != ch || d.Contact(st.Contact) == nil || d.Contact(st.Contact).Channel != ch {
					t.Errorf("step %d: channel %q contact %q, want %q and its contact", i+1, st.Channel, st.Contact, ch)
				}
			}
			if len(d.Contacts) != tt.nContacts {
				t.Errorf("%d contacts, want %d", len(d.Contacts), tt.nContacts)
			}
			for _, w := range tt.contacts {
				c := contactByChannel(d, w.channel)
				if c == nil {
					t.Errorf("no contact with channel %s", w.channel)
					continue
				}
				if !strings.Contains(c.Name, w.name) || c.Kind != w.kind {
					t.Errorf("%s: name %q kind %q; want name containing %q, kind %q", w.channel, c.Name, c.Kind, w.name, w.kind)
				}
				if w.resp != "" && !someContains(c.Responsibilities, w.resp) {
					t.Errorf("%s: no responsibility contains %q in %q", w.channel, w.resp, c.Responsibilities)
				}
				if strings.HasPrefix(w.channel, "#") && c.URL != directory.SlackURL+w.channel[1:] {
					t.Errorf("%s: url %q", w.channel, c.URL)
				}
			}
			for ch, e := range tt.emailOf {
				if c := contactByChannel(d, ch); c == nil || c.Email != e {
					t.Errorf("%s: email %+v, want %q", ch, c, e)
				}
			}
			for ch, a := range tt.aboutOf {
				if c := contactByChannel(d, ch); c == nil || c.About != a {
					t.Errorf("%s: about %+v, want %q", ch, c, a)
				}
			}
			for ch, s := range tt.sectionOf {
				if c := contactByChannel(d, ch); c == nil || c.Section != s {
					t.Errorf("%s: section %+v, want %q", ch, c, s)
				}
			}
			for _, name := range tt.noChannels {
				found := false
				for _, c := range d.Contacts {
					if c.Name == name {
						found = true
						if c.Channel != "" {
							t.Errorf("%s has channel %q; the page gives none", name, c.Channel)
						}
					}
				}
				if !found {
					t.Errorf("no contact named %q", name)
				}
			}
			checkEverythingKept(t, d, src)
			checkIDs(t, d)
		})
	}
}

var (
	channelInBody = regexp.MustCompile("(?:^|[\\s(\\[`])(#[a-z0-9][a-z0-9_-]*[a-z0-9])")
	listItem      = regexp.MustCompile(`^\s*(?:[-*+]|\d+[.)])\s+(.*)$`)
)

// checkEverythingKept: every Slack channel named in the body and the text of
// every list item end up in the directory.
func checkEverythingKept(t *testing.T, d *directory.Directory, src []byte) {
	t.Helper()
	_, body, _, err := splitFrontMatter("page", src)
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, s := range d.Escalation {
		all = append(all, s.Text, s.Channel)
	}
	for _, c := range d.Contacts {
		all = append(all, c.Name, c.Channel, c.Summary)
		all = append(all, c.Channels...)
		all = append(all, c.Responsibilities...)
	}
	text := strings.Join(all, "\n")
	lines := strings.Split(string(body), "\n")
	for i, line := range lines {
		if strings.HasPrefix(line, "[") && strings.Contains(line, "]:") {
			continue // a link reference definition, not body text
		}
		for _, m := range channelInBody.FindAllStringSubmatch(linkDest.ReplaceAllString(line, "]"), -1) {
			if contactByChannel(d, m[1]) == nil {
				t.Errorf("line %d: channel %s is not in the directory", i+1, m[1])
			}
		}
		if m := listItem.FindStringSubmatch(line); m != nil {
			// The item's first line, less its Markdown, is in some text.
			words := strings.Fields(stripMarkdown(m[1]))
			if len(words) > 6 {
				words = words[:6]
			}
			if frag := strings.Join(words, " "); !strings.Contains(text, frag) {
				t.Errorf("line %d: list item %q is not in the directory", i+1, frag)
			}
		}
	}
}

var linkDest = regexp.MustCompile(`\]\([^)]*\)`)

var mdLink = regexp.MustCompile(`\[([^\]]*)\](?:\([^)]*\))?`)

func stripMarkdown(s string) string {
	s = mdLink.ReplaceAllString(s, "$1")
	return strings.ReplaceAll(s, "`", "")
}

func checkIDs(t *testing.T, d *directory.Directory) {
	t.Helper()
	seen := map[string]bool{}
	for _, c := range d.Contacts {
		if c.ID == "" || seen[c.ID] {
			t.Errorf("contact %q: ID %q is empty or not unique", c.Name, c.ID)
		}
		seen[c.ID] = true
	}
	for _, s := range d.Escalation {
		if s.Contact != "" && d.Contact(s.Contact) == nil {
			t.Errorf("step %q names unknown contact %q", s.Text, s.Contact)
		}
	}
}

func someContains(list []string, s string) bool {
	for _, x := range list {
		if strings.Contains(x, s) {
			return true
		}
	}
	return false
}

// TestShapes: pages shaped in ways none of the four versions is, as a newer
// page may be.
func TestShapes(t *testing.T) {
	tests := []struct {
		name, src string
		check     func(t *testing.T, d *directory.Directory)
	}{
		{
			name: "inline slack link in heading, bullets with asterisks",
			src:  "---\ntitle: Help\n---\n\n### Data team ([#data](https://gds.slack.com/channels/govuk-data))\n\n* owns the data warehouse\n* runs reports\n",
			check: func(t *testing.T, d *directory.Directory) {
				c := contactByChannel(d, "#govuk-data")
				if c == nil || c.Name != "Data team" || len(c.Responsibilities) != 2 {
					t.Errorf("got %+v", d.Contacts)
				}
			},
		},
		{
			name: "heading without channel, channel given in the paragraph after",
			src:  "## Teams\n\n### Search team\n\nAsk in `#govuk-search`.\n\n- looks after search\n",
			check: func(t *testing.T, d *directory.Directory) {
				c := contactByChannel(d, "#govuk-search")
				if c == nil || c.Name != "Search team" || !someContains(c.Responsibilities, "looks after search") {
					t.Errorf("got %+v", d.Contacts)
				}
				if d.Title != "" {
					t.Errorf("title %q from nowhere", d.Title)
				}
			},
		},
		{
			name: "nested bullets and a mailto link",
			src:  "The Web team (#govuk-web):\n\n- frontend apps\n  - static\n  - collections\n- email [web](mailto:web@example.gov.uk)\n",
			check: func(t *testing.T, d *directory.Directory) {
				c := contactByChannel(d, "#govuk-web")
				if c == nil || len(c.Responsibilities) != 4 || c.Email != "web@example.gov.uk" {
					t.Errorf("got %+v", d.Contacts)
				}
			},
		},
		{
			name: "CRLF line ends and a byte-order mark",
			src:  "\uFEFF---\r\ntitle: \"Ask\"\r\n---\r\n\r\nThe Apps team ([#apps]):\r\n\r\n- deploys apps\r\n\r\n[#apps]: https://gds.slack.com/channels/apps\r\n",
			check: func(t *testing.T, d *directory.Directory) {
				c := contactByChannel(d, "#apps")
				if d.Title != "Ask" || c == nil || c.Name != "Apps team" || len(c.Responsibilities) != 1 || c.Responsibilities[0] != "deploys apps" {
					t.Errorf("got %+v", d)
				}
			},
		},
		{
			name: "a table of teams and channels",
			src:  "# Ask for help\n\n| Team | Channel | Ask about |\n|---|---|---|\n| Search team | `#govuk-search` | search results |\n| | [#govuk-data](https://gds.slack.com/channels/govuk-data) | analytics |\n",
			check: func(t *testing.T, d *directory.Directory) {
				s, data := contactByChannel(d, "#govuk-search"), contactByChannel(d, "#govuk-data")
				if d.Title != "Ask for help" || s == nil || s.Name != "Search team" || !someContains(s.Responsibilities, "search results") ||
					data == nil || data.Name != "GOV.UK data" || !someContains(data.Responsibilities, "analytics") {
					t.Errorf("got %+v", d)
				}
			},
		},
		{
			name: "a channel in a paragraph under the page's own heading",
			src:  "# Ask for help\n\nFor anything else, try `#govuk-developers`.\n",
			check: func(t *testing.T, d *directory.Directory) {
				c := contactByChannel(d, "#govuk-developers")
				if c == nil || c.Name != "GOV.UK developers" {
					t.Errorf("got %+v", d.Contacts)
				}
			},
		},
		{
			name: "a section reached by email only",
			src:  "The Web team (#govuk-web):\n\n- frontend\n\n## Contact Senior Tech\n\nEmail <senior@example.gov.uk>.\n",
			check: func(t *testing.T, d *directory.Directory) {
				if len(d.Contacts) != 2 || d.Contacts[1].Name != "Senior Tech" || d.Contacts[1].Email != "senior@example.gov.uk" {
					t.Errorf("got %+v", d.Contacts)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("test.md", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, d)
		})
	}
}

// TestBadInput: each kind of bad input is refused with the file and, where
// there is one, the line.
func TestBadInput(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
		msg       string
	}{
		{"empty", "", 0, "empty"},
		{"only white space", " \n\n\t\n", 0, "empty"},
		{"binary", "---\ntitle: x\n---\n\x00\x01\x02PNG", 4, "not a text file"},
		{"invalid utf-8", "---\ntitle: x\n---\n\nThe team (#a):\n\n- \xff\xfe\n", 7, "not a text file"},
		{"unclosed front matter", "---\ntitle: Ask for help\nowner_slack: \"#x\"\n\nThe team (#x):\n\n- thing\n", 1, "never closed"},
		{"bad front matter line", "---\ntitle: Ask\nthis is not yaml\n---\nThe team (#x):\n\n- y\n", 3, "invalid YAML"},
		{"no contact", "---\ntitle: Ask for help\n---\n\nJust some prose with no teams.\n", 5, "no contact"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("page.md", []byte(tt.src))
			if err == nil {
				t.Fatalf("no error; got %+v", d)
			}
			var pe *Error
			if !errors.As(err, &pe) || pe.File != "page.md" || pe.Line != tt.line || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q (line %d); want page.md, line %d, %q", err, lineOf(pe), tt.line, tt.msg)
			}
		})
	}
	t.Run("missing file", func(t *testing.T) {
		_, err := ReadFile(filepath.Join(t.TempDir(), "nope.md"))
		if err == nil || !strings.Contains(err.Error(), "nope.md") || !strings.Contains(err.Error(), "no such file") {
			t.Errorf("error %v", err)
		}
	})
}

func lineOf(e *Error) int {
	if e == nil {
		return -1
	}
	return e.Line
}
