/* html_chart.c - the HTML report's inline SVG charts (docs/formats.md,
 * html): rest hours on their own 0-24 h axis, the rest clock with its
 * limits labelled right of the plot where no line reaches, pain (0 drawn,
 * "not logged" left empty), and each loss with its low-high band.  Every
 * chart shades the columns where nothing was logged, marks the columns
 * with a red flag, and ticks its time axis on months or years.  The
 * geometry (axes, binning, bar heights) is chart.c's, shared with the
 * TUI's Trends screen. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "html_chart.h"
#include "html_text.h"

#define DASH "\xe2\x80\x93"

#define SVG_W 720             /* the charts' coordinate system */
#define PLOT_X 48             /* left edge of the plot: room for the labels */
#define PLOT_W (SVG_W - PLOT_X - 58) /* right of it: the limits' labels */
#define PLOT_Y 14             /* room above for the red-flag marks */
#define X_TICKS 8             /* month or year ticks along the bottom, at most */
#define LABEL_GAP 18          /* the least distance between two limit labels */

static const enum chart_agg series_agg[S_COUNT] = {
	CHART_MEAN, CHART_MAX, CHART_MEAN, CHART_MAX, CHART_MAX, CHART_MAX, CHART_MAX,
	CHART_MAX, CHART_MAX, CHART_MAX, CHART_MAX
};

/* ---- the days into columns ------------------------------------------------ */

int html_bins_init(struct html_bins *b, long days, struct rw_error *e)
{
	b->per = chart_days_per_col((size_t)days, HTML_MAX_COLS);
	if (!(b->chunk = malloc(S_COUNT * b->per * sizeof *b->chunk)))
		return rw_fail(e, RW_ENOMEM, "out of memory");
	return 0;
}

/* Close the column being gathered: one value per series, chart.c's bin. */
void html_bins_flush(struct html_bins *b)
{
	int s;

	if (!b->filled)
		return;
	if (b->cols < HTML_MAX_COLS) {
		for (s = 0; s < S_COUNT; s++)
			chart_bin(b->chunk + (size_t)s * b->per, b->filled, b->per, series_agg[s],
				  &b->v[s][b->cols], 1);
		b->cols++;
	}
	b->filled = 0;
}

int html_bins_day(void *ctx, const struct engine_proj *p, const struct entry *en)
{
	struct html_bins *b = ctx;
	size_t i = b->filled;
	int x, k;

	if (i == 0 && b->cols < HTML_MAX_COLS)
		b->day[b->cols] = p->day;
	b->last = p->day;
	b->chunk[S_REST * b->per + i] = en && en->has_rest ? en->rest_hours : NAN;
	b->chunk[S_CLOCK * b->per + i] = p->rest_clock_hours;
	b->chunk[S_PAIN * b->per + i] = en && en->pain != PAIN_UNSET ? en->pain : NAN;
	b->chunk[S_LOGGED * b->per + i] = en ? 1 : NAN;
	b->chunk[S_RED * b->per + i] = p->red_flag ? 1 : 0;
	for (x = 0; x < LOSS_COUNT; x++)
		for (k = 0; k < BAND_COUNT; k++)
			b->chunk[(size_t)(S_LOSS + 2 * x + k) * b->per + i] = p->loss[x][k];
	if (++b->filled == b->per)
		html_bins_flush(b);
	return 0;
}

/* The largest value of a series over the columns (0 when none). */
static double series_max(const struct html_bins *b, int s)
{
	double m = 0;
	size_t c;
	for (c = 0; c < b->cols; c++)
		if (!isnan(b->v[s][c]) && b->v[s][c] > m)
			m = b->v[s][c];
	return m;
}

/* ---- one chart ------------------------------------------------------------ */

struct plot {
	FILE *f;
	const struct html_bins *b;
	struct chart_axis ax;
	int rows;      /* the plot's height in cells of 8 units, for bar heights */
	double h;      /* the plot's height: 8 * rows */
	double cw;     /* a column's width */
};

/* Centre of column c. */
static double col_x(const struct plot *p, size_t c)
{
	return PLOT_X + ((double)c + 0.5) * p->cw;
}

/* The left edge of day d: a column holds per days side by side. */
static double day_x(const struct plot *p, rw_day d)
{
	return PLOT_X + (double)(d - p->b->day[0]) / (double)p->b->per * p->cw;
}

