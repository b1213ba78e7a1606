package demo

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/kinerja-id/kinerja/domain"
)

// counter returns a deterministic id source.
func counter() func() string {
	n := 0
	return func() string {
		n++
		return fmt.Sprintf("00000000-0000-7000-8000-%012d", n)
	}
}

func build(t *testing.T) Dataset {
	t.Helper()
	return Build(counter())
}

var today = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

// index gives the lookups the checks need.
type index struct {
	ds       Dataset
	unit     map[string]domain.UnitKerja // by id
	unitKode map[string]domain.UnitKerja
	jab      map[string]domain.Jabatan // by id
	peg      map[string]domain.Pegawai // by id
	pegNIP   map[string]domain.Pegawai
	hist     map[string][]domain.Riwayat // by pegawai id, in slice order
}

func newIndex(ds Dataset) index {
	x := index{ds: ds, unit: map[string]domain.UnitKerja{}, unitKode: map[string]domain.UnitKerja{},
		jab: map[string]domain.Jabatan{}, peg: map[string]domain.Pegawai{}, pegNIP: map[string]domain.Pegawai{},
		hist: map[string][]domain.Riwayat{}}
	for _, u := range ds.Units {
		x.unit[u.ID] = u
		x.unitKode[u.Kode] = u
	}
	for _, j := range ds.Jabatan {
		x.jab[j.ID] = j
	}
	for _, p := range ds.Pegawai {
		x.peg[p.ID] = p
		x.pegNIP[p.NIP] = p
	}
	for _, r := range ds.Riwayat {
		x.hist[r.PegawaiID] = append(x.hist[r.PegawaiID], r)
	}
	return x
}

// stateOn is the riwayat in force for the pegawai on d, if any.
func (x index) stateOn(pegawaiID string, d time.Time) (domain.Riwayat, bool) {
	var cur domain.Riwayat
	ok := false
	for _, r := range x.hist[pegawaiID] {
		if !r.BerlakuMulai.After(d) && (!ok || r.BerlakuMulai.After(cur.BerlakuMulai)) {
			cur, ok = r, true
		}
	}
	return cur, ok
}

// holdersOn maps jabatan id to the definitive holders on d.
func (x index) holdersOn(d time.Time) map[string][]domain.Riwayat {
	h := map[string][]domain.Riwayat{}
	for _, p := range x.ds.Pegawai {
		if r, ok := x.stateOn(p.ID, d); ok {
			h[r.JabatanID] = append(h[r.JabatanID], r)
		}
	}
	return h
}

// byKey finds a position by "KODE|Nama".
func (x index) byKey(t *testing.T, key string) domain.Jabatan {
	t.Helper()
	kode, nama, _ := strings.Cut(key, "|")
	u, ok := x.unitKode[kode]
	if !ok {
		t.Fatalf("no unit %s", kode)
	}
	for _, j := range x.ds.Jabatan {
		if j.UnitKerjaID == u.ID && j.Nama == nama {
			return j
		}
	}
	t.Fatalf("no position %s", key)
	return domain.Jabatan{}
}

func isStructural(j domain.JenisJabatan) bool {
	switch j {
	case domain.JabatanJPTUtama, domain.JabatanJPTMadya, domain.JabatanJPTPratama,
		domain.JabatanAdministrator, domain.JabatanPengawas:
		return true
	}
	return false
}

func TestDeterministic(t *testing.T) {
	a, b := build(t), build(t)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two builds with the same id source differ")
	}
}

