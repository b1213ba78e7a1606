package main

import (
	"runtime/debug"
)

// A request allocates a few hundred kilobytes that die at once while the live heap of
// a serving process stays small (tens of MiB), so Go's default (collect when the heap
// doubles) spends over a tenth of the CPU collecting. Unless the operator chose with
// GOGC or GOMEMLIMIT, collect when the heap has grown fourfold, and harder as it nears
// a soft limit of 1 GiB: a payroll run of 50,000 pegawai (about 400 MiB live at its
// peak) then collects near the limit instead of at four times its live heap.
const (
	gcPersen  = 300
	gcBatasan = 1 << 30
)

func aturGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(gcPersen)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(gcBatasan)
	}
}
