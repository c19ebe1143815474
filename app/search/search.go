// Package search ranks the teams of a directory (directory.Entries: the
// Ask for help page's contacts and every channel that owns a repo or
// maintains a manual page) for a query typed by a developer looking for
// help: "database migration", "who manages base images", "kubernets",
// "whitehall", "query kibana".
//
// Each word of the query is matched on its own (exactly, by stem, as a
// prefix, or with a typo, using github.com/sahilm/fuzzy for left-out
// letters) against the words of each team's evidence: the page's name,
// channel, email, summary and responsibilities for it, vocabulary terms,
// the names, apps, types and descriptions of the repos it owns, and the
// titles and headings of the manual pages it maintains; a team matching
// every word beats one matching a single word strongly. The scoring constants and
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
	"sync"

	"github.com/alphagov/askforhelp/app/directory"
	"github.com/alphagov/askforhelp/app/stem"
)

// Names of the fields a Match can come from (Match.Field).
const (
	FieldName           = "name"           // Contact.Name
	FieldChannel        = "channel"        // Contact.Channel or one of Contact.Channels
	FieldEmail          = "email"          // Contact.Email
	FieldSummary        = "summary"        // Contact.Summary
	FieldResponsibility = "responsibility" // Contact.Responsibilities[Match.Index]
	FieldVocabulary     = "vocabulary"     // an extra term from the vocabulary file
	// The repos a team owns; Match.Index is the repo's index in
	// Directory.Repos.
	FieldRepo            = "repo"             // Repo.Name
	FieldApp             = "app"              // one of Repo.Apps
	FieldRepoType        = "repo_type"        // Repo.Type
	FieldRepoDescription = "repo_description" // Repo.Description
	// The manual pages a team maintains; Match.Index is the page's index
	// in Directory.Manual.
	FieldPage    = "page"    // ManualPage.Title
	FieldHeading = "heading" // one of ManualPage.Headings
	FieldText    = "text"    // some of ManualPage.Words: what the page says
)

// Engine is a search index over one directory. It is built once by New and
// is then read-only: safe for concurrent use.
type Engine struct {
	scratch sync.Pool // *perField, for Search
	dir     *directory.Directory
	entries []directory.Entry
	vocab   *Vocabulary
	fields  []field
	// entryFields[c] is the first field of entry c; its fields run to
	// entryFields[c+1].
	entryFields []int32
	// items counts the items of the index: a repo, a manual page, a
	// responsibility, or any other field on its own (field.item).
	items int32
	words []wordInfo
	dict  map[string]int32
	// sorted lists word IDs in order of their text, for prefixes.
	sorted []int32
	// stems, byLen and byStemLen list words by stem, and by first rune
	// and length in runes of the word or its stem, for typos.
	stems     map[string][]int32
	byLen     map[lenKey][]int32
	byStemLen map[lenKey][]int32
	// posts lists where each word occurs, word by word: word id's are
	// posts[postStart[id]:postStart[id+1]]. One array, not a slice per
	// word: building the index allocates a few large arrays rather than
	// thousands of small ones, which in the browser is most of its cost.
	posts     []posting
	postStart []int32
	// tokens are every field's tokens, field by field (field.t0, t1).
	tokens []token
	// names are the repos' and apps' names, their words run together
	// ("signon", "emailalertapi"): proper names, never synonyms.
	names map[string]bool
	// load reads the tokens of each field from an index, in LoadIndex,
	// rather than tokenizing its text.
	load func()
}

// field is one searchable text of an entry.
type field struct {
	entry  int32
	name   string // one of the Field* names
	index  int    // see Match.Index
	text   string
	weight int
	page   bool  // from the Ask for help page (or the vocabulary for it)
	t0, t1 int32 // its tokens are Engine.tokens[t0:t1]
	// item is the one thing the field says something about: the fields of
	// one repo (name, apps, type, description) or of one manual page
	// (title, headings, text) share it.
	item int32
	// percent is how much its item counts, from whose it is: 100 but for
	// an alert's runbook or a person's page (alertPagePercent...).
	percent int
	// bag reports words kept without their order (a page's Words): no two
	// are next to each other.
	bag bool
}

