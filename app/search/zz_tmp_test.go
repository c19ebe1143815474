package search

import (
	"testing"
)

func BenchmarkTmpWorst(b *testing.B) {
	e := New(synthetic(10000))
	for b.Loop() {
		e.Search("manages supports runs owns monitors deploys builds reviews migrates secures advises triages maintains operates designs tests", 10)
	}
}
