package testenv

import (
	"fmt"
	"strings"
	"testing"
)

// recorder is a testing.TB that records how a test would end instead of
// ending it.
type recorder struct {
	testing.TB
	ended string // "fail: msg" or "skip: msg"; "" when the test goes on
}

func (r *recorder) Helper()                      {}
func (r *recorder) Fatal(args ...any)            { r.ended = "fail: " + fmt.Sprint(args...) }
func (r *recorder) Fatalf(f string, args ...any) { r.ended = "fail: " + fmt.Sprintf(f, args...) }
func (r *recorder) Skip(args ...any)             { r.ended = "skip: " + fmt.Sprint(args...) }
func (r *recorder) Skipf(f string, args ...any)  { r.ended = "skip: " + fmt.Sprintf(f, args...) }

// TestMissing: what is missing skips a test, except under CI, where it
// fails it; what is there goes on.
func TestMissing(t *testing.T) {
	tests := []struct {
		ci   string
		elem string // in ../shared
		want string // how the test ends: the start of recorder.ended
	}{
		{"", "no-such-fixture", "skip: "},
		{"false", "no-such-fixture", "skip: "},
		{"true", "no-such-fixture", "fail: "},
		{"1", "no-such-fixture", "fail: "},
		{"true", ".", ""}, // ../shared itself, as in CI
	}
	for _, tt := range tests {
		t.Run(tt.ci+" "+tt.elem, func(t *testing.T) {
			t.Setenv("CI", tt.ci)
			if tt.want == "" {
				Shared(t, tt.elem) // a real skip or failure when ../shared is not there
				return
			}
			r := &recorder{TB: t}
			Shared(r, tt.elem)
			if !strings.HasPrefix(r.ended, tt.want) || !strings.Contains(r.ended, "shared/no-such-fixture is missing") {
				t.Errorf("Shared ended the test with %q, want %q naming the path", r.ended, tt.want)
			}
			if tt.want == "fail: " && !strings.Contains(r.ended, "CI needs ../shared beside the checkout") {
				t.Errorf("the failure %q does not say what CI needs", r.ended)
			}
			r = &recorder{TB: t}
			Missing(r, "git is not installed")
			if !strings.HasPrefix(r.ended, tt.want+"git is not installed") {
				t.Errorf("Missing ended the test with %q, want %q", r.ended, tt.want)
			}
		})
	}
}