// token is one indexed word in a field.
type token struct {
	word       int32
	start, end int32 // rune offsets into the field's text
	pos        uint8 // ordinal among the field's words (up to maxPos), for adjacency
	exact      bool  // see span.exact
	joined     bool  // a compound's parts run together ("emailalertapi")
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

// posting is one occurrence of a word: a field and a token in it (an
// index in Engine.tokens).
type posting struct{ field, tok int32 }

// postings are where word id occurs.
func (e *Engine) postings(id int32) []posting {
	return e.posts[e.postStart[id]:e.postStart[id+1]]
}

// fieldTokens are f's tokens.
func (e *Engine) fieldTokens(f *field) []token { return e.tokens[f.t0:f.t1] }

// indexPostings fills posts and postStart from the tokens, by counting.
func (e *Engine) indexPostings() {
	e.postStart = make([]int32, len(e.words)+1)
	for _, t := range e.tokens {
		e.postStart[t.word+1]++
	}
	for i := 1; i < len(e.postStart); i++ {
		e.postStart[i] += e.postStart[i-1]
	}
	next := append([]int32(nil), e.postStart[:len(e.words)]...)
	e.posts = make([]posting, len(e.tokens))
	for fi := range e.fields {
		f := &e.fields[fi]
		for ti := f.t0; ti < f.t1; ti++ {
			w := e.tokens[ti].word
			e.posts[next[w]] = posting{field: int32(fi), tok: ti}
			next[w]++
		}
	}
}

// Result is one team found by a search.
type Result struct {
	// Contact is the team's contact: it points into the directory passed
	// to New for a contact of the Ask for help page, and into Entry for
	// any other team.
	Contact *directory.Contact
	// Entry is the team with all its evidence (repos, manual pages).
	Entry *directory.Entry
	// Score is higher for better results; it only compares results of one
	// search.
	Score int
	// Why says how Score adds up.
	Why Why
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
		byLen: map[lenKey][]int32{}, byStemLen: map[lenKey][]int32{}, names: map[string]bool{},
	}
	if d == nil {
		e.entryFields = []int32{0}
		e.postStart = []int32{0}
		e.scratch.New = func() any { return newPerField(0, 0) }
		return e
	}
	e.entries = d.Entries()
	for ei := range e.entries {
		e.entryFields = append(e.entryFields, int32(len(e.fields)))
		e.addEntry(int32(ei))
	}
	e.entryFields = append(e.entryFields, int32(len(e.fields)))

	e.sorted = make([]int32, len(e.words))
	for i, w := range e.words {
		id := int32(i)
		e.sorted[i] = id
		e.stems[w.stem] = append(e.stems[w.stem], id)
		e.byLen[lenKey{w.runes[0], len(w.runes)}] = append(e.byLen[lenKey{w.runes[0], len(w.runes)}], id)
		e.byStemLen[lenKey{w.runes[0], len(w.stemRunes)}] = append(e.byStemLen[lenKey{w.runes[0], len(w.stemRunes)}], id)
	}
	sort.Slice(e.sorted, func(i, j int) bool { return e.words[e.sorted[i]].text < e.words[e.sorted[j]].text })
	e.indexPostings()
	e.scratch.New = func() any { return newPerField(len(e.fields), int(e.items)) }
	return e
}

// Entries are the teams the engine ranks (directory.Entries), in order.
func (e *Engine) Entries() []directory.Entry { return e.entries }

// runTogether is a name's words, normalised, with nothing between them.
func runTogether(name string) string {
	var b strings.Builder
	for _, parts := range tokenize([]rune(name)) {
		for _, p := range parts {
			b.WriteString(p.norm)
		}
	}
	return b.String()
}

