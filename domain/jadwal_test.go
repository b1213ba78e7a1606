package domain

import (
	"slices"
	"testing"
	"time"
)

func khJamPtr(j JamKerja) *JamKerja { return &j }

// khKantor is a 5-day office week: Mon–Thu 07:30–16:00, Fri 07:30–16:30.
func khKantor() Jadwal {
	j := Jadwal{Kode: "KANTOR5", Nama: "Kantor 5 hari", Jenis: JadwalPekan}
	for d := 0; d < 4; d++ {
		j.Pekan[d] = khJamPtr(Jam(7, 30, 16, 0))
	}
	j.Pekan[4] = khJamPtr(Jam(7, 30, 16, 30))
	return j
}

// khRamadan is the Ramadan override: Mon–Thu 08:00–15:00, Fri 08:00–15:30.
func khRamadan(mulai, selesai time.Time) PenyesuaianJadwal {
	p := PenyesuaianJadwal{Nama: "Ramadan 1446 H", Mulai: mulai, Selesai: selesai}
	for d := 0; d < 4; d++ {
		p.Pekan[d] = khJamPtr(Jam(8, 0, 15, 0))
	}
	p.Pekan[4] = khJamPtr(Jam(8, 0, 15, 30))
	return p
}

// khRSUD is a 3-shift schedule.
func khRSUD() Jadwal {
	return Jadwal{Kode: "RSUD", Nama: "Shift RSUD", Jenis: JadwalShift, KerjaSaatLibur: true, Shift: []Shift{
		{Kode: "PAGI", Nama: "Pagi", JamKerja: Jam(7, 0, 14, 0)},
		{Kode: "SIANG", Nama: "Siang", JamKerja: Jam(14, 0, 21, 0)},
		{Kode: "MALAM", Nama: "Malam", JamKerja: Jam(21, 0, 7, 0)},
	}}
}

func TestJadwalValidate(t *testing.T) {
	sekolah := Jadwal{Kode: "SEKOLAH6", Nama: "Sekolah 6 hari", Jenis: JadwalPekan}
	for d := 0; d < 6; d++ {
		sekolah.Pekan[d] = khJamPtr(Jam(7, 0, 13, 0))
	}
	for _, j := range []Jadwal{khKantor(), sekolah, khRSUD()} {
		if err := j.Validate(); err != nil {
			t.Errorf("%s refused: %v", j.Kode, err)
		}
	}

	lintas := khKantor()
	lintas.Pekan[0] = khJamPtr(Jam(21, 0, 7, 0))
	lintas.Pekan[1] = khJamPtr(JamKerja{Mulai: -1, Selesai: 86401})
	lintas.Pekan[2] = khJamPtr(Jam(8, 0, 8, 0))
	lintas.Shift = []Shift{{Kode: "X", JamKerja: Jam(1, 0, 2, 0)}}
	shift := khRSUD()
	shift.Kode = " RSUD"
	shift.Shift = append(shift.Shift, Shift{Kode: "PAGI", JamKerja: Jam(24, 0, 7, 0)}, Shift{Kode: "", JamKerja: Jam(7, 0, 7, 0)})
	shift.Pekan[3] = khJamPtr(Jam(7, 0, 8, 0))
	tests := []struct {
		name string
		j    Jadwal
		want []string
	}{
		{"weekly pattern errors", lintas, []string{
			"pekan/0/selesai jam_end_before_start",
			"pekan/1/mulai jam_out_of_range",
			"pekan/1/selesai jam_out_of_range",
			"pekan/2/selesai jam_zero_length",
			"shift shift_not_allowed",
		}},
		{"shift errors", shift, []string{
			"kode kode_whitespace",
			"shift/3/kode kode_duplicate",
			"shift/3/mulai jam_out_of_range",
			"shift/4/kode kode_required",
			"shift/4/selesai jam_zero_length",
			"pekan/3 pekan_not_allowed",
		}},
		{"empty", Jadwal{Jenis: JadwalPekan}, []string{"kode kode_required", "nama nama_required", "pekan pekan_empty"}},
		{"no shifts", Jadwal{Kode: "S", Nama: "S", Jenis: JadwalShift}, []string{"shift shift_empty"}},
		{"unknown kind", Jadwal{Kode: "S", Nama: "S", Jenis: "BEBAS"}, []string{"jenis jenis_jadwal_invalid"}},
	}
	for _, tt := range tests {
		if got := khFields(t, tt.j.Validate()); !slices.Equal(got, tt.want) {
			t.Errorf("%s:\n got %v\nwant %v", tt.name, got, tt.want)
		}
	}
}

