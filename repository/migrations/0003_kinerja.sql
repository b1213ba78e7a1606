-- Performance management: SKP, activity logs, evaluations, feedback and objections
-- (issue: performance management). Decimal quantities (targets, realisasi) are stored
-- as exact decimal text so that both engines keep them digit for digit.
CREATE TABLE periode_kinerja (
    instansi_id               uuid NOT NULL REFERENCES instansi (id),
    tahun                     integer NOT NULL,
    frekuensi                 text NOT NULL CHECK (frekuensi IN ('BULANAN', 'TRIWULAN')),
    batas_keberatan_hari      integer NOT NULL CHECK (batas_keberatan_hari BETWEEN 1 AND 90),
    mode_distribusi           text NOT NULL CHECK (mode_distribusi IN ('PERINGATAN', 'BLOKIR')),
    capaian_maks              integer NOT NULL CHECK (capaian_maks BETWEEN 100 AND 200),
    hasil_pimpinan_ikut_unit  boolean NOT NULL,
    version                   integer NOT NULL DEFAULT 1,
    created_at                timestamptz NOT NULL,
    updated_at                timestamptz NOT NULL,
    PRIMARY KEY (instansi_id, tahun)
);

CREATE TABLE skp (
    id                   uuid PRIMARY KEY,
    instansi_id          uuid NOT NULL REFERENCES instansi (id),
    pegawai_id           uuid NOT NULL REFERENCES pegawai (id),
    tahun                integer NOT NULL,
    periode_mulai        date NOT NULL,
    periode_selesai      date NOT NULL,
    jabatan_id           uuid NOT NULL REFERENCES jabatan (id),
    unit_kerja_id        uuid NOT NULL REFERENCES unit_kerja (id),
    penilai_id           uuid REFERENCES pegawai (id),
    atasan_penilai_id    uuid REFERENCES pegawai (id),
    pendekatan           text NOT NULL CHECK (pendekatan IN ('KUANTITATIF', 'KUALITATIF')),
    status               text NOT NULL CHECK (status IN ('DRAFT', 'DIAJUKAN', 'DISETUJUI', 'DIKEMBALIKAN')),
    revisi               integer NOT NULL DEFAULT 1,
    alasan_pengembalian  text,
    diajukan_at          timestamptz,
    disetujui_at         timestamptz,
    version              integer NOT NULL DEFAULT 1,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    CHECK (periode_selesai >= periode_mulai),
    UNIQUE (pegawai_id, periode_mulai)
);
CREATE INDEX skp_instansi_tahun ON skp (instansi_id, tahun);
CREATE INDEX skp_penilai ON skp (instansi_id, penilai_id);

CREATE TABLE rhk (
    id             uuid PRIMARY KEY,
    instansi_id    uuid NOT NULL REFERENCES instansi (id),
    skp_id         uuid NOT NULL REFERENCES skp (id) ON DELETE CASCADE,
    jenis          text NOT NULL CHECK (jenis IN ('UTAMA', 'TAMBAHAN')),
    uraian         text NOT NULL,
    -- the rater's RHK this one intervenes (the cascade); a referenced RHK cannot be removed
    rhk_atasan_id  uuid REFERENCES rhk (id),
    urutan         integer NOT NULL
);
CREATE INDEX rhk_skp ON rhk (skp_id);
CREATE INDEX rhk_atasan ON rhk (rhk_atasan_id);

CREATE TABLE iki (
    id           uuid PRIMARY KEY,
    instansi_id  uuid NOT NULL REFERENCES instansi (id),
    rhk_id       uuid NOT NULL REFERENCES rhk (id) ON DELETE CASCADE,
    aspek        text NOT NULL CHECK (aspek IN ('KUANTITAS', 'KUALITAS', 'WAKTU', 'BIAYA')),
    uraian       text NOT NULL,
    target       text NOT NULL,
    satuan       text NOT NULL,
    polaritas    text NOT NULL CHECK (polaritas IN ('LEBIH_TINGGI', 'LEBIH_RENDAH')),
    urutan       integer NOT NULL
);
CREATE INDEX iki_rhk ON iki (rhk_id);

CREATE TABLE skp_ekspektasi (
    skp_id      uuid NOT NULL REFERENCES skp (id) ON DELETE CASCADE,
    nilai       text NOT NULL,
    ekspektasi  text NOT NULL,
    PRIMARY KEY (skp_id, nilai)
);

-- each approved revision as approved, so that the history stays readable
CREATE TABLE skp_revisi (
    skp_id         uuid NOT NULL REFERENCES skp (id) ON DELETE CASCADE,
    revisi         integer NOT NULL,
    isi            jsonb NOT NULL,
    disetujui_at   timestamptz NOT NULL,
    disetujui_nip  text NOT NULL,
    disetujui_nama text NOT NULL,
    PRIMARY KEY (skp_id, revisi)
);

CREATE TABLE kegiatan (
    id            uuid PRIMARY KEY,
    instansi_id   uuid NOT NULL REFERENCES instansi (id),
    pegawai_id    uuid NOT NULL REFERENCES pegawai (id),
    rhk_id        uuid NOT NULL REFERENCES rhk (id),
    tanggal       date NOT NULL,
    jam_mulai     text,
    jam_selesai   text,
    menit         integer NOT NULL CHECK (menit BETWEEN 1 AND 1440),
    uraian        text NOT NULL,
    bukti         jsonb NOT NULL,
    status        text NOT NULL CHECK (status IN ('DIAJUKAN', 'DITERIMA', 'DITOLAK')),
    catatan       text,
    dinilai_oleh  uuid REFERENCES pegawai (id),
    dinilai_at    timestamptz,
    version       integer NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);
