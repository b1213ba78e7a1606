package repository

import "context"

// PlanCacheMode reports the plan_cache_mode a read runs under, inside generik or not.
func (db *DB) PlanCacheMode(ctx context.Context, inGenerik bool) (string, error) {
	var mode string
	read := func(ctx context.Context) error {
		return db.conn(ctx).Raw(`SHOW plan_cache_mode`).Scan(&mode).Error
	}
	var err error
	if inGenerik {
		err = db.generik(ctx, read)
	} else {
		err = read(ctx)
	}
	return mode, err
}
