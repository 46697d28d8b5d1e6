/* today.c - the Today screen: one day's entry, edited in place, beside
 * what it means: the rest clock against 48 h, the three losses as
 * low-high bars, the level with its advice, a forecast, and the days left
 * unlogged.
 *
 * Drawing reads the day's cached entry and stored projection; the journal
 * is read again only when the day or the journal's version changed.  Every
 * confirmed edit is one journal_edit (one transaction).
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "advice.h"
#include "tui_alert.h"
#include "tui_app.h"
#include "tui_rest.h"
#include "tui_today.h"

/* Today's keys before and after the fields' own (entry.h's table gives
 * those, in its order). */
static const struct tui_help help_before[] = {
	{ "Left h  Right l", "previous / next day" },
	{ "t", "today" },
	{ "PgUp [  PgDn ]", "a week back / ahead" },
	{ "Home  End", "the first / last logged day" },
	{ "g", "the next day left unlogged between logged days" },
	{ "Up  Down  Enter", "choose a field (marked at the left); Enter edits it" },
};
static const struct tui_help help_after[] = {
	{ "b", "lying down now / up again: the timer shows in the top bar, a nudge after nudge_minutes" },
	{ "y", "copy the previous logged day's rest, activities and medications into this day (u undoes)" },
	{ "d", "delete the day's entry (asks first)" },
	{ "Enter Esc", "in a prompt: save / cancel; editing a day not logged logs it" },
};
#define N_BEFORE (sizeof help_before / sizeof help_before[0])
#define N_AFTER (sizeof help_after / sizeof help_after[0])

static struct tui_help help[N_BEFORE + 2 * EF_COUNT + N_AFTER + 1];
static char status[EF_COUNT * 24 + 32];

/* The help and the status line with the fields' keys, written once, at the
 * first draw or key (app.c draws a screen before its status line and
 * help). */
static void describe(void)
{
	static bool done;
	const struct entry_field *rows[EF_COUNT];
	size_t i, k, n = 0, o;
	int nrows;

	if (done)
		return;
	done = true;
	for (i = 0; i < N_BEFORE; i++)
		help[n++] = help_before[i];
	for (i = 0; i < EF_COUNT; i++)
		for (k = 0; k < 2 && entry_fields[i].keys_help[k].keys; k++)
			help[n++] = (struct tui_help){ entry_fields[i].keys_help[k].keys,
						       entry_fields[i].keys_help[k].does };
	for (i = 0; i < N_AFTER; i++)
		help[n++] = help_after[i];
	help[n] = (struct tui_help){ NULL, NULL };
	o = (size_t)snprintf(status, sizeof status, "h/l day  t today");
	nrows = today_rows(rows);
	for (i = 0; i < (size_t)nrows && o < sizeof status; i++)
		if (rows[i]->status)
			o += (size_t)snprintf(status + o, sizeof status - o, "  %c %s",
					      today_row_key(rows[i]), rows[i]->status);
}

/* ---- loading --------------------------------------------------------- */

/* Days looked at, before the day shown, for the latest unlogged ones; and
 * after it, a window at a time, for `g`. */
#define GAP_WINDOW 92

/* journal_each callback: keep the latest TODAY_MAX_GAPS days without an
 * entry, oldest first. */
static int keep_gap(void *ctx, const struct engine_proj *p, const struct entry *en)
{
	struct today *st = ctx;

	(void)en;
	if (p->logged)
		return 0;
	if (st->ngap == TODAY_MAX_GAPS) {
		memmove(st->gap, st->gap + 1, (TODAY_MAX_GAPS - 1) * sizeof st->gap[0]);
		st->ngap--;
	}
	st->gap[st->ngap++] = p->day;
	return 0;
}

/* How many days between the first and last logged day have no entry (from
 * the journal's bounds: no walk over the history), and the latest of them in
 * the quarter up to the day shown, so that opening the TUI costs the same on
 * ten years as on one. */
