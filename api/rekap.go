package api

import (
	"context"
	"time"

	"github.com/kinerja-id/kinerja/api/apigen"
	"github.com/kinerja-id/kinerja/api/jsondate"
	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/service"
)

func toAPIKejadian(ks []domain.Kejadian) []apigen.KejadianKehadiran {
	out := make([]apigen.KejadianKehadiran, len(ks))
	for i, k := range ks {
		tr := k.TanpaRekaman
		out[i] = apigen.KejadianKehadiran{Tanggal: dateOf(k.Tanggal), Detik: k.Detik, Menit: k.Menit, Pita: k.Kode, TanpaRekaman: &tr}
	}
	return out
}

func toAPIFaktaHari(h domain.FaktaHari) apigen.FaktaHari {
	libur, izin := string(h.Libur), string(h.Izin)
	tl, psw, tm, tp, kh := h.TerlambatDetik, h.PulangCepatDetik, h.TanpaMasuk, h.TanpaPulang, h.Khusus
	return apigen.FaktaHari{Tanggal: dateOf(h.Tanggal), Kerja: h.Kerja, Libur: &libur, Status: apigen.FaktaHariStatus(h.Status),
		Izin: &izin, TerlambatDetik: &tl, PulangCepatDetik: &psw, TanpaMasuk: &tm, TanpaPulang: &tp, Khusus: &kh}
}

func toAPIRekap(v service.RekapView, tahun int, bulan time.Month) apigen.RekapKehadiran {
	r := v.Rekap
	out := apigen.RekapKehadiran{Nip: v.Pegawai.NIP, Nama: v.Pegawai.NamaLengkap(), UnitKerjaNama: v.Pegawai.UnitKerjaNama,
		Tahun: tahun, Bulan: int(bulan), Jhk: r.JHK, Hadir: r.Hadir, Fleksibel: r.Fleksibel, TanpaKeterangan: r.TK,
		Izin: map[string]int{}, Khusus: r.Khusus, TanpaMasuk: r.TanpaMasuk, TanpaPulang: r.TanpaPulang,
		Terlambat: toAPIKejadian(r.Terlambat), PulangCepat: toAPIKejadian(r.PulangCepat),
		TotalTerlambatDetik: r.TotalTerlambatDetik, TotalPulangCepatDetik: r.TotalPulangCepatDetik,
		TkBeruntunTerpanjang: r.TKBeruntunTerpanjang}
	for k, n := range r.Izin {
		out.Izin[string(k)] = n
	}
	tk := make([]jsondate.Date, len(r.TanggalTK))
	for i, d := range r.TanggalTK {
		tk[i] = dateOf(d)
	}
	out.TanggalTanpaKeterangan = &tk
	if v.Hari != nil {
		hs := make([]apigen.FaktaHari, len(v.Hari))
		for i, h := range v.Hari {
			hs[i] = toAPIFaktaHari(h)
		}
		out.Hari = &hs
	}
	return out
}

func (h *Handler) GetRekapKehadiran(ctx context.Context, r apigen.GetRekapKehadiranRequestObject) (apigen.GetRekapKehadiranResponseObject, error) {
	p := r.Params
	pg := service.NewPage(p.Page, p.PageSize)
	q := service.RekapQuery{Tahun: p.Tahun, Bulan: time.Month(p.Bulan), NIP: strOr(p.Nip), Rinci: p.Rinci != nil && *p.Rinci}
	if p.UnitKerjaId != nil {
		q.UnitKerjaID = p.UnitKerjaId.String()
	}
	items, total, err := h.Rekap.Bulanan(ctx, q, pg)
	if err != nil {
		return nil, err
	}
	out := apigen.RekapKehadiranPage{Items: make([]apigen.RekapKehadiran, len(items))}
	out.Page, out.PageSize, out.Total = pageMeta(pg, total)
	for i, v := range items {
		out.Items[i] = toAPIRekap(v, q.Tahun, q.Bulan)
	}
	return apigen.GetRekapKehadiran200JSONResponse(out), nil
}

func (h *Handler) ListUsulanHukuman(ctx context.Context, r apigen.ListUsulanHukumanRequestObject) (apigen.ListUsulanHukumanResponseObject, error) {
	unit := ""
	if r.Params.UnitKerjaId != nil {
		unit = r.Params.UnitKerjaId.String()
	}
	us, err := h.Rekap.Usulan(ctx, r.Params.Tahun, unit)
	if err != nil {
		return nil, err
	}
	out := apigen.ListUsulanHukuman200JSONResponse{Items: make([]apigen.UsulanHukuman, len(us))}
	for i, u := range us {
		out.Items[i] = apigen.UsulanHukuman{Nip: u.Pegawai.NIP, Nama: u.Pegawai.NamaLengkap(), UnitKerjaNama: u.Pegawai.UnitKerjaNama,
			Tahun: u.Tahun, HariTanpaKeterangan: u.HariTanpaKeterangan, BeruntunTerpanjang: u.BeruntunTerpanjang,
			Jenis: apigen.JenisHukuman(u.Jenis)}
	}
	return out, nil
}
