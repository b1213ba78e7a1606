package api

import (
	"time"

	"github.com/oapi-codegen/nullable"

	"github.com/kinerja-id/kinerja/api/apigen"
	"github.com/kinerja-id/kinerja/api/jsondate"
	"github.com/kinerja-id/kinerja/domain"
)

// Converters shared by the TPP operations (simulation, runs, the employee's view).

func toAPIRingkasanTPP(r domain.RingkasanTPP) apigen.RingkasanTPP {
	return apigen.RingkasanTPP{JumlahPegawai: r.JumlahPegawai, Pagu: r.Pagu, Bruto: r.Bruto, Potongan: r.Potongan,
		BpjsPegawai: r.BPJSPegawai, BpjsPemda: r.BPJSPemda, Pph: r.PPh, Neto: r.Neto, Dibayar: r.Dibayar, Biaya: r.Biaya}
}

func toAPIPemakaianPagu(ps []domain.PemakaianPagu) []apigen.PemakaianPagu {
	out := make([]apigen.PemakaianPagu, len(ps))
	for i, p := range ps {
		out[i] = apigen.PemakaianPagu{UnitKerjaId: uuidOf(p.UnitKerjaID), UnitKerjaNama: p.UnitKerjaNama,
			Terpakai: p.Terpakai, Biaya: p.Biaya, Melebihi: p.Melebihi(),
			Pagu: nullable.NewNullNullable[int64](), Sisa: nullable.NewNullNullable[int64]()}
		if p.Pagu != nil {
			out[i].Pagu = nullable.NewNullableWithValue(*p.Pagu)
			out[i].Sisa = nullable.NewNullableWithValue(*p.Sisa())
		}
	}
	return out
}

func toAPIBarisTPP(b domain.BarisTPP) apigen.BarisTPP {
	out := apigen.BarisTPP{Nip: b.NIP, Nama: b.Nama, UnitKerjaId: uuidOf(b.UnitKerjaID), UnitKerjaNama: b.UnitKerjaNama,
		JabatanNama: b.JabatanNama, KelasJabatan: b.KelasJabatan, Golongan: b.Golongan,
		JenisAsn: apigen.JenisASN(b.JenisASN), StatusKepegawaian: apigen.StatusKepegawaian(b.StatusKepegawaian),
		Jhk: b.JHK, Besaran: b.Besaran, Pagu: b.Pagu, PersenKinerja: b.PersenKinerja, Produktivitas: b.Produktivitas,
		Disiplin: b.Disiplin, Tambahan: b.Tambahan, PersenPotonganDisiplin: b.PersenPotonganDisiplin, Potongan: b.Potongan,
		Bruto: b.Bruto, BpjsPegawai: b.BPJSPegawai, BpjsPemda: b.BPJSPemda, Pph: b.PPh, PotonganLain: b.PotonganLain,
		Neto: b.Neto, SudahDibayar: b.SudahDibayar, Dibayar: b.Dibayar,
		Predikat: nullable.NewNullNullable[apigen.Predikat](), Rekening: nullable.NewNullNullable[apigen.RekeningNullable](),
		Anomali: make([]apigen.KodeAnomaliTPP, len(b.Anomali))}
	if b.Predikat != "" {
		out.Predikat = nullable.NewNullableWithValue(apigen.Predikat(b.Predikat))
	}
	if b.Rekening != nil {
		r := apigen.RekeningNullable{NamaBank: b.Rekening.NamaBank, Nomor: b.Rekening.Nomor}
		if b.Rekening.AtasNama != "" {
			r.AtasNama = &b.Rekening.AtasNama
		}
		out.Rekening = nullable.NewNullableWithValue(r)
	}
	for i, k := range b.Anomali {
		out.Anomali[i] = apigen.KodeAnomaliTPP(k)
	}
	return out
}

// toAPIHasilTPP renders the engine's result with its trace and the explanation in lang.
func toAPIHasilTPP(h domain.HasilTPP, lang string) apigen.HasilTPP {
	out := apigen.HasilTPP{Besaran: h.Besaran, Pagu: h.Pagu, PersenKinerja: h.PersenKinerja, Produktivitas: h.Produktivitas,
		Disiplin: h.Disiplin, Tambahan: h.Tambahan, PersenPotonganDisiplin: h.PersenPotonganDisiplin,
		PotonganDisiplin: h.PotonganDisiplin, Potongan: h.Potongan, Bruto: h.Bruto, BpjsPegawai: h.BPJSPegawai,
		BpjsPemda: h.BPJSPemda, Pph: h.PPh, PphDitanggungPemda: h.PPhDitanggungPemda, PotonganLain: h.PotonganLain,
		Neto: h.Neto, Penjelasan: h.Penjelasan(lang)}
	out.Komponen = make([]struct {
		Jenis  string `json:"jenis"`
		Jumlah int64  `json:"jumlah"`
	}, len(h.Komponen))
	for i, k := range h.Komponen {
		out.Komponen[i].Jenis, out.Komponen[i].Jumlah = string(k.Jenis), k.Jumlah
	}
	out.Trace = make([]apigen.LangkahTPP, len(h.Trace))
	for i, l := range h.Trace {
		t := apigen.LangkahTPP{Kode: l.Kode, Uraian: struct {
			En string `json:"en"`
			Id string `json:"id"`
		}{En: l.Uraian.EN, Id: l.Uraian.ID}}
		if !l.Tanggal.IsZero() {
			t.Tanggal = datePtrOf(l.Tanggal)
		}
		t.Aturan, t.Persen, t.Dasar, t.Jumlah = strPtrNonEmpty(l.Aturan), strPtrNonEmpty(l.Persen), strPtrNonEmpty(l.Dasar), strPtrNonEmpty(l.Jumlah)
		out.Trace[i] = t
	}
	return out
}

func datePtrOf(t time.Time) *jsondate.Date {
	d := dateOf(t)
	return &d
}

func strPtrNonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
