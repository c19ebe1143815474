package search

import (
	"math/bits"
	"sort"
	"strings"
)

// Search returns the contacts that match query, best first: at most limit
// of them, or all if limit <= 0. With no match it returns an empty slice.
// Ties are broken by the contacts' order in the directory.
//
// A search runs in five phases, each a method of run below:
//
//  1. matchWords: every word of the query against the dictionary, once;
//  2. scoreFields: the matches weighted per field, term by term;
//  3. collectEntries: the fields' scores gathered per contact;
//  4. rank: each contact's score from its terms' rarity, coverage and
//     bonuses, then the best limit of them in order;
//  5. explain: what matched in each result, with highlights, and why it
//     scored as it did.
func (e *Engine) Search(query string, limit int) []Result {
	r := run{e: e, terms: e.parseQuery(query)}
	if len(r.terms) == 0 || len(e.fields) == 0 {
		return nil
	}
	r.perField = e.scratch.Get().(*perField)
	defer r.release()
	if !r.matchWords() || !r.scoreFields() {
		return nil
	}
	r.collectEntries()
	r.rank(limit)
	return r.explain()
}

// perField is what a search keeps per field of the index, reused from one
// search to the next (Engine.scratch): at every keystroke, allocating and
// clearing it would cost more than the search.
type perField struct {
	// hitOf[f] is 1 + f's index in run.hs, or 0; itemOf[i] is 1 + item
	// i's index in run.items, or 0.
	hitOf, itemOf []int32
	word, grp     scratch
}

// newPerField makes the scratch space of an index of n fields and items
// items.
func newPerField(n, items int) *perField {
	return &perField{hitOf: make([]int32, n), itemOf: make([]int32, items), word: newScratch(n), grp: newScratch(n)}
}

// release clears what the search set in its perField (scoreFields leaves
// word and grp clear) and hands it back.
func (r *run) release() {
	for _, f := range r.hs.field {
		r.hitOf[f] = 0
	}
	for _, it := range r.items {
		r.itemOf[it.item] = 0
	}
	r.e.scratch.Put(r.perField)
}

// run is the state of one search as it goes through its phases.
type run struct {
	e     *Engine
	terms []term

	// matchWords: each distinct query word's matches (cache), the best
	// match of every indexed word found (matched, for highlighting), and
	// how many field occurrences they have (occurrences, which bounds the
	// fields hit).
	cache       []wordMatches
	matched     map[int32]wordMatch
	occurrences int

	// scoreFields: the fields hit, and per field hitOf (1 + its index in
	// hs) and scratch space.
	hs hitSet
	*perField

	// collectEntries: the contacts hit; chBest holds their terms' best
	// scores, hs.n a contact; items the items hit; ownFound the terms whose
	// own word (not a synonym) matched anywhere.
	chits    []entryHit
	chBest   []uint8
	chShare  []uint8 // per contact and term, the most terms a covering field holding it holds
	items    []itemHit
	itemBest []uint8
	ownFound uint32

	// rank: how many entries each term matches.
	df []int
}

// wordMatches caches what one query word matched.
type wordMatches struct {
	word  string
	loose bool
	ms    []wordMatch
}

// lookup matches a query word against the dictionary, once per search.
func (r *run) lookup(w string, loose bool) []wordMatch {
	for _, c := range r.cache {
		if c.word == w && c.loose == loose {
			return c.ms
		}
	}
	ms := r.e.matchWord(w, loose)
	r.cache = append(r.cache, wordMatches{w, loose, ms})
	return ms
}

// matchWords is phase 1: it matches every word of every term's groups and
// reports whether any indexed word was found.
func (r *run) matchWords() bool {
	// The map is made as large as the matches: a short prefix ("co")
	// matches hundreds of words, and growing it was a sixth of the search.
	n := 0
	for _, t := range r.terms {
		for _, g := range t.groups {
			for _, w := range g.words {
				n += len(r.lookup(w, g.own))
			}
		}
	}
	r.matched = make(map[int32]wordMatch, n)
	for _, t := range r.terms {
		for _, g := range t.groups {
			for _, w := range g.words {
				for _, m := range r.lookup(w, g.own) {
					if old, ok := r.matched[m.id]; !ok || m.score > old.score {
						r.matched[m.id] = m
					}
					r.occurrences += len(r.e.postings(m.id))
				}
			}
		}
	}
	return r.occurrences > 0
}

