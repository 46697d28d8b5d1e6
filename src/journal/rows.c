/* rows.c - a day, a projection and the engine's view of a day, read from
 * and bound to statement columns; the day rows themselves.
 */
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* The storage types of the eight day columns at col (DAY_COLS order): SQLite
 * keeps whatever a hand edit stores, so text in rest_hours, a pain of 3.7,
 * a NaN weight or a note that is not UTF-8 is found here, where it is read. */
bool jn_stored_number(sqlite3_stmt *s, int col)
{
	int t = sqlite3_column_type(s, col);
	return t == SQLITE_NULL ||
	       ((t == SQLITE_INTEGER || t == SQLITE_FLOAT) && isfinite(sqlite3_column_double(s, col)));
}

/* The eight day columns of one row, each asked of SQLite once. */
struct day_cols {
	int type[DC_COUNT];
	double num[DC_COUNT];       /* the numbers' values, 0 when NULL */
	const char *text[DC_COUNT]; /* the texts, "" when NULL */
	int bytes[DC_COUNT];
};

static bool stored_number(const struct day_cols *d, int c)
{
	return d->type[c] == SQLITE_NULL ||
	       ((d->type[c] == SQLITE_INTEGER || d->type[c] == SQLITE_FLOAT) && isfinite(d->num[c]));
}

/* Whether the bytes bytes of t are UTF-8 with no NUL among them (one
 * pass for strlen(t) == bytes and utf8_valid(t); ASCII without a call,
 * eight bytes at a time). */
