package charts

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"shaipin/data"
	"shaipin/rank"
	"shaipin/text"
)

// The report's data island: what the page's script needs to build charts
// on demand (the trend charts, and in the compact layout the chart of the
// indicator the user picks). At national scale it holds 2,844 units × 300
// indicators, so it is packed: unit indices and ranks are fixed-width
// base-64 strings, values are integer deltas in rank order. init.js
// decodes it (see unpack and current there); TestPackedRoundTrip decodes
// it the same way in Go.

// digits is the alphabet of packed numbers: safe in JSON and HTML as is.
const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"

// packWidth is how many digits a packed number needs to hold 0..max.
func packWidth(max int) int {
	w := 1
	for n := 64; n <= max; n *= 64 {
		w++
	}
	return w
}

// pack writes each number as w base-64 digits, most significant first.
func pack(b *strings.Builder, w int, nums ...int) {
	var buf [8]byte
	for _, n := range nums {
		for i := w - 1; i >= 0; i-- {
			buf[i] = digits[n&63]
			n >>= 6
		}
		b.Write(buf[:w])
	}
}

// varint writes n zigzag-encoded (the sign in the lowest bit) in groups of
// five bits, lowest first, each a digit with 32 added when more follow:
// differences below 16 take one digit, below 512 two.
func varint(b *strings.Builder, n int64) {
	z := uint64(n<<1) ^ uint64(n>>63)
	for {
		g := z & 31
		z >>= 5
		if z == 0 {
			b.WriteByte(digits[g])
			return
		}
		b.WriteByte(digits[g|32])
	}
}

// packedData is the island's JSON. Units is the index space of every
// packed unit number.
type packedData struct {
	Units []string `json:"units"`
	// W is the width of packed unit indices and ranks.
	W int `json:"w"`
	// Dense is the tie rule (1, 2, 2, 3) used to rebuild ranks.
	Dense bool `json:"dense,omitempty"`
	// Labels name the tiers, e.g. 前3位 / 中间 / 后3位 / 未报送.
	Labels text.Labels `json:"labels"`
	// Periods label the history for people ("2022年1月"); Axis is the
	// short form for a chart axis ("2022年1月", "2月", …).
	Periods []string      `json:"periods,omitempty"`
	Axis    []string      `json:"axis,omitempty"`
	Months  bool          `json:"months,omitempty"` // periods are consecutive months
	Overall *packedTrend  `json:"overall,omitempty"`
	Inds    []packedIndic `json:"indicators"`
	// Profiles are each unit's badge, tally line and sentences (compact
	// layout: shown when the unit is looked up).
	Profiles [][]string `json:"profiles,omitempty"`
	// Classes are the units' overall tiers (t, m, b, n), for the badge of
	// a looked-up unit.
	Classes string `json:"classes,omitempty"`
	// Few is bumpFew; Palette the report's colours.
	Few     int     `json:"few"`
	Palette palette `json:"palette"`
	// Words are the phrases the script writes (text.Words); SimNote says
	// which periods of the history are simulated ("" when none is).
	Words   text.ScriptWords `json:"words"`
	SimNote string           `json:"simNote,omitempty"`
}

// palette hands the report's colours to init.js.
type palette struct {
	Top        string `json:"top"`
	Middle     string `json:"middle"`
	Bottom     string `json:"bottom"`
	BottomLine string `json:"bottomLine"`
	Missing    string `json:"missing"`
	Ink        string `json:"ink"`
	Text       string `json:"text"`
	Subtle     string `json:"subtle"`
	Line       string `json:"line"`
	Faint      string `json:"faint"`
}

// newPalette is the palette of the data-built charts: the tiers' colours
// (text.StyleOf), the middle tier's line for a line in no tier that
// stands out, and the report's text colours.
func newPalette() palette {
	top, mid, bot, none := text.StyleOf(rank.Top), text.StyleOf(rank.Middle), text.StyleOf(rank.Bottom), text.StyleOf(rank.None)
	return palette{
		Top: top.Color, Middle: mid.Color, Bottom: bot.Color, BottomLine: bot.Line, Missing: none.Color,
		Ink: colorText, Text: colorText, Subtle: colorSubtle, Line: mid.Line, Faint: "#dde1e6",
	}
}

// packedTrend is every unit's rank over the periods on one board.
type packedTrend struct {
	// H holds len(Periods) packed ranks per unit, units in order; 0 is no
	// rank.
	H string `json:"h"`
	// K is each unit's current tier: t(op), m(iddle), b(ottom), n(one).
	K string `json:"k"`
}