func TestJadwalPeriode(t *testing.T) {
	wib, wita, wit := khZona(t, "Asia/Jakarta"), khZona(t, "Asia/Makassar"), khZona(t, "Asia/Jayapura")
	utc := func(y int, m time.Month, d, h, mi int) time.Time { return time.Date(y, m, d, h, mi, 0, 0, time.UTC) }
	ramadan := []PenyesuaianJadwal{khRamadan(khTgl(2025, 3, 1), khTgl(2025, 3, 30))}
	roster := []RosterShift{
		{Tanggal: khTgl(2025, 3, 3), KodeShift: "MALAM"},
		{Tanggal: khTgl(2025, 3, 4), KodeShift: "PAGI"},
		{Tanggal: khTgl(2025, 3, 5), KodeShift: ""},
		{Tanggal: khTgl(2025, 3, 6), KodeShift: "HILANG"},
	}
	tests := []struct {
		name           string
		j              Jadwal
		d              time.Time
		loc            *time.Location
		pen            []PenyesuaianJadwal
		ok             bool
		mulai, selesai time.Time
	}{
		{"monday WIB", khKantor(), khTgl(2025, 2, 3), wib, nil, true, utc(2025, 2, 3, 0, 30), utc(2025, 2, 3, 9, 0)},
		{"monday WITA starts the previous UTC day", khKantor(), khTgl(2025, 2, 3), wita, nil, true, utc(2025, 2, 2, 23, 30), utc(2025, 2, 3, 8, 0)},
		{"friday WIT", khKantor(), khTgl(2025, 2, 7), wit, nil, true, utc(2025, 2, 6, 22, 30), utc(2025, 2, 7, 7, 30)},
		{"saturday off", khKantor(), khTgl(2025, 2, 8), wib, nil, false, time.Time{}, time.Time{}},
		{"ramadan monday", khKantor(), khTgl(2025, 3, 3), wib, ramadan, true, utc(2025, 3, 3, 1, 0), utc(2025, 3, 3, 8, 0)},
		{"ramadan friday", khKantor(), khTgl(2025, 3, 7), wib, ramadan, true, utc(2025, 3, 7, 1, 0), utc(2025, 3, 7, 8, 30)},
		{"after ramadan", khKantor(), khTgl(2025, 3, 31), wib, ramadan, true, utc(2025, 3, 31, 0, 30), utc(2025, 3, 31, 9, 0)},
		{"night shift crosses midnight WIT", khRSUD(), khTgl(2025, 3, 3), wit, nil, true, utc(2025, 3, 3, 12, 0), utc(2025, 3, 3, 22, 0)},
		{"morning shift", khRSUD(), khTgl(2025, 3, 4), wit, nil, true, utc(2025, 3, 3, 22, 0), utc(2025, 3, 4, 5, 0)},
		{"rostered off", khRSUD(), khTgl(2025, 3, 5), wit, nil, false, time.Time{}, time.Time{}},
		{"unknown shift code", khRSUD(), khTgl(2025, 3, 6), wit, nil, false, time.Time{}, time.Time{}},
		{"not rostered", khRSUD(), khTgl(2025, 3, 7), wit, nil, false, time.Time{}, time.Time{}},
	}
	for _, tt := range tests {
		p, ok := tt.j.Periode(tt.d, tt.loc, tt.pen, roster)
		if ok != tt.ok || !p.Mulai.Equal(tt.mulai) || !p.Selesai.Equal(tt.selesai) {
			t.Errorf("%s: %v %v–%v, want %v %v–%v", tt.name, ok, p.Mulai.UTC(), p.Selesai.UTC(), tt.ok, tt.mulai, tt.selesai)
		}
		if ok && !p.Tanggal.Equal(tt.d) {
			t.Errorf("%s: tanggal %v", tt.name, p.Tanggal)
		}
	}

	// a shift override changes only the shifts it lists
	pen := []PenyesuaianJadwal{{Nama: "Ramadan", Mulai: khTgl(2025, 3, 1), Selesai: khTgl(2025, 3, 30),
		Shift: []Shift{{Kode: "MALAM", JamKerja: Jam(22, 0, 6, 0)}}}}
	p, ok := khRSUD().Periode(khTgl(2025, 3, 3), wit, pen, roster)
	if !ok || !p.Mulai.Equal(utc(2025, 3, 3, 13, 0)) || p.Durasi() != 8*time.Hour || p.KodeShift != "MALAM" {
		t.Errorf("night shift override: %v %+v", ok, p)
	}
	p, _ = khRSUD().Periode(khTgl(2025, 3, 4), wit, pen, roster)
	if p.Durasi() != 7*time.Hour {
		t.Errorf("morning shift changed by a night-shift override: %v", p.Durasi())
	}
	// a shift ending at 24:00
	j := Jadwal{Jenis: JadwalShift, Shift: []Shift{{Kode: "S", JamKerja: JamKerja{Mulai: 16 * 3600, Selesai: SehariDetik}}}}
	p, _ = j.Periode(khTgl(2025, 3, 3), wib, nil, []RosterShift{{Tanggal: khTgl(2025, 3, 3), KodeShift: "S"}})
	if !p.Selesai.Equal(utc(2025, 3, 3, 17, 0)) {
		t.Errorf("24:00 end: %v", p.Selesai)
	}
}

