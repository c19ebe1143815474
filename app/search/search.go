// Package search ranks the contacts of a directory for a query typed by a
// developer looking for help: "database migration", "who manages base
// images", "kubernets", "k8s".
//
// Each word of the query is matched on its own (exactly, by stem, as a
// prefix, or with a typo, using github.com/sahilm/fuzzy for left-out
// letters) against the words of each contact's name, channel, email,
// summary, responsibilities and vocabulary terms; a contact matching every
// word beats one matching a single word strongly. The scoring constants and
// their reasons are in algo.go; the vocabulary (stop words, synonyms, extra
// terms) is data, in app/directory/vocabulary.txt.
//
// The package is linked into the WebAssembly client, so it keeps to a few
// small imports.
package search

import (
	"math/bits"
	"slices"
	"sort"
	"strings"

	"github.com/alphagov/askforhelp/app/directory"
)

// Names of the fields a Match can come from (Match.Field).
const (
	FieldName           = "name"           // Contact.Name
	FieldChannel        = "channel"        // Contact.Channel or one of Contact.Channels
	FieldEmail          = "email"          // Contact.Email
	FieldSummary        = "summary"        // Contact.Summary
	FieldResponsibility = "responsibility" // Contact.Responsibilities[Match.Index]
	FieldVocabulary     = "vocabulary"     // an extra term from the vocabulary file
)

// Engine is a search index over one directory. It is built once by New and
// is then read-only: safe for concurrent use.
type Engine struct {
	dir    *directory.Directory
	vocab  *Vocabulary
	fields []field
	// contactFields[c] is the first field of contact c; its fields run to
	// contactFields[c+1].
	contactFields []int32
	words         []wordInfo
	dict          map[string]int32
	// sorted lists word IDs in order of their text, for prefixes.
	sorted []int32
	// stems, byLen and byStemLen list words by stem, and by first rune
	// and length in runes of the word or its stem, for typos.
	stems     map[string][]int32
	byLen     map[lenKey][]int32
	byStemLen map[lenKey][]int32
	postings  [][]posting // by word ID: where the word occurs
}

// field is one searchable text of a contact.
type field struct {
	contact int32
	name    string // one of the Field* names
	index   int    // for responsibilities, the index; else 0
	text    string
	weight  int
	tokens  []token
}

// token is one indexed word in a field.
type token struct {
	word       int32
	start, end int32 // rune offsets into the field's text
	pos        uint8 // ordinal among the field's words (up to maxPos), for adjacency
	exact      bool  // see span.exact
}

// wordInfo is one distinct indexed word.
type wordInfo struct {
	text      string
	stem      string
	runes     []rune
	stemRunes []rune
	mask      uint64 // runeMask of runes
	stemMask  uint64 // runeMask of stemRunes
	stop      bool   // a stop word: matched by stem only
}

// maxPos caps the positions of words in a field, kept in a byte: words
// further in are never taken to be next to each other.
const maxPos = 255

// lenKey groups words that may be typos of each other.
type lenKey struct {
	first rune
	n     int
}

// posting is one occurrence of a word: a field and a token in it.
type posting struct{ field, tok int32 }

// Result is one contact found by a search.
type Result struct {
	// Contact points into the directory passed to New.
	Contact *directory.Contact
	// Score is higher for better results; it only compares results of one
	// search.
	Score int
	// Matches are the contact's texts that matched, best first.
	Matches []Match
}

// Match is one text of a contact that matched the query.
type Match struct {
	// Field is where the text is: "name", "channel", "email",
	// "responsibility", "summary" or "vocabulary".
	Field string
	// Index is the index into Contact.Responsibilities for a
	// "responsibility"; 0 otherwise.
	Index int
	// Text is the whole text that matched (the whole responsibility, name...).
	Text string
	// Ranges are the parts of Text to highlight, in rune offsets, [start,
	// end), sorted, not overlapping and not touching.
	Ranges [][2]int
}

// New indexes a directory with the default vocabulary (DefaultVocabulary).
// The Engine is then read-only and safe for concurrent use. It panics if
// the embedded vocabulary file cannot be read, which the package's tests
// rule out.
func New(d *directory.Directory) *Engine {
	v, err := DefaultVocabulary()
	if err != nil {
		panic("search: " + err.Error())
	}
	return NewWithVocabulary(d, v)
}

