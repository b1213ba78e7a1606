-- Authorised flexible work arrangements (PermenPANRB 4/2025) per pegawai and date
-- range: WFA, flexible start (a window and a duration, in seconds since local midnight)
-- or a dynamic schedule. Classification of attendance reads them (domain.Fleksibel).
CREATE TABLE kerja_fleksibel (
    id            uuid PRIMARY KEY,
    instansi_id   uuid NOT NULL REFERENCES instansi (id),
    pegawai_id    uuid NOT NULL REFERENCES pegawai (id),
    jenis         text NOT NULL CHECK (jenis IN ('WFA', 'FLEKSIBEL_WAKTU', 'DINAMIS')),
    mulai         date NOT NULL,
    selesai       date NOT NULL,
    awal_masuk    integer,
    akhir_masuk   integer,
    durasi_detik  integer,
    nomor_sk      text NOT NULL DEFAULT '',
    keterangan    text NOT NULL DEFAULT '',
    dibuat_oleh   text NOT NULL,
    created_at    timestamptz NOT NULL,
    CHECK (selesai >= mulai)
);
CREATE INDEX kerja_fleksibel_pegawai ON kerja_fleksibel (instansi_id, pegawai_id, mulai);
