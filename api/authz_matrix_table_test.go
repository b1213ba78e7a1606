package api_test

// azTable holds what every role may do, per operation of openapi.yaml and target. Each
// string has one word per role, in the columns
//
//	SA  AI  AU  KEU AUD PEG RAT
//
// SA is the SUPERADMIN acting in instansi A (X-Instansi-ID), AI ADMIN_INSTANSI, AU
// ADMIN_UNIT of OPD1, KEU KEUANGAN, AUD AUDITOR, PEG the pegawai Staf, RAT Kabid, who
// rates Staf and Rekan. The words are
//
//	OK  2xx
//	--  refused: 401, 403 or 404
//	4x  any 4xx, never 2xx (a reference in the body that does not resolve may be a 400/422)
//	~~  hidden: refused, or 2xx without the target's identifiers (lists and filters)
//
// The targets are Staf's records or Sub1 (home), Rekan's (peer, Staf's colleague), Staf2's
// or OPD2 (unit2, outside ADMIN_UNIT's subtree and Kabid's reach) and Staf's or Sub1 of
// instansi B (cross). An empty target is not tried: the request would be the same as
// home's (operations on the instansi as a whole) or the distinction means nothing. Without
// a token every operation answers 401 except the public ones (checked against the
// spec's security), and no 2xx body ever shows B's identifiers to a caller of A unless
// seesB names the role.
var azTable = map[azOp]azRow{
	// Public: health, the token endpoints. A bearer token changes nothing.
	"GET /healthz":              {public: true, home: azAll},
	"GET /readyz":               {public: true, home: azAll},
	"POST /api/v1/auth/login":   {public: true, home: azAll},
	"POST /api/v1/auth/refresh": {public: true, home: azAll},
	"POST /api/v1/auth/logout":  {public: true, home: azAll},
	"POST /api/v1/auth/token":   {public: true, home: azAll},

	// Identity. Everyone reads and changes only themself.
	"GET /api/v1/me":           {home: azAll},
	"POST /api/v1/me/password": {home: azAll},

	// Instansi: the platform operator (SA) registers and changes them, and reads every one,
	// B included; members read their own. The list shows others only their own instansi.
	"GET /api/v1/instansi":        {home: azAll, seesB: "SA"},
	"POST /api/v1/instansi":       {home: "OK -- -- -- -- -- --"},
	"GET /api/v1/instansi/{id}":   {home: azAll, cross: "OK -- -- -- -- -- --", seesB: "SA"},
	"PATCH /api/v1/instansi/{id}": {home: "OK -- -- -- -- -- --", cross: "OK -- -- -- -- -- --", seesB: "SA"},

	// The organisation chart (units, positions with their holders, acting assignments) is
	// readable by everyone of the instansi. ADMIN_UNIT changes its subtree below its own unit
	// (home is Sub1 under its OPD1), never OPD2; positions and units of B are 404.
	"GET /api/v1/unit-kerja":         {home: azAll, unit2: azAll, cross: azHide},
	"POST /api/v1/unit-kerja":        {home: "OK OK OK -- -- -- --", unit2: "OK OK -- -- -- -- --", cross: azDeny},
	"GET /api/v1/unit-kerja/pohon":   {home: azAll, unit2: azAll, cross: azDeny},
	"GET /api/v1/unit-kerja/{id}":    {home: azAll, unit2: azAll, cross: azDeny},
	"PATCH /api/v1/unit-kerja/{id}":  {home: "OK OK OK -- -- -- --", unit2: "OK OK -- -- -- -- --", cross: azDeny},
	"DELETE /api/v1/unit-kerja/{id}": {home: "OK OK OK -- -- -- --", unit2: "OK OK -- -- -- -- --", cross: azDeny},
	"GET /api/v1/jabatan":            {home: azAll, unit2: azAll, cross: azAll},
	"POST /api/v1/jabatan":           {home: "OK OK OK -- -- -- --", unit2: "OK OK -- -- -- -- --", cross: azDeny},
	"GET /api/v1/jabatan/{id}":       {home: azAll, unit2: azAll, cross: azDeny},
	"PATCH /api/v1/jabatan/{id}":     {home: "OK OK OK -- -- -- --", unit2: "OK OK -- -- -- -- --", cross: azDeny},
	"DELETE /api/v1/jabatan/{id}":    {home: "OK OK OK -- -- -- --", unit2: "OK OK -- -- -- -- --", cross: azDeny},
	"GET /api/v1/plt":                {home: azAll, unit2: azAll, cross: azAll},
	"POST /api/v1/plt":               {home: "OK OK OK -- -- -- --", unit2: "OK OK -- -- -- -- --", cross: azDeny},
	"DELETE /api/v1/plt/{id}":        {home: "OK OK OK -- -- -- --", unit2: "OK OK -- -- -- -- --", cross: azDeny},

	// Employees. Lists and exports are for admins, KEUANGAN and AUDITOR (ADMIN_UNIT: its
	// subtree). One record is also readable by the pegawai themself and, through the
	// reporting line, by their rater; riwayat, atasan and bawahan are not extended to the
	// rater (service.Pegawai canSee with related=false).
	"GET /api/v1/pegawai":                {home: "OK OK OK OK OK -- --", peer: "OK OK OK OK OK -- --", unit2: "OK OK ~~ OK OK -- --", cross: "~~ ~~ ~~ ~~ ~~ -- --"},
	"POST /api/v1/pegawai":               {home: "OK OK OK -- -- -- --", unit2: "OK OK -- -- -- -- --", cross: azDeny},
	"POST /api/v1/pegawai/impor":         {home: "OK OK OK -- -- -- --", unit2: "OK OK 4x -- -- -- --", cross: "4x 4x 4x -- -- -- --"},
	"GET /api/v1/pegawai/ekspor":         {home: "OK OK OK OK OK -- --", unit2: "OK OK ~~ OK OK -- --", cross: "~~ ~~ ~~ ~~ ~~ -- --"},
	"GET /api/v1/pegawai/{nip}":          {home: azAll, peer: "OK OK OK OK OK -- OK", unit2: "OK OK -- OK OK -- --", cross: azDeny},
	"PATCH /api/v1/pegawai/{nip}":        {home: "OK OK OK -- -- -- --", peer: "OK OK OK -- -- -- --", unit2: "OK OK -- -- -- -- --", cross: azDeny},
	"GET /api/v1/pegawai/{nip}/riwayat":  {home: "OK OK OK OK OK OK --", peer: "OK OK OK OK OK -- --", unit2: "OK OK -- OK OK -- --", cross: azDeny},
	"POST /api/v1/pegawai/{nip}/riwayat": {home: "OK OK OK -- -- -- --", peer: "OK OK OK -- -- -- --", unit2: "OK OK -- -- -- -- --", cross: azDeny},
	"GET /api/v1/pegawai/{nip}/atasan":   {home: "OK OK OK OK OK OK --", peer: "OK OK OK OK OK -- --", unit2: "OK OK -- OK OK -- --", cross: azDeny},
	"GET /api/v1/pegawai/{nip}/bawahan":  {home: "OK OK OK OK OK OK --", peer: "OK OK OK OK OK -- --", unit2: "OK OK -- OK OK -- --", cross: azDeny},

	// Accounts: ADMIN_INSTANSI the instansi's, ADMIN_UNIT the PEGAWAI accounts of its
	// subtree, AUDITOR reads, everyone reads their own; SA every account, B's too (seesB).
	"GET /api/v1/pengguna":                      {home: "OK OK OK -- OK -- --", peer: "OK OK OK -- OK -- --", unit2: "OK OK ~~ -- OK -- --", cross: "~~ ~~ ~~ -- ~~ -- --"},
	"POST /api/v1/pengguna":                     {home: "OK OK OK -- -- -- --", unit2: "OK OK -- -- -- -- --", cross: azDeny},
	"GET /api/v1/pengguna/{id}":                 {home: "OK OK OK -- OK OK --", peer: "OK OK OK -- OK -- --", unit2: "OK OK -- -- OK -- --", cross: "OK -- -- -- -- -- --", seesB: "SA"},
	"PATCH /api/v1/pengguna/{id}":               {home: "OK OK OK -- -- -- --", peer: "OK OK OK -- -- -- --", unit2: "OK OK -- -- -- -- --", cross: "OK -- -- -- -- -- --", seesB: "SA"},
	"POST /api/v1/pengguna/{id}/reset-password": {home: "OK OK OK -- -- -- --", peer: "OK OK OK -- -- -- --", unit2: "OK OK -- -- -- -- --", cross: "OK -- -- -- -- -- --", seesB: "SA"},

	// API clients and the audit log: ADMIN_INSTANSI (and AUDITOR reading the log).
	"GET /api/v1/klien-api":         {home: "OK OK -- -- -- -- --"},
	"POST /api/v1/klien-api":        {home: "OK OK -- -- -- -- --"},
	"DELETE /api/v1/klien-api/{id}": {home: "OK OK -- -- -- -- --", cross: azDeny},
	"GET /api/v1/audit":             {home: "OK OK -- -- OK -- --", peer: "OK OK -- -- OK -- --", unit2: "OK OK -- -- OK -- --", cross: "~~ ~~ -- -- ~~ -- --"},

	// Appraisal settings: everyone reads, ADMIN_INSTANSI sets.
	"GET /api/v1/periode-kinerja":         {home: azAll},
	"GET /api/v1/periode-kinerja/{tahun}": {home: azAll},
	"PUT /api/v1/periode-kinerja/{tahun}": {home: "OK OK -- -- -- -- --"},

	// SKP: the owner, their rater, ADMIN_UNIT of the subtree, ADMIN_INSTANSI and AUDITOR
	// read (KEUANGAN does not read performance content). The owner and admins draft, submit
	// and open revisions; only the rater recorded on the SKP approves or returns it (the
	// workflow operations act on last year's SKP, driven to the state each needs).
	"GET /api/v1/skp":                  {home: "OK OK OK -- OK OK OK", peer: "OK OK OK -- OK ~~ OK", unit2: "OK OK ~~ -- OK ~~ ~~", cross: "~~ ~~ ~~ -- ~~ ~~ ~~"},
	"POST /api/v1/skp":                 {home: "OK OK OK -- -- OK --", peer: "OK OK OK -- -- -- --", unit2: "OK OK -- -- -- -- --", cross: azDeny},
	"GET /api/v1/skp/{id}":             {home: "OK OK OK -- OK OK OK", peer: "OK OK OK -- OK -- OK", unit2: "OK OK -- -- OK -- --", cross: azDeny},
	"PUT /api/v1/skp/{id}":             {home: "OK OK OK -- -- OK --", peer: "OK OK OK -- -- -- --", unit2: "OK OK -- -- -- -- --", cross: azDeny},
	"DELETE /api/v1/skp/{id}":          {home: "OK OK OK -- -- OK --", peer: "OK OK OK -- -- -- --", unit2: "OK OK -- -- -- -- --", cross: azDeny},
	"POST /api/v1/skp/{id}/ajukan":     {home: "OK OK OK -- -- OK --", peer: "OK OK OK -- -- -- --", unit2: "OK OK -- -- -- -- --", cross: azDeny},
	"POST /api/v1/skp/{id}/setujui":    {home: "-- -- -- -- -- -- OK", peer: "-- -- -- -- -- -- OK", unit2: azDeny, cross: azDeny},
	"POST /api/v1/skp/{id}/kembalikan": {home: "-- -- -- -- -- -- OK", peer: "-- -- -- -- -- -- OK", unit2: azDeny, cross: azDeny},
	"GET /api/v1/skp/{id}/revisi":      {home: "OK OK OK -- OK OK OK", peer: "OK OK OK -- OK -- OK", unit2: "OK OK -- -- OK -- --", cross: azDeny},
	"POST /api/v1/skp/{id}/revisi":     {home: "OK OK OK -- -- OK --", peer: "OK OK OK -- -- -- --", unit2: "OK OK -- -- -- -- --", cross: azDeny},
	"GET /api/v1/skp/{id}/kaskade":     {home: "OK OK OK -- OK OK OK", peer: "OK OK OK -- OK -- OK", unit2: "OK OK -- -- OK -- --", cross: azDeny},

	// Activity logs: one records and corrects only one's own; the rater verifies.
	"GET /api/v1/kegiatan":             {home: "OK OK OK -- OK OK OK", peer: "OK OK OK -- OK ~~ OK", unit2: "OK OK ~~ -- OK ~~ ~~", cross: "~~ ~~ ~~ -- ~~ ~~ ~~"},
	"POST /api/v1/kegiatan":            {home: "-- -- -- -- -- OK --", peer: azDeny, unit2: azDeny, cross: azDeny},
	"POST /api/v1/kegiatan/verifikasi": {home: "-- -- -- -- -- -- OK", peer: "-- -- -- -- -- -- OK", unit2: azDeny, cross: azDeny},
	"GET /api/v1/kegiatan/ringkasan":   {home: "OK OK OK -- OK OK OK", peer: "OK OK OK -- OK -- OK", unit2: "OK OK -- -- OK -- --", cross: azDeny},
	"GET /api/v1/kegiatan/{id}":        {home: "OK OK OK -- OK OK OK", peer: "OK OK OK -- OK -- OK", unit2: "OK OK -- -- OK -- --", cross: azDeny},
	"PUT /api/v1/kegiatan/{id}":        {home: "-- -- -- -- -- OK --", peer: azDeny, unit2: azDeny, cross: azDeny},
	"DELETE /api/v1/kegiatan/{id}":     {home: "-- -- -- -- -- OK --", peer: azDeny, unit2: azDeny, cross: azDeny},

	// Evaluations: the rater opens, fills and finalises; KEUANGAN reads (it pays on them).
	// Bulk finalisation of a unit's period: admins covering the unit, and the rater for
	// the evaluations they rate (each attempt gets a period with one rated DRAFT).
	"GET /api/v1/penilaian":                {home: azAll, peer: "OK OK OK OK OK ~~ OK", unit2: "OK OK ~~ OK OK ~~ ~~", cross: azHide},
	"POST /api/v1/penilaian":               {home: "-- -- -- -- -- -- OK", peer: "-- -- -- -- -- -- OK", unit2: azDeny, cross: azDeny},
	"POST /api/v1/penilaian/finalisasi":    {home: "OK OK OK -- -- -- OK", unit2: "OK OK -- -- -- -- --", cross: azDeny},
	"GET /api/v1/penilaian/{id}":           {home: azAll, peer: "OK OK OK OK OK -- OK", unit2: "OK OK -- OK OK -- --", cross: azDeny},
	"PUT /api/v1/penilaian/{id}":           {home: "-- -- -- -- -- -- OK", peer: "-- -- -- -- -- -- OK", unit2: azDeny, cross: azDeny},
	"POST /api/v1/penilaian/{id}/finalkan": {home: "-- -- -- -- -- -- OK", peer: "-- -- -- -- -- -- OK", unit2: azDeny, cross: azDeny},

	// Organisation predikat: set by the head of the parent unit (Kadis, not a role here) or
	// an admin covering the unit; read by admins, readers and the unit's people.
	"GET /api/v1/predikat-organisasi": {home: "OK OK OK OK OK -- OK", unit2: "OK OK -- OK OK -- --", cross: azDeny},
	"PUT /api/v1/predikat-organisasi": {home: "OK OK OK -- -- -- --", unit2: "OK OK -- -- -- -- --", cross: azDeny},
	"GET /api/v1/distribusi-predikat": {home: "OK OK OK OK OK -- OK", unit2: "OK OK -- OK OK -- --", cross: azDeny},

	// Feedback: the rater or an admin asks; only the colleagues asked answer (Staf was asked
	// about Rekan: peer); the pegawai rated and the respondents see the request.
	"GET /api/v1/umpan-balik":               {home: azAll, peer: "OK OK OK ~~ OK OK OK", unit2: "OK OK ~~ ~~ OK ~~ ~~", cross: azHide},
	"POST /api/v1/umpan-balik":              {home: "OK OK OK -- -- -- OK", peer: "OK OK OK -- -- -- OK", unit2: "OK OK -- -- -- -- --", cross: azDeny},
	"GET /api/v1/umpan-balik/{id}":          {home: "OK OK OK -- OK OK OK", peer: "OK OK OK -- OK OK OK", unit2: "OK OK -- -- OK -- --", cross: azDeny},
	"POST /api/v1/umpan-balik/{id}/jawaban": {home: azDeny, peer: "-- -- -- -- -- OK --", unit2: azDeny, cross: azDeny},

	// Objections: the pegawai objects to their own final evaluation; the rater's superior
	// decides (Kadis for Sub1, not a role here); with no superior (Staf2's rater Kadis2 heads
	// OPD2) an admin decides. The list is the same request for every target.
	"GET /api/v1/keberatan":               {home: "OK OK OK -- OK OK OK", peer: "OK OK OK -- OK ~~ OK", unit2: "OK OK ~~ -- OK ~~ ~~"},
	"POST /api/v1/keberatan":              {home: "-- -- -- -- -- OK --", peer: azDeny, unit2: azDeny, cross: azDeny},
	"GET /api/v1/keberatan/{id}":          {home: "OK OK OK -- OK OK OK", peer: "OK OK OK -- OK -- OK", unit2: "OK OK -- -- OK -- --", cross: azDeny},
	"POST /api/v1/keberatan/{id}/putusan": {home: azDeny, peer: azDeny, unit2: "OK OK -- -- -- -- --", cross: azDeny},

	// Calendar and schedules: everyone reads (they decide working days); ADMIN_INSTANSI
	// sets the calendar and schedules, ADMIN_UNIT assigns schedules and rosters in its subtree.
	"GET /api/v1/kalender/{tahun}":         {home: azAll},
	"PUT /api/v1/kalender/{tahun}":         {home: "OK OK -- -- -- -- --"},
	"GET /api/v1/jadwal":                   {home: azAll},
	"POST /api/v1/jadwal":                  {home: "OK OK -- -- -- -- --"},
	"GET /api/v1/jadwal/{id}":              {home: azAll, cross: azDeny},
	"PUT /api/v1/jadwal/{id}":              {home: "OK OK -- -- -- -- --", cross: azDeny},
	"DELETE /api/v1/jadwal/{id}":           {home: "OK OK -- -- -- -- --", cross: azDeny},
	"GET /api/v1/jadwal-penugasan":         {home: azAll, unit2: azAll, cross: azDeny},
	"POST /api/v1/jadwal-penugasan":        {home: "OK OK OK -- -- -- --", unit2: "OK OK -- -- -- -- --", cross: azDeny},
	"DELETE /api/v1/jadwal-penugasan/{id}": {home: "OK OK OK -- -- -- --", unit2: "OK OK -- -- -- -- --", cross: azDeny},
	"GET /api/v1/roster":                   {home: azAll, peer: "OK OK OK OK OK -- OK", unit2: "OK OK -- OK OK -- --", cross: azDeny},
	"PUT /api/v1/roster":                   {home: "OK OK OK -- -- -- --", peer: "OK OK OK -- -- -- --", unit2: "OK OK -- -- -- -- --", cross: azDeny},

	// Attendance: everyone checks in for themself; admins in scope correct and import
	// (a row of another unit or instansi refuses the file: 422); ADMIN_INSTANSI maps machines.
	"GET /api/v1/kehadiran":              {home: azAll, peer: "OK OK OK OK OK ~~ OK", unit2: "OK OK ~~ OK OK ~~ ~~", cross: azHide},
	"POST /api/v1/kehadiran":             {home: "-- -- -- -- -- OK OK"},
	"POST /api/v1/kehadiran/koreksi":     {home: "OK OK OK -- -- -- --", peer: "OK OK OK -- -- -- --", unit2: "OK OK -- -- -- -- --", cross: azDeny},
	"POST /api/v1/kehadiran/impor":       {home: "OK OK OK -- -- -- --", peer: "OK OK OK -- -- -- --", unit2: "OK OK 4x -- -- -- --", cross: "4x 4x 4x -- -- -- --"},
	"GET /api/v1/mesin-absensi/pemetaan": {home: "OK OK OK OK OK -- --"},
	"PUT /api/v1/mesin-absensi/pemetaan": {home: "OK OK -- -- -- -- --", peer: "OK OK -- -- -- -- --", unit2: "OK OK -- -- -- -- --", cross: "4x 4x -- -- -- -- --"},
	"GET /api/v1/kehadiran/rekap":        {home: azAll, peer: "OK OK OK OK OK -- OK", unit2: "OK OK -- OK OK -- --", cross: azDeny},

	// Absence documents: the pegawai files their own, an admin in scope files for anyone;
	// the rater or an admin in scope decides, never on their own.
	"GET /api/v1/izin":                 {home: azAll, peer: "OK OK OK OK OK ~~ OK", unit2: "OK OK ~~ OK OK ~~ ~~", cross: azHide},
	"POST /api/v1/izin":                {home: "OK OK OK -- -- OK --", peer: "OK OK OK -- -- -- --", unit2: "OK OK -- -- -- -- --", cross: azDeny},
	"GET /api/v1/izin/{id}":            {home: azAll, peer: "OK OK OK OK OK -- OK", unit2: "OK OK -- OK OK -- --", cross: azDeny},
	"POST /api/v1/izin/{id}/keputusan": {home: "OK OK OK -- -- -- OK", peer: "OK OK OK -- -- -- OK", unit2: "OK OK -- -- -- -- --", cross: azDeny},

	// Sanctions: ADMIN_INSTANSI, or ADMIN_UNIT in scope, records; readers and the people
	// concerned read.
	"GET /api/v1/hukuman-disiplin":        {home: azAll, peer: "OK OK OK OK OK ~~ OK", unit2: "OK OK ~~ OK OK ~~ ~~", cross: azHide},
	"POST /api/v1/hukuman-disiplin":       {home: "OK OK OK -- -- -- --", peer: "OK OK OK -- -- -- --", unit2: "OK OK -- -- -- -- --", cross: azDeny},
	"GET /api/v1/hukuman-disiplin/{id}":   {home: azAll, peer: "OK OK OK OK OK -- OK", unit2: "OK OK -- OK OK -- --", cross: azDeny},
	"GET /api/v1/kerja-fleksibel":         {home: azAll, peer: "OK OK OK OK OK ~~ OK", unit2: "OK OK ~~ OK OK ~~ ~~", cross: azHide},
	"POST /api/v1/kerja-fleksibel":        {home: "OK OK OK -- -- -- --", peer: "OK OK OK -- -- -- --", unit2: "OK OK -- -- -- -- --", cross: azDeny},
	"GET /api/v1/kerja-fleksibel/{id}":    {home: azAll, peer: "OK OK OK OK OK -- OK", unit2: "OK OK -- OK OK -- --", cross: azDeny},
	"DELETE /api/v1/kerja-fleksibel/{id}": {home: "OK OK OK -- -- -- --", peer: "OK OK OK -- -- -- --", unit2: "OK OK -- -- -- -- --", cross: azDeny},
	"GET /api/v1/hukuman-disiplin/usulan": {home: "OK OK OK -- OK -- --", unit2: "OK OK ~~ -- OK -- --", cross: "~~ ~~ ~~ -- ~~ -- --"},

	// TPP rules, budgets and inputs: ADMIN_INSTANSI and KEUANGAN write; admins and readers
	// read; pegawai do not. A body naming B's units or NIPs is refused (4x).
	"GET /api/v1/aturan-tpp":           {home: "OK OK OK OK OK -- --"},
	"POST /api/v1/aturan-tpp":          {home: "OK OK -- OK -- -- --"},
	"GET /api/v1/aturan-tpp/berlaku":   {home: "OK OK OK OK OK -- --"},
	"GET /api/v1/aturan-tpp/preset":    {home: azAll},
	"POST /api/v1/aturan-tpp/validasi": {home: azAll},
	"GET /api/v1/aturan-tpp/{id}":      {home: "OK OK OK OK OK -- --", cross: azDeny},
	"PUT /api/v1/aturan-tpp/{id}":      {home: "OK OK -- OK -- -- --", cross: azDeny},
	"DELETE /api/v1/aturan-tpp/{id}":   {home: "OK OK -- OK -- -- --", cross: azDeny},

	// Payroll: KEUANGAN and ADMIN_INSTANSI run and recompute; only KEUANGAN approves (SA
	// neither: never the creator, and approving is finance's); ADMIN_UNIT reads the runs
	// of its units (home: OPD1's run, unit2: OPD2's); a pegawai reads their own month, the
	// rater their subordinates'.
	"POST /api/v1/tpp/simulasi":                      {home: "OK OK OK OK OK -- --", unit2: "OK OK -- OK OK -- --", cross: azDeny},
	"GET /api/v1/perhitungan-tpp":                    {home: "OK OK OK OK OK -- --", unit2: "OK OK ~~ OK OK -- --"},
	"POST /api/v1/perhitungan-tpp":                   {home: "OK OK -- OK -- -- --", unit2: "OK OK -- OK -- -- --", cross: azDeny},
	"GET /api/v1/perhitungan-tpp/{id}":               {home: "OK OK OK OK OK -- --", unit2: "OK OK -- OK OK -- --", cross: azDeny},
	"DELETE /api/v1/perhitungan-tpp/{id}":            {home: "OK OK -- OK -- -- --", unit2: "OK OK -- OK -- -- --", cross: azDeny},
	"GET /api/v1/perhitungan-tpp/{id}/baris":         {home: "OK OK OK OK OK -- --", unit2: "OK OK -- OK OK -- --", cross: azDeny},
	"GET /api/v1/perhitungan-tpp/{id}/baris/{nip}":   {home: "OK OK OK OK OK -- --", peer: "OK OK OK OK OK -- --", unit2: "OK OK -- OK OK -- --", cross: azDeny},
	"POST /api/v1/perhitungan-tpp/{id}/hitung-ulang": {home: "OK OK -- OK -- -- --", unit2: "OK OK -- OK -- -- --", cross: azDeny},
	"POST /api/v1/perhitungan-tpp/{id}/setujui":      {home: "-- -- -- OK -- -- --", unit2: "-- -- -- OK -- -- --", cross: azDeny},
	"GET /api/v1/perhitungan-tpp/{id}/ekspor":        {home: "OK OK OK OK OK -- --", unit2: "OK OK -- OK OK -- --", cross: azDeny},
	"GET /api/v1/pagu-tpp/{tahun}":                   {home: "OK OK OK OK OK -- --"},
	"PUT /api/v1/pagu-tpp/{tahun}":                   {home: "OK OK -- OK -- -- --", cross: "4x 4x -- 4x -- -- --"},
	"GET /api/v1/masukan-tpp/{tahun}/{bulan}":        {home: "OK OK -- OK OK -- --"},
	"PUT /api/v1/masukan-tpp/{tahun}/{bulan}":        {home: "OK OK -- OK -- -- --", peer: "OK OK -- OK -- -- --", unit2: "OK OK -- OK -- -- --", cross: "4x 4x -- 4x -- -- --"},
	"GET /api/v1/pegawai/{nip}/tpp/{periode}":        {home: azAll, peer: "OK OK OK OK OK -- OK", unit2: "OK OK -- OK OK -- --", cross: azDeny},
}

const (
	azAll  = "OK OK OK OK OK OK OK"
	azDeny = "-- -- -- -- -- -- --"
	azHide = "~~ ~~ ~~ ~~ ~~ ~~ ~~"
)
