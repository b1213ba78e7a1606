package domain

import "time"

// Idempotensi is a claimed Idempotency-Key: the fingerprint of the request that
// claimed it and, once that request finished, its response (Status 0 while running).
type Idempotensi struct {
	Sidik       string
	Status      int
	ContentType string
	Isi         []byte
	CreatedAt   time.Time
}
