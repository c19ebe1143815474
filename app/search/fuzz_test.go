//go:build !wasm

package search

import (
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
)

// FuzzSearch checks the invariants of any search over the seed directory
// and over a directory whose texts are the fuzzed string itself: no panic,
// at most limit results, best first, ranges in rune offsets within their
// text. Run with: go test -fuzz FuzzSearch ./app/search
func FuzzSearch(f *testing.F) {
	for _, q := range []string{
		"database migration", "kubernets", "how do I migrate my database", "k8s",
		"zzqx", "", "🚀 ku\u0301be", "govuk-user-reviewer", "ci/cd", "don’t",
		"\x00\xff\xfe", "a b c d e f g h i j k l m n o p q r", "out of hours",
	} {
		f.Add(q, "manages the Kubernetes clusters and base images 🚀 don’t", 3)
	}
	seed := New(directory.Seed)
	f.Fuzz(func(t *testing.T, query, text string, limit int) {
		limit = limit % 20
		checkResults(t, directory.Seed, seed.Search(query, limit), limit)

		// The fuzzed text as every field, searched for itself and for the query.
		d := &directory.Directory{Contacts: []directory.Contact{
			{ID: "a", Name: text, Channel: "#" + text, Summary: text, Responsibilities: []string{text, query}},
			{ID: "b", Email: text, Responsibilities: []string{"kubernetes " + text}},
		}}
		e := New(d)
		checkResults(t, d, e.Search(query, limit), limit)
		checkResults(t, d, e.Search(text, limit), limit)
	})
}
