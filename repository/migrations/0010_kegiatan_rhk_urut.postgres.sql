-- A rater's list of activities takes its page and its count from the activities of
-- the RHK they rate, newest first. With the order and the instansi in the index,
-- PostgreSQL reads them from the index alone instead of fetching every activity's row
-- (a rater of a thousand activities on the demo: 1.1-1.3 ms -> 0.8 ms). The index
-- replaces the one on rhk_id alone, which it begins with.
DROP INDEX kegiatan_rhk;
CREATE INDEX kegiatan_rhk ON kegiatan (rhk_id, tanggal, created_at, id) INCLUDE (instansi_id);
