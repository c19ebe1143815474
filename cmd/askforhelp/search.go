//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/search"
)

// jsonResult is one search result as `search --json` prints it: the
// contract other tools rely on (see README).
type jsonResult struct {
	Team    string      `json:"team"`
	Channel string      `json:"channel"`
	URL     string      `json:"url"`
	Email   string      `json:"email,omitempty"`
	Score   int         `json:"score"`
	ID      string      `json:"id"`
	Kind    string      `json:"kind"`
	Section string      `json:"section_url"`
	Matches []jsonMatch `json:"matches"`
	Why     jsonWhy     `json:"why"`
}

// jsonWhy is how a result's score adds up (search.Why).
type jsonWhy struct {
	Terms []jsonTerm `json:"terms"`
	Bonus int        `json:"bonus"`
	Item  *jsonItem  `json:"item,omitempty"`
}

// jsonItem is search.ItemScore with the item's text.
type jsonItem struct {
	Field string `json:"field"`
	Text  string `json:"text"`
	Terms int    `json:"terms"`
	Of    int    `json:"of"`
	Bonus int    `json:"bonus"`
}

type jsonTerm struct {
	Term    string `json:"term"`
	Match   int    `json:"match"`
	Rarity  int    `json:"rarity"`
	Covered bool   `json:"covered"`
	Item    bool   `json:"item"`
	Synonym bool   `json:"synonym"`
	Share   int    `json:"share"`
	Points  int    `json:"points"`
}

type jsonMatch struct {
	Field  string   `json:"field"`
	Text   string   `json:"text"`
	Ranges [][2]int `json:"ranges"`
}

func searchCmd(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("search", "[--json] [--limit N] [--page FILE | --docs DIR] QUERY...", stderr)
	asJSON := fs.Bool("json", false, "print a JSON array")
	limit := fs.Int("limit", 5, "show at most `N` contacts (0: all)")
	page := fs.String("page", "", "search this manual page instead of the embedded data")
	docs := fs.String("docs", "", "search this govuk-developer-docs checkout (`DIR`) instead of the embedded data")
	words, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(words) == 0 {
		fs.Usage()
		return fmt.Errorf("%w: search needs a query", errUsage)
	}
	if *limit < 0 {
		return fmt.Errorf("%w: --limit must be 0 or more, not %d", errUsage, *limit)
	}
	d, err := loadDirectory(*page, *docs)
	if err != nil {
		return err
	}
	query := strings.Join(words, " ")
	results := search.New(d).Search(query, *limit)

	var out bytes.Buffer
	if *asJSON {
		list := make([]jsonResult, 0, len(results))
		for _, r := range results {
			c := r.Contact
			jr := jsonResult{
				Team: c.Name, Channel: c.Channel, URL: c.URL, Email: c.Email, Score: r.Score,
				ID: c.ID, Kind: string(c.Kind), Section: d.SectionURL(c), Matches: []jsonMatch{},
				Why: jsonWhy{Terms: []jsonTerm{}, Bonus: r.Why.Bonus},
			}
			for _, t := range r.Why.Terms {
				jr.Why.Terms = append(jr.Why.Terms, jsonTerm(t))
			}
			if it := r.Why.Item; it != nil {
				jr.Why.Item = &jsonItem{Field: it.Field, Text: itemText(d, it), Terms: it.Terms, Of: it.Of, Bonus: it.Bonus}
			}
			if jr.URL == "" {
				jr.URL = jr.Section
			}
			for _, m := range r.Matches {
				ranges := m.Ranges
				if ranges == nil {
					ranges = [][2]int{}
				}
				jr.Matches = append(jr.Matches, jsonMatch{Field: m.Field, Text: m.Text, Ranges: ranges})
			}
			list = append(list, jr)
		}
		enc := json.NewEncoder(&out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(list); err != nil {
			return err
		}
	} else if len(results) == 0 {
		fmt.Fprintf(&out, "No team matches %q. Ask, in this order: %s.\n", query, escalationHint(d))
	} else {
		for i, r := range results {
			c := r.Contact
			ask := c.Channel
			if ask == "" {
				ask = c.Email
			}
			if ask == "" {
				ask = d.SectionURL(c)
			}
			fmt.Fprintf(&out, "%d. Ask in %s  (%s)\n", i+1, ask, c.Name)
			reasons := r.Reasons(d)
			for _, rs := range reasons[:min(len(reasons), 3)] {
				fmt.Fprintf(&out, "   %s\n", highlight(rs.Text, rs.Ranges))
				for _, l := range rs.Links {
					fmt.Fprintf(&out, "     %s: %s\n", l.Text, l.URL)
				}
			}
		}
	}
	_, err = stdout.Write(out.Bytes())
	return err
}

// escalationHint is the escalation order as one line.
func escalationHint(d *directory.Directory) string {
	var steps []string
	for _, s := range d.Escalation {
		step := s.Text
		if s.Channel != "" && !strings.Contains(step, s.Channel) {
			step += " (" + s.Channel + ")"
		}
		steps = append(steps, step)
	}
	return strings.Join(steps, ", then ")
}

// highlight marks matched runes with [brackets] for a terminal.
func highlight(text string, ranges [][2]int) string {
	runes := []rune(text)
	var b strings.Builder
	pos := 0
	for _, r := range ranges {
		if r[0] < pos || r[1] > len(runes) || r[0] >= r[1] {
			continue
		}
		b.WriteString(string(runes[pos:r[0]]))
		b.WriteString("[" + string(runes[r[0]:r[1]]) + "]")
		pos = r[1]
	}
	b.WriteString(string(runes[pos:]))
	return b.String()
}

// itemText names the item a result's Why counted: a repo's name or a
// manual page's title; "" for anything else (a responsibility).
func itemText(d *directory.Directory, it *search.ItemScore) string {
	switch it.Field {
	case search.FieldRepo, search.FieldApp, search.FieldRepoType, search.FieldRepoDescription:
		return d.Repos[it.Index].Name
	case search.FieldPage, search.FieldHeading, search.FieldText:
		return d.Manual[it.Index].Title
	}
	return ""
}