/* Height of v on the plot (SVG y grows downwards). */
static double val_y(const struct plot *p, double v)
{
	return PLOT_Y + p->h - chart_axis_pos(&p->ax, v, p->h);
}

/* Columns where nothing was logged, shaded behind the data. */
static void plot_gaps(struct plot *p)
{
	size_t c;

	fputs("<g class=\"gap\">", p->f);
	for (c = 0; c < p->b->cols; c++)
		if (isnan(p->b->v[S_LOGGED][c]))
			fprintf(p->f, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%.0f\"/>",
				PLOT_X + (double)c * p->cw, PLOT_Y, p->cw, p->h);
	fputs("</g>\n", p->f);
}

/* A red triangle above each column with a red flag. */
static void plot_red_flags(struct plot *p)
{
	char d[DATE_BUFSZ];
	size_t c;

	fputs("<g class=\"flag-mark\">", p->f);
	for (c = 0; c < p->b->cols; c++) {
		double x = col_x(p, c);
		if (!(p->b->v[S_RED][c] > 0))
			continue;
		fprintf(p->f, "<polygon points=\"%.1f,%d %.1f,%d %.1f,%d\"><title>", x - 5,
			PLOT_Y - 11, x + 5, PLOT_Y - 11, x, PLOT_Y - 2);
		if (p->b->per == 1)
			fprintf(p->f, "red flag on %s", date_format(p->b->day[c], d));
		else
			fprintf(p->f, "red flag in the %zu days from %s", p->b->per,
				date_format(p->b->day[c], d));
		fputs("</title></polygon>", p->f);
	}
	fputs("</g>\n", p->f);
}

/* The month or year the ticks fall on: months of step months, or years of
 * step years, so that at most X_TICKS fit from first to last. */
struct ticks {
	bool years;
	int step;
};

static struct ticks tick_unit(rw_day first, rw_day last)
{
	static const int month_steps[] = { 1, 2, 3, 6 };
	static const int year_steps[] = { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000 };
	struct ticks t = { false, 1 };
	double months = (double)(last - first + 1) / 30.44;
	size_t i;

	for (i = 0; i < sizeof month_steps / sizeof month_steps[0]; i++)
		if (months / month_steps[i] <= X_TICKS) {
			t.step = month_steps[i];
			return t;
		}
	t.years = true;
	for (i = 0; i < sizeof year_steps / sizeof year_steps[0]; i++) {
		t.step = year_steps[i];
		if (months / 12 / year_steps[i] <= X_TICKS)
			break;
	}
	return t;
}

static const char *const month_names[12] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

/* A tick and its label ("Mar 2026", or "2026") at x. */
static void x_tick(struct plot *p, double x, int y, int m, bool years, const char *anchor)
{
	double base = PLOT_Y + p->h;

	fprintf(p->f, "<line class=\"tick\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
		x, base, x, base + 5);
	if (years)
		fprintf(p->f, "<text class=\"xlabel\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%d"
			      "</text>\n", x, base + 18, anchor, y);
	else
		fprintf(p->f, "<text class=\"xlabel\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s %d"
			      "</text>\n", x, base + 18, anchor, month_names[m - 1], y);
}

/* The time axis: a tick on the first day of each month (or year) of the
 * step, and the month (or year) the chart starts in at its left edge when
 * the first tick leaves room for it. */
static void plot_time_axis(struct plot *p)
{
	rw_day first = p->b->day[0], last = p->b->last;
	struct ticks t = tick_unit(first, last);
	int y, m, d;
	bool any = false;
	double first_x = 0;

	date_to_ymd(first, &y, &m, &d);
	if (t.years)
		m = 1;
	while (y <= DATE_MAX_YEAR) {
		rw_day day = date_from_ymd(y, m, 1);
		if (day > last)
			break;
		if (day >= first && (t.years ? y % t.step == 0 : (m - 1) % t.step == 0)) {
			double x = day_x(p, day);
			x_tick(p, x, y, m, t.years, x > PLOT_X + PLOT_W - 30 ? "end" : "middle");
			if (!any)
				first_x = x;
			any = true;
		}
		if (t.years)
			y++;
		else if (++m > 12) {
			m = 1;
			y++;
		}
	}
	/* The month (or year) the chart starts in, when the first tick's
	 * label leaves room for it. */
	if (!any || first_x - PLOT_X > 100) {
		date_to_ymd(first, &y, &m, &d);
		if (t.years)
			fprintf(p->f, "<text class=\"xlabel\" x=\"%d\" y=\"%.1f\" text-anchor=\"start\">%d"
				      "</text>\n", PLOT_X, PLOT_Y + p->h + 18, y);
		else
			fprintf(p->f, "<text class=\"xlabel\" x=\"%d\" y=\"%.1f\" text-anchor=\"start\">"
				      "%s %d</text>\n", PLOT_X, PLOT_Y + p->h + 18, month_names[m - 1], y);
	}
}

