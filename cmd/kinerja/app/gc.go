package app

import (
	"runtime/debug"
)

// A request allocates a few hundred kilobytes that die at once while the live heap of
// a serving process stays small (tens of MiB), so Go's default (collect when the heap
// doubles) spends over a tenth of the CPU collecting. Unless the operator chose with
// GOGC or GOMEMLIMIT, collect when the heap has grown fourfold, and harder as Go's
// memory nears a soft limit of 448 MiB. The limit is what keeps a payroll run of
// 50,000 pegawai (about 300 MiB live at its peak) within 512 MiB: at 300 % alone its
// heap reached 800 MiB. A larger instansi whose run lives above the limit makes the
// collector work harder (Go caps it at about half the CPU), never fails the run.
const (
	gcPersen  = 300
	gcBatasan = 448 << 20
)

// AturGC sets the garbage collector as `kinerja serve` runs it, unless GOGC or
// GOMEMLIMIT is set in getenv. The payroll benchmark runs under it too.
func AturGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(gcPersen)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(gcBatasan)
	}
}
