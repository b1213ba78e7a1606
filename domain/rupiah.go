package domain

import (
	"math"
	"math/big"
	"math/bits"
	"strconv"
)

// Money is int64 whole rupiah; intermediate amounts and percentages are exact
// rationals (*big.Rat). There is one rounding function per rounding mode and the
// rule engine records which mode and stage a profile uses (domain.md §3.7: no text
// fixes them, payroll pays whole rupiah).

// Pembulatan is a rounding mode from an exact amount to whole rupiah.
type Pembulatan string

// Rounding modes.
const (
	PembulatanHalfUp Pembulatan = "HALF_UP" // BulatkanHalfUp
	PembulatanFloor  Pembulatan = "FLOOR"   // BulatkanFloor
)

// Bulatkan rounds x to whole rupiah with mode m; an unknown mode rounds half up.
func (m Pembulatan) Bulatkan(x *big.Rat) int64 {
	if m == PembulatanFloor {
		return BulatkanFloor(x)
	}
	return BulatkanHalfUp(x)
}

// BulatkanHalfUp rounds x to the nearest whole rupiah; an exact half goes up, towards
// +∞ (251.606,5 → 251.607; −0,5 → 0). Results beyond int64 saturate.
func BulatkanHalfUp(x *big.Rat) int64 {
	a, b := x.Num(), x.Denom()
	if a.IsInt64() && b.IsInt64() {
		n, d := a.Int64(), b.Int64()
		if n > -(1<<61) && n < 1<<61 && d < 1<<61 {
			return floorDiv(2*n+d, 2*d)
		}
	}
	var q, m big.Int
	q.Lsh(a, 1)
	q.Add(&q, b)
	q.DivMod(&q, m.Lsh(b, 1), &m)
	return saturate(&q)
}

// BulatkanFloor rounds x down to whole rupiah, towards −∞ (251.606,999 → 251.606).
// Results beyond int64 saturate.
func BulatkanFloor(x *big.Rat) int64 {
	a, b := x.Num(), x.Denom()
	if a.IsInt64() && b.IsInt64() {
		return floorDiv(a.Int64(), b.Int64())
	}
	var q, m big.Int
	q.DivMod(a, b, &m)
	return saturate(&q)
}

// floorDiv is ⌊n/d⌋ for d > 0.
func floorDiv(n, d int64) int64 {
	q := n / d
	if n%d != 0 && n < 0 {
		q--
	}
	return q
}

func saturate(q *big.Int) int64 {
	switch {
	case q.IsInt64():
		return q.Int64()
	case q.Sign() > 0:
		return math.MaxInt64
	}
	return math.MinInt64
}

// FormatRupiah writes n the Indonesian way: "Rp 5.261.696", "-Rp 1.500".
func FormatRupiah(n int64) string {
	return string(appendRupiah(nil, n, '.'))
}

// appendRupiah appends "Rp " and n with the given thousands separator.
func appendRupiah(dst []byte, n int64, ribuan byte) []byte {
	if n < 0 {
		dst = append(dst, '-')
	}
	dst = append(dst, "Rp "...)
	var buf [20]byte
	digits := strconv.AppendUint(buf[:0], absU64(n), 10)
	return appendGrouped(dst, digits, ribuan)
}

func absU64(n int64) uint64 {
	if n < 0 {
		return uint64(-(n + 1)) + 1 //nolint:gosec // -(n+1) is >= 0 for every negative int64, MinInt64 included
	}
	return uint64(n)
}

// appendGrouped appends a string of digits with a separator every three digits.
func appendGrouped(dst, digits []byte, sep byte) []byte {
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			dst = append(dst, sep)
		}
		dst = append(dst, c)
	}
	return dst
}

