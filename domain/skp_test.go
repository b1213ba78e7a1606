package domain

import "testing"

func TestSKPTransitions(t *testing.T) {
	allowed := map[StatusSKP][]string{
		SKPDraft:        {"ajukan", "ubah", "hapus"},
		SKPDikembalikan: {"ajukan", "ubah", "hapus"},
		SKPDiajukan:     {"setujui", "kembalikan", "hapus"},
		SKPDisetujui:    {"revisi"},
	}
	for st, ok := range allowed {
		for _, act := range []string{"ajukan", "setujui", "kembalikan", "revisi", "ubah", "hapus"} {
			err := SKP{Status: st, Revisi: 1}.CheckTransition(act)
			want := false
			for _, a := range ok {
				want = want || a == act
			}
			if (err == nil) != want {
				t.Errorf("%s %s: %v", st, act, err)
			}
		}
	}
	// once a revision was approved, the SKP can no longer be deleted
	if (SKP{Status: SKPDraft, Revisi: 2}).CheckTransition("hapus") == nil {
		t.Error("revised SKP deletable")
	}
}

func TestValidateSKPIsi(t *testing.T) {
	atasan := map[string]bool{"A1": true}
	ok := []RHK{{Jenis: "UTAMA", Uraian: "x", RHKAtasanID: "A1", Indikator: []IKI{{Uraian: "i", Target: "10"}}},
		{Jenis: "TAMBAHAN", Uraian: "y", Indikator: []IKI{{Uraian: "j", Target: "0.5"}}}}
	if err := ValidateSKPIsi(ok, []Ekspektasi{{Nilai: "LOYAL", Ekspektasi: "e"}}, true, atasan); err != nil {
		t.Fatal(err)
	}
	bad := []RHK{{Jenis: "UTAMA", Uraian: "x", Indikator: []IKI{{Uraian: "i", Target: "-1"}}},
		{Jenis: "UTAMA", Uraian: "z", RHKAtasanID: "B9", Indikator: []IKI{{Uraian: "", Target: "1"}}}}
	de, _ := AsError(ValidateSKPIsi(bad, []Ekspektasi{{Nilai: "LOYAL"}, {Nilai: "LOYAL"}}, true, atasan))
	fields := map[string]bool{}
	for _, f := range de.Fields {
		fields[f.Field] = true
	}
	for _, f := range []string{"rhk/0/rhk_atasan_id", "rhk/0/indikator/0/target", "rhk/1/rhk_atasan_id", "rhk/1/indikator/0/uraian", "ekspektasi/1/nilai"} {
		if !fields[f] {
			t.Errorf("missing %s in %v", f, de.Fields)
		}
	}
	// the top of the chart has no rater: RHK utama stand alone
	if err := ValidateSKPIsi(bad[:1], nil, false, nil); err == nil {
		t.Error("negative target accepted")
	} else if de, _ := AsError(err); len(de.Fields) != 1 {
		t.Errorf("without rater: %v", de.Fields)
	}
}
