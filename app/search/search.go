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
	"strings"

	"github.com/alphagov/askforhelp/app/directory"
)

// Names of the fields a Match can come from.
const (
	FieldName           = "name"
	FieldChannel        = "channel"
	FieldEmail          = "email"
	FieldSummary        = "summary"
	FieldResponsibility = "responsibility"
	FieldVocabulary     = "vocabulary"
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
	// sorted lists word IDs in order of their text; buckets gives the range
	// of sorted whose words start with a rune.
	sorted   []int32
	buckets  map[rune][2]int32
	postings [][]posting // by word ID: where the word occurs
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
	pos        int16 // ordinal among the field's words (capped), for adjacency
	exact      bool  // see span.exact
}

// wordInfo is one distinct indexed word.
type wordInfo struct {
	text      string
	stem      string
	runes     []rune
	stemRunes []rune
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
	e := &Engine{dir: d, vocab: v, dict: map[string]int32{}, buckets: map[rune][2]int32{}}
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
	for i := range e.sorted {
		e.sorted[i] = int32(i)
	}
	slices.SortFunc(e.sorted, func(a, b int32) int { return strings.Compare(e.words[a].text, e.words[b].text) })
	for i := 0; i < len(e.sorted); {
		r := e.words[e.sorted[i]].runes[0]
		j := i
		for j < len(e.sorted) && e.words[e.sorted[j]].runes[0] == r {
			j++
		}
		e.buckets[r] = [2]int32{int32(i), int32(j)}
		i = j
	}
	return e
}

