package domain

import (
	"fmt"
	"strings"
	"time"
)

// RingkasKan explains a pegawai's month of TPP in a few plain sentences, for the
// pegawai themself: what the month was worth, what performance and discipline did to
// it, what was withheld and what is transferred. lang is "id" or "en".
func RingkasKan(b BarisTPP, h HasilTPP, tahun int, bulan time.Month, lang string) []string {
	en := lang == "en"
	rp := FormatRupiah
	if en {
		rp = formatRupiahEN
	}
	pick := func(id, e string) string {
		if en {
			return e
		}
		return id
	}
	pct := func(p string) string {
		if en {
			return p
		}
		return strings.Replace(p, ".", ",", 1) // 8,5%
	}
	bln := fmt.Sprintf("%s %d", NamaBulan(bulan, lang), tahun)
	out := []string{fmt.Sprintf(pick("TPP Anda untuk %s paling banyak %s (kelas jabatan %d).",
		"Your TPP for %s is at most %s (job class %d)."), bln, rp(h.Pagu), b.KelasJabatan)}
	perf := pick("belum ada penilaian kinerja final", "no final performance rating yet")
	if b.Predikat != "" {
		perf = pick("predikat ", "rating ") + b.Predikat.Label()
	}
	out = append(out, fmt.Sprintf(pick("Bagian kinerja: %s (%s%%, %s).", "Performance share: %s (%s%%, %s)."),
		rp(h.Produktivitas), pct(h.PersenKinerja), perf))
	if h.PotonganDisiplin > 0 {
		out = append(out, fmt.Sprintf(pick("Bagian disiplin: %s, dipotong %s (%s%%) karena keterlambatan, pulang cepat atau ketidakhadiran dalam %d hari kerja.",
			"Discipline share: %s, less %s (%s%%) for lateness, leaving early or absence over %d working days."),
			rp(h.Disiplin), rp(h.PotonganDisiplin), pct(h.PersenPotonganDisiplin), b.JHK))
	} else {
		out = append(out, fmt.Sprintf(pick("Bagian disiplin: %s, tanpa potongan kehadiran dalam %d hari kerja.",
			"Discipline share: %s, with no attendance deduction over %d working days."), rp(h.Disiplin), b.JHK))
	}
	if lain := h.Potongan - h.PotonganDisiplin; lain > 0 {
		out = append(out, fmt.Sprintf(pick("Potongan lain sebelum pajak (hukuman disiplin, predikat, tunjangan profesi): %s.",
			"Other deductions before tax (sanctions, rating, professional allowance): %s."), rp(lain)))
	}
	out = append(out, fmt.Sprintf(pick("Penghasilan kotor %s; dikurangi PPh %s, iuran BPJS %s dan potongan lain %s.",
		"Gross %s; less income tax %s, BPJS contribution %s and other deductions %s."),
		rp(h.Bruto), rp(pphDipotong(h)), rp(h.BPJSPegawai), rp(h.PotonganLain)))
	out = append(out, fmt.Sprintf(pick("Diterima bersih: %s.", "Net pay: %s."), rp(h.Neto)))
	if b.SudahDibayar != 0 || b.Dibayar != h.Neto {
		out = append(out, fmt.Sprintf(pick("Sudah dibayar sebelumnya %s; selisih yang dibayar sekarang %s.",
			"Already paid %s; the difference paid now is %s."), rp(b.SudahDibayar), rp(b.Dibayar)))
	}
	return out
}

// pphDipotong is the tax actually withheld from the pegawai.
func pphDipotong(h HasilTPP) int64 {
	if h.PPhDitanggungPemda {
		return 0
	}
	return h.PPh
}

func formatRupiahEN(n int64) string { return string(appendRupiah(nil, n, ',')) }