func TestIDsUnique(t *testing.T) {
	for name, newID := range map[string]func() string{
		"counter": counter(),
		"uuidv7":  func() string { return uuid.Must(uuid.NewV7()).String() },
	} {
		ds := Build(newID)
		seen := map[string]string{}
		add := func(kind, id string) {
			if id == "" {
				t.Errorf("%s: empty %s id", name, kind)
			}
			if prev, dup := seen[id]; dup {
				t.Errorf("%s: id %s used by %s and %s", name, id, prev, kind)
			}
			seen[id] = kind
		}
		add("instansi", ds.Instansi.ID)
		for _, u := range ds.Units {
			add("unit", u.ID)
		}
		for _, j := range ds.Jabatan {
			add("jabatan", j.ID)
		}
		for _, p := range ds.Pegawai {
			add("pegawai", p.ID)
		}
		for _, r := range ds.Riwayat {
			add("riwayat", r.ID)
		}
		checkUnitPaths(t, ds)
	}
}

func TestInstansi(t *testing.T) {
	in := build(t).Instansi
	if in.Nama != "Pemerintah Kota Denpasar" || in.Kode != "KOTA-DENPASAR" || in.Jenis != "KOTA" ||
		in.ZonaWaktu != "Asia/Makassar" || !in.Aktif || in.Version != 1 {
		t.Errorf("instansi = %+v", in)
	}
	if err := domain.ValidateTimeZone("zona_waktu", in.ZonaWaktu); err != nil {
		t.Error(err)
	}
}

var unitJenis = []string{"SEKRETARIAT", "DINAS", "BADAN", "KANTOR", "BIDANG", "BAGIAN", "SUBBAGIAN",
	"SEKSI", "UPT", "SEKOLAH", "PUSKESMAS", "RSUD", "KECAMATAN", "KELURAHAN", "LAINNYA"}

var kodePattern = regexp.MustCompile(`^[A-Za-z0-9._-]+$`)

func checkUnitPaths(t *testing.T, ds Dataset) {
	t.Helper()
	byID := map[string]domain.UnitKerja{}
	for _, u := range ds.Units {
		if u.ParentID == "" {
			if u.Path != "/"+u.ID+"/" || u.Level != 0 {
				t.Errorf("root unit %s: path %q level %d", u.Kode, u.Path, u.Level)
			}
		} else {
			p, ok := byID[u.ParentID]
			if !ok {
				t.Errorf("unit %s comes before its parent", u.Kode)
				continue
			}
			if u.Path != p.Path+u.ID+"/" || u.Level != p.Level+1 {
				t.Errorf("unit %s: path %q level %d, parent path %q level %d", u.Kode, u.Path, u.Level, p.Path, p.Level)
			}
		}
		byID[u.ID] = u
	}
}

func TestUnits(t *testing.T) {
	ds := build(t)
	x := newIndex(ds)
	checkUnitPaths(t, ds)
	kodes := map[string]bool{}
	for _, u := range ds.Units {
		if !slices.Contains(unitJenis, u.Jenis) {
			t.Errorf("unit %s: jenis %q", u.Kode, u.Jenis)
		}
		if !kodePattern.MatchString(u.Kode) || len(u.Kode) > 32 || kodes[u.Kode] {
			t.Errorf("unit kode %q bad or duplicate", u.Kode)
		}
		kodes[u.Kode] = true
		if u.InstansiID != ds.Instansi.ID || u.ZonaWaktu != "" || u.Version != 1 || u.Nama == "" {
			t.Errorf("unit %s: %+v", u.Kode, u)
		}
		k, ok := x.jab[u.KepalaJabatanID]
		if !ok || k.UnitKerjaID != u.ID {
			t.Errorf("unit %s: kepala jabatan %q not a position of the unit", u.Kode, u.KepalaJabatanID)
		}
	}
	for _, want := range []struct{ kode, nama, jenis string }{
		{"SETDA", "Sekretariat Daerah", "SEKRETARIAT"},
		{"DISDIK", "Dinas Pendidikan", "DINAS"},
		{"DINKES", "Dinas Kesehatan", "DINAS"},
		{"DKP", "Dinas Kebersihan dan Pertamanan", "DINAS"},
		{"DISHUB", "Dinas Perhubungan", "DINAS"},
	} {
		u, ok := x.unitKode[want.kode]
		if !ok || u.Nama != want.nama || u.Jenis != want.jenis || u.Level != 0 {
			t.Errorf("OPD %s = %+v", want.kode, u)
		}
	}
	// Each dinas has a sekretariat and 2–3 bidang.
	for _, kode := range []string{"DISDIK", "DINKES", "DKP", "DISHUB"} {
		sek, bidang := 0, 0
		for _, u := range ds.Units {
			if u.ParentID == x.unitKode[kode].ID {
				switch u.Jenis {
				case "SEKRETARIAT", "BAGIAN":
					sek++
				case "BIDANG":
					bidang++
				}
			}
		}
		if sek != 1 || bidang < 2 || bidang > 3 {
			t.Errorf("%s: %d sekretariat, %d bidang", kode, sek, bidang)
		}
	}
	for _, jenis := range []string{"SEKOLAH", "PUSKESMAS", "UPT", "SEKSI", "SUBBAGIAN", "BAGIAN"} {
		n := 0
		for _, u := range ds.Units {
			if u.Jenis == jenis {
				n++
			}
		}
		if n == 0 {
			t.Errorf("no unit of jenis %s", jenis)
		}
	}
}