// scoreFields is phase 2: it scores fields term by term and group by
// group. A word's best match in a field counts once; a group's words add
// up, divided by their number; a term keeps its best group. It reports
// whether any field was hit.
func (r *run) scoreFields() bool {
	e, n := r.e, len(r.terms)
	nHits := min(r.occurrences, len(e.fields))
	r.hs = hitSet{
		n:     n,
		field: make([]int32, 0, nHits),
		mask:  make([]uint32, 0, nHits),
		own:   make([]uint32, 0, nHits),
		best:  make([]uint8, 0, nHits*n),
		pos:   make([]uint8, 0, nHits*n),
	}
	word, grp := &r.word, &r.grp
	for ti := range r.terms {
		for _, g := range r.terms[ti].groups {
			for _, w := range g.words {
				r.scoreWord(w, g, word)
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
				if v > 0 {
					r.hit(f, ti, g.own, uint8(v), grp.pos[f])
				}
			}
			grp.touched = grp.touched[:0]
		}
	}
	return len(r.hs.field) > 0
}

// scoreWord puts in word the best weighted score of query word w (of group
// g) in each field it occurs in.
func (r *run) scoreWord(w string, g group, word *scratch) {
	for _, m := range r.lookup(w, g.own) {
		s := m.score * g.weight / 100
		for _, p := range r.e.postings(m.id) {
			f := &r.e.fields[p.field]
			if !g.own && !f.page {
				continue // synonyms stand for the page's words, not a repo's
			}
			ws := int16(s * f.weight / 100)
			if word.val[p.field] == 0 {
				word.touched = append(word.touched, p.field)
			}
			if ws > word.val[p.field] {
				word.val[p.field] = ws
				word.pos[p.field] = r.e.tokens[p.tok].pos
				if f.bag {
					word.pos[p.field] = maxPos // never next to another
				}
			}
		}
	}
}

// hit records that field f matched term ti with score v at position pos.
func (r *run) hit(f int32, ti int, own bool, v, pos uint8) {
	hs := &r.hs
	h := r.hitOf[f] - 1
	if h < 0 {
		h = hs.add(f)
		r.hitOf[f] = h + 1
	}
	hs.mask[h] |= 1 << ti
	if own {
		hs.own[h] |= 1 << ti
	}
	if i := int(h)*hs.n + ti; v > hs.best[i] {
		hs.best[i] = v
		hs.pos[i] = pos
	}
}

