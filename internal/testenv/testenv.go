// Package testenv holds what this project's tests may expect of the machine
// they run on, chiefly the fixtures kept in ../shared beside the checkout
// (docs snapshots, versions of the Ask for help page, labelled queries), and
// what a test does when something it needs is missing: on a developer's
// machine it is skipped; in CI, which provides everything, it fails, so that
// no test passes there by not running.
//
// It is for tests only: no command or wasm imports it.
package testenv

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// CI reports whether the tests run in CI: the environment variable CI is
// true, as GitHub Actions and most CI services set it.
func CI() bool {
	ci, _ := strconv.ParseBool(os.Getenv("CI"))
	return ci
}

// Missing ends the test because something it needs is not there: it skips
// the test, or under CI fails it, with the reason given.
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if CI() {
		// t.Fatal ends the test; the else is for a TB that does not.
		t.Fatalf("%s (CI=true: a test that cannot run fails)", msg)
	} else {
		t.Skip(msg)
	}
}

// Shared returns the path of elem inside ../shared, the folder of fixtures
// beside the checkout (the module's root is found from the test's working
// folder, its package's). When that path does not exist, the test is
// skipped, or under CI fails.
func Shared(t testing.TB, elem ...string) string {
	t.Helper()
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(append([]string{root, "..", "shared"}, elem...)...)
	if _, err := os.Stat(path); err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			t.Fatal(err) // there but unreadable: not a checkout without ../shared
		}
		Missing(t, "%s is missing: CI needs ../shared beside the checkout", path)
	}
	return path
}

// moduleRoot is the nearest folder at or above the working folder that
// holds a go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		up := filepath.Dir(d)
		if up == d {
			return "", fmt.Errorf("no go.mod at or above %s", dir)
		}
		d = up
	}
}