// addField tokenises f's text and indexes its words. Stop words and single
// letters are left out: no query word is matched against them.
func (e *Engine) addField(f field) {
	fi := int32(len(e.fields))
	pos := int32(0)
	addToken := func(norm string, start, end int, exact bool) {
		if runeLen(norm) < 2 || e.vocab.stop[norm] {
			return
		}
		id, ok := e.dict[norm]
		if !ok {
			id = int32(len(e.words))
			e.dict[norm] = id
			st := stem(norm)
			e.words = append(e.words, wordInfo{text: norm, stem: st, runes: []rune(norm), stemRunes: []rune(st)})
			e.postings = append(e.postings, nil)
		}
		e.postings[id] = append(e.postings[id], posting{field: fi, tok: int32(len(f.tokens))})
		f.tokens = append(f.tokens, token{word: id, start: int32(start), end: int32(end), pos: int16(min(pos, 1<<15-1)), exact: exact})
	}
	for _, parts := range tokenize([]rune(f.text)) {
		first := pos
		for _, p := range parts {
			n := len(f.tokens)
			addToken(p.norm, p.start, p.end, p.exact)
			if len(f.tokens) > n {
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
			save := pos
			pos = first
			addToken(b.String(), parts[0].start, parts[len(parts)-1].end, false)
			pos = max(save, first+1)
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
	rs := []rune(query)
	if len(rs) > maxQueryRunes {
		rs = rs[:maxQueryRunes]
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
	for i := range raw {
		for n := 1; n <= e.vocab.longest && i+n <= len(raw); n++ {
			targets := e.vocab.synonyms[strings.Join(raw[i:i+n], " ")]
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
			if !attached && len(terms) < maxQueryWords {
				terms = append(terms, term{})
				e.addSynonyms(&terms[len(terms)-1], targets)
			}
		}
	}
	return terms
}

// meaningful reports whether a word is worth matching: not a stop word,
// not a single letter. Only such words are indexed.
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

// fieldHit is what one query matched in one field.
type fieldHit struct {
	field int32
	mask  uint32               // terms matched
	own   uint32               // terms matched by the query's own word
	best  [maxQueryWords]int16 // best weighted score per term
	pos   [maxQueryWords]int16 // the position of that best match
}

// contactHit is what one query matched in one contact.
type contactHit struct {
	contact int32
	mask    uint32
	best    [maxQueryWords]int16 // best over the contact's fields
	bonus   int                  // best together-in-one-field bonus
	score   int
}

// scratch is a per-field accumulator reset after each use: the fields
// touched are listed so that resetting costs what using did.
type scratch struct {
	val     []int16
	pos     []int16
	touched []int32
}

func newScratch(n int) scratch {
	return scratch{val: make([]int16, n), pos: make([]int16, n)}
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
	type altMatches struct {
		word  string
		loose bool
		ms    []wordMatch
	}
	var cache []altMatches
	lookup := func(w string, loose bool) []wordMatch {
		for _, c := range cache {
			if c.word == w && c.loose == loose {
				return c.ms
			}
		}
		ms := e.matchWord(w, loose)
		cache = append(cache, altMatches{w, loose, ms})
		return ms
	}
	matched := map[int32]wordMatch{}

	// Score fields, term by term and group by group. A word's best match
	// in a field counts once; a group's words add up, divided by their
	// number; a term keeps its best group. hitOf[f] is 1 + f's index in hits.
	hitOf := make([]int32, len(e.fields))
	var hits []fieldHit
	word, grp := newScratch(len(e.fields)), newScratch(len(e.fields))
	for ti := range terms {
		for _, g := range terms[ti].groups {
			for _, w := range g.words {
				for _, m := range lookup(w, g.own) {
					if old, ok := matched[m.id]; !ok || m.score > old.score {
						matched[m.id] = m
					}
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
				h := hitOf[f]
				if h == 0 {
					hits = append(hits, fieldHit{field: f})
					h = int32(len(hits))
					hitOf[f] = h
				}
				fh := &hits[h-1]
				fh.mask |= 1 << ti
				if g.own {
					fh.own |= 1 << ti
				}
				if v > fh.best[ti] {
					fh.best[ti] = v
					fh.pos[ti] = grp.pos[f]
				}
			}
			grp.touched = grp.touched[:0]
		}
	}
	if len(hits) == 0 {
		return nil
	}

	// Gather fields into contacts. hitOfContact[c] is 1 + c's index in chits.
	var all uint32 // the terms matched anywhere
	for i := range hits {
		all |= hits[i].mask
	}
	hitOfContact := make([]int32, len(e.contactFields)-1)
	var chits []contactHit
	for i := range hits {
		fh := &hits[i]
		c := e.fields[fh.field].contact
		h := hitOfContact[c]
		if h == 0 {
			chits = append(chits, contactHit{contact: c})
			h = int32(len(chits))
			hitOfContact[c] = h
		}
		ch := &chits[h-1]
		ch.mask |= fh.mask
		for m := fh.mask; m != 0; m &= m - 1 {
			t := bits.TrailingZeros32(m)
			ch.best[t] = max(ch.best[t], fh.best[t])
		}
		b := fh.bonus()
		if fh.own == all {
			if f := e.fields[fh.field].name; f == FieldName || f == FieldChannel {
				b += nameBonus
			}
		}
		ch.bonus = max(ch.bonus, b)
	}

	// Rarity of each term: how few contacts it matches.
	var df [maxQueryWords]int
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
			score += rarity * (coverageBonus + int(ch.best[t])) / 100
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
		slices.SortFunc(chits, better)
	}

	out := make([]Result, len(chits))
	for i, ch := range chits {
		out[i] = Result{
			Contact: &e.dir.Contacts[ch.contact],
			Score:   ch.score,
			Matches: e.matches(ch.contact, hits, hitOf, matched),
		}
	}
	return out
}

// bonus is the reward for terms found together in this field.
func (fh *fieldHit) bonus() int {
	n := bits.OnesCount32(fh.mask)
	b := sameFieldBonus * (n - 1)
	for m := fh.mask; m != 0; m &= m - 1 {
		t := bits.TrailingZeros32(m)
		for m2 := m & (m - 1); m2 != 0; m2 &= m2 - 1 {
			u := bits.TrailingZeros32(m2)
			if d := fh.pos[t] - fh.pos[u]; d == 1 || d == -1 {
				b += adjacentBonus
			}
		}
	}
	return b
}

// topK returns the k best of hs in order, for a small k, without sorting
// them all.
func topK(hs []contactHit, k int, cmp func(a, b contactHit) int) []contactHit {
	if k > 64 {
		slices.SortFunc(hs, cmp)
		return hs[:k]
	}
	top := make([]contactHit, 0, k+1)
	for _, h := range hs {
		if len(top) == k && cmp(h, top[k-1]) >= 0 {
			continue
		}
		i, _ := slices.BinarySearchFunc(top, h, cmp)
		top = slices.Insert(top, i, h)
		if len(top) > k {
			top = top[:k]
		}
	}
	return top
}

// matches lists what matched in contact c, best first, with highlights.
func (e *Engine) matches(c int32, hits []fieldHit, hitOf []int32, matched map[int32]wordMatch) []Match {
	type scored struct {
		m     Match
		score int
		field int32
	}
	var ms []scored
	for fi := e.contactFields[c]; fi < e.contactFields[c+1]; fi++ {
		h := hitOf[fi]
		if h == 0 {
			continue
		}
		fh := &hits[h-1]
		f := &e.fields[fi]
		score := fh.bonus()
		for m := fh.mask; m != 0; m &= m - 1 {
			score += int(fh.best[bits.TrailingZeros32(m)])
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
		ms = append(ms, scored{Match{Field: f.name, Index: f.index, Text: f.text, Ranges: mergeRanges(rs)}, score, fi})
	}
	slices.SortStableFunc(ms, func(a, b scored) int { return b.score - a.score })
	out := make([]Match, len(ms))
	for i := range ms {
		out[i] = ms[i].m
	}
	return out
}

// mergeRanges sorts ranges and merges those that overlap or touch.
func mergeRanges(rs [][2]int) [][2]int {
	slices.SortFunc(rs, func(a, b [2]int) int {
		if a[0] != b[0] {
			return a[0] - b[0]
		}
		return a[1] - b[1]
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
