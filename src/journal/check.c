/* check.c - the journal's soundness: the check command, the exact-schema
 * test at open, and the per-command test that the days table and its index
 * agree.
 */
#include "internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "schema.h"

/* Append one line to the check report. */
static void note(char *report, size_t n, int *problems, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void note(char *report, size_t n, int *problems, const char *fmt, ...)
{
	size_t used = strlen(report);
	va_list ap;

	(*problems)++;
	if (used + 2 >= n)
		return;
	va_start(ap, fmt);
	vsnprintf(report + used, n - used, fmt, ap);
	va_end(ap);
	used = strlen(report);
	if (used + 1 < n) {
		report[used] = '\n';
		report[used + 1] = '\0';
	}
}

/* Every row a PRAGMA check returns other than "ok" is a problem. */
static int pragma_rows(struct journal *j, const char *sql, char *report, size_t n,
		       int *problems, struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(j->db, sql, -1, &s, NULL);

	if (rc != SQLITE_OK)
		return jn_fail(j, rc, e);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *t = jn_col_text(s, ONE_COL);
		if (strcmp(t, "ok") != 0)
			note(report, n, problems, "%s: %s", sql + 7, t);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE && (rc & 0xff) != SQLITE_CORRUPT)
		return jn_fail(j, rc, e);
	if (rc != SQLITE_DONE)
		note(report, n, problems, "%s: %s", sql + 7, sqlite3_errstr(rc));
	return 0;
}

/* The journal's schema must be exactly restwatch's of its version: a table
 * or column changed by damage or by hand breaks writes even when each page
 * is sound, and a trigger or view added by hand would run on every command.
 * The expected rows (type, name, table, SQL text) are what the embedded
 * steps leave in an empty database, found at build time (schema.h); the
 * text SQLite keeps after an ALTER TABLE is the same in both, so every
 * migration stays covered.  Costs one read of sqlite_schema.  what gets
 * the first difference ("" when none). */
static int schema_diff(struct journal *j, int version, char *what, size_t n,
		       struct rw_error *e)
{
	static const char q[] = "SELECT type, name, tbl_name, sql FROM sqlite_schema "
				"ORDER BY type, name";
	const struct schema_expect *x = NULL;
	sqlite3_stmt *b = NULL;
	int k, i = 0, rb, rc;

	what[0] = '\0';
	for (k = 0; k < schema_step_count; k++)
		if (schema_expected[k].version == version)
			x = &schema_expected[k];
	if (!x)
		return rw_fail(e, RW_ESOFTWARE, "no built-in schema for version %d", version);
	if ((rc = sqlite3_prepare_v2(j->db, q, -1, &b, NULL)) != SQLITE_OK)
		return jn_fail(j, rc, e);
	while ((rb = sqlite3_step(b)) == SQLITE_ROW) {
		const struct schema_row *a = i < x->count ? &x->rows[i] : NULL;
		int key = a ? strcmp(a->type, jn_col_text(b, 0)) : 1;
		if (key == 0)
			key = strcmp(a->name, jn_col_text(b, 1));
		if (key > 0) {
			snprintf(what, n, "%s %s is not restwatch's", jn_col_text(b, 0), jn_col_text(b, 1));
			break;
		}
		if (key < 0) {
			snprintf(what, n, "%s %s is missing", a->type, a->name);
			break;
		}
		if (strcmp(a->tbl_name, jn_col_text(b, 2)) != 0 || strcmp(a->sql, jn_col_text(b, 3)) != 0) {
			snprintf(what, n, "%s %s differs from restwatch's", a->type, a->name);
			break;
		}
		i++;
	}
	sqlite3_finalize(b);
	if (rb != SQLITE_ROW && rb != SQLITE_DONE)
		return jn_fail(j, rb, e);
	if (!what[0] && i < x->count)
		snprintf(what, n, "%s %s is missing", x->rows[i].type, x->rows[i].name);
	return 0;
}

/* A damaged index makes present days look absent, shows one day's entry
 * under another date, and lets a write add a second row for a day: damage
 * that grows.  A full comparison of the two b-trees costs about 1.4 ms on
 * ten years at every command (README, Reliability), so each command checks
 * the range it reads or writes: every index entry for a day from..to must
 * lead to a table row of that date (one seek per day in range). */
