package data

import (
	"fmt"
	"strings"
)

// unitBook maps the names offices type to canonical unit names. Without a
// 单位 sheet it is open: every new name becomes a unit.
type unitBook struct {
	closed bool
	order  []string
	lookup map[string]string // cleaned name or alias → canonical
	pos    map[string]int    // canonical → position in order
}

func newUnitBook() *unitBook {
	return &unitBook{lookup: map[string]string{}, pos: map[string]int{}}
}

// clone returns a copy that can grow without changing b.
func (b *unitBook) clone() *unitBook {
	c := &unitBook{closed: b.closed, order: append([]string(nil), b.order...), lookup: map[string]string{}, pos: map[string]int{}}
	for k, v := range b.lookup {
		c.lookup[k] = v
	}
	for k, v := range b.pos {
		c.pos[k] = v
	}
	return c
}

// listed reports whether a cleaned name is one of a 单位 sheet's names or
// aliases (with or without a trailing note).
func (b *unitBook) listed(n string) bool {
	if !b.closed {
		return false
	}
	if _, ok := b.lookup[n]; ok {
		return true
	}
	_, ok := b.lookup[stripNote(n)]
	return ok
}

// add appends a canonical unit.
func (b *unitBook) add(name string) {
	b.pos[name] = len(b.order)
	b.order = append(b.order, name)
	b.lookup[name] = name
}

// aliasSplitter separates aliases in the 单位 sheet.
var aliasSplitter = strings.NewReplacer("、", "\x00", ",", "\x00", "，", "\x00", ";", "\x00", "；", "\x00")

// define adds a unit from the 单位 sheet with its aliases.
func (b *unitBook) define(name, aliases string) error {
	name = cleanName(name)
	if _, dup := b.lookup[name]; dup {
		return fmt.Errorf("%w: %s", ErrDuplicateUnit, name)
	}
	b.closed = true
	b.add(name)
	for _, a := range strings.Split(aliasSplitter.Replace(aliases), "\x00") {
		if a = cleanName(a); a != "" {
			if _, taken := b.lookup[a]; !taken {
				b.lookup[a] = name
			}
		}
	}
	return nil
}

// resolve returns the canonical name of a typed unit name. In a closed book
// an unknown name is an error that names the nearest known unit.
func (b *unitBook) resolve(typed string) (string, error) {
	n := cleanName(typed)
	if c, ok := b.lookup[n]; ok {
		return c, nil
	}
	if !b.closed {
		b.add(n)
		return n, nil
	}
	// "义乌市(含陆港)", "兰溪市*": a note after a known name.
	if c, ok := b.lookup[stripNote(n)]; ok {
		return c, nil
	}
	if near := b.nearest(n); near != "" {
		return "", fmt.Errorf("%w,是否应为「%s」?", ErrUnknownUnit, near)
	}
	return "", ErrUnknownUnit
}

// nearest finds the known name or alias closest to n by edit distance,
// preferring one that contains or is contained in n.
func (b *unitBook) nearest(n string) string {
	best, bestD := "", 1<<30
	for alias, canon := range b.lookup {
		d := editDistance(n, alias)
		if strings.Contains(n, alias) || strings.Contains(alias, n) {
			d = 0
		}
		if d < bestD || (d == bestD && canon < best) {
			best, bestD = canon, d
		}
	}
	if bestD > len([]rune(n)) {
		return ""
	}
	return best
}

// editDistance is the Levenshtein distance between a and b in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// stripNote removes trailing bracketed notes and footnote marks from a
// unit name; it returns the name unchanged when nothing would be left.
func stripNote(n string) string {
	s := n
	for {
		t := strings.TrimRight(s, "*＊※#")
		if m := trailingBracket.FindStringIndex(t); m != nil {
			t = t[:m[0]]
		}
		if t == s {
			break
		}
		s = t
	}
	if s == "" {
		return n
	}
	return s
}