// kelasRange is the demo Perwali's class range per kind of position.
func kelasRange(j domain.Jabatan) (int, int) {
	switch j.Jenis {
	case domain.JabatanJPTPratama:
		if j.Nama == sekdaNama {
			return 15, 15
		}
		return 13, 14
	case domain.JabatanAdministrator:
		return 11, 12
	case domain.JabatanPengawas:
		return 8, 9
	case domain.JabatanPelaksana:
		return 5, 7
	}
	k := map[domain.Jenjang]int{domain.JenjangAhliPertama: 8, domain.JenjangAhliMuda: 9, domain.JenjangAhliMadya: 11,
		domain.JenjangTerampil: 6, domain.JenjangMahir: 7, domain.JenjangPenyelia: 8}[j.Jenjang]
	return k, k
}

func TestJabatan(t *testing.T) {
	ds := build(t)
	x := newIndex(ds)
	seen := map[string]bool{}
	kodes := map[string]bool{}
	sekda := 0
	for _, j := range ds.Jabatan {
		if err := domain.ValidateJabatanClass(j.Jenis, j.Jenjang, j.KelasJabatan); err != nil {
			t.Errorf("%s %s: %v", j.Kode, j.Nama, err)
		}
		if lo, hi := kelasRange(j); j.KelasJabatan < lo || j.KelasJabatan > hi {
			t.Errorf("%s %s (%s %s): kelas %d outside %d–%d", j.Kode, j.Nama, j.Jenis, j.Jenjang, j.KelasJabatan, lo, hi)
		}
		if j.Jenis != domain.JabatanFungsional && j.Jenjang != "" {
			t.Errorf("%s: jenjang on a non-functional position", j.Kode)
		}
		if isStructural(j.Jenis) && j.Kebutuhan != 1 {
			t.Errorf("%s %s: structural kebutuhan %d", j.Kode, j.Nama, j.Kebutuhan)
		}
		if j.Kebutuhan < 1 || j.Version != 1 || j.InstansiID != ds.Instansi.ID {
			t.Errorf("%s: %+v", j.Kode, j)
		}
		if _, ok := x.unit[j.UnitKerjaID]; !ok {
			t.Errorf("%s: unknown unit", j.Kode)
		}
		if !kodePattern.MatchString(j.Kode) || kodes[j.Kode] {
			t.Errorf("jabatan kode %q bad or duplicate", j.Kode)
		}
		kodes[j.Kode] = true
		if j.AtasanJabatanID == "" {
			sekda++
			if j.Nama != sekdaNama {
				t.Errorf("%s %s has no superior", j.Kode, j.Nama)
			}
		} else if !seen[j.AtasanJabatanID] {
			t.Errorf("%s %s: superior not listed before it", j.Kode, j.Nama)
		}
		seen[j.ID] = true
	}
	if sekda != 1 {
		t.Errorf("%d positions without superior, want 1", sekda)
	}
}

