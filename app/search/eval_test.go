package search

import (
	"os"
	"path"
	"strings"
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
)

// labelled are the shared labelled queries the relevance script scores:
// the page's questions and the questions about apps, repos and topics.
var labelled = []string{"../../../shared/eval/queries.tsv", "../../../shared/eval/owners.tsv"}

// TestRelevance reports hit@1 and MRR on each file of shared labelled
// queries over the seed data, as ../shared/eval/relevance does through the
// CLI, and fails below the targets.
func TestRelevance(t *testing.T) {
	e := New(directory.Seed)
	for _, file := range labelled {
		t.Run(path.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Skipf("no labelled queries: %v", err)
			}
			var n, hits int
			var rr float64
			for line := range strings.SplitSeq(string(data), "\n") {
				if line == "" || strings.HasPrefix(line, "#") {
					continue
				}
				q, ok, found := strings.Cut(line, "\t")
				if !found {
					t.Fatalf("%s: no tab in %q", file, line)
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
		})
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

// moreQueries are labelled queries written for this package, beside the
// shared ones: other words for the same needs, to catch a ranking that
// only fits the shared list. Only unambiguous questions are here.
var moreQueries = []struct{ query, want string }{
	{"helm charts", pe}, {"argo cd", pe}, {"container images", pe}, {"docker image", pe},
	{"mysql", pe}, {"rds", pe}, {"upgrade postgres", pe}, {"moving to a new database", pe},
	{"kubernetes cluster upgrade", pe}, {"who runs kubernetes", pe}, {"pods", pe},
	{"continuous deployment", pe}, {"github actions", pe}, {"build release", pe}, {"rollout", pe},
	{"alerting", pe}, {"grafana dashboards", pe}, {"advice on monitoring", pe},
	{"architecture advice", pe}, {"low maintenance", pe}, {"software lifecycle", pe},
	{"efficiency", pe}, {"moniotring", pe}, {"kubernetse", pe}, {"relese", pe},
	{"terraform", psr}, {"aws infra", psr}, {"iam", psr}, {"access control automation", psr},
	{"who do I ask about security", psr}, {"secruity", psr}, {"infrastructre", psr},
	{"site down", secondL}, {"broken", secondL}, {"major incident", secondL},
	{"who is on call", secondL}, {"out of hours", secondL}, {"triage technical issues", secondL},
	{"sufficient access to deploy", secondL}, {"second line", secondL}, {"2nd line support", secondL},
	{"sre", secondL}, {"hosting platform", secondL},
	{"specialist knowledge", devs}, {"dev community", devs}, {"missions delivered", devs},
	{"ruby", devs},
	{"technical lead", techLeads}, {"tl", techLeads}, {"lead developer", techLeads},
	{"senior tech team", senior}, {"mailing list", senior}, {"ping senior tech", senior},
	{"head of technology", senior},
}

// TestRelevanceMore checks moreQueries over the page alone: each must rank
// its contact first.
func TestRelevanceMore(t *testing.T) {
	e := New(pageOnly)
	for _, q := range moreQueries {
		rs := e.Search(q.query, 3)
		if len(rs) == 0 || rs[0].Contact.Channel != q.want {
			t.Errorf("%q: got %v, want %s first", q.query, channels(rs), q.want)
		}
	}
}
