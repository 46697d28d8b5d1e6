/* read.c - the journal's public reads: bounds, one day, the last day, the
 * walk over a span, the data version and the medication names.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* First and last logged days. */
int jn_bounds(struct journal *j, rw_day *first, rw_day *last, bool *found,
	      struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	enum stmt_id ids[2] = { S_FIRST_DAY, S_LAST_DAY };
	rw_day *outs[2] = { first, last };
	int i, r, rc;

	*found = false;
	for (i = 0; i < 2; i++) {
		if ((r = jn_stmt(j, ids[i], &s, e)))
			return r;
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW && !jn_col_day(s, ONE_COL, outs[i])) {
			jn_done(s);
			return rw_fail(e, RW_EIO, "%s: a stored date is damaged", j->path);
		}
		jn_done(s);
		if (rc == SQLITE_DONE)
			return 0;
		if (rc != SQLITE_ROW)
			return jn_fail(j, rc, e);
	}
	*found = true;
	return 0;
}

int journal_params(struct journal *j, struct engine_params *p, struct rw_error *e)
{
	return jn_load_params(j, p, e);
}

int journal_get_entry(struct journal *j, rw_day day, struct entry *en, bool *found,
		      struct rw_error *e)
{
	int r = jn_days_agree(j, day, day, e);
	return r ? r : jn_get_entry(j, day, en, found, e);
}

int journal_get_proj(struct journal *j, rw_day day, struct engine_proj *proj, bool *found,
		     struct rw_error *e)
{
	return jn_get_proj(j, day, proj, found, e);
}

int journal_bounds(struct journal *j, rw_day *first, rw_day *last, long *logged,
		   bool *found, struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	bool started;
	int r, rc;

	if ((r = jn_read_begin(j, &started, e)))
		return r;
	r = jn_bounds(j, first, last, found, e);
	if (r == 0 && logged) {
		*logged = 0;
		if ((r = jn_stmt(j, S_COUNT_DAYS, &s, e)) == 0) {
			rc = sqlite3_step(s);
			if (rc == SQLITE_ROW)
				*logged = (long)sqlite3_column_int64(s, ONE_COL);
			else
				r = jn_fail(j, rc, e);
			jn_done(s);
		}
	}
	return jn_read_end(j, started, r);
}

int journal_last(struct journal *j, struct engine_proj *proj, struct entry *en, bool *found,
		 struct rw_error *e)
{
	rw_day first, last;
	bool have, started;
	int r;

	*found = false;
	if ((r = jn_read_begin(j, &started, e)))
		return r;
	r = jn_bounds(j, &first, &last, found, e);
	if (r == 0 && *found && (r = jn_days_agree(j, last, last, e)) == 0)
		r = jn_get_proj(j, last, proj, &have, e);
	if (r == 0 && *found && !have)
		r = rw_fail(e, RW_EIO, "%s: the projections are missing; run restwatch check",
			    j->path);
	if (r == 0 && *found)
		r = jn_get_entry(j, last, en, &have, e);
	return jn_read_end(j, started, r);
}

int journal_snapshot_begin(struct journal *j, struct rw_error *e)
{
	return jn_run_id(j, S_BEGIN_READ, e);
}

void journal_snapshot_end(struct journal *j)
{
	if (!sqlite3_get_autocommit(j->db))
		jn_run_id(j, S_COMMIT, NULL);
}

/* Move d (S_EACH_DAY) to its first row whose date is not before date; *row
 * is false when none is left.  Each row passed over (*used false: not the
 * day of a projection) must still lead to the row of its date and must not
 * repeat the day last used (*last): a day without a projection (damage the
 * engine's recompute repairs) is passed over, as a join would, but a
 * second index entry for one day is the index disagreeing with its table. */
