package service

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// TPPStore is the storage the TPP computation needs: everything the monthly
// attendance summary reads, plus evaluations, activity minutes, acting posts,
// payroll inputs, budgets and payroll runs.
type TPPStore interface {
	RekapStore
	tppFaktaStore
	InBulkTx(ctx context.Context, fn func(ctx context.Context) error) error
	GetAturanTPP(ctx context.Context, instansiID, id string) (domain.AturanTPP, error)
	TandaiAturanTPPDigunakan(ctx context.Context, instansiID, id string) error
	CreatePerhitunganTPP(ctx context.Context, p domain.PerhitunganTPP, idempotencyKey string) error
	GetPerhitunganTPP(ctx context.Context, instansiID, id string) (domain.PerhitunganTPP, error)
	PerhitunganTPPIdempotensi(ctx context.Context, instansiID, key string) (domain.PerhitunganTPP, error)
	ListPerhitunganTPP(ctx context.Context, f domain.PerhitunganTPPFilter) ([]domain.PerhitunganTPP, int64, error)
	UpdatePerhitunganTPP(ctx context.Context, p domain.PerhitunganTPP, expected int) error
	DeletePerhitunganTPP(ctx context.Context, instansiID, id string) error
	PerhitunganTPPBerjalan(ctx context.Context) ([]domain.PerhitunganTPP, error)
	PerhitunganTPPBulan(ctx context.Context, instansiID string, tahun int, bulan time.Month) ([]domain.PerhitunganTPP, error)
	LockPaguTPPTahun(ctx context.Context, instansiID string, tahun int) error
	HapusBarisTPP(ctx context.Context, instansiID, runID string) error
	TambahBarisTPP(ctx context.Context, lines []domain.BarisTPP) error
	SimpanPaguPerhitunganTPP(ctx context.Context, instansiID, runID string, pagu []domain.PemakaianPagu) error
	ListBarisTPP(ctx context.Context, f domain.BarisTPPFilter) ([]domain.BarisTPP, int64, error)
	GetBarisTPP(ctx context.Context, instansiID, runID, nip string) (domain.BarisTPP, error)
	BarisTPPPegawai(ctx context.Context, instansiID, pegawaiID string, tahun int, bulan time.Month) ([]domain.BarisPegawaiTPP, error)
}

// TPP computes TPP: simulations, payroll runs and the employee's view.
//
// Access: ADMIN_INSTANSI, KEUANGAN and AUDITOR the whole instansi; ADMIN_UNIT its
// subtree (simulation and reading runs); a pegawai their own month and their
// subordinates'.
type TPP struct {
	Base
	Store  TPPStore
	Rekap  *Rekap
	Aturan *AturanTPP
	Org    ReportingChain
	// Tunggu is how long starting or recomputing a run waits for it to finish before
	// answering that it is still computing (0: 5 seconds).
	Tunggu time.Duration

	jalan sync.Map // run id → *progres, for runs computing in this process
	hasil hasilTerbaca
}

// progres counts a computing run's lines.
type progres struct {
	selesai atomic.Int64
	total   atomic.Int64
	done    chan struct{}
}

// SimulasiInput is what to simulate: a profile (inline, a stored version, or the one
// in force for the month) and either given facts or a scope and month.
type SimulasiInput struct {
	Profil      *domain.ProfilTPP
	AturanID    string
	Fakta       []domain.FaktaTPP
	Tahun       int
	Bulan       time.Month
	UnitKerjaID string
	Rinci       bool
}

// SimulasiView is a simulation's result: one HasilTPP per given fact, or the total,
// the cost per budget unit and optionally the lines of a scope.
type SimulasiView struct {
	Aturan  *domain.AturanTPP // nil for an inline profile
	Tahun   int
	Bulan   time.Month
	Total   domain.RingkasanTPP
	Hasil   []domain.HasilTPP
	PerUnit []domain.PemakaianPagu
	Baris   []domain.BarisTPP
}
