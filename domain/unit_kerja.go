package domain

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Organisation rules: the unit tree as materialised paths, the reporting line of
// positions, who holds a position on a date, and acting assignments.

// UnitPath is the materialised path of unit id under a parent with parentPath
// ("" for an OPD): "/root/.../id/". A subtree is then a prefix match.
func UnitPath(parentPath, id string) string {
	if parentPath == "" {
		return "/" + id + "/"
	}
	return parentPath + id + "/"
}

// PathIDs returns the ids on a path from the root down to the unit itself.
func PathIDs(path string) []string {
	var ids []string
	for _, s := range strings.Split(path, "/") {
		if s != "" {
			ids = append(ids, s)
		}
	}
	return ids
}

// InSubtree reports whether the unit at path lies in the subtree rooted at root
// (the root itself included).
func InSubtree(path, root string) bool {
	return root != "" && strings.HasPrefix(path, root)
}

// StrictlyBelow reports whether the unit at path lies in the subtree rooted at root
// and is not the root itself.
func StrictlyBelow(path, root string) bool {
	return InSubtree(path, root) && path != root
}

// CheckMove refuses to put a unit under itself or under one of its own descendants,
// which would cut the subtree off the tree. newParent nil makes the unit an OPD.
func CheckMove(u UnitKerja, newParent *UnitKerja) error {
	if newParent == nil {
		return nil
	}
	if newParent.ID == u.ID || InSubtree(newParent.Path, u.Path) {
		return Invalid("parent_id", "parent_cycle",
			"Unit kerja tidak dapat dipindahkan ke bawah dirinya sendiri atau sub-unitnya.",
			"A unit cannot be moved under itself or one of its own sub-units.")
	}
	return nil
}

// ZonaWaktuBerlaku is the time zone in force for the unit at path: its own, else the
// nearest ancestor's, else the instansi's. zoneOf gives a unit's own zone ("" for none).
func ZonaWaktuBerlaku(path string, zoneOf func(id string) string, instansiZone string) string {
	ids := PathIDs(path)
	for i := len(ids) - 1; i >= 0; i-- {
		if z := zoneOf(ids[i]); z != "" {
			return z
		}
	}
	return instansiZone
}

// UnitKerjaView is a unit as shown to clients: with the time zone in force.
type UnitKerjaView struct {
	UnitKerja
	ZonaWaktuBerlaku string
}

// UnitKerjaNode is a unit with its sub-units, for the tree.
type UnitKerjaNode struct {
	UnitKerjaView
	Children []UnitKerjaNode
}

// BuildUnitTree nests units by parent. A unit whose parent is not among them is a
// top node (so a subtree builds from its root). Siblings are ordered by kode, then nama.
func BuildUnitTree(units []UnitKerjaView) []UnitKerjaNode {
	byID := make(map[string]bool, len(units))
	for _, u := range units {
		byID[u.ID] = true
	}
	children := map[string][]UnitKerjaView{}
	var tops []UnitKerjaView
	for _, u := range units {
		if u.ParentID != "" && byID[u.ParentID] {
			children[u.ParentID] = append(children[u.ParentID], u)
		} else {
			tops = append(tops, u)
		}
	}
	var build func(us []UnitKerjaView) []UnitKerjaNode
	build = func(us []UnitKerjaView) []UnitKerjaNode {
		slices.SortFunc(us, func(a, b UnitKerjaView) int {
			return cmp.Or(cmp.Compare(a.Kode, b.Kode), cmp.Compare(a.Nama, b.Nama), cmp.Compare(a.ID, b.ID))
		})
		out := make([]UnitKerjaNode, len(us))
		for i, u := range us {
			out[i] = UnitKerjaNode{UnitKerjaView: u, Children: build(children[u.ID])}
		}
		return out
	}
	return build(tops)
}

// UnitKerjaUsage counts what still hangs on a unit.
type UnitKerjaUsage struct {
	SubUnit int64
	Jabatan int64
}

// CheckDelete refuses to delete a unit that still has sub-units or positions.
func (u UnitKerjaUsage) CheckDelete() error {
	if u.SubUnit > 0 || u.Jabatan > 0 {
		return Conflict("unit_kerja_in_use",
			fmt.Sprintf("Unit kerja masih memiliki %d sub-unit dan %d jabatan; pindahkan atau hapus dahulu.", u.SubUnit, u.Jabatan),
			fmt.Sprintf("The unit still has %d sub-units and %d positions; move or delete them first.", u.SubUnit, u.Jabatan))
	}
	return nil
}

// Sources of holding a position.
const (
	SumberDefinitif = "DEFINITIF"
	SumberPLT       = "PLT"
	SumberPLH       = "PLH"
)

