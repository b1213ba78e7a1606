package domain

import (
	"math"
	"slices"
	"sync"
	"time"
)

// LiburDiluarMasaKerja marks a day that the schedule and calendar make a working day
// but that falls before the pegawai's TMT or after their last day in service. It is
// kept apart from the other kinds so that a rule engine can still count the month's
// full JHK (Kerja days plus these) when it prorates for a mid-month TMT.
const LiburDiluarMasaKerja JenisLibur = "DILUAR_MASA_KERJA"

// JenisRekaman says which side of the working period a clock record claims to be.
type JenisRekaman string

// Clock record kinds.
const (
	RekamanMasuk  JenisRekaman = "MASUK"  // clock-in
	RekamanPulang JenisRekaman = "PULANG" // clock-out
	// RekamanTidakDiketahui is a record whose side is unknown (most fingerprint
	// machines, where nobody presses the function key): the first record of the
	// working period is the clock-in and the last the clock-out.
	RekamanTidakDiketahui JenisRekaman = ""
)

// ParseJenisRekaman reads MASUK, PULANG or "" (unknown).
func ParseJenisRekaman(field, s string) (JenisRekaman, error) {
	switch j := JenisRekaman(s); j {
	case RekamanMasuk, RekamanPulang, RekamanTidakDiketahui:
		return j, nil
	}
	return "", Invalid(field, "jenis_rekaman_invalid",
		"Jenis rekaman harus MASUK, PULANG atau kosong.", "The record kind must be MASUK, PULANG or empty.")
}

// Rekaman is one clock record of one pegawai.
type Rekaman struct {
	Waktu time.Time // the instant; its Location does not matter
	Jenis JenisRekaman
}

// DokumenIzin is an approved absence document (cuti, dinas luar, tugas belajar, WFA)
// covering an inclusive date range.
type DokumenIzin struct {
	Jenis   JenisIzin
	Mulai   time.Time // first date, midnight UTC
	Selesai time.Time // last date, inclusive
	AnakKe  int       // child order, for CUTI_MELAHIRKAN
}

// Berlaku reports whether the document covers date d.
func (z DokumenIzin) Berlaku(d time.Time) bool {
	return !d.Before(z.Mulai) && !d.After(z.Selesai)
}

// JendelaRekaman is how far around a working period clock records are still taken as
// belonging to it. Zero fields take the defaults (4 hours before the start, 6 hours
// after the end), which keep consecutive night shifts apart.
type JendelaRekaman struct {
	SebelumDetik int
	SesudahDetik int
}

// Default matching window.
const (
	JendelaSebelumDefault = 4 * 3600
	JendelaSesudahDefault = 6 * 3600
)

// KlasifikasiInput is everything needed to classify one pegawai's month.
type KlasifikasiInput struct {
	Tahun int
	Bulan time.Month
	// Lokasi is the time zone of the pegawai's unit (Asia/Jakarta, Asia/Makassar,
	// Asia/Jayapura); every date and clock time is read in it. Nil means UTC.
	Lokasi *time.Location
	// PegawaiID, when set, ignores Roster and Fleksibel entries of other pegawai.
	PegawaiID   string
	Jadwal      Jadwal
	Penyesuaian []PenyesuaianJadwal
	Roster      []RosterShift // SHIFT schedules: the pegawai's shifts
	Libur       []HariLibur   // holidays; include the neighbouring year around January and December
	Rekaman     []Rekaman     // any order
	Izin        []DokumenIzin // approved documents only
	Fleksibel   []Fleksibel
	TMT         time.Time // first day in service (midnight UTC); zero = no limit
	Akhir       time.Time // last day in service, inclusive; zero = still in service
	Jendela     JendelaRekaman
	// KhususSemuaLibur extends the Khusus rule from cuti bersama to every holiday block.
	KhususSemuaLibur bool
}