// packedIndic is one indicator. The current-period fields (O onwards) are
// only written in the compact layout.
type packedIndic struct {
	Name   string       `json:"n"`
	Group  string       `json:"g"`
	Unit   string       `json:"u,omitempty"`
	Lower  bool         `json:"lower,omitempty"`
	Ranked bool         `json:"r,omitempty"`
	Trend  *packedTrend `json:"trend,omitempty"`
	// Schedule is the 时序进度 (%) the indicator is compared with.
	Schedule *float64 `json:"s,omitempty"`

	// Current is false in the trend-only island of the full layout.
	Current bool `json:"c,omitempty"`
	// Prec is the decimals of V, the indicator's precision: values are
	// shown with exactly that many.
	Prec int `json:"p,omitempty"`
	// O is the units with a value in rank order (packed indices).
	O string `json:"o,omitempty"`
	// V is their values × 10^Prec: the first in full, then differences
	// (in rank order values are sorted, so differences are short), each as
	// a variable-length number (see varint).
	V string `json:"v,omitempty"`
	// TZ says ties are exactly the zero differences in V, so T is left out.
	TZ bool `json:"tz,omitempty"`
	// VA replaces V when values do not fit exact integers.
	VA []float64 `json:"va,omitempty"`
	// T lists the positions that share the rank of the one before.
	T []int `json:"t,omitempty"`
	// A is how many lead positions are in the top tier and B the first
	// position of the bottom tier; K replaces both when tiers are not in
	// that shape.
	A int    `json:"a,omitempty"`
	B int    `json:"b,omitempty"`
	K string `json:"k,omitempty"`
	// RK replaces T when ranks cannot be rebuilt from it.
	RK []int `json:"rk,omitempty"`
	// X lists position, display text pairs where the shown text is not
	// the value formatted as above.
	X []any `json:"x,omitempty"`
	// M is how many units did not report.
	M int `json:"m,omitempty"`
	// RV lists position, place pairs for the units placed from the worst
	// end ("并列第4(倒数并列第3)"): rare, so written out.
	RV []any `json:"rv,omitempty"`
}

// appendScaled writes k / 10^prec with exactly prec decimals, from the
// integer so no float rounding is involved (init.js does the same).
func appendScaled(b []byte, k int64, prec int) []byte {
	if k < 0 {
		b = append(b, '-')
		k = -k
	}
	start := len(b)
	b = strconv.AppendInt(b, k, 10)
	if prec <= 0 {
		return b
	}
	for len(b)-start <= prec {
		b = append(b[:start+1], b[start:]...)
		b[start] = '0'
	}
	b = append(b, 0)
	dot := len(b) - 1 - prec
	copy(b[dot+1:], b[dot:len(b)-1])
	b[dot] = '.'
	return b
}

// maxExact is the largest integer a JavaScript number holds exactly.
const maxExact = 1 << 53

// packScratch holds packCurrent's working slices, reused from one
// indicator to the next: at national scale there are 300 of 2,844 entries.
type packScratch struct {
	vals  []int64
	shown []string
	tiers []byte
	ranks []int
	buf   []byte
}

// packCurrent fills the current-period fields of p from ind.
func packCurrent(p *packedIndic, ind rank.Indicator, unitIdx map[string]int, w int, dense bool, sc *packScratch) {
	p.Current = true
	p.Prec = max(0, min(ind.Precision, 8))
	exact := sc.gather(p, ind, unitIdx, w)
	if exact {
		p.V = deltas(sc.vals)
		sc.packShown(p)
	} else {
		packFloats(p, ind, sc.shown)
	}
	if !ind.Ranked {
		return
	}
	packRanks(p, sc.ranks, sc.vals, dense, exact)
	packTiers(p, sc.tiers)
}

