-- A payroll line keeps its compressed result (about 1.5 KB, at most a few KB) in its
-- own row. With the default toast_tuple_target (about 2 KB) PostgreSQL tries to
-- compress the already-compressed bytes of the larger lines, fails, and moves them to
-- the TOAST table: a second tuple and an index entry per line, which cost a
-- 50,000-line run more than the lines themselves. Rows up to a page are kept whole.
ALTER TABLE perhitungan_tpp_baris SET (toast_tuple_target = 8160);
ALTER TABLE perhitungan_tpp_baris ALTER COLUMN hasil SET STORAGE EXTERNAL;
