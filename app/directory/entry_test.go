package directory

import (
	"slices"
	"testing"
)

// TestEntries checks who the widget can recommend, and for what.
func TestEntries(t *testing.T) {
	d := &Directory{
		Escalation: []Step{{Text: "Your tech lead"}, {Text: "#leads", Contact: "leads", Channel: "#leads"}},
		Contacts: []Contact{
			{ID: "leads", Name: "Tech leads", Kind: People, Channel: "#leads"},
			{ID: "devs", Name: "Developers", Kind: Community, Channel: "#devs"},
			{ID: "pe", Name: "Platform", Kind: Team, Channel: "#pe", Channels: []string{"#pe-support"}},
		},
		Repos: []Repo{
			{Name: "router", Team: "#pe", Alerts: "#pe-alerts"},
			{Name: "whitehall", Team: "#publishing", Alerts: "#publishing-alerts"},
			{Name: "orphan", Team: ""},
			{Name: "helm", Team: "#pe-support"},
			{Name: "asset-manager", Team: "#content"},
		},
		Manual: []ManualPage{
			{Title: "Deploy", Owner: "#pe"},
			{Title: "Someone's page", Owner: "@someone"},
			{Title: "Content", Owner: "#content"},
			{Title: "Nobody's page"},
		},
	}
	type want struct {
		id, channel  string
		onPage       bool
		repos, pages []int
		fallback     bool
	}
	wants := []want{
		{"leads", "#leads", true, nil, nil, false},
		{"devs", "#devs", true, nil, []int{1}, true}, // the first community answers for a person's page
		{"pe", "#pe", true, []int{0, 3}, []int{0}, false},
		{"content", "#content", false, []int{4}, []int{2}, false}, // others sorted by channel
		{"publishing", "#publishing", false, []int{1}, nil, false},
	}
	got := d.Entries()
	if len(got) != len(wants) {
		var ids []string
		for _, e := range got {
			ids = append(ids, e.Contact.Channel)
		}
		t.Fatalf("entries %v, want %d", ids, len(wants))
	}
	for i, w := range wants {
		e := got[i]
		if e.Contact.ID != w.id || e.Contact.Channel != w.channel || e.OnPage != w.onPage ||
			!slices.Equal(e.Repos, w.repos) || !slices.Equal(e.Pages, w.pages) || e.Fallback != w.fallback {
			t.Errorf("entry %d = %+v, want %+v", i, e, w)
		}
	}
}

// TestEntriesFallbackToEscalation: without a community, a person's page
// goes to the first escalation step's contact.
func TestEntriesFallbackToEscalation(t *testing.T) {
	d := &Directory{
		Escalation: []Step{{Text: "Your tech lead"}, {Text: "#leads", Contact: "leads", Channel: "#leads"}},
		Contacts:   []Contact{{ID: "x", Kind: Team, Channel: "#x"}, {ID: "leads", Kind: People, Channel: "#leads"}},
		Manual:     []ManualPage{{Title: "Mine", Owner: "@me"}},
	}
	es := d.Entries()
	if len(es) != 2 || !es[1].Fallback || !slices.Equal(es[1].Pages, []int{0}) || es[0].Fallback {
		t.Errorf("entries %+v: want the person's page under #leads", es)
	}
}

func TestChannelContact(t *testing.T) {
	for _, tt := range []struct{ channel, name string }{
		{"#govuk-publishing-platform", "GOV.UK publishing platform"},
		{"#find-and-view-tech", "Find and view tech"},
		{"#data_products", "Data products"},
	} {
		c := ChannelContact(tt.channel)
		if c.Name != tt.name || c.Channel != tt.channel || c.URL != SlackURL+tt.channel[1:] || c.Kind != Team {
			t.Errorf("ChannelContact(%q) = %+v, want name %q", tt.channel, c, tt.name)
		}
	}
}

// TestSameTeam (askedIn, one contact): an owner channel joins a contact of the page only when its
// words, less "ask" and "team", are the contact's channel's or name's.
func TestSameTeam(t *testing.T) {
	pe := Contact{Name: "GOV.UK Platform Engineering team", Channel: "#govuk-ask-platform-engineering"}
	support := Contact{Name: "GOV.UK publishing service support", Channel: "#govuk-publishing-service-support"}
	senior := Contact{Name: "Senior tech team", Channel: "@govuk-senior-tech-people"}
	tests := []struct {
		owner string
		c     Contact
		want  bool
	}{
		{"#govuk-platform-engineering-team", pe, true}, // the name's words
		{"#govuk-platform-engineering", pe, true},      // the channel's words without "ask"
		{"#govuk-platform", pe, false},                 // a part is not the team
		{"#govuk-platform-engineering-support", pe, false},
		{"#govuk-engineering-platform", pe, false}, // words in order
		{"#govuk-publishing", support, false},
		{"#govuk-publishing-service-support-team", support, true},
		{"#senior-tech", senior, false}, // a handle is never a place the data merges into
		{"#team", Contact{Name: "Team", Channel: "#ask"}, false},
	}
	for _, tt := range tests {
		d := &Directory{Contacts: []Contact{tt.c}}
		if got := askedIn(tt.owner, d.teamKeys()) == 0; got != tt.want {
			t.Errorf("%q names %q %s: %v, want %v", tt.owner, tt.c.Name, tt.c.Channel, got, tt.want)
		}
	}
}

// TestEntriesAskChannel: what a team owns under its own channel is
// answered with the place the page says to ask, and the owner channels are
// kept; a channel that could be two contacts' joins neither.
func TestEntriesAskChannel(t *testing.T) {
	d := &Directory{
		Contacts: []Contact{
			{ID: "pe", Name: "GOV.UK Platform Engineering team", Kind: Team, Channel: "#govuk-ask-platform-engineering"},
			{ID: "a", Name: "Search", Kind: Team, Channel: "#ask-search"},
			{ID: "b", Name: "Search team", Kind: Team, Channel: "#search-ask"},
		},
		Repos: []Repo{
			{Name: "router", Team: "#govuk-platform-engineering-team"},
			{Name: "search-api", Team: "#search"},
		},
		Manual: []ManualPage{{Title: "Bastion", Owner: "#govuk-platform-engineering"}},
	}
	es := d.Entries()
	if len(es) != 4 {
		t.Fatalf("%d entries, want the 3 contacts and #search on its own", len(es))
	}
	if pe := es[0]; !slices.Equal(pe.Repos, []int{0}) || !slices.Equal(pe.Pages, []int{0}) ||
		!slices.Equal(pe.Owners, []string{"#govuk-platform-engineering", "#govuk-platform-engineering-team"}) {
		t.Errorf("platform engineering: %+v", pe)
	}
	if s := es[3]; s.Contact.Channel != "#search" || !slices.Equal(s.Repos, []int{1}) || len(es[1].Repos)+len(es[2].Repos) != 0 {
		t.Errorf("an owner that two contacts could be joined one: %+v", es)
	}
}
