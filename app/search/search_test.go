//go:build !wasm

package search

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/alphagov/askforhelp/app/directory"
)

// Channels of the seed page's contacts, for expectations.
const (
	pe        = "#govuk-platform-engineering"
	psr       = "#govuk-platform-security-reliability-team"
	secondL   = "#govuk-2ndline-tech"
	devs      = "#govuk-developers"
	techLeads = "#govuk-tech-leads"
	senior    = "@govuk-senior-tech-people"
)

// TestSearchSeed runs one query per behaviour the page's search must have
// over the directory read from the seed page alone.
func TestSearchSeed(t *testing.T) {
	e := New(pageOnly)
	tests := []struct {
		behaviour string
		query     string
		top       string   // the channel expected first; "" for no results
		absent    []string // channels that must not be in the results
	}{
		{"words in page order", "base images", pe, nil},
		{"words in any order", "images base", pe, nil},
		{"each word matched on its own across a sentence", "database migration", pe, nil},
		{"word forms: -ing, plural", "migrating databases", pe, nil},
		{"word forms: -ion, stop word between", "migration of database", pe, nil},
		{"word forms: -ed", "monitored", secondL, nil},
		{"typo: letter left out", "kubernets", pe, nil},
		{"typos in two words", "databse migraton", pe, nil},
		{"typo: letter left out, long word", "monitring", pe, nil},
		{"typo: letters swapped", "secuirty", psr, nil},
		{"prefix while typing", "kuber", pe, nil},
		{"question with stop words", "how do I migrate my database", pe, nil},
		{"question with stop words", "who manages base images", pe, nil},
		{"only stop words", "how do I", "", nil},
		{"vocabulary: k8s", "k8s", pe, nil},
		{"vocabulary: postgres", "postgres", pe, nil},
		{"vocabulary: docker", "docker", pe, nil},
		{"vocabulary: outage", "outage", secondL, nil},
		{"vocabulary: alerts", "alerts", pe, nil},
		{"vocabulary: pipeline", "pipeline", pe, nil},
		{"vocabulary: phrase with stop words", "out of hours", secondL, nil},
		{"vocabulary: multi-word page phrase", "sre", secondL, nil},
		{"whole words only: no scattered letters", "aws", psr, []string{secondL, devs}},
		{"unrelated letters find nothing", "zzqx", "", nil},
		{"compound channel name", "govuk-user-reviewer", psr, nil},
		{"compound channel name, spaced", "user reviewer", psr, nil},
		{"escalation group by name", "tech leads", techLeads, nil},
		{"escalation group by handle", "senior tech", senior, nil},
		{"escalation group by email", "email senior tech", senior, nil},
		{"team name beats a bullet naming it", "platform engineering", pe, nil},
		{"punctuation in the query", "ci/cd", pe, nil},
		{"upper case", "KUBERNETES", pe, nil},
	}
	for _, tt := range tests {
		t.Run(tt.behaviour+"/"+tt.query, func(t *testing.T) {
			rs := e.Search(tt.query, 0)
			checkResults(t, pageOnly, rs, 0)
			if tt.top == "" {
				if len(rs) != 0 {
					t.Fatalf("got %d results (first %s), want none", len(rs), rs[0].Contact.Channel)
				}
				return
			}
			if len(rs) == 0 {
				t.Fatalf("no results, want %s first", tt.top)
			}
			if got := rs[0].Contact.Channel; got != tt.top {
				t.Errorf("first result %s, want %s (all: %v)", got, tt.top, channels(rs))
			}
			for _, r := range rs {
				if slices.Contains(tt.absent, r.Contact.Channel) {
					t.Errorf("%s is in the results, want it absent (matches: %+v)", r.Contact.Channel, r.Matches)
				}
			}
		})
	}
}