func TestPegawai(t *testing.T) {
	ds := build(t)
	n := len(ds.Pegawai)
	if n < 190 || n > 220 {
		t.Errorf("%d pegawai, want 190–220", n)
	}
	count := map[domain.JenisASN]int{}
	nips, emails, names := map[string]bool{}, map[string]bool{}, map[string]bool{}
	phone := regexp.MustCompile(`^08[0-9]{10}$`)
	digits := regexp.MustCompile(`^[0-9]{8,16}$`)
	withRek := 0
	for _, p := range ds.Pegawai {
		count[p.JenisASN]++
		info, err := domain.ParseNIP(p.NIP, p.JenisASN)
		if err != nil {
			t.Errorf("%s %s: %v", p.NIP, p.Nama, err)
			continue
		}
		if nips[p.NIP] {
			t.Errorf("duplicate NIP %s", p.NIP)
		}
		nips[p.NIP] = true
		if want := map[bool]string{true: "L", false: "P"}[info.Male]; p.JenisKelamin != want {
			t.Errorf("%s %s: jenis kelamin %s, NIP says %s", p.NIP, p.Nama, p.JenisKelamin, want)
		}
		if g := nameGender(p.Nama); g != "" && g != p.JenisKelamin {
			t.Errorf("%s: name %q reads as %s, jenis kelamin %s", p.NIP, p.Nama, g, p.JenisKelamin)
		}
		if !p.TanggalLahir.Equal(info.BirthDate) {
			t.Errorf("%s: tanggal lahir %v, NIP %v", p.NIP, p.TanggalLahir, info.BirthDate)
		}
		if age := 2026 - info.BirthDate.Year(); age < 22 || age > 58 {
			t.Errorf("%s: age %d in 2026", p.NIP, age)
		}
		if info.TMTYear < info.BirthDate.Year()+20 {
			t.Errorf("%s: TMT year %d too early for birth year %d", p.NIP, info.TMTYear, info.BirthDate.Year())
		}
		if p.TMT.Day() != 1 || p.TMT.Year() != info.TMTYear || p.TMT.Location() != time.UTC {
			t.Errorf("%s: TMT %v does not match the NIP", p.NIP, p.TMT)
		}
		switch p.JenisASN {
		case domain.JenisPNS:
			if int(p.TMT.Month()) != info.TMTMonth || info.TMTYear > 2024 {
				t.Errorf("%s: PNS TMT %v", p.NIP, p.TMT)
			}
		case domain.JenisCPNS:
			if int(p.TMT.Month()) != info.TMTMonth || info.TMTYear != 2025 {
				t.Errorf("%s: CPNS TMT %v", p.NIP, p.TMT)
			}
		case domain.JenisPPPK:
			if p.NIP[12:14] != "21" || info.TMTYear < 2021 || info.TMTYear > 2024 {
				t.Errorf("%s: PPPK NIP/TMT %v", p.NIP, p.TMT)
			}
		default:
			t.Errorf("%s: jenis ASN %q", p.NIP, p.JenisASN)
		}
		if !strings.HasSuffix(p.Email, "@denpasarkota.go.id") || emails[p.Email] || strings.ContainsAny(p.Email, " ") {
			t.Errorf("%s: email %q bad or duplicate", p.NIP, p.Email)
		}
		emails[p.Email] = true
		if names[p.Nama] {
			t.Errorf("duplicate name %s", p.Nama)
		}
		names[p.Nama] = true
		if !phone.MatchString(p.Telepon) {
			t.Errorf("%s: telepon %q", p.NIP, p.Telepon)
		}
		if p.Rekening != nil {
			withRek++
			if p.Rekening.NamaBank != "BPD Bali" || !digits.MatchString(p.Rekening.Nomor) || p.Rekening.AtasNama == "" {
				t.Errorf("%s: rekening %+v", p.NIP, *p.Rekening)
			}
		}
		if p.Version != 1 || p.InstansiID != ds.Instansi.ID || p.Nama == "" {
			t.Errorf("%s: %+v", p.NIP, p)
		}
	}
	if withRek*10 < n*8 {
		t.Errorf("only %d of %d have a rekening", withRek, n)
	}
	pct := func(k domain.JenisASN) float64 { return 100 * float64(count[k]) / float64(n) }
	if p := pct(domain.JenisPNS); p < 68 || p > 82 {
		t.Errorf("PNS %.1f%%", p)
	}
	if p := pct(domain.JenisCPNS); p < 3 || p > 8 {
		t.Errorf("CPNS %.1f%%", p)
	}
	if p := pct(domain.JenisPPPK); p < 15 || p > 25 {
		t.Errorf("PPPK %.1f%%", p)
	}
}

