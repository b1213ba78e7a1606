// Package jsonresp writes the JSON bodies of the API's responses. The generated
// handlers (api/apigen, through templates/strict-interface.tmpl) encode every JSON
// response with Encode and send it with Send: into a pooled buffer, then in one
// write with its Content-Length, instead of growing a new buffer per response and
// sending large bodies chunked.
package jsonresp

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"sync"
)

// keepMax is the largest buffer returned to the pool: a rare large export does not
// stay in memory for the small responses after it.
const keepMax = 256 << 10

var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Encode encodes v as encoding/json's Encoder does (a trailing newline, HTML
// escaped) into a buffer from the pool, which Send returns.
func Encode(v any) (*bytes.Buffer, error) {
	buf := buffers.Get().(*bytes.Buffer)
	buf.Reset()
	if err := json.NewEncoder(buf).Encode(v); err != nil {
		release(buf)
		return nil, err
	}
	return buf, nil
}

// Send writes status and buf, with its length, to w and returns buf to the pool. The
// caller has set the other headers.
func Send(w http.ResponseWriter, status int, buf *bytes.Buffer) error {
	defer release(buf)
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	_, err := w.Write(buf.Bytes())
	return err
}

func release(buf *bytes.Buffer) {
	if buf.Cap() <= keepMax {
		buffers.Put(buf)
	}
}
