package domain

import "sort"

// JabatanNode is a position as the reporting line sees it.
type JabatanNode struct {
	ID              string
	Kode            string
	Nama            string
	KelasJabatan    int
	UnitKerjaID     string
	UnitKerjaNama   string
	UnitPath        string
	AtasanJabatanID string
}

// PemangkuJabatan says that someone holds (definitively or acting) a position on a date.
type PemangkuJabatan struct {
	JabatanID string
	Status    StatusKepegawaian // of the holder, for definitive holders; empty: not known
	Pemangku
}

// Atasan is a superior in a reporting line: the person and the position through
// which they are superior (for a Plt/Plh, the acting position).
type Atasan struct {
	Pemangku
	JabatanID   string
	JabatanNama string
}

// Struktur is an instansi's organisation chart with its holders on one date.
type Struktur struct {
	jabatan map[string]JabatanNode
	holder  map[string]Pemangku
}

// NewStruktur builds the chart. The holder of a position is its definitive holder
// (PermenPANRB 6/2022: the direct superior rates); with several, the lowest NIP, so the
// choice is deterministic. A vacant position is held by its Plt, else its Plh (BKN SE
// 1/2021: an acting official carries the position's authority). Holders with a terminal
// status hold nothing.
func NewStruktur(jabatan []JabatanNode, definitif, plt []PemangkuJabatan) Struktur {
	s := Struktur{jabatan: make(map[string]JabatanNode, len(jabatan)), holder: map[string]Pemangku{}}
	for _, j := range jabatan {
		s.jabatan[j.ID] = j
	}
	pick := func(list []PemangkuJabatan, rank func(PemangkuJabatan) int) {
		sorted := make([]PemangkuJabatan, 0, len(list))
		for _, p := range list {
			if HoldsPosition(p.Status) {
				sorted = append(sorted, p)
			}
		}
		sort.SliceStable(sorted, func(a, b int) bool {
			ra, rb := rank(sorted[a]), rank(sorted[b])
			if ra != rb {
				return ra < rb
			}
			return sorted[a].NIP < sorted[b].NIP
		})
		for _, p := range sorted {
			if _, taken := s.holder[p.JabatanID]; !taken {
				s.holder[p.JabatanID] = p.Pemangku
			}
		}
	}
	pick(definitif, func(PemangkuJabatan) int { return 0 })
	pick(plt, func(p PemangkuJabatan) int {
		if p.Sumber == SumberPLH {
			return 1
		}
		return 0
	})
	return s
}

// Jabatan returns a position of the chart.
func (s Struktur) Jabatan(id string) (JabatanNode, bool) {
	j, ok := s.jabatan[id]
	return j, ok
}

// Holder returns who holds a position, if anyone.
func (s Struktur) Holder(jabatanID string) (Pemangku, bool) {
	p, ok := s.holder[jabatanID]
	return p, ok
}

// Ancestors lists the positions above jabatanID, nearest first. A cycle in the chart
// ends the walk.
func Ancestors(jabatan map[string]JabatanNode, jabatanID string) []string {
	var out []string
	seen := map[string]bool{jabatanID: true}
	for id := jabatan[jabatanID].AtasanJabatanID; id != "" && !seen[id]; id = jabatan[id].AtasanJabatanID {
		seen[id] = true
		out = append(out, id)
	}
	return out
}

// Rantai is the reporting chain of the employee pegawaiID in position jabatanID: every
// distinct person holding a position above it, nearest first. A vacant position is
// skipped, so the next holder up becomes the rater; the employee never rates
// themselves (e.g. when they are Plt of their own superior position). The first entry
// is the rater (penilai), the second the rater's superior (atasan penilai).
func (s Struktur) Rantai(pegawaiID, jabatanID string) []Atasan {
	return s.walk(pegawaiID, jabatanID, -1)
}

// Rater is the first entry of Rantai.
func (s Struktur) Rater(pegawaiID, jabatanID string) (Atasan, bool) {
	r := s.walk(pegawaiID, jabatanID, 1)
	if len(r) == 0 {
		return Atasan{}, false
	}
	return r[0], true
}

func (s Struktur) walk(pegawaiID, jabatanID string, limit int) []Atasan {
	var out []Atasan
	seen := map[string]bool{pegawaiID: true}
	for _, id := range Ancestors(s.jabatan, jabatanID) {
		h, ok := s.holder[id]
		if !ok || seen[h.PegawaiID] {
			continue
		}
		seen[h.PegawaiID] = true
		out = append(out, Atasan{Pemangku: h, JabatanID: id, JabatanNama: s.jabatan[id].Nama})
		if limit > 0 && len(out) >= limit {
			break
		}
	}
	return out
}

// Bawahan returns, from the employees and their definitive positions, those whose
// rater is raterID: including those reached through a vacant position and those of a
// position raterID holds as Plt/Plh. Terminal employees are left out.
func (s Struktur) Bawahan(raterID string, pegawai []PemangkuJabatan) []PemangkuJabatan {
	var out []PemangkuJabatan
	for _, p := range pegawai {
		if p.PegawaiID == raterID || !HoldsPosition(p.Status) {
			continue
		}
		if r, ok := s.Rater(p.PegawaiID, p.JabatanID); ok && r.PegawaiID == raterID {
			out = append(out, p)
		}
	}
	return out
}