static int each_day_at(struct journal *j, sqlite3_stmt *d, const char *date, bool *row,
		       bool *used, char last[DATE_BUFSZ], struct rw_error *e)
{
	int rc;

	while (*row && strcmp(jn_col_text(d, ED_DATE), date) < 0) {
		const char *at = jn_col_text(d, ED_DATE);
		if (!*used && (strcmp(at, last) == 0 || !sqlite3_column_text(d, ED_ROW_DATE) ||
			       strcmp(jn_col_text(d, ED_ROW_DATE), at) != 0))
			return jn_days_disagree(j, e);
		if ((rc = sqlite3_step(d)) != SQLITE_ROW && rc != SQLITE_DONE)
			return jn_fail(j, rc, e);
		*row = rc == SQLITE_ROW;
		*used = false;
	}
	return 0;
}

/* Whether the days table and its index agree on the day of date: a day the
 * index found (logged) must be the row the index led to, and a day the
 * projection says is logged must be found.  A day not found is checked as
 * jn_days_agree checks [from, to] (once: *checked), since a hand edit can
 * delete a day without damaging the index (then the day reads as not
 * logged, as before).  This replaces a scan of the whole index before the
 * walk with what the walk reads anyway (docs/formats.md, "Damage"). */
static int each_agrees(struct journal *j, sqlite3_stmt *p, sqlite3_stmt *d, bool logged,
		       rw_day from, rw_day to, bool *checked, struct rw_error *e)
{
	if (logged) {
		const char *row = (const char *)sqlite3_column_text(d, ED_ROW_DATE);
		return row && strcmp(row, jn_col_text(d, ED_DATE)) == 0 ? 0 : jn_days_disagree(j, e);
	}
	if (*checked || sqlite3_column_int(p, EP_PROJ + PC_LOGGED) == 0)
		return 0;
	*checked = true;
	return jn_days_agree(j, from, to, e);
}

/* One day of the walk: the projection row of p with the day of d when
 * logged, handed to fn. */
static int each_one(struct journal *j, sqlite3_stmt *p, sqlite3_stmt *d, bool logged,
		    unsigned flags, struct entry *en, journal_day_fn fn, void *ctx,
		    struct rw_error *e)
{
	struct engine_proj proj;
	rw_day day;
	int r;

	if (date_parse_iso(jn_col_text(p, EP_DATE), &day) != 0)
		return rw_fail(e, RW_EIO, "%s: a stored date is damaged", j->path);
	if ((r = jn_row_proj(j, p, EP_PROJ, day, &proj, e)))
		return r;
	if (logged && sqlite3_column_type(d, ED_DAY + DC_REST) != SQLITE_NULL) {
		proj.has_rest = true;
		proj.rest_hours = sqlite3_column_double(d, ED_DAY + DC_REST);
	}
	if (logged && !(flags & JOURNAL_PROJ_ONLY)) {
		if ((r = jn_row_entry_again(j, d, ED_DAY, day, en, e)))
			return r;
	}
	return fn(ctx, &proj, logged && !(flags & JOURNAL_PROJ_ONLY) ? en : NULL);
}

/* The walk of one day (log's line, the day before a report): the
 * statements that read one row, which a command has prepared already,
 * not the two walks. */
static int each_single(struct journal *j, rw_day day, unsigned flags, journal_day_fn fn,
		       void *ctx, struct rw_error *e)
{
	struct engine_proj proj;
	struct entry *en;
	bool have = false, found = false, started;
	int r;

	if (!(en = malloc(sizeof *en)))
		return rw_fail(e, RW_ENOMEM, "out of memory");
	if ((r = jn_read_begin(j, &started, e))) {
		free(en);
		return r;
	}
	if ((r = jn_get_proj(j, day, &proj, &have, e)) == 0 && have)
		r = journal_get_entry(j, day, en, &found, e);
	if ((r = jn_read_end(j, started, r)) == 0 && have &&
	    (found || !(flags & JOURNAL_LOGGED_ONLY)))
		r = fn(ctx, &proj, found && !(flags & JOURNAL_PROJ_ONLY) ? en : NULL);
	free(en);
	return r;
}

