// Command beban is Kinerja's load test: a bounded, loopback-only run of a realistic
// mix against a running server with the demo pemda loaded — pegawai reading their
// TPP and checking in, raters reading their team's activity logs, an admin listing
// pegawai — reporting throughput and p50/p99 per operation and the server's memory
// (from /metrics) over the run, so that a long soak shows whether it stays flat.
//
//	go run ./cmd/beban -url http://127.0.0.1:8080 -durasi 30s -konkurensi 32
//
// It exits 1 when a request failed (a 5xx, a transport error, or a status the
// operation never answers) or, with -target, when the authenticated reads stay below
// -min-rps or their p99 above -max-p99.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

const password = "kinerja-demo-2026" //nolint:gosec // G101: the published password of the demo accounts

type config struct {
	url        string
	durasi     time.Duration
	konkurensi int
	pegawai    int
	target     bool
	minRPS     float64
	maxP99     time.Duration
	sampel     time.Duration
	siapkan    bool
	hanya      string
}

func main() {
	var c config
	flag.StringVar(&c.url, "url", "http://127.0.0.1:8080", "the server (loopback only)")
	flag.DurationVar(&c.durasi, "durasi", 30*time.Second, "how long to send load")
	flag.IntVar(&c.konkurensi, "konkurensi", 32, "concurrent clients")
	flag.IntVar(&c.pegawai, "pegawai", 24, "pegawai accounts to log in (each login costs ~70 ms of argon2id)")
	flag.BoolVar(&c.target, "target", false, "fail unless the authenticated reads meet -min-rps and -max-p99")
	flag.Float64Var(&c.minRPS, "min-rps", 2000, "target: authenticated reads per second")
	flag.DurationVar(&c.maxP99, "max-p99", 50*time.Millisecond, "target: p99 of authenticated reads")
	flag.DurationVar(&c.sampel, "sampel-memori", 10*time.Second, "how often to read the server's memory")
	flag.BoolVar(&c.siapkan, "siapkan", true, "first run and approve last month's payroll, as a pemda has by the time pegawai read it")
	flag.StringVar(&c.hanya, "hanya", "", "send only the operations whose name contains this (to find one endpoint's ceiling)")
	flag.Parse()
	if err := run(context.Background(), c, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "beban:", err)
		os.Exit(1)
	}
}

type akun struct {
	nip, token string
	checkIn    atomic.Int64 // unix nanos of the last check-in
}

// op is one kind of request in the mix.
type op struct {
	nama  string
	baca  bool // an authenticated read (counts toward the read target)
	bobot int
	ok    []int // statuses that are correct answers
}

var campuran = []op{
	{nama: "GET /pegawai/{nip}/tpp/{periode} (pegawai)", baca: true, bobot: 35, ok: []int{200}},
	{nama: "GET /kegiatan (rater)", baca: true, bobot: 20, ok: []int{200}},
	{nama: "GET /pegawai (admin)", baca: true, bobot: 20, ok: []int{200}},
	{nama: "GET /kehadiran/rekap (pegawai)", baca: true, bobot: 15, ok: []int{200}},
	{nama: "POST /kehadiran (check-in)", bobot: 10, ok: []int{200, 201}},
}

type hasil struct {
	mu      sync.Mutex
	latensi map[string][]time.Duration
	gagal   map[string]int
	contoh  map[string]string
}

func (h *hasil) catat(nama string, d time.Duration, failed bool, why string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.latensi[nama] = append(h.latensi[nama], d)
	if failed {
		h.gagal[nama]++
		if _, ok := h.contoh[nama]; !ok {
			h.contoh[nama] = why
		}
	}
}

