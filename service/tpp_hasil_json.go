package service

import (
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/kinerja-id/kinerja/domain"
)

// A stored result is the engine's result as JSON, compressed, and the run's sidik
// covers those bytes: they must stay exactly what json.Marshal writes. The encoder
// below writes the same bytes without reflection (a run encodes about 9 KB of trace
// per pegawai): the same field order and names, omitempty and omitzero, numbers,
// and string escaping (quotes, backslashes and control characters; <, > and & as
// HTML-safe escapes; U+2028 and U+2029; invalid UTF-8 as U+FFFD).
// TestHasilJSONSamaDenganMarshal holds it to json.Marshal on random results.

// appendHasilJSON appends h as json.Marshal(h) writes it.
func appendHasilJSON(b []byte, h *domain.HasilTPP) ([]byte, error) {
	b = appendJSONInt(b, `{"besaran":`, h.Besaran)
	b = append(b, `,"komponen":`...)
	if h.Komponen == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, k := range h.Komponen {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(append(b, `{"jenis":`...), string(k.Jenis))
			b = append(appendJSONInt(b, `,"jumlah":`, k.Jumlah), '}')
		}
		b = append(b, ']')
	}
	b = appendJSONInt(b, `,"pagu":`, h.Pagu)
	b = appendJSONString(append(b, `,"persen_kinerja":`...), h.PersenKinerja)
	b = appendJSONInt(b, `,"produktivitas":`, h.Produktivitas)
	b = appendJSONInt(b, `,"disiplin":`, h.Disiplin)
	b = appendJSONInt(b, `,"tambahan":`, h.Tambahan)
	b = appendJSONString(append(b, `,"persen_potongan_disiplin":`...), h.PersenPotonganDisiplin)
	b = appendJSONInt(b, `,"potongan_disiplin":`, h.PotonganDisiplin)
	b = appendJSONInt(b, `,"potongan":`, h.Potongan)
	b = appendJSONInt(b, `,"bruto":`, h.Bruto)
	b = appendJSONInt(b, `,"bpjs_pegawai":`, h.BPJSPegawai)
	b = appendJSONInt(b, `,"bpjs_pemda":`, h.BPJSPemda)
	b = appendJSONInt(b, `,"pph":`, h.PPh)
	b = strconv.AppendBool(append(b, `,"pph_ditanggung_pemda":`...), h.PPhDitanggungPemda)
	b = appendJSONInt(b, `,"potongan_lain":`, h.PotonganLain)
	b = appendJSONInt(b, `,"neto":`, h.Neto)
	b = append(b, `,"trace":`...)
	if h.Trace == nil {
		return append(b, "null}"...), nil
	}
	b = append(b, '[')
	for i := range h.Trace {
		if i > 0 {
			b = append(b, ',')
		}
		var err error
		if b, err = appendLangkahJSON(b, &h.Trace[i]); err != nil {
			return nil, err
		}
	}
	return append(b, "]}"...), nil
}

// appendLangkahJSON appends one step as json.Marshal writes it.
func appendLangkahJSON(b []byte, l *domain.Langkah) ([]byte, error) {
	b = appendJSONString(append(b, `{"kode":`...), l.Kode)
	if !l.Tanggal.IsZero() {
		var err error
		if b, err = appendJSONTime(append(b, `,"tanggal":`...), l.Tanggal); err != nil {
			return nil, err
		}
	}
	b = appendJSONOmitEmpty(b, `,"aturan":`, l.Aturan)
	b = appendJSONOmitEmpty(b, `,"persen":`, l.Persen)
	b = appendJSONOmitEmpty(b, `,"dasar":`, l.Dasar)
	b = appendJSONOmitEmpty(b, `,"jumlah":`, l.Jumlah)
	b = appendJSONString(append(b, `,"uraian":{"ID":`...), l.Uraian.ID)
	b = appendJSONString(append(b, `,"EN":`...), l.Uraian.EN)
	return append(b, "}}"...), nil
}

// appendJSONInt appends a key (with its separators) and an integer.
func appendJSONInt(b []byte, key string, n int64) []byte {
	return strconv.AppendInt(append(b, key...), n, 10)
}

// appendJSONOmitEmpty appends a key and a string unless the string is empty.
func appendJSONOmitEmpty(b []byte, key, s string) []byte {
	if s == "" {
		return b
	}
	return appendJSONString(append(b, key...), s)
}

// appendJSONTime appends t as Time.MarshalJSON writes it (RFC 3339 with nanoseconds),
// failing as it does for what RFC 3339 cannot write.
func appendJSONTime(b []byte, t time.Time) ([]byte, error) {
	n := len(b)
	b = t.AppendFormat(append(b, '"'), time.RFC3339Nano)
	// the checks of Time.MarshalJSON: a year of exactly four digits, a zone under 24 hours
	num2 := func(b []byte) byte { return 10*(b[0]-'0') + (b[1] - '0') }
	bad := b[n+1+len("9999")] != '-'
	if !bad && b[len(b)-1] != 'Z' {
		c := b[len(b)-len("Z07:00")]
		bad = ('0' <= c && c <= '9') || num2(b[len(b)-len("07:00"):]) >= 24
	}
	if bad {
		_, err := t.MarshalJSON()
		return b[:n], err
	}
	return append(b, '"'), nil
}

// jsonAman marks the ASCII bytes encoding/json writes as they are (HTML-safe set).
var jsonAman = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

const hexDigits = "0123456789abcdef"

// appendJSONString appends s quoted and escaped as encoding/json does with HTML
// escaping on.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonAman[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(append(b, s[start:i]...), `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(append(b, s[start:i]...), '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	return append(append(b, s[start:]...), '"')
}
