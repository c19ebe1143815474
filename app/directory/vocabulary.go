package directory

// Vocabulary (vocabulary_gen.go) is the search vocabulary, vocabulary.txt
// beside this file: stop words, synonyms that map the words people use
// onto the page's own words, and extra terms for some contacts. Package
// search parses it (see search.ParseVocabulary for the format); it is
// data, reviewed like code. It is made a Go string by go generate rather
// than embedded with //go:embed: the embed package brings io/fs and time
// into the small answerer, 32 kB of its brotli with view's use of time
// (TestVocabularyIsFresh checks that it is the file's).
//
//go:generate go run vocabulary_gen_main.go
