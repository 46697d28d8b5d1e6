/* tui_trends.h - the Trends screen's state, shared by its charts
 * (src/tui/trends.c) and its calendar of levels (src/tui/calendar.c).
 * Internal to src/tui/. */
#ifndef RESTWATCH_TUI_TRENDS_H
#define RESTWATCH_TUI_TRENDS_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"
#include "engine.h"
#include "tui_widgets.h"

struct tui;

enum series { S_REST, S_CLOCK, S_ACT, S_PAIN, S_LOSS, S_COUNT = S_LOSS + LOSS_COUNT * BAND_COUNT };

struct trends {
	int range, view;
	/* the cache */
	unsigned gen;
	int c_range, c_width;
	rw_day c_today;
	rw_day start, end;
	size_t n;                 /* days in the window */
	size_t per, cols;         /* days per column, columns */
	int colw;
	double *col[S_COUNT];     /* cols values each */
	size_t done;              /* columns read so far (work reads the rest) */
	double *buf;              /* a column's days while reading */
	/* the charts: the first shown, and what the last draw showed */
	int chart_top, charts, charts_shown;
	/* the calendar: months scrolled back from the latest, and what the
	 * last draw showed */
	long cal_back;
	int cal_rows, cal_months;
	/* the calendar's day cursor (Enter shows its detail), and where the
	 * last draw put the cells, for a mouse click */
	bool cal_placed;
	rw_day cal_cur;
	int cal_y0, cal_x0, cal_cw, cal_skip, cal_shown;
};

/* The calendar from row y in rows rows: one row per month, one cell per
 * day, the cursor's day described under it. */
void tui_calendar_draw(struct tui *t, struct trends *st, int y, int rows);

/* The calendar's keys (page: months a page); false for others. */
bool tui_calendar_key(struct tui *t, struct trends *st, const struct tui_key *k, int page);

#endif
