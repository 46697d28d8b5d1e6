/* trends.c - the Trends screen: charts over 14 days, 30 days, 90 days, a
 * year or all time (r cycles), in three views (v cycles): rest hours, the
 * rest clock, activity and pain; the three losses with their low-high
 * band; a calendar of levels (calendar.c).
 *
 * The binned columns are cached for one journal version, range and width,
 * so a key only redraws from memory; the days are read a column at a time
 * straight from the journal, so memory follows the width, not the range,
 * and a long range goes on between keys (work).
 */
#include <curses.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "tui_app.h"
#include "tui_mouse.h"
#include "tui_plot.h"
#include "tui_trends.h"

enum { RANGES = 5, VIEWS = 3, REST_CHARTS = 4, MIN_PLOT = 4 /* rows of a chart at least */ };
static const long range_days[RANGES] = { 14, 30, 90, 365, 0 };
static const char *const range_names[RANGES] = { "14 days", "30 days", "90 days", "1 year",
						  "all" };
static const char *const view_names[VIEWS] = { "Rest & activity", "Losses", "Calendar" };

static const struct tui_help help[] = {
	{ "r  R", "next / previous range: 14 days, 30 days, 90 days, 1 year, all" },
	{ "v  V", "next / previous view: rest & activity, losses, calendar" },
	{ "Up Down PgUp PgDn", "charts that do not all fit: scroll a chart / a page (Home: the first, End: the last); in the calendar: a month / a page (Home: the first month, End: the latest)" },
	{ "Left Right  h l", "in the calendar: the day before / after" },
	{ "Enter", "in the calendar: the day's detail: every field whole, the projection, the note wrapped "
		   "(e or Enter there edits the day on Today, Esc goes back)" },
	{ "", "a dot is a day not logged or without that value, in every chart; dashed lines are the night's sleep, the guideline limit and a day's full activity; a bar cut at the chart's top ends in an arrowhead" },
	{ NULL, NULL },
};

static const enum chart_agg agg[S_COUNT] = {
	[S_REST] = CHART_MEAN, [S_CLOCK] = CHART_MAX, [S_ACT] = CHART_MEAN, [S_PAIN] = CHART_MEAN,
	[S_LOSS] = CHART_MAX, CHART_MAX, CHART_MAX, CHART_MAX, CHART_MAX, CHART_MAX,
};

/* The series are rebuilt whole when the journal, range or width change. */
static void free_cache(struct trends *st)
{
	int s;

	for (s = 0; s < S_COUNT; s++) {
		free(st->col[s]);
		st->col[s] = NULL;
	}
	free(st->buf);
	st->buf = NULL;
	st->n = st->cols = 0;
}

/* The day's value of each series; NAN where the journal has none (a day
 * not logged, the held clock included, or an unset field). */
static void day_values(const struct engine_proj *p, const struct entry *en, double v[S_COUNT])
{
	int k, b;

	for (k = 0; k < S_COUNT; k++)
		v[k] = NAN;
	if (!en)
		return;
	v[S_CLOCK] = p->rest_clock_hours;
	for (k = 0; k < LOSS_COUNT; k++)
		for (b = 0; b < BAND_COUNT; b++)
			v[S_LOSS + k * BAND_COUNT + b] = p->loss[k][b];
	v[S_REST] = en->has_rest ? en->rest_hours : NAN;
	v[S_ACT] = p->activity_minutes;
	v[S_PAIN] = en->pain == PAIN_UNSET ? NAN : en->pain;
}

/* journal_each's callback: a day of the column being read into buf. */
struct col_fill {
	const struct trends *st;
	rw_day from;
	size_t len;
	double *buf;
};

static int fill_day(void *ctx, const struct engine_proj *p, const struct entry *en)
{
	const struct col_fill *f = ctx;
	size_t i = (size_t)(p->day - f->from);
	double v[S_COUNT];
	int s;

	if (p->day < f->from || i >= f->len)
		return 0;
	day_values(p, en, v);
	for (s = 0; s < S_COUNT; s++)
		f->buf[(size_t)s * f->st->per + i] = v[s];
	return 0;
}

/* Column c: its days read from the journal (NAN where there is none),
 * then binned into each series. */
static int bin_column(struct tui *t, struct trends *st, size_t c, struct rw_error *e)
{
	struct col_fill f = { st, st->start + (rw_day)(c * st->per), 0, st->buf };
	size_t i;
	int s, r;

	f.len = st->n - c * st->per < st->per ? st->n - c * st->per : st->per;
	for (i = 0; i < st->per * S_COUNT; i++)
		st->buf[i] = NAN;
	if ((r = journal_each(t->j, f.from, f.from + (rw_day)f.len - 1, 0, fill_day, &f, e)))
		return r;
	for (s = 0; s < S_COUNT; s++)
		chart_bin(st->buf + (size_t)s * st->per, f.len, f.len, agg[s], &st->col[s][c], 1);
	return 0;
}