// nameGender reads the gender from Balinese name particles, or "" if the name has none.
func nameGender(n string) string {
	switch {
	case strings.HasPrefix(n, "Ni "), strings.HasPrefix(n, "Desak "), strings.Contains(n, "Ayu "):
		return "P"
	case strings.HasPrefix(n, "I "), strings.HasPrefix(n, "Ida Bagus "), strings.HasPrefix(n, "Anak Agung "):
		return "L"
	}
	return ""
}

func TestRiwayat(t *testing.T) {
	ds := build(t)
	x := newIndex(ds)
	last := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	kinds := map[string]int{}
	status := map[domain.StatusKepegawaian]int{}
	for _, r := range ds.Riwayat {
		if _, ok := x.peg[r.PegawaiID]; !ok {
			t.Errorf("riwayat %s of unknown pegawai", r.ID)
		}
	}
	for _, p := range ds.Pegawai {
		h := x.hist[p.ID]
		if len(h) == 0 {
			t.Errorf("%s: no riwayat", p.NIP)
			continue
		}
		if h[0].Jenis != "PENGANGKATAN" || !h[0].BerlakuMulai.Equal(p.TMT) {
			t.Errorf("%s: first riwayat %s on %v, TMT %v", p.NIP, h[0].Jenis, h[0].BerlakuMulai, p.TMT)
		}
		for i, r := range h {
			kinds[r.Jenis]++
			b := r.BerlakuMulai
			if b.Location() != time.UTC || b != time.Date(b.Year(), b.Month(), b.Day(), 0, 0, 0, 0, time.UTC) || b.After(last) {
				t.Errorf("%s: berlaku mulai %v", p.NIP, b)
			}
			if i > 0 {
				if !b.After(h[i-1].BerlakuMulai) {
					t.Errorf("%s: riwayat not in strictly increasing date order", p.NIP)
				}
				if b.Year() < 2025 {
					t.Errorf("%s: later riwayat %s in %d", p.NIP, r.Jenis, b.Year())
				}
				if !slices.Contains([]string{"MUTASI", "PROMOSI", "KENAIKAN_PANGKAT", "PERUBAHAN_STATUS"}, r.Jenis) {
					t.Errorf("%s: later riwayat jenis %s", p.NIP, r.Jenis)
				}
			}
			j, ok := x.jab[r.JabatanID]
			if !ok {
				t.Errorf("%s: riwayat names unknown jabatan", p.NIP)
				continue
			}
			u := x.unit[j.UnitKerjaID]
			if r.UnitKerjaID != j.UnitKerjaID || r.JabatanNama != j.Nama || r.KelasJabatan != j.KelasJabatan ||
				r.UnitKerjaNama != u.Nama || r.UnitPath != u.Path {
				t.Errorf("%s: riwayat copies do not match jabatan %s / unit %s", p.NIP, j.Nama, u.Nama)
			}
			if err := domain.ValidGolongan(p.JenisASN, r.Golongan); err != nil {
				t.Errorf("%s: %v", p.NIP, err)
			}
			if r.InstansiID != ds.Instansi.ID || r.NomorSK == "" {
				t.Errorf("%s: riwayat %+v", p.NIP, r)
			}
		}
		cur, _ := x.stateOn(p.ID, today)
		status[cur.Status]++
		checkGolongan(t, p, x.jab[cur.JabatanID], cur.Golongan)
	}
	for _, k := range []string{"MUTASI", "PROMOSI", "KENAIKAN_PANGKAT", "PERUBAHAN_STATUS"} {
		if kinds[k] == 0 {
			t.Errorf("no %s riwayat", k)
		}
	}
	if status[domain.StatusTugasBelajar] != 1 || status[domain.StatusCLTN] != 1 ||
		status[domain.StatusAktif] != len(ds.Pegawai)-2 {
		t.Errorf("statuses today: %v", status)
	}
}