// collectEntries is phase 3: it gathers the fields hit into contacts and
// items. A contact keeps each term's best score in the fields that cover
// it (chBest: what the Ask for help page says, the names of what it
// owns) and the best bonus of one field; an item (a repo, a manual page, a
// responsibility) keeps each term's best score in any of its fields.
func (r *run) collectEntries() {
	e, hs := r.e, &r.hs
	var all uint32 // the terms matched anywhere
	for _, m := range hs.mask {
		all |= m
	}
	entryOf := make([]int32, len(e.entryFields)-1) // 1 + index in chits
	for h := range hs.field {
		f := &e.fields[hs.field[h]]
		ci := entryOf[f.entry] - 1
		if ci < 0 {
			r.chits = append(r.chits, entryHit{entry: f.entry, at: int32(len(r.chits)), item: -1})
			r.chBest = append(r.chBest, make([]uint8, hs.n)...)
			r.chShare = append(r.chShare, make([]uint8, hs.n)...)
			ci = int32(len(r.chits) - 1)
			entryOf[f.entry] = ci + 1
		}
		ch := &r.chits[ci]
		ch.mask |= hs.mask[h]
		r.ownFound |= hs.own[h]
		fbest := hs.best[h*hs.n : (h+1)*hs.n]
		if covers(f.name) {
			ch.covered |= hs.mask[h]
			ch.coveredOwn |= hs.own[h]
			best := r.chBest[int(ci)*hs.n : int(ci+1)*hs.n]
			share := r.chShare[int(ci)*hs.n : int(ci+1)*hs.n]
			k := uint8(bits.OnesCount32(hs.mask[h]))
			for t := range best {
				best[t] = max(best[t], fbest[t])
				if hs.mask[h]&(1<<t) != 0 {
					share[t] = max(share[t], k)
				}
			}
		}
		ii := r.itemOf[f.item] - 1
		if ii < 0 {
			ii = int32(len(r.items))
			r.itemOf[f.item] = ii + 1
			r.items = append(r.items, itemHit{item: f.item, entry: ci, field: hs.field[h]})
			r.itemBest = append(r.itemBest, make([]uint8, hs.n)...)
		}
		it := &r.items[ii]
		it.own |= hs.own[h]
		if naming(f.name) && bits.OnesCount32(hs.own[h]) > bits.OnesCount32(it.together) {
			it.together = hs.own[h]
		}
		best := r.itemBest[int(ii)*hs.n : int(ii+1)*hs.n]
		for t := range best {
			best[t] = max(best[t], fbest[t])
		}
		b := hs.bonus(int32(h))
		if names(f.name) && hs.likely(int32(h), f.weight) {
			switch {
			case owned(f.name) && r.whole(f):
				// Named whole, whatever else the query says ("content-store
				// is slow").
				b += ownedNameBonus
			case !owned(f.name) && hs.own[h] == all:
				b += nameBonus
			}
		}
		ch.bonus = max(ch.bonus, b)
	}
}

// covers reports whether matches in field earn coverageBonus: what the Ask
// for help page says of a team, and the names of what it owns. Their terms
// add up over the team's fields. Anything else (a manual page's title,
// headings and text, a repo's description or type) counts through its item
// only: one page holding the question beats its words scattered over
// many pages of a team that maintains a lot (see run.rank).
func covers(field string) bool {
	return fromPage(field) || owned(field)
}

// naming reports whether field says what its item is: a page's title, a
// repo's name or description, a responsibility; not a heading (one topic
// of a page among many) nor the words of a page's text.
func naming(field string) bool {
	switch field {
	case FieldHeading, FieldText, FieldRepoType, FieldVocabulary:
		return false
	}
	return true
}

// names reports whether field names an entry or what it owns, for
// nameBonus and ownedNameBonus.
func names(field string) bool {
	return field == FieldName || field == FieldChannel || owned(field)
}

// owned reports whether field names what an entry owns: the query must name
// it whole for a bonus ("docker" is not the name of govuk-docker).
func owned(field string) bool {
	return field == FieldRepo || field == FieldApp
}

// whole reports whether the words matched cover all of f's words: every
// word but stop words, or the whole compound run together (not only its
// beginning: "search" begins "searchadmin" but does not name search-admin).
func (r *run) whole(f *field) bool {
	all := true
	for _, t := range r.e.fieldTokens(f) {
		m, ok := r.matched[t.word]
		if t.joined && ok && !m.prefix && t.start == 0 && int(t.end) == runeLen(f.text) {
			return true
		}
		if !t.joined && !ok && !r.e.words[t.word].stop {
			all = false
		}
	}
	return all
}

// rank is phase 4: it scores each contact and keeps the best limit (all
// if limit <= 0) in order. A contact's score is its bonus plus, over the
// terms it matches, rarity * the better of what its covering fields and
// its best item earn the term, plus that item's together bonus; its best
// item is the one that makes this highest (none if none adds anything).
func (r *run) rank(limit int) {
	r.df = make([]int, r.hs.n)
	for i := range r.chits {
		for m := r.chits[i].mask; m != 0; m &= m - 1 {
			r.df[bits.TrailingZeros32(m)]++
		}
	}
	for i := range r.chits {
		ch := &r.chits[i]
		ch.score = ch.bonus + r.points(ch, -1)
	}
	for ii := range r.items {
		ch := &r.chits[r.items[ii].entry]
		if p := ch.bonus + r.points(ch, int32(ii)); p > ch.score {
			ch.score, ch.item = p, int32(ii)
		}
	}
	better := func(a, b entryHit) int {
		if a.score != b.score {
			return b.score - a.score
		}
		return int(a.entry - b.entry)
	}
	if limit > 0 && limit < len(r.chits) {
		r.chits = topK(r.chits, limit, better)
	} else {
		sort.Slice(r.chits, func(i, j int) bool { return better(r.chits[i], r.chits[j]) < 0 })
	}
}