func run(ctx context.Context, c config, out io.Writer) error {
	u, err := url.Parse(c.url)
	if err != nil {
		return err
	}
	if h := u.Hostname(); h != "127.0.0.1" && h != "localhost" && h != "::1" {
		return fmt.Errorf("refusing to load %s: loopback only", h)
	}
	cl := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: c.konkurensi * 2}}
	admin, err := login(ctx, cl, c.url, "admin")
	if err != nil {
		return err
	}
	nips, err := daftarNIP(ctx, cl, c.url, admin, c.pegawai)
	if err != nil {
		return err
	}
	akuns := make([]*akun, 0, len(nips))
	for _, n := range nips {
		t, err := login(ctx, cl, c.url, n)
		if err != nil {
			return err
		}
		akuns = append(akuns, &akun{nip: n, token: t})
	}
	now := time.Now()
	prevMonth := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -1, 0)
	prev := prevMonth.Format("2006-01")
	if c.siapkan {
		if err := siapkan(ctx, cl, c.url, admin, prevMonth); err != nil {
			return err
		}
	}
	_, _ = fmt.Fprintf(out, "beban: %d pegawai logged in; %d clients for %v against %s\n", len(akuns), c.konkurensi, c.durasi, c.url)

	h := &hasil{latensi: map[string][]time.Duration{}, gagal: map[string]int{}, contoh: map[string]string{}}
	var memori []float64
	memStop := make(chan struct{})
	memDone := make(chan struct{})
	go func() {
		defer close(memDone)
		t := time.NewTicker(c.sampel)
		defer t.Stop()
		for {
			if m, err := rss(ctx, cl, c.url); err == nil {
				memori = append(memori, m)
			}
			select {
			case <-memStop:
				return
			case <-t.C:
			}
		}
	}()
	mix := campuran
	if c.hanya != "" {
		mix = nil
		for _, o := range campuran {
			if strings.Contains(o.nama, c.hanya) {
				mix = append(mix, o)
			}
		}
		if len(mix) == 0 {
			return fmt.Errorf("-hanya %q names no operation", c.hanya)
		}
	}
	total := 0
	for _, o := range mix {
		total += o.bobot
	}
	var seq atomic.Int64
	sebelum, _ := metrik(ctx, cl, c.url, bebanMetrik...) // a server without them is still measured
	deadline := time.Now().Add(c.durasi)
	start := time.Now()
	var wg sync.WaitGroup
	for w := range c.konkurensi {
		wg.Go(func() {
			for i := w; time.Now().Before(deadline); i += c.konkurensi {
				n := int(seq.Add(1))
				a := akuns[n%len(akuns)]
				pick := (n * 7919) % total
				var o op
				for _, x := range mix {
					if pick < x.bobot {
						o = x
						break
					}
					pick -= x.bobot
				}
				if !o.baca && len(mix) > 1 && time.Since(time.Unix(0, a.checkIn.Load())) < 1100*time.Millisecond {
					o = mix[0] // this pegawai clocked in within the second: read instead
				}
				var req *http.Request
				switch o.nama {
				case campuran[0].nama:
					req = get(ctx, c.url+"/api/v1/pegawai/"+a.nip+"/tpp/"+prev, a.token)
				case campuran[1].nama:
					req = get(ctx, c.url+"/api/v1/kegiatan?page_size=20", a.token)
				case campuran[2].nama:
					req = get(ctx, fmt.Sprintf("%s/api/v1/pegawai?page=%d&page_size=50", c.url, 1+n%4), admin)
				case campuran[3].nama:
					req = get(ctx, fmt.Sprintf("%s/api/v1/kehadiran/rekap?tahun=%d&bulan=%d&nip=%s", c.url, now.Year(), int(now.Month()), a.nip), a.token)
				default:
					a.checkIn.Store(time.Now().UnixNano())
					req, _ = http.NewRequestWithContext(ctx, http.MethodPost, c.url+"/api/v1/kehadiran", strings.NewReader(`{"jenis":"MASUK"}`))
					req.Header.Set("Content-Type", "application/json")
					req.Header.Set("Authorization", "Bearer "+a.token)
					req.Header.Set("Idempotency-Key", fmt.Sprintf("beban-%d-%d", start.UnixNano(), n))
				}
				t0 := time.Now()
				resp, err := cl.Do(req.WithContext(ctx))
				d := time.Since(t0)
				if err != nil {
					h.catat(o.nama, d, true, err.Error())
					continue
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				_ = resp.Body.Close()
				h.catat(o.nama, d, !slices.Contains(o.ok, resp.StatusCode), fmt.Sprintf("status %d", resp.StatusCode))
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	close(memStop)
	<-memDone
	if sesudah, err := metrik(ctx, cl, c.url, bebanMetrik...); err == nil && sebelum != nil {
		n := 0
		for _, l := range h.latensi {
			n += len(l)
		}
		_, _ = fmt.Fprintf(out, "server: %.0f µs of CPU per request; pool: %.0f connections closed after use, %.0f waits for one\n",
			(sesudah[bebanMetrik[0]]-sebelum[bebanMetrik[0]])*1e6/float64(max(n, 1)),
			sesudah[bebanMetrik[1]]-sebelum[bebanMetrik[1]], sesudah[bebanMetrik[2]]-sebelum[bebanMetrik[2]])
	}
	return laporan(out, c, h, elapsed, memori)
}

func laporan(out io.Writer, c config, h *hasil, elapsed time.Duration, memori []float64) error {
	var reads []time.Duration
	failures := 0
	_, _ = fmt.Fprintf(out, "\n%-46s %8s %9s %9s %9s %7s\n", "operation", "count", "req/s", "p50", "p99", "failed")
	for _, o := range campuran {
		l := h.latensi[o.nama]
		if len(l) == 0 {
			continue
		}
		slices.Sort(l)
		_, _ = fmt.Fprintf(out, "%-46s %8d %9.0f %9v %9v %7d\n", o.nama, len(l), float64(len(l))/elapsed.Seconds(),
			pct(l, 50), pct(l, 99), h.gagal[o.nama])
		if o.baca {
			reads = append(reads, l...)
		}
		failures += h.gagal[o.nama]
		if why, ok := h.contoh[o.nama]; ok {
			_, _ = fmt.Fprintf(out, "    first failure: %s\n", why)
		}
	}
	slices.Sort(reads)
	rps := float64(len(reads)) / elapsed.Seconds()
	_, _ = fmt.Fprintf(out, "\nauthenticated reads: %.0f req/s, p50 %v, p99 %v over %v; failures: %d\n", rps, pct(reads, 50), pct(reads, 99),
		elapsed.Round(time.Millisecond), failures)
	if len(memori) > 0 {
		_, _ = fmt.Fprintf(out, "server resident memory (MiB, every %v): %s\n", c.sampel, mib(memori))
	}
	// Go benchmark format, for tools that collect benchmark lines
	_, _ = fmt.Fprintf(out, "BenchmarkBebanBaca %d %.0f ns/op %.0f req/s %.2f p99_ms\n", len(reads),
		float64(elapsed.Nanoseconds())/float64(max(len(reads), 1)), rps, float64(pct(reads, 99).Microseconds())/1000)
	var errs []error
	if failures > 0 {
		errs = append(errs, fmt.Errorf("%d failed requests", failures))
	}
	if c.target && rps < c.minRPS {
		errs = append(errs, fmt.Errorf("authenticated reads %.0f/s below the target %.0f/s", rps, c.minRPS))
	}
	if c.target && pct(reads, 99) > c.maxP99 {
		errs = append(errs, fmt.Errorf("p99 %v above the target %v", pct(reads, 99), c.maxP99))
	}
	return errors.Join(errs...)
}

func pct(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[min(len(sorted)-1, len(sorted)*p/100)].Round(10 * time.Microsecond)
}

func mib(xs []float64) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = fmt.Sprintf("%.0f", x/(1<<20))
	}
	return strings.Join(s, " ")
}

func get(ctx context.Context, u, token string) *http.Request {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	return req
}

// login logs a demo account in, waiting out the server's per-address login limit.
func login(ctx context.Context, cl *http.Client, base, user string) (string, error) {
	body, _ := json.Marshal(map[string]string{"username": user, "password": password})
	var resp *http.Response
	for try := 0; ; try++ {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, base+"/api/v1/auth/login", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		var err error
		if resp, err = cl.Do(req); err != nil {
			return "", err
		}
		if resp.StatusCode != http.StatusTooManyRequests || try == 30 {
			break
		}
		_ = resp.Body.Close()
		wait := 2 * time.Second
		if s, err := time.ParseDuration(resp.Header.Get("Retry-After") + "s"); err == nil && s > 0 {
			wait = s
		}
		time.Sleep(wait)
	}
	defer func() { _ = resp.Body.Close() }()
	var t struct {
		AccessToken string `json:"access_token"`
	}
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("login %s: status %d (is the demo pemda loaded?)", user, resp.StatusCode)
	}
	if err := json.NewDecoder(resp.Body).Decode(&t); err != nil {
		return "", err
	}
	return t.AccessToken, nil
}

// siapkan makes sure last month's payroll run exists and is approved: the admin
// starts it (or finds it) and finance approves it.
func siapkan(ctx context.Context, cl *http.Client, base, admin string, bulan time.Time) error {
	body := fmt.Sprintf(`{"tahun":%d,"bulan":%d}`, bulan.Year(), int(bulan.Month()))
	var run struct {
		ID     string `json:"id"`
		Status string `json:"status"`
	}
	for range 600 {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, base+"/api/v1/perhitungan-tpp", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+admin)
		resp, err := cl.Do(req)
		if err != nil {
			return err
		}
		err = json.NewDecoder(resp.Body).Decode(&run)
		_ = resp.Body.Close()
		if err != nil || resp.StatusCode >= 300 {
			return fmt.Errorf("payroll run: status %d %v", resp.StatusCode, err) //nolint:errorlint // err may be nil here; %w would print %!w(<nil>)
		}
		if run.Status != "PROSES" {
			break
		}
		time.Sleep(time.Second)
	}
	if run.Status == "DISETUJUI" {
		return nil
	}
	keu, err := login(ctx, cl, base, "keuangan")
	if err != nil {
		return err
	}
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, base+"/api/v1/perhitungan-tpp/"+run.ID+"/setujui", nil)
	req.Header.Set("Authorization", "Bearer "+keu)
	resp, err := cl.Do(req)
	if err != nil {
		return err
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("approving run %s: status %d", run.ID, resp.StatusCode)
	}
	return nil
}

