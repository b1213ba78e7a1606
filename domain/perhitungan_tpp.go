package domain

import (
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"strconv"
	"strings"
	"time"
)

// JenisPerhitungan is the kind of a payroll run.
type JenisPerhitungan string

// Kinds of payroll run.
const (
	PerhitunganInduk   JenisPerhitungan = "INDUK"   // the month's run
	PerhitunganKoreksi JenisPerhitungan = "KOREKSI" // pays or recovers the difference found after approval
	PerhitunganRapel   JenisPerhitungan = "RAPEL"   // pays increases only (arrears)
)

// StatusPerhitungan is where a payroll run is in its life.
type StatusPerhitungan string

// Run statuses.
const (
	PerhitunganProses    StatusPerhitungan = "PROSES"    // computing
	PerhitunganDihitung  StatusPerhitungan = "DIHITUNG"  // computed, under review
	PerhitunganDisetujui StatusPerhitungan = "DISETUJUI" // approved and locked
	PerhitunganGagal     StatusPerhitungan = "GAGAL"     // the computation failed; recompute
)

// KodeAnomali flags a line for the reviewer.
type KodeAnomali string

// Anomalies.
const (
	AnomaliTanpaPenilaian KodeAnomali = "TANPA_PENILAIAN" // no final evaluation for the month
	AnomaliTanpaKehadiran KodeAnomali = "TANPA_KEHADIRAN" // working days but no clock record and no document at all
	AnomaliPerubahanBesar KodeAnomali = "PERUBAHAN_BESAR" // the net moved by 25% or more from the last approved month
	AnomaliTanpaRekening  KodeAnomali = "TANPA_REKENING"  // nowhere to transfer to
	AnomaliNol            KodeAnomali = "NOL"             // nothing to pay
)

// AllKodeAnomali lists the anomalies in the order they are reported.
var AllKodeAnomali = []KodeAnomali{AnomaliTanpaPenilaian, AnomaliTanpaKehadiran, AnomaliPerubahanBesar, AnomaliTanpaRekening, AnomaliNol}

// RingkasanTPP sums a run's (or a simulation's) lines.
type RingkasanTPP struct {
	JumlahPegawai int   `json:"jumlah_pegawai"`
	Pagu          int64 `json:"pagu"`
	Bruto         int64 `json:"bruto"`
	Potongan      int64 `json:"potongan"`
	BPJSPegawai   int64 `json:"bpjs_pegawai"`
	BPJSPemda     int64 `json:"bpjs_pemda"`
	PPh           int64 `json:"pph"`
	Neto          int64 `json:"neto"`
	Dibayar       int64 `json:"dibayar"`
	Biaya         int64 `json:"biaya"`
}

// Tambah adds one line.
func (r *RingkasanTPP) Tambah(b BarisTPP) {
	r.JumlahPegawai++
	r.Pagu += b.Pagu
	r.Bruto += b.Bruto
	r.Potongan += b.Potongan
	r.BPJSPegawai += b.BPJSPegawai
	r.BPJSPemda += b.BPJSPemda
	r.PPh += b.PPh
	r.Neto += b.Neto
	r.Dibayar += b.Dibayar
	r.Biaya += b.Biaya
}

// PemakaianPagu is one budget unit against a run or a simulation.
type PemakaianPagu struct {
	UnitKerjaID   string `json:"unit_kerja_id"`
	UnitKerjaNama string `json:"unit_kerja_nama"`
	Pagu          *int64 `json:"pagu"` // nil: the unit has no budget line
	Terpakai      int64  `json:"terpakai"`
	Biaya         int64  `json:"biaya"`
}

// Sisa is what would remain; nil without a budget line.
func (p PemakaianPagu) Sisa() *int64 {
	if p.Pagu == nil {
		return nil
	}
	s := *p.Pagu - p.Terpakai - p.Biaya
	return &s
}

// Melebihi reports whether the cost goes over the budget line.
func (p PemakaianPagu) Melebihi() bool {
	s := p.Sisa()
	return s != nil && *s < 0 && p.Biaya > 0
}