// points is what ch's terms earn with item ii as its best item (-1: none),
// the item's together bonus included.
func (r *run) points(ch *entryHit, ii int32) int {
	p := 0
	for m := ch.mask; m != 0; m &= m - 1 {
		p += r.termScore(ch, bits.TrailingZeros32(m), ii).Points
	}
	if ii >= 0 {
		p += r.together(&r.items[ii])
	}
	return p
}

// holds is how many of the query's terms item it holds in its own words
// (not by synonyms), and whether that makes it hold the question: two
// terms or more (or the whole query) together in one field that says what
// the item is (a page's title, a repo's description, a responsibility),
// or at least scatteredTerms anywhere in it. Two words of a short
// question in a page's title and one of its headings are not the page
// being about them.
func (r *run) holds(it *itemHit) (int, bool) {
	k := bits.OnesCount32(it.own)
	if t := bits.OnesCount32(it.together); t >= 2 || t == len(r.terms) {
		return k, true
	}
	return k, k >= scatteredTerms
}

// together is the bonus for the terms item it holds together:
// itemTogetherBonus for each beyond the first.
func (r *run) together(it *itemHit) int {
	if k, ok := r.holds(it); ok {
		return itemTogetherBonus * (k - 1)
	}
	return 0
}

// termScore is what term t earns entry hit ch with item ii (-1: none) as
// its best item (Term left empty: only explain needs it). From its
// covering fields, coverageBonus and its best match there; from the item,
// its best match there, and coverageBonus in proportion to the share of
// the question the item holds (when it holds it: see holds). The better
// of the two counts, times the term's rarity.
func (r *run) termScore(ch *entryHit, t int, ii int32) TermScore {
	n := len(r.e.entryFields) - 1
	ts := TermScore{Match: int(r.chBest[int(ch.at)*r.hs.n+t]), Rarity: 100}
	if n > 1 {
		ts.Rarity = rarityMin + (100-rarityMin)*(n-r.df[t])/(n-1)
	}
	cover := 0
	switch {
	case ch.covered&(1<<t) == 0:
		ts.Match = 0
	case ch.coveredOwn&(1<<t) != 0:
		cover = coverageBonus
	case r.ownFound&(1<<t) != 0:
		// Only a synonym covers it, and the word typed is in the data: the
		// synonym is a guess at what was meant, the word what was said.
		cover = coverageBonus * synonymCoverPercent / 100
		ts.Synonym = true
	default:
		cover = coverageBonus
	}
	// A field holding one word of a long question says little of it (rule
	// 3: "support" in a repo's name, "publishing" in a channel's): the
	// coverage is the share of the question the field holds, one term more.
	ts.Share = 100 * min(len(r.terms), 1+int(r.chShare[int(ch.at)*r.hs.n+t])) / len(r.terms)
	cover = cover * ts.Share / 100
	ts.Covered = cover > 0
	if ii >= 0 {
		it := &r.items[ii]
		m := int(r.itemBest[int(ii)*r.hs.n+t])
		icover := 0
		if k, ok := r.holds(it); ok && it.own&(1<<t) != 0 {
			icover = coverageBonus * itemCoverPercent / 100 * k / len(r.terms) * r.e.fields[it.field].percent / 100
		}
		if m+icover > ts.Match+cover {
			ts.Match, cover, ts.Item, ts.Synonym, ts.Share = m, icover, true, false, 100
			ts.Covered = icover > 0
		}
	}
	ts.Points = ts.Rarity * (cover + ts.Match) / 100
	return ts
}