// KlasifikasiBulan classifies each calendar day of the month in the unit's local time
// into one FaktaHari, in date order. Inputs are assumed validated when they were saved
// (Jadwal.Validate, ValidatePenyesuaian, ValidateRoster, Fleksibel.Validate); a rostered
// shift code that the schedule does not know makes that date a day off.
//
// Rules, in order of precedence for a working day:
//   - Kerja: a working day of the schedule (override and roster applied) that is not a
//     holiday or cuti bersama (unless Jadwal.KerjaSaatLibur), between TMT and Akhir.
//   - An approved document covering the day gives StatusIzin, whatever the records say;
//     a WFA document gives StatusFleksibel.
//   - A WFA arrangement gives StatusFleksibel: present, never late, never early.
//   - Otherwise the records matched to the day's working period decide: none gives
//     StatusTanpaKeterangan, any gives StatusHadir with TerlambatDetik =
//     max(0, clock-in − start) and PulangCepatDetik = max(0, end − clock-out), whole
//     seconds (fractions truncated), and TanpaMasuk / TanpaPulang when a side is missing.
//
// A record belongs to the working period whose window [start − Jendela.Sebelum,
// end + Jendela.Sesudah] contains it; when two windows do, the period nearer to the
// record wins, and at equal distance a MASUK goes to the later period and any other
// record to the earlier one. The clock-in is the earliest MASUK, else the earliest
// unknown record; the clock-out the latest PULANG, else the latest unknown record. A
// single unknown record is the clock-in before the period's midpoint and the clock-out
// from the midpoint on.
//
// Khusus marks a working day directly before or directly after a run of non-working
// days that contains a cuti bersama day (any holiday with KhususSemuaLibur), looking
// across the month's edges (Pergub Kaltara 39/2018: absence on those days costs the
// whole month's TPP).
func KlasifikasiBulan(in KlasifikasiInput) []FaktaHari {
	k := ambilKlasifikator(&in)
	defer k.lepas()
	first := time.Date(in.Tahun, in.Bulan, 1, 0, 0, 0, 0, time.UTC)
	days := time.Date(in.Tahun, in.Bulan+1, 0, 0, 0, 0, 0, time.UTC).Day()

	// Periods of the month's days plus one day on either side, so that a night shift
	// starting the day before the month keeps its morning records. Instants are
	// compared as Unix nanoseconds: a month is classified for every pegawai.
	k.awal = first.AddDate(0, 0, -1)
	k.cache = panjang(k.cache, days+2)
	slots := panjang(k.slots, days+2)
	// every window lies within [lo + i·day, hi + i·day] of its slot i, which bounds the
	// slots a record needs to be checked against
	const day = int64(satuHariUTC)
	lo, hi, adaKerja := int64(math.MaxInt64), int64(math.MinInt64), false
	for i := range slots {
		d := k.awal.Add(time.Duration(i) * satuHariUTC)
		h := k.hari(d)
		var s slotHari
		if h.kerja {
			s.flex = k.fleksibel(d)
			if s.flex != nil && s.flex.Jenis == FleksibelWaktu {
				h.periode.Mulai = jamLokal(d, s.flex.AwalMasuk, k.loc)
				h.periode.Selesai = jamLokal(d, s.flex.AkhirMasuk+s.flex.DurasiDetik, k.loc)
			}
			s.mulai, s.selesai = h.periode.Mulai.UnixNano(), h.periode.Selesai.UnixNano()
			s.jendelaA, s.jendelaB = s.mulai-int64(k.sebelum), s.selesai+int64(k.sesudah)
			lo, hi, adaKerja = min(lo, s.jendelaA-int64(i)*day), max(hi, s.jendelaB-int64(i)*day), true
		}
		k.cache[i] = h
		slots[i] = s
	}

	recs := append(k.recs[:0], in.Rekaman...)
	slices.SortStableFunc(recs, func(a, b Rekaman) int { return a.Waktu.Compare(b.Waktu) })
	pilih := panjang(k.pilih, len(recs))
	hitung := panjang(k.hitung, len(slots))
	clear(hitung)
	for ri, r := range recs {
		w := r.Waktu.UnixNano()
		best, bestJarak := -1, int64(0)
		dari, sampai := 0, -1
		if adaKerja {
			dari, sampai = max(0, -lantaiBagi(hi-w, day)), min(len(slots)-1, lantaiBagi(w-lo, day))
		}
		for i := dari; i <= sampai; i++ {
			s := &slots[i]
			if !k.cache[i].kerja || w < s.jendelaA || w > s.jendelaB {
				continue
			}
			jarak := int64(0)
			if w < s.mulai {
				jarak = s.mulai - w
			} else if w > s.selesai {
				jarak = w - s.selesai
			}
			if best < 0 || jarak < bestJarak || (jarak == bestJarak && r.Jenis == RekamanMasuk) {
				best, bestJarak = i, jarak
			}
		}
		pilih[ri] = best
		if best >= 0 {
			hitung[best]++
		}
	}
	// one backing array, partitioned by slot, each part still in time order
	byRec := panjang(k.byRec, len(recs))
	off := 0
	for i := range slots {
		slots[i].recsAwal, slots[i].recsAkhir = off, off
		off += hitung[i]
	}
	for ri, best := range pilih {
		if best >= 0 {
			byRec[slots[best].recsAkhir] = recs[ri]
			slots[best].recsAkhir++
		}
	}
	k.slots, k.recs, k.pilih, k.hitung, k.byRec = slots, recs, pilih, hitung, byRec

	out := make([]FaktaHari, days)
	for i := range out {
		s, h := &slots[i+1], k.cache[i+1]
		d := first.Add(time.Duration(i) * satuHariUTC)
		f := FaktaHari{Tanggal: d, Status: StatusLibur}
		switch {
		case !h.kerja:
			f.Libur = h.libur
		case !k.dalamMasaKerja(d):
			f.Libur = LiburDiluarMasaKerja
		default:
			f.Kerja = true
			f.Khusus = k.khusus(d)
			k.status(&f, h.periode, s.flex, byRec[s.recsAwal:s.recsAkhir])
		}
		out[i] = f
	}
	return out
}

