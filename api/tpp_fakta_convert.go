package api

import (
	"encoding/json"
	"fmt"
	"math/big"
	"regexp"
	"strconv"
	"time"

	"github.com/kinerja-id/kinerja/api/apigen"
	"github.com/kinerja-id/kinerja/domain"
)

// Converters from the API's inline TPP inputs (a profile, employee-month facts) to
// the rule engine's types.

// toDomainProfilTPP reads an inline profile with the engine's strict parser; a
// broken profile is a 422 naming every offending field under "profil/".
func toDomainProfilTPP(p apigen.ProfilTPP) (domain.ProfilTPP, error) {
	raw, err := json.Marshal(p)
	if err != nil {
		return domain.ProfilTPP{}, fmt.Errorf("encode profil: %w", err)
	}
	out, err := domain.ParseProfilTPP(raw)
	if err != nil {
		return domain.ProfilTPP{}, profilTidakValid(err)
	}
	return out, nil
}

// profilTidakValid turns the field errors of a profile (from ParseProfilTPP or
// Validate) into one 422 problem with code profil_tidak_valid, every field named
// by its path under "profil/". Other errors pass through unchanged.
func profilTidakValid(err error) error {
	de, ok := domain.AsError(err)
	if !ok || de.Kind != domain.KindInvalid {
		return err
	}
	out := domain.Unprocessable("profil_tidak_valid", "Profil TPP tidak valid.", "The TPP profile is invalid.")
	for _, f := range de.Fields {
		if f.Field == "" {
			f.Field = "profil"
		} else {
			f.Field = "profil/" + f.Field
		}
		out.Fields = append(out.Fields, f)
	}
	return out
}

// toDomainFaktaTPP converts the given facts; path prefixes the field names of errors
// ("fakta").
func toDomainFaktaTPP(fs []apigen.FaktaTPP, path string) ([]domain.FaktaTPP, error) {
	var v domain.Validation
	out := make([]domain.FaktaTPP, len(fs))
	for i, f := range fs {
		out[i] = toDomainFaktaSatu(f, path+"/"+strconv.Itoa(i), &v)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

func toDomainFaktaSatu(f apigen.FaktaTPP, path string, v *domain.Validation) domain.FaktaTPP {
	out := domain.FaktaTPP{Tahun: f.Tahun, Bulan: time.Month(f.Bulan), KelasJabatan: f.KelasJabatan,
		KelasJabatanPlt: intOr(f.KelasJabatanPlt), JabatanID: strOr(f.JabatanId), UnitID: strOr(f.UnitKerjaId),
		JenisASN: domain.JenisASN(f.JenisAsn), StatusKepegawaian: domain.StatusKepegawaian(f.StatusKepegawaian),
		Golongan: strOr(f.Golongan), Plt: f.Plt != nil && *f.Plt, MenitDiterima: derefInt64(f.MenitDiterima),
		TunjanganProfesi: derefInt64(f.TunjanganProfesi), PenghasilanLainBPJS: derefInt64(f.PenghasilanLainBpjs)}
	if f.Predikat != nil {
		out.Predikat = domain.Predikat(*f.Predikat)
	}
	if f.PredikatTahunLalu != nil {
		out.PredikatTahunLalu = domain.Predikat(*f.PredikatTahunLalu)
	}
	if f.Hari != nil {
		out.Hari = make([]domain.FaktaHari, len(*f.Hari))
		for i, h := range *f.Hari {
			out.Hari[i] = toDomainFaktaHari(h)
		}
	}
	if f.Capaian != nil {
		out.Capaian = make([]domain.CapaianIndikator, len(*f.Capaian))
		for i, c := range *f.Capaian {
			p := path + "/capaian/" + strconv.Itoa(i)
			out.Capaian[i] = domain.CapaianIndikator{Realisasi: desimalKetat(c.Realisasi, p+"/realisasi", v),
				Target: desimalKetat(c.Target, p+"/target", v)}
			if c.Polaritas != nil {
				out.Capaian[i].Polaritas = string(*c.Polaritas)
			}
		}
	}
	if f.CapaianPersen != nil {
		out.CapaianPersen = desimalKetat(*f.CapaianPersen, path+"/capaian_persen", v)
	}
	if f.CapaianUnit != nil {
		out.CapaianUnit = desimalKetat(*f.CapaianUnit, path+"/capaian_unit", v)
	}
	if f.Berakhlak != nil {
		if len(*f.Berakhlak) != 7 {
			v.Add(path+"/berakhlak", "berakhlak_tujuh", "BerAKHLAK harus tepat 7 nilai.", "BerAKHLAK takes exactly 7 scores.")
		} else {
			var b [7]int
			copy(b[:], *f.Berakhlak)
			out.BerAKHLAK = &b
		}
	}
	if f.Hukuman != nil {
		out.Hukuman = make([]domain.HukumanFakta, len(*f.Hukuman))
		for i, h := range *f.Hukuman {
			out.Hukuman[i] = domain.HukumanFakta{Jenis: domain.JenisHukuman(h.Jenis), TanggalBerlaku: h.TanggalBerlaku.Time,
				DurasiBulan: intOr(h.DurasiBulan)}
		}
	}
	if f.PotonganLain != nil {
		out.PotonganLain = make([]domain.PotonganFakta, len(*f.PotonganLain))
		for i, p := range *f.PotonganLain {
			out.PotonganLain[i] = domain.PotonganFakta{Kode: p.Kode, Nama: strOr(p.Nama), Jumlah: p.Jumlah}
		}
	}
	return out
}

// toDomainFaktaHari converts one day; the date is the calendar date at midnight UTC,
// as attendance classifies it.
func toDomainFaktaHari(h apigen.FaktaHariInput) domain.FaktaHari {
	d := h.Tanggal.Time
	out := domain.FaktaHari{Tanggal: time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC), Kerja: h.Kerja,
		Status: domain.StatusHari(h.Status), AnakKe: intOr(h.AnakKe), TerlambatDetik: intOr(h.TerlambatDetik),
		PulangCepatDetik: intOr(h.PulangCepatDetik), TanpaMasuk: derefBool(h.TanpaMasuk), TanpaPulang: derefBool(h.TanpaPulang),
		Khusus: derefBool(h.Khusus)}
	if h.Libur != nil {
		out.Libur = domain.JenisLibur(*h.Libur)
	}
	if h.Izin != nil {
		out.Izin = domain.JenisIzin(*h.Izin)
	}
	return out
}

// polaDesimal is the spec's Desimal pattern: big.Rat.SetString alone would also take
// fractions ("1/2") and exponents ("1e3").
var polaDesimal = regexp.MustCompile(`^-?[0-9]{1,15}(\.[0-9]{1,10})?$`)

// desimalKetat reads an exact decimal of the Desimal schema, recording a field error
// (and returning nil) for anything else.
func desimalKetat(s, field string, v *domain.Validation) *big.Rat {
	if polaDesimal.MatchString(s) {
		if r, ok := new(big.Rat).SetString(s); ok {
			return r
		}
	}
	v.Add(field, "desimal_invalid", "Harus angka desimal seperti \"87.5\".", `Must be a decimal number such as "87.5".`)
	return nil
}

func derefInt64(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}

func derefBool(p *bool) bool {
	return p != nil && *p
}
