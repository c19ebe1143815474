package search

import (
	"math/bits"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/alphagov/askforhelp/app/stem"
	"github.com/sahilm/fuzzy"
)

// Scoring. A query is cut into words; each meaningful word (a "term") is
// matched on its own against every word of every field of every contact.
//
//  1. A word match has a quality from 0 to 100 (the score* constants below):
//     how sure we are that the indexed word is the word the user meant.
//  2. It is weighted by the field it is in (weight*, in percent): a team's
//     name and channel say more about it than one of its bullet points.
//     A synonym from the vocabulary stands for a page phrase; a field
//     matches it for synonymWeight percent times the share of the phrase's
//     words it holds.
//  3. A contact's score for a term is its best weighted match in any field.
//     The contact's score is, over the terms it matches,
//     rarity * (coverageBonus + term score), plus the best bonus of one of
//     its fields for terms found together there (sameFieldBonus,
//     adjacentBonus, nameBonus). coverageBonus is what makes an entry
//     matching every word beat one matching a single word strongly.
//  4. Ties go to the contact that comes first in the directory (page order).
//
// Letters scattered across a sentence never match: a query word is only
// compared with one indexed word at a time, and a word with missing or
// wrong letters only matches a word of nearly the same length that starts
// with the same letter.
const (
	// scoreExact: the query word is the indexed word.
	scoreExact = 100
	// scoreStem: the same word in another form (migrating, migration).
	// Close to exact: the form rarely changes what is meant.
	scoreStem = 90
	// scorePrefixMin..scorePrefixMax: the query word begins the indexed word
	// ("kube" for kubernetes), as when the user is still typing. The more of
	// the word typed, the surer the match; never as sure as the word itself.
	scorePrefixMin = 50
	scorePrefixMax = 85
	// scoreOmission: the query word is the indexed word with letters left
	// out ("databse", "kubernets"), found as a subsequence by sahilm/fuzzy,
	// so the highlight shows the letters typed. Dropped letters are the
	// commonest typing slip, so this is a little above other typos.
	scoreOmission = 75
	// scoreTypo: within a small edit distance (a wrong, extra or swapped
	// letter: "monitorign").
	scoreTypo = 70
	// penaltyPerEdit is taken from scoreOmission and scoreTypo per letter
	// missing or wrong beyond the first, and once more for a slip found in
	// the indexed word's stem rather than the word.
	penaltyPerEdit = 10
	// minPrefixRunes: shorter query words only match whole words; a single
	// letter would begin half the dictionary.
	minPrefixRunes = 2
	// minTextPrefixRunes: a shorter beginning of a word that only pages'
	// text holds does not count. The text words are many ("co" began
	// hundreds of them: typing took 887 µs for 11 keystrokes, 563 without
	// them), and two letters say nothing of a page; the words of names,
	// titles, headings and responsibilities still match from their first
	// two letters, and three ("dev") begin text words too.
	minTextPrefixRunes = 3
	// minTypoRunes: shorter query words must be spelt right (an edit in a
	// three-letter word makes another word: aws, ami, api).
	minTypoRunes = 4
	// longTypoRunes: query words this long may have two slips, not one.
	longTypoRunes = 8
)

// Field weights in percent: how much a match in this field says about the
// contact.
const (
	// The name and channel identify the contact: "platform engineering",
	// "tech leads", "2ndline".
	weightName    = 125
	weightChannel = 125
	// The email address is a way to reach the contact, but its words are
	// often incidental ("members", "digital", "cabinet", "office").
	weightEmail = 80
	// A responsibility is one thing the contact looks after, in the page's
	// words: the baseline.
	weightResponsibility = 100
	// The summary introduces the contact, often with words about how to
	// reach it rather than what it does.
	weightSummary = 90
	// Vocabulary terms are our words, not the page's.
	weightVocabulary = 80
	// A word of a repo's or app's name says as much about its team as a
	// bullet point: "advice" in travel-advice-publisher. The whole name
	// says more: see ownedNameBonus.
	weightRepo = 100
	// A repo's description says what it is in a few words; its type
	// ("Publishing apps") is shared by dozens of repos.
	weightRepoDescription = 70
	weightRepoType        = 40
	// A manual page's title says what the page is about, and its owner
	// maintains it; but what the Ask for help page says a team does
	// (weightResponsibility) outweighs who maintains a page on the topic.
	weightPage = 80
	// A heading is one topic of a page among many.
	weightHeading = 50
	// The words of a page's text that set it apart (ManualPage.Words, best
	// first) weigh less than a heading, in tiers of textTier words, each
	// weighing textTierPercent of the one before.
	weightText      = 70
	textTier        = 16
	textTierPercent = 80
	// A page's weight is scaled by whose it is. An alert's runbook (a page
	// under manual/alerts/) says how whoever is on call handles an alert
	// about a subject, not who looks after the subject. A page maintained
	// by a person is listed under the fallback team, which only stands in.
	alertPagePercent  = 60
	personPagePercent = 40
	// synonymWeight: a synonym's page word counts for this percentage of a
	// match of the query word itself, so the page's own words come first.
	synonymWeight = 75
)

