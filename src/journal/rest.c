/* rest.c - timed rest: the stretches of lying down (docs/formats.md),
 * down and up, and the tracked hours they add to each local day.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>

#include "clock.h"

/* One number from a statement whose first row's first column is it. */
static int one_int64(struct journal *j, sqlite3_stmt *s, int64_t *out, struct rw_error *e)
{
	int rc = sqlite3_step(s);

	*out = rc == SQLITE_ROW ? sqlite3_column_int64(s, ONE_COL) : 0;
	jn_done(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : jn_fail(j, rc, e);
}

static int open_stretch(struct journal *j, struct journal_stretch *st, bool *found,
			struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	int r = jn_stmt(j, S_OPEN_STRETCH, &s, e), rc;

	if (r)
		return r;
	rc = sqlite3_step(s);
	*found = rc == SQLITE_ROW;
	if (*found) {
		st->id = sqlite3_column_int64(s, OS_ID);
		st->down_at = sqlite3_column_int64(s, OS_DOWN);
		st->up_at = 0;
		st->open = true;
	}
	jn_done(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : jn_fail(j, rc, e);
}

int journal_open_stretch(struct journal *j, struct journal_stretch *st, bool *found,
			 struct rw_error *e)
{
	bool started;
	int r = jn_read_begin(j, &started, e);

	if (r)
		return r;
	return jn_read_end(j, started, open_stretch(j, st, found, e));
}

/* Remember stretch id as it is now for undo. */
static int save_stretch(struct journal *j, sqlite3_int64 change, int64_t id,
			struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	int r = jn_stmt(j, S_SAVE_STRETCH, &s, e);

	if (r)
		return r;
	sqlite3_bind_int64(s, 1, change);
	sqlite3_bind_int64(s, 2, id);
	return jn_run(j, s, e);
}

int jn_undo_stretches(struct journal *j, sqlite3_int64 change, struct rw_error *e)
{
	sqlite3_stmt *s = NULL, *w = NULL;
	int r = jn_stmt(j, S_CHANGE_STRETCHES, &s, e), rc;

	if (r)
		return r;
	sqlite3_bind_int64(s, 1, change);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		bool existed = sqlite3_column_int(s, CS_EXISTED) != 0;
		if ((r = jn_stmt(j, existed ? S_PUT_STRETCH : S_DEL_STRETCH, &w, e)))
			break;
		sqlite3_bind_int64(w, 1, sqlite3_column_int64(s, CS_ID));
		if (existed) {
			sqlite3_bind_int64(w, 2, sqlite3_column_int64(s, CS_DOWN));
			if (sqlite3_column_type(s, CS_UP) == SQLITE_NULL)
				sqlite3_bind_null(w, 3);
			else
				sqlite3_bind_int64(w, 3, sqlite3_column_int64(s, CS_UP));
		}
		if ((r = jn_run(j, w, e)))
			break;
	}
	if (r == 0 && rc != SQLITE_DONE)
		r = jn_fail(j, rc, e);
	jn_done(s);
	return r;
}

/* Does a recorded stretch cover the instant at?  RW_EDATA when it does. */
static int refuse_covered(struct journal *j, int64_t at, const char *field,
			  struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	int64_t n;
	int r = jn_stmt(j, S_STRETCH_AT, &s, e);

	if (r)
		return r;
	sqlite3_bind_int64(s, 1, at);
	if ((r = one_int64(j, s, &n, e)))
		return r;
	return n ? rw_fail(e, RW_EDATA, "%s: you were already recorded as lying down then",
			   field)
		 : 0;
}

int journal_down(struct journal *j, int64_t at, struct rw_error *e)
{
	struct journal_stretch open;
	sqlite3_stmt *s = NULL;
	sqlite3_int64 id;
	char what[48], when[32];
	bool found;
	int r;

	snprintf(what, sizeof what, "down %s", clock_format_local(at, when, sizeof when));
	if ((r = jn_begin(j, e)))
		return r;
	if ((r = open_stretch(j, &open, &found, e)))
		return jn_rollback(j, r);
	if (found)
		return jn_rollback(j, rw_fail(e, RW_EDATA, "down: already lying down since %s",
					   clock_format_local(open.down_at, when, sizeof when)));
	if ((r = refuse_covered(j, at, "--at", e)) || (r = jn_new_change(j, what, &id, e)) ||
	    (r = jn_stmt(j, S_NEW_STRETCH, &s, e)))
		return jn_rollback(j, r);
	sqlite3_bind_int64(s, 1, at);
	if ((r = jn_run(j, s, e)))
		return jn_rollback(j, r);
	/* undo deletes the stretch this change made */
	if ((r = jn_stmt(j, S_SAVE_NO_STRETCH, &s, e)))
		return jn_rollback(j, r);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, sqlite3_last_insert_rowid(j->db));
	if ((r = jn_run(j, s, e)) || (r = jn_commit(j, e)))
		return jn_rollback(j, r);
	return 0;
}

