/* check_chart.c - unit tests of the chart layout (src/chart.c).
 *
 * Nice axes (steps of 1, 2, 2.5, 5 x 10^k, never short of the data, the
 * degenerate cases), positions with clamping, days per column, binning
 * with NAN gaps for every aggregate, bar heights in eighths including the
 * rule that a positive value never rounds to an empty bar, the cell
 * split of a bar, and reference lines kept inside an axis and off its
 * label rows.
 */
#include <check.h>
#include <math.h>
#include <stdlib.h>

#include "chart.h"
#include "check_main.h"

#define EPS 1e-9

/* True when step is 1, 2, 2.5 or 5 times a power of ten. */
static int is_nice(double step)
{
	double e = floor(log10(step)), m = step / pow(10, e);
	return fabs(m - 1) < 1e-6 || fabs(m - 2) < 1e-6 || fabs(m - 2.5) < 1e-6 ||
	       fabs(m - 5) < 1e-6 || fabs(m - 10) < 1e-6;
}

/* ---- axes ----------------------------------------------------------- */

START_TEST(axis_hours)
{
	struct chart_axis ax;
	chart_axis_nice(0, 24, 4, &ax);
	ck_assert_double_eq_tol(ax.lo, 0, EPS);
	ck_assert_double_eq_tol(ax.step, 10, EPS); /* 5 is too fine for 4 ticks */
	ck_assert_int_eq(ax.ticks, 3);
	ck_assert_double_eq_tol(ax.hi, 30, EPS);

	chart_axis_nice(0, 24, 5, &ax);
	ck_assert_double_eq_tol(ax.step, 5, EPS);
	ck_assert_int_eq(ax.ticks, 5);
	ck_assert_double_eq_tol(ax.hi, 25, EPS);
}
END_TEST

START_TEST(axis_small_and_fractional)
{
	struct chart_axis ax;
	chart_axis_nice(0, 4.4328, 4, &ax);
	ck_assert_double_eq_tol(ax.step, 2, EPS);
	ck_assert_int_eq(ax.ticks, 3);
	ck_assert_double_eq_tol(ax.hi, 6, EPS);

	chart_axis_nice(0, 0.3865, 4, &ax);
	ck_assert_double_eq_tol(ax.step, 0.1, EPS);
	ck_assert_int_eq(ax.ticks, 4);

	/* 0.3 / 0.1 is 2.9999...: three steps, not four. */
	chart_axis_nice(0, 0.3, 3, &ax);
	ck_assert_double_eq_tol(ax.step, 0.1, EPS);
	ck_assert_int_eq(ax.ticks, 3);

	chart_axis_nice(0, 10, 4, &ax);
	ck_assert_double_eq_tol(ax.step, 2.5, EPS);
	ck_assert_int_eq(ax.ticks, 4);
}
END_TEST

START_TEST(axis_properties)
{
	static const double his[] = { 0.001, 0.07, 0.5, 1, 3, 7, 9.99, 10, 11, 48, 72, 120,
				      999, 1440, 12345.6, 1e9 };
	int i, t;

	for (i = 0; i < (int)(sizeof his / sizeof his[0]); i++)
		for (t = 1; t <= 12; t++) {
			struct chart_axis ax;
			chart_axis_nice(0, his[i], t, &ax);
			ck_assert_msg(ax.hi >= his[i], "hi %g < %g", ax.hi, his[i]);
			ck_assert_int_le(ax.ticks, t);
			ck_assert_int_ge(ax.ticks, 1);
			ck_assert_msg(is_nice(ax.step), "step %g for %g/%d", ax.step, his[i], t);
			ck_assert_double_eq_tol(ax.lo + ax.ticks * ax.step, ax.hi, ax.step * 1e-6);
			/* The smallest nice step: the previous nice one needs too many. */
			ck_assert_msg(ax.ticks * ax.step < 2.6 * his[i] + ax.step,
				      "axis %g too long for %g", ax.hi, his[i]);
		}
}
END_TEST