func TestValidatePenyesuaianRosterFleksibel(t *testing.T) {
	ramadan := khRamadan(khTgl(2025, 3, 1), khTgl(2025, 3, 30))
	if err := ValidatePenyesuaian(khKantor(), []PenyesuaianJadwal{ramadan}); err != nil {
		t.Fatalf("ramadan refused: %v", err)
	}
	overlap := khRamadan(khTgl(2025, 4, 10), khTgl(2025, 4, 9))
	overlap.Pekan[5] = khJamPtr(Jam(15, 0, 8, 0))
	got := khFields(t, ValidatePenyesuaian(khKantor(), []PenyesuaianJadwal{ramadan, overlap,
		khRamadan(khTgl(2025, 3, 30), khTgl(2025, 4, 2)), {Nama: "", Mulai: time.Date(2025, 5, 1, 8, 0, 0, 0, time.UTC), Selesai: khTgl(2025, 5, 2)}}))
	want := []string{
		"items/1/selesai tanggal_end_before_start",
		"items/1/pekan/5/selesai jam_end_before_start",
		"items/2/mulai penyesuaian_overlap",
		"items/3/nama nama_required",
		"items/3/mulai tanggal_not_date",
	}
	if !slices.Equal(got, want) {
		t.Errorf("penyesuaian\n got %v\nwant %v", got, want)
	}
	got = khFields(t, ValidatePenyesuaian(khRSUD(), []PenyesuaianJadwal{{Nama: "R", Mulai: khTgl(2025, 3, 1), Selesai: khTgl(2025, 3, 2),
		Shift: []Shift{{Kode: "MALAM", JamKerja: Jam(22, 0, 6, 0)}, {Kode: "SORE", JamKerja: Jam(15, 0, 22, 0)}}}}))
	if !slices.Equal(got, []string{"items/0/shift/1/kode shift_unknown"}) {
		t.Errorf("shift override: %v", got)
	}

	roster := []RosterShift{
		{PegawaiID: "a", Tanggal: khTgl(2025, 3, 3), KodeShift: "MALAM"},
		{PegawaiID: "a", Tanggal: khTgl(2025, 3, 3), KodeShift: "PAGI"},
		{PegawaiID: "b", Tanggal: khTgl(2025, 3, 3), KodeShift: "SORE"},
		{PegawaiID: "b", Tanggal: time.Date(2025, 3, 4, 7, 0, 0, 0, time.UTC), KodeShift: ""},
	}
	got = khFields(t, ValidateRoster(khRSUD(), roster))
	want = []string{"items/1/tanggal roster_duplicate", "items/2/kode_shift shift_unknown", "items/3/tanggal tanggal_not_date"}
	if !slices.Equal(got, want) {
		t.Errorf("roster\n got %v\nwant %v", got, want)
	}
	if got := khFields(t, ValidateRoster(khKantor(), nil)); !slices.Equal(got, []string{"jadwal roster_not_shift"}) {
		t.Errorf("roster on weekly schedule: %v", got)
	}

	tests := []struct {
		f    Fleksibel
		want []string
	}{
		{Fleksibel{Jenis: FleksibelWFA, Mulai: khTgl(2025, 3, 3), Selesai: khTgl(2025, 3, 3)}, nil},
		{Fleksibel{Jenis: FleksibelWaktu, Mulai: khTgl(2025, 3, 3), Selesai: khTgl(2025, 3, 31), AwalMasuk: 7 * 3600, AkhirMasuk: 9 * 3600, DurasiDetik: 30600}, nil},
		{Fleksibel{Jenis: FleksibelWaktu, Mulai: khTgl(2025, 3, 3), Selesai: khTgl(2025, 3, 1), AwalMasuk: 9 * 3600, AkhirMasuk: 7 * 3600}, []string{
			"akhir_masuk akhir_masuk_invalid", "durasi_detik durasi_invalid", "selesai tanggal_end_before_start"}},
		{Fleksibel{Jenis: "WFH", Mulai: khTgl(2025, 3, 3), Selesai: khTgl(2025, 3, 3)}, []string{"jenis jenis_fleksibel_invalid"}},
	}
	for _, tt := range tests {
		if got := khFields(t, tt.f.Validate()); !slices.Equal(got, tt.want) {
			t.Errorf("fleksibel %s: %v, want %v", tt.f.Jenis, got, tt.want)
		}
	}
}

