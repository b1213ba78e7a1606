package service

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/domain"
)

// UmpanBalikStore is the storage UmpanBalik needs.
type UmpanBalikStore interface {
	GetInstansi(ctx context.Context, id string) (domain.Instansi, error)
	PegawaiViewByNIP(ctx context.Context, instansiID, nip string, asOf time.Time) (domain.PegawaiView, error)
	PegawaiByNIP(ctx context.Context, instansiID, nip string) (domain.Pegawai, error)
	CreateUmpanBalik(ctx context.Context, u domain.UmpanBalik) error
	GetUmpanBalik(ctx context.Context, instansiID, id string, asOf time.Time) (domain.UmpanBalik, error)
	ListUmpanBalik(ctx context.Context, f domain.UmpanBalikFilter) ([]domain.UmpanBalik, int64, error)
	AnswerUmpanBalik(ctx context.Context, id, pegawaiID string, js []domain.JawabanNilai) error
}

// UmpanBalik runs peer and subordinate feedback on a pegawai's BerAKHLAK behaviour
// (SE MenPANRB 20/2021), which informs the rater's rating perilaku.
//
// Access: the pegawai's rater (on today's organisation chart) or an administrator
// whose scope covers the pegawai's unit asks chosen colleagues of the instansi; only
// those colleagues answer, once, by the deadline. Answers are stored without their
// author, so nobody can tie one to a colleague. The rater, administrators in scope and
// auditors see who was asked, who answered and the aggregate; the pegawai rated sees
// the aggregate once domain.MinJawabanAnonim colleagues answered; a respondent sees
// the request and whether they answered.
type UmpanBalik struct {
	Base
	Store UmpanBalikStore
	Org   ReportingChain
}

// UmpanBalikInput is a new feedback request.
type UmpanBalikInput struct {
	NIP        string // the pegawai rated
	Tahun      int
	Periode    int // 0: the whole year
	BatasWaktu time.Time
	Pesan      string
	Responden  []string // NIPs of the colleagues asked
}

// isRater reports whether the caller rates pegawaiID on date d.
func (s *UmpanBalik) isRater(ctx context.Context, a domain.Actor, inst, pegawaiID string, d time.Time) (bool, error) {
	if a.PegawaiID == "" || a.PegawaiID == pegawaiID {
		return false, nil
	}
	chain, err := s.Org.Chain(ctx, inst, pegawaiID, d)
	if err != nil {
		if isNotFound(err) {
			return false, nil
		}
		return false, err
	}
	return len(chain) > 0 && chain[0].PegawaiID == a.PegawaiID, nil
}

// pihak decides how the caller stands to a request on date today.
func (s *UmpanBalik) pihak(ctx context.Context, a domain.Actor, u domain.UmpanBalik, today time.Time) (domain.PihakUmpanBalik, error) {
	pengelola := kinReadsUnit(a, u.UnitPath)
	if !pengelola && a.PegawaiID != "" && a.PegawaiID != u.PegawaiID {
		var err error
		if pengelola, err = s.isRater(ctx, a, u.InstansiID, u.PegawaiID, today); err != nil {
			return domain.PihakLain, err
		}
	}
	return u.Pihak(a.PegawaiID, pengelola), nil
}

// Get reads one request as the caller may see it.
func (s *UmpanBalik) Get(ctx context.Context, id string) (domain.UmpanBalikView, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.UmpanBalikView{}, err
	}
	today, err := s.today(ctx, s.Store, inst)
	if err != nil {
		return domain.UmpanBalikView{}, err
	}
	u, err := s.Store.GetUmpanBalik(ctx, inst, id, today)
	if err != nil {
		return domain.UmpanBalikView{}, err
	}
	p, err := s.pihak(ctx, a, u, today)
	if err != nil {
		return domain.UmpanBalikView{}, err
	}
	if p == domain.PihakLain {
		return domain.UmpanBalikView{}, domain.NotFound("Umpan balik")
	}
	return u.View(p, a.PegawaiID), nil
}

