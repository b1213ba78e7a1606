// Package app is the composition root: it wires the repository, the services and
// the HTTP layer together. The binary and the API tests build the server through it,
// so that tests exercise exactly what runs in production.
package app

import (
	"context"
	"log/slog"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/kinerja-id/kinerja/api"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/service"
)

// Options configure the application.
type Options struct {
	Log     *slog.Logger
	Now     service.Clock
	Auth    service.AuthConfig
	HTTP    api.Config
	Version string
}

// App is a wired application.
type App struct {
	Echo     *echo.Echo
	DB       *repository.DB
	Handler  *api.Handler
	Registry *prometheus.Registry
}

// New wires everything on an open, migrated database.
func New(ctx context.Context, db *repository.DB, o Options) (*App, error) {
	if o.Now == nil {
		o.Now = time.Now
	}
	base := service.Base{Tx: db, Audit: db, Now: o.Now}
	auth, err := service.NewAuth(base, db, o.Auth)
	if err != nil {
		return nil, err
	}
	pegawai := &service.Pegawai{Base: base, Store: db}
	jadwal := &service.Jadwal{Base: base, Store: db, Org: pegawai}
	rekap := &service.Rekap{Base: base, Store: db, Jadwal: jadwal, Org: pegawai}
	aturan := &service.AturanTPP{Base: base, Store: db}
	pagu := &service.PaguTPP{Base: base, Store: db}
	tpp := &service.TPP{Base: base, Store: db, Rekap: rekap, Aturan: aturan, Org: pegawai}
	h := &api.Handler{
		Auth:       auth,
		Instansi:   &service.Instansi{Base: base, Store: db},
		UnitKerja:  &service.UnitKerja{Base: base, Store: db},
		Jabatan:    &service.Jabatan{Base: base, Store: db},
		Plt:        &service.Plt{Base: base, Store: db},
		Pegawai:    pegawai,
		Pengguna:   &service.Pengguna{Base: base, Store: db, Argon2: o.Auth.Argon2},
		KlienAPI:   &service.KlienAPI{Base: base, Store: db, Argon2: o.Auth.Argon2},
		Audit:      &service.Audit{Base: base, Store: db},
		Periode:    &service.PeriodeKinerja{Base: base, Store: db},
		SKP:        &service.SKP{Base: base, Store: db, Org: pegawai},
		Kegiatan:   &service.Kegiatan{Base: base, Store: db, Org: pegawai},
		Penilaian:  &service.Penilaian{Base: base, Store: db, Org: pegawai},
		UmpanBalik: &service.UmpanBalik{Base: base, Store: db, Org: pegawai},
		Keberatan:  &service.Keberatan{Base: base, Store: db},
		Jadwal:     jadwal,
		Kehadiran:  &service.Kehadiran{Base: base, Store: db, Org: pegawai},
		Izin:       &service.Izin{Base: base, Store: db, Org: pegawai},
		Hukuman:    &service.HukumanDisiplin{Base: base, Store: db, Org: pegawai},
		Fleksibel:  &service.KerjaFleksibel{Base: base, Store: db, Org: pegawai},
		Rekap:      rekap,
		AturanTPP:  aturan,
		PaguTPP:    pagu,
		MasukanTPP: &service.MasukanTPP{Base: base, Store: db},
		TPP:        tpp,
		Ready:      db.Ping,
		Version:    o.Version,
	}
	// payroll runs a stopped process left computing are computed again
	if err := tpp.Lanjutkan(context.WithoutCancel(ctx)); err != nil {
		return nil, err
	}
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	pools, err := db.Pools()
	if err != nil {
		return nil, err
	}
	for name, pool := range pools {
		reg.MustRegister(collectors.NewDBStatsCollector(pool, name)) // go_sql_*: waits, churn, by db_name
	}
	e, err := api.New(ctx, o.HTTP, api.Deps{Log: o.Log, Registry: reg, Handler: h, Auth: auth, Idempotensi: db})
	if err != nil {
		return nil, err
	}
	return &App{Echo: e, DB: db, Handler: h, Registry: reg}, nil
}