START_TEST(axis_starts_at_lo)
{
	struct chart_axis ax;
	chart_axis_nice(10, 20, 5, &ax);
	ck_assert_double_eq_tol(ax.lo, 10, EPS);
	ck_assert_double_eq_tol(ax.step, 2, EPS);
	ck_assert_double_eq_tol(ax.hi, 20, EPS);

	chart_axis_nice(-5, 5, 4, &ax);
	ck_assert_double_eq_tol(ax.lo, -5, EPS);
	ck_assert_double_eq_tol(ax.step, 2.5, EPS);
	ck_assert_double_eq_tol(ax.hi, 5, EPS);
}
END_TEST

START_TEST(axis_degenerate)
{
	struct chart_axis ax;

	chart_axis_nice(3, 3, 4, &ax); /* all values equal */
	ck_assert_double_eq_tol(ax.lo, 3, EPS);
	ck_assert_double_eq_tol(ax.hi, 4, EPS);
	ck_assert_double_eq_tol(ax.step, 0.25, EPS);
	ck_assert_int_eq(ax.ticks, 4);

	chart_axis_nice(0, -7, 1, &ax); /* hi below lo */
	ck_assert_double_eq_tol(ax.lo, 0, EPS);
	ck_assert_double_eq_tol(ax.hi, 1, EPS);
	ck_assert_int_eq(ax.ticks, 1);

	chart_axis_nice(0, NAN, 5, &ax); /* no values at all */
	ck_assert_double_eq_tol(ax.lo, 0, EPS);
	ck_assert_double_eq_tol(ax.hi, 1, EPS);
	ck_assert_double_eq_tol(ax.step, 0.2, EPS);

	chart_axis_nice(NAN, NAN, 0, &ax); /* max_ticks below 1 counts as 1 */
	ck_assert_double_eq_tol(ax.lo, 0, EPS);
	ck_assert_double_eq_tol(ax.hi, 1, EPS);
	ck_assert_int_eq(ax.ticks, 1);

	chart_axis_nice(0, INFINITY, 4, &ax);
	ck_assert(isfinite(ax.hi));
	ck_assert_double_eq_tol(ax.hi, 1, EPS);
}
END_TEST

START_TEST(axis_tick_values)
{
	struct chart_axis ax;
	chart_axis_nice(0, 72, 4, &ax); /* 0, 20, 40, 60, 80 */
	ck_assert_double_eq_tol(ax.step, 20, EPS);
	ck_assert_double_eq_tol(chart_axis_tick(&ax, 0), 0, EPS);
	ck_assert_double_eq_tol(chart_axis_tick(&ax, 2), 40, EPS);
	ck_assert_double_eq_tol(chart_axis_tick(&ax, ax.ticks), ax.hi, EPS);
	ck_assert_double_eq_tol(chart_axis_tick(&ax, 99), ax.hi, EPS);
}
END_TEST

START_TEST(axis_pos_clamps)
{
	struct chart_axis ax = { .lo = 0, .hi = 24, .step = 6, .ticks = 4 };
	ck_assert_double_eq_tol(chart_axis_pos(&ax, 0, 100), 0, EPS);
	ck_assert_double_eq_tol(chart_axis_pos(&ax, 12, 100), 50, EPS);
	ck_assert_double_eq_tol(chart_axis_pos(&ax, 24, 100), 100, EPS);
	ck_assert_double_eq_tol(chart_axis_pos(&ax, 48, 100), 100, EPS);
	ck_assert_double_eq_tol(chart_axis_pos(&ax, -3, 100), 0, EPS);
	ck_assert(isnan(chart_axis_pos(&ax, NAN, 100)));
	ck_assert_double_eq_tol(chart_axis_pos(&ax, INFINITY, 10), 10, EPS);
	ck_assert_double_eq_tol(chart_axis_pos(&ax, -INFINITY, 10), 0, EPS);
}
END_TEST

/* ---- binning -------------------------------------------------------- */

START_TEST(days_per_col)
{
	ck_assert_uint_eq(chart_days_per_col(14, 80), 1);
	ck_assert_uint_eq(chart_days_per_col(80, 80), 1);
	ck_assert_uint_eq(chart_days_per_col(81, 80), 2);
	ck_assert_uint_eq(chart_days_per_col(365, 90), 5);
	ck_assert_uint_eq(chart_days_per_col(0, 80), 1);
	ck_assert_uint_eq(chart_days_per_col(10, 0), 10);
	ck_assert_uint_eq(chart_days_per_col(1, 1), 1);
}
END_TEST