// checkGolongan checks today's golongan against the ranges for the position.
func checkGolongan(t *testing.T, p domain.Pegawai, j domain.Jabatan, gol string) {
	t.Helper()
	var ok []string
	switch p.JenisASN {
	case domain.JenisCPNS:
		ok = []string{"II/a", "III/a"}
	case domain.JenisPPPK:
		switch {
		case j.Nama == "Guru Ahli Pertama":
			ok = []string{"IX", "X"}
		case j.Nama == "Perawat Terampil":
			ok = []string{"VII"}
		case j.Jenis == domain.JabatanPelaksana:
			ok = []string{"V"}
		default:
			ok = []string{"VII", "VIII", "IX", "X", "XI"}
		}
	default:
		switch j.Jenis {
		case domain.JabatanJPTPratama:
			ok = []string{"IV/c", "IV/d"}
		case domain.JabatanAdministrator:
			ok = []string{"IV/a", "IV/b"}
		case domain.JabatanPengawas:
			ok = []string{"III/c", "III/d"}
		case domain.JabatanPelaksana:
			ok = []string{"II/a", "II/b", "II/c", "II/d", "III/a", "III/b"}
		default:
			switch j.Jenjang {
			case domain.JenjangTerampil:
				ok = []string{"II/c", "II/d"}
			case domain.JenjangMahir:
				ok = []string{"III/a", "III/b"}
			default:
				ok = []string{"III/a", "III/b", "III/c", "III/d", "IV/a"}
			}
		}
	}
	if !slices.Contains(ok, gol) {
		t.Errorf("%s %s (%s, %s): golongan %s not in %v", p.NIP, p.Nama, p.JenisASN, j.Nama, gol, ok)
	}
}

func TestHolders(t *testing.T) {
	ds := build(t)
	x := newIndex(ds)
	vac := x.byKey(t, vacantKey)
	under := x.byKey(t, underfilledKey)

	// Holders never exceed kebutuhan, on any date something changes.
	dates := map[time.Time]bool{today: true}
	for _, r := range ds.Riwayat {
		dates[r.BerlakuMulai] = true
	}
	for d := range dates {
		for id, hs := range x.holdersOn(d) {
			if j := x.jab[id]; len(hs) > j.Kebutuhan {
				t.Errorf("%v: %s %s has %d holders, kebutuhan %d", d.Format(time.DateOnly), j.Kode, j.Nama, len(hs), j.Kebutuhan)
			}
		}
	}
	h := x.holdersOn(today)
	var empty []string
	for _, j := range ds.Jabatan {
		if len(h[j.ID]) == 0 {
			empty = append(empty, j.ID)
		}
		if isStructural(j.Jenis) && j.ID != vac.ID && len(h[j.ID]) != 1 {
			t.Errorf("%s %s: %d holders", j.Kode, j.Nama, len(h[j.ID]))
		}
	}
	if !slices.Equal(empty, []string{vac.ID}) {
		t.Errorf("vacant positions %v, want only %s", empty, vacantKey)
	}
	if !isStructural(vac.Jenis) || vac.Kebutuhan != 1 {
		t.Errorf("the vacancy %s is not a structural post", vacantKey)
	}
	if under.Jenis != domain.JabatanPelaksana || len(h[under.ID]) == 0 || len(h[under.ID]) >= under.Kebutuhan {
		t.Errorf("%s: %d holders of %d", underfilledKey, len(h[under.ID]), under.Kebutuhan)
	}
}

