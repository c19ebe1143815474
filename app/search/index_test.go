//go:build !wasm

package search

import (
	"reflect"
	"strings"
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
)

// TestLoadIndex: an engine read from the index of New(d) holds exactly
// what New(d) derived, and answers as it does, for the seed data, the page
// alone and an empty directory.
func TestLoadIndex(t *testing.T) {
	for name, d := range map[string]*directory.Directory{"seed": directory.Seed, "page": pageOnly, "empty": {}} {
		t.Run(name, func(t *testing.T) {
			want := New(d)
			got, err := LoadIndex(d, string(MarshalIndex(want)))
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range []struct {
				name      string
				got, want any
			}{
				{"entries", got.entries, want.entries},
				{"fields", got.fields, want.fields},
				{"entryFields", got.entryFields, want.entryFields},
				{"words", got.words, want.words},
				{"dict", got.dict, want.dict},
				{"sorted", got.sorted, want.sorted},
				{"stems", got.stems, want.stems},
				{"byLen", got.byLen, want.byLen},
				{"byStemLen", got.byStemLen, want.byStemLen},
				{"tokens", got.tokens, want.tokens},
				{"posts", got.posts, want.posts},
				{"postStart", got.postStart, want.postStart},
				{"names", got.names, want.names},
				{"vocabulary", *got.vocab, *want.vocab},
			} {
				if !sameState(c.got, c.want) {
					t.Errorf("%s differ from New's", c.name)
				}
			}
			for _, q := range append(seedQueries, warmUpQueries...) {
				if a, b := got.Search(q, 0), want.Search(q, 0); !reflect.DeepEqual(a, b) {
					t.Errorf("%q: loaded engine answers %v, New's %v", q, channels(a), channels(b))
				}
			}
		})
	}
}

// sameState reports whether a and b are deeply equal, taking an empty
// slice or map for a nil one.
func sameState(a, b any) bool {
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	if k := va.Kind(); (k == reflect.Slice || k == reflect.Map) && va.Len() == 0 && vb.Len() == 0 {
		return true
	}
	return reflect.DeepEqual(a, b)
}

// TestLoadIndexRefuses: an index of other data, or cut short, or of
// another version, is refused rather than read into a wrong engine.
func TestLoadIndexRefuses(t *testing.T) {
	index := string(MarshalIndex(New(directory.Seed)))
	other := *directory.Seed
	other.Contacts = append([]directory.Contact(nil), other.Contacts...)
	other.Contacts[0].Summary += " and more"
	tests := []struct {
		name  string
		d     *directory.Directory
		index string
	}{
		{"other data", &other, index},
		{"page only", pageOnly, index},
		{"cut short", directory.Seed, index[:len(index)/2]},
		{"one byte short", directory.Seed, index[:len(index)-1]},
		{"a byte more", directory.Seed, index + "\x00"},
		{"empty", directory.Seed, ""},
		{"other version", directory.Seed, "\x7f" + index[1:]},
	}
	for _, tt := range tests {
		if e, err := LoadIndex(tt.d, tt.index); err == nil || e != nil {
			t.Errorf("%s: LoadIndex read it (error %v)", tt.name, err)
		} else if !strings.Contains(err.Error(), "make index") {
			t.Errorf("%s: error %q does not say what to do", tt.name, err)
		}
	}
}

// FuzzLoadIndex: whatever the index holds, LoadIndex returns an engine or
// an error, never panics.
func FuzzLoadIndex(f *testing.F) {
	f.Add(string(MarshalIndex(New(pageOnly))))
	f.Fuzz(func(t *testing.T, index string) {
		if e, err := LoadIndex(pageOnly, index); err == nil {
			e.Search("kubernetes", 3)
		}
	})
}