// List returns a page of the requests within the caller's reach: with tugasSaya, the
// ones they are asked to answer; otherwise also the ones about them, about the
// people they rate and, for administrators and auditors, those in their scope.
func (s *UmpanBalik) List(ctx context.Context, f domain.UmpanBalikFilter, tugasSaya bool, pg Page) ([]domain.UmpanBalikView, int64, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return nil, 0, err
	}
	today, err := s.today(ctx, s.Store, inst)
	if err != nil {
		return nil, 0, err
	}
	f.InstansiID, f.AsOf, f.Offset, f.Limit = inst, today, pg.Offset(), pg.Size
	var dinilai map[string]bool // the people the caller rates today
	if a.PegawaiID != "" && !kinReadsAll(a) {
		if dinilai, err = s.bawahan(ctx, inst, a.PegawaiID, today); err != nil {
			return nil, 0, err
		}
	}
	switch {
	case tugasSaya:
		if a.PegawaiID == "" {
			return []domain.UmpanBalikView{}, 0, nil
		}
		f.RespondenID = a.PegawaiID
	case kinReadsAll(a):
	default:
		f.Terbatas = true
		if a.Has(domain.RoleAdminUnit) {
			f.ScopePath = a.UnitPath
		}
		if a.PegawaiID != "" {
			f.DitanyaID = a.PegawaiID
			f.PegawaiIDs = append(f.PegawaiIDs, a.PegawaiID)
			for id := range dinilai {
				f.PegawaiIDs = append(f.PegawaiIDs, id)
			}
		}
	}
	us, total, err := s.Store.ListUmpanBalik(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	out := make([]domain.UmpanBalikView, len(us))
	for i, u := range us {
		p := u.Pihak(a.PegawaiID, kinReadsUnit(a, u.UnitPath) || dinilai[u.PegawaiID])
		out[i] = u.View(p, a.PegawaiID)
	}
	return out, total, nil
}

// bawahan returns the employees raterID rates on d.
func (s *UmpanBalik) bawahan(ctx context.Context, inst, raterID string, d time.Time) (map[string]bool, error) {
	bs, err := s.Org.Subordinates(ctx, inst, raterID, d)
	if err != nil {
		return nil, err
	}
	out := make(map[string]bool, len(bs))
	for _, b := range bs {
		out[b.PegawaiID] = true
	}
	return out, nil
}

