package search

import (
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
)

// seedQueries are representative queries: words, questions, typos,
// synonyms, a miss.
var seedQueries = []string{
	"database migration",
	"who manages base images",
	"how do I migrate my database",
	"kubernets",
	"k8s",
	"email senior tech",
	"zzqx",
}

// BenchmarkSearchSeed is one query (cycling through seedQueries) on the
// embedded data, in full: the Ask for help page's contacts, every repo and
// every manual page. Target: under 1 ms in wasm.
func BenchmarkSearchSeed(b *testing.B) {
	searchLoop(b, New(directory.Seed))
}

// BenchmarkSearchWhole is BenchmarkSearchSeed with every word of each
// manual page (the words file, app/directory/words.txt), as the app
// searches once it has fetched it.
func BenchmarkSearchWhole(b *testing.B) {
	searchLoop(b, New(wholeSeed(b)))
}

// BenchmarkNewWhole is indexing the data with the words file: what the app
// does once, on the page's thread, when the file arrives.
func BenchmarkNewWhole(b *testing.B) {
	d := wholeSeed(b)
	b.ReportAllocs()
	for b.Loop() {
		New(d)
	}
}

// wholeSeed is the embedded data with the words file, read from its file
// so that the benchmark runs in wasm too (directory.Whole is not linked
// there).
func wholeSeed(b *testing.B) *directory.Directory {
	f, err := os.ReadFile("../directory/words.txt")
	if err != nil {
		b.Fatal(err)
	}
	words, err := directory.ParseWords(f)
	if err != nil {
		b.Fatal(err)
	}
	return directory.Seed.WithWords(words)
}

// BenchmarkSearchPageOnly is BenchmarkSearchSeed on the Ask for help page
// alone (no repos, no manual pages), the data the widget had before the
// docs: what the repos and pages cost the search.
func BenchmarkSearchPageOnly(b *testing.B) {
	d := *directory.Seed
	d.Repos, d.Manual = nil, nil
	searchLoop(b, New(&d))
}

// searchLoop runs e.Search on seedQueries in turn, one query per op.
func searchLoop(b *testing.B, e *Engine) {
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		e.Search(seedQueries[i%len(seedQueries)], 10)
		i++
	}
}

// BenchmarkSearchSynthetic is one query on a synthetic directory of N
// responsibilities, one contact each. Target: under 20 ms for 10,000 in wasm.
func BenchmarkSearchSynthetic(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		b.Run("entries="+strconv.Itoa(n), func(b *testing.B) {
			searchLoop(b, New(synthetic(n)))
		})
	}
}

// oddInputs are pasted junk and extremes that the search must take in its
// stride (TestOddInput, BenchmarkOddInput).
var oddInputs = []struct {
	name, query string
	found       bool // some result expected
}{
	{"empty", "", false},
	{"spaces", "   \t\n ", false},
	{"10,000 characters", strings.Repeat("kubernetes database ", 500)[:10000], true},
	{"10,000 letters, one word", strings.Repeat("k", 10000), false},
	{"10,000 separators", strings.Repeat("-/.", 3334), false},
	{"emoji", "🚀🔥 kubernetes 👩‍💻", true},
	{"emoji only", "👩‍💻👨‍👩‍👧‍👦🏳️‍🌈", false},
	{"combining accents", "ku\u0301bernetes", true},
	{"lone combining marks", "\u0301\u0301 \u0308", false},
	{"control characters", "kube\x00rnetes\x1b[31m\x7f", true},
	{"invalid UTF-8", "kubernetes\xff\xfe", true},
	{"right-to-left text", "\u202ekubernetes\u202c", true},
	{"many words", strings.Repeat("a b c d e f g h i j k l m n o p q r s t u v w x y z ", 20), false},
	{"words beyond the 16th are ignored", "zqa zqb zqc zqd zqe zqf zqg zqh zqi zqj zqk zql zqm zqn zqo zqp kubernetes", false},
}

// BenchmarkOddInput is every one of oddInputs on the seed data, one op for
// them all: the 10,000-character queries must stay in the milliseconds.
func BenchmarkOddInput(b *testing.B) {
	e := New(directory.Seed)
	b.ReportAllocs()
	for b.Loop() {
		for _, in := range oddInputs {
			e.Search(in.query, 10)
		}
	}
}

// BenchmarkNew is the cost of indexing the seed directory.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		New(directory.Seed)
	}
}

// BenchmarkLoadIndex is the cost of reading the seed directory's engine
// from its index (what cmd/answer does) rather than indexing it (New).
func BenchmarkLoadIndex(b *testing.B) {
	index := string(MarshalIndex(New(directory.Seed)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadIndex(directory.Seed, index); err != nil {
			b.Fatal(err)
		}
	}
}

// syntheticWords make up the synthetic responsibilities: the field's
// words, the seed page's own, and filler.
var syntheticWords = strings.Fields(`
manages supports runs owns monitors deploys builds reviews migrates secures
advises triages maintains operates designs tests releases documents
kubernetes clusters base images database databases migration monitoring alerting
security reliability efficiency infrastructure aws access control automation
ci cd build release rollout pipeline incidents issues changes applications
platform hosting frontend backend api search publishing content assets cache
queue workers logs metrics dashboards certificates dns cdn network storage
backups costs performance capacity scaling upgrades dependencies libraries
the and of for with to on in across between from via
long-term short-term safely efficiently quickly every some all multiple other
teams services apps tools systems processes reports requests data users`)

// synthetic builds a directory of n contacts, each with one responsibility
// of 6 to 17 words drawn from syntheticWords with a fixed seed.
func synthetic(n int) *directory.Directory {
	rng := rand.New(rand.NewPCG(1, 2))
	d := &directory.Directory{Contacts: make([]directory.Contact, n)}
	for i := range d.Contacts {
		ws := make([]string, 6+rng.IntN(12))
		for j := range ws {
			ws[j] = syntheticWords[rng.IntN(len(syntheticWords))]
		}
		id := "team-" + strconv.Itoa(i)
		d.Contacts[i] = directory.Contact{
			ID:               id,
			Name:             "Team " + syntheticWords[rng.IntN(len(syntheticWords))] + " " + strconv.Itoa(i),
			Channel:          "#" + id,
			Responsibilities: []string{strings.Join(ws, " ")},
		}
	}
	return d
}