static bool text_valid(const char *t, int bytes)
{
	int i = 0;

	while (i < bytes) {
		unsigned char c = (unsigned char)t[i];
		uint64_t w;
		size_t n;
		if (i + 8 <= bytes) { /* eight ASCII bytes, none NUL, at a time */
			memcpy(&w, t + i, sizeof w);
			if (!(w & 0x8080808080808080ull) &&
			    !((w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull)) {
				i += 8;
				continue;
			}
		}
		if (c == 0)
			return false;
		if (c < 0x80) {
			i++;
			continue;
		}
		if (!(n = utf8_seq(t + i)))
			return false;
		i += (int)n;
	}
	return true;
}

static int stored_types(sqlite3_stmt *s, int col, struct day_cols *d, struct rw_error *pe)
{
	static const int num_col[3] = { DC_REST, DC_WEIGHT, DC_TRACKED };
	static const int text_col[4] = { DC_ACTS, DC_SYMS, DC_NOTE, DC_MEDS };
	static const char *const text_name[4] = { "activities", "symptoms", "note", "medications" };
	int i;

	for (i = 0; i < DC_COUNT; i++)
		d->type[i] = sqlite3_column_type(s, col + i);
	for (i = 0; i < 3; i++) {
		int c = num_col[i], t = d->type[c];
		d->num[c] = t == SQLITE_INTEGER || t == SQLITE_FLOAT ? sqlite3_column_double(s, col + c) : 0;
	}
	if (!stored_number(d, DC_REST))
		return rw_fail(pe, RW_EIO, "rest_hours is not a number");
	if (d->type[DC_PAIN] != SQLITE_NULL && d->type[DC_PAIN] != SQLITE_INTEGER)
		return rw_fail(pe, RW_EIO, "pain is not a whole number");
	if (!stored_number(d, DC_WEIGHT))
		return rw_fail(pe, RW_EIO, "weight_kg is not a number");
	if (!stored_number(d, DC_TRACKED))
		return rw_fail(pe, RW_EIO, "tracked_hours is not a number");
	for (i = 0; i < 4; i++) {
		int c = text_col[i], t = d->type[c];
		d->text[c] = "";
		d->bytes[c] = 0;
		if (t == SQLITE_NULL) /* a before-image of an older version */
			continue;
		if (t != SQLITE_TEXT)
			return rw_fail(pe, RW_EIO, "%s is not text", text_name[i]);
		d->text[c] = jn_col_text(s, col + c);
		d->bytes[c] = sqlite3_column_bytes(s, col + c);
		if (!text_valid(d->text[c], d->bytes[c]))
			return rw_fail(pe, RW_EIO, "%s is not valid UTF-8 text", text_name[i]);
	}
	return 0;
}

/* Fill en from the eight day columns starting at col (DAY_COLS order). */
int jn_row_entry(struct journal *j, sqlite3_stmt *s, int col, rw_day day,
		 struct entry *en, struct rw_error *e)
{
	entry_init(en, day);
	return jn_row_entry_again(j, s, col, day, en, e);
}

/* The same into an entry already initialised once (a walk over many
 * rows): only the counts and scalars are reset, not the arrays behind
 * them, which the counts and the note's terminator make unread. */
int jn_row_entry_again(struct journal *j, sqlite3_stmt *s, int col, rw_day day,
		       struct entry *en, struct rw_error *e)
{
	char date[DATE_BUFSZ];
	struct rw_error pe = { 0, "" }; /* not e: its text is quoted into e */
	struct day_cols d;
	double w;
	int r;

	en->day = day;
	en->has_rest = false;
	en->rest_hours = 0;
	en->n_activities = 0;
	en->pain = PAIN_UNSET;
	en->n_symptoms = 0;
	en->weight_dg = WEIGHT_UNSET;
	en->note[0] = '\0';
	en->n_meds = 0;
	en->tracked_hours = 0;
	if ((r = stored_types(s, col, &d, &pe)))
		goto out;
	if (d.type[DC_REST] != SQLITE_NULL) {
		en->has_rest = true;
		en->rest_hours = d.num[DC_REST];
	}
	r = entry_parse_activities(d.text[DC_ACTS], en, "activities", &pe);
	if (r == 0 && d.type[DC_PAIN] != SQLITE_NULL)
		en->pain = sqlite3_column_int(s, col + DC_PAIN);
	if (r == 0)
		r = entry_parse_symptoms(d.text[DC_SYMS], en, "symptoms", &pe);
	if (r == 0)
		r = entry_parse_meds(d.text[DC_MEDS], en, "medications", &pe);
	/* NULL in a change image saved before schema 3: no medications, 0 h */
	en->tracked_hours = d.num[DC_TRACKED];
	if (r == 0 && d.type[DC_WEIGHT] != SQLITE_NULL) {
		w = d.num[DC_WEIGHT];
		en->weight_dg = w >= WEIGHT_MIN_DG / 10.0 && w <= WEIGHT_MAX_DG / 10.0
					? (int)lround(w * 10) : -1;
	}
	/* The schema's CHECKs hold these ranges; a value outside them is damage
	 * that SQLite does not see when it reads a row. */
	if (r == 0 && ((en->has_rest && !(en->rest_hours >= 0 && en->rest_hours <= 24)) ||
		       en->pain < PAIN_UNSET || en->pain > 10 || en->weight_dg < 0 ||
		       !(en->tracked_hours >= 0 && en->tracked_hours <= 24)))
		r = rw_fail(&pe, RW_EIO, "a value is out of range");
	if (r == 0 && (size_t)d.bytes[DC_NOTE] > NOTE_MAX)
		r = rw_fail(&pe, RW_EIO, "note longer than %d bytes", NOTE_MAX);
	if (r == 0)
		memcpy(en->note, d.text[DC_NOTE], (size_t)d.bytes[DC_NOTE] + 1);
out:
	if (r)
		return rw_fail(e, RW_EIO, "%s: the stored day %s is damaged (%s)", j->path,
			       date_format(day, date), pe.msg);
	return 0;
}

/* Bind en's fields to the eight day parameters starting at col. */
static void bind_entry(sqlite3_stmt *s, int col, const struct entry *en)
{
	char acts[ACTIVITIES_TEXT_MAX], syms[SYMPTOMS_TEXT_MAX], meds[MEDS_TEXT_MAX];

	if (en->has_rest)
		sqlite3_bind_double(s, col + DC_REST, en->rest_hours);
	else
		sqlite3_bind_null(s, col + DC_REST);
	sqlite3_bind_text(s, col + DC_ACTS, entry_format_activities(en, acts, sizeof acts), -1,
			  SQLITE_TRANSIENT);
	if (en->pain != PAIN_UNSET)
		sqlite3_bind_int(s, col + DC_PAIN, en->pain);
	else
		sqlite3_bind_null(s, col + DC_PAIN);
	sqlite3_bind_text(s, col + DC_SYMS, entry_format_symptoms(en, syms, sizeof syms), -1,
			  SQLITE_TRANSIENT);
	if (en->weight_dg != WEIGHT_UNSET)
		sqlite3_bind_double(s, col + DC_WEIGHT, en->weight_dg / 10.0);
	else
		sqlite3_bind_null(s, col + DC_WEIGHT);
	sqlite3_bind_text(s, col + DC_NOTE, en->note, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, col + DC_MEDS, entry_format_meds(en, meds, sizeof meds), -1,
			  SQLITE_TRANSIENT);
	sqlite3_bind_double(s, col + DC_TRACKED, en->tracked_hours);
}

/* Fill proj (not its date) from the PC_COUNT PROJ_SELECT columns starting at col. */
int jn_row_proj(struct journal *j, sqlite3_stmt *s, int col, rw_day day,
		struct engine_proj *p, struct rw_error *e)
{
	char date[DATE_BUFSZ];
	int x;

	memset(p, 0, sizeof *p);
	p->day = day;
	p->logged = sqlite3_column_int(s, col + PC_LOGGED) != 0;
	p->activity_minutes = sqlite3_column_int(s, col + PC_ACT);
	p->rest_clock_hours = sqlite3_column_double(s, col + PC_CLOCK);
	p->loss_days = sqlite3_column_double(s, col + PC_LOSS_DAYS);
	if (engine_level_parse(jn_col_text(s, col + PC_LEVEL), &p->level) != 0 ||
	    engine_urgency_parse(jn_col_text(s, col + PC_URGENCY), &p->urgency) != 0)
		return rw_fail(e, RW_EIO, "%s: the stored projection of %s is damaged", j->path,
			       date_format(day, date));
	p->clot_risk = sqlite3_column_int(s, col + PC_CLOT) != 0;
	p->red_flag = sqlite3_column_int(s, col + PC_RED) != 0;
	for (x = 0; x < LOSS_COUNT; x++) {
		p->loss[x][BAND_LOW] = sqlite3_column_double(s, col + PC_LOSS + 2 * x);
		p->loss[x][BAND_HIGH] = sqlite3_column_double(s, col + PC_LOSS + 1 + 2 * x);
	}
	p->bed_days = sqlite3_column_int(s, col + PC_BED);
	p->clot_watch = sqlite3_column_int(s, col + PC_WATCH) != 0;
	p->pain_days = sqlite3_column_int(s, col + PC_PAIN_DAYS);
	p->gap_days = sqlite3_column_int(s, col + PC_GAP);
	p->since_clot = sqlite3_column_int(s, col + PC_SINCE_CLOT);
	p->has_rest = sqlite3_column_type(s, col + PC_REST) != SQLITE_NULL;
	p->rest_hours = p->has_rest ? sqlite3_column_double(s, col + PC_REST) : 0;
	return 0;
}

void jn_bind_proj(sqlite3_stmt *s, const struct engine_proj *p)
{
	int x;
	jn_bind_day(s, 1, p->day);
	sqlite3_bind_int(s, 2 + PC_LOGGED, p->logged);
	sqlite3_bind_int(s, 2 + PC_ACT, p->activity_minutes);
	sqlite3_bind_double(s, 2 + PC_CLOCK, p->rest_clock_hours);
	sqlite3_bind_double(s, 2 + PC_LOSS_DAYS, p->loss_days);
	sqlite3_bind_text(s, 2 + PC_LEVEL, engine_level_name(p->level), -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 2 + PC_CLOT, p->clot_risk);
	sqlite3_bind_int(s, 2 + PC_RED, p->red_flag);
	for (x = 0; x < LOSS_COUNT; x++) {
		sqlite3_bind_double(s, 2 + PC_LOSS + 2 * x, p->loss[x][BAND_LOW]);
		sqlite3_bind_double(s, 2 + PC_LOSS + 1 + 2 * x, p->loss[x][BAND_HIGH]);
	}
	sqlite3_bind_int(s, 2 + PC_BED, p->bed_days);
	sqlite3_bind_text(s, 2 + PC_URGENCY, engine_urgency_name(p->urgency), -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 2 + PC_WATCH, p->clot_watch);
	sqlite3_bind_int(s, 2 + PC_PAIN_DAYS, p->pain_days);
	sqlite3_bind_int(s, 2 + PC_GAP, p->gap_days);
	sqlite3_bind_int(s, 2 + PC_SINCE_CLOT, p->since_clot);
}

/* The engine's view of a day from (date, rest_hours, activities, symptoms). */
int jn_row_engine_day(struct journal *j, sqlite3_stmt *s, struct engine_day *d,
		      struct rw_error *e)
{
	struct entry en;
	struct rw_error pe = { 0, "" }; /* not e: its text is quoted into e */
	rw_day day;
	char shown[64];

	if (!jn_col_day(s, DF_DATE, &day))
		return rw_fail(e, RW_EIO, "%s: a stored date is damaged ('%s')", j->path,
			       rw_show(shown, sizeof shown, jn_col_text(s, DF_DATE)));
	entry_init(&en, day);
	if (entry_parse_activities(jn_col_text(s, DF_ACTS), &en, "activities", &pe) ||
	    entry_parse_symptoms(jn_col_text(s, DF_SYMS), &en, "symptoms", &pe))
		return rw_fail(e, RW_EIO, "%s: the stored day %s is damaged (%s)", j->path,
			       jn_col_text(s, DF_DATE), pe.msg);
	if (sqlite3_column_type(s, DF_REST) != SQLITE_NULL) {
		en.has_rest = true;
		en.rest_hours = sqlite3_column_double(s, DF_REST);
	}
	if (sqlite3_column_type(s, DF_PAIN) != SQLITE_NULL)
		en.pain = sqlite3_column_int(s, DF_PAIN);
	en.tracked_hours = sqlite3_column_double(s, DF_TRACKED);
	if (!(en.tracked_hours >= 0 && en.tracked_hours <= 24))
		return rw_fail(e, RW_EIO, "%s: the stored day %s is damaged (tracked_hours)", j->path,
			       jn_col_text(s, DF_DATE));
	if (!jn_stored_number(s, DF_REST) || (en.has_rest && !(en.rest_hours >= 0 && en.rest_hours <= 24)))
		return rw_fail(e, RW_EIO, "%s: the stored day %s is damaged (rest_hours is not a number of hours)",
			       j->path, jn_col_text(s, DF_DATE));
	if (sqlite3_column_type(s, DF_PAIN) != SQLITE_NULL && sqlite3_column_type(s, DF_PAIN) != SQLITE_INTEGER)
		return rw_fail(e, RW_EIO, "%s: the stored day %s is damaged (pain is not a whole number)",
			       j->path, jn_col_text(s, DF_DATE));
	entry_engine_day(&en, d);
	return 0;
}

bool jn_proj_equal(const struct engine_proj *a, const struct engine_proj *b)
{
	int x;
	if (a->day != b->day || a->logged != b->logged ||
	    a->activity_minutes != b->activity_minutes ||
	    a->rest_clock_hours != b->rest_clock_hours || a->loss_days != b->loss_days ||
	    a->level != b->level || a->clot_risk != b->clot_risk || a->red_flag != b->red_flag ||
	    a->bed_days != b->bed_days || a->urgency != b->urgency ||
	    a->clot_watch != b->clot_watch || a->pain_days != b->pain_days ||
	    a->gap_days != b->gap_days || a->since_clot != b->since_clot)
		return false;
	for (x = 0; x < LOSS_COUNT; x++)
		if (a->loss[x][BAND_LOW] != b->loss[x][BAND_LOW] ||
		    a->loss[x][BAND_HIGH] != b->loss[x][BAND_HIGH])
			return false;
	return true;
}

int jn_get_entry(struct journal *j, rw_day day, struct entry *en, bool *found,
		 struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	int r = jn_stmt(j, S_GET_DAY, &s, e), rc;

	if (r)
		return r;
	jn_bind_day(s, 1, day);
	rc = sqlite3_step(s);
	*found = rc == SQLITE_ROW;
	if (*found)
		r = jn_row_entry(j, s, 0, day, en, e);
	else if (rc == SQLITE_DONE)
		entry_init(en, day);
	else
		r = jn_fail(j, rc, e);
	jn_done(s);
	return r;
}

int jn_put_entry(struct journal *j, const struct entry *en, struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	int r = jn_stmt(j, S_PUT_DAY, &s, e);
	if (r)
		return r;
	jn_bind_day(s, 1, en->day);
	bind_entry(s, 2, en); /* ?1 is the date */
	return jn_run(j, s, e);
}

int jn_del_entry(struct journal *j, rw_day day, struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	int r = jn_stmt(j, S_DEL_DAY, &s, e);
	if (r)
		return r;
	jn_bind_day(s, 1, day);
	return jn_run(j, s, e);
}

int jn_get_proj(struct journal *j, rw_day day, struct engine_proj *p, bool *found,
		struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	int r = jn_stmt(j, S_GET_PROJ, &s, e), rc;

	if (r)
		return r;
	jn_bind_day(s, 1, day);
	rc = sqlite3_step(s);
	*found = rc == SQLITE_ROW;
	if (*found)
		r = jn_row_proj(j, s, 0, day, p, e);
	else if (rc != SQLITE_DONE)
		r = jn_fail(j, rc, e);
	jn_done(s);
	return r;
}