// explain is phase 5: the results, with what matched in each.
func (r *run) explain() []Result {
	out := make([]Result, len(r.chits))
	for i, ch := range r.chits {
		why := Why{Bonus: ch.bonus}
		for t := range r.terms {
			if ch.mask&(1<<t) != 0 {
				ts := r.termScore(&ch, t, ch.item)
				ts.Term = r.terms[t].String()
				if ts.Points > 0 {
					why.Terms = append(why.Terms, ts)
				}
			}
		}
		if ch.item >= 0 {
			it := &r.items[ch.item]
			k, _ := r.holds(it)
			why.Item = &ItemScore{Field: r.e.fields[it.field].name, Index: r.e.fields[it.field].index,
				Terms: k, Of: len(r.terms), Bonus: r.together(it)}
		}
		en := &r.e.entries[ch.entry]
		c := &en.Contact
		if en.OnPage { // the page's contacts come first, in order
			c = &r.e.dir.Contacts[ch.entry]
		}
		out[i] = Result{
			Contact: c,
			Entry:   en,
			Score:   ch.score,
			Matches: r.e.matches(ch.entry, &r.hs, r.hitOf, r.matched),
			Why:     why,
		}
	}
	return out
}

// Why is how a result's score adds up: Score is Bonus plus the Points of
// every term.
type Why struct {
	// Terms are the query's terms the result matched, in query order.
	Terms []TermScore
	// Bonus is the best bonus one of its fields earned for terms found
	// together (sameFieldBonus, adjacentBonus) or naming it (nameBonus).
	Bonus int
	// Item is the one repo, manual page or responsibility that counted
	// for the terms marked Item, if any.
	Item *ItemScore
}

// ItemScore says which item counted for a result and what it held.
type ItemScore struct {
	// Field and Index are those of its first field hit (Match's).
	Field string
	Index int
	// Terms is how many of the query's Of terms it holds in the words
	// typed; Bonus what holding them together earned (itemTogetherBonus
	// for each beyond the first, when it holds two or all).
	Terms, Of, Bonus int
}

// TermScore is what one query term earned a result.
type TermScore struct {
	// Term is the query's word, or the phrase a synonym stands for.
	Term string
	// Match is the term's best match in any of the result's fields: its
	// quality (score* constants) times the field's weight (weight*), in
	// percent.
	Match int
	// Rarity is the term's weight, in percent: rarityMin when every team
	// matches it, 100 when one does.
	Rarity int
	// Covered reports that the term matched a field that covers it (see
	// covers), which earns coverageBonus, or an item holding the question.
	Covered bool
	// Item reports that the term counted through the result's Item
	// (Why.Item): one repo, page or responsibility holding the question.
	Item bool
	// Synonym reports that only a synonym covered it while the word typed
	// is in the data, so it earned synonymCoverPercent of the coverage.
	Synonym bool
	// Share is the percent of the coverage its covering fields kept: the
	// share of the question the best of them holds, one term more.
	Share int
	// Points are Rarity * (coverageBonus if Covered + Match) / 100.
	Points int
}

// String says what a term stands for: the query's word, or the page
// phrases of the synonym it matched.
func (t term) String() string {
	var ws []string
	for _, g := range t.groups {
		ws = append(ws, strings.Join(g.words, " "))
	}
	return strings.Join(ws, " | ")
}

// warmUpQueries take every path of the matcher: a prefix, a stem, a slip
// in a short and a long word, letters left out, a compound, a synonym.
var warmUpQueries = []string{"da", "migrating", "databse", "kubernets", "infrastructre", "email-alert", "k8s postgres"}

// WarmUp runs a few searches that take every path of the matcher, so that
// a browser, which compiles a wasm function on its first call, has compiled
// them all before someone types: without it, the first "data" or "databas"
// typed after a page load took 2-4 ms instead of 0.3.
func (e *Engine) WarmUp() {
	for _, q := range warmUpQueries {
		e.Search(q, 1)
	}
}
