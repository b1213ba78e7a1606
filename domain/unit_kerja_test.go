package domain

import (
	"errors"
	"slices"
	"testing"
	"time"
)

func TestUnitPath(t *testing.T) {
	root := UnitPath("", "a")
	child := UnitPath(root, "b")
	if root != "/a/" || child != "/a/b/" {
		t.Fatalf("paths %q %q", root, child)
	}
	if got := PathIDs(child); !slices.Equal(got, []string{"a", "b"}) {
		t.Fatalf("PathIDs %v", got)
	}
	if !InSubtree("/a/b/", "/a/") || !InSubtree("/a/", "/a/") || InSubtree("/ab/", "/a/") || InSubtree("/a/", "") {
		t.Fatal("InSubtree")
	}
	if StrictlyBelow("/a/", "/a/") || !StrictlyBelow("/a/b/", "/a/") {
		t.Fatal("StrictlyBelow")
	}
}

func TestCheckMove(t *testing.T) {
	a := UnitKerja{ID: "a", Path: "/a/"}
	b := UnitKerja{ID: "b", ParentID: "a", Path: "/a/b/"}
	c := UnitKerja{ID: "c", Path: "/c/"}
	for _, tc := range []struct {
		name   string
		unit   UnitKerja
		parent *UnitKerja
		ok     bool
	}{
		{"under another tree", b, &c, true},
		{"to the top", b, nil, true},
		{"under itself", a, &a, false},
		{"under its own child", a, &b, false},
	} {
		err := CheckMove(tc.unit, tc.parent)
		if (err == nil) != tc.ok {
			t.Errorf("%s: err %v", tc.name, err)
		}
		if de, ok := AsError(err); err != nil && (!ok || de.Fields[0].Field != "parent_id") {
			t.Errorf("%s: error does not name parent_id: %v", tc.name, err)
		}
	}
}

func TestZonaWaktuBerlaku(t *testing.T) {
	own := map[string]string{"a": "", "b": "Asia/Jayapura", "c": ""}
	zoneOf := func(id string) string { return own[id] }
	for path, want := range map[string]string{
		"/a/":     "Asia/Makassar", // nothing set: the instansi's
		"/a/b/":   "Asia/Jayapura", // its own
		"/a/b/c/": "Asia/Jayapura", // the nearest ancestor's
	} {
		if got := ZonaWaktuBerlaku(path, zoneOf, "Asia/Makassar"); got != want {
			t.Errorf("%s: %s, want %s", path, got, want)
		}
	}
}

func TestBuildUnitTree(t *testing.T) {
	v := func(id, parent, kode string) UnitKerjaView {
		return UnitKerjaView{UnitKerja: UnitKerja{ID: id, ParentID: parent, Kode: kode}}
	}
	tree := BuildUnitTree([]UnitKerjaView{v("c", "a", "2"), v("a", "", "B"), v("b", "a", "1"), v("d", "", "A"), v("e", "b", "x")})
	if len(tree) != 2 || tree[0].ID != "d" || tree[1].ID != "a" {
		t.Fatalf("tops %+v", tree)
	}
	a := tree[1]
	if len(a.Children) != 2 || a.Children[0].ID != "b" || a.Children[1].ID != "c" || a.Children[0].Children[0].ID != "e" {
		t.Fatalf("children %+v", a.Children)
	}
	if tree[0].Children == nil || len(tree[0].Children) != 0 {
		t.Fatalf("a leaf has a non-nil empty list of children: %#v", tree[0].Children)
	}
	// A subtree: the root's parent is not in the set.
	sub := BuildUnitTree([]UnitKerjaView{v("b", "a", "1"), v("e", "b", "x")})
	if len(sub) != 1 || sub[0].ID != "b" || len(sub[0].Children) != 1 {
		t.Fatalf("subtree %+v", sub)
	}
}

func TestHoldsPosition(t *testing.T) {
	for _, s := range []StatusKepegawaian{StatusAktif, StatusMPP, StatusCLTN, StatusTugasBelajar, StatusDiberhentikanSementara} {
		if !HoldsPosition(s) {
			t.Errorf("%s should hold the position", s)
		}
	}
	for _, s := range []StatusKepegawaian{StatusPensiun, StatusDiberhentikan, StatusMeninggal, StatusPindah} {
		if HoldsPosition(s) {
			t.Errorf("%s should not hold the position", s)
		}
	}
}