static void load_gaps(struct tui *t, struct today *st, bool new_version)
{
	struct rw_error e = { 0, "" };
	rw_day to, from;

	st->ngap = 0;
	/* The bounds and the count change only with the journal's version;
	 * moving to another day only moves the window. */
	if (new_version) {
		st->gaps = 0;
		if (journal_bounds(t->j, &st->first, &st->last, &st->logged, &st->any, &e) != 0) {
			st->any = false;
			tui_message(t, true, "%s", e.msg);
			return;
		}
		if (st->any)
			st->gaps = (long)(st->last - st->first + 1) - st->logged;
	}
	if (!st->any || st->gaps <= 0)
		return;
	to = st->day < st->last ? st->day : st->last;
	from = to - GAP_WINDOW > st->first ? to - GAP_WINDOW : st->first;
	if (from <= to && journal_each(t->j, from, to, JOURNAL_PROJ_ONLY, keep_gap, st, &e) != 0)
		tui_message(t, true, "%s", e.msg);
}

/* Longest run of days a forecast looks through to reach the day shown. */
#define FORECAST_REACH 3660

/* The forecast for a day after the last logged one, dated from the day
 * shown: every day from the last logged one on is like it, and the lines
 * are 1, 3 and 7 days after the day shown (not after the last logged
 * day, which may be weeks back). */
static bool forecast_from(struct tui *t, struct today *st, const struct engine_day *like)
{
	long gap = (long)(st->day - t->last.proj.day);
	struct engine_proj *all;

	if (gap < 1 || gap > FORECAST_REACH || !(all = malloc((size_t)(gap + 7) * sizeof *all)))
		return false;
	engine_forecast(&t->params, &t->last.proj, like, (int)gap + 7, all);
	memcpy(st->fc, all + gap, 7 * sizeof *all);
	free(all);
	return true;
}

/* Read what the screen shows for t->day: once per day shown and journal
 * version, never per key. */
static void load(struct tui *t, struct today *st)
{
	struct rw_error e = { 0, "" };
	struct engine_day like;
	bool new_version = st->gen != t->gen || st->gen == 0;

	if (!new_version && st->day == t->day)
		return;
	st->gen = t->gen;
	st->day = t->day;
	st->has_fc = false;
	if (journal_get_entry(t->j, st->day, &st->en, &st->found, &e) != 0 ||
	    journal_get_proj(t->j, st->day, &st->proj, &st->has_proj, &e) != 0) {
		st->found = st->has_proj = false;
		tui_message(t, true, "%s", e.msg);
	}
	load_gaps(t, st, new_version);
	/* The forecast repeats the day shown when it is logged, else the last
	 * logged day: "what if every next day is like it". */
	if (st->found && st->has_proj) {
		entry_engine_day(&st->en, &like);
		engine_forecast(&t->params, &st->proj, &like, 7, st->fc);
		st->fc_like = st->day;
		st->has_fc = true;
	} else if (t->last.found && st->day > t->last.proj.day) {
		entry_engine_day(&t->last.en, &like);
		st->has_fc = forecast_from(t, st, &like);
		st->fc_like = t->last.proj.day;
	}
}

/* ---- drawing ----------------------------------------------------------- */

static int draw_date(struct tui *t, struct today *st, int y, int w)
{
	char date[16];
	long ago = (long)(t->today - st->day);
	int x = 1;

	x += tui_text(t, y, x, w, ROLE_DIM, tui_glyph(t, G_LEFT));
	x += tui_textf(t, y, x, w - x, ROLE_HEAD, " %s ", tui_date(st->day, date));
	x += tui_text(t, y, x, w - x, ROLE_DIM, tui_glyph(t, G_RIGHT));
	if (ago == 0)
		x += tui_text(t, y, x, w - x, ROLE_HEAD, "  today");
	else if (ago == 1)
		x += tui_text(t, y, x, w - x, ROLE_NORMAL, "  yesterday");
	else if (ago > 0)
		x += tui_textf(t, y, x, w - x, ROLE_NORMAL, "  %ld days ago", ago);
	else
		x += tui_textf(t, y, x, w - x, ROLE_NORMAL, "  in %ld day%s", -ago, ago == -1 ? "" : "s");
	if (st->found)
		tui_text(t, y, x, w - x, ROLE_OK, "   logged");
	else
		tui_text(t, y, x, w - x, ROLE_WARN, "   not logged: any edit below logs it");
	return 1;
}

/* The level as a banner, what it means and what to do, the red-flag line;
 * returns rows used. */
/* Rows for texts that need need[0..n-1] rows in avail, in order, each
 * whole when all fit; when they do not, the first (what the level means,
 * the clot signs with it) keeps all but one row for each that follows. */
