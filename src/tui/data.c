/* data.c - the TUI's caches of the journal.
 *
 * Keys must redraw at once, so screens never query the journal while
 * drawing: they read these caches, which are refilled only when
 * journal_version says the journal changed (our own edit or another
 * restwatch's).  The projections come stored from the journal; nothing
 * here runs the engine over the history.
 */
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "tui_app.h"
#include "utf8.h"

/* A change made anywhere shows up here, and so does a new day on the clock
 * (tui_follow_clock): the version is the journal's data
 * version plus our own commits.  The cache generation only moves once the
 * new parameters and last day were read, so a failed read is retried at
 * the next poll instead of leaving stale numbers marked fresh. */
bool tui_sync(struct tui *t)
{
	struct rw_error e = { 0, "" };
	struct engine_params p;
	bool found = false, moved = tui_follow_clock(t);
	uint64_t v;

	/* A journal replaced or deleted under the TUI is never written: say so
	 * on every tick until the user quits. */
	if (journal_same_file(t->j, &e) != 0) {
		bool news = !t->gone;
		t->gone = true;
		tui_message(t, true, "%s", e.msg);
		return news;
	}
	if (journal_version(t->j, &v, &e) != 0) {
		tui_message(t, true, "%s", e.msg);
		return moved;
	}
	if (t->have_version && v == t->version)
		return moved;
	if (journal_params(t->j, &p, &e) != 0 ||
	    journal_last(t->j, &t->last.proj, &t->last.en, &found, &e) != 0) {
		tui_message(t, true, "%s", e.msg);
		return false;
	}
	{
		struct journal_stretch st;
		bool down = false;
		if (journal_open_stretch(t->j, &st, &down, &e) != 0) {
			tui_message(t, true, "%s", e.msg);
			return false;
		}
		t->down = down;
		t->down_since = down ? st.down_at : 0;
	}
	t->params = p;
	t->last.found = found;
	t->version = v;
	t->have_version = true;
	t->gen++;
	return true;
}

/* Copy at most n - 1 bytes of s into out on a character boundary, on one
 * line; a cut text ends in an ellipsis (U+2026, drawn "..." in ASCII). */
static void cut_copy(char *out, size_t n, const char *s)
{
	static const char ellipsis[] = "\xe2\x80\xa6";
	size_t o = 0, room = strlen(s) < n ? n : n - (sizeof ellipsis - 1);

	while (*s) {
		size_t len = utf8_seq(s);
		if (len == 0)
			len = 1;
		if (o + len >= room)
			break;
		if (*s == '\n' || *s == '\t' || *s == '\r') {
			out[o++] = ' ';
			s++;
			continue;
		}
		memcpy(out + o, s, len);
		o += len;
		s += len;
	}
	if (*s) {
		memcpy(out + o, ellipsis, sizeof ellipsis - 1);
		o += sizeof ellipsis - 1;
	}
	out[o] = '\0';
}

/* journal_each's callback: one row per calendar day of the window. */
static int add_row(void *ctx, const struct engine_proj *p, const struct entry *en)
{
	struct tui_days *d = ctx;
	struct tui_row *r;
	int i;

	if (d->nrows == TUI_DAYS_WINDOW)
		return 0; /* the window holds at most that many days */
	r = &d->rows[d->nrows++];
	memset(r, 0, sizeof *r);
	r->day = p->day;
	r->logged = en != NULL;
	r->has_rest = en && en->has_rest;
	r->rest_hours = en ? en->rest_hours : 0;
	r->activity_minutes = p->activity_minutes;
	r->pain = en ? en->pain : PAIN_UNSET;
	r->level = p->level;
	r->clock = p->rest_clock_hours;
	r->red_flag = p->red_flag;
	memcpy(r->loss, p->loss, sizeof r->loss);
	if (en) {
		char sym[SYMPTOMS_TEXT_MAX + 2 * ENTRY_MAX_SYMPTOMS] = "";
		for (i = 0; i < en->n_symptoms; i++) {
			if (i)
				strcat(sym, ", ");
			if (entry_symptom_is_red_flag(en->symptoms[i]))
				strcat(sym, "!"); /* the red flag itself is marked */
			strcat(sym, en->symptoms[i]);
		}
		cut_copy(r->symptoms, sizeof r->symptoms, sym);
		cut_copy(r->note, sizeof r->note, en->note);
	}
	return 0;
}

