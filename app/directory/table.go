package directory

import "strings"

// The repos and manual pages are embedded as tables in one string each, a
// record a line and a field a tab, rather than as Go composite literals:
// in app.wasm each string of a literal costs a 16-byte header and a
// pointer, which took the brotli size from +13 kB (tables) to +28 kB
// (literals) for the 2024 docs. The separators never occur in the data
// (the reader collapses white space and drops control characters), and
// GoSource refuses data that holds them.
const (
	fieldSep  = "\t"
	listSep   = "\x1f"
	recordSep = "\n"
)

// Columns of the tables, in order.
var (
	repoColumns   = []string{"name", "apps", "type", "team", "alerts", "description"}
	manualColumns = []string{"path", "title", "section", "owner", "headings", "words"}
)

// unpackRepos reads a repos table; each repo's URL is its docs page.
func unpackRepos(table string) []Repo {
	var repos []Repo
	for _, f := range records(table, len(repoColumns)) {
		apps := list(f[1])
		if apps == nil {
			apps = []string{} // as the reader makes it: "apps": [] in JSON
		}
		repos = append(repos, Repo{
			Name: f[0], Apps: apps, Type: f[2], Team: f[3], Alerts: f[4], Description: f[5],
			URL: RepoDocsURL + f[0] + ".html",
		})
	}
	return repos
}

// unpackManual reads a manual table; a page's path is its URL under
// ManualURL without ".html".
func unpackManual(table string) []ManualPage {
	var pages []ManualPage
	for _, f := range records(table, len(manualColumns)) {
		pages = append(pages, ManualPage{
			Title: f[1], URL: ManualURL + f[0] + ".html", Section: f[2], Owner: f[3], Headings: list(f[4]), Words: f[5],
		})
	}
	return pages
}

// records splits a table into records of n fields.
func records(table string, n int) [][]string {
	var out [][]string
	for _, line := range strings.Split(strings.TrimSuffix(table, recordSep), recordSep) {
		if line == "" {
			continue
		}
		f := strings.SplitN(line, fieldSep, n)
		for len(f) < n {
			f = append(f, "")
		}
		out = append(out, f)
	}
	return out
}

func list(field string) []string {
	if field == "" {
		return nil
	}
	return strings.Split(field, listSep)
}
