package repository

import (
	"context"
	"reflect"
	"sync"
	"testing"

	"gorm.io/gorm/schema"
)

// TestBarisTPPDest: a line's scan destinations are the fields gorm maps barisTPPCols
// to, in that order, so a line read by position is the line gorm would read by name.
func TestBarisTPPDest(t *testing.T) {
	s, err := schema.Parse(&barisTPPRow{}, &sync.Map{}, schema.NamingStrategy{})
	if err != nil {
		t.Fatal(err)
	}
	var r barisTPPRow
	dest := r.dest()
	if len(dest) != len(barisTPPCols) {
		t.Fatalf("%d destinations for %d columns", len(dest), len(barisTPPCols))
	}
	v := reflect.ValueOf(&r).Elem()
	for i, col := range barisTPPCols {
		f := s.LookUpField(col)
		if f == nil {
			t.Fatalf("column %s: no field", col)
		}
		if want := f.ReflectValueOf(context.Background(), v).Addr().Interface(); dest[i] != want {
			t.Errorf("destination %d is not the field of column %s (%s)", i, col, f.Name)
		}
	}
}