int jn_days_agree(struct journal *j, rw_day from, rw_day to, struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	int r, rc, bad = 0;

	if ((r = jn_stmt(j, S_DAYS_AGREE, &s, e)))
		return r;
	jn_bind_day(s, 1, from);
	jn_bind_day(s, 2, to);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		bad = sqlite3_column_int(s, ONE_COL);
	jn_done(s);
	if (rc != SQLITE_ROW)
		return jn_fail(j, rc, e);
	return bad ? jn_days_disagree(j, e) : 0;
}

/* The error of a days table and index that disagree. */
int jn_days_disagree(struct journal *j, struct rw_error *e)
{
	return rw_fail(e, RW_EIO,
		       "%s: the journal is damaged (the days table and its index disagree; see restwatch check); nothing was changed",
		       j->path);
}

/* Before a write to day: the index must find the day when its stored
 * projection says it is logged (else the write would add a second row). */
int jn_day_agrees(struct journal *j, rw_day day, bool found, struct rw_error *e)
{
	struct engine_proj p;
	bool have;
	int r = jn_get_proj(j, day, &p, &have, e);

	if (r == 0 && have && p.logged && !found)
		r = rw_fail(e, RW_EIO,
			    "%s: the journal is damaged (the days table and its index disagree; see restwatch check); nothing was changed",
			    j->path);
	return r ? r : jn_days_agree(j, day, date_max(), e);
}

/* At open: a journal whose schema is not exactly restwatch's (of its
 * version, before any migration runs) is refused with nothing run on it. */
int jn_schema_exact(struct journal *j, int version, struct rw_error *e)
{
	char what[200];
	int r;

	if (version < 1)
		return 0; /* migrate() says what is wrong */
	if ((r = schema_diff(j, version, what, sizeof what, e)) || !what[0])
		return r;
	return rw_fail(e, RW_EIO,
		       "%s: the journal's schema is not restwatch's (%s); nothing was changed",
		       j->path, what);
}

static int check_schema(struct journal *j, char *report, size_t n, int *problems,
			struct rw_error *e)
{
	char what[200];
	int r = schema_diff(j, schema_steps[schema_step_count - 1].version, what, sizeof what, e);

	if (r == 0 && what[0])
		note(report, n, problems, "schema: %s", what);
	return r;
}

/* Every setting restwatch has, each stored once as a number in its range,
 * and no other key. */
static int check_settings(struct journal *j, char *report, size_t n, int *problems,
			  struct rw_error *e)
{
	const struct engine_param_info *table;
	struct engine_params p;
	struct rw_error pe = { 0, "" };
	sqlite3_stmt *s = NULL;
	bool seen[64] = { false };
	char why[96];
	size_t count, i;
	int r, rc;

	table = engine_param_table(&count);
	if ((r = jn_stmt(j, S_SETTINGS, &s, e)))
		return r;
	engine_params_default(&p);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const struct engine_param_info *info = engine_param_find(jn_col_text(s, SET_KEY));
		char shown[64];
		if (!info)
			note(report, n, problems, "settings: '%s' is not a setting of restwatch",
			     rw_show(shown, sizeof shown, jn_col_text(s, SET_KEY)));
		else if (jn_param_damaged(s, info, engine_param_ref(&p, info), why, sizeof why))
			note(report, n, problems, "settings: %s is damaged (%s)", info->name, why);
		if (info && (size_t)(info - table) < sizeof seen / sizeof seen[0])
			seen[info - table] = true;
	}
	jn_done(s);
	if (rc != SQLITE_DONE)
		return jn_fail(j, rc, e);
	for (i = 0; i < count && i < sizeof seen / sizeof seen[0]; i++)
		if (!seen[i])
			note(report, n, problems, "settings: %s is missing", table[i].name);
	if (*problems == 0 && engine_params_check(&p, &pe) != 0)
		note(report, n, problems, "settings: %s", pe.msg);
	return 0;
}

/* Projections exist from the first logged day to the last, no others. */
static int check_extra_projections(struct journal *j, char *report, size_t n, int *problems,
				   struct rw_error *e)
{
	static const char q[] = "SELECT count(*) FROM projections WHERE date < ?1 OR date > ?2";
	sqlite3_stmt *s = NULL;
	rw_day first, last;
	bool found;
	int r, rc;

