package seedindex

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/search"
	"github.com/alphagov/askforhelp/internal/testenv"
)

// TestIndexIsFresh fails when index_gen.go is not what `make index` makes
// of directory.Seed and the vocabulary: the index must never drift from
// the data and the code that read it.
func TestIndexIsFresh(t *testing.T) {
	want := GoSource(search.MarshalIndex(search.New(directory.Seed)))
	got, err := os.ReadFile("index_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Fatal("app/search/seedindex/index_gen.go is stale: run `make index` to regenerate it")
	}
}

// few are queries with a few of every kind of match, beside the shared
// labelled ones.
var few = []string{"", "da", "migrating", "databse", "kubernets", "infrastructre", "email-alert",
	"k8s postgres", "on call", "gov.uk", "CI/CD", "whitehall", "zzqx", "don’t", "café"}

// labelled are the shared labelled queries of ../shared/eval (as
// app/search's relevance tests read them).
func labelled(t *testing.T) []string {
	var qs []string
	for _, name := range []string{"queries.tsv", "owners.tsv"} {
		data, err := os.ReadFile(testenv.Shared(t, "eval", name))
		if err != nil {
			t.Fatal(err)
		}
		for line := range strings.SplitSeq(string(data), "\n") {
			if q, _, ok := strings.Cut(line, "\t"); ok && !strings.HasPrefix(line, "#") {
				qs = append(qs, q)
			}
		}
	}
	return qs
}

// typed are qs, each word's prefixes as typed, and slips in them (a letter
// dropped, swapped, doubled or changed).
func typed(qs []string) []string {
	var out []string
	for _, q := range qs {
		out = append(out, q)
		rs := []rune(q)
		for n := 1; n < len(rs); n++ {
			out = append(out, string(rs[:n]))
		}
		for i := 1; i+1 < len(rs); i += 3 {
			out = append(out,
				string(rs[:i])+string(rs[i+1:]),                               // dropped
				string(rs[:i])+string(rs[i+1])+string(rs[i])+string(rs[i+2:]), // swapped
				string(rs[:i])+string(rs[i])+string(rs[i:]),                   // doubled
				string(rs[:i])+"x"+string(rs[i+1:]),                           // changed
			)
		}
	}
	return out
}

// TestEngineAnswersAsNew: the engine read from the index answers every
// query exactly as search.New's does: the same results, scores, reasons
// and highlighted matches.
func TestEngineAnswersAsNew(t *testing.T) {
	got, err := Engine()
	if err != nil {
		t.Fatal(err)
	}
	want := search.New(directory.Seed)
	tests := []struct {
		name    string
		queries func(t *testing.T) []string
		atLeast int // queries once typed: fewer means the list was not read
	}{
		{"few", func(*testing.T) []string { return few }, 100},
		{"labelled", labelled, 1000}, // skipped without ../shared, but not in CI
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := typed(tt.queries(t))
			t.Logf("%d queries", len(qs))
			if len(qs) < tt.atLeast {
				t.Errorf("only %d queries, want at least %d", len(qs), tt.atLeast)
			}
			for _, q := range qs {
				if a, b := got.Search(q, 0), want.Search(q, 0); !reflect.DeepEqual(a, b) {
					t.Errorf("%q: the loaded engine answers differently from search.New's", q)
				}
			}
		})
	}
	if !reflect.DeepEqual(got.Entries(), want.Entries()) {
		t.Error("the entries differ")
	}
}
