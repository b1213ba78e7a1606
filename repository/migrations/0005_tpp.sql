-- TPP: versioned rule profiles, budgets, monthly payroll inputs, payroll runs and
-- their lines. Approved runs and their lines are locked by triggers (0006).

-- A rule profile version is in force from berlaku_mulai (the first of a month) until
-- the next version of the instansi starts.
CREATE TABLE aturan_tpp (
    id               uuid PRIMARY KEY,
    instansi_id      uuid NOT NULL REFERENCES instansi (id),
    versi            integer NOT NULL,
    nama             text NOT NULL,
    dasar_hukum      text NOT NULL DEFAULT '',
    keterangan       text NOT NULL DEFAULT '',
    berlaku_mulai    date NOT NULL,
    profil           jsonb NOT NULL,
    digunakan        boolean NOT NULL DEFAULT FALSE,
    idempotency_key  text,
    fingerprint      text NOT NULL DEFAULT '',
    version          integer NOT NULL DEFAULT 1,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    UNIQUE (instansi_id, versi),
    UNIQUE (instansi_id, berlaku_mulai)
);
CREATE UNIQUE INDEX aturan_tpp_idempotensi ON aturan_tpp (instansi_id, idempotency_key) WHERE idempotency_key IS NOT NULL;

-- The year's budget: the over-budget mode per instansi and year, the amount per unit.
CREATE TABLE pagu_tpp_tahun (
    instansi_id  uuid NOT NULL REFERENCES instansi (id),
    tahun        integer NOT NULL,
    mode         text NOT NULL CHECK (mode IN ('PERINGATAN', 'BLOKIR')),
    version      integer NOT NULL DEFAULT 1,
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (instansi_id, tahun)
);
CREATE TABLE pagu_tpp (
    instansi_id    uuid NOT NULL REFERENCES instansi (id),
    tahun          integer NOT NULL,
    unit_kerja_id  uuid NOT NULL REFERENCES unit_kerja (id),
    jumlah         bigint NOT NULL CHECK (jumlah >= 0),
    PRIMARY KEY (instansi_id, tahun, unit_kerja_id)
);

-- Payroll inputs of a month that come from the salary system.
CREATE TABLE masukan_tpp (
    instansi_id            uuid NOT NULL REFERENCES instansi (id),
    tahun                  integer NOT NULL,
    bulan                  integer NOT NULL CHECK (bulan BETWEEN 1 AND 12),
    pegawai_id             uuid NOT NULL REFERENCES pegawai (id),
    tunjangan_profesi      bigint NOT NULL DEFAULT 0 CHECK (tunjangan_profesi >= 0),
    penghasilan_lain_bpjs  bigint NOT NULL DEFAULT 0 CHECK (penghasilan_lain_bpjs >= 0),
    potongan_lain          jsonb NOT NULL,
    PRIMARY KEY (instansi_id, tahun, bulan, pegawai_id)
);

-- A payroll run. cakupan is the unit id or '' for the whole instansi, so that one run
-- exists per scope, month, kind and correction number.
CREATE TABLE perhitungan_tpp (
    id                   uuid PRIMARY KEY,
    instansi_id          uuid NOT NULL REFERENCES instansi (id),
    unit_kerja_id        uuid REFERENCES unit_kerja (id),
    cakupan              text NOT NULL,
    unit_path            text NOT NULL,
    unit_kerja_nama      text NOT NULL DEFAULT '',
    tahun                integer NOT NULL,
    bulan                integer NOT NULL CHECK (bulan BETWEEN 1 AND 12),
    jenis                text NOT NULL CHECK (jenis IN ('INDUK', 'KOREKSI', 'RAPEL')),
    asal_id              uuid REFERENCES perhitungan_tpp (id),
    urutan               integer NOT NULL DEFAULT 0,
    status               text NOT NULL CHECK (status IN ('PROSES', 'DIHITUNG', 'DISETUJUI', 'GAGAL')),
    aturan_tpp_id        uuid NOT NULL REFERENCES aturan_tpp (id),
    aturan_tpp_versi     integer NOT NULL,
    keterangan           text NOT NULL DEFAULT '',
    jumlah_pegawai       integer NOT NULL DEFAULT 0,
    ringkasan            jsonb NOT NULL,
    mode_pagu            text NOT NULL DEFAULT 'PERINGATAN',
    melebihi_pagu        boolean NOT NULL DEFAULT FALSE,
    sidik                text NOT NULL DEFAULT '',
    dibuat_oleh          text NOT NULL,
    disetujui_oleh       text,
    disetujui_pada       timestamptz,
    catatan_persetujuan  text NOT NULL DEFAULT '',
    pesan_gagal          text NOT NULL DEFAULT '',
    idempotency_key      text,
    version              integer NOT NULL DEFAULT 1,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    CHECK ((jenis = 'INDUK') = (asal_id IS NULL))
);
CREATE UNIQUE INDEX perhitungan_tpp_unik ON perhitungan_tpp (instansi_id, cakupan, tahun, bulan, jenis, urutan);
CREATE INDEX perhitungan_tpp_bulan ON perhitungan_tpp (instansi_id, tahun, bulan);
CREATE UNIQUE INDEX perhitungan_tpp_idempotensi ON perhitungan_tpp (instansi_id, idempotency_key) WHERE idempotency_key IS NOT NULL;

