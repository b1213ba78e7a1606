-- An approved payroll run and its lines are immutable at the database level: a
-- correction is a new run that references the original.
CREATE TRIGGER perhitungan_tpp_no_update BEFORE UPDATE ON perhitungan_tpp WHEN OLD.status = 'DISETUJUI'
BEGIN
    SELECT RAISE(ABORT, 'perhitungan_tpp is approved and immutable');
END;
CREATE TRIGGER perhitungan_tpp_no_delete BEFORE DELETE ON perhitungan_tpp WHEN OLD.status = 'DISETUJUI'
BEGIN
    SELECT RAISE(ABORT, 'perhitungan_tpp is approved and immutable');
END;
CREATE TRIGGER perhitungan_tpp_baris_no_insert BEFORE INSERT ON perhitungan_tpp_baris
    WHEN (SELECT status FROM perhitungan_tpp WHERE id = NEW.perhitungan_tpp_id) = 'DISETUJUI'
BEGIN
    SELECT RAISE(ABORT, 'perhitungan_tpp is approved and immutable');
END;
CREATE TRIGGER perhitungan_tpp_baris_no_update BEFORE UPDATE ON perhitungan_tpp_baris
    WHEN (SELECT status FROM perhitungan_tpp WHERE id = OLD.perhitungan_tpp_id) = 'DISETUJUI'
BEGIN
    SELECT RAISE(ABORT, 'perhitungan_tpp is approved and immutable');
END;
CREATE TRIGGER perhitungan_tpp_baris_no_delete BEFORE DELETE ON perhitungan_tpp_baris
    WHEN (SELECT status FROM perhitungan_tpp WHERE id = OLD.perhitungan_tpp_id) = 'DISETUJUI'
BEGIN
    SELECT RAISE(ABORT, 'perhitungan_tpp is approved and immutable');
END;
CREATE TRIGGER perhitungan_tpp_pagu_no_insert BEFORE INSERT ON perhitungan_tpp_pagu
    WHEN (SELECT status FROM perhitungan_tpp WHERE id = NEW.perhitungan_tpp_id) = 'DISETUJUI'
BEGIN
    SELECT RAISE(ABORT, 'perhitungan_tpp is approved and immutable');
END;
CREATE TRIGGER perhitungan_tpp_pagu_no_change BEFORE UPDATE ON perhitungan_tpp_pagu
    WHEN (SELECT status FROM perhitungan_tpp WHERE id = OLD.perhitungan_tpp_id) = 'DISETUJUI'
BEGIN
    SELECT RAISE(ABORT, 'perhitungan_tpp is approved and immutable');
END;
CREATE TRIGGER perhitungan_tpp_pagu_no_delete BEFORE DELETE ON perhitungan_tpp_pagu
    WHEN (SELECT status FROM perhitungan_tpp WHERE id = OLD.perhitungan_tpp_id) = 'DISETUJUI'
BEGIN
    SELECT RAISE(ABORT, 'perhitungan_tpp is approved and immutable');
END;