// satuHariUTC steps between dates: they are midnight UTC, where every day has 24 hours.
const satuHariUTC = 24 * time.Hour

// hariJadwal is a date as the schedule and calendar see it, before TMT and documents.
type hariJadwal struct {
	kerja   bool
	libur   JenisLibur
	periode PeriodeKerja
}

// slotHari is a day's working period and matching window as Unix nanoseconds, with
// its records.
type slotHari struct {
	flex                *Fleksibel
	mulai, selesai      int64 // the working period
	jendelaA, jendelaB  int64 // the matching window
	recsAwal, recsAkhir int   // the slot's records in byRec
}

// klasifikator holds the indexed inputs of one KlasifikasiBulan call, and scratch
// space that pooled klasifikators keep from call to call.
type klasifikator struct {
	in      KlasifikasiInput
	loc     *time.Location
	libur   map[time.Time]HariLibur
	roster  map[time.Time]string
	sebelum time.Duration
	sesudah time.Duration
	tmt     time.Time    // the date of TMT
	akhir   time.Time    // the date of Akhir
	awal    time.Time    // the date of cache[0]
	cache   []hariJadwal // hari of the month's days and one either side

	slots  []slotHari
	recs   []Rekaman // the records in time order
	pilih  []int     // per record, its slot or -1
	hitung []int     // per slot, its number of records
	byRec  []Rekaman // the records by slot
}

// klasifikatorPool keeps klasifikators for their scratch space: a payroll run
// classifies the month of every pegawai.
var klasifikatorPool = sync.Pool{New: func() any {
	return &klasifikator{roster: map[time.Time]string{}}
}}

// ambilKlasifikator indexes the inputs of one call in a pooled klasifikator.
func ambilKlasifikator(in *KlasifikasiInput) *klasifikator {
	k := klasifikatorPool.Get().(*klasifikator)
	k.in, k.loc, k.tmt, k.akhir = *in, in.Lokasi, keTanggal(in.TMT), keTanggal(in.Akhir)
	k.sebelum, k.sesudah = JendelaSebelumDefault*time.Second, JendelaSesudahDefault*time.Second
	if k.loc == nil {
		k.loc = time.UTC
	}
	if in.Jendela.SebelumDetik > 0 {
		k.sebelum = time.Duration(in.Jendela.SebelumDetik) * time.Second
	}
	if in.Jendela.SesudahDetik > 0 {
		k.sesudah = time.Duration(in.Jendela.SesudahDetik) * time.Second
	}
	k.libur = indeksLibur(in.Libur)
	if in.Jadwal.Jenis == JadwalShift {
		for _, r := range in.Roster {
			if in.PegawaiID != "" && r.PegawaiID != "" && r.PegawaiID != in.PegawaiID {
				continue
			}
			d := keTanggal(r.Tanggal)
			if _, ok := k.roster[d]; !ok {
				k.roster[d] = r.KodeShift
			}
		}
	}
	return k
}

