package domain

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math/big"
	"strconv"
	"strings"
)

// ProfilTPP is one instansi's rules for the monthly TPP (or tukin): data, never code
// per pemda (domain.md §9). The service layer stores it as JSON with its validity
// window and version; HitungTPP applies it to one pegawai's month. Every percentage
// is an exact Desimal of 0–100 unless its field says otherwise.
//
// The order of computation is fixed (see HitungTPP); the profile only chooses
// numbers and variants.
type ProfilTPP struct {
	Besaran      BesaranTPP     `json:"besaran"`
	Komponen     []KomponenTPP  `json:"komponen,omitempty"` // empty: one BEBAN_KERJA component of 100% of the besaran
	Bobot        BobotTPP       `json:"bobot"`
	Kinerja      KinerjaTPP     `json:"kinerja"`
	Disiplin     DisiplinTPP    `json:"disiplin,omitzero"`
	Izin         []IzinTPP      `json:"izin,omitempty"` // absence types not listed are paid in full
	Status       StatusTPP      `json:"status,omitzero"`
	Hukdis       HukdisTPP      `json:"hukdis,omitzero"`
	Predikat     PredikatTPP    `json:"predikat,omitzero"`
	Profesi      NettingProfesi `json:"netting_profesi,omitempty"` // empty: NONE
	Pajak        PajakTPP       `json:"pajak,omitzero"`
	BPJS         BPJSTPP        `json:"bpjs,omitzero"`
	PotonganLain []PotonganTPP  `json:"potongan_lain,omitempty"`
	Pembulatan   PembulatanTPP  `json:"pembulatan"`
}

// BesaranTPP is the monthly amount per kelas jabatan: a table, or a ladder times a
// factor (Kab. Seruyan: the 2023 amounts are the 2022 ladder × 1.24897, rounded with
// the profile's rounding mode). Exactly one of Tabel and Tangga is given, listing
// kelas 1…N without gaps. Jabatan overrides both for the listed positions.
type BesaranTPP struct {
	Tabel   []BesaranKelas   `json:"tabel,omitempty"`
	Tangga  []BesaranKelas   `json:"tangga,omitempty"`
	Faktor  Desimal          `json:"faktor,omitzero"` // with Tangga; > 0 and ≤ 100
	Jabatan []BesaranJabatan `json:"jabatan,omitempty"`
}

// BesaranKelas is the amount of one kelas jabatan.
type BesaranKelas struct {
	Kelas  int   `json:"kelas"`
	Jumlah int64 `json:"jumlah"`
}

// BesaranJabatan is the amount of one position, whatever its kelas (it is not
// multiplied by the ladder factor; 0 means the position gets no TPP).
type BesaranJabatan struct {
	JabatanID string `json:"jabatan_id"`
	Jumlah    int64  `json:"jumlah"`
}

// JenisKomponen is one of the six TPP criteria of PP 12/2019 Ps. 58.
type JenisKomponen string

// TPP components.
const (
	KomponenBebanKerja        JenisKomponen = "BEBAN_KERJA"
	KomponenPrestasiKerja     JenisKomponen = "PRESTASI_KERJA"
	KomponenKondisiKerja      JenisKomponen = "KONDISI_KERJA"
	KomponenTempatBertugas    JenisKomponen = "TEMPAT_BERTUGAS"
	KomponenKelangkaanProfesi JenisKomponen = "KELANGKAAN_PROFESI"
	KomponenObjektifLainnya   JenisKomponen = "OBJEKTIF_LAINNYA"
)

var semuaKomponen = []JenisKomponen{KomponenBebanKerja, KomponenPrestasiKerja, KomponenKondisiKerja,
	KomponenTempatBertugas, KomponenKelangkaanProfesi, KomponenObjektifLainnya}

// KomponenTPP is one component: Persen of the besaran or a fixed Jumlah (exactly one),
// optionally only for the listed positions and/or units (both lists must match when
// both are given). A component is split into produktivitas and disiplin shares and
// cut for attendance unless Tetap, in which case it is paid as is (still subject to
// the status factors, hukuman disiplin, predikat cuts and netting).
type KomponenTPP struct {
	Jenis     JenisKomponen `json:"jenis"`
	Persen    Desimal       `json:"persen,omitzero"`
	Jumlah    int64         `json:"jumlah,omitempty"`
	Tetap     bool          `json:"tetap,omitempty"`
	JabatanID []string      `json:"jabatan_id,omitempty"`
	UnitID    []string      `json:"unit_id,omitempty"`
}

// BobotTPP splits the assessed amount into a produktivitas (kinerja) share and a
// disiplin share; the two add up to 100 (60/40 Kepmendagri, 70/30, 100/0 …).
type BobotTPP struct {
	Produktivitas Desimal `json:"produktivitas"`
	Disiplin      Desimal `json:"disiplin"`
}

// ModelKinerja is how the month's performance percentage is obtained.
type ModelKinerja string

// Performance input models.
const (
	KinerjaNone     ModelKinerja = "NONE"     // 100%: the share is paid in full
	KinerjaPredikat ModelKinerja = "PREDIKAT" // the month's predikat → % (KinerjaTPP.Predikat)
	KinerjaCapaian  ModelKinerja = "CAPAIAN"  // average capped capaian of the indicators (DKI HPK, V10)
	KinerjaMenit    ModelKinerja = "MENIT"    // accepted activity minutes ÷ (JHK × minutes per day)
	KinerjaPoin     ModelKinerja = "POIN"     // SKP points + BerAKHLAK points (Kota Manado, V5)
)

// AmbangBerlaku says what a performance below the threshold forfeits.
type AmbangBerlaku string

// Threshold scopes.
const (
	AmbangProduktivitas AmbangBerlaku = "PRODUKTIVITAS" // only the produktivitas share
	AmbangSeluruh       AmbangBerlaku = "SELURUH"       // the whole month's TPP
)

// KinerjaTPP is the performance rule. The model yields a percentage k, optionally
// blended with the unit's achievement (BobotUnit % of it), capped at BatasPersen
// (default 100); the produktivitas share is paid at k%. Inputs the model needs but
// the month lacks count as PersenTanpaData (default 0).
type KinerjaTPP struct {
	Model           ModelKinerja     `json:"model"`
	Predikat        []PersenPredikat `json:"predikat,omitempty"`         // PREDIKAT: all five predikat
	BatasIndikator  Desimal          `json:"batas_indikator,omitzero"`   // CAPAIAN, POIN: cap per indicator (default 100, e.g. 120)
	MenitPerHari    int              `json:"menit_per_hari,omitempty"`   // MENIT: effective minutes per working day (e.g. 300)
	Poin            PoinTPP          `json:"poin,omitzero"`              // POIN
	BobotUnit       Desimal          `json:"bobot_unit,omitzero"`        // weight of the unit's achievement, 0–100
	BatasPersen     Desimal          `json:"batas_persen,omitzero"`      // cap on k, 1–200 (default 100)
	PersenTanpaData Desimal          `json:"persen_tanpa_data,omitzero"` // k when inputs are missing (default 0)
	Ambang          Desimal          `json:"ambang,omitzero"`            // k below this forfeits AmbangBerlaku
	AmbangBerlaku   AmbangBerlaku    `json:"ambang_berlaku,omitempty"`   // default PRODUKTIVITAS
}