START_TEST(bin_one_per_column)
{
	const double v[] = { 1, NAN, 3 };
	double out[3];
	ck_assert_uint_eq(chart_bin(v, 3, 1, CHART_MEAN, out, 3), 3);
	ck_assert_double_eq_tol(out[0], 1, EPS);
	ck_assert(isnan(out[1]));
	ck_assert_double_eq_tol(out[2], 3, EPS);
}
END_TEST

START_TEST(bin_aggregates_with_gaps)
{
	/* columns of 3: {2, NAN, 4}, {NAN, NAN, NAN}, {5, 1, NAN}, {7} */
	const double v[] = { 2, NAN, 4, NAN, NAN, NAN, 5, 1, NAN, 7 };
	double out[8];

	ck_assert_uint_eq(chart_bin(v, 10, 3, CHART_MEAN, out, 8), 4);
	ck_assert_double_eq_tol(out[0], 3, EPS);
	ck_assert(isnan(out[1]));
	ck_assert_double_eq_tol(out[2], 3, EPS);
	ck_assert_double_eq_tol(out[3], 7, EPS);

	chart_bin(v, 10, 3, CHART_MAX, out, 8);
	ck_assert_double_eq_tol(out[0], 4, EPS);
	ck_assert(isnan(out[1]));
	ck_assert_double_eq_tol(out[2], 5, EPS);

	chart_bin(v, 10, 3, CHART_SUM, out, 8);
	ck_assert_double_eq_tol(out[0], 6, EPS);
	ck_assert(isnan(out[1]));
	ck_assert_double_eq_tol(out[2], 6, EPS);
	ck_assert_double_eq_tol(out[3], 7, EPS);

	chart_bin(v, 10, 3, CHART_LAST, out, 8);
	ck_assert_double_eq_tol(out[0], 4, EPS);
	ck_assert(isnan(out[1]));
	ck_assert_double_eq_tol(out[2], 1, EPS);
	ck_assert_double_eq_tol(out[3], 7, EPS);
}
END_TEST

START_TEST(bin_negative_max_and_cap)
{
	const double v[] = { -3, -1, -2, 0, 0, 0 };
	double out[2] = { 99, 99 };

	ck_assert_uint_eq(chart_bin(v, 6, 3, CHART_MAX, out, 2), 2);
	ck_assert_double_eq_tol(out[0], -1, EPS);
	ck_assert_double_eq_tol(out[1], 0, EPS);

	/* cap: only as many columns as the caller has room for */
	ck_assert_uint_eq(chart_bin(v, 6, 1, CHART_MEAN, out, 2), 2);
	ck_assert_double_eq_tol(out[1], -1, EPS);
	ck_assert_uint_eq(chart_bin(v, 6, 1, CHART_MEAN, out, 0), 0);
	ck_assert_uint_eq(chart_bin(v, 0, 3, CHART_MEAN, out, 2), 0);
	/* per 0 counts as 1 */
	ck_assert_uint_eq(chart_bin(v, 2, 0, CHART_SUM, out, 2), 2);
	ck_assert_double_eq_tol(out[0], -3, EPS);
}
END_TEST

START_TEST(bin_year_into_width)
{
	double v[365], out[100];
	size_t i, per, cols;

	for (i = 0; i < 365; i++)
		v[i] = (i % 7 == 6) ? NAN : (double)(i % 24);
	per = chart_days_per_col(365, 80);
	cols = chart_bin(v, 365, per, CHART_MEAN, out, 100);
	ck_assert_uint_eq(per, 5);
	ck_assert_uint_eq(cols, 73);
	ck_assert_uint_le(cols, 80);
	for (i = 0; i < cols; i++)
		ck_assert(!isnan(out[i])); /* no column of 5 days is all gaps */
}
END_TEST

/* ---- bars ----------------------------------------------------------- */

START_TEST(bar_eighths)
{
	struct chart_axis ax = { .lo = 0, .hi = 24, .step = 6, .ticks = 4 };
	ck_assert_int_eq(chart_bar_eighths(&ax, 0, 3), 0);
	ck_assert_int_eq(chart_bar_eighths(&ax, 24, 3), 24);
	ck_assert_int_eq(chart_bar_eighths(&ax, 12, 3), 12);
	ck_assert_int_eq(chart_bar_eighths(&ax, 8, 3), 8);
	/* 1 h of 24 on 3 rows is exactly one eighth */
	ck_assert_int_eq(chart_bar_eighths(&ax, 1, 3), 1);
	/* nearest eighth: 1.4 h is 1.4 eighths, 1.6 h is 1.6 */
	ck_assert_int_eq(chart_bar_eighths(&ax, 1.4, 3), 1);
	ck_assert_int_eq(chart_bar_eighths(&ax, 1.6, 3), 2);
}
END_TEST

