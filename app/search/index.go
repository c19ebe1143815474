package search

import (
	"encoding/binary"
	"errors"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/alphagov/askforhelp/app/directory"
)

// An index is what New derives from a directory by tokenizing and
// stemming its texts (the words, each field's tokens, the words' order and
// groups, the names of repos and apps), written once by MarshalIndex at
// `make data` time and read back by LoadIndex. In the browser, New costs
// 45-90 ms of a first answer (thousands of small allocations in code the
// browser has not compiled yet); reading an index is a few loops over a
// string constant, whose strings are slices of it.
//
// The format: unsigned varints (binary.Uvarint) and strings, each a varint
// length and its bytes:
//
//	version, checksum (8 bytes, little-endian: see fieldsChecksum)
//	vocabulary: the stop words (n, then each), the synonyms (n, then
//	       each key, its number of phrases, and each phrase's words as a
//	       list of strings), the longest key in words, and the contacts'
//	       terms (n, then each key and its list of terms), keys in order
//	words: n, then each word's text and its stem: a varint k, then, if
//	       k is 0, the stem as a string, else the stem is text[:k]
//	sorted: the n word ids in order of their text
//	stems, byLen, byStemLen: each a number of groups, then each group's
//	       size and word ids (the groups' keys are those of their first word)
//	fields: n, the number of tokens, then each field's tokens: a count,
//	       then for each its flags (tokenExact...), its word, its start
//	       (zigzag, less the previous token's end), then end - start
//	       unless tokenWordLen, and pos unless tokenSamePos or tokenNextPos:
//	       small numbers, mostly one byte each, for a smaller answer.wasm
//	names: n, then each name
//
// What is cheap to derive is not stored: the fields themselves (walked
// from the directory as New does), runes and masks, the dictionary and the
// postings. The vocabulary is stored parsed: parsing vocabulary.txt was a
// fifth of LoadIndex's time in a browser that had not compiled the parser.
const indexVersion = 3

// Flags of a token in an index.
const (
	tokenExact   = 1 << iota // token.exact
	tokenJoined              // token.joined
	tokenWordLen             // end - start is the word's length in runes
	tokenSamePos             // pos is the previous token's (0 for the first)
	tokenNextPos             // pos is the previous token's + 1
)

// MarshalIndex writes e's index, for LoadIndex. It is a function, not a
// method: go-app's use of reflection keeps every exported method of a type
// in app.wasm, which never writes an index.
func MarshalIndex(e *Engine) []byte {
	var b []byte
	num := func(n int) { b = binary.AppendUvarint(b, uint64(n)) }
	str := func(s string) { num(len(s)); b = append(b, s...) }
	ids := func(ids []int32) {
		num(len(ids))
		for _, id := range ids {
			num(int(id))
		}
	}
	strs := func(ss []string) {
		num(len(ss))
		for _, s := range ss {
			str(s)
		}
	}
	num(indexVersion)
	b = binary.LittleEndian.AppendUint64(b, e.fieldsChecksum())
	v := e.vocab
	strs(slices.Sorted(maps.Keys(v.stop)))
	keys := slices.Sorted(maps.Keys(v.synonyms))
	num(len(keys))
	for _, k := range keys {
		str(k)
		num(len(v.synonyms[k]))
		for _, phrase := range v.synonyms[k] {
			strs(phrase)
		}
	}
	num(v.longest)
	keys = slices.Sorted(maps.Keys(v.terms))
	num(len(keys))
	for _, k := range keys {
		str(k)
		strs(v.terms[k])
	}
	num(len(e.words))
	for _, w := range e.words {
		str(w.text)
		if w.stem != "" && strings.HasPrefix(w.text, w.stem) {
			num(len(w.stem))
		} else {
			num(0)
			str(w.stem)
		}
	}
	for _, id := range e.sorted {
		num(int(id))
	}
	for _, groups := range [][][]int32{mapGroups(e.stems), mapGroups(e.byLen), mapGroups(e.byStemLen)} {
		num(len(groups))
		for _, g := range groups {
			ids(g)
		}
	}
	num(len(e.fields))
	num(len(e.tokens))
	for fi := range e.fields {
		ts := e.fieldTokens(&e.fields[fi])
		num(len(ts))
		var end int32
		var pos uint8
		for _, t := range ts {
			flags := 0
			if t.exact {
				flags |= tokenExact
			}
			if t.joined {
				flags |= tokenJoined
			}
			if int(t.end-t.start) == len(e.words[t.word].runes) {
				flags |= tokenWordLen
			}
			switch t.pos {
			case pos:
				flags |= tokenSamePos
			case pos + 1:
				flags |= tokenNextPos
			}
			num(flags)
			num(int(t.word))
			d := t.start - end
			num(int(uint32(d<<1) ^ uint32(d>>31))) // zigzag
			if flags&tokenWordLen == 0 {
				num(int(t.end - t.start))
			}
			if flags&(tokenSamePos|tokenNextPos) == 0 {
				num(int(t.pos))
			}
			end, pos = t.end, t.pos
		}
	}
	names := make([]string, 0, len(e.names))
	for n := range e.names {
		names = append(names, n)
	}
	slices.Sort(names)
	num(len(names))
	for _, n := range names {
		str(n)
	}
	return b
}