// PersenPredikat maps a predikat to a percentage.
type PersenPredikat struct {
	Predikat Predikat `json:"predikat"`
	Persen   Desimal  `json:"persen"`
}

// PoinTPP is the points model of Kota Manado: SKP points = average capped capaian ×
// PengaliSKP; BerAKHLAK points = sum of the seven scores / SkorMaks × MaksPerilaku,
// 0 when the sum ≤ AmbangBawah and MaksPerilaku when it ≥ AmbangAtas. The points
// are a percentage of the maximum (BatasIndikator × PengaliSKP + MaksPerilaku).
type PoinTPP struct {
	PengaliSKP   Desimal `json:"pengali_skp"`   // 0.3
	MaksPerilaku Desimal `json:"maks_perilaku"` // 30
	SkorMaks     int     `json:"skor_maks"`     // 700
	AmbangBawah  int     `json:"ambang_bawah"`  // 209
	AmbangAtas   int     `json:"ambang_atas"`   // 679
}

// DasarPotongan is the amount attendance percentages are taken of (domain.md §3.7).
type DasarPotongan string

// Deduction bases.
const (
	DasarTotal        DasarPotongan = "TOTAL"         // the whole assessed amount (most tukin rules)
	DasarDisiplinPart DasarPotongan = "DISIPLIN_PART" // only the disiplin share (Kota Manado)
)

// TanpaRekamanPersen charges a fixed percentage (DisiplinTPP.TanpaMasukPersen or
// TanpaPulangPersen) for a missing clock-in or clock-out.
const TanpaRekamanPersen PerlakuanTanpaRekaman = "PERSEN"

// DisiplinTPP is the attendance rule. Band edges, grace and the treatment of a
// missing record share their meaning with AturanDisiplin (the attendance recap) and
// are checked by its Validate; PERSEN is the one treatment only the TPP knows. An
// omitted treatment is ABAIKAN.
type DisiplinTPP struct {
	Dasar             DasarPotongan         `json:"dasar,omitempty"` // required when any rule is given
	ToleransiTLDetik  int                   `json:"toleransi_tl_detik,omitempty"`
	ToleransiPSWDetik int                   `json:"toleransi_psw_detik,omitempty"`
	PitaTL            []PitaTPP             `json:"pita_tl,omitempty"`
	PitaPSW           []PitaTPP             `json:"pita_psw,omitempty"`
	TanpaMasuk        PerlakuanTanpaRekaman `json:"tanpa_masuk,omitempty"`
	TanpaMasukPersen  Desimal               `json:"tanpa_masuk_persen,omitzero"`
	TanpaPulang       PerlakuanTanpaRekaman `json:"tanpa_pulang,omitempty"`
	TanpaPulangPersen Desimal               `json:"tanpa_pulang_persen,omitzero"`
	TKPersen          Desimal               `json:"tk_persen,omitzero"`          // per working day absent without reason
	TKBeruntun        HariPersen            `json:"tk_beruntun,omitzero"`        // a run of ≥ Hari TK days costs Persen
	TKAkumulasi       HariPersen            `json:"tk_akumulasi,omitzero"`       // ≥ Hari TK days in the month cost Persen
	HariKhususPersen  Desimal               `json:"hari_khusus_persen,omitzero"` // TK on a Khusus day, instead of TKPersen
	BatasHarian       Desimal               `json:"batas_harian,omitzero"`       // cap per day while present (TL + PSW)
	BatasBulanan      Desimal               `json:"batas_bulanan,omitzero"`      // cap of the month's sum (default 100)
	Proporsi          ProporsiTPP           `json:"proporsi_jhk,omitzero"`
}

// PitaTPP is one band of a profile: [DariDetik, SampaiDetik] inclusive,
// SampaiDetik -1 for no upper edge (only the last band).
type PitaTPP struct {
	Kode        string  `json:"kode"`
	DariDetik   int     `json:"dari_detik"`
	SampaiDetik int     `json:"sampai_detik"`
	Persen      Desimal `json:"persen"`
}

// HariPersen is a rule "Hari days cost Persen".
type HariPersen struct {
	Hari   int     `json:"hari"`
	Persen Desimal `json:"persen"`
}

// ProporsiBerlaku says which amount the JHK proration scales.
type ProporsiBerlaku string

// Proration scopes.
const (
	ProporsiDisiplin ProporsiBerlaku = "DISIPLIN" // the disiplin share (Kota Manado: DK × days / JHK)
	ProporsiSeluruh  ProporsiBerlaku = "SELURUH"  // the whole amount (e.g. a mid-month TMT)
)

// ProporsiTPP prorates by working days: counted days / JHK of the month, where JHK
// is every working day of the month's calendar including those outside the pegawai's
// service (FaktaHari with Libur DILUAR_MASA_KERJA) and the counted days are the
// pegawai's working days (Kerja) whose status is not in Kecuali.
type ProporsiTPP struct {
	Berlaku ProporsiBerlaku `json:"berlaku"`
	Kecuali []StatusHari    `json:"kecuali,omitempty"`
}

// PerlakuanIzin is how an absence type affects the TPP.
type PerlakuanIzin string

// Absence treatments.
const (
	IzinDibayar      PerlakuanIzin = "DIBAYAR"       // no cut
	IzinPersenHari   PerlakuanIzin = "PERSEN_HARI"   // Persen per working day of the type
	IzinPersenBulan  PerlakuanIzin = "PERSEN_BULAN"  // Persen once in the month
	IzinTidakDibayar PerlakuanIzin = "TIDAK_DIBAYAR" // no TPP for the month
)

// IzinTPP is the rule of one absence type (one rule per type). It applies when the
// month holds more than LebihDariHari working days of the type (counting only days
// with AnakKe ≥ AnakKeMin when that is set, for CUTI_MELAHIRKAN); percentages join
// the attendance sum.
type IzinTPP struct {
	Jenis         JenisIzin     `json:"jenis"`
	Perlakuan     PerlakuanIzin `json:"perlakuan"`
	Persen        Desimal       `json:"persen,omitzero"`
	LebihDariHari int           `json:"lebih_dari_hari,omitempty"`
	AnakKeMin     int           `json:"anak_ke_min,omitempty"`
}