// daftarNIP lists the NIPs of up to n pegawai who have a rater, so that the activity
// reads see a team.
func daftarNIP(ctx context.Context, cl *http.Client, base, token string, n int) ([]string, error) {
	req := get(ctx, base+fmt.Sprintf("/api/v1/pegawai?page_size=%d", min(n, 500)), token)
	resp, err := cl.Do(req.WithContext(ctx))
	if err != nil {
		return nil, err
	}
	defer func() { _ = resp.Body.Close() }()
	var pg struct {
		Items []struct {
			NIP string `json:"nip"`
		} `json:"items"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&pg); err != nil {
		return nil, err
	}
	out := make([]string, 0, len(pg.Items))
	for _, p := range pg.Items {
		out = append(out, p.NIP)
	}
	if len(out) == 0 {
		return nil, errors.New("no pegawai: load the demo pemda first")
	}
	return out, nil
}

// metrik reads some of the server's Prometheus metrics, each summed over its labels.
func metrik(ctx context.Context, cl *http.Client, base string, names ...string) (map[string]float64, error) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"/metrics", nil)
	resp, err := cl.Do(req)
	if err != nil {
		return nil, err
	}
	defer func() { _ = resp.Body.Close() }()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	out := map[string]float64{}
	for _, line := range strings.Split(string(b), "\n") {
		for _, n := range names {
			if strings.HasPrefix(line, n+" ") || strings.HasPrefix(line, n+"{") {
				var x float64
				if _, err := fmt.Sscan(line[strings.LastIndexByte(line, ' ')+1:], &x); err != nil {
					return nil, fmt.Errorf("metric %s: %w", n, err)
				}
				out[n] += x
			}
		}
	}
	for _, n := range names {
		if _, ok := out[n]; !ok {
			return nil, fmt.Errorf("no metric %s", n)
		}
	}
	return out, nil
}

// rss reads the server's resident memory.
func rss(ctx context.Context, cl *http.Client, base string) (float64, error) {
	m, err := metrik(ctx, cl, base, "process_resident_memory_bytes")
	return m["process_resident_memory_bytes"], err
}

// beban's view of the server's work: its CPU time and the connections its pool
// closed after use (a pool churning opens a PostgreSQL backend per burst).
var bebanMetrik = []string{"process_cpu_seconds_total", "go_sql_max_idle_closed_total", "go_sql_wait_count_total"}