int journal_each(struct journal *j, rw_day from, rw_day to, unsigned flags,
		 journal_day_fn fn, void *ctx, struct rw_error *e)
{
	sqlite3_stmt *p = NULL, *d = NULL;
	struct entry *en;
	char last[DATE_BUFSZ] = "";
	bool checked = false, day_row, used = false, started;
	int r, rc;

	if (from > to)
		return 0;
	if (from == to)
		return each_single(j, from, flags, fn, ctx, e);
	if (!(en = malloc(sizeof *en)))
		return rw_fail(e, RW_ENOMEM, "out of memory");
	entry_init(en, from);
	/* the two walks see one state of the journal */
	if ((r = jn_read_begin(j, &started, e))) {
		free(en);
		return r;
	}
	if ((r = jn_stmt(j, S_EACH_PROJ, &p, e)) || (r = jn_stmt(j, S_EACH_DAY, &d, e))) {
		jn_done(p);
		free(en);
		return jn_read_end(j, started, r);
	}
	jn_bind_day(p, 1, from);
	jn_bind_day(p, 2, to);
	jn_bind_day(d, 1, from);
	jn_bind_day(d, 2, to);
	rc = sqlite3_step(d);
	day_row = rc == SQLITE_ROW;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		r = jn_fail(j, rc, e);
	while (r == 0 && (rc = sqlite3_step(p)) == SQLITE_ROW) {
		const char *date = jn_col_text(p, EP_DATE);
		bool logged;
		if ((r = each_day_at(j, d, date, &day_row, &used, last, e)))
			break;
		logged = day_row && strcmp(jn_col_text(d, ED_DATE), date) == 0;
		if ((r = each_agrees(j, p, d, logged, from, to, &checked, e)))
			break;
		if (logged) {
			size_t n = strlen(date);
			used = true;
			n = n < DATE_BUFSZ ? n : DATE_BUFSZ - 1;
			memcpy(last, date, n);
			last[n] = '\0';
		}
		if (!logged && (flags & JOURNAL_LOGGED_ONLY))
			continue;
		r = each_one(j, p, d, logged, flags, en, fn, ctx, e);
	}
	if (r == 0 && rc != SQLITE_DONE)
		r = jn_fail(j, rc, e);
	jn_done(p);
	jn_done(d);
	free(en);
	return jn_read_end(j, started, r);
}

int journal_version(struct journal *j, uint64_t *version, struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	int r = jn_stmt(j, S_DATA_VERSION, &s, e), rc;

	if (r)
		return r;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*version = ((uint64_t)sqlite3_column_int64(s, ONE_COL) << 32) ^ j->own_changes;
	else
		r = jn_fail(j, rc, e);
	jn_done(s);
	return r;
}

int journal_med_names(struct journal *j, char names[][MED_NAME_MAX + 1], int max, int *n,
		      struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	struct entry *en = malloc(sizeof *en);
	bool started;
	int r, rc, i, k;

	*n = 0;
	if (!en)
		return rw_fail(e, RW_ENOMEM, "out of memory");
	if ((r = jn_read_begin(j, &started, e))) {
		free(en);
		return r;
	}
	if ((r = jn_stmt(j, S_MED_LISTS, &s, e)) == 0) {
		while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < max) {
			entry_init(en, 0);
			if (entry_parse_meds(jn_col_text(s, ONE_COL), en, "medications", NULL))
				continue; /* check names a damaged list */
			for (i = 0; i < en->n_meds && *n < max; i++) {
				for (k = 0; k < *n && strcmp(names[k], en->meds[i].name); k++)
					;
				if (k == *n)
					memcpy(names[(*n)++], en->meds[i].name, MED_NAME_MAX + 1);
			}
		}
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			r = jn_fail(j, rc, e);
		jn_done(s);
	}
	free(en);
	return jn_read_end(j, started, r);
}
