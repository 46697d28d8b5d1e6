/* chart.h - chart layout shared by the TUI's Trends screen and the HTML
 * report's SVG: axis scaling, binning days into columns, bar heights.
 * Pure: no I/O, no curses, no allocation (callers pass the arrays).
 * Missing samples (a day without the value) are NAN everywhere. */
#ifndef RESTWATCH_CHART_H
#define RESTWATCH_CHART_H

#include <stddef.h>

struct chart_axis {
	double lo, hi; /* the axis runs from lo to hi */
	double step;   /* distance between ticks: 1, 2, 2.5 or 5 times a power of 10 */
	int ticks;     /* number of intervals: (hi - lo) / step */
};

/* A "nice" axis from lo up to at least hi, with at most max_ticks intervals
 * (max_ticks >= 1).  hi <= lo (all values equal, or none) gives lo..lo+1. */
void chart_axis_nice(double lo, double hi, int max_ticks, struct chart_axis *ax);

/* Where v falls on an axis drawn over length units: 0 at ax->lo, length at
 * ax->hi, clamped to [0, length].  NAN stays NAN. */
double chart_axis_pos(const struct chart_axis *ax, double v, double length);

enum chart_agg {
	CHART_MEAN, /* mean of the present samples */
	CHART_MAX,  /* largest present sample */
	CHART_SUM,  /* sum of the present samples */
	CHART_LAST  /* last present sample */
};

/* How many consecutive days one column holds so that n days fit in width
 * columns (at least 1). */
size_t chart_days_per_col(size_t n, size_t width);

/* Bin n samples into ceil(n / per) columns of per samples each (the last may
 * hold fewer), aggregating the present samples of each with agg; a column
 * with none is NAN.  Writes at most cap columns; returns how many. */
size_t chart_bin(const double *v, size_t n, size_t per, enum chart_agg agg, double *out,
		 size_t cap);

/* Height of a bar for v on an axis rows cells tall, in eighths of a cell
 * (0 to 8 * rows).  A positive value never rounds to an empty bar. */
int chart_bar_eighths(const struct chart_axis *ax, double v, int rows);

/* How many eighths of cell row (0 = bottom) a bar eighths tall fills: 0-8. */
int chart_cell_eighths(int eighths, int row);

/* The cell row (0 = bottom) that v falls in on an axis rows cells tall,
 * -1 when v is outside the axis (or NAN). */
int chart_row_of(const struct chart_axis *ax, double v, int rows);

/* Fit ax (rows cells tall, rows >= 3) around a reference line at ref so
 * that the line is drawn, and never on the top or bottom row (where the
 * axis labels are and where every bar starts): the axis grows past ref
 * when ref is in its top row or above it, and when ref would share the
 * bottom row it is cut to the largest nice top that lifts ref a row
 * (bars above it are then cut).  Fewer rows, a NAN ref or one at or below
 * ax->lo leave ax as it is. */
void chart_axis_ref(struct chart_axis *ax, double ref, int rows, int max_ticks);

/* The value at tick i of an axis (0 is ax->lo, ax->ticks is ax->hi). */
double chart_axis_tick(const struct chart_axis *ax, int i);

#endif