// fromPage reports whether field comes from the Ask for help page (or
// the vocabulary for it): the synonyms stand for its words.
func fromPage(field string) bool {
	switch field {
	case FieldName, FieldChannel, FieldEmail, FieldSummary, FieldResponsibility, FieldVocabulary:
		return true
	}
	return false
}

// addEntry indexes the fields of entry ei. Each repo and each manual page
// is one item (field.item); any other field is an item of its own.
func (e *Engine) addEntry(ei int32) {
	en := &e.entries[ei]
	own := func() adder { return e.item(ei, 100) }
	c := &en.Contact
	if en.OnPage { // else the name is the channel's words
		own().add(FieldName, 0, c.Name, weightName)
	}
	own().add(FieldChannel, 0, c.Channel, weightChannel)
	for _, ch := range c.Channels {
		if ch != c.Channel {
			own().add(FieldChannel, 0, ch, weightChannel)
		}
	}
	for _, ch := range en.Owners {
		own().add(FieldChannel, 0, ch, weightChannel)
	}
	own().add(FieldEmail, 0, c.Email, weightEmail)
	own().add(FieldSummary, 0, c.Summary, weightSummary)
	for i, r := range c.Responsibilities {
		own().add(FieldResponsibility, i, r, weightResponsibility)
	}
	for _, t := range e.vocab.termsFor(c) {
		own().add(FieldVocabulary, 0, t, weightVocabulary)
	}
	for _, i := range en.Repos {
		e.addRepo(e.item(ei, 100), i)
	}
	for _, i := range en.Pages {
		e.addPage(e.item(ei, pagePercent(&e.dir.Manual[i])), i)
	}
}

// adder adds the fields of one item of an entry.
type adder struct {
	e       *Engine
	entry   int32
	item    int32
	percent int // field.percent
}

// item starts a new item of entry ei that counts percent.
func (e *Engine) item(ei int32, percent int) adder {
	e.items++
	return adder{e: e, entry: ei, item: e.items - 1, percent: percent}
}

// add indexes one field of the item, unless its text is blank.
func (a adder) add(name string, index int, text string, weight int) {
	if strings.TrimSpace(text) == "" {
		return
	}
	a.e.addField(field{entry: a.entry, name: name, index: index, text: text, weight: weight * a.percent / 100,
		page: fromPage(name), item: a.item, bag: name == FieldText, percent: a.percent})
}

// addRepo adds the fields of repo i to its item.
func (e *Engine) addRepo(a adder, i int) {
	r := &e.dir.Repos[i]
	a.add(FieldRepo, i, r.Name, weightRepo)
	if e.load == nil { // else the index holds them
		e.names[runTogether(r.Name)] = true
	}
	for _, ap := range r.Apps {
		if ap != r.Name {
			a.add(FieldApp, i, ap, weightRepo)
			if e.load == nil {
				e.names[runTogether(ap)] = true
			}
		}
	}
	a.add(FieldRepoType, i, r.Type, weightRepoType)
	a.add(FieldRepoDescription, i, r.Description, weightRepoDescription)
}

// addPage adds the fields of manual page i to its item: its title,
// headings, and the words of its text in tiers of textTier words, each
// weighing less than the one before.
func (e *Engine) addPage(a adder, i int) {
	p := &e.dir.Manual[i]
	a.add(FieldPage, i, p.Title, weightPage)
	for _, h := range p.Headings {
		a.add(FieldHeading, i, h, weightHeading)
	}
	ws := strings.Fields(p.Words)
	for w := weightText; len(ws) > 0; w = w * textTierPercent / 100 {
		n := min(len(ws), textTier)
		a.add(FieldText, i, strings.Join(ws[:n], " "), w)
		ws = ws[n:]
	}
}

