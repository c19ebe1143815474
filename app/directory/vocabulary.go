package directory

import _ "embed" // for the vocabulary file

// Vocabulary is the search vocabulary, vocabulary.txt beside this file:
// stop words, synonyms that map the words people use onto the page's own
// words, and extra terms for some contacts. Package search parses it (see
// search.ParseVocabulary for the format); it is data, reviewed like code.
//
//go:embed vocabulary.txt
var Vocabulary string