// lepas returns k to the pool, dropping what refers to the call's inputs.
func (k *klasifikator) lepas() {
	k.in, k.loc, k.libur = KlasifikasiInput{}, nil, nil
	clear(k.roster)
	clear(k.slots)
	clear(k.recs)
	clear(k.byRec)
	klasifikatorPool.Put(k)
}

// lantaiBagi is a / b rounded down (b > 0).
func lantaiBagi(a, b int64) int {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return int(q)
}

// panjang is s with length n, reusing its backing array when it is large enough;
// the elements are left as they were.
func panjang[S ~[]E, E any](s S, n int) S {
	if cap(s) < n {
		return make(S, n)
	}
	return s[:n]
}

// hariTersimpan is hari, from the cache when d is in it.
func (k *klasifikator) hariTersimpan(d time.Time) hariJadwal {
	if diff := d.Sub(k.awal); diff >= 0 && diff%satuHariUTC == 0 && int(diff/satuHariUTC) < len(k.cache) {
		return k.cache[int(diff/satuHariUTC)]
	}
	return k.hari(d)
}

// hari resolves date d by schedule, overrides, roster and calendar.
func (k *klasifikator) hari(d time.Time) hariJadwal {
	kode := ""
	if k.in.Jadwal.Jenis == JadwalShift {
		kode = k.roster[d]
	}
	p, ok := k.in.Jadwal.periode(d, k.loc, k.in.Penyesuaian, kode)
	h, libur := k.libur[d]
	switch {
	case !ok && libur:
		return hariJadwal{libur: h.Jenis}
	case !ok:
		return hariJadwal{libur: LiburAkhirPekan}
	case libur && !k.in.Jadwal.KerjaSaatLibur:
		return hariJadwal{libur: h.Jenis}
	}
	return hariJadwal{kerja: true, periode: p}
}

func (k *klasifikator) dalamMasaKerja(d time.Time) bool {
	if !k.in.TMT.IsZero() && d.Before(k.tmt) {
		return false
	}
	return k.in.Akhir.IsZero() || !d.After(k.akhir)
}

func (k *klasifikator) fleksibel(d time.Time) *Fleksibel {
	for i := range k.in.Fleksibel {
		f := &k.in.Fleksibel[i]
		if k.in.PegawaiID != "" && f.PegawaiID != "" && f.PegawaiID != k.in.PegawaiID {
			continue
		}
		if f.Berlaku(d) {
			return f
		}
	}
	return nil
}

// maxBlokLibur bounds the search for the end of a holiday block.
const maxBlokLibur = 62

// khusus reports whether working day d borders a block of days off holding a
// qualifying holiday.
func (k *klasifikator) khusus(d time.Time) bool {
	return k.blokLibur(d, -1) || k.blokLibur(d, 1)
}

// blokLibur walks from d in direction step over days off until the next working day
// and reports whether one of them is a qualifying holiday.
func (k *klasifikator) blokLibur(d time.Time, step int) bool {
	found := false
	for i := 1; i <= maxBlokLibur; i++ {
		h := k.hariTersimpan(d.Add(time.Duration(i*step) * satuHariUTC))
		if h.kerja {
			return found
		}
		if h.libur == CutiBersama || (k.in.KhususSemuaLibur && h.libur == LiburNasional) {
			found = true
		}
	}
	return found
}

