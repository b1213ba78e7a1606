package service

import "sync"

// terbatas is a map safe for concurrent use, bounded by its users: a put past the
// bound starts it over, which for the caches that use it (decoded TPP results,
// verified tokens) costs one decoding per entry again. The zero value is ready.
type terbatas[V any] struct {
	mu  sync.Mutex
	isi map[string]V
}

func (t *terbatas[V]) get(key string) (V, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	v, ok := t.isi[key]
	return v, ok
}

// put stores v under key, in a map of at most maks entries.
func (t *terbatas[V]) put(key string, v V, maks int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.isi == nil || len(t.isi) >= maks {
		t.isi = make(map[string]V)
	}
	t.isi[key] = v
}
