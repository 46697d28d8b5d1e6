/* today_gauges.c - the Today screen's gauges: the rest clock against the
 * guideline limit and the clot line, and the three losses as low-high bars
 * (two columns), or both on one line each (narrow windows).  Losses are
 * shown to one decimal, "<0.1" when smaller (docs/model.md).
 */
#include <curses.h>
#include <math.h>
#include <stdio.h>

#include "advice.h"
#include "chart.h"
#include "tui_app.h"
#include "tui_today.h"

/* A loss band to one decimal, "<0.1" when smaller (docs/model.md). */
const char *today_band(const struct tui *t, const struct engine_proj *p, int k, char *out,
		       size_t n)
{
	return advice_band(p->loss[k][BAND_LOW], p->loss[k][BAND_HIGH], tui_glyph(t, G_DASH), out, n);
}

/* A bar of w cells for eighths, coloured by the part of the scale it is in
 * (up to the threshold, past it). */
static void draw_clock_bar(struct tui *t, int y, int x, int w, const struct chart_axis *ax,
			   double clock)
{
	int e = chart_bar_eighths(ax, clock, w), i;
	double tpos = chart_axis_pos(ax, t->params.threshold_hours, w);

	for (i = 0; i < w; i++) {
		int c = chart_cell_eighths(e, i);
		enum tui_role r = i >= (int)tpos ? ROLE_WARN : ROLE_BAR;
		if (c > 0)
			tui_text(t, y, x + i, 1, r, tui_hblock(t, c));
		else if (i == (int)tpos)
			tui_text(t, y, x + i, 1, ROLE_DIM, tui_glyph(t, G_MARK));
		else
			tui_text(t, y, x + i, 1, ROLE_DIM, tui_glyph(t, G_EMPTY));
	}
}

/* The rest clock against the threshold: the value, a gauge marked at the
 * threshold, and its scale.  Returns rows used. */
static int draw_clock(struct tui *t, const struct engine_proj *p, int y, int x, int w)
{
	struct chart_axis ax;
	double top = fmax(t->params.threshold_hours * 2, p->rest_clock_hours);
	int gw = w - 1, tx;
	char num[32];

	top = ceil((top + 1) / 24) * 24; /* room past the value: the bar never looks full */
	if (top <= 0)
		top = 24;
	ax.lo = 0;
	ax.hi = top;
	ax.step = 24;
	ax.ticks = (int)(top / 24);
	tui_text(t, y, x, w, ROLE_HEAD, "Rest clock");
	tui_textf(t, y, x + 11, w - 11, tui_level_role(p->level), "%s h",
		  advice_hours(p->rest_clock_hours, t->params.threshold_hours, num, sizeof num));
	tui_textf(t, y, x + 11 + 8, w - 19, ROLE_DIM, "of the %g h guideline limit",
		  t->params.threshold_hours);
	draw_clock_bar(t, y + 1, x, gw, &ax, p->rest_clock_hours);
	tx = x + (int)chart_axis_pos(&ax, t->params.threshold_hours, gw);
	tui_text(t, y + 2, x, w, ROLE_DIM, "0");
	tui_textf(t, y + 2, tx, x + w - tx, ROLE_DIM, "%.0f", t->params.threshold_hours);
	if (x + gw - 5 > tx + 3)
		tui_textf(t, y + 2, x + gw - 5, 6, ROLE_DIM, "%4.0f h", top);
	return 3;
}

/* The three losses on one scale: solid up to the low estimate, shaded up
 * to the high one.  Returns rows used. */