// PerhitunganTPP is a payroll run for an instansi or a unit subtree and a month.
type PerhitunganTPP struct {
	ID                 string
	InstansiID         string
	UnitKerjaID        string // "" for the whole instansi
	UnitKerjaNama      string
	UnitPath           string // "/" for the whole instansi
	Tahun              int
	Bulan              time.Month
	Jenis              JenisPerhitungan
	AsalID             string // the corrected run, for KOREKSI and RAPEL
	Urutan             int    // 0 for INDUK; 1, 2, … for the corrections of a scope and month
	Status             StatusPerhitungan
	AturanID           string
	AturanVersi        int
	Keterangan         string
	JumlahPegawai      int
	Total              RingkasanTPP
	Anomali            map[KodeAnomali]int
	Pagu               []PemakaianPagu
	ModePagu           ModePagu
	MelebihiPagu       bool
	Sidik              string
	DibuatOleh         string // username of the creator
	DibuatOlehID       string
	DisetujuiOleh      string
	DisetujuiPada      *time.Time
	CatatanPersetujuan string
	PesanGagal         string
	Selesai            int // lines computed so far while PROSES (not stored)
	Version            int
	CreatedAt          time.Time
	UpdatedAt          time.Time
}

// Terkunci reports whether the run is approved and can no longer change.
func (p PerhitunganTPP) Terkunci() bool { return p.Status == PerhitunganDisetujui }

// BarisTPP is one pegawai's line of a run: who they were that month, the amounts and
// the engine's full result with the trace (Hasil, encoded by the service).
type BarisTPP struct {
	PerhitunganID          string
	InstansiID             string
	PegawaiID              string
	NIP                    string
	Nama                   string
	UnitKerjaID            string
	UnitKerjaNama          string
	UnitPath               string
	PaguUnitID             string
	JabatanNama            string
	KelasJabatan           int
	Golongan               string
	JenisASN               JenisASN
	StatusKepegawaian      StatusKepegawaian
	Predikat               Predikat
	JHK                    int
	Besaran                int64
	Pagu                   int64
	PersenKinerja          string
	Produktivitas          int64
	Disiplin               int64
	Tambahan               int64
	PersenPotonganDisiplin string
	Potongan               int64
	Bruto                  int64
	BPJSPegawai            int64
	BPJSPemda              int64
	PPh                    int64
	PPhDitanggung          bool
	PotonganLain           int64
	Neto                   int64
	SudahDibayar           int64 // for a correction: the net approved runs already paid for the month
	Dibayar                int64 // what this run pays; negative: to recover
	Biaya                  int64 // what it costs the budget
	Rekening               *Rekening
	Anomali                []KodeAnomali
	Hasil                  []byte
}

// IsiHasil copies the engine's amounts into the line and sets what the run pays and
// costs: the whole net (INDUK) or the difference from what was already paid and
// cost (corrections).
func (b *BarisTPP) IsiHasil(h HasilTPP, jenis JenisPerhitungan, sudahDibayar, sudahBiaya int64) {
	b.Besaran, b.Pagu, b.PersenKinerja = h.Besaran, h.Pagu, h.PersenKinerja
	b.Produktivitas, b.Disiplin, b.Tambahan = h.Produktivitas, h.Disiplin, h.Tambahan
	b.PersenPotonganDisiplin, b.Potongan, b.Bruto = h.PersenPotonganDisiplin, h.Potongan, h.Bruto
	b.BPJSPegawai, b.BPJSPemda, b.PPh, b.PPhDitanggung = h.BPJSPegawai, h.BPJSPemda, h.PPh, h.PPhDitanggungPemda
	b.PotonganLain, b.Neto = h.PotonganLain, h.Neto
	biaya := BiayaTPP(h)
	b.SudahDibayar = sudahDibayar
	if jenis == PerhitunganInduk {
		b.Dibayar, b.Biaya = h.Neto, biaya
		return
	}
	b.Dibayar, b.Biaya = h.Neto-sudahDibayar, biaya-sudahBiaya
}

// BiayaTPP is what a month costs the budget: the gross, the pemda's BPJS share and the
// tax the pemda bears.
func BiayaTPP(h HasilTPP) int64 {
	c := h.Bruto + h.BPJSPemda
	if h.PPhDitanggungPemda {
		c += h.PPh
	}
	return c
}

// PerubahanBesar reports whether a net moved by a quarter or more from the last
// approved month's (0 last month: any amount now is large).
func PerubahanBesar(sebelum, sekarang int64) bool {
	d := sekarang - sebelum
	if d < 0 {
		d = -d
	}
	return d*4 >= sebelum && d > 0
}

// AnomaliString joins anomaly codes for storage.
func AnomaliString(a []KodeAnomali) string {
	s := make([]string, len(a))
	for i, k := range a {
		s[i] = string(k)
	}
	return strings.Join(s, ",")
}

