/* undo.c - the change history: each change remembers what it replaced
 * (days, settings, stretches) so that undo can put it back.
 */
#include "internal.h"

#include <stdio.h>
#include <time.h>

int jn_new_change(struct journal *j, const char *what, sqlite3_int64 *id,
		  struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	char at[32];
	time_t now = time(NULL);
	struct tm tm;
	int r;

	if (!gmtime_r(&now, &tm) || !strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", &tm))
		snprintf(at, sizeof at, "%lld", (long long)now);
	if ((r = jn_stmt(j, S_NEW_CHANGE, &s, e)))
		return r;
	sqlite3_bind_text(s, 1, at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, what, -1, SQLITE_TRANSIENT);
	if ((r = jn_run(j, s, e)))
		return r;
	*id = sqlite3_last_insert_rowid(j->db);
	return 0;
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

int journal_undo(struct journal *j, char *what, size_t n, struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	sqlite3_int64 id;
	rw_day from = date_max(), to = date_min();
	bool params = false;
	int r, rc;

	what[0] = '\0';
	if ((r = jn_begin(j, e)))
		return r;
	if ((r = jn_days_agree(j, date_min(), date_max(), e)) || (r = jn_stmt(j, S_LAST_CHANGE, &s, e)))
		return jn_rollback(j, r);
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		jn_done(s);
		if (rc != SQLITE_DONE)
			return jn_rollback(j, jn_fail(j, rc, e));
		return jn_rollback(j, rw_fail(e, RW_EDATA, "undo: there is nothing to undo"));
	}
	id = sqlite3_column_int64(s, LC_ID);
	snprintf(what, n, "%s", jn_col_text(s, LC_WHAT));
	jn_done(s);

	/* Days: put back each before-image. */
	if ((r = jn_stmt(j, S_CHANGE_DAYS, &s, e)))
		return jn_rollback(j, r);
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct entry en;
		rw_day day;
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
		if (day < from)
			from = day;
		if (day > to)
			to = day;
	}
	if (r == 0 && rc != SQLITE_DONE)
		r = jn_fail(j, rc, e);
	jn_done(s);
	if (r)
		return jn_rollback(j, r);

	if ((r = jn_undo_stretches(j, id, e)))
		return jn_rollback(j, r);

	/* Settings: put back each old value. */
	if ((r = jn_stmt(j, S_CHANGE_SETTINGS, &s, e)))
		return jn_rollback(j, r);
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		params = true;
		if ((r = jn_store_param(j, jn_col_text(s, SET_KEY), sqlite3_column_double(s, SET_VALUE), e)))
			break;
	}
	if (r == 0 && rc != SQLITE_DONE)
		r = jn_fail(j, rc, e);
	jn_done(s);
	if (r)
		return jn_rollback(j, r);

	if ((r = jn_stmt(j, S_DEL_CHANGE, &s, e)))
		return jn_rollback(j, r);
	sqlite3_bind_int64(s, 1, id);
	if ((r = jn_run(j, s, e)))
		return jn_rollback(j, r);
	if (params)
		r = jn_recompute(j, date_min(), date_max(), e);
	else if (from <= to)
		r = jn_recompute(j, from, to, e);
	if (r || (r = jn_commit(j, e)))
		return jn_rollback(j, r);
	return 0;
}
