//go:build !wasm

package main

import (
	"encoding/json"
	"strings"

	"github.com/alphagov/askforhelp/app/directory"
)

// baselineEntry is one team as the baseline searches it: everything the
// widget's engine reads about it, as plain text.
type baselineEntry struct {
	Name    string   `json:"name"`
	Channel string   `json:"channel"`
	Email   string   `json:"email,omitempty"`
	Summary string   `json:"summary,omitempty"`
	Does    []string `json:"does,omitempty"`
	Repos   []string `json:"repos,omitempty"`
	Pages   []string `json:"pages,omitempty"`
}

// baselineData is d's teams (directory.Entries: the Ask for help page's
// contacts, then every other channel that owns a repo or maintains a manual
// page), with their responsibilities, the repos they own (name, apps, type,
// description) and the manual pages they maintain (title, section,
// headings), as the JSON the baseline's data.js assigns.
func baselineData(d *directory.Directory) ([]byte, error) {
	var out []baselineEntry
	for _, e := range d.Entries() {
		c := e.Contact
		b := baselineEntry{Name: c.Name, Channel: c.Channel, Email: c.Email, Summary: c.Summary, Does: c.Responsibilities}
		if b.Channel == "" {
			b.Channel = c.Email
		}
		for _, i := range e.Repos {
			r := d.Repos[i]
			b.Repos = append(b.Repos, strings.Join(append(append([]string{r.Name}, r.Apps...), r.Type, r.Description), " "))
		}
		for _, i := range e.Pages {
			p := d.Manual[i]
			b.Pages = append(b.Pages, strings.Join(append([]string{p.Title, p.Section}, p.Headings...), " "))
		}
		out = append(out, b)
	}
	return json.Marshal(out)
}