// mapGroups are m's values in order of their first word, which is how
// they are written: the same engine always writes the same index.
func mapGroups[K comparable](m map[K][]int32) [][]int32 {
	var gs [][]int32
	for _, g := range m {
		gs = append(gs, g)
	}
	slices.SortFunc(gs, func(a, b []int32) int { return int(a[0] - b[0]) })
	return gs
}

// fieldsChecksum sums up the fields (FNV-1a), so that an index is never
// read against a directory or vocabulary other than the ones it was made
// from. Written out rather than with hash/fnv: no allocation per field.
func (e *Engine) fieldsChecksum() uint64 {
	h := uint64(14695981039346656037)
	add := func(s string) {
		for i := 0; i < len(s); i++ {
			h = (h ^ uint64(s[i])) * 1099511628211
		}
		h = (h ^ 0xff) * 1099511628211 // the end of s: no two lists of texts sum alike by shifting a letter
	}
	for _, f := range e.fields {
		add(f.name)
		add(f.text)
		for _, x := range []int{int(f.entry), f.index, f.weight} {
			h = (h ^ uint64(x)) * 1099511628211
		}
	}
	return h
}

// errIndex is an index that does not read as MarshalIndex writes one. A
// constant, not errors.New in a variable, which app.wasm, never reading an
// index, would initialise and carry.
const errIndex = indexError("search: the index is corrupt, stale or from another version: regenerate it (make index)")

type indexError string

func (e indexError) Error() string { return string(e) }

// indexReader reads an index; a read past its end or a value out of range
// sets err, after which every read returns zero.
type indexReader struct {
	s   string
	err error
}

func (r *indexReader) num() int {
	var x uint64
	for shift := 0; r.err == nil; shift += 7 {
		if len(r.s) == 0 || shift > 35 {
			r.err = errIndex
			break
		}
		c := r.s[0]
		r.s = r.s[1:]
		x |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return int(x)
		}
	}
	return 0
}

// below reads a number that must be less than n.
func (r *indexReader) below(n int) int {
	x := r.num()
	if x >= n {
		r.err = errIndex
		return 0
	}
	return x
}

func (r *indexReader) str() string {
	n := r.num()
	if n > len(r.s) {
		r.err = errIndex
		return ""
	}
	s := r.s[:n]
	r.s = r.s[n:]
	return s
}

// strs reads a list of strings.
func (r *indexReader) strs() []string {
	n := r.below(len(r.s) + 1)
	if n == 0 {
		return nil
	}
	ss := make([]string, n)
	for i := range ss {
		ss[i] = r.str()
	}
	return ss
}

// vocabulary reads the vocabulary section.
func (r *indexReader) vocabulary() *Vocabulary {
	stop := r.strs()
	v := &Vocabulary{stop: make(map[string]bool, len(stop))}
	for _, w := range stop {
		v.stop[w] = true
	}
	n := r.below(len(r.s) + 1)
	v.synonyms = make(map[string][][]string, n)
	for range n {
		k := r.str()
		phrases := make([][]string, r.below(len(r.s)+1))
		for i := range phrases {
			phrases[i] = r.strs()
		}
		v.synonyms[k] = phrases
	}
	v.longest = r.below(1 << 10)
	n = r.below(len(r.s) + 1)
	v.terms = make(map[string][]string, n)
	for range n {
		k := r.str()
		v.terms[k] = r.strs()
	}
	return v
}

// groups reads a group section over n words, the groups slices of one
// array.
func (r *indexReader) groups(n int) [][]int32 {
	count := r.below(n + 1)
	all := make([]int32, 0, n)
	gs := make([][]int32, 0, count)
	for range count {
		size := r.below(n + 1)
		if size == 0 || size > n-len(all) {
			r.err = errIndex
			return nil
		}
		start := len(all)
		for range size {
			all = append(all, int32(r.below(n)))
		}
		gs = append(gs, all[start:len(all):len(all)])
	}
	return gs
}

