package directory_test

import (
	"os"
	"testing"

	"github.com/alphagov/askforhelp/app/directory"
)

// TestVocabularyIsFresh fails when vocabulary_gen.go is not vocabulary.txt:
// run `make index` after editing the vocabulary.
func TestVocabularyIsFresh(t *testing.T) {
	txt, err := os.ReadFile("vocabulary.txt")
	if err != nil {
		t.Fatal(err)
	}
	if directory.Vocabulary != string(txt) {
		t.Fatal("app/directory/vocabulary_gen.go is not vocabulary.txt: run `make index`")
	}
}
