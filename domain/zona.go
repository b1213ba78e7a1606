package domain

import (
	"sync"
	"time"
)

// zona holds the time zones loaded so far: time.LoadLocation reads and parses the
// zone file on every call, and most requests need their instansi's zone.
var zona sync.Map // name → *time.Location

// Zona is time.LoadLocation, loading each zone once per process.
func Zona(name string) (*time.Location, error) {
	if v, ok := zona.Load(name); ok {
		if l, ok := v.(*time.Location); ok {
			return l, nil
		}
	}
	l, err := time.LoadLocation(name)
	if err != nil {
		return nil, err
	}
	zona.Store(name, l)
	return l, nil
}
