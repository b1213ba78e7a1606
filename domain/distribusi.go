package domain

import "fmt"

// PredikatOrganisasi is a unit's own rating (SE MenPANRB 3/2023), which selects the
// distribution its employees' predicates must follow.
type PredikatOrganisasi string

// Organisation ratings.
const (
	OrgIstimewa       PredikatOrganisasi = "ISTIMEWA"
	OrgBaik           PredikatOrganisasi = "BAIK"
	OrgButuhPerbaikan PredikatOrganisasi = "BUTUH_PERBAIKAN"
	OrgKurang         PredikatOrganisasi = "KURANG"
	OrgSangatKurang   PredikatOrganisasi = "SANGAT_KURANG"
)

// quota is one rule of a distribution pattern: the number of employees whose predicate
// is in Of must be at least Min or at most Max percent of the unit (one of the two),
// or, with Present, greater than zero.
type quota struct {
	Of      []Predikat
	Min     int64 // percent; 0 = none
	Max     int64 // percent; -1 = none
	Present bool
}

// patterns are the distributions of SE MenPANRB 3/2023 per organisation rating.
var patterns = map[PredikatOrganisasi][]quota{
	OrgIstimewa: {
		{Of: []Predikat{SangatBaik}, Max: 70},
	},
	OrgBaik: {
		{Of: []Predikat{Baik}, Max: 70},
		{Of: []Predikat{ButuhPerbaikan, KurangMisconduct}, Max: -1, Present: true},
	},
	OrgButuhPerbaikan: {
		{Of: []Predikat{ButuhPerbaikan}, Min: 60, Max: -1},
		{Of: []Predikat{SangatBaik}, Max: 10},
	},
	OrgKurang: {
		{Of: []Predikat{KurangMisconduct}, Min: 60, Max: -1},
		{Of: []Predikat{ButuhPerbaikan}, Min: 10, Max: -1},
		{Of: []Predikat{SangatBaik}, Max: 10},
	},
	OrgSangatKurang: {
		{Of: []Predikat{SangatKurang}, Min: 60, Max: -1},
		{Of: []Predikat{KurangMisconduct, ButuhPerbaikan}, Min: 10, Max: -1},
		{Of: []Predikat{SangatBaik}, Max: 0},
	},
}

// Violation is one broken rule of a distribution, with the count found and the quota.
type Violation struct {
	Predikat []Predikat
	Count    int
	Limit    int    // the quota in employees
	Rule     string // "MAX", "MIN" or "PRESENT"
	Text     Text
}

// QuotaRounding says how percentages become whole employees. The regulation is
// silent; the default is floor for maxima and ceil for minima (tpp-examples.md B).
type QuotaRounding struct {
	MaxCeil  bool // round maxima up instead of down
	MinFloor bool // round minima down instead of up
}

// CheckDistribution checks a unit's predicate counts against the pattern its
// organisation rating selects and returns every violation (none means valid).
func CheckDistribution(org PredikatOrganisasi, counts map[Predikat]int, r QuotaRounding) ([]Violation, error) {
	rules, ok := patterns[org]
	if !ok {
		return nil, Invalid("predikat_organisasi", "predikat_organisasi_invalid",
			fmt.Sprintf("Predikat organisasi %q tidak dikenal.", org), fmt.Sprintf("Unknown organisation rating %q.", org))
	}
	n := 0
	for _, c := range counts {
		n += c
	}
	var out []Violation
	for _, q := range rules {
		got := 0
		for _, p := range q.Of {
			got += counts[p]
		}
		if q.Max >= 0 {
			limit := percentOf(q.Max, n, r.MaxCeil)
			if got > limit {
				out = append(out, Violation{Predikat: q.Of, Count: got, Limit: limit, Rule: "MAX", Text: Text{
					ID: fmt.Sprintf("%v: %d pegawai, paling banyak %d (%d%% dari %d).", q.Of, got, limit, q.Max, n),
					EN: fmt.Sprintf("%v: %d employees, at most %d allowed (%d%% of %d).", q.Of, got, limit, q.Max, n)}})
			}
		}
		if q.Min > 0 {
			limit := percentOf(q.Min, n, !r.MinFloor)
			if got < limit {
				out = append(out, Violation{Predikat: q.Of, Count: got, Limit: limit, Rule: "MIN", Text: Text{
					ID: fmt.Sprintf("%v: %d pegawai, paling sedikit %d (%d%% dari %d).", q.Of, got, limit, q.Min, n),
					EN: fmt.Sprintf("%v: %d employees, at least %d required (%d%% of %d).", q.Of, got, limit, q.Min, n)}})
			}
		}
		if q.Present && got == 0 {
			out = append(out, Violation{Predikat: q.Of, Count: 0, Limit: 1, Rule: "PRESENT", Text: Text{
				ID: fmt.Sprintf("%v: harus ada pegawai dengan predikat ini.", q.Of),
				EN: fmt.Sprintf("%v: the unit must have employees with this predicate.", q.Of)}})
		}
	}
	return out, nil
}

// percentOf is pct% of n in whole employees, rounded up or down exactly.
func percentOf(pct int64, n int, up bool) int {
	x := pct * int64(n)
	v := x / 100
	if up && x%100 != 0 {
		v++
	}
	return int(v)
}