static void share_rows(const int *need, int *got, int n, int avail)
{
	int i, later = 0;

	for (i = 1; i < n; i++)
		later += need[i] > 0;
	for (i = 0; i < n; i++) {
		int keep = i == 0 ? (avail - later > 1 ? avail - later : 1) : avail;
		got[i] = need[i] < keep ? need[i] : keep;
		if (got[i] > avail)
			got[i] = avail;
		avail -= got[i];
		if (i > 0 && need[i] > 0)
			later--;
	}
}

/* The level's banner, then what it means, what to do and a note, each
 * wrapped in the rows it needs (share_rows). */
static int draw_level_texts(struct tui *t, int y, int w, int rows, enum tui_role banner,
			    const char *head, const char *texts[3], const enum tui_role roles[3])
{
	int need[3], got[3], i, used = 1;

	tui_fill(t, y, 0, w, banner, " ");
	tui_text(t, y, 1, w - 2, banner, head);
	for (i = 0; i < 3; i++)
		need[i] = texts[i] && *texts[i] ? tui_wrap_count(t, w - 3, rows, texts[i]) : 0;
	share_rows(need, got, 3, rows - 1);
	for (i = 0; i < 3; i++)
		if (got[i] > 0)
			used += tui_wrap(t, y + used, 2, w - 3, got[i], roles[i], texts[i]);
	return used;
}

static int draw_level(struct tui *t, struct today *st, int y, int w, int rows)
{
	static const enum tui_role roles[3] = { ROLE_NORMAL, ROLE_HEAD, ROLE_WARN };
	const struct engine_proj *p = st->has_proj ? &st->proj : NULL;
	char what[512], date[DATE_BUFSZ], text[400], num[32], what_to_do[240], note[240];
	const char *texts[3] = { what, what_to_do, NULL };

	if (rows < 1)
		return 0;
	if (!p && t->last.found && st->day > t->last.proj.day) {
		const struct engine_proj *l = &t->last.proj;
		snprintf(text, sizeof text, " %s %s %s: last logged %s (%ld day%s before), rest clock %s h ",
			 engine_level_name(l->level), tui_glyph(t, G_DASH), advice_title(l->level),
			 date_format(l->day, date), (long)(st->day - l->day),
			 st->day - l->day == 1 ? "" : "s",
			 advice_hours(l->rest_clock_hours, t->params.threshold_hours, num, sizeof num));
		advice_what(l, &t->params, what, sizeof what);
		snprintf(what_to_do, sizeof what_to_do, "This day is not logged yet: log its rest hours with r.");
		return draw_level_texts(t, y, w, rows, tui_level_banner(l->level), text, texts,
					(const enum tui_role[3]){ ROLE_NORMAL, ROLE_NORMAL, ROLE_NORMAL });
	}
	if (!p) {
		tui_fill(t, y, 0, w, ROLE_BANNER_INFO, " ");
		tui_text(t, y, 1, w - 2, ROLE_BANNER_INFO,
			 st->any ? " not logged: before the first logged day "
				 : " welcome: press r to log today's rest hours, a for an activity ");
		return 1;
	}
	snprintf(text, sizeof text, " %s %s %s ", engine_level_name(p->level), tui_glyph(t, G_DASH),
		 advice_title(p->level));
	advice_what(p, &t->params, what, sizeof what);
	/* On a red-flag day the block at the top is what to do: the level's
	 * everyday advice (walk, stay active) would contradict it. */
	if (p->red_flag) {
		snprintf(what_to_do, sizeof what_to_do, "What to do: the red flag at the top comes first.");
	} else {
		char does[200];
		advice_todo_for(p, st->found ? &st->en : NULL, &t->params, does, sizeof does);
		snprintf(what_to_do, sizeof what_to_do, "What to do: %s.", does);
	}
	if (!st->found) {
		/* docs/model.md, the gap hold */
		if (p->gap_days <= t->params.gap_hold_days)
			snprintf(note, sizeof note,
				 "Not logged: the rest clock is held at %s h (up to %g unlogged days in a "
				 "row keep it where it was).",
				 advice_hours(p->rest_clock_hours, t->params.threshold_hours, num,
					      sizeof num),
				 t->params.gap_hold_days);
		else
			snprintf(note, sizeof note,
				 "Not logged: past %g unlogged days in a row a day counts as an ordinary "
				 "day (sleep only, no activity).",
				 t->params.gap_hold_days);
		texts[2] = note;
	}
	return draw_level_texts(t, y, w, rows, tui_level_banner(p->level), text, texts, roles);
}

