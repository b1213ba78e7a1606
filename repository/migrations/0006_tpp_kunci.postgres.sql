-- An approved payroll run and its lines are immutable at the database level: a
-- correction is a new run that references the original.
CREATE FUNCTION perhitungan_tpp_terkunci() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'DISETUJUI' THEN
        RAISE EXCEPTION 'perhitungan_tpp % is approved and immutable', OLD.id USING ERRCODE = 'P0001';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER perhitungan_tpp_kunci BEFORE UPDATE OR DELETE ON perhitungan_tpp
    FOR EACH ROW EXECUTE FUNCTION perhitungan_tpp_terkunci();

CREATE FUNCTION perhitungan_tpp_anak_terkunci() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM perhitungan_tpp WHERE id = OLD.perhitungan_tpp_id AND status = 'DISETUJUI') THEN
        RAISE EXCEPTION 'perhitungan_tpp % is approved and immutable', OLD.perhitungan_tpp_id USING ERRCODE = 'P0001';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER perhitungan_tpp_baris_kunci BEFORE UPDATE OR DELETE ON perhitungan_tpp_baris
    FOR EACH ROW EXECUTE FUNCTION perhitungan_tpp_anak_terkunci();
CREATE TRIGGER perhitungan_tpp_pagu_kunci BEFORE UPDATE OR DELETE ON perhitungan_tpp_pagu
    FOR EACH ROW EXECUTE FUNCTION perhitungan_tpp_anak_terkunci();

-- New lines of an approved run: checked once per statement, so that COPY stays fast.
CREATE FUNCTION perhitungan_tpp_tambah_terkunci() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM baru JOIN perhitungan_tpp p ON p.id = baru.perhitungan_tpp_id WHERE p.status = 'DISETUJUI') THEN
        RAISE EXCEPTION 'perhitungan_tpp is approved and immutable' USING ERRCODE = 'P0001';
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER perhitungan_tpp_baris_tambah AFTER INSERT ON perhitungan_tpp_baris
    REFERENCING NEW TABLE AS baru FOR EACH STATEMENT EXECUTE FUNCTION perhitungan_tpp_tambah_terkunci();
CREATE TRIGGER perhitungan_tpp_pagu_tambah AFTER INSERT ON perhitungan_tpp_pagu
    REFERENCING NEW TABLE AS baru FOR EACH STATEMENT EXECUTE FUNCTION perhitungan_tpp_tambah_terkunci();

CREATE FUNCTION perhitungan_tpp_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'payroll runs are immutable once approved; truncate refused' USING ERRCODE = 'P0001';
END
$$;
CREATE TRIGGER perhitungan_tpp_no_truncate BEFORE TRUNCATE ON perhitungan_tpp
    FOR EACH STATEMENT EXECUTE FUNCTION perhitungan_tpp_truncate();
CREATE TRIGGER perhitungan_tpp_baris_no_truncate BEFORE TRUNCATE ON perhitungan_tpp_baris
    FOR EACH STATEMENT EXECUTE FUNCTION perhitungan_tpp_truncate();