// NewWithVocabulary indexes a directory with the given vocabulary; v may be
// nil for none (no stop words, synonyms or extra terms).
func NewWithVocabulary(d *directory.Directory, v *Vocabulary) *Engine {
	if v == nil {
		v = &Vocabulary{}
	}
	e := &Engine{
		dir: d, vocab: v, dict: map[string]int32{}, stems: map[string][]int32{},
		byLen: map[lenKey][]int32{}, byStemLen: map[lenKey][]int32{},
	}
	if d == nil {
		e.contactFields = []int32{0}
		return e
	}
	for ci := range d.Contacts {
		c := &d.Contacts[ci]
		e.contactFields = append(e.contactFields, int32(len(e.fields)))
		add := func(name string, index int, text string, weight int) {
			if strings.TrimSpace(text) != "" {
				e.addField(field{contact: int32(ci), name: name, index: index, text: text, weight: weight})
			}
		}
		add(FieldName, 0, c.Name, weightName)
		add(FieldChannel, 0, c.Channel, weightChannel)
		for _, ch := range c.Channels {
			if ch != c.Channel {
				add(FieldChannel, 0, ch, weightChannel)
			}
		}
		add(FieldEmail, 0, c.Email, weightEmail)
		add(FieldSummary, 0, c.Summary, weightSummary)
		for i, r := range c.Responsibilities {
			add(FieldResponsibility, i, r, weightResponsibility)
		}
		for _, t := range v.termsFor(c) {
			add(FieldVocabulary, 0, t, weightVocabulary)
		}
	}
	e.contactFields = append(e.contactFields, int32(len(e.fields)))

	e.sorted = make([]int32, len(e.words))
	for i, w := range e.words {
		id := int32(i)
		e.sorted[i] = id
		e.stems[w.stem] = append(e.stems[w.stem], id)
		e.byLen[lenKey{w.runes[0], len(w.runes)}] = append(e.byLen[lenKey{w.runes[0], len(w.runes)}], id)
		e.byStemLen[lenKey{w.runes[0], len(w.stemRunes)}] = append(e.byStemLen[lenKey{w.runes[0], len(w.stemRunes)}], id)
	}
	sort.Slice(e.sorted, func(i, j int) bool { return e.words[e.sorted[i]].text < e.words[e.sorted[j]].text })
	return e
}

// addField tokenises f's text and indexes its words. Single letters are
// left out. Stop words are kept for their other forms ("helping" finds
// "helps") but only match by stem: see matchWord.
func (e *Engine) addField(f field) {
	fi := int32(len(e.fields))
	addToken := func(norm string, start, end int, pos int32, exact bool) bool {
		if runeLen(norm) < 2 {
			return false
		}
		id, ok := e.dict[norm]
		if !ok {
			id = int32(len(e.words))
			e.dict[norm] = id
			st := stem(norm)
			rs, srs := []rune(norm), []rune(st)
			e.words = append(e.words, wordInfo{
				text: norm, stem: st, runes: rs, stemRunes: srs, mask: runeMask(rs), stemMask: runeMask(srs),
				stop: e.vocab.stop[norm],
			})
			e.postings = append(e.postings, nil)
		}
		e.postings[id] = append(e.postings[id], posting{field: fi, tok: int32(len(f.tokens))})
		f.tokens = append(f.tokens, token{
			word: id, start: int32(start), end: int32(end), pos: uint8(min(pos, maxPos)), exact: exact,
		})
		// Stop words take no position of their own: "monitoring and
		// alerting" has its words next to each other.
		return !e.words[id].stop
	}
	pos := int32(0)
	for _, parts := range tokenize([]rune(f.text)) {
		first := pos
		for _, p := range parts {
			if addToken(p.norm, p.start, p.end, pos, p.exact) {
				pos++
			}
		}
		// A compound is also indexed whole, its parts run together, so
		// "govuk" finds GOV.UK and "cicd" finds CI/CD.
		if len(parts) > 1 {
			var b strings.Builder
			for _, p := range parts {
				b.WriteString(p.norm)
			}
			if addToken(b.String(), parts[0].start, parts[len(parts)-1].end, first, false) && pos == first {
				pos++
			}
		}
	}
	e.fields = append(e.fields, f)
}

// term is one meaningful word of a query with what it may be matched as:
// itself (the first group, when the query typed it) and the page phrases
// its synonyms stand for.
type term struct {
	groups []group
}

// group is one way to match a term: the query's own word, or one page
// phrase a synonym stands for. A field matches a group of several words
// in proportion to the share of them it holds: "sre" stands for "site
// reliability engineer", which a bullet with all three words matches fully
// and a team name with "reliability" only by a third.
type group struct {
	words  []string
	weight int  // percent: 100 for the query's own word, synonymWeight else
	own    bool // the query's own word: prefix and typo matches allowed
}