// ParseAnomali splits stored anomaly codes.
func ParseAnomali(s string) []KodeAnomali {
	if s == "" {
		return []KodeAnomali{}
	}
	parts := strings.Split(s, ",")
	out := make([]KodeAnomali, len(parts))
	for i, p := range parts {
		out[i] = KodeAnomali(p)
	}
	return out
}

// Sidik is the SHA-256 of the lines in the order they were computed (a run computes
// them in pegawai id order), over every stored field: two runs with the same inputs
// have the same sidik.
func Sidik(lines []BarisTPP) string {
	var p Penyidik
	for i := range lines {
		p.Tambah(&lines[i])
	}
	return p.Hasil()
}

// Penyidik computes Sidik line by line, for runs stored in chunks.
type Penyidik struct {
	h   hash.Hash
	buf []byte
}

// Tambah adds the next line.
func (p *Penyidik) Tambah(b *BarisTPP) {
	if p.h == nil {
		p.h = sha256.New()
	}
	buf := p.buf[:0]
	for _, s := range []string{b.PegawaiID, b.NIP, b.Nama, b.UnitKerjaID, b.UnitKerjaNama, b.PaguUnitID, b.JabatanNama,
		b.Golongan, string(b.JenisASN), string(b.StatusKepegawaian), string(b.Predikat), b.PersenKinerja,
		b.PersenPotonganDisiplin, AnomaliString(b.Anomali)} {
		buf = append(buf, s...)
		buf = append(buf, 0)
	}
	for _, n := range []int64{int64(b.KelasJabatan), int64(b.JHK), b.Besaran, b.Pagu, b.Produktivitas, b.Disiplin, b.Tambahan,
		b.Potongan, b.Bruto, b.BPJSPegawai, b.BPJSPemda, b.PPh, b.PotonganLain, b.Neto, b.SudahDibayar, b.Dibayar, b.Biaya} {
		buf = strconv.AppendInt(buf, n, 10)
		buf = append(buf, 0)
	}
	if b.Rekening != nil {
		buf = append(buf, b.Rekening.NamaBank+"\x00"+b.Rekening.Nomor+"\x00"+b.Rekening.AtasNama...)
	}
	buf = append(buf, 0)
	p.h.Write(buf)
	p.h.Write(b.Hasil)
	p.h.Write(akhirBaris)
	p.buf = buf
}

// BarisPegawaiTPP is one of a pegawai's lines of a month with the state of its run.
type BarisPegawaiTPP struct {
	BarisTPP
	StatusRun     StatusPerhitungan
	JenisRun      JenisPerhitungan
	DisetujuiPada *time.Time // of the run
}

// akhirBaris ends each line that Penyidik hashes.
var akhirBaris = []byte{'\n'}

// Hasil is the hex digest of the lines added so far.
func (p *Penyidik) Hasil() string {
	if p.h == nil {
		p.h = sha256.New()
	}
	return hex.EncodeToString(p.h.Sum(nil))
}

// KinerjaFakta is what a pegawai's evaluation of a period gives the TPP.
type KinerjaFakta struct {
	Predikat      Predikat
	Final         bool
	NilaiPerilaku map[string]int
}

// BerAKHLAK returns the seven scores in the official order, or nil unless all seven
// are given.
func (k KinerjaFakta) BerAKHLAK() *[7]int {
	if len(k.NilaiPerilaku) == 0 {
		return nil
	}
	var out [7]int
	for i, v := range Berakhlak {
		n, ok := k.NilaiPerilaku[v]
		if !ok {
			return nil
		}
		out[i] = n
	}
	return &out
}

// Terbayar is what approved runs paid and cost for one pegawai's month.
type Terbayar struct {
	Dibayar int64
	Biaya   int64
}

// PerhitunganTPPFilter selects payroll runs.
type PerhitunganTPPFilter struct {
	InstansiID string
	Tahun      int
	Bulan      time.Month
	Status     StatusPerhitungan
	Jenis      JenisPerhitungan
	ScopePath  string // an ADMIN_UNIT's subtree: runs of units inside it
	Offset     int
	Limit      int
}

// BarisTPPFilter selects lines of a run.
type BarisTPPFilter struct {
	InstansiID    string
	PerhitunganID string
	UnitPath      string // a unit subtree
	Anomali       KodeAnomali
	Q             string
	PegawaiIDs    []string // only these pegawai (a rater's subordinates)
	Offset        int
	Limit         int
}
