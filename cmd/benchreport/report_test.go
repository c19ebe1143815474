//go:build !wasm

package main

import (
	"math"
	"testing"
)

// TestParseBench: the engine's figures are the medians of `go test -bench
// -count N` output, by benchmark name without its -GOMAXPROCS suffix.
func TestParseBench(t *testing.T) {
	out := `goos: linux
BenchmarkSearchSeed-2       	    2000	     50000 ns/op	   19959 B/op	     132 allocs/op
BenchmarkSearchSeed-2       	    2000	     70000 ns/op	   19961 B/op	     132 allocs/op
BenchmarkSearchSeed-2       	    2000	     60000 ns/op	   19960 B/op	     132 allocs/op
BenchmarkSearchSynthetic/entries=100-2 	 100	 9000 ns/op
PASS`
	got := parseBench(out)
	if s := got["BenchmarkSearchSeed"]; s == nil || s.NsOp != 60000 || s.BOp != 19960 || s.AllocsOp != 132 || len(s.Samples) != 3 {
		t.Errorf("BenchmarkSearchSeed: %+v", s)
	}
	if s := got["BenchmarkSearchSynthetic/entries=100"]; s == nil || s.NsOp != 9000 {
		t.Errorf("BenchmarkSearchSynthetic/entries=100: %+v", s)
	}
	if len(got) != 2 {
		t.Errorf("%d benchmarks, want 2", len(got))
	}
}

func TestPercentile(t *testing.T) {
	for _, c := range []struct {
		v    []float64
		p    float64
		want float64
	}{
		{[]float64{3, 1, 2}, 50, 2},
		{[]float64{4, 1, 3, 2}, 50, 2.5},
		{[]float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}, 95, 19},
		{nil, 50, math.NaN()},
	} {
		got := percentile(c.v, c.p)
		if got != c.want && !(math.IsNaN(got) && math.IsNaN(c.want)) {
			t.Errorf("percentile(%v, %v) = %v, want %v", c.v, c.p, got, c.want)
		}
	}
}
