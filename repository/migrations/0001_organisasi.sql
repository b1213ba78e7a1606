-- Organisation, people, accounts and the audit log (issue: foundation).
CREATE TABLE instansi (
    id          uuid PRIMARY KEY,
    nama        text NOT NULL,
    kode        text NOT NULL UNIQUE,
    jenis       text NOT NULL CHECK (jenis IN ('PROVINSI', 'KABUPATEN', 'KOTA')),
    zona_waktu  text NOT NULL,
    aktif       boolean NOT NULL DEFAULT TRUE,
    version     integer NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE unit_kerja (
    id                uuid PRIMARY KEY,
    instansi_id       uuid NOT NULL REFERENCES instansi (id),
    parent_id         uuid REFERENCES unit_kerja (id),
    -- materialised path of ids, "/root/child/.../self/": a subtree is a prefix match
    path              text NOT NULL,
    level             integer NOT NULL,
    kode              text NOT NULL,
    nama              text NOT NULL,
    jenis             text NOT NULL,
    zona_waktu        text,
    kepala_jabatan_id uuid,
    version           integer NOT NULL DEFAULT 1,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    UNIQUE (instansi_id, kode)
);
CREATE INDEX unit_kerja_parent ON unit_kerja (instansi_id, parent_id);
CREATE INDEX unit_kerja_path ON unit_kerja (instansi_id, path);

CREATE TABLE jabatan (
    id                uuid PRIMARY KEY,
    instansi_id       uuid NOT NULL REFERENCES instansi (id),
    unit_kerja_id     uuid NOT NULL REFERENCES unit_kerja (id),
    kode              text NOT NULL,
    nama              text NOT NULL,
    jenis             text NOT NULL,
    jenjang           text,
    kelas_jabatan     integer NOT NULL CHECK (kelas_jabatan BETWEEN 1 AND 17),
    atasan_jabatan_id uuid REFERENCES jabatan (id),
    kebutuhan         integer NOT NULL DEFAULT 1 CHECK (kebutuhan >= 1),
    version           integer NOT NULL DEFAULT 1,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    UNIQUE (instansi_id, kode)
);
CREATE INDEX jabatan_unit ON jabatan (instansi_id, unit_kerja_id);
CREATE INDEX jabatan_atasan ON jabatan (instansi_id, atasan_jabatan_id);

CREATE TABLE pegawai (
    id              uuid PRIMARY KEY,
    instansi_id     uuid NOT NULL REFERENCES instansi (id),
    nip             text NOT NULL,
    nama            text NOT NULL,
    gelar_depan     text NOT NULL DEFAULT '',
    gelar_belakang  text NOT NULL DEFAULT '',
    jenis_asn       text NOT NULL CHECK (jenis_asn IN ('PNS', 'CPNS', 'PPPK')),
    jenis_kelamin   text NOT NULL CHECK (jenis_kelamin IN ('L', 'P')),
    tanggal_lahir   date NOT NULL,
    tmt             date NOT NULL,
    email           text NOT NULL DEFAULT '',
    telepon         text NOT NULL DEFAULT '',
    bank_nama       text NOT NULL DEFAULT '',
    bank_nomor      text NOT NULL DEFAULT '',
    bank_atas_nama  text NOT NULL DEFAULT '',
    version         integer NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    UNIQUE (instansi_id, nip)
);
CREATE INDEX pegawai_nama ON pegawai (instansi_id, nama);

-- Effective-dated position, golongan and status: the row with the latest
-- berlaku_mulai on or before a date is the employee's state on that date.
CREATE TABLE riwayat_pegawai (
    id             uuid PRIMARY KEY,
    instansi_id    uuid NOT NULL REFERENCES instansi (id),
    pegawai_id     uuid NOT NULL REFERENCES pegawai (id),
    jenis          text NOT NULL,
    berlaku_mulai  date NOT NULL,
    jabatan_id     uuid NOT NULL REFERENCES jabatan (id),
    unit_kerja_id  uuid NOT NULL REFERENCES unit_kerja (id),
    golongan       text NOT NULL,
    status         text NOT NULL,
    nomor_sk       text NOT NULL DEFAULT '',
    keterangan     text NOT NULL DEFAULT '',
    created_at     timestamptz NOT NULL,
    UNIQUE (pegawai_id, berlaku_mulai)
);
CREATE INDEX riwayat_jabatan ON riwayat_pegawai (instansi_id, jabatan_id, berlaku_mulai);
CREATE INDEX riwayat_unit ON riwayat_pegawai (instansi_id, unit_kerja_id, berlaku_mulai);

-- Acting assignments: a Plt/Plh holds a position's authority (and rates its
-- subordinates) for a period without being its definitive holder.
CREATE TABLE plt (
    id               uuid PRIMARY KEY,
    instansi_id      uuid NOT NULL REFERENCES instansi (id),
    jabatan_id       uuid NOT NULL REFERENCES jabatan (id),
    pegawai_id       uuid NOT NULL REFERENCES pegawai (id),
    jenis            text NOT NULL CHECK (jenis IN ('PLT', 'PLH')),
    tanggal_mulai    date NOT NULL,
    tanggal_selesai  date,
    nomor_sk         text NOT NULL DEFAULT '',
    created_at       timestamptz NOT NULL
);
CREATE INDEX plt_jabatan ON plt (instansi_id, jabatan_id, tanggal_mulai);