// parseQuery reads a query into at most maxQueryWords terms.
func (e *Engine) parseQuery(query string) []term {
	var rs []rune
	for _, r := range query {
		if len(rs) == MaxQueryRunes {
			break
		}
		rs = append(rs, r)
	}
	var raw []string
	for _, parts := range tokenize(rs) {
		for _, p := range parts {
			raw = append(raw, p.norm)
		}
	}
	var terms []term
	termOf := make([]int, len(raw)) // raw word -> term, or -1
	for i, w := range raw {
		termOf[i] = -1
		if !e.meaningful(w) {
			continue
		}
		for j := range terms {
			if terms[j].groups[0].words[0] == w {
				termOf[i] = j
			}
		}
		if termOf[i] < 0 && len(terms) < maxQueryWords {
			termOf[i] = len(terms)
			terms = append(terms, term{groups: []group{{words: []string{w}, weight: 100, own: true}}})
		}
	}
	// Synonyms: every phrase of the query that the vocabulary knows (stop
	// words included: "on call", "out of hours") adds its page phrases to
	// the terms of its meaningful words, or becomes a term of its own.
	var own []string // phrases already made terms of their own
	for i := range raw {
		for n := 1; n <= e.vocab.longest && i+n <= len(raw); n++ {
			phrase := strings.Join(raw[i:i+n], " ")
			targets := e.vocab.synonyms[phrase]
			if len(targets) == 0 {
				continue
			}
			attached := false
			for k := i; k < i+n; k++ {
				if t := termOf[k]; t >= 0 {
					e.addSynonyms(&terms[t], targets)
					attached = true
				}
			}
			if !attached && len(terms) < maxQueryWords && !slices.Contains(own, phrase) {
				own = append(own, phrase)
				terms = append(terms, term{})
				e.addSynonyms(&terms[len(terms)-1], targets)
			}
		}
	}
	return terms
}

// meaningful reports whether a query word is worth matching: not a stop
// word, not a single letter.
func (e *Engine) meaningful(w string) bool {
	return runeLen(w) >= 2 && !e.vocab.stop[w]
}

// addSynonyms adds the page phrases of targets to t's groups.
func (e *Engine) addSynonyms(t *term, targets [][]string) {
	for _, tg := range targets {
		var ws []string
		for _, w := range tg {
			if e.meaningful(w) && !slices.Contains(ws, w) {
				ws = append(ws, w)
			}
		}
		dup := slices.ContainsFunc(t.groups, func(g group) bool { return slices.Equal(g.words, ws) })
		if len(ws) > 0 && !dup && len(t.groups) < maxGroups {
			t.groups = append(t.groups, group{words: ws, weight: synonymWeight})
		}
	}
}

// hitSet is what one query matched in the fields: one entry per field
// hit, as parallel slices, so that a query touching thousands of fields
// costs a few bytes a term for each. best and pos hold n entries (one per
// term) per hit.
type hitSet struct {
	n     int // terms
	field []int32
	mask  []uint32 // terms matched
	own   []uint32 // terms matched by the query's own word
	best  []uint8  // best weighted score of each term (at most 125)
	pos   []uint8  // position of that best match, for adjacency
}

// add appends an empty hit on field f and returns its index.
func (hs *hitSet) add(f int32) int32 {
	hs.field = append(hs.field, f)
	hs.mask = append(hs.mask, 0)
	hs.own = append(hs.own, 0)
	hs.best = append(hs.best, make([]uint8, hs.n)...)
	hs.pos = append(hs.pos, make([]uint8, hs.n)...)
	return int32(len(hs.field) - 1)
}

// bonus is the reward for terms found together in hit i's field.
func (hs *hitSet) bonus(i int32) int {
	mask, pos := hs.mask[i], hs.pos[int(i)*hs.n:int(i+1)*hs.n]
	b := sameFieldBonus * (bits.OnesCount32(mask) - 1)
	for m := mask; m != 0; m &= m - 1 {
		t := bits.TrailingZeros32(m)
		for m2 := m & (m - 1); m2 != 0; m2 &= m2 - 1 {
			u := bits.TrailingZeros32(m2)
			if d := int(pos[t]) - int(pos[u]); (d == 1 || d == -1) && pos[t] != maxPos && pos[u] != maxPos {
				b += adjacentBonus
			}
		}
	}
	return b
}

// contactHit is what one query matched in one contact.
type contactHit struct {
	contact int32
	mask    uint32
	bonus   int // best together-in-one-field bonus of its fields
	score   int
}