func TestNewJabatanView(t *testing.T) {
	j := Jabatan{ID: "j", Kebutuhan: 2}
	v := NewJabatanView(j, []Pemangku{
		{NIP: "3", Nama: "Citra", Sumber: SumberPLH},
		{NIP: "2", Nama: "Budi", Sumber: SumberPLT},
		{NIP: "1", Nama: "Ani", Sumber: SumberDefinitif},
	})
	got := []string{v.Pemangku[0].Nama, v.Pemangku[1].Nama, v.Pemangku[2].Nama}
	if !slices.Equal(got, []string{"Ani", "Budi", "Citra"}) {
		t.Fatalf("order %v", got)
	}
	if !v.Kosong {
		t.Fatal("one definitive holder of two needed: an acting official does not fill the vacancy")
	}
	v = NewJabatanView(j, []Pemangku{{Nama: "A", Sumber: SumberDefinitif}, {Nama: "B", Sumber: SumberDefinitif}})
	if v.Kosong {
		t.Fatal("two of two is filled")
	}
	if v := NewJabatanView(j, nil); v.Pemangku == nil || !v.Kosong {
		t.Fatalf("no holders: %+v", v)
	}
}

func TestCheckReportingLine(t *testing.T) {
	// a ← b ← c (c reports to b, b to a)
	atasan := map[string]string{"a": "", "b": "a", "c": "b"}
	of := func(id string) (string, error) { return atasan[id], nil }
	for _, tc := range []struct {
		jabatan, atasan string
		ok              bool
	}{
		{"c", "a", true},
		{"a", "", true},
		{"a", "a", false}, // itself
		{"a", "c", false}, // its own indirect subordinate
		{"a", "b", false}, // its direct subordinate
	} {
		err := CheckReportingLine(tc.jabatan, tc.atasan, of)
		if (err == nil) != tc.ok {
			t.Errorf("%s under %s: %v", tc.jabatan, tc.atasan, err)
		}
		if de, ok := AsError(err); err != nil && (!ok || de.Fields[0].Field != "atasan_jabatan_id") {
			t.Errorf("error does not name atasan_jabatan_id: %v", err)
		}
	}
	// A stored loop that does not pass through the position still ends the walk.
	loop := map[string]string{"x": "y", "y": "x"}
	if err := CheckReportingLine("a", "x", func(id string) (string, error) { return loop[id], nil }); err == nil {
		t.Fatal("an endless line must be refused")
	}
	boom := errors.New("boom")
	if err := CheckReportingLine("a", "x", func(string) (string, error) { return "", boom }); !errors.Is(err, boom) {
		t.Fatalf("lookup errors pass through: %v", err)
	}
}

func TestUsageCheckDelete(t *testing.T) {
	if (UnitKerjaUsage{}).CheckDelete() != nil || (JabatanUsage{}).CheckDelete() != nil {
		t.Fatal("unused records may be deleted")
	}
	for _, u := range []UnitKerjaUsage{{SubUnit: 1}, {Jabatan: 1}} {
		if de, ok := AsError(u.CheckDelete()); !ok || de.Kind != KindConflict {
			t.Errorf("%+v: %v", u, de)
		}
	}
	for _, u := range []JabatanUsage{{Riwayat: 1}, {Bawahan: 1}, {Plt: 1}, {KepalaUnit: 1}} {
		if de, ok := AsError(u.CheckDelete()); !ok || de.Kind != KindConflict {
			t.Errorf("%+v: %v", u, de)
		}
	}
}

func TestValidatePltPeriod(t *testing.T) {
	d := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	end := d("2024-01-31")
	same := d("2024-01-01")
	before := d("2023-12-31")
	if ValidatePltPeriod(d("2024-01-01"), nil) != nil || ValidatePltPeriod(d("2024-01-01"), &end) != nil ||
		ValidatePltPeriod(d("2024-01-01"), &same) != nil {
		t.Fatal("valid periods refused")
	}
	de, ok := AsError(ValidatePltPeriod(d("2024-01-01"), &before))
	if !ok || de.Fields[0].Field != "tanggal_selesai" {
		t.Fatalf("reversed period: %v", de)
	}
}

func TestMissingRef(t *testing.T) {
	e := MissingRef("parent_id", "Unit kerja")
	if e.Kind != KindNotFound || len(e.Fields) != 1 || e.Fields[0].Field != "parent_id" {
		t.Fatalf("%+v", e)
	}
}