START_TEST(bar_positive_never_empty)
{
	struct chart_axis ax = { .lo = 0, .hi = 1000, .step = 250, .ticks = 4 };
	ck_assert_int_eq(chart_bar_eighths(&ax, 1, 1), 1);      /* 0.008 eighths */
	ck_assert_int_eq(chart_bar_eighths(&ax, 1e-12, 1), 1);
	ck_assert_int_eq(chart_bar_eighths(&ax, 0, 1), 0);
	ck_assert_int_eq(chart_bar_eighths(&ax, -5, 1), 0);
	ck_assert_int_eq(chart_bar_eighths(&ax, NAN, 4), 0);
	ck_assert_int_eq(chart_bar_eighths(&ax, 1, 0), 0);   /* no rows, no bar */
	ck_assert_int_eq(chart_bar_eighths(&ax, 500, -2), 0);
}
END_TEST

START_TEST(bar_clamps)
{
	struct chart_axis ax = { .lo = 0, .hi = 72, .step = 24, .ticks = 3 };
	ck_assert_int_eq(chart_bar_eighths(&ax, 120, 5), 40);
	ck_assert_int_eq(chart_bar_eighths(&ax, INFINITY, 5), 40);
	ck_assert_int_eq(chart_bar_eighths(&ax, -INFINITY, 5), 0);
}
END_TEST

START_TEST(cell_eighths)
{
	/* a bar 19 eighths tall over 3 rows: 8, 8, 3 */
	ck_assert_int_eq(chart_cell_eighths(19, 0), 8);
	ck_assert_int_eq(chart_cell_eighths(19, 1), 8);
	ck_assert_int_eq(chart_cell_eighths(19, 2), 3);
	ck_assert_int_eq(chart_cell_eighths(19, 3), 0);
	ck_assert_int_eq(chart_cell_eighths(0, 0), 0);
	ck_assert_int_eq(chart_cell_eighths(1, 0), 1);
	ck_assert_int_eq(chart_cell_eighths(8, 0), 8);
	ck_assert_int_eq(chart_cell_eighths(8, 1), 0);
	ck_assert_int_eq(chart_cell_eighths(5, -1), 0);
	ck_assert_int_eq(chart_cell_eighths(-3, 0), 0);
}
END_TEST

START_TEST(cells_sum_to_bar)
{
	struct chart_axis ax;
	int rows, k;

	chart_axis_nice(0, 100, 4, &ax);
	for (rows = 1; rows <= 6; rows++)
		for (k = 0; k <= 100; k++) {
			int h = chart_bar_eighths(&ax, k, rows), sum = 0, r;
			for (r = 0; r < rows; r++)
				sum += chart_cell_eighths(h, r);
			ck_assert_int_eq(sum, h);
			ck_assert_int_le(h, 8 * rows);
			if (k > 0)
				ck_assert_int_ge(h, 1);
		}
}
END_TEST

/* ---- reference lines -------------------------------------------------- */

/* The 180-minute line above data that tops at 60: the axis grows past it. */
START_TEST(ref_above_the_data_grows_the_axis)
{
	struct chart_axis ax;

	chart_axis_nice(0, 60, 4, &ax);
	chart_axis_ref(&ax, 180, 5, 4);
	ck_assert_double_eq_tol(ax.hi, 300, EPS);
	ck_assert_int_eq(chart_row_of(&ax, 180, 5), 3);
}
END_TEST

/* The 48 h line on a 300 h axis of 4 rows would share the bottom row: the
 * axis is cut at the largest nice top that lifts it a row (150 = 3 x 50). */