// TestRanking checks the scoring rules on small made-up directories where
// only the rule under test tells the contacts apart.
func TestRanking(t *testing.T) {
	tests := []struct {
		rule     string
		contacts []directory.Contact
		query    string
		want     []string // IDs, best first
	}{
		{
			"covering every word beats one word strongly",
			[]directory.Contact{
				{ID: "strong", Name: "Database team"},
				{ID: "both", Name: "Ops", Responsibilities: []string{"helps with migrating data from one database to another"}},
			},
			"database migration", []string{"both", "strong"},
		},
		{
			"whole word beats prefix; a word found as it is is not a typo of another",
			[]directory.Contact{
				{ID: "typo", Responsibilities: []string{"runs the clutser"}},
				{ID: "prefix", Responsibilities: []string{"runs the clusterware"}},
				{ID: "exact", Responsibilities: []string{"runs the cluster"}},
			},
			"cluster", []string{"exact", "prefix"},
		},
		{
			"a misspelt word matches by typo",
			[]directory.Contact{
				{ID: "other", Responsibilities: []string{"runs the database"}},
				{ID: "exact", Responsibilities: []string{"runs the cluster"}},
			},
			"clutser", []string{"exact"},
		},
		{
			"name beats responsibility",
			[]directory.Contact{
				{ID: "bullet", Responsibilities: []string{"security"}},
				{ID: "name", Name: "Security"},
			},
			"security", []string{"name", "bullet"},
		},
		{
			"words together in one bullet beat words in two",
			[]directory.Contact{
				{ID: "apart", Responsibilities: []string{"base camp", "images of cats"}},
				{ID: "together", Responsibilities: []string{"base images"}},
			},
			"base images", []string{"together", "apart"},
		},
		{
			"rare word beats common word",
			[]directory.Contact{
				{ID: "common", Responsibilities: []string{"platform support"}},
				{ID: "rare", Responsibilities: []string{"kubernetes"}},
				{ID: "c2", Responsibilities: []string{"platform"}},
			},
			"platform kubernetes", []string{"rare", "common", "c2"},
		},
		{
			"ties keep directory order",
			[]directory.Contact{
				{ID: "first", Responsibilities: []string{"deploys apps"}},
				{ID: "second", Responsibilities: []string{"deploys apps"}},
				{ID: "third", Responsibilities: []string{"deploys apps"}},
			},
			"deploys", []string{"first", "second", "third"},
		},
		{
			"contacts without a channel are found",
			[]directory.Contact{
				{ID: "nochannel", Name: "Reliability Engineering team", Responsibilities: []string{"obtaining and renewing SSL certificates"}},
			},
			"ssl certificates", []string{"nochannel"},
		},
		{
			"letters scattered over a sentence do not match",
			[]directory.Contact{
				{ID: "scattered", Responsibilities: []string{"triages technical issues and recommends when to escalate"}},
			},
			"aws", nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			d := &directory.Directory{Contacts: tt.contacts}
			e := NewWithVocabulary(d, nil)
			rs := e.Search(tt.query, 0)
			checkResults(t, d, rs, 0)
			var got []string
			for _, r := range rs {
				got = append(got, r.Contact.ID)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Search(%q) = %v, want %v", tt.query, got, tt.want)
			}
		})
	}
}

// TestHighlights checks the ranges: rune offsets, merged, on the right words.
func TestHighlights(t *testing.T) {
	d := &directory.Directory{Contacts: []directory.Contact{{
		ID:   "x",
		Name: "Café 🚀 team",
		Responsibilities: []string{
			"deploys changes for teams that don’t have access 🔑 to Kubernetes",
			"base images, base-images and CI/CD",
		},
	}}}
	e := NewWithVocabulary(d, nil)
	tests := []struct {
		query string
		field string
		index int
		want  []string // the highlighted text, in order
	}{
		{"kubernetes", FieldResponsibility, 0, []string{"Kubernetes"}},
		{"access", FieldResponsibility, 0, []string{"access"}},
		{"dont", FieldResponsibility, 0, []string{"don’t"}},
		{"kuber", FieldResponsibility, 0, []string{"Kuber"}},
		{"kubrnetes", FieldResponsibility, 0, []string{"Kub", "rnetes"}},
		{"images base", FieldResponsibility, 1, []string{"base", "images", "base-images"}},
		{"cicd", FieldResponsibility, 1, []string{"CI/CD"}},
		{"team", FieldName, 0, []string{"team"}},
		{"cafe", FieldName, 0, []string{"Café"}}, // an accent left out is a typo
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			rs := e.Search(tt.query, 0)
			checkResults(t, d, rs, 0)
			var got []string
			for _, r := range rs {
				for _, m := range r.Matches {
					if m.Field == tt.field && m.Index == tt.index {
						text := []rune(m.Text)
						for _, rg := range m.Ranges {
							got = append(got, string(text[rg[0]:rg[1]]))
						}
					}
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("highlights %q, want %q", got, tt.want)
			}
		})
	}
}

