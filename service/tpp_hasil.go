package service

import (
	"bytes"
	_ "embed" // the dictionary of stored results
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"slices"
	"sync"

	"github.com/klauspost/compress/s2"

	"github.com/kinerja-id/kinerja/domain"
)

// A line's full result is stored as its JSON compressed with S2 against a
// dictionary built from typical results. A month's bilingual trace is around 8.5 KB
// of JSON whose keys and words recur in every line: with the dictionary it shrinks
// to about 1.5 KB in about 9 µs (2.4 KB without one; Zstandard with a dictionary
// gives 1.2 KB but takes three times the CPU, which a 50,000-line run on two cores
// cannot spare). With the table's toast_tuple_target raised (migration 0009), the
// whole line stays in its row: no TOAST tuple, no compression attempt by
// PostgreSQL. S2's block encoding is deterministic, so equal results give equal
// bytes (and equal sidik).
//
// Stored results stay readable forever. Each is a format byte and a block:
//   - 0x01: the CRC-32C of the JSON (4 bytes, little-endian), then S2 with
//     dictionary 1 (kamusHasil1): a damaged result is an error, never another
//     explanation of someone's pay;
//   - 0x80 and above: a plain S2 block (stored before dictionaries), whose first
//     byte is its decoded length as a uvarint, over 127 for any result.
//
// A dictionary, once used, never changes: a better one gets the next format byte.

// kamusHasil1 is dictionary 1, built by TestKamusHasilTPP from results of every
// preset. Frozen: stored results need it byte for byte.
//
//go:embed hasil_tpp_1.s2dict
var kamusHasil1 []byte

// formatKamus1 starts a result compressed with kamusHasil1.
const formatKamus1 = 0x01

// kepala is the length of a format 0x01 result's header: the format and the CRC.
const kepala = 5

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// maksHasil bounds a decoded result: the largest real one is a few tens of KB.
const maksHasil = 16 << 20

// kamus1 is kamusHasil1 ready for S2; an error means the embedded file is damaged
// (TestKamusHasilTPP).
var kamus1 = sync.OnceValues(func() (*s2.Dict, error) {
	if d := s2.NewDict(kamusHasil1); d != nil {
		return d, nil
	}
	return nil, errors.New("result dictionary 1 is damaged")
})

// kemasan is one goroutine's scratch space for encoding results, reused from line
// to line.
type kemasan struct{ json, z []byte }

var kemasanPool = sync.Pool{New: func() any { return new(kemasan) }}

// kemasHasil encodes an engine result for storage.
func kemasHasil(h *domain.HasilTPP) ([]byte, error) {
	d, err := kamus1()
	if err != nil {
		return nil, err
	}
	k := kemasanPool.Get().(*kemasan)
	defer kemasanPool.Put(k)
	if k.json, err = appendHasilJSON(k.json[:0], h); err != nil {
		return nil, fmt.Errorf("encode result: %w", err)
	}
	need := kepala + s2.MaxEncodedLen(len(k.json))
	if cap(k.z) < need {
		k.z = make([]byte, need)
	}
	k.z = k.z[:need]
	k.z[0] = formatKamus1
	binary.LittleEndian.PutUint32(k.z[1:kepala], crc32.Checksum(k.json, castagnoli))
	n := len(d.Encode(k.z[kepala:], k.json)) // in place: k.z[kepala:] is large enough
	return bytes.Clone(k.z[:kepala+n]), nil
}

// hasilJSON decompresses a stored result to its JSON.
func hasilJSON(stored []byte) ([]byte, error) {
	switch {
	case len(stored) > 0 && stored[0] >= 0x80: // plain S2, stored before dictionaries
		if err := ukuranWajar(stored); err != nil {
			return nil, err
		}
		return s2.Decode(nil, stored)
	case len(stored) > kepala && stored[0] == formatKamus1:
		block := stored[kepala:]
		if err := ukuranWajar(block); err != nil {
			return nil, err
		}
		d, err := kamus1()
		if err != nil {
			return nil, err
		}
		raw, err := d.Decode(nil, block)
		if err != nil {
			return nil, fmt.Errorf("result: %w", err)
		}
		if crc32.Checksum(raw, castagnoli) != binary.LittleEndian.Uint32(stored[1:kepala]) {
			return nil, errors.New("result damaged: checksum mismatch")
		}
		return raw, nil
	case len(stored) == 0:
		return nil, errors.New("empty result")
	}
	return nil, fmt.Errorf("unknown result format %#x", stored[0])
}

// ukuranWajar refuses an S2 block that claims to decode to more than maksHasil.
func ukuranWajar(block []byte) error {
	switch n, err := s2.DecodedLen(block); {
	case err != nil:
		return fmt.Errorf("result: %w", err)
	case n > maksHasil:
		return fmt.Errorf("result of %d bytes", n)
	}
	return nil
}

// hasilOf decodes a stored line's result.
func hasilOf(b domain.BarisTPP) (domain.HasilTPP, error) {
	var h domain.HasilTPP
	raw, err := hasilJSON(b.Hasil)
	if err != nil {
		return h, fmt.Errorf("result of %s: %w", b.NIP, err)
	}
	if err := json.Unmarshal(raw, &h); err != nil {
		return h, fmt.Errorf("result of %s: %w", b.NIP, err)
	}
	return h, nil
}

// hasilTerbacaMaks bounds the results a process keeps decoded (a decoded month is
// around 20 KB).
const hasilTerbacaMaks = 512

// hasilTerbaca keeps stored results decoded, keyed by their stored bytes. Decoding
// one (8.5 KB of JSON) was the largest single cost of a pegawai reading their month
// (docs/reliability.md section 6); a pegawai's app and the payroll officer's review
// read the same lines again and again. The key is the whole stored value, so a hit
// is the very result those bytes decode to: nothing to forget when a run is
// recomputed, its new lines are other bytes.
type hasilTerbaca struct{ terbatas[domain.HasilTPP] }

// baca returns the result stored in b, decoded.
func (c *hasilTerbaca) baca(b domain.BarisTPP) (domain.HasilTPP, error) {
	if h, ok := c.get(string(b.Hasil)); ok {
		return salinHasil(h), nil
	}
	h, err := hasilOf(b)
	if err == nil {
		c.put(string(b.Hasil), salinHasil(h), hasilTerbacaMaks)
	}
	return h, err
}

// salinHasil copies the slices of a result, so that what a caller does with its copy
// never reaches the cache.
func salinHasil(h domain.HasilTPP) domain.HasilTPP {
	h.Komponen, h.Trace = slices.Clone(h.Komponen), slices.Clone(h.Trace)
	return h
}