// gather collects the units with a value in rank order: their packed
// indices into p.O, and their values at p.Prec decimals, displays, tiers
// and ranks into sc. It counts the others in p.M and tells whether every
// value fits an exact integer.
func (sc *packScratch) gather(p *packedIndic, ind rank.Indicator, unitIdx map[string]int, w int) (exact bool) {
	scale := math.Pow(10, float64(p.Prec))
	var order strings.Builder
	order.Grow(len(ind.Entries) * w)
	vals, shown, tiers, ranks := sc.vals[:0], sc.shown[:0], sc.tiers[:0], sc.ranks[:0]
	exact = true
	for _, e := range ind.Entries {
		if e.Value == nil {
			p.M++
			continue
		}
		pack(&order, w, unitIdx[e.Unit])
		k := math.Round(*e.Value * scale)
		if math.IsNaN(k) || math.Abs(k) >= maxExact {
			exact = false
		}
		vals = append(vals, int64(k))
		if e.ReverseRank != nil && e.Rank != nil {
			p.RV = append(p.RV, len(vals)-1, text.Rank(e))
		}
		shown = append(shown, valueText(ind, e))
		tiers = append(tiers, text.StyleOf(e.Tier).Code)
		r := 0
		if e.Rank != nil {
			r = *e.Rank
		}
		ranks = append(ranks, r)
	}
	sc.vals, sc.shown, sc.tiers, sc.ranks = vals, shown, tiers, ranks
	p.O = order.String()
	return exact
}

// deltas packs values: the first in full, then the differences.
func deltas(vals []int64) string {
	var v strings.Builder
	v.Grow(2 * len(vals))
	prev := int64(0)
	for _, k := range vals {
		varint(&v, k-prev)
		prev = k
	}
	return v.String()
}

// packShown lists in p.X the displays that are not the packed value at
// p.Prec decimals (the page shows values at the indicator's precision, so
// these are rare: a precision above 8). Compared in a reused buffer: at
// national scale this runs 850,000 times.
func (sc *packScratch) packShown(p *packedIndic) {
	buf := sc.buf
	for i, k := range sc.vals {
		buf = appendScaled(buf[:0], k, p.Prec)
		if string(buf) != sc.shown[i] {
			p.X = append(p.X, i, sc.shown[i])
		}
	}
	sc.buf = buf
}

// packFloats writes values that do not fit exact integers as they are,
// with the displays JavaScript would not write the same.
func packFloats(p *packedIndic, ind rank.Indicator, shown []string) {
	for _, e := range ind.Entries {
		if e.Value != nil {
			p.VA = append(p.VA, *e.Value)
		}
	}
	for i, v := range p.VA {
		// String() in JavaScript writes the same below 1e21.
		if math.Abs(v) >= 1e21 || strconv.FormatFloat(v, 'f', -1, 64) != shown[i] {
			p.X = append(p.X, i, shown[i])
		}
	}
}

// packRanks writes the ranks as the positions that tie with the one
// before (T), checked against the engine's; usually a tie is an equal
// value at the compared precision, and then T is left out (TZ). Ranks
// that cannot be rebuilt are written in full (RK).
func packRanks(p *packedIndic, ranks []int, vals []int64, dense, exact bool) {
	rebuilt := true
	for i, r := range ranks {
		if i > 0 && r == ranks[i-1] {
			p.T = append(p.T, i)
			continue
		}
		want := i + 1
		if dense && i > 0 {
			want = ranks[i-1] + 1
		}
		if r != want {
			rebuilt = false
		}
	}
	if !rebuilt {
		p.T = nil
		p.RK = append([]int(nil), ranks...) // ranks is scratch
		return
	}
	if !exact {
		return
	}
	p.TZ = true
	for i := 1; i < len(vals); i++ {
		if (vals[i] == vals[i-1]) != (ranks[i] == ranks[i-1]) {
			p.TZ = false
			break
		}
	}
	if p.TZ {
		p.T = nil
	}
}

// packTiers writes the tiers as a run of top, middle, then bottom (A, B),
// or letter by letter (K) when they are not in that shape.
func packTiers(p *packedIndic, tiers []byte) {
	a := 0
	for a < len(tiers) && tiers[a] == 't' {
		a++
	}
	b := a
	for b < len(tiers) && tiers[b] == 'm' {
		b++
	}
	for i := b; i < len(tiers); i++ {
		if tiers[i] != 'b' {
			p.K = string(tiers)
			return
		}
	}
	p.A, p.B = a, b
}

// packTrend packs the ranks of every unit over the periods, and their
// current tiers.
func packTrend(trends []rank.Trend, unitIdx map[string]int, nUnits, periods, w int, tier func(unit string) rank.Tier) *packedTrend {
	ranks := make([]int, nUnits*periods)
	for _, t := range trends {
		u, ok := unitIdx[t.Unit]
		if !ok {
			continue
		}
		for p, r := range t.Ranks {
			if r != nil && p < periods {
				ranks[u*periods+p] = *r
			}
		}
	}
	var h strings.Builder
	h.Grow(len(ranks) * w)
	pack(&h, w, ranks...)
	k := make([]byte, nUnits)
	for i := range k {
		k[i] = 'n'
	}
	for u, i := range unitIdx {
		k[i] = text.StyleOf(tier(u)).Code
	}
	return &packedTrend{H: h.String(), K: string(k)}
}

