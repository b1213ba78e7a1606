package repository

// scanByPosition runs q and, for every row, zeroes *r, scans the row's columns into
// dest (pointers into *r, in the order q selects them) and calls each. It spares the
// reads that return many rows, or run on most requests, gorm's reflective scan: by
// name, a column at a time, growing the slice it fills.
func scanByPosition[T any](q *gormDB, r *T, dest []any, each func() error) error {
	rows, err := q.Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var zero T
		*r = zero
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		if err := each(); err != nil {
			return err
		}
	}
	return rows.Err()
}
