/* chart.c - chart layout shared by the TUI and the HTML report; pure.
 *
 * Everything here is arithmetic on the caller's arrays: a "nice" axis
 * (steps of 1, 2, 2.5 or 5 times a power of ten), binning days into
 * columns with NAN for missing samples, and bar heights in eighths of a
 * cell so that a terminal can draw them with the block characters.
 */
#include "chart.h"

#include <math.h>
#include <stdbool.h>

/* The nice multipliers of a power of ten, smallest first. */
static const double nice_mult[] = { 1, 2, 2.5, 5 };

/* m * 10^exp computed so that 0.1, 0.25, ... are the closest doubles
 * (a division by an exact power of ten, not a multiplication by an
 * inexact one). */
static double nice_step(double m, int exp)
{
	return exp >= 0 ? m * pow(10, exp) : m / pow(10, -exp);
}

/* Intervals of step needed to cover span; the tiny tolerance keeps a span
 * of 0.3 from needing 4 steps of 0.1 because 0.3 / 0.1 is 2.9999...96. */
static double steps_needed(double span, double step)
{
	return ceil(span / step - 1e-9);
}

/* The axis has to start exactly at lo (callers draw from it), so only the
 * step is made nice: the smallest nice step whose multiples from lo reach
 * hi within max_ticks intervals. */
void chart_axis_nice(double lo, double hi, int max_ticks, struct chart_axis *ax)
{
	double span, raw, step = 1;
	int exp, i, k;

	if (max_ticks < 1)
		max_ticks = 1;
	if (!isfinite(lo))
		lo = 0;
	if (!isfinite(hi) || hi <= lo)
		hi = lo + 1;
	span = hi - lo;
	if (!isfinite(span)) { /* lo and hi at opposite ends of the doubles */
		lo = 0;
		hi = 1;
		span = 1;
	}
	raw = span / max_ticks;
	exp = (int)floor(log10(raw));
	/* Try this decade and the next: one of them holds the answer. */
	for (k = 0; k < 3; k++) {
		for (i = 0; i < (int)(sizeof nice_mult / sizeof nice_mult[0]); i++) {
			step = nice_step(nice_mult[i], exp + k - 1);
			if (step > 0 && steps_needed(span, step) <= max_ticks)
				goto found;
		}
	}
	step = nice_step(1, exp + 2); /* unreachable in practice; still an axis */
found:
	ax->lo = lo;
	ax->step = step;
	ax->ticks = (int)steps_needed(span, step);
	if (ax->ticks < 1)
		ax->ticks = 1;
	ax->hi = lo + ax->ticks * step;
	if (ax->hi < hi) /* rounding: never end short of the data */
		ax->hi = hi;
}

/* Linear position on the axis, clamped so that out-of-range values stay
 * inside the plot instead of drawing over the labels. */
double chart_axis_pos(const struct chart_axis *ax, double v, double length)
{
	double f;

	if (isnan(v))
		return NAN;
	if (!(ax->hi > ax->lo) || length <= 0)
		return 0;
	f = (v - ax->lo) / (ax->hi - ax->lo) * length;
	if (f < 0)
		return 0;
	if (f > length)
		return length;
	return f;
}

/* ceil(n / width): the fewest days per column that fit. */
size_t chart_days_per_col(size_t n, size_t width)
{
	size_t per;

	if (width == 0)
		width = 1;
	per = n / width + (n % width != 0);
	return per ? per : 1;
}

/* Aggregate v[0..n-1] over its present (non-NAN) samples; NAN when none. */
static double aggregate(const double *v, size_t n, enum chart_agg agg)
{
	double acc = 0, out = NAN;
	size_t i, have = 0;

	for (i = 0; i < n; i++) {
		if (isnan(v[i]))
			continue;
		switch (agg) {
		case CHART_MAX:
			if (have == 0 || v[i] > out)
				out = v[i];
			break;
		case CHART_LAST:
			out = v[i];
			break;
		case CHART_MEAN:
		case CHART_SUM:
		default:
			acc += v[i];
			break;
		}
		have++;
	}
	if (have == 0)
		return NAN;
	if (agg == CHART_SUM)
		return acc;
	if (agg == CHART_MEAN)
		return acc / (double)have;
	return out;
}

