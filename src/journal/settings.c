/* settings.c - the engine's parameters as the journal stores them: read
 * (each checked where it is read), set and reset.
 */
#include "internal.h"

#include <math.h>
#include <stdio.h>

/* The parameters as stored; a key the journal lacks keeps its default. */
/* A stored setting is checked where it is read: a number (not text, not
 * NaN or infinite) within its parameter's range, so that damage is blamed
 * on its key (74), never on a key the user is setting (65). */
bool jn_param_damaged(sqlite3_stmt *s, const struct engine_param_info *info, double *v,
		      char *why, size_t n)
{
	int t = sqlite3_column_type(s, SET_VALUE);

	*v = sqlite3_column_double(s, SET_VALUE);
	if (t != SQLITE_INTEGER && t != SQLITE_FLOAT)
		snprintf(why, n, "not a number");
	else if (!(isfinite(*v) && *v >= info->min && *v <= info->max))
		snprintf(why, n, "%g is not between %g and %g", *v, info->min, info->max);
	else
		return false;
	return true;
}

static int stored_param(struct journal *j, sqlite3_stmt *s, const struct engine_param_info *info,
			double *v, struct rw_error *e)
{
	char why[96];

	if (!jn_param_damaged(s, info, v, why, sizeof why))
		return 0;
	return rw_fail(e, RW_EIO, "%s: the stored setting %s is damaged (%s); nothing was changed",
		       j->path, info->name, why);
}

int jn_load_params(struct journal *j, struct engine_params *p, struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	struct rw_error pe = { 0, "" };
	int r = jn_stmt(j, S_SETTINGS, &s, e), rc;

	if (r)
		return r;
	engine_params_default(p);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const struct engine_param_info *info = engine_param_find(jn_col_text(s, SET_KEY));
		if (info && (r = stored_param(j, s, info, engine_param_ref(p, info), e)))
			break;
	}
	jn_done(s);
	if (r)
		return r;
	if (rc != SQLITE_DONE)
		return jn_fail(j, rc, e);
	if (engine_params_check(p, &pe) != 0)
		return rw_fail(e, RW_EIO, "%s: the stored settings are damaged (%s); nothing was changed",
			       j->path, pe.msg);
	return 0;
}

int jn_store_param(struct journal *j, const char *key, double value, struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	int r = jn_stmt(j, S_SET_SETTING, &s, e);
	if (r)
		return r;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_double(s, 2, value);
	return jn_run(j, s, e);
}

/* Check value against the parameter's range and, with the others, against
 * the engine's rules. */
static int check_param(const struct engine_param_info *info, struct engine_params *p,
		       double value, struct rw_error *e)
{
	if (!(value >= info->min && value <= info->max))
		return rw_fail(e, RW_EDATA, "%s: %g is not between %g and %g", info->name, value,
			       info->min, info->max);
	*engine_param_ref(p, info) = value;
	return engine_params_check(p, e);
}

int journal_set_param(struct journal *j, const char *name, double value,
		      struct rw_error *e)
{
	const struct engine_param_info *info = engine_param_find(name);
	struct engine_params p;
	char what[96], shown[64];
	sqlite3_int64 id;
	int r;

	if (!info)
		return rw_fail(e, RW_EUSAGE, "config: '%s' is not a parameter (see restwatch config)",
			       rw_show(shown, sizeof shown, name));
	if ((r = jn_begin(j, e)))
		return r;
	if ((r = jn_days_agree(j, date_min(), date_max(), e)) || (r = jn_load_params(j, &p, e)))
		return jn_rollback(j, r);
	if (engine_param_get(&p, info) == value)
		return jn_rollback(j, 0);
	snprintf(what, sizeof what, "config %s %g", name, value);
	if ((r = check_param(info, &p, value, e)) || (r = jn_new_change(j, what, &id, e)) ||
	    (r = jn_save_setting(j, id, name, e)) || (r = jn_store_param(j, name, value, e)) ||
	    (r = jn_recompute(j, date_min(), date_max(), e)) || (r = jn_commit(j, e)))
		return jn_rollback(j, r);
	return 0;
}

int journal_reset_params(struct journal *j, struct rw_error *e)
{
	const struct engine_param_info *table;
	struct engine_params p;
	sqlite3_int64 id = 0;
	size_t n, i;
	int r;

	table = engine_param_table(&n);
	if ((r = jn_begin(j, e)))
		return r;
	if ((r = jn_days_agree(j, date_min(), date_max(), e)) || (r = jn_load_params(j, &p, e)))
		return jn_rollback(j, r);
	for (i = 0; i < n; i++) {
		if (engine_param_get(&p, &table[i]) == table[i].def)
			continue;
		if (!id && (r = jn_new_change(j, "config --reset", &id, e)))
			return jn_rollback(j, r);
		if ((r = jn_save_setting(j, id, table[i].name, e)) ||
		    (r = jn_store_param(j, table[i].name, table[i].def, e)))
			return jn_rollback(j, r);
	}
	if (!id)
		return jn_rollback(j, 0);
	if ((r = jn_recompute(j, date_min(), date_max(), e)) || (r = jn_commit(j, e)))
		return jn_rollback(j, r);
	return 0;
}
