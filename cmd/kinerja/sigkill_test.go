package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/demo"
	"github.com/kinerja-id/kinerja/repository"
	"github.com/kinerja-id/kinerja/repository/repotest"
)

// TestMain lets the test binary serve as the kinerja binary for TestSIGKILLPerhitungan.
func TestMain(m *testing.M) {
	if os.Getenv("KINERJA_TEST_SERVE") == "1" {
		if err := run(context.Background(), []string{"serve"}, os.Getenv, os.Stdin, os.Stdout, os.Stderr); err != nil {
			fmt.Fprintln(os.Stderr, "kinerja:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestSIGKILLPerhitungan kills the server with SIGKILL at a random moment while it
// computes a payroll run, starts it again on the same database, and checks that the
// run either never existed or completes with exactly the lines of an undisturbed run.
func TestSIGKILLPerhitungan(t *testing.T) {
	_, dsn := repotest.NewWithURL(t, repository.Postgres)
	ctx := t.Context()
	l, err := (&net.ListenConfig{}).Listen(ctx, "tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	_ = l.Close()
	base := "http://" + addr
	start := func() *exec.Cmd {
		cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^$") //nolint:gosec // the test binary itself, re-run as the server
		cmd.Env = append(os.Environ(), "KINERJA_TEST_SERVE=1", "DATABASE_URL="+dsn, "KINERJA_ADDR="+addr,
			"KINERJA_JWT_SECRET=sigkill-test-secret-of-at-least-32-bytes", "KINERJA_DEMO=true", "KINERJA_LOG_LEVEL=error")
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		for range 300 {
			req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"/readyz", nil)
			if r, err := http.DefaultClient.Do(req); err == nil {
				_ = r.Body.Close()
				if r.StatusCode == 200 {
					return cmd
				}
			}
			time.Sleep(50 * time.Millisecond)
		}
		_ = cmd.Process.Kill()
		t.Fatalf("server did not start: %s", out.String())
		return nil
	}
	call := func(method, path, token, body string) (int, map[string]any) {
		req, _ := http.NewRequestWithContext(ctx, method, base+path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		r, err := http.DefaultClient.Do(req)
		if err != nil {
			return 0, nil
		}
		defer func() { _ = r.Body.Close() }()
		var m map[string]any
		_ = json.NewDecoder(r.Body).Decode(&m)
		return r.StatusCode, m
	}
	login := func() string {
		_, m := call("POST", "/api/v1/auth/login", "", fmt.Sprintf(`{"username":"admin","password":"%s"}`, demo.Password))
		tok, _ := m["access_token"].(string)
		if tok == "" {
			t.Fatalf("login: %v", m)
		}
		return tok
	}
	now := time.Now()
	bulan := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -1, 0)
	body := fmt.Sprintf(`{"tahun":%d,"bulan":%d}`, bulan.Year(), int(bulan.Month()))
	list := fmt.Sprintf("/api/v1/perhitungan-tpp?tahun=%d&bulan=%d", bulan.Year(), int(bulan.Month()))

	srv := start()
	defer func() { _ = srv.Process.Kill(); _ = srv.Wait() }()
	tok := login()
	st, ref := call("POST", "/api/v1/perhitungan-tpp", tok, body)
	if st != 201 {
		t.Fatalf("undisturbed run: %d %v", st, ref)
	}
	if st, _ := call("DELETE", "/api/v1/perhitungan-tpp/"+ref["id"].(string), tok, ""); st != 204 {
		t.Fatalf("delete: %d", st)
	}
	outcomes := map[string]int{}
	for i := range 4 {
		answered := make(chan int, 1)
		go func() { st, _ := call("POST", "/api/v1/perhitungan-tpp", tok, body); answered <- st }()
		time.Sleep(time.Duration(5+rand.IntN(60)) * time.Millisecond)
		_ = srv.Process.Signal(os.Kill)
		_ = srv.Wait()
		// 0: the request died with the process, so the run (if stored) was computing
		st := <-answered
		srv = start()
		tok = login()
		var run map[string]any
		first := ""
		for range 200 {
			_, pg := call("GET", list, tok, "")
			items, _ := pg["items"].([]any)
			if len(items) == 0 {
				break
			}
			run = items[0].(map[string]any)
			if first == "" {
				first = run["status"].(string)
			}
			if run["status"] != "PROSES" {
				break
			}
			time.Sleep(50 * time.Millisecond)
		}
		if run == nil {
			if st != 0 {
				t.Fatalf("the run answered %d but is not stored", st)
			}
			outcomes["killed before the run was stored"]++
			continue
		}
		t.Logf("kill %d: %s at restart, then %s with %v lines", i, first, run["status"], run["total"].(map[string]any)["jumlah_pegawai"])
		if run["status"] != "DIHITUNG" || run["sidik"] != ref["sidik"] {
			t.Fatalf("after the kill: %v %v, want DIHITUNG %v", run["status"], run["sidik"], ref["sidik"])
		}
		if st == 0 {
			outcomes["killed mid-run, computed again at restart"]++
		} else {
			outcomes["computed before the kill"]++
		}
		if st, _ := call("DELETE", "/api/v1/perhitungan-tpp/"+run["id"].(string), tok, ""); st != 204 {
			t.Fatalf("delete: %d", st)
		}
	}
	t.Logf("outcomes: %v", outcomes)
}