/* The frame: an <svg> sized to its plot, with its title and description
 * for screen readers, grid lines and labels of the value axis (unit after
 * the numbers), the time axis, gaps shaded and red flags marked. */
static void plot_open(struct plot *p, const struct html_bins *b, FILE *f, const char *title,
		      const char *desc, const char *unit)
{
	double svg_h = PLOT_Y + p->h + 26;
	int i;

	p->f = f;
	p->b = b;
	p->cw = (double)PLOT_W / (double)(b->cols ? b->cols : 1);
	fprintf(f, "<div class=\"scroll\"><svg class=\"chart\" viewBox=\"0 0 %d %.0f\" "
		   "role=\"img\">\n<title>", SVG_W, svg_h);
	html_esc(f, title);
	fputs("</title>\n<desc>", f);
	html_esc(f, desc);
	fputs("</desc>\n", f);
	plot_gaps(p);
	for (i = 0; i <= p->ax.ticks; i++) {
		double v = chart_axis_tick(&p->ax, i), y = val_y(p, v);
		fprintf(f, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
			   "<text class=\"ylabel\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%g%s</text>\n",
			PLOT_X, y, PLOT_X + PLOT_W, y, PLOT_X - 6, y + 4, v, i == p->ax.ticks ? unit : "");
	}
	fprintf(f, "<line class=\"axis\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>\n", PLOT_X,
		PLOT_Y + p->h, PLOT_X + PLOT_W, PLOT_Y + p->h);
	plot_time_axis(p);
	plot_red_flags(p);
}

/* A plot rows cells tall on a nice axis from 0 to at least hi. */
static void plot_axis(struct plot *p, double hi, int rows, int max_ticks)
{
	p->rows = rows;
	p->h = 8.0 * rows;
	chart_axis_nice(0, hi, max_ticks, &p->ax);
}

static void plot_close(struct plot *p)
{
	fputs("</svg></div>\n", p->f);
}

/* Bars of series s, one per column with a value; heights from chart.c in
 * eighths of a cell, and a cell is 8 units tall.  With zero_class, a
 * column whose value is 0 gets a thin bar of that class (0 is a value;
 * no bar at all is "not logged"). */
static void plot_bars(struct plot *p, int s, const char *color, const char *zero_class)
{
	size_t c;

	fprintf(p->f, "<g style=\"fill:%s\">\n", color);
	for (c = 0; c < p->b->cols; c++) {
		double v = p->b->v[s][c], x = PLOT_X + c * p->cw + p->cw * 0.15;
		int h;
		if (isnan(v))
			continue;
		if ((h = chart_bar_eighths(&p->ax, v, p->rows)) == 0) {
			if (zero_class)
				fprintf(p->f, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
					      "height=\"2\"/>\n", zero_class, x, PLOT_Y + p->h - 2,
					p->cw * 0.7);
			continue;
		}
		fprintf(p->f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\"/>\n", x,
			PLOT_Y + p->h - h, p->cw * 0.7, h);
	}
	fputs("</g>\n", p->f);
}

/* A line through series s at the column centres, dots when they are few. */
static void plot_line(struct plot *p, int s, const char *color)
{
	size_t c;

	fprintf(p->f, "<polyline style=\"fill:none;stroke:%s\" stroke-width=\"2\" "
		      "stroke-linejoin=\"round\" points=\"", color);
	for (c = 0; c < p->b->cols; c++)
		fprintf(p->f, "%s%.1f,%.1f", c ? " " : "", col_x(p, c), val_y(p, p->b->v[s][c]));
	fputs("\"/>\n", p->f);
	if (p->b->cols <= 40) {
		fprintf(p->f, "<g style=\"fill:%s\">", color);
		for (c = 0; c < p->b->cols; c++)
			fprintf(p->f, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\"/>", col_x(p, c),
				val_y(p, p->b->v[s][c]));
		fputs("</g>\n", p->f);
	}
}

/* A dashed horizontal line at v, labelled right of the plot (where no
 * data line reaches) at label_y. */
