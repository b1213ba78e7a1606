package domain

// Ready-made starting profiles. They are written as the same JSON an administrator
// would save, so they are read (and validated) exactly like any stored profile. The
// amounts are examples to be replaced by the pemda's own Perkada table; the rules
// carry the sources of domain.md.

// InfoPresetTPP describes a preset.
type InfoPresetTPP struct {
	Kode   string
	Uraian Text
}

// DaftarPresetTPP lists the presets in a fixed order.
func DaftarPresetTPP() []InfoPresetTPP {
	out := make([]InfoPresetTPP, len(presetTPP))
	for i, p := range presetTPP {
		out[i] = p.info
	}
	return out
}

// PresetTPP returns the preset profile with the given code, freshly read.
func PresetTPP(kode string) (ProfilTPP, bool) {
	for _, p := range presetTPP {
		if p.info.Kode == kode {
			prof, err := ParseProfilTPP([]byte(p.json))
			if err != nil {
				// the presets are constants checked by the tests
				panic("domain: preset TPP " + kode + " is invalid: " + err.Error())
			}
			return prof, true
		}
	}
	return ProfilTPP{}, false
}

var presetTPP = []struct {
	info InfoPresetTPP
	json string
}{
	{InfoPresetTPP{"KEPMENDAGRI_60_40", Text{
		ID: "TPP pemda pola Kepmendagri 900-4700/2020: 60% produktivitas menurut predikat, 40% disiplin dengan pita Permentan 68/2012, PPh final per golongan, BPJS 1%/4% dengan batas Rp 12 juta.",
		EN: "Regional TPP after Kepmendagri 900-4700/2020: 60% produktivitas by predikat, 40% disiplin with the Permentan 68/2012 bands, final tax by golongan, BPJS 1%/4% capped at Rp 12 million."}},
		`{
  "besaran": {"tabel": [` + tabelSeruyan2023 + `]},
  "komponen": [{"jenis": "BEBAN_KERJA", "persen": 100}],
  "bobot": {"produktivitas": 60, "disiplin": 40},
  "kinerja": {"model": "PREDIKAT", "predikat": [
    {"predikat": "SANGAT_BAIK", "persen": 100}, {"predikat": "BAIK", "persen": 100},
    {"predikat": "BUTUH_PERBAIKAN", "persen": 75}, {"predikat": "KURANG_MISCONDUCT", "persen": 50},
    {"predikat": "SANGAT_KURANG", "persen": 25}], "persen_tanpa_data": 0},
  "disiplin": {"dasar": "DISIPLIN_PART", ` + pitaPermentan + `,
    "tk_persen": 4, "batas_bulanan": 100},
  "izin": [
    {"jenis": "CUTI_BESAR", "perlakuan": "TIDAK_DIBAYAR", "lebih_dari_hari": 15},
    {"jenis": "CUTI_MELAHIRKAN", "perlakuan": "TIDAK_DIBAYAR", "anak_ke_min": 3},
    {"jenis": "CLTN", "perlakuan": "TIDAK_DIBAYAR"}],
  "status": ` + statusUmum + `,
  "hukdis": ` + hukdisPP94 + `,
  "pajak": {"mode": "FINAL_GOLONGAN", "tarif": [
    {"ruang": "I", "persen": 0}, {"ruang": "II", "persen": 0}, {"ruang": "III", "persen": 5}, {"ruang": "IV", "persen": 15}]},
  "bpjs": ` + bpjsPerpres75 + `,
  "pembulatan": {"mode": "HALF_UP", "tahap": "EACH_STEP"}
}`},
	{InfoPresetTPP{"MANADO_POIN", Text{
		ID: "Model poin Kota Manado: 60% produktivitas dari poin SKP (capaian × 0,3) dan poin BerAKHLAK (jumlah/700 × 30), 40% disiplin dengan potongan TL/PSW 1–3% dan TK 10% per hari atas bagian disiplin.",
		EN: "Kota Manado points model: 60% produktivitas from SKP points (achievement × 0.3) and BerAKHLAK points (sum/700 × 30), 40% disiplin with TL/PSW cuts of 1–3% and 10% a day absent on the disiplin share."}},
		`{
  "besaran": {"tabel": [` + tabelSeruyan2023 + `]},
  "bobot": {"produktivitas": 60, "disiplin": 40},
  "kinerja": {"model": "POIN", "batas_indikator": 100,
    "poin": {"pengali_skp": 0.3, "maks_perilaku": 30, "skor_maks": 700, "ambang_bawah": 209, "ambang_atas": 679}},
  "disiplin": {"dasar": "DISIPLIN_PART", "toleransi_tl_detik": 59,
    "pita_tl": [
      {"kode": "TMK1", "dari_detik": 60, "sampai_detik": 1859, "persen": 1},
      {"kode": "TMK2", "dari_detik": 1860, "sampai_detik": 3659, "persen": 2},
      {"kode": "TMK3", "dari_detik": 3660, "sampai_detik": -1, "persen": 3}],
    "pita_psw": [
      {"kode": "PKSW1", "dari_detik": 1, "sampai_detik": 1800, "persen": 1},
      {"kode": "PKSW2", "dari_detik": 1801, "sampai_detik": 3600, "persen": 2},
      {"kode": "PKSW3", "dari_detik": 3601, "sampai_detik": -1, "persen": 3}],
    "tanpa_masuk": "PITA_TERBERAT", "tanpa_pulang": "PITA_TERBERAT",
    "tk_persen": 10, "batas_bulanan": 100, "proporsi_jhk": {"berlaku": "DISIPLIN"}},
  "status": ` + statusUmum + `,
  "hukdis": ` + hukdisPP94 + `,
  "pajak": {"mode": "FINAL_GOLONGAN", "tarif": [
    {"ruang": "I", "persen": 0}, {"ruang": "II", "persen": 0}, {"ruang": "III", "persen": 5}, {"ruang": "IV", "persen": 15}]},
  "bpjs": ` + bpjsPerpres75 + `,
  "pembulatan": {"mode": "HALF_UP", "tahap": "EACH_STEP"}
}`},
	{InfoPresetTPP{"TUKIN_PUSAT", Text{
		ID: "Tunjangan kinerja pusat: tabel standar 2022 (Perpres 103/2022), potongan atas seluruh tukin dengan pita Permentan 68/2012, 4% per hari tidak masuk, potongan 25% hukuman disiplin PP 94/2021, hanya selisih di atas tunjangan profesi.",
		EN: "Central tunjangan kinerja: the 2022 standard ladder (Perpres 103/2022), cuts on the whole amount with the Permentan 68/2012 bands, 4% a day absent, the 25% cut of PP 94/2021 sanctions, only the excess over tunjangan profesi."}},
		`{
  "besaran": {"tabel": [` + tabelTukin2022 + `]},
  "bobot": {"produktivitas": 100, "disiplin": 0},
  "kinerja": {"model": "NONE"},
  "disiplin": {"dasar": "TOTAL", ` + pitaPermentan + `,
    "tk_persen": 4, "batas_bulanan": 100},
  "izin": [{"jenis": "CLTN", "perlakuan": "TIDAK_DIBAYAR"}],
  "status": ` + statusUmum + `,
  "hukdis": ` + hukdisPP94 + `,
  "predikat": {"potongan_bulanan": [{"predikat": "KURANG_MISCONDUCT", "persen": 1}, {"predikat": "SANGAT_KURANG", "persen": 2}]},
  "netting_profesi": "SELISIH",
  "bpjs": ` + bpjsPerpres75 + `,
  "pembulatan": {"mode": "HALF_UP", "tahap": "EACH_STEP"}
}`},
}