func TestReportingChain(t *testing.T) {
	ds := build(t)
	x := newIndex(ds)
	vac := x.byKey(t, vacantKey)
	h := x.holdersOn(today)
	var sekda domain.Jabatan
	for _, j := range ds.Jabatan {
		if j.AtasanJabatanID == "" {
			sekda = j
		}
	}
	if sekda.Nama != sekdaNama || x.unit[sekda.UnitKerjaID].Kode != "SETDA" {
		t.Fatalf("top of the chain is %+v", sekda)
	}
	for _, p := range ds.Pegawai {
		cur, _ := x.stateOn(p.ID, today)
		j := x.jab[cur.JabatanID]
		rater := ""
		for steps := 0; j.AtasanJabatanID != ""; steps++ {
			if steps > len(ds.Jabatan) {
				t.Fatalf("%s: cycle in the reporting chain", p.NIP)
			}
			j = x.jab[j.AtasanJabatanID]
			hs := h[j.ID]
			if len(hs) == 0 && j.ID != vac.ID {
				t.Errorf("%s: superior %s %s has no holder", p.NIP, j.Kode, j.Nama)
			}
			if rater == "" && len(hs) > 0 {
				rater = hs[0].PegawaiID
				if hs[0].Status != domain.StatusAktif {
					t.Errorf("%s: rater %s is %s", p.NIP, rater, hs[0].Status)
				}
			}
		}
		if j.ID != sekda.ID {
			t.Errorf("%s: chain ends at %s, not the Sekda", p.NIP, j.Nama)
		}
		if cur.JabatanID == sekda.ID {
			if rater != "" {
				t.Errorf("the Sekda has a rater")
			}
		} else if rater == "" || rater == p.ID {
			t.Errorf("%s %s has no rater", p.NIP, p.Nama)
		}
	}
	// The staff under the vacant Kepala Seksi are rated by the Kepala Bidang above it.
	for _, j := range ds.Jabatan {
		if j.AtasanJabatanID == vac.ID && len(h[j.ID]) == 0 {
			t.Errorf("%s under the vacancy has no holder", j.Nama)
		}
	}
}