	if ((r = jn_bounds(j, &first, &last, &found, e)))
		return r;
	if ((rc = sqlite3_prepare_v2(j->db, q, -1, &s, NULL)) == SQLITE_OK) {
		jn_bind_day(s, 1, found ? first : date_max());
		jn_bind_day(s, 2, found ? last : date_min());
		if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			if (sqlite3_column_int64(s, ONE_COL) > 0)
				note(report, n, problems,
				     "projections: %lld outside the logged days",
				     (long long)sqlite3_column_int64(s, ONE_COL));
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(s);
	return rc == SQLITE_OK ? 0 : jn_fail(j, rc, e);
}

/* Recompute everything in memory and compare with what is stored. */
static int check_projections(struct journal *j, char *report, size_t n, int *problems,
			     struct rw_error *e)
{
	struct engine_params params;
	struct engine_state st;
	struct engine_proj proj, stored;
	struct entry en;
	sqlite3_stmt *s = NULL;
	rw_day first, last, day;
	bool found;
	char date[DATE_BUFSZ];
	int r, rc, wrong = 0;

	if ((r = jn_load_params(j, &params, e)))
		return r;
	if (engine_params_check(&params, e) != 0)
		note(report, n, problems, "settings: %s", e ? e->msg : "invalid");
	if ((r = jn_bounds(j, &first, &last, &found, e)) || !found)
		return r;
	engine_state_init(&st);
	if ((r = jn_stmt(j, S_DAYS_FROM, &s, e)))
		return r;
	jn_bind_day(s, 1, first);
	day = first;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct engine_day d;
		bool have;
		struct rw_error fe;
		if ((r = jn_row_engine_day(j, s, &d, &fe))) {
			note(report, n, problems, "%s", fe.msg);
			r = 0;
			continue;
		}
		if ((r = jn_get_entry(j, d.day, &en, &have, &fe)) == 0 &&
		    entry_validate(&en, &fe) != 0)
			note(report, n, problems, "day %s: %s", date_format(d.day, date), fe.msg);
		else if (r)
			note(report, n, problems, "%s", fe.msg);
		r = 0;
		for (; day <= d.day; day++) {
			engine_step(&params, &st, day == d.day ? &d : NULL, day, &proj);
			if ((r = jn_get_proj(j, day, &stored, &found, e)))
				goto out;
			if ((!found || !jn_proj_equal(&proj, &stored)) && wrong++ < 5)
				note(report, n, problems,
				     "projection of %s: %s the engine's full recompute",
				     date_format(day, date), found ? "differs from" : "missing from");
		}
	}
	if (rc != SQLITE_DONE)
		r = jn_fail(j, rc, e);
	if (wrong > 5)
		note(report, n, problems, "... and %d more projections", wrong - 5);
out:
	jn_done(s);
	return r;
}

int journal_check(struct journal *j, char *report, size_t n, struct rw_error *e)
{
	bool started;
	int problems = 0, r;

	report[0] = '\0';
	if ((r = jn_read_begin(j, &started, e)))
		return r;
	/* The pages are read as they are here: integrity_check names what a
	 * damaged page holds, where every other command stops at it (pages.c). */
	jn_pages_suspend(true);
	r = pragma_rows(j, "PRAGMA integrity_check", report, n, &problems, e);
	jn_pages_suspend(false);
	if (r == 0 && problems == 0)
		r = pragma_rows(j, "PRAGMA foreign_key_check", report, n, &problems, e);
	if (r == 0 && problems == 0)
		r = check_schema(j, report, n, &problems, e);
	if (r == 0 && problems == 0)
		r = check_settings(j, report, n, &problems, e);
	if (r == 0)
		r = check_extra_projections(j, report, n, &problems, e);
	if (r == 0 && problems == 0)
		r = check_projections(j, report, n, &problems, e);
	if ((r = jn_read_end(j, started, r)))
		return r;
	if (problems)
		return rw_fail(e, RW_EIO, "%s: the journal has %d problem%s", j->path, problems,
			       problems == 1 ? "" : "s");
	return 0;
}
