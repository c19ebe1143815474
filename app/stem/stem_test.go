package stem

import "testing"

func TestStem(t *testing.T) {
	// Each group must share one stem.
	groups := [][]string{
		{"migrate", "migrates", "migrating", "migrated", "migration", "migrations"},
		{"database", "databases"},
		{"image", "images"},
		{"deploy", "deploys", "deploying", "deployed", "deployment", "deployments"},
		{"monitor", "monitors", "monitoring", "monitored"},
		{"manage", "manages", "managing", "managed", "management"},
		{"review", "reviews", "reviewer", "reviewing"},
		{"triage", "triages", "triaging", "triaged"},
		{"secure", "security"},
		{"reliable", "reliability"},
		{"efficient", "efficiency", "efficiently"},
		{"specialise", "specialised", "specialize", "specialized"},
		{"run", "running", "runs"},
		{"call", "calls", "called", "calling"},
		{"engineer", "engineers", "engineering"},
		{"policy", "policies"},
		{"process", "processes"},
	}
	for _, g := range groups {
		want := Of(g[0])
		for _, w := range g[1:] {
			if got := Of(w); got != want {
				t.Errorf("Of(%q) = %q, want %q like Of(%q)", w, got, want, g[0])
			}
		}
	}
	// Words that must stay apart, and short words left alone.
	for _, pair := range [][2]string{{"engine", "engineer"}, {"base", "basis"}, {"us", "use"}} {
		if Of(pair[0]) == Of(pair[1]) {
			t.Errorf("Of(%q) == Of(%q) == %q", pair[0], pair[1], Of(pair[0]))
		}
	}
	for _, w := range []string{"aws", "k8s", "ci", "is"} {
		if got := Of(w); got != w {
			t.Errorf("Of(%q) = %q, want it unchanged", w, got)
		}
	}
}
