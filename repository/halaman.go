package repository

// A list endpoint answers a page and the size of the whole result. Reading both in
// one statement saves a round trip per request: the page's rows carry the total as a
// window count over the whole result (computed before LIMIT applies).

// totalColumn is selected with a page's columns into a field tagged
// `gorm:"->;column:total_rows"`.
const totalColumn = ", count(*) OVER () AS total_rows"

// pageTotal is the size of the whole result given the page read with totalColumn:
// any row carries it; an empty page is an empty result unless it starts past the
// end, which only count can tell.
func pageTotal(rows int, carried int64, offset int, count func() (int64, error)) (int64, error) {
	switch {
	case rows > 0:
		return carried, nil
	case offset == 0:
		return 0, nil
	}
	return count()
}