func TestUsers(t *testing.T) {
	ds := build(t)
	x := newIndex(ds)
	names := map[string]bool{}
	linked := map[string]int{}
	byName := map[string]User{}
	for _, u := range ds.Users {
		if names[u.Username] {
			t.Errorf("duplicate username %s", u.Username)
		}
		names[u.Username] = true
		byName[u.Username] = u
		hasUnit := u.UnitKode != ""
		if hasUnit {
			if _, ok := x.unitKode[u.UnitKode]; !ok {
				t.Errorf("%s: unknown unit %s", u.Username, u.UnitKode)
			}
		}
		if err := domain.ValidateRoles(u.Roles, true, hasUnit); err != nil {
			t.Errorf("%s: %v", u.Username, err)
		}
		if u.PegawaiNIP != "" {
			if _, ok := x.pegNIP[u.PegawaiNIP]; !ok {
				t.Errorf("%s: unknown NIP %s", u.Username, u.PegawaiNIP)
			}
			linked[u.PegawaiNIP]++
			if !slices.Contains(u.Roles, domain.RolePegawai) {
				t.Errorf("%s: linked account without PEGAWAI role", u.Username)
			}
		}
	}
	for _, p := range ds.Pegawai {
		if linked[p.NIP] != 1 {
			t.Errorf("%s has %d accounts", p.NIP, linked[p.NIP])
		}
		if u, ok := byName[p.NIP]; ok && u.PegawaiNIP != p.NIP {
			t.Errorf("account %s linked to %s", p.NIP, u.PegawaiNIP)
		}
	}
	if len(ds.Users) != len(ds.Pegawai)+3 {
		t.Errorf("%d users for %d pegawai", len(ds.Users), len(ds.Pegawai))
	}
	unitOf := func(nip string) (domain.UnitKerja, domain.Jabatan) {
		cur, _ := x.stateOn(x.pegNIP[nip].ID, today)
		return x.unit[cur.UnitKerjaID], x.jab[cur.JabatanID]
	}
	check := func(name string, roles []domain.Role, linked bool, unit string) User {
		u, ok := byName[name]
		if !ok {
			t.Fatalf("no user %s", name)
		}
		if !slices.Equal(u.Roles, roles) || (u.PegawaiNIP != "") != linked || u.UnitKode != unit {
			t.Errorf("user %s = %+v", name, u)
		}
		return u
	}
	admin := check("admin", []domain.Role{domain.RoleAdminInstansi, domain.RolePegawai}, true, "")
	if u, _ := unitOf(admin.PegawaiNIP); !strings.HasPrefix(u.Path, x.unitKode["SETDA"].Path) {
		t.Errorf("admin works in %s", u.Nama)
	}
	keu := check("keuangan", []domain.Role{domain.RoleKeuangan, domain.RolePegawai}, true, "")
	if u, j := unitOf(keu.PegawaiNIP); u.Kode != "SETDA-KEU" || j.Jenis != domain.JabatanPelaksana {
		t.Errorf("keuangan is %s in %s", j.Nama, u.Nama)
	}
	check("auditor", []domain.Role{domain.RoleAuditor}, false, "")
	check("admin.disdik", []domain.Role{domain.RoleAdminUnit}, false, "DISDIK")
	check("admin.dinkes", []domain.Role{domain.RoleAdminUnit}, false, "DINKES")
	if err := domain.ValidatePassword("password", Password); err != nil {
		t.Error(err)
	}
}

// TestSummary logs the shape of the dataset (run with -v).
func TestSummary(t *testing.T) {
	ds := build(t)
	x := newIndex(ds)
	opd := map[string]int{}
	asn := map[string]int{}
	jen := map[string]int{}
	for _, p := range ds.Pegawai {
		cur, _ := x.stateOn(p.ID, today)
		u := x.unit[cur.UnitKerjaID]
		root := x.unit[strings.Split(strings.Trim(u.Path, "/"), "/")[0]]
		opd[root.Nama]++
		asn[string(p.JenisASN)]++
		jen[string(x.jab[cur.JabatanID].Jenis)]++
	}
	pos := map[string]int{}
	for _, j := range ds.Jabatan {
		pos[string(j.Jenis)]++
	}
	show := func(m map[string]int) string {
		var ks []string
		for k := range m {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		var s []string
		for _, k := range ks {
			s = append(s, fmt.Sprintf("%s=%d", k, m[k]))
		}
		return strings.Join(s, ", ")
	}
	t.Logf("units=%d jabatan=%d pegawai=%d riwayat=%d users=%d", len(ds.Units), len(ds.Jabatan),
		len(ds.Pegawai), len(ds.Riwayat), len(ds.Users))
	t.Logf("pegawai per OPD: %s", show(opd))
	t.Logf("pegawai per jenis ASN: %s", show(asn))
	t.Logf("pegawai per jenis jabatan: %s", show(jen))
	t.Logf("positions per jenis jabatan: %s", show(pos))
}