/* "What if every next day is like this one": 1, 3 and 7 days on. */
static int draw_forecast(struct tui *t, struct today *st, int y, int w, int rows)
{
	static const int ahead[3] = { 1, 3, 7 };
	char date[16], b[LOSS_COUNT][48], h[32];
	bool narrow = w < 100; /* "+1", and the values closer */
	int i;

	if (!st->has_fc || rows < 2)
		return 0;
	tui_textf(t, y, 1, w - 2, ROLE_HEAD, "Forecast if every next day is like %s",
		  tui_date(st->fc_like, date));
	for (i = 0; i < 3 && i + 1 < rows && st->fc_like + ahead[i] <= date_max(); i++) {
		const struct engine_proj *f = &st->fc[ahead[i] - 1];
		int y1 = y + 1 + i;

		int x = narrow ? 18 : 24;

		tui_textf(t, y1, 3, w - 4, ROLE_NORMAL, narrow ? "+%d" : "+%d day%s", ahead[i],
			  ahead[i] > 1 ? "s" : "");
		tui_text(t, y1, narrow ? 7 : 12, w - 13, ROLE_NORMAL, date_format(f->day, date));
		x += tui_text(t, y1, x, w - x - 1, tui_level_role(f->level), engine_level_name(f->level));
		x = x < (narrow ? 33 : 39) ? (narrow ? 33 : 39) : x + 1;
		tui_textf(t, y1, x, w - x - 1, ROLE_NORMAL, "%4s h  muscle %s  cardio %s  bone %s",
			  advice_hours(f->rest_clock_hours, t->params.threshold_hours, h, sizeof h),
			  today_band(t, f, LOSS_MUSCLE, b[0], sizeof b[0]),
			  today_band(t, f, LOSS_CARDIO, b[1], sizeof b[1]), today_band(t, f, LOSS_BONE, b[2], sizeof b[2]));
	}
	return 1 + i;
}

/* Unlogged days hold the clock, then count as ordinary days (docs/model.md,
 * the gap hold); point them out so they get filled. */
static int draw_gaps(struct tui *t, struct today *st, int y, int w)
{
	char text[300], date[DATE_BUFSZ];
	int i, o;

	if (st->gaps == 0)
		return 0;
	o = snprintf(text, sizeof text, "%s %ld day%s not logged between %s", tui_glyph(t, G_WARN),
		     st->gaps, st->gaps == 1 ? "" : "s", date_format(st->first, date));
	o += snprintf(text + o, sizeof text - (size_t)o, " and %s%s", date_format(st->last, date),
		      st->ngap ? "; latest:" : "");
	for (i = 0; i < st->ngap; i++)
		o += snprintf(text + o, sizeof text - (size_t)o, " %s", date_format(st->gap[i], date));
	snprintf(text + o, sizeof text - (size_t)o, " (g goes to the next)");
	return tui_wrap(t, y, 1, w - 2, 2, ROLE_WARN, text);
}

/* Fields beside the gauges from this width; below it the fields take the
 * whole width, so a wider window never shows less of them. */
#define TWO_COLUMNS 120

/* The red flag first; then two columns when wide (fields beside gauges),
 * else one, with compact gauges; the level and its advice always come
 * before the forecast. */
static void draw(struct tui *t, void *state, int top, int height)
{
	struct today *st = state;
	int w = COLS, last = top + height - 1, y = top, rows;
	bool two = COLS >= TWO_COLUMNS;

	describe();
	load(t, st);
	if (st->has_proj)
		y += tui_red_flag_draw(t, &st->proj, st->found ? &st->en : NULL, y, 6);
	else if (t->last.found && st->day > t->last.proj.day)
		/* not logged yet after a red-flag day: that red flag still leads */
		y += tui_red_flag_draw(t, &t->last.proj, &t->last.en, y, 6);
	y += draw_date(t, st, y, w);
	y++;
	if (two) {
		int gw = COLS * 2 / 5 > 70 ? 70 : COLS * 2 / 5, lw = w - gw - 4, gy;
		int fy = today_draw_fields(t, st, y, lw);
		gy = today_draw_gauges(t, st, y, lw + 3, gw);
		y += (gy > fy ? gy : fy) + 1;
	} else {
		y += today_draw_fields(t, st, y, w);
		y += today_draw_compact(t, st, y, w) + 1;
	}
	if (y > last)
		return;
	rows = last - y + 1;
	/* What the level means comes whole before the forecast (docs/model.md:
	 * the clot signs are never cut for room). */
	y += draw_level(t, st, y, w, rows) + 1;
	if (last - y >= 3)
		y += draw_forecast(t, st, y, w, last - y + 1) + 1;
	if (y <= last)
		draw_gaps(t, st, y, w);
}

