package search

import (
	"os"
	"strings"
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
)

// queriesFile is the shared labelled queries the relevance script scores.
const queriesFile = "../../../shared/eval/queries.tsv"

// TestRelevance reports hit@1 and MRR on the shared labelled queries, as
// ../shared/eval/relevance does through the CLI, and fails below the
// issue's targets.
func TestRelevance(t *testing.T) {
	data, err := os.ReadFile(queriesFile)
	if err != nil {
		t.Skipf("no labelled queries: %v", err)
	}
	e := New(directory.Seed)
	var n, hits int
	var rr float64
	for line := range strings.SplitSeq(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		q, ok, found := strings.Cut(line, "\t")
		if !found {
			t.Fatalf("%s: no tab in %q", queriesFile, line)
		}
		n++
		rank := 0
		for i, r := range e.Search(q, 10) {
			key := strings.ToLower(r.Contact.Channel + " " + r.Contact.Email + " " + r.Contact.URL)
			if containsAny(key, strings.Split(strings.ToLower(ok), "|")) {
				rank = i + 1
				break
			}
		}
		if rank == 1 {
			hits++
		} else {
			t.Logf("miss %q: right answer at rank %d (0: absent); got %v", q, rank, top(e, q, 3))
		}
		if rank > 0 {
			rr += 1 / float64(rank)
		}
	}
	hit1, mrr := float64(hits)/float64(n), rr/float64(n)
	t.Logf("hit@1 %d/%d (%.0f%%) MRR %.3f", hits, n, 100*hit1, mrr)
	if hit1 < 0.95 || mrr < 0.97 {
		t.Errorf("below target: hit@1 %.2f (want >= 0.95), MRR %.3f (want >= 0.97)", hit1, mrr)
	}
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// top is the channels of the first n results, for messages.
func top(e *Engine, q string, n int) []string {
	var out []string
	for _, r := range e.Search(q, n) {
		out = append(out, r.Contact.Channel)
	}
	return out
}
