/* screen_journal.c - the Journal screen: every calendar day from the first
 * logged day to the last, gaps included, one row each, scrollable; Enter
 * shows a day's detail (detail.c; Enter there opens it on Today), d deletes
 * one (after asking), / jumps to a date.
 *
 * Rows come from the shared day cache (data.c), read once per journal
 * change; moving the cursor touches only memory.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "advice.h"
#include "tui_app.h"
#include "tui_mouse.h"

struct journal_screen {
	bool placed;  /* the cursor was put somewhere sensible */
	rw_day cur;   /* the day under the cursor */
	long top;     /* first row shown */
	long list_h;  /* rows shown at the last draw */
	int row_y;    /* the screen row of the first one */
	rw_day del;   /* the day a delete question is about */
	/* the entry under the cursor, for the detail lines */
	unsigned en_gen;
	rw_day en_day;
	bool en_found;
	struct entry en;
};

/* A rule and two lines under the list: the selected day's symptoms and
 * note, whole (wrapped). */
#define DETAIL_ROWS 3
/* The muscle column from this width; below it SYMPTOMS and NOTE get the
 * room (Today and Trends show the losses). */
#define MUSCLE_COLS 110

static const struct tui_help help[] = {
	{ "Up k  Down j", "previous / next day" },
	{ "PgUp PgDn", "a page up / down" },
	{ "Home g  End G", "first / last day" },
	{ "t", "today's row (when in the journal)" },
	{ "Enter", "the day's detail: every field whole, the projection, the note wrapped "
		   "(Up/Down scroll it, e or Enter edits the day on Today, Esc or q goes back)" },
	{ "d", "delete the day's entry (asks first; u undoes)" },
	{ "/", "go to a date: YYYY-MM-DD, today, yesterday or -N" },
	{ NULL, NULL },
};

/* Put the cursor inside the span: on the day in focus when it is there,
 * else on the last day. */
static void place(struct tui *t, struct journal_screen *st, const struct tui_days *d)
{
	if (!st->placed || st->cur < d->first || st->cur > d->last) {
		st->cur = (t->day >= d->first && t->day <= d->last) ? t->day : d->last;
		st->placed = true;
		st->top = -1;
	}
}

/* The date column: with the weekday unless the window is narrow. */
static int date_width(void)
{
	return COLS < 80 ? 12 : 16;
}

/* The widths of the SYMPTOMS and NOTE columns from column x: half each
 * when both fit, else symptoms only (the detail line shows both whole). */
static void tail_cols(int x, int *sw, int *nw)
{
	int rem = COLS - x - 1;

	*sw = *nw = 0;
	if (rem >= 30) {
		*sw = rem / 2 > 40 ? 40 : rem / 2;
		*nw = rem - *sw;
	} else if (rem >= 12) {
		*sw = rem;
	}
}

/* "sciatica, !fever": each red flag drawn marked on its own. */
static void draw_symptoms(struct tui *t, const char *s, int y, int x, int w, bool sel)
{
	int end = x + w;

	while (*s && x < end) {
		const char *comma = strstr(s, ", ");
		size_t len = comma ? (size_t)(comma - s) + 2 : strlen(s);
		char item[sizeof ((struct tui_row *)0)->symptoms];
		enum tui_role r = sel ? ROLE_SEL : *s == '!' ? ROLE_ALERT : ROLE_NORMAL;

		snprintf(item, sizeof item, "%.*s", (int)len, s);
		x += tui_text(t, y, x, end - x, r, item);
		s += len;
	}
}

/* A loss band to one decimal ("<0.1" when smaller, docs/model.md); the
 * column heading carries the %. */
static const char *band(const struct tui_row *r, int k, char *out, size_t n)
{
	size_t len;

	advice_band(r->loss[k][BAND_LOW], r->loss[k][BAND_HIGH], "-", out, n);
	len = strlen(out);
	if (len && out[len - 1] == '%')
		out[len - 1] = '\0';
	return out;
}