/* journal_each callback: stop at the first day without an entry. */
static int first_gap(void *ctx, const struct engine_proj *p, const struct entry *en)
{
	(void)en;
	if (p->logged)
		return 0;
	*(rw_day *)ctx = p->day;
	return 1;
}

/* The first unlogged day in from..to, walked a window at a time; 0 when
 * none, -1 on an error (shown on the status line). */
static int find_gap(struct tui *t, rw_day from, rw_day to, rw_day *gap)
{
	struct rw_error e = { 0, "" };

	for (; from <= to; from += GAP_WINDOW + 1) {
		rw_day end = from + GAP_WINDOW < to ? from + GAP_WINDOW : to;
		int r = journal_each(t->j, from, end, JOURNAL_PROJ_ONLY, first_gap, gap, &e);
		if (r == 1)
			return 1;
		if (r) {
			tui_message(t, true, "%s", e.msg);
			return -1;
		}
	}
	return 0;
}

/* Which day the next `g` shows: the first unlogged day after the one shown
 * (or the first of all when none is after it). */
static rw_day next_gap(struct tui *t, struct today *st)
{
	rw_day gap;
	int r;

	if (!st->any || st->gaps <= 0) {
		tui_message(t, false, "no unlogged days between the logged ones");
		return st->day;
	}
	r = find_gap(t, st->day + 1 > st->first ? st->day + 1 : st->first, st->last, &gap);
	if (r == 0)
		r = find_gap(t, st->first, st->last, &gap);
	return r == 1 ? gap : st->day;
}

/* Days are plain numbers: clamp to the calendar restwatch can write. */
static void move_day(struct tui *t, long by)
{
	long d = (long)t->day + by;

	if (d < (long)date_min())
		d = date_min();
	if (d > (long)date_max())
		d = date_max();
	t->day = (rw_day)d;
}

/* Home and End: the first and the last logged day. */
static void go_logged(struct tui *t, struct today *st, rw_day day)
{
	if (st->any)
		t->day = day;
	else
		tui_message(t, false, "nothing logged yet");
}

/* Day navigation here; every other key of the screen edits the day. */
static bool key(struct tui *t, void *state, const struct tui_key *k)
{
	const struct entry_field *rows[EF_COUNT];
	struct today *st = state;
	int n = today_rows(rows);

	describe();
	load(t, st);
	if (k->fn) {
		switch (k->code) {
		case KEY_LEFT: move_day(t, -1); return true;
		case KEY_RIGHT: move_day(t, 1); return true;
		case KEY_PPAGE: move_day(t, -7); return true;
		case KEY_NPAGE: move_day(t, 7); return true;
		case KEY_HOME: go_logged(t, st, st->first); return true;
		case KEY_END: go_logged(t, st, st->last); return true;
		case KEY_UP: st->field = (st->field + n - 1) % n; return true;
		case KEY_DOWN: st->field = (st->field + 1) % n; return true;
		case KEY_ENTER: return tui_today_edit_key(t, st, today_row_key(rows[st->field]));
		default: return false;
		}
	}
	switch (k->code) {
	case '\n':
	case '\r':
		return tui_today_edit_key(t, st, today_row_key(rows[st->field]));
	case 'h': move_day(t, -1); return true;
	case 'l': move_day(t, 1); return true;
	case '[': move_day(t, -7); return true;
	case ']': move_day(t, 7); return true;
	case 't': t->day = t->today; return true;
	case 'g': t->day = next_gap(t, st); return true;
	case 'b': tui_rest_toggle(t); return true;
	default: return tui_today_edit_key(t, st, k->code);
	}
}

/* The draft note the state points to. */
static void close_today(void *state)
{
	struct today *st = state;

	free(st->draft);
}

const struct tui_screen tui_screen_today = {
	.hotkey = '1',
	.name = "Today",
	.status = status,
	.help = help,
	.state_size = sizeof(struct today),
	.close = close_today,
	.draw = draw,
	.key = key,
};
