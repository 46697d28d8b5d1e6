/* undo.c - the change history: each change remembers what it replaced
 * (days, settings, stretches) so that undo can put it back, and each undo
 * remembers what it replaced so that redo can make the change again.
 *
 * Both stacks live in the changes table.  A change in effect has a positive
 * id (the undo stack, newest highest); an undone one a negative id (the redo
 * stack, newest lowest), whose images are the journal as the change had
 * left it.  Undo and redo swap the images of one change with the journal's
 * and move it to the other stack, in one transaction; any other change
 * empties the redo stack.
 */
#include "internal.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* Add a change named what to the stack statement id pushes on. */
static int push(struct journal *j, enum stmt_id id, const char *what, sqlite3_int64 *out,
		struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	char at[32];
	time_t now = time(NULL);
	struct tm tm;
	int r;

	if (!gmtime_r(&now, &tm) || !strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", &tm))
		snprintf(at, sizeof at, "%lld", (long long)now);
	if ((r = jn_stmt(j, id, &s, e)))
		return r;
	sqlite3_bind_text(s, 1, at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, what, -1, SQLITE_TRANSIENT);
	if ((r = jn_run(j, s, e)))
		return r;
	*out = sqlite3_last_insert_rowid(j->db);
	return 0;
}

/* A new change: what was undone can no longer be redone. */
int jn_new_change(struct journal *j, const char *what, sqlite3_int64 *id,
		  struct rw_error *e)
{
	int r = jn_run_id(j, S_CLEAR_REDO, e);
	return r ? r : push(j, S_NEW_CHANGE, what, id, e);
}

/* Remember day as it is now (or that it had no entry) for undo.  The first
 * image saved within a change wins, so an import naming a day twice still
 * restores the day as it was before the import. */
int jn_save_day(struct journal *j, sqlite3_int64 id, rw_day day, struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	int r = jn_stmt(j, S_SAVE_DAY, &s, e);

	if (r)
		return r;
	sqlite3_bind_int64(s, 1, id);
	jn_bind_day(s, 2, day);
	if ((r = jn_run(j, s, e)))
		return r;
	if (sqlite3_changes(j->db) > 0)
		return 0;
	if ((r = jn_stmt(j, S_SAVE_NO_DAY, &s, e)))
		return r;
	sqlite3_bind_int64(s, 1, id);
	jn_bind_day(s, 2, day);
	return jn_run(j, s, e);
}

int jn_save_setting(struct journal *j, sqlite3_int64 id, const char *key,
		    struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	int r = jn_stmt(j, S_SAVE_SETTING, &s, e);
	if (r)
		return r;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, key, -1, SQLITE_STATIC);
	return jn_run(j, s, e);
}

/* Run a statement of two change ids (?1 the source, ?2 the destination). */
static int run_pair(struct journal *j, enum stmt_id id, sqlite3_int64 a, sqlite3_int64 b,
		    struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	int r = jn_stmt(j, id, &s, e);

	if (r)
		return r;
	sqlite3_bind_int64(s, 1, a);
	sqlite3_bind_int64(s, 2, b);
	return jn_run(j, s, e);
}

/* Keep, as change dst's images, everything change src touched as it is now. */
static int keep_images(struct journal *j, sqlite3_int64 src, sqlite3_int64 dst,
		       struct rw_error *e)
{
	static const enum stmt_id keep[] = { S_KEEP_DAYS, S_KEEP_NO_DAYS, S_KEEP_SETTINGS,
					     S_KEEP_STRETCHES, S_KEEP_NO_STRETCHES };
	size_t i;
	int r = 0;

	for (i = 0; r == 0 && i < sizeof keep / sizeof keep[0]; i++)
		r = run_pair(j, keep[i], src, dst, e);
	return r;
}

/* Put back each day image of change id; c gets the span of days. */
static int restore_days(struct journal *j, sqlite3_int64 id, struct journal_change *c,
			struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	struct entry en;
	rw_day day;
	int r = jn_stmt(j, S_CHANGE_DAYS, &s, e), rc;

	if (r)
		return r;
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (!jn_col_day(s, CD_DATE, &day)) {
			r = rw_fail(e, RW_EIO, "%s: the change history is damaged", j->path);
			break;
		}
		if (sqlite3_column_int(s, CD_EXISTED)) {
			if ((r = jn_row_entry(j, s, CD_DAY, day, &en, e)) == 0)
				r = jn_put_entry(j, &en, e);
		} else
			r = jn_del_entry(j, day, e);
		if (r)
			break;
		if (day < c->from)
			c->from = day;
		if (day > c->to)
			c->to = day;
	}
	if (r == 0 && rc != SQLITE_DONE)
		r = jn_fail(j, rc, e);
	jn_done(s);
	return r;
}