// Combining terms into a contact's score.
const (
	// coverageBonus is added per query term a contact matches at all, before
	// weighting by rarity: covering two words weakly (2 x (100+50)) beats
	// covering one perfectly in the name (100+125).
	coverageBonus = 100
	// rarityMin is the weight, in percent, of a term that every contact
	// matches ("govuk", "team"); a term only one contact matches weighs 100.
	// Rare words tell contacts apart; common ones barely do.
	rarityMin = 50
	// sameFieldBonus is added per extra term found in the same field as
	// another: words of one bullet point belong together.
	sameFieldBonus = 30
	// adjacentBonus is added per pair of terms found next to each other in
	// a field, in either order ("base images", "images base").
	adjacentBonus = 15
	// nameBonus is added when the contact's name or a channel, or the name
	// of a repo or app it owns, holds every term the query matched anywhere: the user typed the contact's name
	// ("platform engineering"), which another team's bullet point that
	// mentions it must not outrank.
	nameBonus = 60
	// ownedNameBonus replaces nameBonus when the query names a repo or app
	// whole ("whitehall", "email alert frontend", "contacts admn"): the user
	// says what is broken, which is the surest evidence of whom to ask, above
	// a channel named like it ("govuk_publishing_components" is the repo, not
	// a channel #govuk-publishing-components that owns other things).
	ownedNameBonus = 90
	// synonymCoverPercent: a term covered only by a synonym earns this
	// share of coverageBonus when the word typed is itself in the data
	// (rule 1: the word typed beats its synonyms).
	synonymCoverPercent = 20
	// itemCoverPercent: a term held by an item that holds the question
	// (rule 2: see run.holds) earns this share of coverageBonus, times the
	// share of the question the item holds and the item's percent (a
	// runbook, a person's page). Less than what the Ask for help page says
	// a team does: "incident report" is 2nd line's, though a page holds
	// both words.
	itemCoverPercent = 60
	// itemTogetherBonus is added per term beyond the first that one item
	// holds: see run.together.
	itemTogetherBonus = 20
	// scatteredTerms: an item holding this many of the query's terms, even
	// apart (a title, a heading, its text), holds the question, a long one.
	scatteredTerms = 3
)

// wordMatch is how one query word matched one indexed word.
type wordMatch struct {
	id    int32 // the indexed word
	score int   // quality, 0-100
	// hl is what to highlight in the word, in rune offsets; nil means all.
	hl [][2]int
	// prefix reports a match of the word's beginning only.
	prefix bool
}

// typoTolerance is how many edits a query word of n runes may have.
func typoTolerance(n int) int {
	switch {
	case n < minTypoRunes:
		return 0
	case n < longTypoRunes:
		return 1
	}
	return 2
}