/* One day: a gap says so in place of its fields, but keeps its level,
 * clock and losses, which the engine still computes for it. */
static void draw_row(struct tui *t, const struct tui_row *r, int y, bool sel, bool wide)
{
	enum tui_role base = sel ? ROLE_SEL : ROLE_NORMAL, dim = sel ? ROLE_SEL : ROLE_DIM;
	char date[16], rest[32], num[32], b[48];
	int x = 3, sw, nw;

	if (sel) {
		tui_fill(t, y, 0, COLS, ROLE_SEL, " ");
		tui_text(t, y, 1, 1, ROLE_SEL, tui_glyph(t, G_CURSOR));
	}
	if (date_width() < 16)
		date_format(r->day, date);
	else
		tui_date(r->day, date);
	tui_text(t, y, x, 14, r->logged ? base : dim, date);
	x += date_width();
	if (!r->logged) {
		/* a held day keeps the clock (docs/model.md, the gap hold) */
		tui_text(t, y, x, 23, dim,
			 r->clock > 1e-9 ? "- not logged: held -" : "-- not logged --");
	} else {
		if (r->has_rest)
			snprintf(rest, sizeof rest, "%s h", entry_format_rest(r->rest_hours, num, sizeof num));
		else
			snprintf(rest, sizeof rest, "-");
		tui_textf(t, y, x, 7, base, "%6s", rest);
		tui_textf(t, y, x + 7, 6, base, "%5d", r->activity_minutes);
		if (r->pain != PAIN_UNSET)
			tui_textf(t, y, x + 13, 6, base, "%5d", r->pain);
		else
			tui_textf(t, y, x + 13, 6, dim, "%5s", "-");
	}
	x += 21;
	tui_text(t, y, x, 15, sel ? ROLE_SEL : r->logged ? tui_level_role(r->level) : ROLE_DIM,
		 engine_level_name(r->level));
	x += 15;
	tui_textf(t, y, x, 7, r->logged ? base : dim, "%5s h",
		  advice_hours(r->clock, t->params.threshold_hours, num, sizeof num));
	x += 9;
	if (COLS >= MUSCLE_COLS) {
		tui_text(t, y, x, 12, r->logged ? base : dim, band(r, LOSS_MUSCLE, b, sizeof b));
		x += 12;
	}
	if (wide) {
		tui_text(t, y, x, 12, r->logged ? base : dim, band(r, LOSS_CARDIO, b, sizeof b));
		tui_text(t, y, x + 12, 12, r->logged ? base : dim, band(r, LOSS_BONE, b, sizeof b));
		x += 24;
	}
	tail_cols(x, &sw, &nw);
	if (sw > 0)
		draw_symptoms(t, r->symptoms, y, x, sw - 2, sel);
	if (nw > 0)
		tui_text(t, y, x + sw, nw, dim, r->note);
}

/* The selected day's symptoms and note whole, under the list: read once
 * per day selected and journal change. */
static void draw_detail(struct tui *t, struct journal_screen *st, int y)
{
	struct rw_error e = { 0, "" };
	char text[NOTE_MAX + SYMPTOMS_TEXT_MAX + 64], sym[SYMPTOMS_TEXT_MAX];
	int i, o = 0;

	if (st->en_gen != t->gen || st->en_day != st->cur) {
		st->en_gen = t->gen;
		st->en_day = st->cur;
		if (journal_get_entry(t->j, st->cur, &st->en, &st->en_found, &e) != 0) {
			st->en_found = false;
			tui_message(t, true, "%s", e.msg);
		}
	}
	tui_fill(t, y, 0, COLS, ROLE_DIM, tui_glyph(t, G_HLINE));
	if (!st->en_found)
		return;
	sym[0] = '\0';
	for (i = 0; i < st->en.n_symptoms; i++)
		o += snprintf(sym + o, sizeof sym - (size_t)o, "%s%s%s", i ? ", " : "",
			      entry_symptom_is_red_flag(st->en.symptoms[i]) ? "!" : "", st->en.symptoms[i]);
	snprintf(text, sizeof text, "Symptoms: %s.  Note: %s", sym[0] ? sym : "-",
		 st->en.note[0] ? st->en.note : "-");
	tui_wrap(t, y + 1, 1, COLS - 2, DETAIL_ROWS - 1, ROLE_NORMAL, text);
}