static void plot_limit(struct plot *p, double v, double label_y, const char *color,
		       const char *dash, const char *label)
{
	double y = val_y(p, v);

	fprintf(p->f, "<line class=\"limit\" style=\"stroke:%s\" stroke-dasharray=\"%s\" x1=\"%d\" "
		      "y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/><text class=\"limit-label\" x=\"%d\" "
		      "y=\"%.1f\" style=\"fill:%s\">%s</text>\n",
		color, dash, PLOT_X, y, PLOT_X + PLOT_W, y, PLOT_X + PLOT_W + 6, label_y + 5, color,
		label);
}

/* The low-high band of a loss as a filled area: along the high values,
 * back along the low ones. */
static void plot_band(struct plot *p, int lo, int hi, const char *color)
{
	size_t c;

	fprintf(p->f, "<polygon style=\"fill:%s\" fill-opacity=\"0.25\" stroke=\"none\" points=\"",
		color);
	for (c = 0; c < p->b->cols; c++)
		fprintf(p->f, "%s%.1f,%.1f", c ? " " : "", col_x(p, c), val_y(p, p->b->v[hi][c]));
	for (c = p->b->cols; c-- > 0;)
		fprintf(p->f, " %.1f,%.1f", col_x(p, c), val_y(p, p->b->v[lo][c]));
	fputs("\"/>\n", p->f);
}

/* ---- the charts ------------------------------------------------------------ */

/* A legend entry: a colour swatch and what it stands for. */
static void key(FILE *f, const char *color, const char *text)
{
	fprintf(f, "<span class=\"key\"><span class=\"sw\" style=\"background:%s\"></span>%s</span>",
		color, text);
}

/* The keys every chart shares: the shaded columns and the red flags. */
static void common_keys(FILE *f)
{
	key(f, "var(--gap)", "shaded: not logged");
	fputs("<span class=\"key\"><span class=\"flag-sw\">&#9660;</span>red flag</span>", f);
}

/* "11 logged days from 2026-02-20 to 2026-03-05, one column a day;
 * highest 86 h." for a chart's <desc>. */
static void chart_desc(const struct html_bins *b, const struct report_summary *s,
		       const char *what, double hi, const char *unit, char *out, size_t n)
{
	char d1[DATE_BUFSZ], d2[DATE_BUFSZ], per[48];

	if (b->per == 1)
		snprintf(per, sizeof per, "one column a day");
	else
		snprintf(per, sizeof per, "one column every %zu days", b->per);
	snprintf(out, n, "%s from %s to %s, %s; highest %.1f%s. Shaded columns: nothing logged; "
		 "a red triangle: a red flag.", what, date_format(s->first, d1),
		 date_format(s->last, d2), per, hi, unit);
}

/* Rest hours a day, on their own axis from 0 to 24 h. */
static void chart_rest(FILE *f, const struct html_bins *b, const struct report_summary *s)
{
	struct plot p;
	char desc[320];

	chart_desc(b, s, "Rest hours per day", series_max(b, S_REST), " h", desc, sizeof desc);
	fputs("<figure>\n<figcaption>Rest hours per day (0" DASH "24 h)", f);
	key(f, "var(--rest)", "hours lying down or in bed");
	common_keys(f);
	fputs("</figcaption>\n", f);
	p.rows = 12;
	p.h = 96;
	p.ax = (struct chart_axis){ .lo = 0, .hi = 24, .step = 6, .ticks = 4 };
	plot_open(&p, b, f, "Rest hours per day, 0 to 24 h", desc, " h");
	plot_bars(&p, S_REST, "var(--rest)", NULL);
	plot_close(&p);
	fputs("</figure>\n", f);
}

/* The rest clock against the guideline limit and clot_days of bed rest:
 * the limits' labels sit right of the plot, at least LABEL_GAP apart. */