// pow10 holds 10^0 … 10^19.
var pow10 = func() [20]uint64 {
	var p [20]uint64
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// desimal is the decimal expansion of a rational: its sign, the digits of |x|·10^k,
// and whether the expansion was cut short (the rational does not terminate, or needs
// more than the digits allowed) and rounded half up.
type desimal struct {
	neg       bool
	digits    []byte
	k         int
	terpotong bool
}

// uraiDesimal expands x exactly when its denominator is 2^a·5^b and needs at most
// maxPecahan fraction digits; otherwise to maxPecahan digits rounded half up.
func uraiDesimal(x *big.Rat, maxPecahan int, buf []byte) desimal {
	num, den := x.Num(), x.Denom()
	k, exact := skalaDesimal(den, maxPecahan)
	d := desimal{neg: num.Sign() < 0, k: k, terpotong: !exact}
	if den.IsUint64() && (num.IsInt64() || num.IsUint64()) {
		var n uint64
		if num.IsInt64() {
			n = absU64(num.Int64())
		} else {
			n = num.Uint64()
		}
		dv := den.Uint64()
		hi, lo := bits.Mul64(n, pow10[k])
		if hi < dv { // the quotient fits in 64 bits
			q, r := bits.Div64(hi, lo, dv)
			if !exact && r >= dv-r { // r ≥ dv/2: round half up
				q++
			}
			d.digits = strconv.AppendUint(buf, q, 10)
			return d.rapikan()
		}
	}
	var q, r, p big.Int
	q.Abs(num)
	q.Mul(&q, p.Exp(big.NewInt(10), big.NewInt(int64(k)), nil))
	q.QuoRem(&q, den, &r)
	if !exact && r.Lsh(&r, 1).Cmp(den) >= 0 {
		q.Add(&q, big.NewInt(1))
	}
	d.digits = q.Append(buf, 10)
	return d.rapikan()
}

// rapikan drops trailing fraction zeros and the sign of an exact zero.
func (d desimal) rapikan() desimal {
	for d.k > 0 && len(d.digits) > 1 && d.digits[len(d.digits)-1] == '0' {
		d.digits = d.digits[:len(d.digits)-1]
		d.k--
	}
	if len(d.digits) == 1 && d.digits[0] == '0' {
		d.k = 0
		if !d.terpotong {
			d.neg = false
		}
	}
	return d
}

// skalaDesimal returns the number of fraction digits that express 1/den exactly (the
// larger exponent of 2 and 5 in den) and true, or maxPecahan and false when den has
// another prime factor or needs more digits.
func skalaDesimal(den *big.Int, maxPecahan int) (int, bool) {
	if den.IsUint64() {
		d := den.Uint64()
		twos := bits.TrailingZeros64(d)
		d >>= twos
		fives := 0
		for d%5 == 0 {
			d /= 5
			fives++
		}
		k := max(twos, fives)
		if d == 1 && k <= maxPecahan {
			return k, true
		}
	}
	return maxPecahan, false
}

// append writes the expansion with the given thousands separator (0 for none) and
// decimal separator, and "…" when it was cut short.
func (d desimal) append(dst []byte, ribuan, koma byte) []byte {
	if d.neg {
		dst = append(dst, '-')
	}
	bulat, pecahan := d.digits, []byte(nil)
	nol := 0 // zeros between the decimal separator and the digits
	if d.k > 0 {
		if len(d.digits) > d.k {
			bulat, pecahan = d.digits[:len(d.digits)-d.k], d.digits[len(d.digits)-d.k:]
		} else {
			bulat, pecahan, nol = []byte{'0'}, d.digits, d.k-len(d.digits)
		}
	}
	if ribuan != 0 {
		dst = appendGrouped(dst, bulat, ribuan)
	} else {
		dst = append(dst, bulat...)
	}
	if len(pecahan) > 0 {
		dst = append(dst, koma)
		for ; nol > 0; nol-- {
			dst = append(dst, '0')
		}
		dst = append(dst, pecahan...)
	}
	if d.terpotong {
		dst = append(dst, "…"...)
	}
	return dst
}

// maxPecahanMesin is how many fraction digits a machine-readable decimal in a trace
// keeps when the exact value does not terminate (e.g. 96.6666666667…).
const maxPecahanMesin = 10

// DesimalString writes x exactly as a plain decimal ("251606.075", "-0.5") when it
// terminates within 10 fraction digits; otherwise rounded half up to 10 digits and
// followed by "…" ("96.6666666667…"), which marks the value as not exact.
func DesimalString(x *big.Rat) string {
	var buf, out [64]byte
	return string(uraiDesimal(x, maxPecahanMesin, buf[:0]).append(out[:0], 0, '.'))
}

// Desimal is an exact decimal number of a rule profile (a percentage, a factor, a
// number of points), read from a JSON number literal without passing through
// float64. It keeps at most 10 fraction digits and its magnitude stays below 10^8;
// a literal beyond that, or a JSON value that is not a number, is kept as refused
// and reported by the profile's Validate with the field's path. The zero value is
// "absent".
type Desimal struct {
	r   *big.Rat // nil when absent or refused
	n   int64    // the value × 10^10, exact
	s   string   // canonical text ("0.5", "1.24897"), or the refused literal
	err string   // why the literal was refused: "bukan_angka", "format", "presisi", "besar"
}

// desimalSkala is 10^maxPecahanDesimal: Desimal.n = value × desimalSkala.
const (
	maxPecahanDesimal       = 10
	desimalSkala      int64 = 10_000_000_000
)

// ParseDesimal reads a decimal such as "0.5", "1.24897" or "25e-1"; field names
// the value in the error.
func ParseDesimal(field, s string) (Desimal, error) {
	d := bacaDesimal(s)
	if d.err != "" {
		id, en := alasanDesimal(d)
		return Desimal{}, Invalid(field, "desimal_invalid", id, en)
	}
	return d, nil
}

// bacaDesimal parses a JSON-style number literal (optional '-', digits, optional
// fraction, optional exponent) into a Desimal, or a Desimal carrying the reason. It
// never builds a number from the exponent before checking it, so "1e999999999"
// costs nothing.
func bacaDesimal(lit string) Desimal {
	bad := func(why string) Desimal {
		if len(lit) > 40 {
			lit = lit[:40] + "…"
		}
		return Desimal{s: lit, err: why}
	}
	i, neg := 0, false
	if i < len(lit) && lit[i] == '-' {
		neg, i = true, i+1
	}
	var buf [24]byte
	intStart := i
	for i < len(lit) && lit[i] >= '0' && lit[i] <= '9' {
		i++
	}
	if i == intStart {
		return bad("format")
	}
	mant := append(buf[:0], lit[intStart:i]...)
	exp := 0
	if i < len(lit) && lit[i] == '.' {
		i++
		fracStart := i
		for i < len(lit) && lit[i] >= '0' && lit[i] <= '9' {
			i++
		}
		if i == fracStart {
			return bad("format")
		}
		mant = append(mant, lit[fracStart:i]...)
		exp = -(i - fracStart)
	}
	if i < len(lit) && (lit[i] == 'e' || lit[i] == 'E') {
		i++
		eneg := false
		if i < len(lit) && (lit[i] == '+' || lit[i] == '-') {
			eneg, i = lit[i] == '-', i+1
		}
		eStart, e := i, 0
		for i < len(lit) && lit[i] >= '0' && lit[i] <= '9' {
			if e < 1000 {
				e = e*10 + int(lit[i]-'0')
			}
			i++
		}
		if i == eStart {
			return bad("format")
		}
		if eneg {
			e = -e
		}
		exp += e
	}
	if i != len(lit) {
		return bad("format")
	}
	// value = mant × 10^exp; n = mant × 10^(exp+10)
	for len(mant) > 1 && mant[0] == '0' {
		mant = mant[1:]
	}
	shift := exp + maxPecahanDesimal
	for shift < 0 && len(mant) > 1 && mant[len(mant)-1] == '0' {
		mant, shift = mant[:len(mant)-1], shift+1
	}
	if len(mant) == 1 && mant[0] == '0' {
		shift = 0
	}
	if shift < 0 {
		return bad("presisi")
	}
	if len(mant)+shift > 18 {
		return bad("besar")
	}
	n, err := strconv.ParseInt(string(mant), 10, 64)
	if err != nil {
		return bad("besar")
	}
	n *= int64(pow10[shift]) //nolint:gosec // len(mant)+shift <= 18 above, and 10^18 fits in int64
	if neg {
		n = -n
	}
	return desimalDariN(n)
}

// desimalDariN builds a Desimal of value n / 10^10.
func desimalDariN(n int64) Desimal {
	d := Desimal{n: n, r: big.NewRat(n, desimalSkala)}
	d.s = string(appendN(nil, n, 0, '.'))
	return d
}

// appendN writes n / 10^10 as a decimal with the given separators.
func appendN(dst []byte, n int64, ribuan, koma byte) []byte {
	var buf [24]byte
	d := desimal{neg: n < 0, digits: strconv.AppendUint(buf[:0], absU64(n), 10), k: maxPecahanDesimal}
	return d.rapikan().append(dst, ribuan, koma)
}

// alasanDesimal explains why a literal was refused.
func alasanDesimal(d Desimal) (id, en string) {
	switch d.err {
	case "bukan_angka":
		return "Nilai harus berupa angka JSON, bukan teks.", "The value must be a JSON number, not a string."
	case "presisi":
		return "Angka " + d.s + " terlalu presisi: paling banyak 10 angka di belakang koma.",
			"The number " + d.s + " is too precise: at most 10 digits after the decimal point."
	case "besar":
		return "Angka " + d.s + " terlalu besar (harus kurang dari 100.000.000).",
			"The number " + d.s + " is too large (must be below 100,000,000)."
	}
	return "Angka " + d.s + " tidak dapat dibaca.", "The number " + d.s + " cannot be read."
}

// Ada reports whether the value is present (and readable).
func (d Desimal) Ada() bool { return d.r != nil }

// IsZero reports whether the value is absent; it makes `omitzero` omit it.
func (d Desimal) IsZero() bool { return d.r == nil && d.err == "" }

// Rat returns a copy of the value, or nil when absent.
func (d Desimal) Rat() *big.Rat {
	if d.r == nil {
		return nil
	}
	return new(big.Rat).Set(d.r)
}

// String is the canonical decimal text ("" when absent).
func (d Desimal) String() string { return d.s }

// UnmarshalJSON reads a JSON number exactly; null leaves the value absent. A value
// that is not an acceptable number is kept as refused for Validate to report with its
// field path, so that one bad number does not hide the profile's other errors.
func (d *Desimal) UnmarshalJSON(b []byte) error {
	lit := string(b)
	switch {
	case lit == "null":
		*d = Desimal{}
	case len(lit) > 0 && (lit[0] == '"' || lit[0] == '{' || lit[0] == '[' || lit[0] == 't' || lit[0] == 'f'):
		*d = Desimal{s: lit, err: "bukan_angka"}
		if len(d.s) > 40 {
			d.s = d.s[:40] + "…"
		}
	default:
		*d = bacaDesimal(lit)
	}
	return nil
}

// MarshalJSON writes the exact decimal as a JSON number (null when absent).
func (d Desimal) MarshalJSON() ([]byte, error) {
	if d.err != "" {
		id, en := alasanDesimal(d)
		return nil, Invalid("", "desimal_invalid", id, en)
	}
	if d.r == nil {
		return []byte("null"), nil
	}
	return []byte(d.s), nil
}

// nilai is an exact amount or percentage of the rule engine: d / 10^k while it fits
// (the fast path: almost every figure of a month is a short decimal), else the
// rational r. Values are immutable; operations return new values and fall back to
// big arithmetic on overflow or on a division that does not terminate.
type nilai struct {
	d int64
	k int // 0 ≤ k ≤ maxSkalaNilai
	r *big.Rat
}

const maxSkalaNilai = 18

func nInt(n int64) nilai { return nilai{d: n} }

// nN is a Desimal's n (value × 10^10) as a nilai.
func nN(n int64) nilai { return nilai{d: n, k: maxPecahanDesimal}.rapi() }

// nRat takes a rational, on the fast path when it is a short decimal.
func nRat(r *big.Rat) nilai {
	num, den := r.Num(), r.Denom()
	if num.IsInt64() && den.IsUint64() {
		if k, ok := skalaDesimal(den, maxSkalaNilai); ok {
			f := pow10[k] / den.Uint64() // den divides 10^k
			hi, lo := bits.Mul64(absU64(num.Int64()), f)
			if hi == 0 && lo <= math.MaxInt64 {
				d := int64(lo)
				if num.Sign() < 0 {
					d = -d
				}
				return nilai{d: d, k: k}.rapi()
			}
		}
	}
	return nilai{r: new(big.Rat).Set(r)}
}

// rapi drops trailing zeros of the fraction.
func (x nilai) rapi() nilai {
	for x.r == nil && x.k > 0 && x.d%10 == 0 {
		x.d, x.k = x.d/10, x.k-1
	}
	return x
}

// rat returns x as a new rational.
func (x nilai) rat() *big.Rat {
	if x.r != nil {
		return new(big.Rat).Set(x.r)
	}
	if x.k == 0 {
		return new(big.Rat).SetInt64(x.d)
	}
	return new(big.Rat).SetFrac(big.NewInt(x.d), new(big.Int).SetUint64(pow10[x.k]))
}

// skala returns x.d scaled to k ≥ x.k fraction digits, or false on overflow.
func (x nilai) skala(k int) (int64, bool) {
	f := pow10[k-x.k]
	hi, lo := bits.Mul64(absU64(x.d), f)
	if hi != 0 || lo > math.MaxInt64 {
		return 0, false
	}
	if x.d < 0 {
		return -int64(lo), true
	}
	return int64(lo), true
}

// sejajar brings x and y to one scale on the fast path.
func sejajar(x, y nilai) (a, b int64, k int, ok bool) {
	if x.r != nil || y.r != nil {
		return 0, 0, 0, false
	}
	k = max(x.k, y.k)
	a, ok1 := x.skala(k)
	b, ok2 := y.skala(k)
	return a, b, k, ok1 && ok2
}

func (x nilai) add(y nilai) nilai {
	if a, b, k, ok := sejajar(x, y); ok {
		if s := a + b; !(b > 0 && s < a) && !(b < 0 && s > a) {
			return nilai{d: s, k: k}.rapi()
		}
	}
	return nRat(new(big.Rat).Add(x.rat(), y.rat()))
}

func (x nilai) sub(y nilai) nilai {
	if y.r == nil && y.d != math.MinInt64 {
		return x.add(nilai{d: -y.d, k: y.k})
	}
	return nRat(new(big.Rat).Sub(x.rat(), y.rat()))
}

func (x nilai) mul(y nilai) nilai {
	if x.r == nil && y.r == nil && x.k+y.k <= maxSkalaNilai {
		hi, lo := bits.Mul64(absU64(x.d), absU64(y.d))
		if hi == 0 && lo <= math.MaxInt64 {
			d := int64(lo)
			if (x.d < 0) != (y.d < 0) {
				d = -d
			}
			return nilai{d: d, k: x.k + y.k}.rapi()
		}
	}
	return nRat(new(big.Rat).Mul(x.rat(), y.rat()))
}

// persen is x × p / 100 for a percentage p.
func (x nilai) persen(p nilai) nilai { return x.mul(p).mul(nilai{d: 1, k: 2}) }

// persenN is x × n / 100 for a percentage held as value × 10^10.
func (x nilai) persenN(n int64) nilai { return x.persen(nN(n)) }

// quo is x / y (y ≠ 0).
func (x nilai) quo(y nilai) nilai { return nRat(new(big.Rat).Quo(x.rat(), y.rat())) }

func (x nilai) cmp(y nilai) int {
	if a, b, _, ok := sejajar(x, y); ok {
		switch {
		case a < b:
			return -1
		case a > b:
			return 1
		}
		return 0
	}
	return x.rat().Cmp(y.rat())
}

func (x nilai) sign() int {
	if x.r != nil {
		return x.r.Sign()
	}
	switch {
	case x.d < 0:
		return -1
	case x.d > 0:
		return 1
	}
	return 0
}

func (x nilai) isInt() bool {
	if x.r != nil {
		return x.r.IsInt()
	}
	return x.k == 0
}

func maxNilai(x, y nilai) nilai {
	if x.cmp(y) >= 0 {
		return x
	}
	return y
}

// bulatkan rounds x to whole rupiah with mode m (the rules of BulatkanHalfUp and
// BulatkanFloor).
func (x nilai) bulatkan(m Pembulatan) int64 {
	if x.r != nil {
		return m.Bulatkan(x.r)
	}
	if x.k == 0 {
		return x.d
	}
	p := int64(pow10[x.k]) //nolint:gosec // 0 <= x.k <= maxSkalaNilai (18), and 10^18 fits in int64
	q, r := x.d/p, x.d%p
	if r < 0 {
		q, r = q-1, r+p
	}
	if m != PembulatanFloor && r >= p-r {
		q++
	}
	return q
}

// urai expands x like uraiDesimal.
func (x nilai) urai(maxPecahan int, buf []byte) desimal {
	if x.r != nil {
		return uraiDesimal(x.r, maxPecahan, buf)
	}
	d := desimal{neg: x.d < 0, k: x.k}
	u := absU64(x.d)
	if x.k > maxPecahan {
		p := pow10[x.k-maxPecahan]
		q, r := u/p, u%p
		if r >= p-r {
			q++
		}
		u, d.k, d.terpotong = q, maxPecahan, true
	}
	d.digits = strconv.AppendUint(buf, u, 10)
	return d.rapikan()
}

// String writes x as DesimalString does.
func (x nilai) String() string {
	var buf, out [64]byte
	return string(x.urai(maxPecahanMesin, buf[:0]).append(out[:0], 0, '.'))
}