// StatusTPP holds the status factors: percentages of the amount paid by jenis ASN
// (CPNS 80%) and by employment status (CLTN 0%); types not listed are paid 100%.
// PltPersen is the extra TPP of an acting official (Plt/Plh), a percentage of the
// besaran of the acting post's kelas (FaktaTPP.KelasJabatanPlt, else their own).
type StatusTPP struct {
	JenisASN    []FaktorASN         `json:"jenis_asn,omitempty"`
	Kepegawaian []FaktorKepegawaian `json:"kepegawaian,omitempty"`
	PltPersen   Desimal             `json:"plt_persen,omitzero"`
}

// FaktorASN is the percentage paid to one jenis ASN.
type FaktorASN struct {
	JenisASN JenisASN `json:"jenis_asn"`
	Persen   Desimal  `json:"persen"`
}

// FaktorKepegawaian is the percentage paid in one employment status.
type FaktorKepegawaian struct {
	Status StatusKepegawaian `json:"status"`
	Persen Desimal           `json:"persen"`
}

// MulaiHukdis is the first month a sanction's cut applies.
type MulaiHukdis string

// Start rules.
const (
	HukdisMulaiBulanPenuh   MulaiHukdis = "FIRST_FULL_MONTH_AFTER_FINAL" // the month of the final date if it is the 1st, else the next
	HukdisMulaiBulanFinal   MulaiHukdis = "MONTH_OF_FINAL"
	HukdisMulaiBulanBerikut MulaiHukdis = "NEXT_MONTH"
)

// GabungHukdis is how overlapping sanctions combine.
type GabungHukdis string

// Stacking rules.
const (
	HukdisMax GabungHukdis = "MAX" // the largest percentage
	HukdisSum GabungHukdis = "SUM" // the sum, at most 100
)

// DasarHukdis is the amount a sanction's (or a predikat's) percentage is taken of.
type DasarHukdis string

// Sanction bases.
const (
	HukdisDasarBerjalan DasarHukdis = "BERJALAN" // the amount after attendance cuts (default)
	HukdisDasarPagu     DasarHukdis = "PAGU"     // the amount before performance and attendance
)

// HukdisTPP maps sanctions to cuts. A sanction not listed costs nothing.
type HukdisTPP struct {
	Jenis  []HukdisPersen `json:"jenis,omitempty"`
	Mulai  MulaiHukdis    `json:"mulai,omitempty"`  // required with Jenis
	Gabung GabungHukdis   `json:"gabung,omitempty"` // required with Jenis
	Dasar  DasarHukdis    `json:"dasar,omitempty"`  // default BERJALAN
}

// HukdisPersen is the cut of one sanction (JenisHukuman, the codes of the discipline
// records) for DurasiBulan months; 0 takes the months of the decision
// (HukumanFakta.DurasiBulan), else the national duration (JenisHukuman.DurasiBulan).
type HukdisPersen struct {
	Jenis       JenisHukuman `json:"jenis"`
	Persen      Desimal      `json:"persen"`
	DurasiBulan int          `json:"durasi_bulan,omitempty"`
}

// PredikatTPP holds the predikat-linked rules (domain.md §2.8): a monthly cut by the
// month's predikat (Bakamla: Kurang 1%, Sangat Kurang 2%) and this year's level by
// last year's annual predikat (KLHK: Butuh Perbaikan 90%, Kurang 85%, Sangat Kurang
// 80%). Predikat not listed: no cut, level 100%.
type PredikatTPP struct {
	PotonganBulanan []PersenPredikat `json:"potongan_bulanan,omitempty"`
	TingkatTahunan  []PersenPredikat `json:"tingkat_tahunan,omitempty"`
}

// NettingProfesi is how tunjangan profesi reduces the TPP (domain.md §4.1).
type NettingProfesi string

// Netting rules.
const (
	ProfesiNone    NettingProfesi = "NONE"
	ProfesiSelisih NettingProfesi = "SELISIH" // only the difference is paid: max(0, TPP − profesi)
)

// ModePajak is how PPh 21 on the TPP is treated (domain.md §3.8).
type ModePajak string

// Tax modes.
const (
	PajakNone          ModePajak = "NONE"
	PajakFinalGolongan ModePajak = "FINAL_GOLONGAN"  // PP 80/2010 final rate by golongan ruang, deducted
	PajakDitanggung    ModePajak = "DITANGGUNG_APBD" // the same rates, computed and shown, borne by the pemda
)

// PajakTPP is the tax rule. Tarif gives the rate per golongan ruang (I–IV); RuangPPPK
// maps PPPK grades (I–XVII) to a ruang; an unmapped grade pays no final tax.
type PajakTPP struct {
	Mode      ModePajak    `json:"mode,omitempty"` // empty: NONE
	Tarif     []TarifRuang `json:"tarif,omitempty"`
	RuangPPPK []RuangPPPK  `json:"ruang_pppk,omitempty"`
}

// TarifRuang is the tax rate of one golongan ruang.
type TarifRuang struct {
	Ruang  string  `json:"ruang"`
	Persen Desimal `json:"persen"`
}

// RuangPPPK maps a PPPK grade to the ruang whose rate applies.
type RuangPPPK struct {
	Golongan string `json:"golongan"`
	Ruang    string `json:"ruang"`
}

// DasarBPJS is the wage the BPJS Kesehatan contribution on the TPP is taken of.
type DasarBPJS string

// BPJS bases.
const (
	BPJSBruto      DasarBPJS = "BRUTO"       // the gross TPP, at most Batas when set
	BPJSDalamBatas DasarBPJS = "DALAM_BATAS" // the part of the gross TPP under Batas once the other wage components are counted
)

// BPJSTPP is the BPJS Kesehatan rule (Perpres 75/2019: 1% employee, deducted; 4%
// employer, paid by the pemda and only shown).
type BPJSTPP struct {
	PersenPegawai Desimal   `json:"persen_pegawai"`
	PersenPemda   Desimal   `json:"persen_pemda"`
	Dasar         DasarBPJS `json:"dasar"`
	Batas         int64     `json:"batas,omitempty"` // wage cap (Rp 12.000.000); required with DALAM_BATAS
}

// PotonganTPP is another deduction from the gross TPP (zakat, koperasi, Tapera …):
// Persen of the gross or a fixed Jumlah, exactly one.
type PotonganTPP struct {
	Kode   string  `json:"kode"`
	Nama   string  `json:"nama,omitempty"`
	Persen Desimal `json:"persen,omitzero"`
	Jumlah int64   `json:"jumlah,omitempty"`
}

// TahapPembulatan is where amounts are rounded to whole rupiah.
type TahapPembulatan string