/* Add the hours of [from, to) to tracked_hours of each local day it touches. */
static int add_tracked(struct journal *j, sqlite3_int64 change, int64_t from, int64_t to,
		       rw_day *first, struct rw_error *e)
{
	struct entry *en = malloc(sizeof *en);
	bool found;
	int r = 0;

	if (!en)
		return rw_fail(e, RW_ENOMEM, "out of memory");
	*first = clock_local_day(from);
	while (r == 0 && from < to) {
		int64_t next = clock_next_midnight(from);
		rw_day day = clock_local_day(from);
		if (next > to)
			next = to;
		if ((r = jn_get_entry(j, day, en, &found, e)) || (r = jn_save_day(j, change, day, e)))
			break;
		en->tracked_hours += (double)(next - from) / 3600;
		if (en->tracked_hours > 24)
			en->tracked_hours = 24;
		r = jn_put_entry(j, en, e);
		from = next;
	}
	free(en);
	return r;
}

int journal_up(struct journal *j, int64_t at, rw_day *day, struct rw_error *e)
{
	struct journal_stretch open;
	sqlite3_stmt *s = NULL;
	sqlite3_int64 id;
	char what[48], when[32];
	int64_t n;
	rw_day first = 0;
	bool found;
	int r;

	snprintf(what, sizeof what, "up %s", clock_format_local(at, when, sizeof when));
	*day = clock_local_day(at);
	if ((r = jn_begin(j, e)))
		return r;
	if ((r = open_stretch(j, &open, &found, e)))
		return jn_rollback(j, r);
	if (!found)
		return jn_rollback(j, rw_fail(e, RW_EDATA, "up: not lying down (restwatch down starts)"));
	if (at <= open.down_at)
		return jn_rollback(j, rw_fail(e, RW_EDATA, "--at: %s is not after lying down at %s",
					   when, clock_format_local(open.down_at, what, sizeof what)));
	if (at - open.down_at > 86400)
		return jn_rollback(j, rw_fail(e, RW_EDATA,
					   "a stretch of lying down is at most 24 h and this one began %s: "
					   "give the time you got up (restwatch up --at TIME)",
					   clock_format_local(open.down_at, what, sizeof what)));
	if ((r = jn_stmt(j, S_STRETCH_OVERLAP, &s, e)))
		return jn_rollback(j, r);
	sqlite3_bind_int64(s, 1, open.down_at);
	sqlite3_bind_int64(s, 2, at);
	if ((r = one_int64(j, s, &n, e)))
		return jn_rollback(j, r);
	if (n)
		return jn_rollback(j, rw_fail(e, RW_EDATA,
					   "--at: the stretch would overlap one already recorded"));
	if ((r = jn_new_change(j, what, &id, e)) || (r = save_stretch(j, id, open.id, e)) ||
	    (r = jn_stmt(j, S_CLOSE_STRETCH, &s, e)))
		return jn_rollback(j, r);
	sqlite3_bind_int64(s, 1, open.id);
	sqlite3_bind_int64(s, 2, at);
	if ((r = jn_run(j, s, e)) || (r = add_tracked(j, id, open.down_at, at, &first, e)) ||
	    (r = jn_recompute(j, first, *day, e)) || (r = jn_commit(j, e)))
		return jn_rollback(j, r);
	return 0;
}

int journal_stretches(struct journal *j, int64_t from, int64_t to, journal_stretch_fn fn,
		      void *ctx, struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	bool started;
	int r = jn_read_begin(j, &started, e), rc;

	if (r)
		return r;
	if ((r = jn_stmt(j, S_STRETCHES, &s, e)))
		return jn_read_end(j, started, r);
	sqlite3_bind_int64(s, 1, from);
	sqlite3_bind_int64(s, 2, to);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct journal_stretch st;
		st.id = sqlite3_column_int64(s, ST_ID);
		st.down_at = sqlite3_column_int64(s, ST_DOWN);
		st.open = sqlite3_column_type(s, ST_UP) == SQLITE_NULL;
		st.up_at = st.open ? 0 : sqlite3_column_int64(s, ST_UP);
		if ((r = fn(ctx, &st)))
			break;
	}
	if (r == 0 && rc != SQLITE_DONE)
		r = jn_fail(j, rc, e);
	jn_done(s);
	return jn_read_end(j, started, r);
}
