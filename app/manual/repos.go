//go:build !wasm

package manual

import (
	"slices"
	"sort"

	"github.com/alphagov/askforhelp/app/directory"
	"go.yaml.in/yaml/v3"
)

// ParseRepos reads data/repos.yml: a list of entries, one per repo or per
// app of a repo. It takes every version since 2022: the name is repo_name
// (github_repo_name in early 2022); app_name, alerts_team,
// dependencies_team and retired come and go; a team may be missing or null.
// Entries for one repo under several app names (licensify) become one repo
// with its apps; retired entries are left out. The repos are sorted by
// name. name is the file name used in errors.
func ParseRepos(name string, src []byte) ([]directory.Repo, error) {
	if err := checkText(name, src); err != nil {
		return nil, err
	}
	top, err := parseYAML(name, src, 0)
	if err != nil {
		return nil, err
	}
	if top == nil {
		return nil, &Error{File: name, Msg: "no repos: expected a list of entries with a repo_name"}
	}
	if top.Kind != yaml.SequenceNode {
		return nil, &Error{File: name, Line: top.Line, Msg: "expected a list of repos, found " + kindName(top)}
	}
	byName := map[string]int{}
	var repos []directory.Repo
	for _, entry := range top.Content {
		e, err := readEntry(name, entry)
		if err != nil {
			return nil, err
		}
		if e.retired {
			continue
		}
		i, seen := byName[e.repo]
		if !seen {
			i = len(repos)
			byName[e.repo] = i
			repos = append(repos, directory.Repo{Name: e.repo, URL: directory.RepoDocsURL + e.repo + ".html"})
		}
		merge(&repos[i], e)
	}
	for i := range repos {
		if repos[i].Apps == nil {
			repos[i].Apps = []string{} // "apps": [] in JSON
		}
	}
	sort.Slice(repos, func(i, j int) bool { return repos[i].Name < repos[j].Name })
	return repos, nil
}

// entry is what the reader keeps of one entry of repos.yml.
type entry struct {
	repo, app, typ, team, alerts, description string
	retired                                   bool
}

func readEntry(name string, n *yaml.Node) (entry, error) {
	var e entry
	if n.Kind != yaml.MappingNode {
		return e, &Error{File: name, Line: n.Line, Msg: "expected a repo (repo_name: ...), found " + kindName(n)}
	}
	var altName, depsTeam, retired string
	targets := map[string]*string{
		"repo_name":         &e.repo,
		"github_repo_name":  &altName,
		"app_name":          &e.app,
		"type":              &e.typ,
		"team":              &e.team,
		"alerts_team":       &e.alerts,
		"dependencies_team": &depsTeam,
		"description":       &e.description,
		"retired":           &retired,
	}
	// A key given twice takes its last value, as in Ruby's YAML, which
	// the docs site reads these files with (the 2024 repos.yml has one).
	for _, f := range fields(n) {
		p := targets[f.key.Value]
		if p == nil {
			continue
		}
		v, err := scalar(name, f)
		if err != nil {
			return e, err
		}
		*p = v
	}
	if e.repo == "" {
		e.repo = altName
	}
	if e.repo == "" {
		return e, &Error{File: name, Line: n.Line, Msg: "a repo without a name: expected repo_name (or github_repo_name)"}
	}
	if e.alerts == "" {
		e.alerts = depsTeam
	}
	e.retired = truthy(retired)
	return e, nil
}

// merge adds an entry to its repo: its app name, and whatever the repo
// does not have yet.
func merge(r *directory.Repo, e entry) {
	if e.app != "" && e.app != r.Name && !slices.Contains(r.Apps, e.app) {
		r.Apps = append(r.Apps, e.app)
	}
	for _, f := range []struct {
		dst *string
		src string
	}{
		{&r.Type, e.typ}, {&r.Team, e.team}, {&r.Alerts, e.alerts}, {&r.Description, e.description},
	} {
		if *f.dst == "" {
			*f.dst = f.src
		}
	}
}
