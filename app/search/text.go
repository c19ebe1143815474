package search

import (
	"unicode"
	"unicode/utf8"
)

// Bounds on the work one query can cause, whatever is pasted into the box.
const (
	// MaxQueryRunes is how much of a query is read; the rest is ignored.
	// The pages cut a query from the address to it before rendering.
	MaxQueryRunes = 200
	// maxQueryWords is how many distinct meaningful words of a query are
	// matched; it is also the width of the per-field score arrays.
	maxQueryWords = 16
	// maxGroups bounds the ways one query word is matched: itself and the
	// page phrases its synonyms stand for.
	maxGroups = 16
)

// A span is one word of a text, normalised, with where it is in the text.
type span struct {
	norm       string // lower case, combining marks and apostrophes dropped
	start, end int    // rune offsets into the text, [start, end)
	// exact reports that norm's runes are the text's runes in
	// [start, end) one for one, so a highlight can cover part of the word.
	exact bool
}

// isWordRune reports whether r belongs to a word: letters, digits and
// combining marks (which are dropped from the normalised form).
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf { // most text: no table to search
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || isMark(r)
}

// isMark is unicode.IsMark, which searches a table for every rune: no
// combining mark comes before U+0300, and nearly every rune indexed does.
func isMark(r rune) bool {
	return r >= 0x300 && unicode.IsMark(r)
}

// isJoiner reports whether r, between two words, makes them one compound:
// channel names (govuk-user-reviewer), CI/CD, GOV.UK, email addresses.
// The parts are indexed on their own and joined ("govuk", "cicd").
func isJoiner(r rune) bool {
	switch r {
	case '-', '/', '.', '@', '_', '‐', '‑':
		return true
	}
	return false
}

// isApostrophe reports whether r, inside a word, is dropped rather than
// splitting it: "don’t" is "dont", "team's" is "teams".
func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == 'ʼ'
}

// tokenize splits text into compounds (words joined by joiners), each a
// list of its parts in order. Anything else (spaces, punctuation, emoji,
// control characters) separates words. Parts that normalise to nothing
// (a lone combining mark) are left out.
func tokenize(rs []rune) [][]span {
	var out [][]span
	var parts []span
	var buf []byte // the part, normalised, as UTF-8
	flush := func() {
		if len(parts) > 0 {
			out = append(out, parts)
			parts = nil
		}
	}
	i := 0
	for i < len(rs) {
		if !isWordRune(rs[i]) {
			flush()
			i++
			continue
		}
		start, exact := i, true
		buf = buf[:0]
	scan:
		for i < len(rs) {
			r := rs[i]
			switch {
			case isMark(r):
				exact = false
			case 'A' <= r && r <= 'Z':
				buf = append(buf, byte(r)+'a'-'A')
			case r < utf8.RuneSelf && isWordRune(r):
				buf = append(buf, byte(r))
			case isWordRune(r):
				buf = utf8.AppendRune(buf, unicode.ToLower(r))
			case isApostrophe(r) && i+1 < len(rs) && isWordRune(rs[i+1]) && len(buf) > 0:
				exact = false
			default:
				break scan
			}
			i++
		}
		if len(buf) > 0 {
			parts = append(parts, span{norm: string(buf), start: start, end: i, exact: exact})
		}
		if len(buf) > 0 && i+1 < len(rs) && isJoiner(rs[i]) && isWordRune(rs[i+1]) && !isMark(rs[i+1]) {
			i++ // the joiner; the next part continues this compound
			continue
		}
		flush()
	}
	flush()
	return out
}

// runeLen is the number of runes in s.
func runeLen(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

// firstRune is the first rune of s, or 0.
func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// osaDistance is the optimal string alignment distance between a and b
// (insertions, deletions, substitutions and transpositions of adjacent
// runes, each costing one), or max+1 as soon as it must exceed max. buf
// is scratch space, reused between calls to spare allocations.
func osaDistance(a, b []rune, max int, buf *[]int) int {
	if d := len(a) - len(b); d > max || -d > max {
		return max + 1
	}
	n := len(b) + 1
	if cap(*buf) < 3*n {
		*buf = make([]int, 3*n)
	}
	// Three rows: the one before last (for transpositions), last, current.
	rows := (*buf)[:3*n]
	prev2, prev, cur := rows[:n], rows[n:2*n], rows[2*n:]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