/* Columns for ms milliseconds: a short range is done at once, a century
 * of days goes on between keys (work).  True when all are done. */
static bool bin_slice(struct tui *t, struct trends *st, long ms)
{
	struct rw_error e = { 0, "" };
	long started = tui_clock_ms();

	while (st->done < st->cols && tui_clock_ms() - started < ms) {
		if (bin_column(t, st, st->done, &e) != 0) {
			tui_message(t, true, "%s", e.msg);
			st->done = st->cols; /* what was read stays shown */
			break;
		}
		st->done++;
	}
	if (st->done < st->cols)
		return false;
	free(st->buf);
	st->buf = NULL;
	return true;
}

/* The rest of the columns, between keys. */
static int work(struct tui *t, void *state)
{
	struct trends *st = state;

	if (!st->buf || st->gen != t->gen)
		return TUI_WORK_NONE; /* nothing left, or the next draw starts again */
	return bin_slice(t, st, TUI_WORK_MS) ? TUI_WORK_DONE : TUI_WORK_MORE;
}

/* Build the series for the window ending today (or at the last logged day
 * when that is later), binned into the plot width. */
static bool build(struct tui *t, struct trends *st, int width)
{
	const struct tui_days *d = tui_days(t);
	size_t i;
	int s;

	if (!d)
		return false;
	if (st->gen == t->gen && st->c_range == st->range && st->c_width == width &&
	    st->c_today == t->today && st->n)
		return true;
	free_cache(st);
	st->end = d->n && d->last > t->today ? d->last : t->today;
	if (range_days[st->range])
		st->start = st->end - (rw_day)range_days[st->range] + 1;
	else
		st->start = d->n && d->first < st->end ? d->first : st->end - 13;
	st->n = (size_t)(st->end - st->start + 1);
	st->per = chart_days_per_col(st->n, (size_t)width);
	st->cols = st->n / st->per + (st->n % st->per != 0);
	st->colw = st->per == 1 ? width / (int)st->n : 1;
	if (st->colw > 4)
		st->colw = 4;
	if (st->colw < 1)
		st->colw = 1;
	for (s = 0; s < S_COUNT; s++)
		if (!(st->col[s] = malloc(st->cols * sizeof(double))))
			break;
	if (s < S_COUNT || !(st->buf = malloc(st->per * S_COUNT * sizeof *st->buf))) {
		free_cache(st);
		tui_message(t, true, "out of memory");
		return false;
	}
	for (s = 0; s < S_COUNT; s++)
		for (i = 0; i < st->cols; i++)
			st->col[s][i] = NAN;
	st->done = 0;
	st->gen = t->gen;
	st->c_range = st->range;
	st->c_width = width;
	st->c_today = t->today;
	bin_slice(t, st, TUI_WORK_MS / 2); /* on the key's own time: half a slice */
	return true;
}

/* The largest present value (0 when none), to scale an axis. */
static double series_max(const double *v, size_t n)
{
	double m = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (!isnan(v[i]) && v[i] > m)
			m = v[i];
	return m;
}

/* A plot of series s with no lines or thresholds yet. */
static void plot_init(struct tui_plot *p, const struct trends *st, int s)
{
	memset(p, 0, sizeof *p);
	p->v = st->col[s];
	p->n = st->cols;
	p->colw = st->colw;
	p->ref[0] = p->ref[1] = NAN;
	p->warn_at = INFINITY;
	p->danger_at = INFINITY;
}

/* Rest & activity, chart i of REST_CHARTS in rows cells: rest hours
 * against sleep, the rest clock against the guideline limit, activity
 * minutes against a full day's credit, and pain.  Each reference line is
 * inside its axis, off the label rows (chart_axis_ref). */
static void rest_chart(const struct tui *t, const struct trends *st, int i, int rows,
		       struct tui_plot *p, char *title, size_t tn)
{
	const struct engine_params *pp = &t->params;
	const char *mean = st->per > 1 ? " (mean)" : "", *peak = st->per > 1 ? " (peak)" : "";