/* The span only (three indexed reads); the rows wait for tui_day_row.  It
 * runs once per change of the journal, never per key. */
const struct tui_days *tui_days(struct tui *t)
{
	struct tui_days *d = &t->days;
	struct rw_error e = { 0, "" };
	rw_day first = 0, last = 0;
	bool found = false;
	long logged = 0;

	if (d->gen == t->gen)
		return d;
	if (journal_bounds(t->j, &first, &last, &logged, &found, &e) != 0) {
		tui_message(t, true, "%s", e.msg);
		return NULL;
	}
	d->n = found ? (size_t)(last - first + 1) : 0;
	d->first = first;
	d->last = last;
	d->logged = found ? logged : 0;
	d->w_gen = 0;
	d->gen = t->gen;
	return d;
}

/* Read the window of TUI_DAYS_WINDOW days centred on day, inside the
 * span. */
static int read_window(struct tui *t, struct tui_days *d, rw_day day)
{
	struct rw_error e = { 0, "" };
	rw_day from = day - TUI_DAYS_WINDOW / 2, to;
	int r;

	if (!d->rows && !(d->rows = malloc(TUI_DAYS_WINDOW * sizeof *d->rows))) {
		tui_message(t, true, "out of memory");
		return RW_ENOMEM;
	}
	if (from + TUI_DAYS_WINDOW - 1 > d->last)
		from = d->last - TUI_DAYS_WINDOW + 1;
	if (from < d->first)
		from = d->first;
	to = from + TUI_DAYS_WINDOW - 1 < d->last ? from + TUI_DAYS_WINDOW - 1 : d->last;
	d->nrows = 0;
	d->w_gen = 0;
	if ((r = journal_each(t->j, from, to, 0, add_row, d, &e)) != 0) {
		d->nrows = 0;
		tui_message(t, true, "%s", e.msg);
		return r;
	}
	d->w_from = from;
	d->w_to = to;
	d->w_gen = t->gen;
	return 0;
}

const struct tui_row *tui_day_row(struct tui *t, rw_day day)
{
	struct tui_days *d = &t->days;
	size_t lo = 0, hi, i;

	if (!tui_days(t) || d->n == 0 || day < d->first || day > d->last)
		return NULL;
	if ((d->w_gen != t->gen || day < d->w_from || day > d->w_to) && read_window(t, d, day) != 0)
		return NULL;
	/* consecutive days: a subtraction; a search covers a missing one */
	i = (size_t)(day - d->w_from);
	if (i < d->nrows && d->rows[i].day == day)
		return &d->rows[i];
	hi = d->nrows;
	while (lo < hi) {
		i = lo + (hi - lo) / 2;
		if (d->rows[i].day < day)
			lo = i + 1;
		else
			hi = i;
	}
	return lo < d->nrows && d->rows[lo].day == day ? &d->rows[lo] : NULL;
}

/* The window is the only allocation of the cache. */
void tui_days_free(struct tui_days *d)
{
	free(d->rows);
	memset(d, 0, sizeof *d);
}

long tui_days_index(const struct tui_days *d, rw_day day)
{
	if (!d || d->n == 0 || day < d->first || day > d->last)
		return -1;
	return (long)(day - d->first);
}

/* "today" follows the clock, so a TUI left open overnight logs to the new
 * day as the command line does: read again at every tick (at least every
 * minute) and before every key (t included).  The day shown moves with it
 * when it was today.  RESTWATCH_TODAY pins it, as for the commands. */
bool tui_follow_clock(struct tui *t)
{
	const char *pin = getenv("RESTWATCH_TODAY");
	struct rw_error e;
	int64_t now;
	rw_day d;

	if ((pin && *pin) || clock_now(&now, &e) != 0)
		return false;
	d = clock_local_day(now);
	if (d == t->today || d < date_min() || d > date_max())
		return false;
	if (t->day == t->today)
		t->day = d;
	t->today = d;
	return true;
}
