-- Idempotency keys of creating requests (Idempotency-Key): the first request with a
-- key claims it (status NULL while it runs) and its response is kept, so that a retry
-- gets the same answer instead of a second record. cakupan is the caller (instansi and
-- account), so that keys of different callers never meet.
CREATE TABLE idempotensi (
    cakupan       text NOT NULL,
    kunci         text NOT NULL,
    sidik         text NOT NULL,
    status        integer,
    content_type  text NOT NULL DEFAULT '',
    isi           bytea,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (cakupan, kunci)
);
CREATE INDEX idempotensi_umur ON idempotensi (created_at);
