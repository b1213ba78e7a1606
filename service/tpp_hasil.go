package service

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/klauspost/compress/s2"

	"github.com/kinerja-id/kinerja/domain"
)

// A line's full result is stored as its JSON compressed with S2: the bilingual trace
// of a month is around 10 KB of very repetitive text, which S2 shrinks about five
// times in a few microseconds, so a 50,000-line run writes tens of megabytes instead
// of hundreds. S2's block encoding is deterministic, so equal results give equal
// bytes (and equal sidik).

// kemasan is one goroutine's scratch space for encoding results: the JSON and its
// compressed form, reused from line to line.
type kemasan struct{ json, s2 []byte }

var kemasanPool = sync.Pool{New: func() any { return new(kemasan) }}

// kemasHasil encodes an engine result for storage.
func kemasHasil(h *domain.HasilTPP) ([]byte, error) {
	k := kemasanPool.Get().(*kemasan)
	defer kemasanPool.Put(k)
	var err error
	if k.json, err = appendHasilJSON(k.json[:0], h); err != nil {
		return nil, fmt.Errorf("encode result: %w", err)
	}
	k.s2 = s2.Encode(k.s2[:0], k.json)
	return bytes.Clone(k.s2), nil
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