// scratch is a per-field accumulator reset after each use: the fields
// touched are listed so that resetting costs what using did.
type scratch struct {
	val     []int16
	pos     []uint8
	touched []int32
}

func newScratch(n int) scratch {
	return scratch{val: make([]int16, n), pos: make([]uint8, n)}
}

// Search returns the contacts that match query, best first: at most limit
// of them, or all if limit <= 0. With no match it returns an empty slice.
// Ties are broken by the contacts' order in the directory.
func (e *Engine) Search(query string, limit int) []Result {
	terms := e.parseQuery(query)
	if len(terms) == 0 || len(e.fields) == 0 {
		return nil
	}

	// Match each distinct word once against the dictionary. matched holds,
	// for highlighting, the best match of every indexed word found.
	type wordMatches struct {
		word  string
		loose bool
		ms    []wordMatch
	}
	var cache []wordMatches
	lookup := func(w string, loose bool) []wordMatch {
		for _, c := range cache {
			if c.word == w && c.loose == loose {
				return c.ms
			}
		}
		ms := e.matchWord(w, loose)
		cache = append(cache, wordMatches{w, loose, ms})
		return ms
	}
	matched := map[int32]wordMatch{}
	occurrences := 0 // bounds the number of fields hit
	for _, t := range terms {
		for _, g := range t.groups {
			for _, w := range g.words {
				for _, m := range lookup(w, g.own) {
					if old, ok := matched[m.id]; !ok || m.score > old.score {
						matched[m.id] = m
					}
					occurrences += len(e.postings[m.id])
				}
			}
		}
	}
	if occurrences == 0 {
		return nil
	}

	// Score fields, term by term and group by group. A word's best match
	// in a field counts once; a group's words add up, divided by their
	// number; a term keeps its best group. hitOf[f] is 1 + f's hit index.
	hitOf := make([]int32, len(e.fields))
	nHits := min(occurrences, len(e.fields))
	hs := hitSet{
		n:     len(terms),
		field: make([]int32, 0, nHits),
		mask:  make([]uint32, 0, nHits),
		own:   make([]uint32, 0, nHits),
		best:  make([]uint8, 0, nHits*len(terms)),
		pos:   make([]uint8, 0, nHits*len(terms)),
	}
	word, grp := newScratch(len(e.fields)), newScratch(len(e.fields))
	for ti := range terms {
		for _, g := range terms[ti].groups {
			for _, w := range g.words {
				for _, m := range lookup(w, g.own) {
					s := m.score * g.weight / 100
					for _, p := range e.postings[m.id] {
						f := &e.fields[p.field]
						ws := int16(s * f.weight / 100)
						if word.val[p.field] == 0 {
							word.touched = append(word.touched, p.field)
						}
						if ws > word.val[p.field] {
							word.val[p.field] = ws
							word.pos[p.field] = f.tokens[p.tok].pos
						}
					}
				}
				for _, f := range word.touched {
					if grp.val[f] == 0 {
						grp.touched = append(grp.touched, f)
						grp.pos[f] = word.pos[f]
					}
					grp.val[f] += word.val[f]
					word.val[f] = 0
				}
				word.touched = word.touched[:0]
			}
			for _, f := range grp.touched {
				v := grp.val[f] / int16(len(g.words))
				grp.val[f] = 0
				if v <= 0 {
					continue
				}
				h := hitOf[f] - 1
				if h < 0 {
					h = hs.add(f)
					hitOf[f] = h + 1
				}
				hs.mask[h] |= 1 << ti
				if g.own {
					hs.own[h] |= 1 << ti
				}
				if i := int(h)*hs.n + ti; uint8(v) > hs.best[i] {
					hs.best[i] = uint8(v)
					hs.pos[i] = grp.pos[f]
				}
			}
			grp.touched = grp.touched[:0]
		}
	}
	if len(hs.field) == 0 {
		return nil
	}

	// Gather fields into contacts. contactOf[c] is 1 + c's index in chits,
	// whose terms' best scores are in chBest, n a contact.
	var all uint32 // the terms matched anywhere
	for _, m := range hs.mask {
		all |= m
	}
	contactOf := make([]int32, len(e.contactFields)-1)
	var chits []contactHit
	var chBest []uint8
	for h := range hs.field {
		f := &e.fields[hs.field[h]]
		ci := contactOf[f.contact] - 1
		if ci < 0 {
			chits = append(chits, contactHit{contact: f.contact})
			chBest = append(chBest, make([]uint8, hs.n)...)
			ci = int32(len(chits) - 1)
			contactOf[f.contact] = ci + 1
		}
		ch := &chits[ci]
		ch.mask |= hs.mask[h]
		best, fbest := chBest[int(ci)*hs.n:int(ci+1)*hs.n], hs.best[h*hs.n:(h+1)*hs.n]
		for t := range best {
			best[t] = max(best[t], fbest[t])
		}
		b := hs.bonus(int32(h))
		if hs.own[h] == all && (f.name == FieldName || f.name == FieldChannel) {
			b += nameBonus
		}
		ch.bonus = max(ch.bonus, b)
	}

	// Rarity of each term: how few contacts it matches.
	df := make([]int, hs.n)
	for i := range chits {
		for m := chits[i].mask; m != 0; m &= m - 1 {
			df[bits.TrailingZeros32(m)]++
		}
	}
	n := len(e.contactFields) - 1
	for i := range chits {
		ch := &chits[i]
		score := ch.bonus
		for m := ch.mask; m != 0; m &= m - 1 {
			t := bits.TrailingZeros32(m)
			rarity := 100
			if n > 1 {
				rarity = rarityMin + (100-rarityMin)*(n-df[t])/(n-1)
			}
			score += rarity * (coverageBonus + int(chBest[i*hs.n+t])) / 100
		}
		ch.score = score
	}

	better := func(a, b contactHit) int {
		if a.score != b.score {
			return b.score - a.score
		}
		return int(a.contact - b.contact)
	}
	if limit > 0 && limit < len(chits) {
		chits = topK(chits, limit, better)
	} else {
		sort.Slice(chits, func(i, j int) bool { return better(chits[i], chits[j]) < 0 })
	}

	out := make([]Result, len(chits))
	for i, ch := range chits {
		out[i] = Result{
			Contact: &e.dir.Contacts[ch.contact],
			Score:   ch.score,
			Matches: e.matches(ch.contact, &hs, hitOf, matched),
		}
	}
	return out
}

