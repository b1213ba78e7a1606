package api

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/service"
)

// IdempotensiStore keeps Idempotency-Key claims and the responses they gave.
type IdempotensiStore interface {
	KlaimIdempotensi(ctx context.Context, cakupan, kunci, sidik string, now time.Time) (domain.Idempotensi, bool, error)
	SelesaiIdempotensi(ctx context.Context, cakupan, kunci string, status int, contentType string, isi []byte) error
	LepasIdempotensi(ctx context.Context, cakupan, kunci string) error
}

// idempotenSendiri are the creating operations whose service keeps its own key (with
// the record it protects, in one transaction): the middleware leaves them alone.
var idempotenSendiri = map[string]bool{"/api/v1/kehadiran": true, "/api/v1/aturan-tpp": true, "/api/v1/perhitungan-tpp": true}

// idempotensi makes every authenticated POST that carries an Idempotency-Key
// (draft-ietf-httpapi-idempotency-key-header) answer a retry with the first answer:
// the first request claims the key for its caller; a retry with the same method, path
// and body gets the stored response (header Idempotent-Replayed: true); the same key
// with another request is 422; a retry while the first still runs is 409. A server
// error releases the key, since its transaction was rolled back. It runs after the
// request was validated and authenticated: refused requests claim nothing.
func idempotensi(store IdempotensiStore) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			req := c.Request()
			kunci := strings.TrimSpace(req.Header.Get("Idempotency-Key"))
			a, ok := service.ActorFrom(req.Context())
			if store == nil || req.Method != http.MethodPost || kunci == "" || !ok ||
				strings.HasPrefix(req.URL.Path, "/api/v1/auth/") || idempotenSendiri[req.URL.Path] {
				return next(c)
			}
			if len(kunci) > 255 {
				return domain.Invalid("Idempotency-Key", "max_length", "Idempotency-Key paling panjang 255 karakter.",
					"Idempotency-Key is at most 255 characters.")
			}
			var body []byte
			if req.GetBody != nil {
				if rc, err := req.GetBody(); err == nil {
					var buf bytes.Buffer
					_, _ = buf.ReadFrom(rc)
					body = buf.Bytes()
				}
			}
			h := sha256.New()
			h.Write([]byte(req.Method + " " + req.URL.RequestURI() + " " + req.Header.Get("X-Instansi-ID") + "\n"))
			h.Write(body)
			sidik := hex.EncodeToString(h.Sum(nil))
			cakupan := a.InstansiID + "/" + a.PenggunaID + a.ClientID
			ctx := req.Context()
			lama, milik, err := store.KlaimIdempotensi(ctx, cakupan, kunci, sidik, time.Now())
			if err != nil {
				return err
			}
			if !milik {
				switch {
				case lama.Sidik != sidik:
					return domain.Unprocessable("idempotency_mismatch",
						"Idempotency-Key ini sudah dipakai untuk permintaan lain.",
						"This Idempotency-Key was already used for another request.")
				case lama.Status == 0:
					return domain.Conflict("idempotency_in_progress",
						"Permintaan dengan Idempotency-Key ini masih diproses; coba lagi sebentar.",
						"A request with this Idempotency-Key is still being processed; retry shortly.")
				}
				c.Response().Header().Set("Idempotent-Replayed", "true")
				if lama.ContentType != "" {
					c.Response().Header().Set(echo.HeaderContentType, lama.ContentType)
				}
				c.Response().WriteHeader(lama.Status)
				_, err := c.Response().Write(lama.Isi)
				return err
			}
			rec := &perekam{ResponseWriter: c.Response().Writer}
			c.Response().Writer = rec
			err = next(c)
			if err != nil {
				c.Error(err) // render the problem now, so that it is recorded too
			}
			status := c.Response().Status
			// a detached context: the key must be settled even if the client went away
			sctx := context.WithoutCancel(ctx)
			if status >= 500 || status == 0 {
				_ = store.LepasIdempotensi(sctx, cakupan, kunci)
				return nil
			}
			if serr := store.SelesaiIdempotensi(sctx, cakupan, kunci, status, c.Response().Header().Get(echo.HeaderContentType), rec.buf.Bytes()); serr != nil {
				_ = store.LepasIdempotensi(sctx, cakupan, kunci)
			}
			return nil
		}
	}
}

// perekam copies a response's body as it is written.
type perekam struct {
	http.ResponseWriter
	buf bytes.Buffer
}

func (p *perekam) Write(b []byte) (int, error) {
	p.buf.Write(b)
	return p.ResponseWriter.Write(b)
}