// TestMatchesBestFirst checks that the bullet holding every word comes
// before a name holding one.
func TestMatchesBestFirst(t *testing.T) {
	rs := New(directory.Seed).Search("migrating database", 1)
	if len(rs) != 1 {
		t.Fatalf("got %d results, want 1", len(rs))
	}
	m := rs[0].Matches[0]
	if m.Field != FieldResponsibility || !strings.Contains(m.Text, "migrating from one") {
		t.Errorf("first match %s %q, want the migrating bullet", m.Field, m.Text)
	}
}

// TestOddInput checks that pasted junk (oddInputs) neither panics nor
// blows up. How fast it is answered is BenchmarkOddInput's to say: a
// wall-clock limit near the real time (under 1 ms) fails on a busy machine,
// so the limit here is thousands of times that and catches only a hang or a
// cost that grows with the square of the query's length.
func TestOddInput(t *testing.T) {
	const blowUp = 2 * time.Second
	e := New(directory.Seed)
	for _, tt := range oddInputs {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			rs := e.Search(tt.query, 10)
			if el := time.Since(start); el > blowUp {
				t.Errorf("took %v: more than %v is a blow-up, not a slow machine", el, blowUp)
			}
			checkResults(t, directory.Seed, rs, 10)
			if tt.found != (len(rs) > 0) {
				t.Errorf("got %d results, want found=%v", len(rs), tt.found)
			}
		})
	}
}

// TestLimit checks that limit cuts the same ranking short.
func TestLimit(t *testing.T) {
	e := New(directory.Seed)
	all := e.Search("platform", 0)
	if len(all) < 3 {
		t.Fatalf("got %d results for platform, want several", len(all))
	}
	for limit := 1; limit <= len(all)+1; limit++ {
		got := e.Search("platform", limit)
		want := all[:min(limit, len(all))]
		if !slices.EqualFunc(got, want, func(a, b Result) bool { return a.Contact == b.Contact && a.Score == b.Score }) {
			t.Errorf("limit %d: %v, want %v", limit, channels(got), channels(want))
		}
	}
	if got := e.Search("platform", -1); len(got) != len(all) {
		t.Errorf("limit -1: %d results, want all %d", len(got), len(all))
	}
}

// TestDeterministic checks that the same search gives the same results,
// also when run concurrently (run with -race).
func TestDeterministic(t *testing.T) {
	e := New(directory.Seed)
	queries := []string{"platform", "reliability", "tech", "deploy", "govuk", "access"}
	want := map[string][]Result{}
	for _, q := range queries {
		want[q] = e.Search(q, 0)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for _, q := range queries {
				if got := e.Search(q, 0); !equalResults(got, want[q]) {
					t.Errorf("%q: results changed between runs", q)
				}
			}
		})
	}
	wg.Wait()
}

// TestEmptyDirectory checks that nothing to search finds nothing.
func TestEmptyDirectory(t *testing.T) {
	for _, d := range []*directory.Directory{nil, {}, {Contacts: []directory.Contact{{ID: "empty"}}}} {
		if rs := New(d).Search("kubernetes", 10); len(rs) != 0 {
			t.Errorf("got %d results, want none", len(rs))
		}
	}
}

func channels(rs []Result) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Contact.Channel)
	}
	return out
}

func equalResults(a, b []Result) bool {
	return slices.EqualFunc(a, b, func(x, y Result) bool {
		return x.Contact == y.Contact && x.Score == y.Score &&
			slices.EqualFunc(x.Matches, y.Matches, func(m, n Match) bool {
				return m.Field == n.Field && m.Index == n.Index && m.Text == n.Text && slices.Equal(m.Ranges, n.Ranges)
			})
	})
}

