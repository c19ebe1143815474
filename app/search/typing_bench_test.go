package search

import (
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
)

// BenchmarkSearchTyping searches what a page searches as someone types:
// short prefixes, which begin hundreds of the full data's words, are the
// slowest queries of all.
func BenchmarkSearchTyping(b *testing.B) {
	e := New(directory.Seed)
	typed := []string{"da", "dat", "data", "database", "database mig", "wh", "whi", "whiteh", "co", "con", "content st"}
	for b.Loop() {
		for _, q := range typed {
			e.Search(q, 8)
		}
	}
}
