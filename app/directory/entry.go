package directory

import (
	"sort"
	"strings"
)

// Entry is one team the widget can recommend, with every reason to ask it:
// a contact of the Ask for help page, or a channel that owns repos or
// maintains manual pages. A team is its Slack channel.
type Entry struct {
	// Contact is the page's contact, or one made from the channel for a
	// team the page does not name.
	Contact Contact
	// OnPage reports that Contact comes from the Ask for help page.
	OnPage bool
	// Repos are indexes into Directory.Repos: the repos it owns.
	Repos []int
	// Pages are indexes into Directory.Manual: the manual pages it
	// maintains, or, for the fallback team, pages whose owner is a person.
	Pages []int
	// Fallback reports that this team also answers for manual pages
	// maintained by a person (an @handle), which is never offered itself.
	Fallback bool
	// Owners are the channels that repos.yml or the manual name for this
	// team besides the contact's own: the team's own channel where the Ask
	// for help page gives a place to ask (#govuk-ask-platform-engineering
	// for #govuk-platform-engineering-team). Sorted; see askedIn.
	Owners []string
}

// Entries lists everyone the widget can recommend: the Ask for help page's
// contacts in page order, then every other channel that owns a repo or
// maintains a manual page, sorted by channel. A repo or page whose channel
// is one of a contact's channels belongs to that contact. Alerts channels
// are never teams. Manual pages maintained by a person go to the fallback:
// the page's first community (the developer community, who help each
// other with specialised knowledge), else the first escalation step's
// contact.
func (d *Directory) Entries() []Entry {
	entries := make([]Entry, len(d.Contacts))
	at := map[string]int{} // channel -> index in entries
	for i, c := range d.Contacts {
		entries[i] = Entry{Contact: c, OnPage: true}
		for _, ch := range append([]string{c.Channel}, c.Channels...) {
			if _, ok := at[ch]; !ok && strings.HasPrefix(ch, "#") {
				at[ch] = i
			}
		}
	}
	var others []string
	keys := d.teamKeys()
	for _, ch := range d.owners() {
		if _, ok := at[ch]; ok {
			continue
		}
		if i := askedIn(ch, keys); i >= 0 {
			at[ch] = i
			entries[i].Owners = append(entries[i].Owners, ch)
			continue
		}
		at[ch] = -1
		others = append(others, ch)
	}
	for i := range entries {
		sort.Strings(entries[i].Owners)
	}
	sort.Strings(others)
	for _, ch := range others {
		at[ch] = len(entries)
		entries = append(entries, Entry{Contact: ChannelContact(ch)})
	}
	for i, r := range d.Repos {
		if t, ok := at[r.Team]; ok {
			entries[t].Repos = append(entries[t].Repos, i)
		}
	}
	f := d.fallback()
	for i, p := range d.Manual {
		if t, ok := at[p.Owner]; ok {
			entries[t].Pages = append(entries[t].Pages, i)
		} else if p.Owner != "" && f >= 0 {
			entries[f].Pages = append(entries[f].Pages, i)
			entries[f].Fallback = true
		}
	}
	return entries
}

// owners are the channels of every repo's team and every page's owner, in
// data order, with repeats; handles and empty teams are left out.
func (d *Directory) owners() []string {
	var out []string
	for _, r := range d.Repos {
		if strings.HasPrefix(r.Team, "#") {
			out = append(out, r.Team)
		}
	}
	for _, p := range d.Manual {
		if strings.HasPrefix(p.Owner, "#") {
			out = append(out, p.Owner)
		}
	}
	return out
}

// teamKeys are each contact's keys (teamKey of its channel and of its
// name) that an owner channel may match; none for a contact without a
// "#channel", which no owner channel can be. Made once per Entries: it
// runs as the answerer starts.
func (d *Directory) teamKeys() [][2]string {
	keys := make([][2]string, len(d.Contacts))
	for i, c := range d.Contacts {
		if strings.HasPrefix(c.Channel, "#") {
			keys[i] = [2]string{teamKey(c.Channel), teamKey(c.Name)}
		}
	}
	return keys
}

// askedIn is the index of the contact that owner (a channel no contact
// has) names, or -1: its words, less "ask" and "team" (teamKey), are those
// of the contact's channel or name, and of no other contact's. "ask" and
// "team" say what a channel is for rather than whose it is: so
// #govuk-platform-engineering-team and #govuk-platform-engineering are the
// team the page calls "GOV.UK Platform Engineering team" and asks in
// #govuk-ask-platform-engineering; #govuk-publishing is not "GOV.UK
// publishing service support". Only whole words in order count, and two
// candidates are a guess too many: a wrong merge sends people to the wrong
// team, and a missed one only shows the team twice.
func askedIn(owner string, keys [][2]string) int {
	key := teamKey(owner)
	if key == "" {
		return -1
	}
	found := -1
	for i, k := range keys {
		if k[0] == key || k[1] == key {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

// teamKey is a channel's or a name's words, lower case, "GOV.UK" as
// "govuk", without "ask" and "team", joined by spaces.
func teamKey(s string) string {
	var words []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return r == '-' || r == '_' || r == ' ' || r == '#' || r == '(' || r == ')'
	}) {
		w = strings.ReplaceAll(strings.ToLower(w), ".", "")
		if w != "ask" && w != "team" {
			words = append(words, w)
		}
	}
	return strings.Join(words, " ")
}

// fallback is the index of the contact that answers for what no team
// maintains, or -1.
func (d *Directory) fallback() int {
	for i, c := range d.Contacts {
		if c.Kind == Community && c.Channel != "" {
			return i
		}
	}
	for _, s := range d.Escalation {
		for i, c := range d.Contacts {
			if s.Contact != "" && c.ID == s.Contact {
				return i
			}
		}
	}
	return -1
}

// ChannelContact is the contact for a team known only by its channel; its
// name is the channel's words ("#govuk-publishing-platform" is "GOV.UK
// publishing platform").
func ChannelContact(channel string) Contact {
	id := strings.TrimPrefix(channel, "#")
	words := strings.FieldsFunc(id, func(r rune) bool { return r == '-' || r == '_' })
	for i, w := range words {
		if w == "govuk" {
			words[i] = "GOV.UK"
		}
	}
	name := []byte(strings.Join(words, " "))
	if len(name) > 0 && 'a' <= name[0] && name[0] <= 'z' {
		name[0] -= 'a' - 'A' // channels are ASCII; strings.ToUpper would add 3 kB to the wasm
	}
	return Contact{ID: id, Name: string(name), Kind: Team, Channel: channel, URL: ChannelURL(channel)}
}