// topK returns the k best of hs in order, for a small k, without sorting
// them all.
func topK(hs []contactHit, k int, cmp func(a, b contactHit) int) []contactHit {
	if k > 64 {
		sort.Slice(hs, func(i, j int) bool { return cmp(hs[i], hs[j]) < 0 })
		return hs[:k]
	}
	top := make([]contactHit, 0, k+1)
	for _, h := range hs {
		if len(top) == k && cmp(h, top[k-1]) >= 0 {
			continue
		}
		i := sort.Search(len(top), func(i int) bool { return cmp(top[i], h) >= 0 })
		top = append(top, contactHit{})
		copy(top[i+1:], top[i:])
		top[i] = h
		if len(top) > k {
			top = top[:k]
		}
	}
	return top
}

// matches lists what matched in contact c, best first, with highlights.
func (e *Engine) matches(c int32, hs *hitSet, hitOf []int32, matched map[int32]wordMatch) []Match {
	type scored struct {
		m     Match
		score int
	}
	var ms []scored
	for fi := e.contactFields[c]; fi < e.contactFields[c+1]; fi++ {
		h := hitOf[fi] - 1
		if h < 0 {
			continue
		}
		f := &e.fields[fi]
		score := hs.bonus(h)
		for _, b := range hs.best[int(h)*hs.n : int(h+1)*hs.n] {
			score += int(b)
		}
		var rs [][2]int
		for _, t := range f.tokens {
			wm, ok := matched[t.word]
			if !ok {
				continue
			}
			if wm.hl == nil || !t.exact {
				rs = append(rs, [2]int{int(t.start), int(t.end)})
				continue
			}
			for _, r := range wm.hl {
				rs = append(rs, [2]int{int(t.start) + r[0], int(t.start) + r[1]})
			}
		}
		ms = append(ms, scored{Match{Field: f.name, Index: f.index, Text: f.text, Ranges: mergeRanges(rs)}, score})
	}
	// Stable: equal scores keep field order (name, channel, ... vocabulary).
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].score > ms[j].score })
	out := make([]Match, len(ms))
	for i := range ms {
		out[i] = ms[i].m
	}
	return out
}

// mergeRanges sorts ranges and merges those that overlap or touch.
func mergeRanges(rs [][2]int) [][2]int {
	sort.Slice(rs, func(i, j int) bool {
		if rs[i][0] != rs[j][0] {
			return rs[i][0] < rs[j][0]
		}
		return rs[i][1] < rs[j][1]
	})
	var out [][2]int
	for _, r := range rs {
		if n := len(out); n > 0 && r[0] <= out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], r[1])
			continue
		}
		out = append(out, r)
	}
	return out
}
