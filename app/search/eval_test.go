//go:build !wasm

package search

import (
	"github.com/alphagov/askforhelp/internal/testenv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// targets are the least hit@1 and MRR each file of ../shared/eval must
// reach; the questions as people type them (questions-*.tsv) are held at
// today's level (issue 20 asks for 85%: see the README).
var targets = map[string][2]float64{
	"queries.tsv":        {1, 1},
	"owners.tsv":         {1, 1},
	"owners-2026.tsv":    {0.95, 0.97},
	"questions-2024.tsv": {0.80, 0.85},
	"questions-2026.tsv": {0.75, 0.85},
}

// TestRelevance reports hit@1 and MRR on each file of shared labelled
// queries, as ../shared/eval/relevance does through the CLI: each file is
// searched on the docs version its "# docs:" line names, and fails below
// its target. A file without a target must reach 95% and 0.97.
func TestRelevance(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(testenv.Shared(t, "eval"), "*.tsv"))
	if len(files) == 0 {
		t.Fatal("no labelled queries (*.tsv) in ../shared/eval")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var e *Engine
			var qs []labelled
			for i, line := range strings.Split(string(data), "\n") {
				if v, ok := strings.CutPrefix(line, "# docs:"); ok && e == nil {
					e = New(snapshot(t, strings.Fields(v)[0]))
				}
				if line == "" || strings.HasPrefix(line, "#") {
					continue
				}
				if e == nil {
					t.Fatalf("%s:%d: a query before the \"# docs:\" line that names the version", file, i+1)
				}
				q, ok, found := strings.Cut(line, "\t")
				if !found {
					t.Fatalf("%s:%d: no tab in %q", file, i+1, line)
				}
				accepted := strings.Split(strings.ToLower(ok), "|")
				qs = append(qs, labelled{q, ok, func(r Result) bool {
					return containsAny(strings.ToLower(r.Contact.Channel+" "+r.Contact.Email+" "+r.Contact.URL), accepted)
				}})
			}
			if len(qs) == 0 {
				t.Fatalf("%s: no queries", file)
			}
			hit1, mrr := measure(t, e, qs)
			want, ok := targets[filepath.Base(file)]
			if !ok {
				want = [2]float64{0.95, 0.97}
			}
			if hit1 < want[0] || mrr < want[1] {
				t.Errorf("below target: hit@1 %.2f (want >= %.2f), MRR %.3f (want >= %.2f)", hit1, want[0], mrr, want[1])
			}
		})
	}
}

// labelled is a query and how to tell its right answer (label says it,
// for messages).
type labelled struct {
	query, label string
	right        func(Result) bool
}

// measure searches every query of qs with e and logs each miss and the
// totals: the share right at rank 1, and the mean reciprocal rank of the
// first right result in the top 10.
func measure(t *testing.T, e *Engine, qs []labelled) (hit1, mrr float64) {
	t.Helper()
	var hits int
	var rr float64
	for _, q := range qs {
		rank := 0
		for i, r := range e.Search(q.query, 10) {
			if q.right(r) {
				rank = i + 1
				break
			}
		}
		if rank == 1 {
			hits++
		} else {
			t.Logf("miss %q (%s): right answer at rank %d (0: absent); got %v", q.query, q.label, rank, top(e, q.query, 3))
		}
		if rank > 0 {
			rr += 1 / float64(rank)
		}
	}
	n := float64(len(qs))
	t.Logf("hit@1 %d/%d (%.0f%%) MRR %.3f", hits, len(qs), 100*float64(hits)/n, rr/n)
	return float64(hits) / n, rr / n
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