// pagePercent is how much a manual page counts, from whose it is. An
// alert's runbook (a page under manual/alerts/) says how whoever is on
// call handles an alert about a subject, not who looks after the subject.
// A page maintained by a person is listed under the fallback team, which
// only stands in.
func pagePercent(p *directory.ManualPage) int {
	switch {
	case !strings.HasPrefix(p.Owner, "#"):
		return personPagePercent
	case strings.HasPrefix(p.URL, directory.ManualURL+"alerts/"):
		return alertPagePercent
	}
	return 100
}

// addField tokenises f's text and indexes its words. Single letters are
// left out. Stop words are kept for their other forms ("helping" finds
// "helps") but only match by stem: see matchWord.
func (e *Engine) addField(f field) {
	f.t0 = int32(len(e.tokens))
	if e.load != nil {
		e.load()
		f.t1 = int32(len(e.tokens))
		e.fields = append(e.fields, f)
		return
	}
	addToken := func(norm string, start, end int, pos int32, exact, joined bool) bool {
		if runeLen(norm) < 2 {
			return false
		}
		id, ok := e.dict[norm]
		if !ok {
			id = int32(len(e.words))
			e.dict[norm] = id
			st := stem.Of(norm)
			rs, srs := []rune(norm), []rune(st)
			e.words = append(e.words, wordInfo{
				text: norm, stem: st, runes: rs, stemRunes: srs, mask: runeMask(rs), stemMask: runeMask(srs),
				stop: e.vocab.stop[norm],
			})
		}
		e.tokens = append(e.tokens, token{
			word: id, start: int32(start), end: int32(end), pos: uint8(min(pos, maxPos)), exact: exact, joined: joined,
		})
		// Stop words take no position of their own: "monitoring and
		// alerting" has its words next to each other.
		return !e.words[id].stop
	}
	pos := int32(0)
	for _, parts := range tokenize([]rune(f.text)) {
		first := pos
		for _, p := range parts {
			if addToken(p.norm, p.start, p.end, pos, p.exact, false) {
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
			if addToken(b.String(), parts[0].start, parts[len(parts)-1].end, first, false, true) && pos == first {
				pos++
			}
		}
	}
	f.t1 = int32(len(e.tokens))
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
	// raw are the query's words, compounds cut into their parts (for
	// synonyms: "on-call" is "on call"); termOf maps each to its term, or -1.
	var raw []string
	var termOf []int
	var terms []term
	for _, parts := range tokenize(rs) {
		// A compound ("gov.uk", "email-alert-api") is one term: the words
		// run together, as the index also holds them, or its parts, each
		// counting for its share.
		var ws []string
		for _, p := range parts {
			raw = append(raw, p.norm)
			if e.meaningful(p.norm) && !slices.Contains(ws, p.norm) {
				ws = append(ws, p.norm)
			}
		}
		joined := ws
		if len(parts) > 1 {
			var b strings.Builder
			for _, p := range parts {
				b.WriteString(p.norm)
			}
			joined = []string{b.String()}
		}
		t := -1
		if len(ws) > 0 {
			t = slices.IndexFunc(terms, func(t term) bool { return t.groups[0].words[0] == joined[0] })
			if t < 0 && len(terms) < maxQueryWords {
				t = len(terms)
				terms = append(terms, term{groups: []group{{words: joined, weight: 100, own: true}}})
				if len(parts) > 1 {
					terms[t].groups = append(terms[t].groups, group{words: ws, weight: 100, own: true})
				}
			}
		}
		for range parts {
			termOf = append(termOf, t)
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
			if len(targets) == 0 || e.names[strings.Join(raw[i:i+n], "")] {
				continue // not in the vocabulary, or the name of an app
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

// likely reports whether every term hit i matched, matched its field (of
// weight w) at least as surely as a one-letter typo: a word two letters
// off ("poster" for "postgres") does not name what the user typed.
func (hs *hitSet) likely(i int32, w int) bool {
	for m := hs.mask[i]; m != 0; m &= m - 1 {
		if int(hs.best[int(i)*hs.n+bits.TrailingZeros32(m)]) < scoreTypo*w/100 {
			return false
		}
	}
	return true
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

// entryHit is what one query matched in one contact.
type entryHit struct {
	entry int32
	at    int32 // its index in run.chits as collected, for run.chBest
	mask  uint32
	// covered are the terms matched in a field that earns coverageBonus;
	// coveredOwn those of them matched there by the query's own word, not
	// only by a synonym.
	covered, coveredOwn uint32
	bonus               int // best together-in-one-field bonus of its fields
	// item is the index in run.items of its item that holds most of the
	// query (see run.rank), or -1.
	item  int32
	score int
}

// itemHit is what one query matched in one item (field.item): the terms
// its fields matched by the query's own words, and the first field hit.
type itemHit struct {
	item  int32
	entry int32 // index in run.chits
	own   uint32
	// together are the most terms one of its naming fields holds in the
	// query's own words (see naming).
	together uint32
	field    int32
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

// topK returns the k best of hs in order, for a small k, without sorting
// them all.
func topK(hs []entryHit, k int, cmp func(a, b entryHit) int) []entryHit {
	if k > 64 {
		sort.Slice(hs, func(i, j int) bool { return cmp(hs[i], hs[j]) < 0 })
		return hs[:k]
	}
	top := make([]entryHit, 0, k+1)
	for _, h := range hs {
		if len(top) == k && cmp(h, top[k-1]) >= 0 {
			continue
		}
		i := sort.Search(len(top), func(i int) bool { return cmp(top[i], h) >= 0 })
		top = append(top, entryHit{})
		copy(top[i+1:], top[i:])
		top[i] = h
		if len(top) > k {
			top = top[:k]
		}
	}
	return top
}

// MaxMatches is how many of its texts that matched a result lists.
const MaxMatches = 12

// matches lists what matched in entry c, best first, with highlights: at
// most MaxMatches texts. Only those are highlighted: a team with hundreds
// of manual page headings may match a short prefix in most of them.
func (e *Engine) matches(c int32, hs *hitSet, hitOf []int32, matched map[int32]wordMatch) []Match {
	type scored struct {
		field int32
		score int
	}
	// The best MaxMatches fields, kept in order as they come: a team with
	// many manual pages hits hundreds of fields on a short prefix ("co"),
	// and sorting them all was a fifth of such a search. Equal scores keep
	// field order (name, channel, ... vocabulary).
	var ms []scored
	for fi := e.entryFields[c]; fi < e.entryFields[c+1]; fi++ {
		h := hitOf[fi] - 1
		if h < 0 {
			continue
		}
		score := hs.bonus(h)
		for _, b := range hs.best[int(h)*hs.n : int(h+1)*hs.n] {
			score += int(b)
		}
		if len(ms) == MaxMatches && score <= ms[len(ms)-1].score {
			continue
		}
		if len(ms) < MaxMatches {
			ms = append(ms, scored{})
		}
		i := len(ms) - 1
		for ; i > 0 && score > ms[i-1].score; i-- {
			ms[i] = ms[i-1]
		}
		ms[i] = scored{fi, score}
	}
	out := make([]Match, len(ms))
	for i := range out {
		f := &e.fields[ms[i].field]
		var rs [][2]int
		for _, t := range e.fieldTokens(f) {
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
		out[i] = Match{Field: f.name, Index: f.index, Text: f.text, Ranges: mergeRanges(rs)}
	}
	return out
}

// mergeRanges sorts ranges and merges those that overlap or touch.
func mergeRanges(rs [][2]int) [][2]int {
	// Insertion sort: the ranges come nearly in order (a field's tokens
	// are), a few at a time, and sort.Slice's reflection costs more.
	for i := 1; i < len(rs); i++ {
		for j := i; j > 0 && (rs[j][0] < rs[j-1][0] || rs[j][0] == rs[j-1][0] && rs[j][1] < rs[j-1][1]); j-- {
			rs[j], rs[j-1] = rs[j-1], rs[j]
		}
	}
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