// LoadIndex is New(d) from an index MarshalIndex wrote of New(d): the same
// engine, answering every query as New's does, for a fraction of the cost.
// It fails when the index does not read or was made from other data. It
// answers with the vocabulary stored in the index (seedindex's
// TestIndexIsFresh checks that it is vocabulary.txt's).
func LoadIndex(d *directory.Directory, index string) (*Engine, error) {
	if d == nil {
		return nil, errors.New("search: LoadIndex needs the directory the index was made from")
	}
	r := &indexReader{s: index}
	if r.num() != indexVersion {
		return nil, errIndex
	}
	if len(r.s) < 8 {
		return nil, errIndex
	}
	var sum uint64
	for i := range 8 {
		sum |= uint64(r.s[i]) << (8 * i)
	}
	r.s = r.s[8:]
	v := r.vocabulary()
	if r.err != nil {
		return nil, r.err
	}
	e := &Engine{dir: d, vocab: v}
	e.entries = d.Entries()

	// Words, their runes in one array.
	n := r.below(1 << 20)
	e.words = make([]wordInfo, n)
	nRunes := 0
	for i := range e.words {
		w := &e.words[i]
		w.text = r.str()
		if k := r.num(); k > 0 && k <= len(w.text) {
			w.stem = w.text[:k]
		} else {
			w.stem = r.str()
		}
		if w.text == "" || w.stem == "" {
			r.err = errIndex
		}
		if r.err != nil {
			return nil, r.err
		}
		nRunes += utf8.RuneCountInString(w.text) + utf8.RuneCountInString(w.stem)
	}
	runes := make([]rune, 0, nRunes)
	asRunes := func(s string) []rune {
		start := len(runes)
		for _, c := range s {
			runes = append(runes, c)
		}
		return runes[start:len(runes):len(runes)]
	}
	e.dict = make(map[string]int32, n)
	for i := range e.words {
		w := &e.words[i]
		w.runes, w.stemRunes = asRunes(w.text), asRunes(w.stem)
		w.mask, w.stemMask = runeMask(w.runes), runeMask(w.stemRunes)
		w.stop = v.stop[w.text]
		e.dict[w.text] = int32(i)
	}
	if len(e.dict) != n {
		return nil, errIndex
	}
	e.sorted = make([]int32, n)
	for i := range e.sorted {
		e.sorted[i] = int32(r.below(n))
	}
	stems, byLen, byStemLen := r.groups(n), r.groups(n), r.groups(n)
	if r.err != nil {
		return nil, r.err
	}
	e.stems = make(map[string][]int32, len(stems))
	for _, g := range stems {
		e.stems[e.words[g[0]].stem] = g
	}
	e.byLen = make(map[lenKey][]int32, len(byLen))
	for _, g := range byLen {
		w := &e.words[g[0]]
		e.byLen[lenKey{w.runes[0], len(w.runes)}] = g
	}
	e.byStemLen = make(map[lenKey][]int32, len(byStemLen))
	for _, g := range byStemLen {
		w := &e.words[g[0]]
		e.byStemLen[lenKey{w.runes[0], len(w.stemRunes)}] = g
	}
	if len(e.stems) != len(stems) || len(e.byLen) != len(byLen) || len(e.byStemLen) != len(byStemLen) {
		return nil, errIndex
	}

	// Fields, as New walks them, with their tokens from the index.
	nFields := r.num()
	if r.err != nil || nFields > len(index) {
		return nil, errIndex
	}
	nTokens := r.num()
	if r.err != nil || nTokens > len(index) {
		return nil, errIndex
	}
	e.fields = make([]field, 0, nFields)
	e.tokens = make([]token, 0, nTokens)
	e.load = func() {
		if r.err != nil || len(e.fields) == nFields {
			r.err = errIndex
			return
		}
		var end int32
		var pos uint8
		for range r.num() {
			flags := r.below(tokenNextPos << 1)
			t := token{word: int32(r.below(n)), exact: flags&tokenExact != 0, joined: flags&tokenJoined != 0}
			z := uint32(r.num())
			t.start = end + (int32(z>>1) ^ -int32(z&1)) // zigzag
			switch {
			case flags&tokenWordLen != 0:
				t.end = t.start + int32(len(e.words[t.word].runes))
			default:
				t.end = t.start + int32(r.num())
			}
			switch {
			case flags&tokenSamePos != 0:
				t.pos = pos
			case flags&tokenNextPos != 0:
				t.pos = pos + 1
			default:
				t.pos = uint8(r.below(maxPos + 1))
			}
			if r.err != nil {
				return
			}
			e.tokens = append(e.tokens, t)
			end, pos = t.end, t.pos
		}
	}
	for ei := range e.entries { // as New does
		e.entryFields = append(e.entryFields, int32(len(e.fields)))
		e.addEntry(int32(ei))
	}
	e.entryFields = append(e.entryFields, int32(len(e.fields)))
	e.load = nil
	if r.err != nil || len(e.fields) != nFields || e.fieldsChecksum() != sum {
		return nil, errIndex
	}
	nNames := r.below(len(index) + 1)
	e.names = make(map[string]bool, nNames)
	for range nNames {
		e.names[r.str()] = true
	}
	if r.err != nil || r.s != "" {
		return nil, errIndex
	}
	e.indexPostings()
	e.scratch.New = func() any { return newPerField(len(e.fields), int(e.items)) }
	return e, nil
}
