package service

import (
	"encoding/json"
	"fmt"

	"github.com/klauspost/compress/s2"

	"github.com/kinerja-id/kinerja/domain"
)

// A line's full result is stored as its JSON compressed with S2: the bilingual trace
// of a month is around 10 KB of very repetitive text, which S2 shrinks about five
// times in a few microseconds, so a 50,000-line run writes tens of megabytes instead
// of hundreds. S2's block encoding is deterministic, so equal results give equal
// bytes (and equal sidik).

// kemasHasil encodes an engine result for storage.
func kemasHasil(h domain.HasilTPP) ([]byte, error) {
	b, err := json.Marshal(h)
	if err != nil {
		return nil, fmt.Errorf("encode result: %w", err)
	}
	return s2.Encode(nil, b), nil
}

// hasilOf decodes a stored line's result.
func hasilOf(b domain.BarisTPP) (domain.HasilTPP, error) {
	var h domain.HasilTPP
	raw, err := s2.Decode(nil, b.Hasil)
	if err != nil {
		return h, fmt.Errorf("result of %s: %w", b.NIP, err)
	}
	if err := json.Unmarshal(raw, &h); err != nil {
		return h, fmt.Errorf("result of %s: %w", b.NIP, err)
	}
	return h, nil
}
