// Package directory holds the data model of the "Ask for help" widget: the
// escalation order and the contacts (teams, communities, support rotas and
// people groups) read from the GOV.UK developer manual page, and the data
// generated from the page that the app embeds.
//
// The package links nothing but the standard library's strings, so the
// WebAssembly client can embed it cheaply.
package directory

import "strings"

// SlackURL is where the manual links a Slack channel; the channel's name
// (without "#") is appended.
const SlackURL = "https://gds.slack.com/channels/"

// ManualURL is the base of the published developer manual; page file names
// (without ".md") are resolved against it.
const ManualURL = "https://docs.publishing.service.gov.uk/manual/"

// Kind says what sort of contact an entry is.
type Kind string

// The kinds of contact the manual page describes.
const (
	// Team is a named team that owns something ("GOV.UK Platform Engineering team").
	Team Kind = "team"
	// Community is a community of practice ("The GOV.UK developer community").
	Community Kind = "community"
	// Support is a support rota or support channel ("2nd Line Tech Support").
	Support Kind = "support"
	// People is a group of people to escalate to (tech leads, senior tech).
	People Kind = "people"
)

// Directory is everything the widget knows: the page it came from, the
// escalation order and the contacts, in page order.
type Directory struct {
	// Title is the page's title from its front matter ("Ask for help").
	Title string `json:"title"`
	// Owner is the page's owner_slack from its front matter.
	Owner string `json:"owner"`
	// PageURL is the published page the data was read from.
	PageURL string `json:"page_url"`
	// Escalation is the order in which to ask, first step first.
	Escalation []Step `json:"escalation"`
	// Contacts are the teams, communities, rotas and groups, in page order.
	Contacts []Contact `json:"contacts"`
	// Source is the version of govuk-developer-docs the data was read
	// from; zero when it came from a lone page.
	Source Source `json:"source,omitzero"`
	// Repos are the repos of data/repos.yml that are not retired, one per
	// repo name, sorted by name.
	Repos []Repo `json:"repos,omitempty"`
	// Manual are the pages of source/manual, sorted by URL.
	Manual []ManualPage `json:"manual,omitempty"`
}

// Source says which version of govuk-developer-docs data comes from.
type Source struct {
	// Commit is the repository's commit (abbreviated hash), if known.
	Commit string `json:"commit,omitempty"`
	// Date is the commit's date, YYYY-MM-DD, if known.
	Date string `json:"date,omitempty"`
}

// Repo is one repository of data/repos.yml: what it is and which team's
// channel to ask about it.
type Repo struct {
	// Name is the repo's name on GitHub ("whitehall").
	Name string `json:"name"`
	// Apps are the app names it runs as, where they differ from Name
	// ("licensify-admin", "licensify-feed").
	Apps []string `json:"apps"`
	// Type is the docs' grouping ("Publishing apps", "Gems").
	Type string `json:"type"`
	// Team is the owning team's Slack channel, where to ask; "" when none.
	Team string `json:"team"`
	// Alerts is the channel alerts or dependency updates go to; it is
	// never offered as a place to ask.
	Alerts string `json:"alerts"`
	// Description says what the repo is, where the docs say.
	Description string `json:"description"`
	// URL is the repo's page in the developer docs.
	URL string `json:"url"`
}

// ManualPage is one page of the developer manual and who maintains it.
type ManualPage struct {
	// Title is the page's title.
	Title string `json:"title"`
	// URL is the published page.
	URL string `json:"url"`
	// Section is the manual's section the page is listed under.
	Section string `json:"section"`
	// Owner is the page's owner_slack: a "#channel", or a person's
	// "@handle", which is never offered as a team.
	Owner string `json:"owner"`
	// Headings are the page's headings, for the search.
	Headings []string `json:"headings,omitempty"`
	// Words are the words of the page's text that set it apart from the
	// other pages, best first, one space between them (app/manual's pageWords).
	Words string `json:"words,omitempty"`
}

// RepoDocsURL is the developer docs' page about a repo.
const RepoDocsURL = "https://docs.publishing.service.gov.uk/repos/"

// DocsRepoURL is the repository the data is read from.
const DocsRepoURL = "https://github.com/alphagov/govuk-developer-docs"

// GitHubURL is where alphagov's repos live; the repo's name is appended.
const GitHubURL = "https://github.com/alphagov/"

// Step is one step of the escalation order.
type Step struct {
	// Text is the list item as the page words it ("Your tech lead (TL)").
	Text string `json:"text"`
	// Contact is the ID of the contact this step refers to, if any.
	Contact string `json:"contact,omitempty"`
	// Channel is the Slack channel or handle to use, if the step names one.
	Channel string `json:"channel,omitempty"`
	// URL links to the channel or to the page section that says how to ask.
	URL string `json:"url,omitempty"`
}

// Contact is someone to ask: a team, a community, a rota or a group.
type Contact struct {
	// ID is a stable identifier, unique within a directory (a slug).
	ID string `json:"id"`
	// Name is the display name ("GOV.UK Platform Engineering team").
	Name string `json:"name"`
	// Kind says what sort of contact this is.
	Kind Kind `json:"kind"`
	// Channel is the Slack channel ("#govuk-developers") or handle
	// ("@govuk-senior-tech-people") to ask; empty where the page names none.
	Channel string `json:"channel,omitempty"`
	// URL links to the channel (or, for a handle, to the page section).
	URL string `json:"url,omitempty"`
	// Email is an email address where the page gives one.
	Email string `json:"email,omitempty"`
	// EmailURL is the page's link for the email address (a Google group), if any.
	EmailURL string `json:"email_url,omitempty"`
	// About links to more about the team, where the page gives a link.
	About string `json:"about,omitempty"`
	// Section is the anchor of the page section the contact came from.
	Section string `json:"section,omitempty"`
	// SectionTitle is that section's heading text.
	SectionTitle string `json:"section_title,omitempty"`
	// Summary is the sentence that introduces the contact on the page.
	Summary string `json:"summary,omitempty"`
	// Responsibilities are what the contact looks after, one per bullet,
	// full text, in page order.
	Responsibilities []string `json:"responsibilities,omitempty"`
	// Channels lists every further Slack channel the page names for this
	// contact besides Channel.
	Channels []string `json:"channels,omitempty"`
}

// SectionURL is the link to the page section a contact came from, or the
// page itself when the contact has no section.
func (d *Directory) SectionURL(c *Contact) string {
	if c.Section == "" {
		return d.PageURL
	}
	return d.PageURL + "#" + c.Section
}

// Contact returns the contact with the given ID, or nil.
func (d *Directory) Contact(id string) *Contact {
	for i := range d.Contacts {
		if d.Contacts[i].ID == id {
			return &d.Contacts[i]
		}
	}
	return nil
}

// ChannelURL is the Slack link for a "#channel", or "" for anything else.
func ChannelURL(channel string) string {
	name, ok := strings.CutPrefix(channel, "#")
	if !ok || name == "" {
		return ""
	}
	return SlackURL + name
}