// checkResults checks the invariants of any search's results: at most
// limit, best first with ties in directory order, contacts from d, every
// match a text of its contact, ranges in rune offsets within the text,
// sorted, non-empty, neither overlapping nor touching.
func checkResults(t testing.TB, d *directory.Directory, rs []Result, limit int) {
	t.Helper()
	if limit > 0 && len(rs) > limit {
		t.Errorf("%d results, limit %d", len(rs), limit)
	}
	entries := d.Entries()
	index := func(r Result) int { // the result's entry, in directory order
		for i := range entries {
			if entries[i].Contact.ID == r.Entry.Contact.ID && entries[i].Contact.Channel == r.Entry.Contact.Channel {
				return i
			}
		}
		return -1
	}
	for i, r := range rs {
		ei := index(r)
		if ei < 0 {
			t.Fatalf("result %d: %q is not an entry of the directory", i, r.Contact.ID)
		}
		if ei < len(d.Contacts) && r.Contact != &d.Contacts[ei] {
			t.Fatalf("result %d: contact %q does not point into the directory", i, r.Contact.ID)
		}
		if i > 0 {
			prev := rs[i-1]
			if prev.Score < r.Score || prev.Score == r.Score && index(prev) > ei {
				t.Errorf("results %d and %d out of order: %d then %d", i-1, i, prev.Score, r.Score)
			}
		}
		sum := r.Why.Bonus
		if r.Why.Item != nil {
			sum += r.Why.Item.Bonus
		}
		for _, ts := range r.Why.Terms {
			sum += ts.Points
		}
		if sum != r.Score {
			t.Errorf("result %d (%s): score %d, but Why adds up to %d: %+v", i, r.Contact.ID, r.Score, sum, r.Why)
		}
		if len(r.Matches) == 0 {
			t.Errorf("result %d (%s) has no matches", i, r.Contact.ID)
		}
		for _, m := range r.Matches {
			if !isFieldOf(d, r.Entry, m) {
				t.Errorf("result %d: match %s[%d] %q is not a text of %s", i, m.Field, m.Index, m.Text, r.Contact.ID)
			}
			n := len([]rune(m.Text))
			for j, rg := range m.Ranges {
				if rg[0] < 0 || rg[1] > n || rg[0] >= rg[1] {
					t.Errorf("match %q: range %v outside [0,%d] or empty", m.Text, rg, n)
				}
				if j > 0 && rg[0] <= m.Ranges[j-1][1] {
					t.Errorf("match %q: ranges %v not sorted and merged", m.Text, m.Ranges)
				}
			}
		}
	}
}

// isFieldOf reports whether m is one of entry en's texts. Vocabulary
// terms come from the vocabulary, so only their field name is checked.
func isFieldOf(d *directory.Directory, en *directory.Entry, m Match) bool {
	c := &en.Contact
	switch m.Field {
	case FieldName:
		return m.Text == c.Name
	case FieldChannel:
		return m.Text == c.Channel || slices.Contains(c.Channels, m.Text) || slices.Contains(en.Owners, m.Text)
	case FieldEmail:
		return m.Text == c.Email
	case FieldSummary:
		return m.Text == c.Summary
	case FieldResponsibility:
		return m.Index >= 0 && m.Index < len(c.Responsibilities) && c.Responsibilities[m.Index] == m.Text
	case FieldVocabulary:
		return m.Text != ""
	case FieldRepo, FieldApp, FieldRepoType, FieldRepoDescription:
		if !slices.Contains(en.Repos, m.Index) {
			return false
		}
		r := d.Repos[m.Index]
		return m.Text == map[string]string{FieldRepo: r.Name, FieldRepoType: r.Type, FieldRepoDescription: r.Description}[m.Field] ||
			m.Field == FieldApp && slices.Contains(r.Apps, m.Text)
	case FieldPage, FieldHeading, FieldText:
		if !slices.Contains(en.Pages, m.Index) {
			return false
		}
		p := d.Manual[m.Index]
		return m.Field == FieldPage && m.Text == p.Title || m.Field == FieldHeading && slices.Contains(p.Headings, m.Text) ||
			m.Field == FieldText && strings.Contains(" "+p.Words+" ", " "+m.Text+" ")
	}
	return false
}

// TestShortPrefixOfTextWords: two letters do not begin a word that only a
// page's text holds (minTextPrefixRunes), three do, the whole word does;
// two letters still begin a title's words.
func TestShortPrefixOfTextWords(t *testing.T) {
	d := &directory.Directory{
		PageURL:  directory.ManualURL + "ask-for-help.html",
		Contacts: []directory.Contact{{ID: "ops", Name: "Operations", Channel: "#ops"}},
		Manual: []directory.ManualPage{{Title: "Rotate keys", URL: directory.ManualURL + "rotate.html", Owner: "#ops",
			Words: "configuration credentials"}},
	}
	e := New(d)
	for _, tc := range []struct {
		q    string
		want bool
	}{
		{"co", false}, {"con", true}, {"configuration", true}, {"ro", true},
	} {
		if got := len(e.Search(tc.q, 1)) > 0; got != tc.want {
			t.Errorf("%q found the page: %v, want %v", tc.q, got, tc.want)
		}
	}
}
