package domain_test

import (
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// TestZona: a zone loads once and then comes from memory; an unknown name is an
// error every time, never remembered as a zone.
func TestZona(t *testing.T) {
	a, err := domain.Zona("Asia/Makassar")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := domain.Zona("Asia/Makassar")
	if a != b {
		t.Fatal("the zone was loaded again")
	}
	if got := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).In(a).Hour(); got != 8 {
		t.Fatalf("WITA is UTC+8, got hour %d", got)
	}
	for range 2 {
		if _, err := domain.Zona("Asia/Atlantis"); err == nil {
			t.Fatal("an unknown zone loaded")
		}
	}
}