static void chart_clock(FILE *f, const struct html_bins *b, const struct report_summary *s)
{
	const struct engine_params *par = &s->params;
	double limit = par->threshold_hours, clot = par->clot_days * 24, hi, y1, y2;
	char desc[320], title[160], l1[32], l2[32];
	struct plot p;

	hi = series_max(b, S_CLOCK);
	if (hi < (limit > clot ? limit : clot) * 1.25)
		hi = (limit > clot ? limit : clot) * 1.25;
	snprintf(l1, sizeof l1, "%g h", limit);
	snprintf(l2, sizeof l2, "%g h", clot);
	snprintf(title, sizeof title, "The rest clock, with the %s guideline limit", l1);
	chart_desc(b, s, "Rest clock in hours", series_max(b, S_CLOCK), " h", desc, sizeof desc);
	fputs("<figure>\n<figcaption>The rest clock (hours of rest in a row)", f);
	key(f, "var(--clock)", "rest clock");
	fprintf(f, "<span class=\"key\">dashed: %s, the guideline limit from which losses are "
		   "counted</span><span class=\"key\">dotted: %s, %g days of rest (the clot level "
		   "counts %g days mostly in bed in a row)</span>", l1, l2, par->clot_days,
		par->clot_days);
	common_keys(f);
	fputs("</figcaption>\n", f);
	plot_axis(&p, hi, 16, 5);
	p.b = b;
	y1 = val_y(&p, limit);
	y2 = val_y(&p, clot);
	/* The higher value's label above, the two never overlapping. */
	if (fabs(y1 - y2) < LABEL_GAP) {
		double mid = (y1 + y2) / 2, half = LABEL_GAP / 2.0;
		y1 = limit >= clot ? mid - half : mid + half;
		y2 = limit >= clot ? mid + half : mid - half;
	}
	plot_open(&p, b, f, title, desc, " h");
	if (fabs(clot - limit) > 1e-9)
		plot_limit(&p, clot, y2, "var(--muted)", "2 3", l2);
	plot_limit(&p, limit, y1, "var(--warn)", "6 4", l1);
	plot_line(&p, S_CLOCK, "var(--clock)");
	plot_close(&p);
	fputs("</figure>\n", f);
}

/* Pain 0 to 10: a thin bar for 0, nothing where pain was not logged. */
static void chart_pain(FILE *f, const struct html_bins *b, const struct report_summary *s)
{
	struct plot p;
	char desc[320];

	chart_desc(b, s, "Pain from 0 to 10", series_max(b, S_PAIN), "", desc, sizeof desc);
	fputs("<figure>\n<figcaption>Pain (0" DASH "10, the day&#39;s average)", f);
	key(f, "var(--pain)", "pain; a thin line at the base: 0; no bar: not logged");
	common_keys(f);
	fputs("</figcaption>\n", f);
	plot_axis(&p, 10, 12, 5);
	plot_open(&p, b, f, "Pain per day, 0 to 10", desc, "");
	plot_bars(&p, S_PAIN, "var(--pain)", "pain-zero");
	plot_close(&p);
	fputs("</figure>\n", f);
}

void html_charts(FILE *f, const struct html_bins *b, const struct report_summary *s)
{
	static const char *const loss_color[LOSS_COUNT] = { "var(--muscle)", "var(--cardio)",
							    "var(--bone)" };
	static const char *const loss_title[LOSS_COUNT] = {
		"Muscle strength loss", "Fitness (VO2max) loss", "Bone density loss"
	};
	struct plot p;
	char title[160], desc[320];
	int x;

	fputs("<section id=\"charts\">\n<h2>Charts</h2>\n", f);
	if (b->per > 1)
		fprintf(f, "<p>Each column holds %zu days: rest hours and pain are their mean, the "
			   "rest clock and the losses their highest value.</p>\n", b->per);
	chart_rest(f, b, s);
	chart_clock(f, b, s);
	chart_pain(f, b, s);
	for (x = 0; x < LOSS_COUNT; x++) {
		int lo = S_LOSS + 2 * x + BAND_LOW, hb = S_LOSS + 2 * x + BAND_HIGH;
		snprintf(title, sizeof title, "%s in percent, the range of published rates",
			 loss_title[x]);
		chart_desc(b, s, loss_title[x], series_max(b, hb), "%", desc, sizeof desc);
		fprintf(f, "<figure>\n<figcaption>%s (%%, low" DASH "high)", loss_title[x]);
		key(f, loss_color[x], "between the lowest and the highest published rate");
		common_keys(f);
		fputs("</figcaption>\n", f);
		plot_axis(&p, series_max(b, hb), 12, 4);
		plot_open(&p, b, f, title, desc, "%");
		plot_band(&p, lo, hb, loss_color[x]);
		plot_line(&p, hb, loss_color[x]);
		plot_line(&p, lo, loss_color[x]);
		plot_close(&p);
		fputs("</figure>\n", f);
	}
	fputs("</section>\n", f);
}
