/* write.c - the changes to days (edit, delete, import), each one
 * transaction with its undo record, and the recompute of the stored
 * projections they share.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>

/* Store p unless the stored row already equals it; *same tells which. */
static int put_proj(struct journal *j, const struct engine_proj *p, bool compare, bool *same,
		    struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	int r;

	*same = false;
	if (compare) {
		struct engine_proj old;
		bool found;
		if ((r = jn_get_proj(j, p->day, &old, &found, e)))
			return r;
		if (found && jn_proj_equal(&old, p)) {
			*same = true;
			return 0;
		}
	}
	if ((r = jn_stmt(j, S_PUT_PROJ, &s, e)))
		return r;
	jn_bind_proj(s, p);
	return jn_run(j, s, e);
}

/* Recompute and store the projections from day `from` to the last logged
 * day.  Inputs after `changed_to` did not change, so past that day the walk
 * stops at the first projection that comes out equal to the stored one:
 * the state it carries is the same, hence so is every later day.  Pass
 * date_max() as changed_to to recompute everything. */
int jn_recompute(struct journal *j, rw_day from, rw_day changed_to, struct rw_error *e)
{
	struct engine_params params;
	struct engine_state st;
	struct engine_proj proj;
	sqlite3_stmt *s = NULL;
	rw_day first, last, day;
	bool found, same;
	int r, rc;

	if ((r = jn_load_params(j, &params, e)) || (r = jn_bounds(j, &first, &last, &found, e)))
		return r;
	if (!found)
		return jn_run_id(j, S_CLEAR_PROJ, e);
	if ((r = jn_stmt(j, S_TRIM_PROJ, &s, e)))
		return r;
	jn_bind_day(s, 1, first);
	jn_bind_day(s, 2, last);
	if ((r = jn_run(j, s, e)))
		return r;
	if (from > last)
		return 0;
	engine_state_init(&st);
	if (from > first) {
		if ((r = jn_get_proj(j, from - 1, &proj, &found, e)))
			return r;
		if (found)
			engine_state_from_proj(&st, &proj);
		else
			from = first;
	} else {
		from = first;
	}

	if ((r = jn_stmt(j, S_DAYS_FROM, &s, e)))
		return r;
	jn_bind_day(s, 1, from);
	day = from;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct engine_day d;
		if ((r = jn_row_engine_day(j, s, &d, e)))
			break;
		for (; day <= d.day; day++) {
			engine_step(&params, &st, day == d.day ? &d : NULL, day, &proj);
			if ((r = put_proj(j, &proj, day > changed_to, &same, e)))
				goto out;
			if (same)
				goto out;
		}
	}
	if (r == 0 && rc != SQLITE_DONE)
		r = jn_fail(j, rc, e);
out:
	jn_done(s);
	return r;
}

int journal_edit(struct journal *j, rw_day day, journal_edit_fn fn, void *ctx,
		 struct rw_error *e)
{
	struct entry *en = malloc(sizeof *en);
	char what[32], date[DATE_BUFSZ];
	sqlite3_int64 id;
	bool found;
	int r;

	if (!en)
		return rw_fail(e, RW_ENOMEM, "out of memory");
	snprintf(what, sizeof what, "log %s", date_format(day, date));
	if ((r = jn_begin(j, e)))
		goto out;
	if ((r = jn_get_entry(j, day, en, &found, e)) || (r = jn_day_agrees(j, day, found, e)) ||
	    (r = fn(ctx, en, found, e)) ||
	    (r = entry_validate(en, e)) || (r = jn_new_change(j, what, &id, e)) ||
	    (r = jn_save_day(j, id, day, e)) || (r = jn_put_entry(j, en, e)) ||
	    (r = jn_recompute(j, day, day, e)) || (r = jn_commit(j, e)))
		jn_rollback(j, r);
out:
	free(en);
	return r;
}

int journal_delete(struct journal *j, rw_day day, struct rw_error *e)
{
	struct entry *en = malloc(sizeof *en);
	char what[32], date[DATE_BUFSZ];
	sqlite3_int64 id;
	bool found;
	int r;

	if (!en)
		return rw_fail(e, RW_ENOMEM, "out of memory");
	date_format(day, date);
	snprintf(what, sizeof what, "delete %s", date);
	if ((r = jn_begin(j, e)))
		goto out;
	if ((r = jn_get_entry(j, day, en, &found, e)) == 0)
		r = jn_day_agrees(j, day, found, e);
	if (r == 0 && !found)
		r = rw_fail(e, RW_EDATA, "--date: %s has no entry to delete", date);
	if (r || (r = jn_new_change(j, what, &id, e)) || (r = jn_save_day(j, id, day, e)) ||
	    (r = jn_del_entry(j, day, e)) || (r = jn_recompute(j, day, day, e)) ||
	    (r = jn_commit(j, e)))
		jn_rollback(j, r);
out:
	free(en);
	return r;
}

int journal_import(struct journal *j, journal_next_fn next, void *ctx, long *count,
		   struct rw_error *e)
{
	struct entry *en = malloc(sizeof *en);
	sqlite3_int64 id;
	rw_day lo = 0, hi = 0;
	long n = 0;
	int r;

	*count = 0;
	if (!en)
		return rw_fail(e, RW_ENOMEM, "out of memory");
	if ((r = jn_begin(j, e)))
		goto out;
	if ((r = jn_days_agree(j, date_min(), date_max(), e)) ||
	    (r = jn_new_change(j, "import", &id, e)))
		goto fail;
	while ((r = next(ctx, en, e)) == 1) {
		if ((r = entry_validate(en, e)) || (r = jn_save_day(j, id, en->day, e)) ||
		    (r = jn_put_entry(j, en, e)))
			goto fail;
		if (n == 0 || en->day < lo)
			lo = en->day;
		if (n == 0 || en->day > hi)
			hi = en->day;
		n++;
	}
	if (r < 0)
		goto fail;
	if (n == 0) {
		jn_rollback(j, 0);
		goto out;
	}
	{
		sqlite3_stmt *s = NULL;
		char what[80], a[DATE_BUFSZ], b[DATE_BUFSZ];
		if (n == 1)
			snprintf(what, sizeof what, "import 1 day (%s)", date_format(lo, a));
		else
			snprintf(what, sizeof what, "import %ld days (%s to %s)", n,
				 date_format(lo, a), date_format(hi, b));
		if ((r = jn_stmt(j, S_SET_CHANGE_WHAT, &s, e)))
			goto fail;
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_text(s, 2, what, -1, SQLITE_TRANSIENT);
		if ((r = jn_run(j, s, e)))
			goto fail;
	}
	if ((r = jn_recompute(j, lo, hi, e)) || (r = jn_commit(j, e)))
		goto fail;
	*count = n;
	goto out;
fail:
	jn_rollback(j, r);
out:
	free(en);
	return r;
}