// status fills the status of working day f from documents, flexible arrangements and
// the records matched to its period.
func (k *klasifikator) status(f *FaktaHari, p PeriodeKerja, flex *Fleksibel, recs []Rekaman) {
	for _, z := range k.in.Izin {
		if z.Berlaku(f.Tanggal) {
			if z.Jenis == IzinWFA {
				f.Status = StatusFleksibel
				return
			}
			f.Status, f.Izin, f.AnakKe = StatusIzin, z.Jenis, z.AnakKe
			return
		}
	}
	if flex != nil && flex.Jenis == FleksibelWFA {
		f.Status = StatusFleksibel
		return
	}
	if len(recs) == 0 {
		f.Status = StatusTanpaKeterangan
		return
	}
	f.Status = StatusHadir
	if flex != nil && flex.Jenis == FleksibelDinamis {
		return
	}
	masuk, pulang := pilihMasukPulang(p, recs)
	mulai, selesai := p.Mulai, p.Selesai
	if flex != nil && flex.Jenis == FleksibelWaktu {
		awal := jamLokal(f.Tanggal, flex.AwalMasuk, k.loc)
		akhir := jamLokal(f.Tanggal, flex.AkhirMasuk, k.loc)
		mulai = akhir
		efektif := awal
		if masuk >= 0 {
			efektif = recs[masuk].Waktu
			if efektif.Before(awal) {
				efektif = awal
			} else if efektif.After(akhir) {
				efektif = akhir
			}
		}
		selesai = efektif.Add(time.Duration(flex.DurasiDetik) * time.Second)
	}
	if masuk < 0 {
		f.TanpaMasuk = true
	} else {
		f.TerlambatDetik = detikPositif(recs[masuk].Waktu.Sub(mulai))
	}
	if pulang < 0 {
		f.TanpaPulang = true
	} else {
		f.PulangCepatDetik = detikPositif(selesai.Sub(recs[pulang].Waktu))
	}
}

// pilihMasukPulang picks the clock-in and clock-out among a period's records (sorted
// by time), returning indices or -1 when a side is missing.
func pilihMasukPulang(p PeriodeKerja, recs []Rekaman) (masuk, pulang int) {
	masuk, pulang = -1, -1
	for i, r := range recs {
		switch r.Jenis {
		case RekamanMasuk:
			if masuk < 0 {
				masuk = i
			}
		case RekamanPulang:
			pulang = i
		}
	}
	masukTahu, pulangTahu := masuk >= 0, pulang >= 0
	for i, r := range recs {
		if r.Jenis != RekamanMasuk && r.Jenis != RekamanPulang {
			if !masukTahu && masuk < 0 {
				masuk = i
			}
			if !pulangTahu {
				pulang = i
			}
		}
	}
	switch {
	case masuk >= 0 && masuk == pulang:
		// one unknown record: its position in the period decides its side
		tengah := p.Mulai.Add(p.Selesai.Sub(p.Mulai) / 2)
		if recs[masuk].Waktu.Before(tengah) {
			pulang = -1
		} else {
			masuk = -1
		}
	case masuk >= 0 && pulang >= 0 && recs[masuk].Waktu.After(recs[pulang].Waktu):
		// an unknown record after the explicit clock-out (or before the explicit
		// clock-in) is a repeat, not the other side
		if !masukTahu {
			masuk = -1
		} else if !pulangTahu {
			pulang = -1
		}
	}
	return masuk, pulang
}

// detikPositif is d in whole seconds, truncated, and 0 when d is not positive.
func detikPositif(d time.Duration) int {
	if d <= 0 {
		return 0
	}
	return int(d / time.Second)
}

// SumberKehadiran says where a stored clock record came from.
type SumberKehadiran string

// Record sources.
const (
	SumberMobile  SumberKehadiran = "MOBILE"  // the mobile app's check-in, timed by the server
	SumberMesin   SumberKehadiran = "MESIN"   // a fingerprint machine's ATTLOG export
	SumberCSV     SumberKehadiran = "CSV"     // a generic CSV import
	SumberKoreksi SumberKehadiran = "KOREKSI" // an administrator's correction
)

