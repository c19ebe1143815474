//go:build !wasm

package main

import (
	"math"
	"strings"
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

// TestFormatReference: the floor table has a row per page and a column per
// visit, medians of the runs with each of the widget's and its engine's
// ratio to the floor, the number of runs where some failed, what the
// widget adds to its engine, and the verdicts.
func TestFormatReference(t *testing.T) {
	runs := func(cold, warm []float64) []pageRun {
		var rs []pageRun
		for i := range cold {
			r := pageRun{Cold: visit{Answer: cold[i]}, Warm: visit{Answer: -1}}
			if warm != nil {
				r.Warm.Answer = warm[i]
			}
			rs = append(rs, r)
		}
		return rs
	}
	rep := &report{
		Pages: map[string][]pageRun{
			"reference.baseline.fast":       runs([]float64{180, 184, 190}, []float64{89, 80, 95}),
			"reference.floor.fast":          runs([]float64{222, 200, 230}, []float64{122, 120, 130}),
			"reference.widget.fast":         runs([]float64{389, 400, 380}, []float64{193, 190, 200}),
			"reference.floor-engine.fast":   runs([]float64{333, 300, 310}, []float64{150, 160, 170}),
			"reference.baseline.slow4g":     runs([]float64{675, 680, 670}, nil),
			"reference.floor.slow4g":        runs([]float64{2779, 2700}, nil),
			"reference.widget.slow4g":       runs([]float64{3950, 4000, 3900}, nil),
			"reference.floor-engine.slow4g": runs([]float64{3700, 3650, 3600}, nil),
		},
		Reference: &referenceReport{Rounds: 3, FloorAnswer: "#floor", Verdicts: []string{"FAIL  x: y"}},
	}
	got := formatReference(rep)
	for _, want := range []string{
		"| | cold | warm | Slow 4G, cold |\n|---|---:|---:|---:|\n",
		"| Fuse.js page over the same data | 184 ms | 89 ms | 675 ms |\n",
		"| Go wasm floor page | 222 ms | 122 ms | 2,740 ms, 2 runs |\n",
		"| this widget, `askforhelp build` | 389 ms (1.75 × the floor) | 193 ms (1.58 × the floor) | 3,950 ms (1.44 × the floor) |\n",
		"| the floor page answering with the widget's engine and data, read from its index | 310 ms (1.40 × the floor) | 160 ms (1.31 × the floor) | 3,650 ms (1.33 × the floor) |\n",
		"| the same, indexed when the page starts (no index bytes) | n/a, 0 runs | n/a, 0 runs | n/a, 0 runs |\n",
		"cold: the engine 1.40 × the floor, the widget 1.25 × the engine; warm: the engine 1.31 × the floor, the widget 1.21 × the engine; Slow 4G, cold: the engine 1.33 × the floor, the widget 1.08 × the engine.\n",
		"- FAIL  x: y\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in\n%s", want, got)
		}
	}
}