	switch (i) {
	case 0:
		plot_init(p, st, S_REST);
		p->ax = (struct chart_axis){ .lo = 0, .hi = 24, .step = 6, .ticks = 4 };
		p->ref[0] = pp->sleep_hours;
		p->warn_at = 20;
		snprintf(title, tn, "Rest hours per day%s  (line: %.0f h of sleep)", mean, pp->sleep_hours);
		break;
	case 1:
		plot_init(p, st, S_CLOCK);
		chart_axis_nice(0, fmax(series_max(p->v, p->n), pp->threshold_hours * 2), 4, &p->ax);
		p->ref[0] = pp->threshold_hours;
		p->warn_at = pp->threshold_hours;
		snprintf(title, tn, "Rest clock, hours%s  (line: %g h guideline limit)", peak,
			 pp->threshold_hours);
		break;
	case 2:
		plot_init(p, st, S_ACT);
		chart_axis_nice(0, fmax(series_max(p->v, p->n), 60), 4, &p->ax);
		p->ref[0] = pp->full_credit_minutes;
		snprintf(title, tn, "Activity minutes per day%s  (line: %.0f min, a day counted as fully up)",
			 mean, pp->full_credit_minutes);
		break;
	default:
		plot_init(p, st, S_PAIN);
		p->ax = (struct chart_axis){ .lo = 0, .hi = 10, .step = 2.5, .ticks = 4 };
		p->warn_at = 6.5;
		snprintf(title, tn, "Pain 0-10%s", mean);
		break;
	}
	chart_axis_ref(&p->ax, p->ref[0], rows, 4);
}

/* Losses, chart k: each loss with its low-high band, on its own scale. */
static void loss_chart(const struct trends *st, int k, struct tui_plot *p, char *title, size_t tn)
{
	static const char *const names[LOSS_COUNT] = { "Muscle strength", "Cardio fitness (VO2max)",
						       "Bone density (lumbar)" };
	int hi = S_LOSS + k * BAND_COUNT + BAND_HIGH, lo = S_LOSS + k * BAND_COUNT + BAND_LOW;

	plot_init(p, st, hi);
	p->low = st->col[lo];
	chart_axis_nice(0, fmax(series_max(p->v, p->n), k == LOSS_BONE ? 0.1 : 1), 4, &p->ax);
	snprintf(title, tn, "%s lost, %%%s  (solid: low rate, shaded: up to high rate)", names[k],
		 st->per > 1 ? " (peak)" : "");
}

/* The charts of the view from the first scrolled to, as many as keep
 * MIN_PLOT rows each; returns the row after them. */
static int draw_charts(struct tui *t, struct trends *st, int y, int height)
{
	int total = st->view == 0 ? REST_CHARTS : LOSS_COUNT, shown = total, rows, i;

	while (shown > 1 && height / shown - 1 < MIN_PLOT)
		shown--;
	rows = height / shown - 1;
	if (rows < 1)
		rows = 1;
	st->charts = total;
	st->charts_shown = shown;
	if (st->chart_top > total - shown)
		st->chart_top = total - shown;
	if (st->chart_top < 0)
		st->chart_top = 0;
	for (i = st->chart_top; i < st->chart_top + shown; i++) {
		struct tui_plot p;
		char title[160];
		if (st->view == 0)
			rest_chart(t, st, i, rows, &p, title, sizeof title);
		else
			loss_chart(st, i, &p, title, sizeof title);
		tui_text(t, y, 1, COLS - 2, ROLE_HEAD, title);
		tui_plot_draw(t, y + 1, 0, rows, &p);
		y += rows + 1;
	}
	return y;
}

/* The short form of a date between the axis's ends: "03-10" within a
 * year's window, "2026-03" over a longer one. */
static void short_date(rw_day day, bool long_span, char *out, size_t n)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	if (long_span)
		snprintf(out, n, "%04d-%02d", y, m);
	else
		snprintf(out, n, "%02d-%02d", m, d);
}

/* Dates under the charts: the window's first and last in full, and as
 * short ones evenly between them (one per 12 columns, two blanks apart at
 * least), each starting at the column it names. */
static void draw_axis_dates(struct tui *t, struct trends *st, int y)
{
	char a[DATE_BUFSZ], b[DATE_BUFSZ], mid[16];
	int x = TUI_PLOT_LABEL, w = (int)st->cols * st->colw, lw = st->n > 366 ? 7 : 5, m, i, end;
	bool long_span = st->n > 366;

	tui_text(t, y, x, COLS - x, ROLE_DIM, date_format(st->start, a));
	if (w < 22)
		return;
	tui_text(t, y, x + w - 10, 10, ROLE_DIM, date_format(st->end, b));
	m = (w - 12) / 12;   /* a label per 12 columns at most */
	end = 10;            /* the column after the last label drawn */
	for (i = 1; i <= m; i++) {
		int p = (int)((long)(w - 10) * i / (m + 1)), c, lx;
		if (p < end + 2)
			p = end + 2;
		c = (p + st->colw / 2) / st->colw; /* the nearest column's start */
		if (c * st->colw < end + 2)
			c++;
		lx = c * st->colw;
		if (lx + lw + 2 > w - 10 || (size_t)c >= st->cols)
			break;
		short_date(st->start + (rw_day)((size_t)c * st->per), long_span, mid, sizeof mid);
		tui_text(t, y, x + lx, lw, ROLE_DIM, mid);
		end = lx + lw;
	}
}