// TerminalStatuses end an employee's tenure: someone retired, dismissed, deceased or
// transferred out no longer holds the position of their last riwayat row.
var TerminalStatuses = []StatusKepegawaian{StatusPensiun, StatusDiberhentikan, StatusMeninggal, StatusPindah}

// HoldsPosition reports whether an employee with this status still holds the position
// of their riwayat. Suspension, CLTN, study leave and MPP keep the position.
func HoldsPosition(s StatusKepegawaian) bool { return !slices.Contains(TerminalStatuses, s) }

// JabatanView is a position as of a date: with its holders, definitive first.
type JabatanView struct {
	Jabatan
	Pemangku []Pemangku
	Kosong   bool
}

// NewJabatanView orders the holders (definitive, then Plt, then Plh, each by name) and
// sets Kosong: fewer definitive holders than kebutuhan. An acting official does not fill
// a vacancy; it shows that one exists.
func NewJabatanView(j Jabatan, holders []Pemangku) JabatanView {
	rank := map[string]int{SumberDefinitif: 0, SumberPLT: 1, SumberPLH: 2}
	hs := slices.Clone(holders)
	slices.SortFunc(hs, func(a, b Pemangku) int {
		return cmp.Or(cmp.Compare(rank[a.Sumber], rank[b.Sumber]), cmp.Compare(a.Nama, b.Nama), cmp.Compare(a.NIP, b.NIP))
	})
	if hs == nil {
		hs = []Pemangku{}
	}
	definitif := 0
	for _, h := range hs {
		if h.Sumber == SumberDefinitif {
			definitif++
		}
	}
	return JabatanView{Jabatan: j, Pemangku: hs, Kosong: definitif < j.Kebutuhan}
}

// maxReportingDepth bounds the walk up a reporting line; no real organisation chart
// is this deep, so reaching it means the stored line is already broken.
const maxReportingDepth = 64

// CheckReportingLine refuses an atasan that would close a loop: the position itself,
// or any position that (through its own superiors) reports to it. atasanOf returns a
// position's superior ("" at the top).
func CheckReportingLine(jabatanID, atasanID string, atasanOf func(id string) (string, error)) error {
	cycle := Invalid("atasan_jabatan_id", "atasan_cycle",
		"Atasan jabatan ini membentuk lingkaran: jabatan tidak boleh menjadi atasan dirinya sendiri, langsung atau tidak langsung.",
		"This superior closes a loop: a position cannot be its own superior, directly or indirectly.")
	cur := atasanID
	for range maxReportingDepth {
		if cur == "" {
			return nil
		}
		if cur == jabatanID {
			return cycle
		}
		next, err := atasanOf(cur)
		if err != nil {
			return err
		}
		cur = next
	}
	return cycle
}

// JabatanUsage counts what still refers to a position.
type JabatanUsage struct {
	Riwayat    int64 // riwayat_pegawai rows, at any date
	Bawahan    int64 // positions reporting to it
	Plt        int64 // acting assignments, past or present
	KepalaUnit int64 // units it heads
}

// CheckDelete refuses to delete a position anyone has ever held, anyone reports to,
// or that heads a unit: history and reporting lines must stay intact.
func (u JabatanUsage) CheckDelete() error {
	if u.Riwayat == 0 && u.Bawahan == 0 && u.Plt == 0 && u.KepalaUnit == 0 {
		return nil
	}
	return Conflict("jabatan_in_use",
		fmt.Sprintf("Jabatan masih dirujuk: %d riwayat pegawai, %d jabatan bawahan, %d Plt/Plh, %d unit kerja (kepala).",
			u.Riwayat, u.Bawahan, u.Plt, u.KepalaUnit),
		fmt.Sprintf("The position is still referenced: %d employee history rows, %d subordinate positions, %d Plt/Plh, %d units (head).",
			u.Riwayat, u.Bawahan, u.Plt, u.KepalaUnit))
}

// ValidatePltPeriod checks an acting assignment's dates: it may be open-ended, and
// otherwise ends on or after its first day.
func ValidatePltPeriod(mulai time.Time, selesai *time.Time) error {
	if selesai != nil && selesai.Before(mulai) {
		return Invalid("tanggal_selesai", "period_reversed",
			"Tanggal selesai tidak boleh sebelum tanggal mulai.",
			"tanggal_selesai cannot be before tanggal_mulai.")
	}
	return nil
}

// MissingRef reports that a referenced record named in field does not exist within
// the caller's instansi (404, naming the field).
func MissingRef(field, entity string) *Error {
	e := NotFound(entity)
	e.Fields = []FieldError{{Field: field, Code: "not_found", Text: e.Text}}
	return e
}