CREATE INDEX kegiatan_pegawai_tanggal ON kegiatan (instansi_id, pegawai_id, tanggal);
CREATE INDEX kegiatan_rhk ON kegiatan (rhk_id);

CREATE TABLE penilaian (
    id                 uuid PRIMARY KEY,
    instansi_id        uuid NOT NULL REFERENCES instansi (id),
    skp_id             uuid NOT NULL REFERENCES skp (id),
    pegawai_id         uuid NOT NULL REFERENCES pegawai (id),
    unit_kerja_id      uuid NOT NULL REFERENCES unit_kerja (id),
    penilai_id         uuid NOT NULL REFERENCES pegawai (id),
    atasan_penilai_id  uuid REFERENCES pegawai (id),
    tahun              integer NOT NULL,
    jenis              text NOT NULL CHECK (jenis IN ('PERIODIK', 'TAHUNAN')),
    periode            integer NOT NULL,
    tanggal_mulai      date NOT NULL,
    tanggal_selesai    date NOT NULL,
    status             text NOT NULL CHECK (status IN ('DRAFT', 'FINAL', 'KEBERATAN', 'DIPUTUS')),
    rating_hasil       text,
    rating_perilaku    text,
    hasil_dari_unit    boolean NOT NULL DEFAULT FALSE,
    nilai_perilaku     jsonb,
    umpan_balik        text,
    predikat           text,
    predikat_awal      text,
    difinalkan_at      timestamptz,
    version            integer NOT NULL DEFAULT 1,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    UNIQUE (skp_id, jenis, periode)
);
CREATE INDEX penilaian_periode ON penilaian (instansi_id, tahun, jenis, periode);
CREATE INDEX penilaian_pegawai ON penilaian (instansi_id, pegawai_id);

CREATE TABLE penilaian_realisasi (
    penilaian_id  uuid NOT NULL REFERENCES penilaian (id) ON DELETE CASCADE,
    iki_id        uuid NOT NULL REFERENCES iki (id),
    realisasi     text NOT NULL,
    umpan_balik   text,
    PRIMARY KEY (penilaian_id, iki_id)
);

CREATE TABLE predikat_organisasi (
    id               uuid PRIMARY KEY,
    instansi_id      uuid NOT NULL REFERENCES instansi (id),
    unit_kerja_id    uuid NOT NULL REFERENCES unit_kerja (id),
    tahun            integer NOT NULL,
    jenis            text NOT NULL CHECK (jenis IN ('PERIODIK', 'TAHUNAN')),
    periode          integer NOT NULL,
    predikat         text NOT NULL CHECK (predikat IN ('ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG')),
    catatan          text,
    ditetapkan_oleh  text NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    UNIQUE (unit_kerja_id, tahun, jenis, periode)
);

CREATE TABLE umpan_balik (
    id           uuid PRIMARY KEY,
    instansi_id  uuid NOT NULL REFERENCES instansi (id),
    pegawai_id   uuid NOT NULL REFERENCES pegawai (id),
    tahun        integer NOT NULL,
    periode      integer,
    batas_waktu  date NOT NULL,
    pesan        text,
    diminta_oleh text NOT NULL,
    created_at   timestamptz NOT NULL
);
CREATE INDEX umpan_balik_pegawai ON umpan_balik (instansi_id, pegawai_id);

-- who was asked and whether they answered; deliberately no time of answer
CREATE TABLE umpan_balik_responden (
    umpan_balik_id  uuid NOT NULL REFERENCES umpan_balik (id) ON DELETE CASCADE,
    pegawai_id      uuid NOT NULL REFERENCES pegawai (id),
    dijawab         boolean NOT NULL DEFAULT FALSE,
    PRIMARY KEY (umpan_balik_id, pegawai_id)
);

-- the answers, deliberately without their author, time or ordered id: anonymous by construction
CREATE TABLE umpan_balik_jawaban (
    umpan_balik_id  uuid NOT NULL REFERENCES umpan_balik (id) ON DELETE CASCADE,
    nilai           text NOT NULL,
    rating          text NOT NULL,
    komentar        text
);
CREATE INDEX umpan_balik_jawaban_ub ON umpan_balik_jawaban (umpan_balik_id);

CREATE TABLE keberatan (
    id                   uuid PRIMARY KEY,
    instansi_id          uuid NOT NULL REFERENCES instansi (id),
    penilaian_id         uuid NOT NULL UNIQUE REFERENCES penilaian (id),
    pegawai_id           uuid NOT NULL REFERENCES pegawai (id),
    pemutus_id           uuid REFERENCES pegawai (id),
    alasan               text NOT NULL,
    predikat_semula      text NOT NULL,
    predikat_diharapkan  text,
    status               text NOT NULL CHECK (status IN ('DIAJUKAN', 'DIPUTUS')),
    keputusan            text CHECK (keputusan IN ('DIKUATKAN', 'DIUBAH')),
    predikat_akhir       text,
    alasan_putusan       text,
    diajukan_at          timestamptz NOT NULL,
    diputus_at           timestamptz
);
CREATE INDEX keberatan_pemutus ON keberatan (instansi_id, pemutus_id);