static int draw_losses(struct tui *t, const struct engine_proj *p, int y, int x, int w)
{
	static const char *const names[LOSS_COUNT] = { "Muscle", "Cardio", "Bone" };
	char b[48];
	struct chart_axis ax;
	double hi = 0;
	int k, i, bw = w - 22;

	for (k = 0; k < LOSS_COUNT; k++)
		hi = fmax(hi, p->loss[k][BAND_HIGH]);
	chart_axis_nice(0, fmax(hi, 1), 4, &ax);
	tui_textf(t, y, x, w, ROLE_HEAD, "Losses so far");
	tui_textf(t, y, x + 14, w - 14, ROLE_DIM, "low%shigh %%, bar 0%s%g %%", tui_glyph(t, G_DASH),
		  tui_glyph(t, G_DASH), ax.hi);
	if (bw < 4)
		bw = 4;
	for (k = 0; k < LOSS_COUNT; k++) {
		int el = chart_bar_eighths(&ax, p->loss[k][BAND_LOW], bw);
		int eh = chart_bar_eighths(&ax, p->loss[k][BAND_HIGH], bw);
		int ry = y + 1 + k;

		tui_text(t, ry, x, 7, ROLE_NORMAL, names[k]);
		for (i = 0; i < bw; i++) {
			int cl = chart_cell_eighths(el, i), ch = chart_cell_eighths(eh, i);
			if (cl > 0)
				tui_text(t, ry, x + 7 + i, 1, ROLE_BAR, tui_hblock(t, cl));
			else if (ch > 0)
				tui_text(t, ry, x + 7 + i, 1, ROLE_BAND, tui_glyph(t, G_SHADE));
			else
				tui_text(t, ry, x + 7 + i, 1, ROLE_DIM, tui_glyph(t, G_EMPTY));
		}
		tui_text(t, ry, x + 8 + bw, w - 8 - bw, ROLE_NORMAL, today_band(t, p, k, b, sizeof b));
	}
	return 4;
}

/* The gauges: the day's own projection, or the last logged day's when the
 * day shown is after it (labelled so). */
int today_draw_gauges(struct tui *t, struct today *st, int y, int x, int w)
{
	const struct engine_proj *p = NULL;
	char date[DATE_BUFSZ];
	int used = 0;

	if (st->has_proj)
		p = &st->proj;
	else if (t->last.found && st->day > t->last.proj.day)
		p = &t->last.proj;
	if (!p) {
		tui_wrap(t, y, x, w, 2, ROLE_DIM,
			 st->any ? "Before the first logged day: no rest clock yet."
				 : "Nothing logged yet: log rest hours with r to start the rest clock.");
		return 2;
	}
	if (p != &st->proj)
		used += tui_textf(t, y + used, x, w, ROLE_DIM, "as of the last logged day, %s",
				  date_format(p->day, date)) > 0;
	used += draw_clock(t, p, y + used, x, w);
	used++;
	used += draw_losses(t, p, y + used, x, w);
	return used;
}

/* Narrow windows: the rest clock and the losses on one line each. */
int today_draw_compact(struct tui *t, struct today *st, int y, int w)
{
	const struct engine_proj *p = st->has_proj ? &st->proj : NULL;
	char b[LOSS_COUNT][48];
	struct chart_axis ax;
	double top;
	int x;
	char num[32];

	if (!p && t->last.found && st->day > t->last.proj.day)
		p = &t->last.proj;
	if (!p)
		return 0;
	top = ceil((fmax(t->params.threshold_hours * 2, p->rest_clock_hours) + 1) / 24) * 24;
	ax = (struct chart_axis){ .lo = 0, .hi = top, .step = 24, .ticks = (int)(top / 24) };
	x = 1 + tui_text(t, y, 1, w - 2, ROLE_HEAD, "Rest clock ");
	x += tui_textf(t, y, x, w - x, tui_level_role(p->level), "%s h",
		       advice_hours(p->rest_clock_hours, t->params.threshold_hours, num, sizeof num));
	x += tui_textf(t, y, x, w - x, ROLE_DIM, " of the %g h guideline limit ", t->params.threshold_hours);
	if (w - x - 1 >= 8)
		draw_clock_bar(t, y, x, w - x - 1, &ax, p->rest_clock_hours);
	x = 1 + tui_text(t, y + 1, 1, w - 2, ROLE_HEAD, "Losses ");
	tui_textf(t, y + 1, x, w - x - 1, ROLE_NORMAL, "muscle %s  cardio %s  bone %s",
		  today_band(t, p, LOSS_MUSCLE, b[0], sizeof b[0]), today_band(t, p, LOSS_CARDIO, b[1], sizeof b[1]),
		  today_band(t, p, LOSS_BONE, b[2], sizeof b[2]));
	return 2;
}