// Create asks colleagues for feedback on a pegawai.
func (s *UmpanBalik) Create(ctx context.Context, in UmpanBalikInput) (domain.UmpanBalikView, error) {
	a, inst, err := tenant(ctx)
	if err != nil {
		return domain.UmpanBalikView{}, err
	}
	if err := requireWrite(a); err != nil {
		return domain.UmpanBalikView{}, err
	}
	today, err := s.today(ctx, s.Store, inst)
	if err != nil {
		return domain.UmpanBalikView{}, err
	}
	pv, err := s.Store.PegawaiViewByNIP(ctx, inst, in.NIP, today)
	if err != nil {
		return domain.UmpanBalikView{}, missingAs(err, "nip", "Pegawai")
	}
	if a.PegawaiID != "" && a.PegawaiID == pv.Pegawai.ID {
		// Whoever asks sees who was asked; the pegawai rated must not.
		return domain.UmpanBalikView{}, domain.Forbidden(
			"Umpan balik tentang diri Anda diminta oleh penilai Anda atau admin lain.",
			"Feedback on yourself is requested by your rater or another administrator.")
	}
	if !kinAdminCovers(a, pv.UnitPath) {
		rater, err := s.isRater(ctx, a, inst, pv.Pegawai.ID, today)
		if err != nil {
			return domain.UmpanBalikView{}, err
		}
		if !rater {
			// Colleagues of one instansi name each other as respondents, so a pegawai
			// learns nothing from being told they are not this one's rater.
			if kinReadsUnit(a, pv.UnitPath) || a.PegawaiID != "" {
				return domain.UmpanBalikView{}, domain.Forbidden(
					"Hanya penilai pegawai ini atau admin yang berwenang yang dapat meminta umpan balik.",
					"Only this pegawai's rater or an administrator in scope may ask for feedback.")
			}
			return domain.UmpanBalikView{}, domain.MissingRef("nip", "Pegawai")
		}
	}
	var v domain.Validation
	v.Merge("", domain.ValidateBatasWaktu(domain.Date(in.BatasWaktu, time.UTC), today))
	u := domain.UmpanBalik{ID: newID(), InstansiID: inst, PegawaiID: pv.Pegawai.ID, NIP: pv.NIP,
		Nama: pv.Pegawai.NamaLengkap(), UnitPath: pv.UnitPath, Tahun: in.Tahun, Periode: in.Periode,
		BatasWaktu: domain.Date(in.BatasWaktu, time.UTC), Pesan: strings.TrimSpace(in.Pesan), DimintaOleh: a.Name,
		Jawaban: []domain.JawabanNilai{}, CreatedAt: s.Now().UTC()}
	seen := map[string]bool{}
	for i, nip := range in.Responden {
		field := fmt.Sprintf("responden/%d", i)
		switch {
		case seen[nip]:
			v.Add(field, "responden_ganda", "Responden disebut lebih dari sekali.", "The respondent is listed more than once.")
			continue
		case nip == pv.NIP:
			v.Add(field, "responden_dinilai", "Pegawai yang dinilai tidak dapat menjadi responden umpan baliknya sendiri.",
				"The pegawai rated cannot be a respondent on their own feedback.")
			continue
		}
		seen[nip] = true
		p, err := s.Store.PegawaiByNIP(ctx, inst, nip)
		if isNotFound(err) {
			v.Add(field, "responden_tidak_dikenal", fmt.Sprintf("Tidak ada pegawai dengan NIP %s di instansi ini.", nip),
				fmt.Sprintf("No pegawai of this instansi has NIP %s.", nip))
			continue
		}
		if err != nil {
			return domain.UmpanBalikView{}, err
		}
		u.Responden = append(u.Responden, domain.Responden{PegawaiID: p.ID, NIP: p.NIP, Nama: p.NamaLengkap()})
	}
	if err := v.Err(); err != nil {
		return domain.UmpanBalikView{}, err
	}
	err = s.Tx.InTx(ctx, func(ctx context.Context) error {
		if err := s.Store.CreateUmpanBalik(ctx, u); err != nil {
			return err
		}
		return s.record(ctx, inst, "CREATE", "umpan_balik", u.ID, nil, u)
	})
	if err != nil {
		return domain.UmpanBalikView{}, err
	}
	out, err := s.Store.GetUmpanBalik(ctx, inst, u.ID, today)
	if err != nil {
		return domain.UmpanBalikView{}, err
	}
	return out.View(domain.PihakPengelola, a.PegawaiID), nil
}

// Answer records the caller's answers to a request they were asked to answer. The
// answers are stored without their author; the audit log records that the caller
// answered, never what.
func (s *UmpanBalik) Answer(ctx context.Context, id string, js []domain.JawabanNilai) error {
	a, inst, err := tenant(ctx)
	if err != nil {
		return err
	}
	if err := requireWrite(a); err != nil {
		return err
	}
	for i := range js {
		js[i].Komentar = strings.TrimSpace(js[i].Komentar)
	}
	if err := domain.ValidateJawaban(js); err != nil {
		return err
	}
	today, err := s.today(ctx, s.Store, inst)
	if err != nil {
		return err
	}
	return s.Tx.InTx(ctx, func(ctx context.Context) error {
		u, err := s.Store.GetUmpanBalik(ctx, inst, id, today)
		if err != nil {
			return err
		}
		r := u.Ditanya(a.PegawaiID)
		if r == nil {
			p, err := s.pihak(ctx, a, u, today)
			if err != nil {
				return err
			}
			if p == domain.PihakLain {
				return domain.NotFound("Umpan balik")
			}
			return domain.Forbidden("Hanya pegawai yang diminta yang dapat menjawab umpan balik ini.",
				"Only the colleagues asked may answer this feedback request.")
		}
		if err := u.CanAnswer(*r, today); err != nil {
			return err
		}
		if err := s.Store.AnswerUmpanBalik(ctx, u.ID, r.PegawaiID, js); err != nil {
			return err
		}
		type jawab struct {
			Responden string `json:"responden"`
			Dijawab   bool   `json:"dijawab"`
		}
		return s.record(ctx, inst, "UPDATE", "umpan_balik", u.ID, jawab{r.NIP, false}, jawab{r.NIP, true})
	})
}
