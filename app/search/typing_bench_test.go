package search

import (
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
)

// BenchmarkSearchTyping searches what a page searches as someone types:
// short prefixes, which begin hundreds of the full data's words, are the
// slowest queries of all.
func BenchmarkSearchTyping(b *testing.B) {
	typingLoop(b, New(directory.Seed))
}

// BenchmarkSearchTypingWhole is BenchmarkSearchTyping once the app has the
// words file: every word of each page (wholeSeed).
func BenchmarkSearchTypingWhole(b *testing.B) {
	typingLoop(b, New(wholeSeed(b)))
}

// typingLoop searches, per op, what is typed on the way to three queries.
func typingLoop(b *testing.B, e *Engine) {
	typed := []string{"da", "dat", "data", "database", "database mig", "wh", "whi", "whiteh", "co", "con", "content st"}
	for b.Loop() {
		for _, q := range typed {
			e.Search(q, 8)
		}
	}
}