CREATE TABLE pengguna (
    id                  uuid PRIMARY KEY,
    instansi_id         uuid REFERENCES instansi (id),
    username            text NOT NULL UNIQUE,
    pegawai_id          uuid REFERENCES pegawai (id),
    password_hash       text NOT NULL,
    roles               text NOT NULL,
    unit_kerja_id       uuid REFERENCES unit_kerja (id),
    nonaktif            boolean NOT NULL DEFAULT FALSE,
    last_login_at       timestamptz,
    version             integer NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);
CREATE UNIQUE INDEX pengguna_pegawai ON pengguna (pegawai_id);
CREATE INDEX pengguna_instansi ON pengguna (instansi_id);

-- Rotating refresh tokens, stored hashed; a family is one login's chain.
CREATE TABLE refresh_token (
    id           uuid PRIMARY KEY,
    pengguna_id  uuid NOT NULL REFERENCES pengguna (id),
    family_id    uuid NOT NULL,
    token_hash   text NOT NULL UNIQUE,
    expires_at   timestamptz NOT NULL,
    used_at      timestamptz,
    revoked_at   timestamptz,
    created_at   timestamptz NOT NULL
);
CREATE INDEX refresh_token_family ON refresh_token (family_id);
CREATE INDEX refresh_token_pengguna ON refresh_token (pengguna_id);

CREATE TABLE klien_api (
    id           uuid PRIMARY KEY,
    instansi_id  uuid NOT NULL REFERENCES instansi (id),
    nama         text NOT NULL,
    client_id    text NOT NULL UNIQUE,
    secret_hash  text NOT NULL,
    scopes       text NOT NULL,
    nonaktif     boolean NOT NULL DEFAULT FALSE,
    created_at   timestamptz NOT NULL
);
CREATE INDEX klien_api_instansi ON klien_api (instansi_id);

-- Append-only (see the per-engine trigger migrations).
CREATE TABLE audit_log (
    id           uuid PRIMARY KEY,
    instansi_id  uuid,
    aktor_id     text,
    aktor_nama   text NOT NULL,
    aksi         text NOT NULL,
    entitas      text NOT NULL,
    entitas_id   text NOT NULL,
    sebelum      jsonb,
    sesudah      jsonb,
    request_id   text NOT NULL DEFAULT '',
    waktu        timestamptz NOT NULL
);
CREATE INDEX audit_log_instansi_waktu ON audit_log (instansi_id, waktu);
CREATE INDEX audit_log_entitas ON audit_log (instansi_id, entitas, entitas_id);