START_TEST(ref_in_the_bottom_row_cuts_the_axis)
{
	struct chart_axis ax;

	chart_axis_nice(0, 288, 4, &ax);
	ck_assert_double_eq_tol(ax.hi, 300, EPS);
	ck_assert_int_eq(chart_row_of(&ax, 48, 4), 0);
	chart_axis_ref(&ax, 48, 4, 4);
	ck_assert_double_eq_tol(ax.hi, 150, EPS);
	ck_assert_double_eq_tol(ax.step, 50, EPS);
	ck_assert_int_eq(ax.ticks, 3);
	ck_assert_int_eq(chart_row_of(&ax, 48, 4), 1);
}
END_TEST

/* Over many axes, refs and heights: the line is always inside, never on
 * the top or the bottom row; an axis that already holds it is kept. */
START_TEST(ref_always_off_the_label_rows)
{
	static const double his[] = { 1, 10, 24, 60, 96, 150, 288, 300, 1000, 1e5 };
	static const double refs[] = { 0.5, 8, 20, 23.5, 48, 72, 180, 240, 999 };
	size_t i, k;
	int rows;

	for (i = 0; i < sizeof his / sizeof his[0]; i++)
		for (k = 0; k < sizeof refs / sizeof refs[0]; k++)
			for (rows = 3; rows <= 12; rows++) {
				struct chart_axis ax, before;
				int r;
				chart_axis_nice(0, his[i], 4, &ax);
				before = ax;
				chart_axis_ref(&ax, refs[k], rows, 4);
				r = chart_row_of(&ax, refs[k], rows);
				ck_assert_msg(r >= 1 && r <= rows - 2, "hi %g ref %g rows %d: row %d of axis %g",
					      his[i], refs[k], rows, r, ax.hi);
				ck_assert(ax.lo == 0 && ax.hi > refs[k]);
				r = chart_row_of(&before, refs[k], rows);
				if (r >= 1 && r <= rows - 2)
					ck_assert_double_eq(ax.hi, before.hi);
			}
}
END_TEST

/* Fewer than 3 rows, a NAN ref or one at the axis's start: unchanged. */
START_TEST(ref_left_alone)
{
	struct chart_axis ax;

	chart_axis_nice(0, 300, 4, &ax);
	chart_axis_ref(&ax, 48, 2, 4);
	ck_assert_double_eq(ax.hi, 300);
	chart_axis_ref(&ax, NAN, 6, 4);
	ck_assert_double_eq(ax.hi, 300);
	chart_axis_ref(&ax, 0, 6, 4);
	ck_assert_double_eq(ax.hi, 300);
	ck_assert_int_eq(chart_row_of(&ax, 301, 6), -1);
	ck_assert_int_eq(chart_row_of(&ax, NAN, 6), -1);
	ck_assert_int_eq(chart_row_of(&ax, 300, 6), 5);
	ck_assert_int_eq(chart_row_of(&ax, 0, 6), 0);
}
END_TEST

static Suite *chart_suite(void)
{
	Suite *s = suite_create("chart");
	TCase *a = tcase_create("axis"), *b = tcase_create("bin"), *c = tcase_create("bars");

	tcase_add_test(a, axis_hours);
	tcase_add_test(a, axis_small_and_fractional);
	tcase_add_test(a, axis_properties);
	tcase_add_test(a, axis_starts_at_lo);
	tcase_add_test(a, axis_degenerate);
	tcase_add_test(a, axis_tick_values);
	tcase_add_test(a, axis_pos_clamps);
	tcase_add_test(a, ref_above_the_data_grows_the_axis);
	tcase_add_test(a, ref_in_the_bottom_row_cuts_the_axis);
	tcase_add_test(a, ref_always_off_the_label_rows);
	tcase_add_test(a, ref_left_alone);
	tcase_add_test(b, days_per_col);
	tcase_add_test(b, bin_one_per_column);
	tcase_add_test(b, bin_aggregates_with_gaps);
	tcase_add_test(b, bin_negative_max_and_cap);
	tcase_add_test(b, bin_year_into_width);
	tcase_add_test(c, bar_eighths);
	tcase_add_test(c, bar_positive_never_empty);
	tcase_add_test(c, bar_clamps);
	tcase_add_test(c, cell_eighths);
	tcase_add_test(c, cells_sum_to_bar);
	suite_add_tcase(s, a);
	suite_add_tcase(s, b);
	suite_add_tcase(s, c);
	return s;
}

CHECK_MAIN(chart_suite)
