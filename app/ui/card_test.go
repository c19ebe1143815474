package ui

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/search"
	"github.com/alphagov/askforhelp/app/view"
)

// TestCard: the card says where to ask, in a link with the option's ID
// (which Enter follows) that opens a new tab; a Copy button only for a
// channel; and what was copied.
func TestCard(t *testing.T) {
	d := directory.Seed
	ch := firstChannel(t)
	tests := []struct {
		name      string
		contact   *directory.Contact
		index     int
		copied    string
		wantTitle string
		wantHref  string
		wantNew   bool // the link opens a new tab
		wantCopy  string
	}{
		{"channel, recommended", contact(t, ch), 0, "", "Ask in " + ch, "https://gds.slack.com/channels/" + ch[1:], true, "Copy " + ch},
		{"copied", contact(t, ch), 0, "Copied " + ch, "Ask in " + ch, "https://gds.slack.com/channels/" + ch[1:], true, "Copy " + ch},
		{"handle with email", &directory.Contact{ID: "senior", Name: "Senior tech", Channel: "@seniors", Email: "seniors@example.gov.uk", Section: "senior"}, 2, "", "Ping @seniors on Slack or email seniors@example.gov.uk", d.PageURL + "#senior", true, "Copy @seniors"},
		{"email only", &directory.Contact{Name: "Security", Email: "sec@example.gov.uk"}, 1, "", "Email sec@example.gov.uk", "mailto:sec@example.gov.uk", false, ""},
		{"name only", &directory.Contact{Name: "Content team", Section: "content"}, 0, "", "Ask the Content team", d.PageURL + "#content", true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := render(t, toUI(view.Card(d, search.Result{Contact: tt.contact}, tt.index, tt.copied), nil))
			if got := text(byID(t, doc, "card-title")); got != tt.wantTitle {
				t.Errorf("title = %q, want %q", got, tt.wantTitle)
			}
			link := byID(t, doc, optionID+strconv.Itoa(tt.index)+"-link")
			if got := attr(link, "href"); got != tt.wantHref {
				t.Errorf("link to %q, want %q", got, tt.wantHref)
			}
			if newTab := attr(link, "target") == "_blank"; newTab != tt.wantNew {
				t.Errorf("opens a new tab: %v, want %v", newTab, tt.wantNew)
			}
			if says := attr(link, "aria-describedby") == newTabID; says != tt.wantNew {
				t.Errorf("described as opening a new tab: %v, want %v", says, tt.wantNew)
			}
			caption := text(byClass(doc, "card__caption")[0])
			if want := map[bool]string{true: "Recommended", false: "Selected"}[tt.index == 0]; caption != want {
				t.Errorf("caption = %q, want %q", caption, want)
			}
			copyText := ""
			if b := byClass(doc, "card__copy"); len(b) == 1 {
				copyText = text(b[0])
			}
			if copyText != tt.wantCopy {
				t.Errorf("copy button %q, want %q", copyText, tt.wantCopy)
			}
			copied := ""
			if p := byClass(doc, "card__copied"); len(p) == 1 {
				copied = text(p[0])
			}
			if copied != tt.copied {
				t.Errorf("the card says %q was copied, want %q", copied, tt.copied)
			}
		})
	}
}

// TestCardReasons: the card says why this team, the words that matched
// marked, with links to the repo's docs page and GitHub, or to the manual
// page; the link to the Ask for help page's section only for its contacts.
func TestCardReasons(t *testing.T) {
	d := directory.Seed
	eng := search.New(d)
	tests := []struct {
		query, reason string
		links         []string
		source        bool
	}{
		{"whitehall", "owns whitehall, a Publishing app", []string{d.Repos[repoIndex(t, "whitehall")].URL, directory.GitHubURL + "whitehall"}, false},
		{"query kibana", "maintains the manual page Query Kibana (includes useful queries)", []string{directory.ManualURL + "kibana.html"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			rs := eng.Search(tt.query, 1)
			doc := render(t, toUI(view.Card(d, rs[0], 0, ""), nil))
			items := byTag(byClass(doc, "card__reasons")[0], "li")
			var got []string
			for _, a := range byTag(items[0], "a") {
				got = append(got, attr(a, "href"))
			}
			if !strings.HasPrefix(text(items[0]), tt.reason) || !slices.Equal(got, tt.links) {
				t.Errorf("first reason %q linking %v, want %q linking %v", text(items[0]), got, tt.reason, tt.links)
			}
			if len(byTag(items[0], "mark")) == 0 {
				t.Errorf("nothing marked in %q", text(items[0]))
			}
			if src := len(byClass(doc, "card__source")) == 1; src != tt.source {
				t.Errorf("link to the Ask for help page's section: %v, want %v", src, tt.source)
			}
		})
	}
}

func repoIndex(t *testing.T, name string) int {
	for i, r := range directory.Seed.Repos {
		if r.Name == name {
			return i
		}
	}
	t.Fatalf("no repo %s", name)
	return -1
}
