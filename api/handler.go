package api

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/oapi-codegen/nullable"
	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/kinerja-id/kinerja/api/apigen"
	"github.com/kinerja-id/kinerja/api/jsondate"
	"github.com/kinerja-id/kinerja/domain"
	"github.com/kinerja-id/kinerja/service"
)

// Handler implements every operation of the spec by calling the services.
type Handler struct {
	Auth       *service.Auth
	Instansi   *service.Instansi
	UnitKerja  *service.UnitKerja
	Jabatan    *service.Jabatan
	Plt        *service.Plt
	Pegawai    *service.Pegawai
	Pengguna   *service.Pengguna
	KlienAPI   *service.KlienAPI
	Audit      *service.Audit
	Periode    *service.PeriodeKinerja
	SKP        *service.SKP
	Kegiatan   *service.Kegiatan
	Penilaian  *service.Penilaian
	UmpanBalik *service.UmpanBalik
	Keberatan  *service.Keberatan
	Jadwal     *service.Jadwal
	Kehadiran  *service.Kehadiran
	Izin       *service.Izin
	Hukuman    *service.HukumanDisiplin
	Fleksibel  *service.KerjaFleksibel
	Rekap      *service.Rekap
	AturanTPP  *service.AturanTPP
	PaguTPP    *service.PaguTPP
	MasukanTPP *service.MasukanTPP
	TPP        *service.TPP
	Ready      func(ctx context.Context) error
	Version    string
}

var _ apigen.StrictServerInterface = (*Handler)(nil)

// etag renders a version as a weak entity tag.
func etag(version int) *string {
	s := fmt.Sprintf(`W/"%d"`, version)
	return &s
}

// ifMatch parses If-Match into the expected version; "*" or absent means none.
// Anything unreadable can never match, so it is a stale write.
func ifMatch(h *string) (*int, error) {
	if h == nil {
		return nil, nil
	}
	s := strings.TrimSpace(*h)
	if s == "" || s == "*" {
		return nil, nil
	}
	s = strings.TrimPrefix(s, "W/")
	s = strings.Trim(s, `"`)
	v, err := strconv.Atoi(s)
	if err != nil {
		return nil, domain.Stale()
	}
	return &v, nil
}

func pageMeta(pg service.Page, total int64) (int, int, int64) {
	return pg.Page, pg.Size, total
}

func uuidOf(s string) openapi_types.UUID {
	id, err := uuid.Parse(s)
	if err != nil {
		return openapi_types.UUID{}
	}
	return id
}

func strOr(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func dateOf(t time.Time) jsondate.Date { return jsondate.Date{Time: t} }

func datePtr(d *jsondate.Date) *time.Time {
	if d == nil {
		return nil
	}
	t := d.Time
	return &t
}

// nullableTime renders an optional instant.
func nullableTime(t *time.Time) nullable.Nullable[time.Time] {
	if t == nil {
		return nullable.NewNullNullable[time.Time]()
	}
	return nullable.NewNullableWithValue(*t)
}

// intOr is the value of an optional integer, or 0.
func intOr(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}