/* The view and range choices, how many days a column holds, and where the
 * charts are scrolled to when they do not all fit. */
static void draw_choices(struct tui *t, struct trends *st, int y)
{
	int x = 1, i;
	char more[64];

	x += tui_text(t, y, x, COLS - x, ROLE_KEY, "v ");
	for (i = 0; i < VIEWS; i++)
		if (COLS >= 90 || i == st->view)
			x += tui_textf(t, y, x, COLS - x, i == st->view ? ROLE_SEL : ROLE_NORMAL,
				       i == st->view ? "[%s]" : " %s ", view_names[i]);
	x += tui_text(t, y, x + 2, COLS - x, ROLE_KEY, "r ") + 2;
	for (i = 0; i < RANGES; i++)
		if (COLS >= 90 || i == st->range)
			x += tui_textf(t, y, x, COLS - x, i == st->range ? ROLE_SEL : ROLE_NORMAL,
				       i == st->range ? "[%s]" : " %s ", range_names[i]);
	more[0] = '\0';
	if (st->buf && st->cols)
		snprintf(more, sizeof more, "reading the journal: %zu%%", st->done * 100 / st->cols);
	else if (st->view != 2 && st->charts_shown < st->charts)
		snprintf(more, sizeof more, "charts %d-%d of %d: Up/Down", st->chart_top + 1,
			 st->chart_top + st->charts_shown, st->charts);
	if (st->view != 2 && st->per > 1) {
		char per[48];
		snprintf(per, sizeof per, "%zu days a column", st->per);
		if (x + 2 + tui_text_width(t, per) + 2 + tui_text_width(t, more) <= COLS - 1)
			tui_text(t, y, x + 2, COLS - x - 2, ROLE_DIM, per);
	}
	if (more[0])
		tui_text(t, y, COLS - 1 - tui_text_width(t, more), COLS, ROLE_DIM, more);
}

/* The view and range choices, then the charts sharing the height. */
static void draw(struct tui *t, void *state, int top, int height)
{
	struct trends *st = state;
	int width = COLS - TUI_PLOT_LABEL - 8, y;

	if (!build(t, st, width))
		return;
	if (st->view == 2) {
		draw_choices(t, st, top);
		tui_calendar_draw(t, st, top + 2, height - 2);
		return;
	}
	/* the charts first: the choices line says where they are scrolled to */
	y = draw_charts(t, st, top + 1, height - 2);
	draw_choices(t, st, top);
	draw_axis_dates(t, st, y);
}

/* Up/Down a chart, PgUp/PgDn a page of them, Home/End the first/last
 * (draw_charts clamps); false for other keys. */
static bool scroll_charts(struct trends *st, int code)
{
	int page = st->charts_shown > 0 ? st->charts_shown : 1;

	switch (code) {
	case KEY_UP: st->chart_top--; return true;
	case KEY_DOWN: st->chart_top++; return true;
	case KEY_PPAGE: st->chart_top -= page; return true;
	case KEY_NPAGE: st->chart_top += page; return true;
	case KEY_HOME: st->chart_top = 0; return true;
	case KEY_END: st->chart_top = st->charts; return true;
	default: return false;
	}
}

/* r and v cycle; the capitals go back. */
static bool key(struct tui *t, void *state, const struct tui_key *k)
{
	struct trends *st = state;
	int page = st->cal_rows > 1 ? st->cal_rows - 1 : 1;

	if (st->view == 2 && st->cal_placed && tui_calendar_key(t, st, k, page))
		return true;
	if (k->fn)
		return scroll_charts(st, k->code);
	switch (k->code) {
	case 'r': st->range = (st->range + 1) % RANGES; return true;
	case 'R': st->range = (st->range + RANGES - 1) % RANGES; return true;
	case 'v': st->view = (st->view + 1) % VIEWS; st->chart_top = 0; return true;
	case 'V': st->view = (st->view + VIEWS - 1) % VIEWS; st->chart_top = 0; return true;
	default: return false;
	}
}

/* The cached series. */
static void close_trends(void *state)
{
	free_cache(state);
}

const struct tui_screen tui_screen_trends = {
	.hotkey = '3',
	.name = "Trends",
	.status = "r range  v view",
	.help = help,
	.state_size = sizeof(struct trends),
	.close = close_trends,
	.work = work,
	.draw = draw,
	.key = key,
};
