package domain

import (
	"testing"
	"time"
)

func TestParseNIP(t *testing.T) {
	tests := []struct {
		name  string
		nip   string
		jenis JenisASN
		code  string // expected field error code; "" for valid
	}{
		{"documented example", "198609262015051001", JenisPNS, ""},
		{"cpns uses the PNS layout", "199901012025031002", JenisCPNS, ""},
		{"pppk with 21 in digits 13-14", "198906152022212006", JenisPPPK, ""},
		{"pns with 21 as month", "198906152022212006", JenisPNS, "nip_tmt_month"},
		{"too short", "19860926201505100", JenisPNS, "nip_length"},
		{"letters", "19860926201505100A", JenisPNS, "nip_not_digits"},
		{"bad birth date", "198602302015051001", JenisPNS, "nip_birth_date"},
		{"month 00", "198609262015001001", JenisPNS, "nip_tmt_month"},
		{"month 13", "198609262015131001", JenisPNS, "nip_tmt_month"},
		{"tmt before adulthood", "198609261990051001", JenisPNS, "nip_tmt_year"},
		{"gender 3", "198609262015053001", JenisPNS, "nip_gender"},
		{"sequence 000", "198609262015051000", JenisPNS, "nip_sequence"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info, err := ParseNIP(tt.nip, tt.jenis)
			if tt.code == "" {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			de, ok := AsError(err)
			if !ok || len(de.Fields) != 1 || de.Fields[0].Field != "nip" || de.Fields[0].Code != tt.code {
				t.Fatalf("got %v (%+v), want field nip code %s", err, info, tt.code)
			}
			if de.Fields[0].Text.ID == "" || de.Fields[0].Text.EN == "" {
				t.Fatalf("message missing a language: %+v", de.Fields[0].Text)
			}
		})
	}
	info, _ := ParseNIP("198609262015051001", JenisPNS)
	if !info.BirthDate.Equal(time.Date(1986, 9, 26, 0, 0, 0, 0, time.UTC)) || info.TMTYear != 2015 || info.TMTMonth != 5 || !info.Male || info.Sequence != 1 {
		t.Fatalf("decoded %+v", info)
	}
}

func TestGolongan(t *testing.T) {
	for _, ok := range []struct {
		j JenisASN
		g string
	}{{JenisPNS, "I/a"}, {JenisPNS, "IV/e"}, {JenisCPNS, "III/a"}, {JenisPPPK, "I"}, {JenisPPPK, "XVII"}} {
		if err := ValidGolongan(ok.j, ok.g); err != nil {
			t.Errorf("%s %s: %v", ok.j, ok.g, err)
		}
	}
	for _, bad := range []struct {
		j JenisASN
		g string
	}{{JenisPNS, "IV/f"}, {JenisPNS, "IX"}, {JenisPPPK, "III/a"}, {JenisPPPK, "XVIII"}, {JenisPNS, ""}} {
		if err := ValidGolongan(bad.j, bad.g); err == nil {
			t.Errorf("%s %q accepted", bad.j, bad.g)
		}
	}
	if GolonganRuang("III/b") != "III" || GolonganRuang("IX") != "" {
		t.Fatal("GolonganRuang")
	}
}

func TestValidateJabatanClass(t *testing.T) {
	if err := ValidateJabatanClass(JabatanFungsional, JenjangAhliMuda, 9); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		j  JenisJabatan
		jj Jenjang
		k  int
	}{{JabatanFungsional, "", 9}, {JabatanPelaksana, JenjangMahir, 6}, {JabatanPelaksana, "", 0}, {JabatanPelaksana, "", 18}} {
		if ValidateJabatanClass(c.j, c.jj, c.k) == nil {
			t.Errorf("%+v accepted", c)
		}
	}
}

func TestValidateRoles(t *testing.T) {
	cases := []struct {
		roles              []Role
		instansi, unit, ok bool
	}{
		{[]Role{RoleSuperadmin}, false, false, true},
		{[]Role{RoleSuperadmin, RolePegawai}, false, false, false},
		{[]Role{RoleSuperadmin}, true, false, false},
		{[]Role{RoleAdminInstansi, RolePegawai}, true, false, true},
		{[]Role{RoleAdminUnit}, true, false, false},
		{[]Role{RoleAdminUnit}, true, true, true},
		{[]Role{RoleKeuangan}, true, true, false},
		{[]Role{RoleKeuangan}, false, false, false},
		{[]Role{"ROOT"}, true, false, false},
		{nil, true, false, false},
	}
	for _, c := range cases {
		if got := ValidateRoles(c.roles, c.instansi, c.unit) == nil; got != c.ok {
			t.Errorf("%v instansi=%v unit=%v: ok=%v, want %v", c.roles, c.instansi, c.unit, got, c.ok)
		}
	}
}

func TestValidatePassword(t *testing.T) {
	for pw, ok := range map[string]bool{"short": false, "1234567890": false, "kuda-lari-di-sawah": true} {
		if got := ValidatePassword("password", pw) == nil; got != ok {
			t.Errorf("%q: ok=%v", pw, got)
		}
	}
}

func TestInstansiToday(t *testing.T) {
	now := time.Date(2026, 3, 31, 16, 30, 0, 0, time.UTC) // 23:30 WIB, 00:30 WITA, 01:30 WIT
	for zone, want := range map[string]int{"Asia/Jakarta": 31, "Asia/Makassar": 1, "Asia/Jayapura": 1, "Bukan/Zona": 31} {
		got := Instansi{ZonaWaktu: zone}.Today(now)
		if got.Day() != want || got.Location() != time.UTC || got.Hour() != 0 {
			t.Errorf("%s: today = %v, want day %d at midnight UTC", zone, got, want)
		}
	}
}