/* One column per `per` samples, so a year of days fits a terminal's
 * width; gaps stay NAN so that a chart shows them as gaps, not zeros. */
size_t chart_bin(const double *v, size_t n, size_t per, enum chart_agg agg, double *out,
		 size_t cap)
{
	size_t cols, c;

	if (per == 0)
		per = 1;
	cols = n / per + (n % per != 0);
	if (cols > cap)
		cols = cap;
	for (c = 0; c < cols; c++) {
		size_t start = c * per, len = per;
		if (start + len > n)
			len = n - start;
		out[c] = aggregate(v + start, len, agg);
	}
	return cols;
}

/* Rounded to the nearest eighth, but a value above the axis's start always
 * gets at least one eighth: a day with a little rest must not look like a
 * day with none. */
int chart_bar_eighths(const struct chart_axis *ax, double v, int rows)
{
	double pos;
	int full, h;

	if (rows <= 0 || isnan(v))
		return 0;
	full = 8 * rows;
	pos = chart_axis_pos(ax, v, (double)full);
	h = (int)floor(pos + 0.5);
	if (h < 0)
		h = 0;
	if (h > full)
		h = full;
	if (h == 0 && v > ax->lo && v > 0)
		h = 1;
	return h;
}

/* The part of a bar inside one cell row, counted from the bottom. */
int chart_cell_eighths(int eighths, int row)
{
	int left;

	if (row < 0)
		return 0;
	left = eighths - 8 * row;
	if (left <= 0)
		return 0;
	return left > 8 ? 8 : left;
}

int chart_row_of(const struct chart_axis *ax, double v, int rows)
{
	int r;

	if (rows < 1 || isnan(v) || !(ax->hi > ax->lo) || v < ax->lo || v > ax->hi)
		return -1;
	/* the tolerance keeps a line exactly on a row boundary in the upper row */
	r = (int)floor((v - ax->lo) / (ax->hi - ax->lo) * rows + 1e-9);
	return r >= rows ? rows - 1 : r;
}

/* The largest span <= cap (> 0) made of at most max_ticks nice steps, as
 * an axis from lo; false when none is above floor. */
static bool axis_under(double lo, double cap, double floor_, int max_ticks, struct chart_axis *ax)
{
	int exp = (int)floor(log10(cap / max_ticks)), k, i;
	double best = 0, best_step = 0;

	for (k = -1; k <= 1; k++)
		for (i = 0; i < (int)(sizeof nice_mult / sizeof nice_mult[0]); i++) {
			double step = nice_step(nice_mult[i], exp + k);
			double n = floor(cap / step + 1e-9);
			if (n >= 1 && n <= max_ticks && n * step > best) {
				best = n * step;
				best_step = step;
			}
		}
	if (!(best > floor_))
		return false;
	ax->lo = lo;
	ax->step = best_step;
	ax->ticks = (int)floor(best / best_step + 0.5);
	ax->hi = lo + best;
	return true;
}

/* Between (ref - lo) * rows / (rows - 1) (ref leaves the top row) and
 * (ref - lo) * rows (ref leaves the bottom row) there is always a nice
 * span, as consecutive nice numbers are at most twice apart and rows >= 3;
 * a few nice steps (150 = 3 x 50) come closer to the top of that range. */
void chart_axis_ref(struct chart_axis *ax, double ref, int rows, int max_ticks)
{
	double d;

	if (rows < 3 || isnan(ref) || !isfinite(ref) || !(ref > ax->lo))
		return;
	d = ref - ax->lo;
	if (ref > ax->hi || chart_row_of(ax, ref, rows) > rows - 2)
		chart_axis_nice(ax->lo, fmax(ax->hi, ax->lo + d * rows / (rows - 1) * (1 + 1e-6)),
				max_ticks, ax);
	if (chart_row_of(ax, ref, rows) >= 1)
		return;
	if (!axis_under(ax->lo, d * rows, d * rows / (rows - 1), max_ticks, ax)) {
		ax->hi = ax->lo + d * rows;
		ax->step = d * rows;
		ax->ticks = 1;
	}
}

/* The value of tick i (0 = lo, ax->ticks = hi), for axis labels. */
double chart_axis_tick(const struct chart_axis *ax, int i)
{
	if (i >= ax->ticks)
		return ax->hi;
	return ax->lo + i * ax->step;
}