/* Put back each setting image of change id; *params tells whether any. */
static int restore_settings(struct journal *j, sqlite3_int64 id, bool *params,
			    struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	int r = jn_stmt(j, S_CHANGE_SETTINGS, &s, e), rc;

	*params = false;
	if (r)
		return r;
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*params = true;
		if ((r = jn_store_param(j, jn_col_text(s, SET_KEY),
					sqlite3_column_double(s, SET_VALUE), e)))
			break;
	}
	if (r == 0 && rc != SQLITE_DONE)
		r = jn_fail(j, rc, e);
	jn_done(s);
	return r;
}

/* The top of a stack (S_LAST_CHANGE or S_LAST_UNDONE): its id and what. */
static int top(struct journal *j, enum stmt_id id, sqlite3_int64 *out, bool *found,
	       struct journal_change *c, struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	int r = jn_stmt(j, id, &s, e), rc;

	if (r)
		return r;
	rc = sqlite3_step(s);
	*found = rc == SQLITE_ROW;
	if (*found) {
		*out = sqlite3_column_int64(s, LC_ID);
		snprintf(c->what, sizeof c->what, "%s", jn_col_text(s, LC_WHAT));
	}
	jn_done(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : jn_fail(j, rc, e);
}

/* Name the change: its kind, and for a log of one day the fields it
 * changed, from the day as the change left it and as it was before.
 * Undoing, the journal holds the first and change id the second;
 * redoing, the other way round. */
static int describe(struct journal *j, sqlite3_int64 id, bool undoing, struct journal_change *c,
		    struct rw_error *e)
{
	struct entry image, now;
	sqlite3_stmt *s = NULL;
	rw_day day;
	bool found, one;
	int r, rc;

	snprintf(c->text, sizeof c->text, "%s", c->what);
	snprintf(c->kind, sizeof c->kind, "%.*s", (int)strcspn(c->what, " "), c->what);
	if (strcmp(c->kind, "log") != 0)
		return 0;
	if ((r = jn_stmt(j, S_CHANGE_DAYS, &s, e)))
		return r;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	r = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : jn_fail(j, rc, e);
	one = rc == SQLITE_ROW && jn_col_day(s, CD_DATE, &day);
	if (one && sqlite3_column_int(s, CD_EXISTED))
		r = jn_row_entry(j, s, CD_DAY, day, &image, e);
	else if (one)
		entry_init(&image, day);
	if (r == 0 && one)
		one = sqlite3_step(s) == SQLITE_DONE; /* a log touches one day */
	jn_done(s);
	if (r || !one || (r = jn_get_entry(j, day, &now, &found, e)))
		return r;
	jn_describe_day(undoing ? &image : &now, undoing ? &now : &image, c);
	return 0;
}

/* Swap change src's images with the journal (dst keeps what they
 * replace), drop src, recompute what changed and commit. */
static int swap(struct journal *j, sqlite3_int64 src, sqlite3_int64 dst,
		struct journal_change *c, struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	bool params;
	int r;

	if ((r = keep_images(j, src, dst, e)) || (r = restore_days(j, src, c, e)) ||
	    (r = jn_undo_stretches(j, src, e)) || (r = restore_settings(j, src, &params, e)) ||
	    (r = jn_stmt(j, S_DEL_CHANGE, &s, e)))
		return r;
	sqlite3_bind_int64(s, 1, src);
	if ((r = jn_run(j, s, e)))
		return r;
	if (params)
		r = jn_recompute(j, date_min(), date_max(), e);
	else if (c->from <= c->to)
		r = jn_recompute(j, c->from, c->to, e);
	return r ? r : jn_commit(j, e);
}

/* Undo (from the undo stack to the redo stack) or redo (back again). */
static int move(struct journal *j, bool undoing, struct journal_change *c, struct rw_error *e)
{
	sqlite3_int64 src, dst;
	bool found;
	int r;

	memset(c, 0, sizeof *c);
	c->from = date_max();
	c->to = date_min();
	if ((r = jn_begin(j, e)))
		return r;
	if ((r = jn_days_agree(j, date_min(), date_max(), e)) ||
	    (r = top(j, undoing ? S_LAST_CHANGE : S_LAST_UNDONE, &src, &found, c, e)))
		return jn_rollback(j, r);
	if (!found)
		return jn_rollback(j, rw_fail(e, RW_EDATA, undoing ? "undo: there is nothing to undo"
								   : "redo: there is nothing to redo"));
	if ((r = describe(j, src, undoing, c, e)) ||
	    (r = push(j, undoing ? S_NEW_UNDONE : S_NEW_CHANGE, c->what, &dst, e)) ||
	    (r = swap(j, src, dst, c, e)))
		return jn_rollback(j, r);
	return 0;
}

int journal_undo(struct journal *j, struct journal_change *c, struct rw_error *e)
{
	return move(j, true, c, e);
}

int journal_redo(struct journal *j, struct journal_change *c, struct rw_error *e)
{
	return move(j, false, c, e);
}
