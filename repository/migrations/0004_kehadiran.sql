-- Attendance and discipline (issue: attendance): calendars, schedules, clock records,
-- machine mappings, absence documents and sanctions. Instants are UTC; dates are the
-- unit's local calendar dates.
CREATE TABLE hari_libur (
    instansi_id  uuid NOT NULL REFERENCES instansi (id),
    tanggal      date NOT NULL,
    jenis        text NOT NULL CHECK (jenis IN ('LIBUR_NASIONAL', 'CUTI_BERSAMA')),
    nama         text NOT NULL,
    PRIMARY KEY (instansi_id, tanggal)
);

CREATE TABLE jadwal (
    id           uuid PRIMARY KEY,
    instansi_id  uuid NOT NULL REFERENCES instansi (id),
    kode         text NOT NULL,
    nama         text NOT NULL,
    jenis        text NOT NULL CHECK (jenis IN ('PEKAN', 'SHIFT')),
    -- the week, shifts, holiday rule and date-range overrides, as one JSON document
    definisi     jsonb NOT NULL,
    version      integer NOT NULL DEFAULT 1,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    UNIQUE (instansi_id, kode)
);

CREATE TABLE jadwal_penugasan (
    id               uuid PRIMARY KEY,
    instansi_id      uuid NOT NULL REFERENCES instansi (id),
    jadwal_id        uuid NOT NULL REFERENCES jadwal (id),
    unit_kerja_id    uuid REFERENCES unit_kerja (id),
    pegawai_id       uuid REFERENCES pegawai (id),
    berlaku_mulai    date NOT NULL,
    berlaku_selesai  date,
    created_at       timestamptz NOT NULL,
    CHECK ((unit_kerja_id IS NULL) <> (pegawai_id IS NULL))
);
CREATE INDEX jadwal_penugasan_instansi ON jadwal_penugasan (instansi_id, berlaku_mulai);

CREATE TABLE roster_shift (
    instansi_id  uuid NOT NULL REFERENCES instansi (id),
    pegawai_id   uuid NOT NULL REFERENCES pegawai (id),
    tanggal      date NOT NULL,
    kode_shift   text NOT NULL,
    PRIMARY KEY (pegawai_id, tanggal)
);
CREATE INDEX roster_shift_instansi ON roster_shift (instansi_id, tanggal);

-- A month of a large instansi is millions of rows loaded at once: instansi_id carries
-- no foreign key of its own (every row's pegawai_id is checked, and the service writes
-- the pegawai's own instansi), which halves the cost of a bulk import.
CREATE TABLE kehadiran (
    id                 uuid PRIMARY KEY,
    instansi_id        uuid NOT NULL,
    pegawai_id         uuid NOT NULL REFERENCES pegawai (id),
    waktu              timestamptz NOT NULL,
    jenis              text CHECK (jenis IN ('MASUK', 'PULANG')),
    sumber             text NOT NULL CHECK (sumber IN ('MOBILE', 'MESIN', 'CSV', 'KOREKSI')),
    waktu_klien        timestamptz,
    lintang            double precision,
    bujur              double precision,
    perangkat_id       text,
    kunci_idempotensi  text,
    menggantikan_id    uuid REFERENCES kehadiran (id),
    alasan             text,
    dikoreksi          boolean NOT NULL DEFAULT FALSE,
    dicatat_oleh       text,
    created_at         timestamptz NOT NULL
);
-- one record per pegawai per second among those that count: a re-import adds nothing
CREATE UNIQUE INDEX kehadiran_unik ON kehadiran (pegawai_id, waktu) WHERE dikoreksi = FALSE;
CREATE UNIQUE INDEX kehadiran_idempotensi ON kehadiran (pegawai_id, kunci_idempotensi) WHERE kunci_idempotensi IS NOT NULL;
CREATE INDEX kehadiran_instansi_waktu ON kehadiran (instansi_id, waktu);

CREATE TABLE pemetaan_mesin (
    instansi_id  uuid NOT NULL REFERENCES instansi (id),
    mesin        text NOT NULL,
    user_id      text NOT NULL,
    pegawai_id   uuid NOT NULL REFERENCES pegawai (id),
    PRIMARY KEY (instansi_id, mesin, user_id)
);

CREATE TABLE izin (
    id           uuid PRIMARY KEY,
    instansi_id  uuid NOT NULL REFERENCES instansi (id),
    pegawai_id   uuid NOT NULL REFERENCES pegawai (id),
    jenis        text NOT NULL,
    mulai        date NOT NULL,
    selesai      date NOT NULL,
    anak_ke      integer,
    nomor_surat  text,
    keterangan   text,
    status       text NOT NULL CHECK (status IN ('DIAJUKAN', 'DISETUJUI', 'DITOLAK')),
    diputus_oleh text,
    diputus_at   timestamptz,
    catatan      text,
    dibuat_oleh  text NOT NULL,
    version      integer NOT NULL DEFAULT 1,
    created_at   timestamptz NOT NULL,
    CHECK (selesai >= mulai)
);
CREATE INDEX izin_pegawai ON izin (instansi_id, pegawai_id, mulai);

CREATE TABLE hukuman_disiplin (
    id                 uuid PRIMARY KEY,
    instansi_id        uuid NOT NULL REFERENCES instansi (id),
    pegawai_id         uuid NOT NULL REFERENCES pegawai (id),
    jenis              text NOT NULL,
    nomor_sk           text NOT NULL,
    tanggal_sk         date NOT NULL,
    tanggal_berlaku    date NOT NULL,
    durasi_bulan       integer NOT NULL CHECK (durasi_bulan >= 0),
    keterangan         text,
    dari_usulan_tahun  integer,
    created_at         timestamptz NOT NULL
);
CREATE INDEX hukuman_disiplin_pegawai ON hukuman_disiplin (instansi_id, pegawai_id);