/* The rows in view, scrolled so the cursor stays on screen. */
static void draw(struct tui *t, void *state, int top, int height)
{
	struct journal_screen *st = state;
	const struct tui_days *d = tui_days(t);
	char first[DATE_BUFSZ], last[DATE_BUFSZ];
	bool wide = COLS >= 150;
	long idx, i;
	int y, x, sw, nw;

	if (!d)
		return;
	if (d->n == 0) {
		tui_wrap(t, top + 1, 2, COLS - 4, 3, ROLE_NORMAL,
			 "Nothing logged yet. Press 1 for Today, then r to log today's rest hours "
			 "(or run: restwatch log --rest H).");
		return;
	}
	place(t, st, d);
	st->list_h = height - 3 - DETAIL_ROWS;
	if (st->list_h < 1)
		st->list_h = 1;
	idx = tui_days_index(d, st->cur);
	if (idx < 0)
		idx = (long)d->n - 1;
	if (st->top < 0)
		st->top = idx - st->list_h + 1;
	if (idx < st->top)
		st->top = idx;
	if (idx >= st->top + st->list_h)
		st->top = idx - st->list_h + 1;
	if (st->top > (long)d->n - st->list_h)
		st->top = (long)d->n - st->list_h;
	if (st->top < 0)
		st->top = 0;

	x = 1 + tui_textf(t, top, 1, COLS - 2, ROLE_HEAD, "%ld day%s logged", d->logged,
			  d->logged == 1 ? "" : "s");
	x += tui_textf(t, top, x, COLS - x - 1, (long)d->n > d->logged ? ROLE_WARN : ROLE_NORMAL,
		       ", %ld not logged", (long)d->n - d->logged);
	tui_textf(t, top, x, COLS - x - 1, ROLE_NORMAL, ", %s to %s  (row %ld of %zu)",
		  date_format(d->first, first), date_format(d->last, last), idx + 1, d->n);
	y = top + 1;
	x = 3 + tui_textf(t, y, 3, COLS - 4, ROLE_HEAD, "%-*s%6s %5s %5s   %-15s%7s  %s%s",
			  date_width(), "DATE", "REST", "ACT m", "PAIN", "LEVEL", "CLOCK",
			  COLS >= MUSCLE_COLS ? "MUSCLE %    " : "", wide ? "CARDIO %    BONE %      " : "");
	tail_cols(x, &sw, &nw);
	if (sw)
		tui_text(t, y, x, sw, ROLE_HEAD, "SYMPTOMS");
	if (nw)
		tui_text(t, y, x + sw, nw, ROLE_HEAD, "NOTE");
	st->row_y = y + 1;
	for (i = 0; i < st->list_h && st->top + i < (long)d->n; i++) {
		const struct tui_row *r = tui_day_row(t, d->first + (rw_day)(st->top + i));
		if (r)
			draw_row(t, r, y + 1 + (int)i, st->top + i == idx, wide);
	}
	draw_detail(t, st, top + height - DETAIL_ROWS);
}

/* /: the dates the command line takes; outside the journal is refused
 * with its span, so the user knows where to look. */
static int go_date(struct tui *t, void *ctx, const char *text, struct rw_error *e)
{
	struct journal_screen *st = ctx;
	const struct tui_days *d = tui_days(t);
	char a[DATE_BUFSZ], b[DATE_BUFSZ], c[DATE_BUFSZ];
	rw_day day;
	int r;

	if (!*text)
		return 0;
	if ((r = date_parse(text, t->today, &day, "date", e)) != 0)
		return r;
	if (!d || d->n == 0 || day < d->first || day > d->last)
		return rw_fail(e, RW_EDATA, "date: %s is outside the journal (%s to %s)",
			       date_format(day, a), d && d->n ? date_format(d->first, b) : "-",
			       d && d->n ? date_format(d->last, c) : "-");
	st->cur = day;
	return 0;
}

