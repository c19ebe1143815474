//go:build !wasm

package search

import (
	"slices"
	"strings"
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
)

// TestSearchDocs checks questions about apps, repos and manual topics over
// the docs of 2024-04-26 (whose Ask for help page is the seed page's): the
// team first, and the evidence that put it there.
func TestSearchDocs(t *testing.T) {
	d := snapshot(t, "2024-04-26-c51f946f2")
	e := New(d)
	const (
		pubExp   = "#govuk-publishing-experience-tech"
		pubPlat  = "#govuk-publishing-platform"
		interact = "#tech-content-interactions-on-platform-govuk"
	)
	tests := []struct {
		behaviour string
		query     string
		top       string
		field     string // the first match's field
		text      string // and its text
	}{
		{"repo by name", "whitehall", pubExp, FieldRepo, "whitehall"},
		{"repo by words", "content store", pubPlat, FieldRepo, "content-store"},
		{"repo with a symptom", "content-store is down", pubPlat, FieldRepo, "content-store"},
		{"repo with a typo", "contacts admn", pubExp, FieldRepo, "contacts-admin"},
		{"repo, compound", "gds-api-adapters", pubPlat, FieldRepo, "gds-api-adapters"},
		{"app name, spaced", "email alert frontend", interact, FieldRepo, "email-alert-frontend"},
		{"app name, hyphenated", "email-alert-frontend", interact, FieldRepo, "email-alert-frontend"},
		{"app name, run together", "emailalertfrontend", interact, FieldRepo, "email-alert-frontend"},
		{"app name, typo", "email alret frontend", interact, FieldRepo, "email-alert-frontend"},
		{"repo with underscores", "govuk_ab_testing", "#dev-notifications-ai-govuk", FieldRepo, "govuk_ab_testing"},
		{"repo with underscores, spaced", "govuk ab testing", "#dev-notifications-ai-govuk", FieldRepo, "govuk_ab_testing"},
		{"a word of a repo's name is not its name", "search api", "#dev-notifications-ai-govuk", FieldRepo, "search-api"},
		{"an app's name is not a synonym (signon, access control)", "signon 2fa", pubPlat, FieldRepo, "signon"},
		{"manual page by title", "query kibana", "#govuk-2ndline-tech", FieldPage, "Query Kibana (includes useful queries)"},
		{"manual page by title words", "reindex elasticsearch", "#govuk-searchandnav", FieldPage, "Reindex an Elasticsearch index"},
		{"the page's bullets beat a manual page", "database migration", "#govuk-platform-engineering", FieldResponsibility, ""},
		{"the page's bullets beat a person's page", "incident", "#govuk-2ndline-tech", FieldResponsibility, ""},
		{"the page's bullets beat a page on the topic", "base images", "#govuk-platform-engineering", FieldResponsibility, ""},
		{"the page's bullets beat a page on the topic", "kubernetes", "#govuk-platform-engineering", FieldResponsibility, ""},
		// Rule 1: a synonym counts less than the word typed, when the data
		// holds the word itself.
		{"the word typed beats its synonym", "sentry", "#govuk-developers", FieldPage, "Sentry"},
		{"the word typed beats its synonym", "terraform", "#govuk-2ndline-tech", FieldPage, "Terraform Cloud"},
		{"the word typed beats its synonym", "renew tls certificate", "#govuk-publishing-platform", FieldPage, "Request Fastly TLS certificate"},
		// Rule 2: one item holding the question beats its words scattered
		// over a team's items.
		{"one item holding the question beats words scattered", "cdn logs", "#govuk-developers", FieldPage, "Query CDN logs"},
		{"one item holding the question beats words scattered", "elasticsearch restore backup", "#govuk-searchandnav", FieldPage, "Restore Elasticsearch indices from backup"},
		// Rule 3: fewer of the question's words lose, though one common word
		// names a repo ("support").
		{"more words of the question beat one common word naming a repo", "raise a support ticket with aws", "#govuk-developers", FieldPage, "How to raise a support ticket with AWS"},
		// What a page says: its text's words.
		{"a page found by what it says", "background jobs retry", "#govuk-developers", FieldText, ""},
	}
	for _, tt := range tests {
		t.Run(tt.behaviour+"/"+tt.query, func(t *testing.T) {
			rs := e.Search(tt.query, 5)
			checkResults(t, d, rs, 5)
			if len(rs) == 0 || rs[0].Contact.Channel != tt.top {
				t.Fatalf("got %v, want %s first", channels(rs), tt.top)
			}
			m := rs[0].Matches[0]
			if m.Field != tt.field || tt.text != "" && m.Text != tt.text {
				t.Errorf("first match %s %q, want %s %q", m.Field, m.Text, tt.field, tt.text)
			}
		})
	}
}

// TestSearchNeverAnswers checks what is never offered as a place to ask,
// alerts channels and a person's handle, and that a page maintained by a
// person is found through the fallback team.
func TestSearchNeverAnswers(t *testing.T) {
	d := &directory.Directory{
		Escalation: []directory.Step{{Text: "#leads", Contact: "leads", Channel: "#leads"}},
		Contacts: []directory.Contact{
			{ID: "leads", Name: "Tech leads", Kind: directory.People, Channel: "#leads"},
			{ID: "devs", Name: "Developers", Kind: directory.Community, Channel: "#devs"},
		},
		Repos: []directory.Repo{
			{Name: "router", Type: "APIs", Team: "#routing", Alerts: "#router-alerts"},
			{Name: "router-api", Alerts: "#router-alerts"},
		},
		Manual: []directory.ManualPage{{Title: "Router alerts", Owner: "@someone", URL: directory.ManualURL + "router.html"}},
	}
	e := NewWithVocabulary(d, nil)
	for _, q := range []string{"router", "router alerts", "router api", "someone", "alerts"} {
		rs := e.Search(q, 0)
		checkResults(t, d, rs, 0)
		for _, r := range rs {
			if ch := r.Contact.Channel; ch == "#router-alerts" || strings.HasPrefix(ch, "@") {
				t.Errorf("%q: %s offered as a place to ask", q, ch)
			}
		}
	}
	if rs := e.Search("router", 0); len(rs) == 0 || rs[0].Contact.Channel != "#routing" {
		t.Errorf("router: got %v, want #routing first", channels(rs))
	}
	rs := e.Search("router alerts", 0)
	if !slices.ContainsFunc(rs, func(r Result) bool { return r.Contact.Channel == "#devs" && r.Matches[0].Field == FieldPage }) {
		t.Errorf("router alerts: got %v, want the person's page under #devs", channels(rs))
	}
}