// matchWord finds the indexed words that query word q matches, with their
// quality. With loose false only exact and stem matches count (for the
// page words a synonym stands for, which are spelt right). Stop words in
// the texts only match by stem: a prefix or a typo of "the" or "with"
// means nothing.
//
// Each kind of match reads only its candidates (the stem's words, the
// sorted range with q's prefix, the words of q's first letter and nearly
// its length), so the work grows with the number of distinct words, not
// of entries, and the Engine caches nothing per query.
func (e *Engine) matchWord(q string, loose bool) []wordMatch {
	var out []wordMatch
	at := map[int32]int{} // word -> index in out
	add := func(m wordMatch) {
		if i, ok := at[m.id]; ok {
			if m.score > out[i].score {
				out[i] = m
			}
			return
		}
		at[m.id] = len(out)
		out = append(out, m)
	}
	qr := []rune(q)
	qs := stem.Of(q)
	if id, ok := e.dict[q]; ok {
		add(wordMatch{id: id, score: scoreExact})
	}
	for _, id := range e.stems[qs] {
		add(wordMatch{id: id, score: scoreStem})
	}
	if !loose {
		return out
	}
	// A word the index or the vocabulary knows is spelt right: it is not a
	// slip for another ("broken" is not "broker"). It may still be typed
	// in full while meaning a longer word, so prefixes count.
	known := len(out) > 0 || len(e.vocab.synonyms[q]) > 0
	if len(qr) >= minPrefixRunes {
		i := sort.Search(len(e.sorted), func(i int) bool { return e.words[e.sorted[i]].text >= q })
		for ; i < len(e.sorted) && strings.HasPrefix(e.words[e.sorted[i]].text, q); i++ {
			if len(qr) < minTextPrefixRunes && e.textOnly(e.sorted[i]) {
				continue
			}
			if n := len(e.words[e.sorted[i]].runes); n > len(qr) && !e.words[e.sorted[i]].stop {
				s := scorePrefixMin + (scorePrefixMax-scorePrefixMin)*len(qr)/n
				add(wordMatch{id: e.sorted[i], score: s, hl: [][2]int{{0, len(qr)}}, prefix: true})
			}
		}
	}
	tol := typoTolerance(len(qr))
	if tol == 0 || known {
		return out
	}
	// A slip in the word: a wrong, extra, missing or swapped letter.
	qm, qsm := runeMask(qr), runeMask([]rune(qs))
	var buf []int
	var omitCands []string
	var omitIDs []int32
	for n := len(qr) - tol; n <= len(qr)+tol; n++ {
		for _, id := range e.byLen[lenKey{qr[0], n}] {
			if _, ok := at[id]; ok || e.words[id].stop || !maybeWithin(qm, e.words[id].mask, tol) {
				continue // already matched better, or too many other letters
			}
			if d := osaDistance(qr, e.words[id].runes, tol, &buf); d <= tol {
				add(wordMatch{id: id, score: scoreTypo - penaltyPerEdit*(d-1)})
			}
			if n > len(qr) {
				omitCands = append(omitCands, e.words[id].text)
				omitIDs = append(omitIDs, id)
			}
		}
	}
	// A slip in the word's stem ("clustr" for clusters), one edit less sure.
	qsr := []rune(qs)
	lo, hi := min(len(qr), len(qsr))-tol, max(len(qr), len(qsr))+tol
	for n := lo; n <= hi; n++ {
		for _, id := range e.byStemLen[lenKey{qr[0], n}] {
			sm := e.words[id].stemMask
			if _, ok := at[id]; ok || e.words[id].stop || !maybeWithin(qm, sm, tol) && !maybeWithin(qsm, sm, tol) {
				continue
			}
			d := osaDistance(qsr, e.words[id].stemRunes, tol, &buf)
			d = min(d, osaDistance(qr, e.words[id].stemRunes, tol, &buf))
			if d <= tol {
				add(wordMatch{id: id, score: scoreTypo - penaltyPerEdit*d})
			}
		}
	}
	// Letters left out: q is a subsequence of the word. sahilm/fuzzy finds
	// it and says which letters matched (as byte offsets).
	for _, m := range fuzzy.FindNoSort(q, omitCands) {
		id := omitIDs[m.Index]
		missing := len(e.words[id].runes) - len(qr)
		add(wordMatch{id: id, score: scoreOmission - penaltyPerEdit*(missing-1), hl: byteRanges(m.Str, m.MatchedIndexes)})
	}
	return out
}

// textOnly reports whether word id is only in pages' text (FieldText).
func (e *Engine) textOnly(id int32) bool {
	for _, p := range e.postings(id) {
		if e.fields[p.field].name != FieldText {
			return false
		}
	}
	return true
}

// runeMask is a 64-bit set of the runes in rs (folded modulo 64), for a
// quick test before an edit distance.
func runeMask(rs []rune) uint64 {
	var m uint64
	for _, r := range rs {
		m |= 1 << (uint(r) % 64)
	}
	return m
}

// maybeWithin reports whether two words with rune sets a and b may be
// within max edits: each edit brings at most one rune into either word
// that the other lacks.
func maybeWithin(a, b uint64, max int) bool {
	return bits.OnesCount64(a&^b) <= max && bits.OnesCount64(b&^a) <= max
}

// byteRanges turns sorted byte offsets of runes in s into merged rune ranges.
func byteRanges(s string, idx []int) [][2]int {
	var out [][2]int
	r, b := 0, 0 // rune and byte position in s
	for _, at := range idx {
		for b < at && b < len(s) {
			_, size := utf8.DecodeRuneInString(s[b:])
			b += size
			r++
		}
		if n := len(out); n > 0 && out[n-1][1] == r {
			out[n-1][1] = r + 1
		} else {
			out = append(out, [2]int{r, r + 1})
		}
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