/* Only after the question: journal_delete is one transaction, undoable. */
static int yes_delete(struct tui *t, void *ctx, const char *text, struct rw_error *e)
{
	struct journal_screen *st = ctx;
	char date[DATE_BUFSZ];
	int r;

	(void)text;
	if ((r = journal_delete(t->j, st->del, e)) != 0)
		return r;
	tui_message(t, false, "deleted the entry of %s (u undoes)", date_format(st->del, date));
	return 0;
}

/* Moving the cursor touches only the cached rows. */
static bool key(struct tui *t, void *state, const struct tui_key *k)
{
	struct journal_screen *st = state;
	const struct tui_days *d = tui_days(t);
	long idx, n, page = st->list_h > 1 ? st->list_h - 1 : 1;
	char q[80], date[16];

	if (!d || d->n == 0)
		return false;
	place(t, st, d);
	n = (long)d->n;
	idx = tui_days_index(d, st->cur);
	if (idx < 0)
		idx = n - 1;
	if (k->fn) {
		switch (k->code) {
		case KEY_UP: idx--; break;
		case KEY_DOWN: idx++; break;
		case KEY_PPAGE: idx -= page; break;
		case KEY_NPAGE: idx += page; break;
		case KEY_HOME: idx = 0; break;
		case KEY_END: idx = n - 1; break;
		case KEY_ENTER:
			tui_detail_open(t, st->cur);
			return true;
		default: return false;
		}
	} else {
		switch (k->code) {
		case 'k': idx--; break;
		case 'j': idx++; break;
		case 'g': idx = 0; break;
		case 'G': idx = n - 1; break;
		case 't':
			if (t->today < d->first || t->today > d->last) {
				tui_message(t, false, "today is not in the journal yet");
				return true;
			}
			idx = tui_days_index(d, t->today);
			break;
		case '\n':
		case '\r':
			tui_detail_open(t, st->cur);
			return true;
		case 'd':
			if (!tui_day_row(t, st->cur) || !tui_day_row(t, st->cur)->logged) {
				tui_message(t, false, "%s is not logged: nothing to delete",
					    tui_date(st->cur, date));
				return true;
			}
			st->del = st->cur;
			snprintf(q, sizeof q, "Delete the entry of %s?", tui_date(st->cur, date));
			tui_confirm_open(t, q, yes_delete, st);
			return true;
		case '/':
			tui_prompt_open(t, "Go to date", "", 32,
					"YYYY-MM-DD, today, yesterday or -N (N days ago). Enter goes, Esc cancels.",
					go_date, NULL, st);
			return true;
		default:
			return false;
		}
	}
	if (idx < 0)
		idx = 0;
	if (idx >= n)
		idx = n - 1;
	st->cur = d->first + (rw_day)idx;
	return true;
}

/* A click on a row of the last draw picks its day (mouse.c). */
int tui_journal_click(struct tui *t, void *state, int y)
{
	struct journal_screen *st = state;
	const struct tui_days *d = tui_days(t);
	long idx = st->top + (y - st->row_y);

	if (!d || d->n == 0 || !st->placed || st->row_y <= 0 || y < st->row_y ||
	    y - st->row_y >= st->list_h || idx < 0 || idx >= (long)d->n)
		return 0;
	if (d->first + (rw_day)idx == st->cur)
		return 2;
	st->cur = d->first + (rw_day)idx;
	return 1;
}

/* No row scrolled to yet. */
static void init_journal(struct tui *t, void *state)
{
	struct journal_screen *st = state;

	(void)t;
	st->top = -1;
}

const struct tui_screen tui_screen_journal = {
	.hotkey = '2',
	.name = "Journal",
	.status = "Up/Down day  Enter detail  d delete  / date",
	.help = help,
	.state_size = sizeof(struct journal_screen),
	.init = init_journal,
	.draw = draw,
	.key = key,
};