// axisLabels are short period labels for a chart axis: the year is written
// at the first period and wherever it changes.
func axisLabels(periods []data.Month) []string {
	out := make([]string, len(periods))
	year := -1
	for i, p := range periods {
		if p.Year() != year {
			out[i] = p.Label()
			year = p.Year()
		} else {
			out[i] = fmt.Sprintf("%d月", p.MonthOfYear())
		}
	}
	return out
}

// buildPacked writes the data island. current adds every indicator's
// current values (compact layout); without it only the history is packed,
// and only ranked indicators with a history are listed. It returns the
// JSON and, per listed indicator, its index in res.Indicators.
func buildPacked(res *rank.Result, current bool, profiles [][]string) ([]byte, []int, error) {
	unitIdx := make(map[string]int, len(res.Units))
	for i, u := range res.Units {
		unitIdx[u] = i
	}
	d := packedData{Units: res.Units, Dense: res.Rules.Ties == rank.Dense, Labels: text.TierLabels(res.Rules),
		Profiles: profiles, Few: bumpFew, Palette: newPalette(), W: packWidth(len(res.Units) + 1),
		Words: text.Words(), SimNote: text.SimulatedNote(res)}
	periods := 0
	if text.HasHistory(res) {
		periods = len(res.History.Periods)
		for _, p := range res.History.Periods {
			d.Periods = append(d.Periods, p.Label())
		}
		d.Axis = axisLabels(res.History.Periods)
		d.Months = text.Monthly(res.History.Periods)
		// Periods not official are marked on the axis (on a second line)
		// and in the tooltips: "1月\n(模拟)".
		for i, m := range res.History.Periods {
			if mark := text.ProvenanceMark(res.Provenance[m]); mark != "" {
				d.Axis[i] += "\n" + mark
				d.Periods[i] += mark
			}
		}
	}
	d.packOverall(res, unitIdx, current, periods)
	index := d.packIndicators(res, unitIdx, current, periods)
	b, err := json.Marshal(d)
	if err != nil {
		return nil, nil, fmt.Errorf("报告数据编码失败: %w", err)
	}
	return b, index, nil
}

// packOverall packs the units' overall tiers (current) and their ranks on
// the overall board over the periods.
func (d *packedData) packOverall(res *rank.Result, unitIdx map[string]int, current bool, periods int) {
	overallTier := make(map[string]rank.Tier, len(res.Overall))
	for _, ov := range res.Overall {
		overallTier[ov.Unit] = ov.Tier
	}
	if current {
		cl := make([]byte, len(res.Units))
		for i, u := range res.Units {
			cl[i] = text.StyleOf(overallTier[u]).Code
		}
		d.Classes = string(cl)
	}
	if periods > 0 {
		d.Overall = packTrend(res.History.Overall, unitIdx, len(res.Units), periods, d.W, func(u string) rank.Tier { return overallTier[u] })
	}
}

// packIndicators packs the indicators (see buildPacked) and returns their
// indices in res.Indicators.
func (d *packedData) packIndicators(res *rank.Result, unitIdx map[string]int, current bool, periods int) []int {
	trendOf := map[string]*rank.TrendByIndic{}
	if periods > 0 {
		for i := range res.History.Indicators {
			t := &res.History.Indicators[i]
			trendOf[t.Group+"/"+t.Name] = t
		}
	}
	var index []int
	var sc packScratch
	for i, ind := range res.Indicators {
		t := trendOf[ind.Group+"/"+ind.Name]
		if !current && (t == nil || !ind.Ranked) {
			continue
		}
		p := packedIndic{Name: ind.Name, Group: ind.Group, Unit: ind.Unit, Lower: ind.Direction == data.Lower, Ranked: ind.Ranked}
		if share, ok := text.ScheduleShare(res, ind); ok {
			p.Schedule = &share
		}
		if t != nil && ind.Ranked {
			tiers := make(map[string]rank.Tier, len(ind.Entries))
			for _, e := range ind.Entries {
				tiers[e.Unit] = e.Tier
			}
			p.Trend = packTrend(t.Units, unitIdx, len(res.Units), periods, d.W, func(u string) rank.Tier { return tiers[u] })
		}
		if current {
			packCurrent(&p, ind, unitIdx, d.W, d.Dense, &sc)
		}
		d.Inds = append(d.Inds, p)
		index = append(index, i)
	}
	return index
}