-- A run's cost per budget unit, kept with the run so that what approved runs used of
-- the year's pagu is one small sum.
CREATE TABLE perhitungan_tpp_pagu (
    perhitungan_tpp_id  uuid NOT NULL REFERENCES perhitungan_tpp (id) ON DELETE CASCADE,
    instansi_id         uuid NOT NULL,
    unit_kerja_id       uuid NOT NULL,
    biaya               bigint NOT NULL,
    PRIMARY KEY (perhitungan_tpp_id, unit_kerja_id)
);

-- One pegawai's line of a run: a snapshot of who they were that month, the amounts,
-- the anomalies and the engine's full result with its trace (hasil: JSON compressed
-- with S2 by the service, about a fifth of its size). The
-- pegawai is not a foreign key: the line is a record of what was paid.
CREATE TABLE perhitungan_tpp_baris (
    perhitungan_tpp_id        uuid NOT NULL REFERENCES perhitungan_tpp (id) ON DELETE CASCADE,
    instansi_id               uuid NOT NULL,
    pegawai_id                uuid NOT NULL,
    nip                       text NOT NULL,
    nama                      text NOT NULL,
    unit_kerja_id             uuid NOT NULL,
    unit_kerja_nama           text NOT NULL,
    unit_path                 text NOT NULL,
    pagu_unit_id              uuid,
    jabatan_nama              text NOT NULL,
    kelas_jabatan             integer NOT NULL,
    golongan                  text NOT NULL,
    jenis_asn                 text NOT NULL,
    status_kepegawaian        text NOT NULL,
    predikat                  text NOT NULL DEFAULT '',
    jhk                       integer NOT NULL,
    besaran                   bigint NOT NULL,
    pagu                      bigint NOT NULL,
    persen_kinerja            text NOT NULL,
    produktivitas             bigint NOT NULL,
    disiplin                  bigint NOT NULL,
    tambahan                  bigint NOT NULL,
    persen_potongan_disiplin  text NOT NULL,
    potongan                  bigint NOT NULL,
    bruto                     bigint NOT NULL CHECK (bruto >= 0),
    bpjs_pegawai              bigint NOT NULL,
    bpjs_pemda                bigint NOT NULL,
    pph                       bigint NOT NULL,
    pph_ditanggung            boolean NOT NULL,
    potongan_lain             bigint NOT NULL,
    neto                      bigint NOT NULL CHECK (neto >= 0),
    sudah_dibayar             bigint NOT NULL,
    dibayar                   bigint NOT NULL,
    biaya                     bigint NOT NULL,
    rekening_bank             text NOT NULL DEFAULT '',
    rekening_nomor            text NOT NULL DEFAULT '',
    rekening_nama             text NOT NULL DEFAULT '',
    anomali                   text NOT NULL DEFAULT '',
    hasil                     bytea NOT NULL,
    PRIMARY KEY (perhitungan_tpp_id, pegawai_id)
);
CREATE INDEX perhitungan_tpp_baris_pegawai ON perhitungan_tpp_baris (instansi_id, pegawai_id);