// Rounding stages. A ladder × factor besaran is always rounded: it is a table amount.
const (
	// TahapKomponen rounds every amount: each component, share, cut, the gross and
	// each deduction.
	TahapKomponen TahapPembulatan = "KOMPONEN"
	// TahapSetiapLangkah rounds the gross and each deduction from it (V6); shares and
	// cuts before the gross stay exact.
	TahapSetiapLangkah TahapPembulatan = "EACH_STEP"
	// TahapAkhir keeps everything exact and rounds only the net; the other amounts
	// are shown rounded, so they may differ from the net by a rupiah.
	TahapAkhir TahapPembulatan = "FINAL"
)

// PembulatanTPP is the rounding rule.
type PembulatanTPP struct {
	Mode  Pembulatan      `json:"mode"`
	Tahap TahapPembulatan `json:"tahap"`
}

// profilJSON has ProfilTPP's fields without its JSON methods.
type profilJSON ProfilTPP

// ParseProfilTPP reads a profile strictly (unknown fields, trailing data and
// non-numbers where numbers belong are refused) and validates it. Errors are a
// *Error of KindInvalid whose fields are slash paths into the JSON
// ("komponen/0/persen", "disiplin/pita_tl/2/dari_detik").
func ParseProfilTPP(data []byte) (ProfilTPP, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var p profilJSON
	if err := dec.Decode(&p); err != nil {
		return ProfilTPP{}, jsonError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return ProfilTPP{}, Invalid("", "json_trailing", "Ada data setelah objek JSON profil.",
			"There is data after the profile's JSON object.")
	}
	out := ProfilTPP(p)
	if err := out.Validate(); err != nil {
		return ProfilTPP{}, err
	}
	return out, nil
}

// jsonError turns a decoding error into a field error.
func jsonError(err error) error {
	var typeErr *json.UnmarshalTypeError
	var synErr *json.SyntaxError
	switch {
	case errors.As(err, &typeErr):
		field := strings.ReplaceAll(typeErr.Field, ".", "/")
		return Invalid(field, "type_invalid",
			"Jenis nilai salah: diharapkan "+namaJenisJSON(typeErr.Type.Kind().String())+", diterima "+typeErr.Value+".",
			"Wrong kind of value: expected "+typeErr.Type.Kind().String()+", got "+typeErr.Value+".")
	case errors.As(err, &synErr), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return Invalid("", "json_invalid", "Profil bukan JSON yang sah.", "The profile is not valid JSON.")
	}
	const unknown = `json: unknown field "`
	if msg := err.Error(); strings.HasPrefix(msg, unknown) {
		name := strings.TrimSuffix(strings.TrimPrefix(msg, unknown), `"`)
		return Invalid(name, "field_unknown", "Kolom "+name+" tidak dikenal.", "Unknown field "+name+".")
	}
	return Invalid("", "json_invalid", "Profil tidak dapat dibaca.", "The profile cannot be read.")
}

func namaJenisJSON(kind string) string {
	switch kind {
	case "string":
		return "teks"
	case "struct", "map":
		return "objek"
	case "slice", "array":
		return "daftar"
	case "bool":
		return "true/false"
	}
	return "angka bulat"
}

// UnmarshalJSON reads a profile with ParseProfilTPP, so a stored profile that no
// longer validates fails loudly instead of computing.
func (p *ProfilTPP) UnmarshalJSON(data []byte) error {
	out, err := ParseProfilTPP(data)
	if err != nil {
		return err
	}
	*p = out
	return nil
}

// MarshalJSON writes the profile with exact decimals; ParseProfilTPP reads it back
// to an equal profile.
func (p ProfilTPP) MarshalJSON() ([]byte, error) {
	return json.Marshal(profilJSON(p))
}

// AturanDisiplin returns the attendance grading of the profile, for the attendance
// recap: a fixed-percentage treatment of a missing record is reported there as the
// worst band.
func (d DisiplinTPP) AturanDisiplin() AturanDisiplin {
	a := AturanDisiplin{
		ToleransiTLDetik:  d.ToleransiTLDetik,
		ToleransiPSWDetik: d.ToleransiPSWDetik,
		PitaTL:            pitaDomain(d.PitaTL),
		PitaPSW:           pitaDomain(d.PitaPSW),
		TanpaMasuk:        perlakuanRekap(d.TanpaMasuk, len(d.PitaTL)),
		TanpaPulang:       perlakuanRekap(d.TanpaPulang, len(d.PitaPSW)),
	}
	return a
}

func perlakuanRekap(p PerlakuanTanpaRekaman, pita int) PerlakuanTanpaRekaman {
	switch {
	case p == "":
		return TanpaRekamanAbaikan
	case p == TanpaRekamanPersen && pita > 0:
		return TanpaRekamanPitaTerberat
	case p == TanpaRekamanPersen:
		return TanpaRekamanAbaikan
	}
	return p
}

func pitaDomain(ps []PitaTPP) []Pita {
	if len(ps) == 0 {
		return nil
	}
	out := make([]Pita, len(ps))
	for i, p := range ps {
		out[i] = Pita{Kode: p.Kode, DariDetik: p.DariDetik, SampaiDetik: p.SampaiDetik, Persen: p.Persen.r}
	}
	return out
}

// Limits of a profile's numbers.
const (
	maxRupiahProfil int64 = 100_000_000_000 // Rp 100 miliar: far above any monthly amount
	seratusN              = 100 * desimalSkala
	maxKelasJabatan       = 17
)

// jalur is a field path built only when an error is reported: A, or A/I/B when I ≥ 0
// (A/I when B is empty).
type jalur struct {
	a string
	i int
	b string
}

func jl(a string) jalur                   { return jalur{a: a, i: -1} }
func jli(a string, i int, b string) jalur { return jalur{a: a, i: i, b: b} }

func (j jalur) String() string {
	s := j.a
	if j.i >= 0 {
		s += "/" + itoa(j.i)
	}
	if j.b != "" {
		s += "/" + j.b
	}
	return s
}

// cek collects a profile's field errors.
type cek struct {
	v     Validation
	cepat bool
}

func (c *cek) add(j jalur, code, id, en string) { c.v.Add(j.String(), code, id, en) }

func (c *cek) wajib(j jalur) {
	c.add(j, "required", "Wajib diisi.", "Required.")
}