// Shared pieces of the presets.
const (
	// Kab. Seruyan basic TPP TA 2023, kelas 1–15 (domain.md §3.2).
	tabelSeruyan2023 = `{"kelas": 1, "jumlah": 894961}, {"kelas": 2, "jumlah": 1131487}, {"kelas": 3, "jumlah": 1368012},
    {"kelas": 4, "jumlah": 1655678}, {"kelas": 5, "jumlah": 2793557}, {"kelas": 6, "jumlah": 3349711},
    {"kelas": 7, "jumlah": 3854725}, {"kelas": 8, "jumlah": 4371943}, {"kelas": 9, "jumlah": 5439503},
    {"kelas": 10, "jumlah": 6253104}, {"kelas": 11, "jumlah": 7188745}, {"kelas": 12, "jumlah": 9298296},
    {"kelas": 13, "jumlah": 11628681}, {"kelas": 14, "jumlah": 12956594}, {"kelas": 15, "jumlah": 17019369}`

	// The standard tukin ladder since 2022 (BKN Perpres 103/2022; ATR/BPN Perpres
	// 6/2024), kelas 1–17 (domain.md §4.2).
	tabelTukin2022 = `{"kelas": 1, "jumlah": 2531250}, {"kelas": 2, "jumlah": 2708250}, {"kelas": 3, "jumlah": 2898000},
    {"kelas": 4, "jumlah": 2985000}, {"kelas": 5, "jumlah": 3134250}, {"kelas": 6, "jumlah": 3510400},
    {"kelas": 7, "jumlah": 3915950}, {"kelas": 8, "jumlah": 4595150}, {"kelas": 9, "jumlah": 5079200},
    {"kelas": 10, "jumlah": 5979200}, {"kelas": 11, "jumlah": 8757600}, {"kelas": 12, "jumlah": 9896000},
    {"kelas": 13, "jumlah": 10936000}, {"kelas": 14, "jumlah": 17064000}, {"kelas": 15, "jumlah": 19280000},
    {"kelas": 16, "jumlah": 27577500}, {"kelas": 17, "jumlah": 33240000}`

	// Permentan 68/2012 TL1–TL4 and PSW1–PSW4, read as whole minutes like
	// DefaultAturanDisiplin; a missing record is the worst band.
	pitaPermentan = `"toleransi_tl_detik": 59, "toleransi_psw_detik": 59,
    "pita_tl": [
      {"kode": "TL1", "dari_detik": 60, "sampai_detik": 1859, "persen": 0.5},
      {"kode": "TL2", "dari_detik": 1860, "sampai_detik": 3659, "persen": 1},
      {"kode": "TL3", "dari_detik": 3660, "sampai_detik": 5459, "persen": 1.5},
      {"kode": "TL4", "dari_detik": 5460, "sampai_detik": -1, "persen": 2}],
    "pita_psw": [
      {"kode": "PSW1", "dari_detik": 60, "sampai_detik": 1859, "persen": 0.5},
      {"kode": "PSW2", "dari_detik": 1860, "sampai_detik": 3659, "persen": 1},
      {"kode": "PSW3", "dari_detik": 3660, "sampai_detik": 5459, "persen": 1.5},
      {"kode": "PSW4", "dari_detik": 5460, "sampai_detik": -1, "persen": 2}],
    "tanpa_masuk": "PITA_TERBERAT", "tanpa_pulang": "PITA_TERBERAT"`

	// CPNS at 80% [K]; not paid while suspended, on CLTN, in pre-retirement leave or
	// on study assignment, nor after leaving service (domain.md §3.5, §4.1).
	statusUmum = `{"jenis_asn": [{"jenis_asn": "CPNS", "persen": 80}],
    "kepegawaian": [
      {"status": "CLTN", "persen": 0}, {"status": "DIBERHENTIKAN_SEMENTARA", "persen": 0}, {"status": "MPP", "persen": 0},
      {"status": "TUGAS_BELAJAR", "persen": 0}, {"status": "PENSIUN", "persen": 0}, {"status": "DIBERHENTIKAN", "persen": 0},
      {"status": "MENINGGAL", "persen": 0}, {"status": "PINDAH", "persen": 0}]}`

	// PP 94/2021: hukuman sedang cuts 25% for 6, 9 or 12 months, from the first full
	// month after the decision is final; the lighter and heavier sanctions cut nothing.
	hukdisPP94 = `{"jenis": [
      {"jenis": "POTONGAN_TUKIN_6", "persen": 25, "durasi_bulan": 6},
      {"jenis": "POTONGAN_TUKIN_9", "persen": 25, "durasi_bulan": 9},
      {"jenis": "POTONGAN_TUKIN_12", "persen": 25, "durasi_bulan": 12}],
    "mulai": "FIRST_FULL_MONTH_AFTER_FINAL", "gabung": "MAX"}`

	// Perpres 75/2019: 1% employee, 4% employer, wage cap Rp 12.000.000 [K].
	bpjsPerpres75 = `{"persen_pegawai": 1, "persen_pemda": 4, "dasar": "DALAM_BATAS", "batas": 12000000}`
)