func TestJadwalDefault(t *testing.T) {
	j := JadwalDefault()
	if err := j.Validate(); err != nil {
		t.Fatalf("default refused: %v", err)
	}
	// 37.5 hours a week net of the breaks (1 h Monday–Thursday, 1.5 h Friday)
	bruto := 0
	for _, h := range j.Pekan {
		if h != nil {
			bruto += h.Selesai - h.Mulai
		}
	}
	if neto := bruto - 4*3600 - 5400; neto != 37*3600+1800 {
		t.Errorf("net week %d s, want 37.5 h", neto)
	}
	wita := khZona(t, "Asia/Makassar")
	if p, ok := j.Periode(khTgl(2025, 3, 7), wita, nil, nil); !ok || p.Selesai.In(wita).Format("15:04") != "16:30" {
		t.Errorf("friday: %+v %v", p, ok)
	}
	if _, ok := j.Periode(khTgl(2025, 3, 8), wita, nil, nil); ok {
		t.Error("saturday is a working day")
	}
	// each call is independent
	j.Pekan[0].Mulai = 0
	if JadwalDefault().Pekan[0].Mulai != 7*3600+1800 {
		t.Error("JadwalDefault shares its days")
	}
}

func TestJadwalKerjaValidate(t *testing.T) {
	ok := JadwalKerja{Jadwal: khKantor(), Penyesuaian: []PenyesuaianJadwal{khRamadan(khTgl(2025, 3, 1), khTgl(2025, 3, 30))}}
	if err := ok.Validate(); err != nil {
		t.Fatalf("refused: %v", err)
	}
	bad := ok
	bad.Pekan[4] = khJamPtr(Jam(16, 0, 7, 0))
	bad.Penyesuaian = []PenyesuaianJadwal{khRamadan(khTgl(2025, 3, 30), khTgl(2025, 3, 1))}
	got := khFields(t, bad.Validate())
	want := []string{"pekan/4/selesai jam_end_before_start", "penyesuaian/0/selesai tanggal_end_before_start"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestPenugasanJadwal(t *testing.T) {
	selesai := khTgl(2025, 12, 31)
	tests := []struct {
		p    PenugasanJadwal
		want []string
	}{
		{PenugasanJadwal{UnitKerjaID: "u", BerlakuMulai: khTgl(2025, 1, 1), BerlakuSelesai: &selesai}, nil},
		{PenugasanJadwal{NIP: "199003032015031003", BerlakuMulai: khTgl(2025, 1, 1)}, nil},
		{PenugasanJadwal{BerlakuMulai: khTgl(2025, 1, 1)}, []string{"unit_kerja_id target_exactly_one", "nip target_exactly_one"}},
		{PenugasanJadwal{UnitKerjaID: "u", PegawaiID: "p", BerlakuMulai: khTgl(2026, 1, 1), BerlakuSelesai: &selesai},
			[]string{"unit_kerja_id target_exactly_one", "nip target_exactly_one", "berlaku_selesai tanggal_end_before_start"}},
		{PenugasanJadwal{UnitKerjaID: "u", BerlakuMulai: time.Date(2025, 1, 1, 7, 0, 0, 0, time.UTC)}, []string{"berlaku_mulai tanggal_not_date"}},
	}
	for i, tt := range tests {
		if got := khFields(t, tt.p.Validate()); !slices.Equal(got, tt.want) {
			t.Errorf("%d: got %v, want %v", i, got, tt.want)
		}
	}

	// precedence: the pegawai's own, then the nearest unit, then the ones above
	x := NewIndeksPenugasan([]PenugasanJadwal{
		{ID: "root", UnitKerjaID: "opd", BerlakuMulai: khTgl(2025, 1, 1)},
		{ID: "sub", UnitKerjaID: "sub", BerlakuMulai: khTgl(2025, 1, 1), BerlakuSelesai: &selesai},
		{ID: "own", PegawaiID: "p1", BerlakuMulai: khTgl(2025, 6, 1), BerlakuSelesai: khTglPtr(2025, 6, 30)},
		{ID: "own-later", PegawaiID: "p1", BerlakuMulai: khTgl(2025, 6, 15)},
	})
	cases := []struct {
		pegawai, path string
		d             time.Time
		want          string
	}{
		{"p1", "/opd/sub/", khTgl(2025, 3, 1), "sub"},
		{"p1", "/opd/sub/", khTgl(2025, 6, 1), "own"},
		{"p1", "/opd/sub/", khTgl(2025, 6, 20), "own-later"}, // overlapping: the later start wins
		{"p2", "/opd/sub/", khTgl(2026, 1, 1), "root"},       // the unit's has ended
		{"p2", "/opd/", time.Date(2025, 3, 1, 23, 0, 0, 0, time.FixedZone("WITA", 8*3600)), "root"},
		{"p3", "/other/", khTgl(2025, 3, 1), ""},
		{"p3", "", khTgl(2025, 3, 1), ""},
		{"p2", "/opd/sub/", khTgl(2024, 12, 31), ""},
	}
	for _, c := range cases {
		p, ok := x.Berlaku(c.pegawai, c.path, c.d)
		if ok != (c.want != "") || p.ID != c.want {
			t.Errorf("%s %s %s: got %q %v, want %q", c.pegawai, c.path, c.d.Format(time.DateOnly), p.ID, ok, c.want)
		}
	}
}

func khTglPtr(y int, m time.Month, d int) *time.Time {
	t := khTgl(y, m, d)
	return &t
}

func TestValidateRosterBerlaku(t *testing.T) {
	roster := []RosterShift{
		{PegawaiID: "a", Tanggal: khTgl(2025, 3, 3), KodeShift: "MALAM"},
		{PegawaiID: "a", Tanggal: khTgl(2025, 3, 3), KodeShift: "PAGI"},
		{PegawaiID: "b", Tanggal: khTgl(2025, 3, 3), KodeShift: "SORE"},
		{PegawaiID: "c", Tanggal: khTgl(2025, 3, 3), KodeShift: "PAGI"},
		{PegawaiID: "c", Tanggal: khTgl(2025, 3, 4), KodeShift: ""},
		{PegawaiID: "b", Tanggal: time.Date(2025, 3, 4, 7, 0, 0, 0, time.UTC), KodeShift: ""},
	}
	jadwal := []Jadwal{khRSUD(), khRSUD(), khRSUD(), khKantor(), khKantor(), khRSUD()}
	got := khFields(t, ValidateRosterBerlaku(roster, jadwal))
	want := []string{"items/1/tanggal roster_duplicate", "items/2/kode_shift shift_unknown",
		"items/3/kode_shift roster_not_shift", "items/5/tanggal tanggal_not_date"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
}