// desimal checks a decimal against [min, max] (values × 10^10); absent is an error
// only when required.
func (c *cek) desimal(j jalur, d Desimal, wajib bool, min, max int64) {
	switch {
	case d.err != "":
		id, en := alasanDesimal(d)
		c.add(j, "desimal_invalid", id, en)
	case d.r == nil:
		if wajib {
			c.wajib(j)
		}
	case d.n < min || d.n > max:
		if min == 0 && max == seratusN {
			c.add(j, "persen_range", "Persentase harus di antara 0 dan 100.", "The percentage must be between 0 and 100.")
			return
		}
		lo, hi := string(appendN(nil, min, 0, '.')), string(appendN(nil, max, 0, '.'))
		c.add(j, "out_of_range", "Nilai harus di antara "+lo+" dan "+hi+".", "The value must be between "+lo+" and "+hi+".")
	}
}

func (c *cek) persen(j jalur, d Desimal, wajib bool) { c.desimal(j, d, wajib, 0, seratusN) }

func (c *cek) rupiah(j jalur, n, min int64) {
	if n < min || n > maxRupiahProfil {
		c.add(j, "rupiah_range", "Jumlah rupiah harus di antara "+FormatRupiah(min)+" dan Rp 100.000.000.000.",
			"The amount must be between "+FormatRupiah(min)+" and Rp 100.000.000.000.")
	}
}

func (c *cek) bulat(j jalur, n, min, max int) {
	if n < min || n > max {
		c.add(j, "out_of_range", "Nilai harus bilangan bulat "+itoa(min)+"–"+itoa(max)+".",
			"The value must be a whole number "+itoa(min)+"–"+itoa(max)+".")
	}
}

// enum checks that s is one of allowed; empty is an error only when required.
func (c *cek) enum(j jalur, s string, wajib bool, allowed ...string) {
	if s == "" {
		if wajib {
			c.wajib(j)
		}
		return
	}
	for _, a := range allowed {
		if s == a {
			return
		}
	}
	list := strings.Join(allowed, ", ")
	c.add(j, "enum_invalid", "Nilai \""+s+"\" tidak dikenal; gunakan salah satu dari: "+list+".",
		"Unknown value \""+s+"\"; use one of: "+list+".")
}

func (c *cek) tidakDipakai(j jalur, id, en string) {
	c.add(j, "not_applicable", "Tidak berlaku: "+id+".", "Not applicable: "+en+".")
}

func (c *cek) ganda(j jalur) {
	c.add(j, "duplicate", "Nilai ini sudah disebut sebelumnya.", "This value is listed more than once.")
}

func itoa(n int) string { return string(appendInt(nil, n)) }

func appendInt(dst []byte, n int) []byte {
	if n < 0 {
		dst = append(dst, '-')
	}
	return strconv.AppendUint(dst, absU64(int64(n)), 10)
}

// Validate checks the whole profile and reports every offending field. A profile
// that validates computes without error for any facts.
func (p ProfilTPP) Validate() error { return p.periksa(false) }

// periksa validates; cepat skips the shared grading check when a quick scan finds
// the grading sound (HitungTPP re-checks a profile on every computation, and the
// full check is what ParseProfilTPP and Validate run).
func (p ProfilTPP) periksa(cepat bool) error {
	var c cek
	c.cepat = cepat
	p.Besaran.validate(&c)
	for i, k := range p.Komponen {
		c.enum(jli("komponen", i, "jenis"), string(k.Jenis), true, namaKomponen...)
		switch {
		case k.Persen.IsZero() && k.Jumlah == 0:
			c.add(jli("komponen", i, "persen"), "persen_or_jumlah", "Isi persen atau jumlah.", "Give persen or jumlah.")
		case !k.Persen.IsZero() && k.Jumlah != 0:
			c.add(jli("komponen", i, "jumlah"), "persen_and_jumlah", "Isi persen atau jumlah, tidak keduanya.", "Give persen or jumlah, not both.")
		case k.Jumlah != 0:
			c.rupiah(jli("komponen", i, "jumlah"), k.Jumlah, 1)
		default:
			c.persen(jli("komponen", i, "persen"), k.Persen, true)
		}
		c.ids(jli("komponen", i, "jabatan_id"), k.JabatanID)
		c.ids(jli("komponen", i, "unit_id"), k.UnitID)
	}
	c.persen(jl("bobot/produktivitas"), p.Bobot.Produktivitas, true)
	c.persen(jl("bobot/disiplin"), p.Bobot.Disiplin, true)
	if p.Bobot.Produktivitas.Ada() && p.Bobot.Disiplin.Ada() && p.Bobot.Produktivitas.n+p.Bobot.Disiplin.n != seratusN {
		c.add(jl("bobot"), "bobot_sum", "Bobot produktivitas dan disiplin harus berjumlah 100.",
			"The produktivitas and disiplin weights must add up to 100.")
	}
	p.Kinerja.validate(&c)
	p.Disiplin.validate(&c, p.Bobot.Disiplin)
	p.validateIzin(&c)
	p.Status.validate(&c)
	p.Hukdis.validate(&c)
	c.predikatList("predikat/potongan_bulanan", p.Predikat.PotonganBulanan, false)
	c.predikatList("predikat/tingkat_tahunan", p.Predikat.TingkatTahunan, false)
	c.enum(jl("netting_profesi"), string(p.Profesi), false, string(ProfesiNone), string(ProfesiSelisih))
	p.Pajak.validate(&c)
	p.BPJS.validate(&c)
	for i, d := range p.PotonganLain {
		if d.Kode == "" {
			c.wajib(jli("potongan_lain", i, "kode"))
		}
		for j := range i {
			if p.PotonganLain[j].Kode == d.Kode && d.Kode != "" {
				c.ganda(jli("potongan_lain", i, "kode"))
				break
			}
		}
		switch {
		case d.Persen.IsZero() == (d.Jumlah == 0):
			c.add(jli("potongan_lain", i, "persen"), "persen_or_jumlah", "Isi persen atau jumlah, salah satu.", "Give either persen or jumlah.")
		case d.Jumlah != 0:
			c.rupiah(jli("potongan_lain", i, "jumlah"), d.Jumlah, 1)
		default:
			c.persen(jli("potongan_lain", i, "persen"), d.Persen, true)
		}
	}
	c.enum(jl("pembulatan/mode"), string(p.Pembulatan.Mode), true, string(PembulatanHalfUp), string(PembulatanFloor))
	c.enum(jl("pembulatan/tahap"), string(p.Pembulatan.Tahap), true, string(TahapKomponen), string(TahapSetiapLangkah), string(TahapAkhir))
	return c.v.Err()
}

// Allowed values of the enums checked on every computation, built once.
var (
	namaKomponen          = enumStrings(semuaKomponen)
	namaIzin              = enumStrings(AllJenisIzin)
	namaStatusKepegawaian = enumStrings(semuaStatusKepegawaian)
	namaHukdis            = enumStrings(AllJenisHukuman)
)