// Kehadiran is one stored clock record. Records are never deleted: a correction marks
// the record it replaces Dikoreksi (kept, no longer counted) and adds a KOREKSI record
// naming it in MenggantikanID.
type Kehadiran struct {
	ID         string
	InstansiID string
	PegawaiID  string
	NIP        string
	Nama       string
	Waktu      time.Time // the instant, UTC, whole seconds
	// ZonaWaktu is the zone of the pegawai's unit (else the instansi's) when read;
	// WaktuLokal is Waktu in it.
	ZonaWaktu        string
	WaktuLokal       time.Time
	Jenis            JenisRekaman
	Sumber           SumberKehadiran
	WaktuKlien       *time.Time // the device's clock (MOBILE), for reference only
	Lintang, Bujur   *float64
	PerangkatID      string
	KunciIdempotensi string
	MenggantikanID   string
	Alasan           string
	Dikoreksi        bool
	DicatatOleh      string
	CreatedAt        time.Time
}

// SamaPengajuan reports whether two check-ins carry the same submission: what the
// client sent (kind, device clock, position, device), not what the server decided.
// Device clocks are compared to the microsecond, the precision PostgreSQL keeps.
func (k Kehadiran) SamaPengajuan(o Kehadiran) bool {
	samaWaktu := func(a, b *time.Time) bool {
		if a == nil || b == nil {
			return a == nil && b == nil
		}
		return a.Truncate(time.Microsecond).Equal(b.Truncate(time.Microsecond))
	}
	samaAngka := func(a, b *float64) bool {
		if a == nil || b == nil {
			return a == nil && b == nil
		}
		return *a == *b
	}
	return k.Jenis == o.Jenis && samaWaktu(k.WaktuKlien, o.WaktuKlien) && samaAngka(k.Lintang, o.Lintang) &&
		samaAngka(k.Bujur, o.Bujur) && k.PerangkatID == o.PerangkatID
}

// WaktuRekaman is the instant a clock record stores: UTC, fractions of a second
// dropped, so that "the same pegawai at the same second" is one record however the
// instant arrived.
func WaktuRekaman(t time.Time) time.Time { return t.UTC().Truncate(time.Second) }

// RentangLokal turns an inclusive range of local calendar dates (either end may be
// nil) into instants [from, to) in loc: from is dari's midnight, to the midnight
// after sampai.
func RentangLokal(dari, sampai *time.Time, loc *time.Location) (from, to *time.Time) {
	if loc == nil {
		loc = time.UTC
	}
	if dari != nil {
		y, m, d := dari.Date()
		t := time.Date(y, m, d, 0, 0, 0, 0, loc).UTC()
		from = &t
	}
	if sampai != nil {
		y, m, d := sampai.Date()
		t := time.Date(y, m, d+1, 0, 0, 0, 0, loc).UTC()
		to = &t
	}
	return from, to
}

// KehadiranFilter narrows a list of clock records. Dari ≤ waktu < Sampai (instants).
// The unit placement in force on AsOf gives each record its zone and decides reach.
type KehadiranFilter struct {
	InstansiID        string
	AsOf              time.Time
	NIP               string
	Dari, Sampai      *time.Time
	TermasukDikoreksi bool
	// Terbatas limits the list to the records of PegawaiIDs and of pegawai placed in
	// units under ScopePath; with neither it is empty.
	Terbatas   bool
	ScopePath  string
	PegawaiIDs []string
	Offset     int
	Limit      int
}

// RekamanPegawai is one pegawai's clock record, as an import stores it.
type RekamanPegawai struct {
	PegawaiID string
	Rekaman
}

// ImporRekaman is a batch of clock records read from one file.
type ImporRekaman struct {
	InstansiID  string
	Sumber      SumberKehadiran
	DicatatOleh string
	CreatedAt   time.Time
	Rekaman     []RekamanPegawai
}

// PegawaiRekaman is what checking a clock record needs to know of a pegawai: the TMT
// and the unit placement in force (UnitPath empty when there is none).
type PegawaiRekaman struct {
	ID       string
	NIP      string
	TMT      time.Time
	UnitPath string
}

// PemetaanMesin maps a fingerprint machine's user id (PIN) to a pegawai.
type PemetaanMesin struct {
	Mesin     string
	UserID    string
	PegawaiID string
	NIP       string
}