func enumStrings[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

// ids checks a list of ids: not empty, not repeated.
func (c *cek) ids(j jalur, ids []string) {
	for i, id := range ids {
		if id == "" {
			c.add(jalur{a: j.String(), i: i}, "required", "Id tidak boleh kosong.", "An id must not be empty.")
		}
		for k := range i {
			if ids[k] == id {
				c.ganda(jalur{a: j.String(), i: i})
				break
			}
		}
	}
}

func (b BesaranTPP) validate(c *cek) {
	switch {
	case len(b.Tabel) == 0 && len(b.Tangga) == 0:
		c.add(jl("besaran"), "besaran_required", "Isi tabel besaran per kelas jabatan (tabel) atau tangga × faktor (tangga).",
			"Give the amounts per kelas jabatan as a table (tabel) or a ladder × factor (tangga).")
	case len(b.Tabel) > 0 && len(b.Tangga) > 0:
		c.add(jl("besaran/tangga"), "besaran_both", "Isi tabel atau tangga, tidak keduanya.", "Give tabel or tangga, not both.")
	}
	nama, list := "besaran/tabel", b.Tabel
	if len(b.Tangga) > 0 {
		nama, list = "besaran/tangga", b.Tangga
		c.desimal(jl("besaran/faktor"), b.Faktor, true, 1, seratusN)
	} else if !b.Faktor.IsZero() {
		c.tidakDipakai(jl("besaran/faktor"), "faktor hanya untuk tangga", "faktor applies only to tangga")
	}
	if len(list) > maxKelasJabatan {
		c.add(jl(nama), "too_many", "Paling banyak 17 kelas jabatan.", "At most 17 kelas jabatan.")
	}
	for i, k := range list {
		if k.Kelas != i+1 {
			c.add(jli(nama, i, "kelas"), "kelas_sequence",
				"Kelas jabatan harus urut 1, 2, 3, … tanpa celah: di sini diharapkan kelas "+itoa(i+1)+".",
				"Kelas jabatan must run 1, 2, 3, … without gaps: kelas "+itoa(i+1)+" is expected here.")
		}
		c.rupiah(jli(nama, i, "jumlah"), k.Jumlah, 1)
	}
	for i, j := range b.Jabatan {
		if j.JabatanID == "" {
			c.wajib(jli("besaran/jabatan", i, "jabatan_id"))
		}
		for k := range i {
			if b.Jabatan[k].JabatanID == j.JabatanID && j.JabatanID != "" {
				c.ganda(jli("besaran/jabatan", i, "jabatan_id"))
				break
			}
		}
		c.rupiah(jli("besaran/jabatan", i, "jumlah"), j.Jumlah, 0)
	}
}

func (k KinerjaTPP) validate(c *cek) {
	c.enum(jl("kinerja/model"), string(k.Model), true, string(KinerjaNone), string(KinerjaPredikat),
		string(KinerjaCapaian), string(KinerjaMenit), string(KinerjaPoin))
	if k.Model == KinerjaPredikat {
		c.predikatList("kinerja/predikat", k.Predikat, true)
	} else if len(k.Predikat) > 0 {
		c.tidakDipakai(jl("kinerja/predikat"), "hanya untuk model PREDIKAT", "only for model PREDIKAT")
	}
	if k.Model == KinerjaMenit {
		c.bulat(jl("kinerja/menit_per_hari"), k.MenitPerHari, 1, 1440)
	} else if k.MenitPerHari != 0 {
		c.tidakDipakai(jl("kinerja/menit_per_hari"), "hanya untuk model MENIT", "only for model MENIT")
	}
	if k.Model == KinerjaCapaian || k.Model == KinerjaPoin {
		c.desimal(jl("kinerja/batas_indikator"), k.BatasIndikator, false, desimalSkala, 1000*desimalSkala)
	} else if !k.BatasIndikator.IsZero() {
		c.tidakDipakai(jl("kinerja/batas_indikator"), "hanya untuk model CAPAIAN dan POIN", "only for models CAPAIAN and POIN")
	}
	if k.Model == KinerjaPoin {
		c.desimal(jl("kinerja/poin/pengali_skp"), k.Poin.PengaliSKP, true, 1, seratusN)
		c.desimal(jl("kinerja/poin/maks_perilaku"), k.Poin.MaksPerilaku, true, 1, seratusN)
		c.bulat(jl("kinerja/poin/skor_maks"), k.Poin.SkorMaks, 1, 100000)
		c.bulat(jl("kinerja/poin/ambang_bawah"), k.Poin.AmbangBawah, 0, max(0, k.Poin.AmbangAtas-1))
		c.bulat(jl("kinerja/poin/ambang_atas"), k.Poin.AmbangAtas, 1, max(1, k.Poin.SkorMaks))
	} else if k.Poin != (PoinTPP{}) {
		c.tidakDipakai(jl("kinerja/poin"), "hanya untuk model POIN", "only for model POIN")
	}
	c.persen(jl("kinerja/bobot_unit"), k.BobotUnit, false)
	c.desimal(jl("kinerja/batas_persen"), k.BatasPersen, false, 1, 2*seratusN)
	c.persen(jl("kinerja/persen_tanpa_data"), k.PersenTanpaData, false)
	c.desimal(jl("kinerja/ambang"), k.Ambang, false, 0, 2*seratusN)
	c.enum(jl("kinerja/ambang_berlaku"), string(k.AmbangBerlaku), false, string(AmbangProduktivitas), string(AmbangSeluruh))
	if k.AmbangBerlaku != "" && k.Ambang.IsZero() {
		c.tidakDipakai(jl("kinerja/ambang_berlaku"), "ambang belum diisi", "ambang is not set")
	}
}

// predikatList checks a predikat → % list: known predikat, each once, and all five
// when complete is required.
func (c *cek) predikatList(nama string, list []PersenPredikat, lengkap bool) {
	seen := 0
	for i, x := range list {
		idx := -1
		for k, p := range AllPredikat {
			if x.Predikat == p {
				idx = k
			}
		}
		switch {
		case idx < 0:
			c.enum(jli(nama, i, "predikat"), string(x.Predikat), true, enumStrings(AllPredikat)...)
		case seen&(1<<idx) != 0:
			c.ganda(jli(nama, i, "predikat"))
		}
		if idx >= 0 {
			seen |= 1 << idx
		}
		c.persen(jli(nama, i, "persen"), x.Persen, true)
	}
	if lengkap && seen != 1<<len(AllPredikat)-1 {
		var missing []string
		for k, p := range AllPredikat {
			if seen&(1<<k) == 0 {
				missing = append(missing, string(p))
			}
		}
		c.add(jl(nama), "predikat_incomplete", "Persentase belum diisi untuk: "+strings.Join(missing, ", ")+".",
			"No percentage given for: "+strings.Join(missing, ", ")+".")
	}
}

func (d DisiplinTPP) validate(c *cek, bobotDisiplin Desimal) {
	aturan := len(d.PitaTL) > 0 || len(d.PitaPSW) > 0 || !d.TKPersen.IsZero() || d.TKBeruntun != (HariPersen{}) ||
		d.TKAkumulasi != (HariPersen{}) || !d.HariKhususPersen.IsZero() || d.TanpaMasuk == TanpaRekamanPersen ||
		d.TanpaPulang == TanpaRekamanPersen
	c.enum(jl("disiplin/dasar"), string(d.Dasar), aturan, string(DasarTotal), string(DasarDisiplinPart))
	if d.Dasar == DasarDisiplinPart && bobotDisiplin.Ada() && bobotDisiplin.n == 0 {
		c.add(jl("disiplin/dasar"), "dasar_empty", "Bobot disiplin 0: potongan atas bagian disiplin tidak akan pernah berlaku; gunakan TOTAL.",
			"The disiplin weight is 0, so deductions on the disiplin share would never apply; use TOTAL.")
	}
	// the grading shared with the attendance recap: grace, band order and overlap,
	// codes, percentages and treatments of missing records
	if !c.cepat || !d.gradingSah() {
		g := d.AturanDisiplin()
		g.PitaTL, g.PitaPSW = c.pitaUntukCek("disiplin/pita_tl", d.PitaTL, g.PitaTL), c.pitaUntukCek("disiplin/pita_psw", d.PitaPSW, g.PitaPSW)
		g.TanpaMasuk, g.TanpaPulang = perlakuanCek(d.TanpaMasuk), perlakuanCek(d.TanpaPulang)
		c.v.Merge("disiplin", g.Validate())
	}
	c.celahPita("disiplin/pita_tl", d.PitaTL)
	c.celahPita("disiplin/pita_psw", d.PitaPSW)
	c.tanpaRekam("disiplin/tanpa_masuk_persen", d.TanpaMasuk, d.TanpaMasukPersen)
	c.tanpaRekam("disiplin/tanpa_pulang_persen", d.TanpaPulang, d.TanpaPulangPersen)
	c.persen(jl("disiplin/tk_persen"), d.TKPersen, false)
	c.hariPersen("disiplin/tk_beruntun", d.TKBeruntun)
	c.hariPersen("disiplin/tk_akumulasi", d.TKAkumulasi)
	c.persen(jl("disiplin/hari_khusus_persen"), d.HariKhususPersen, false)
	c.persen(jl("disiplin/batas_harian"), d.BatasHarian, false)
	c.persen(jl("disiplin/batas_bulanan"), d.BatasBulanan, false)
	if d.Proporsi.Berlaku != "" || len(d.Proporsi.Kecuali) > 0 {
		c.enum(jl("disiplin/proporsi_jhk/berlaku"), string(d.Proporsi.Berlaku), true, string(ProporsiDisiplin), string(ProporsiSeluruh))
		for i, s := range d.Proporsi.Kecuali {
			c.enum(jli("disiplin/proporsi_jhk/kecuali", i, ""), string(s), true, string(StatusHadir),
				string(StatusTanpaKeterangan), string(StatusIzin), string(StatusFleksibel))
			for k := range i {
				if d.Proporsi.Kecuali[k] == s {
					c.ganda(jli("disiplin/proporsi_jhk/kecuali", i, ""))
					break
				}
			}
		}
	}
}

// gradingSah is a quick scan that passes only a grading AturanDisiplin.Validate
// accepts: grace within a day, bands with unique codes, ascending above the grace
// without overlap, only the last one open, percentages 0–100, known treatments.
func (d DisiplinTPP) gradingSah() bool {
	pitaSah := func(tol int, ps []PitaTPP) bool {
		if tol < 0 || tol >= SehariDetik {
			return false
		}
		for i, p := range ps {
			if p.Kode == "" || p.DariDetik <= tol || (p.SampaiDetik >= 0 && p.SampaiDetik < p.DariDetik) ||
				p.Persen.r == nil || p.Persen.n < 0 || p.Persen.n > seratusN {
				return false
			}
			if i > 0 && (ps[i-1].SampaiDetik < 0 || p.DariDetik <= ps[i-1].SampaiDetik) {
				return false
			}
			for k := range i {
				if ps[k].Kode == p.Kode {
					return false
				}
			}
		}
		return true
	}
	perlakuanSah := func(p PerlakuanTanpaRekaman, pita int) bool {
		p = perlakuanCek(p)
		return p == TanpaRekamanAbaikan || p == TanpaRekamanTK || (p == TanpaRekamanPitaTerberat && pita > 0)
	}
	return pitaSah(d.ToleransiTLDetik, d.PitaTL) && pitaSah(d.ToleransiPSWDetik, d.PitaPSW) &&
		perlakuanSah(d.TanpaMasuk, len(d.PitaTL)) && perlakuanSah(d.TanpaPulang, len(d.PitaPSW))
}

// pitaUntukCek reports refused band percentages itself and hands the shared check
// a placeholder for them, so that one mistake is reported once.
func (c *cek) pitaUntukCek(nama string, ps []PitaTPP, g []Pita) []Pita {
	for i, p := range ps {
		if p.Persen.err != "" {
			id, en := alasanDesimal(p.Persen)
			c.add(jli(nama, i, "persen"), "desimal_invalid", id, en)
			g[i].Persen = new(big.Rat)
		}
	}
	return g
}

// perlakuanCek is the treatment as the shared check sees it: PERSEN is checked here.
func perlakuanCek(p PerlakuanTanpaRekaman) PerlakuanTanpaRekaman {
	if p == "" || p == TanpaRekamanPersen {
		return TanpaRekamanAbaikan
	}
	return p
}

// celahPita refuses a gap between consecutive bands: seconds in it would cost
// nothing while both less and more lateness cost something (the "61–90 then > 91"
// defect of some texts, domain.md §3.4).
func (c *cek) celahPita(nama string, ps []PitaTPP) {
	for i := 1; i < len(ps); i++ {
		prev := ps[i-1].SampaiDetik
		if prev >= 0 && ps[i].DariDetik > prev+1 && ps[i-1].DariDetik <= prev {
			c.add(jli(nama, i, "dari_detik"), "pita_gap",
				"Ada celah antara pita: pita ini harus mulai pada "+itoa(prev+1)+" detik.",
				"There is a gap between bands: this band must start at "+itoa(prev+1)+" s.")
		}
	}
}

func (c *cek) tanpaRekam(nama string, p PerlakuanTanpaRekaman, persen Desimal) {
	if p == TanpaRekamanPersen {
		c.persen(jl(nama), persen, true)
	} else if !persen.IsZero() {
		c.tidakDipakai(jl(nama), "hanya untuk perlakuan PERSEN", "only for treatment PERSEN")
	}
}

func (c *cek) hariPersen(nama string, h HariPersen) {
	if h == (HariPersen{}) {
		return
	}
	c.bulat(jl(nama+"/hari"), h.Hari, 1, 31)
	c.persen(jl(nama+"/persen"), h.Persen, true)
}

func (p ProfilTPP) validateIzin(c *cek) {
	for i, z := range p.Izin {
		c.enum(jli("izin", i, "jenis"), string(z.Jenis), true, namaIzin...)
		for k := range i {
			if p.Izin[k].Jenis == z.Jenis {
				c.ganda(jli("izin", i, "jenis"))
				break
			}
		}
		c.enum(jli("izin", i, "perlakuan"), string(z.Perlakuan), true, string(IzinDibayar), string(IzinPersenHari),
			string(IzinPersenBulan), string(IzinTidakDibayar))
		if z.Perlakuan == IzinPersenHari || z.Perlakuan == IzinPersenBulan {
			c.persen(jli("izin", i, "persen"), z.Persen, true)
		} else if !z.Persen.IsZero() {
			c.tidakDipakai(jli("izin", i, "persen"), "hanya untuk PERSEN_HARI dan PERSEN_BULAN", "only for PERSEN_HARI and PERSEN_BULAN")
		}
		c.bulat(jli("izin", i, "lebih_dari_hari"), z.LebihDariHari, 0, 31)
		c.bulat(jli("izin", i, "anak_ke_min"), z.AnakKeMin, 0, 20)
	}
}

func (s StatusTPP) validate(c *cek) {
	for i, f := range s.JenisASN {
		c.enum(jli("status/jenis_asn", i, "jenis_asn"), string(f.JenisASN), true, string(JenisPNS), string(JenisCPNS), string(JenisPPPK))
		for k := range i {
			if s.JenisASN[k].JenisASN == f.JenisASN {
				c.ganda(jli("status/jenis_asn", i, "jenis_asn"))
				break
			}
		}
		c.persen(jli("status/jenis_asn", i, "persen"), f.Persen, true)
	}
	for i, f := range s.Kepegawaian {
		c.enum(jli("status/kepegawaian", i, "status"), string(f.Status), true, namaStatusKepegawaian...)
		for k := range i {
			if s.Kepegawaian[k].Status == f.Status {
				c.ganda(jli("status/kepegawaian", i, "status"))
				break
			}
		}
		c.persen(jli("status/kepegawaian", i, "persen"), f.Persen, true)
	}
	c.persen(jl("status/plt_persen"), s.PltPersen, false)
}

var semuaStatusKepegawaian = []StatusKepegawaian{StatusAktif, StatusCLTN, StatusTugasBelajar, StatusDiberhentikanSementara,
	StatusMPP, StatusPensiun, StatusDiberhentikan, StatusMeninggal, StatusPindah}

func (h HukdisTPP) validate(c *cek) {
	for i, x := range h.Jenis {
		c.enum(jli("hukdis/jenis", i, "jenis"), string(x.Jenis), true, namaHukdis...)
		for k := range i {
			if h.Jenis[k].Jenis == x.Jenis {
				c.ganda(jli("hukdis/jenis", i, "jenis"))
				break
			}
		}
		c.persen(jli("hukdis/jenis", i, "persen"), x.Persen, true)
		c.bulat(jli("hukdis/jenis", i, "durasi_bulan"), x.DurasiBulan, 0, 120)
	}
	wajib := len(h.Jenis) > 0
	c.enum(jl("hukdis/mulai"), string(h.Mulai), wajib, string(HukdisMulaiBulanPenuh), string(HukdisMulaiBulanFinal), string(HukdisMulaiBulanBerikut))
	c.enum(jl("hukdis/gabung"), string(h.Gabung), wajib, string(HukdisMax), string(HukdisSum))
	c.enum(jl("hukdis/dasar"), string(h.Dasar), false, string(HukdisDasarBerjalan), string(HukdisDasarPagu))
}

var semuaRuang = []string{"I", "II", "III", "IV"}

func (p PajakTPP) validate(c *cek) {
	c.enum(jl("pajak/mode"), string(p.Mode), false, string(PajakNone), string(PajakFinalGolongan), string(PajakDitanggung))
	berpajak := p.Mode == PajakFinalGolongan || p.Mode == PajakDitanggung
	switch {
	case berpajak && len(p.Tarif) == 0:
		c.wajib(jl("pajak/tarif"))
	case !berpajak && (len(p.Tarif) > 0 || len(p.RuangPPPK) > 0):
		c.tidakDipakai(jl("pajak/mode"), "tarif memerlukan mode FINAL_GOLONGAN atau DITANGGUNG_APBD",
			"rates need mode FINAL_GOLONGAN or DITANGGUNG_APBD")
	}
	for i, t := range p.Tarif {
		c.enum(jli("pajak/tarif", i, "ruang"), t.Ruang, true, semuaRuang...)
		for k := range i {
			if p.Tarif[k].Ruang == t.Ruang {
				c.ganda(jli("pajak/tarif", i, "ruang"))
				break
			}
		}
		c.persen(jli("pajak/tarif", i, "persen"), t.Persen, true)
	}
	for i, r := range p.RuangPPPK {
		c.enum(jli("pajak/ruang_pppk", i, "golongan"), r.Golongan, true, golonganPPPK...)
		for k := range i {
			if p.RuangPPPK[k].Golongan == r.Golongan {
				c.ganda(jli("pajak/ruang_pppk", i, "golongan"))
				break
			}
		}
		c.enum(jli("pajak/ruang_pppk", i, "ruang"), r.Ruang, true, semuaRuang...)
	}
}

func (b BPJSTPP) validate(c *cek) {
	if b.IsZero() {
		return
	}
	c.persen(jl("bpjs/persen_pegawai"), b.PersenPegawai, true)
	c.persen(jl("bpjs/persen_pemda"), b.PersenPemda, true)
	c.enum(jl("bpjs/dasar"), string(b.Dasar), true, string(BPJSBruto), string(BPJSDalamBatas))
	if b.Dasar == BPJSDalamBatas && b.Batas == 0 {
		c.add(jl("bpjs/batas"), "required", "DALAM_BATAS memerlukan batas upah.", "DALAM_BATAS needs a wage cap.")
	} else if b.Batas != 0 {
		c.rupiah(jl("bpjs/batas"), b.Batas, 1)
	}
}

// IsZero reports an absent BPJS rule.
func (b BPJSTPP) IsZero() bool {
	return b.PersenPegawai.IsZero() && b.PersenPemda.IsZero() && b.Dasar == "" && b.Batas == 0
}
