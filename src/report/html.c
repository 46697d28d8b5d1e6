/* html.c - the report as one self-contained HTML file: the summary, the
 * warnings, inline SVG charts and the table of days, with print CSS so
 * that it prints cleanly on A4 or Letter.
 *
 * Nothing is fetched: the style sheet is inline, the charts are inline
 * SVG (no namespace URL either: HTML gives <svg> its namespace), and no
 * script runs.  All user text is escaped.  The chart geometry (axes,
 * binning days into columns, bar heights) is chart.c's, the same code the
 * TUI's Trends screen uses; the days are streamed three times (summary,
 * charts, table), so memory stays flat however long the history is.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "advice.h"
#include "chart.h"
#include "html_text.h"
#include "report.h"

#define DASH "\xe2\x80\x93"

/* ---- summary and warnings ------------------------------------------------ */

static void summary(FILE *f, const struct report_summary *s)
{
	struct report_line lines[REPORT_SUMMARY_LINES];
	int i;

	report_summary_lines(s, DASH, lines);
	fputs("<section id=\"summary\">\n<h2>Summary</h2>\n<dl class=\"summary\">\n", f);
	for (i = 0; i < REPORT_SUMMARY_LINES; i++) {
		fprintf(f, "<dt>%s</dt><dd>", lines[i].label);
		html_esc_dates(f, lines[i].text);
		fputs("</dd>\n", f);
	}
	fputs("</dl>\n</section>\n", f);
}

/* Red flags first (in the alert colour), then the rest-clock warnings
 * grouped by episode, a list each (docs/formats.md, episodes). */
static void warnings(FILE *f, const struct report_summary *s)
{
	char text[512], date[DATE_BUFSZ];
	size_t i;

	fputs("<section id=\"warnings\">\n<h2>Warnings</h2>\n", f);
	if (!s->n_warnings) {
		fputs("<p>None.</p>\n</section>\n", f);
		return;
	}
	for (i = 0; i < s->n_warnings; i++) {
		const struct report_warning *w = &s->warnings[i];
		bool red = w->kind == WARN_RED_FLAG;
		if (i == 0 && red)
			fputs("<ul class=\"warnings\">\n", f);
		if (report_group_starts(s, i)) {
			fputs(i ? "</ul>\n<h3 class=\"episode\">" : "<h3 class=\"episode\">", f);
			html_esc_dates(f, report_group_heading(s, w->episode, text, sizeof text));
			fputs("</h3>\n<ul class=\"warnings\">\n", f);
		}
		date_format(w->day, date);
		fprintf(f, "<li%s><time datetime=\"%s\">%s</time>: ",
			red ? " class=\"red-flag\"" : "", date, date);
		html_esc_dates(f, report_warning_text(w, &s->params, text, sizeof text));
		fputs("</li>\n", f);
	}
	fputs("</ul>\n</section>\n", f);
}

/* ---- charts ---------------------------------------------------------------- */

#define MAX_COLS 120          /* columns of a chart at most */
#define SVG_W 720             /* the charts' coordinate system */
#define PLOT_X 48             /* left edge of the plot: room for the labels */
#define PLOT_W (SVG_W - PLOT_X - 58) /* right of it: the limits' labels */
#define PLOT_Y 12
#define X_LABELS 6            /* dates along the bottom, at most */

enum series {
	S_REST,  /* rest hours, mean of the column's logged days */
	S_CLOCK, /* rest clock, highest */
	S_PAIN,  /* pain, mean */
	S_LOGGED, /* 1 on a logged day, NAN on a gap: NAN for a column of gaps */
	S_LOSS,  /* then the six losses, loss x band b at S_LOSS + 2x + b, highest */
	S_COUNT = S_LOSS + LOSS_COUNT * BAND_COUNT
};

struct bins {
	size_t per;               /* days in one column */
	size_t cols;              /* columns done */
	size_t filled;            /* days in the column being gathered */
	double *chunk;            /* S_COUNT x per samples of that column */
	double v[S_COUNT][MAX_COLS];
	rw_day day[MAX_COLS];     /* first day of each column */
};

static const enum chart_agg series_agg[S_COUNT] = {
	CHART_MEAN, CHART_MAX, CHART_MEAN, CHART_MAX, CHART_MAX, CHART_MAX, CHART_MAX,
	CHART_MAX, CHART_MAX, CHART_MAX
};

/* Close the column being gathered: one value per series, chart.c's bin. */
static void bins_flush(struct bins *b)
{
	int s;

	if (!b->filled)
		return;
	if (b->cols < MAX_COLS) {
		for (s = 0; s < S_COUNT; s++)
			chart_bin(b->chunk + (size_t)s * b->per, b->filled, b->per, series_agg[s],
				  &b->v[s][b->cols], 1);
		b->cols++;
	}
	b->filled = 0;
}

/* One day's samples into the column being gathered. */
static int bin_day(void *ctx, const struct engine_proj *p, const struct entry *en)
{
	struct bins *b = ctx;
	size_t i = b->filled;
	int x, k;

	if (i == 0 && b->cols < MAX_COLS)
		b->day[b->cols] = p->day;
	b->chunk[S_REST * b->per + i] = en && en->has_rest ? en->rest_hours : NAN;
	b->chunk[S_CLOCK * b->per + i] = p->rest_clock_hours;
	b->chunk[S_PAIN * b->per + i] = en && en->pain != PAIN_UNSET ? en->pain : NAN;
	b->chunk[S_LOGGED * b->per + i] = en ? 1 : NAN;
	for (x = 0; x < LOSS_COUNT; x++)
		for (k = 0; k < BAND_COUNT; k++)
			b->chunk[(size_t)(S_LOSS + 2 * x + k) * b->per + i] = p->loss[x][k];
	if (++b->filled == b->per)
		bins_flush(b);
	return 0;
}

/* The largest value of a series over the columns (0 when none). */
static double series_max(const struct bins *b, int s)
{
	double m = 0;
	size_t c;
	for (c = 0; c < b->cols; c++)
		if (!isnan(b->v[s][c]) && b->v[s][c] > m)
			m = b->v[s][c];
	return m;
}

struct plot {
	FILE *f;
	const struct bins *b;
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

/* The frame: an <svg> sized to its plot, with its title and description
 * for screen readers, grid lines and labels of the value axis (unit after
 * the numbers), dates under the columns, gaps shaded. */
static void plot_open(struct plot *p, const struct bins *b, FILE *f, double hi, int rows,
		      int max_ticks, const char *title, const char *desc, const char *unit)
{
	char date[DATE_BUFSZ];
	double svg_h;
	int i, nl;

	p->f = f;
	p->b = b;
	p->rows = rows;
	p->h = 8.0 * rows;
	p->cw = (double)PLOT_W / (double)(b->cols ? b->cols : 1);
	chart_axis_nice(0, hi, max_ticks, &p->ax);
	svg_h = PLOT_Y + p->h + 26;
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
			   "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%g%s</text>\n",
			PLOT_X, y, PLOT_X + PLOT_W, y, PLOT_X - 6, y + 4, v, i == p->ax.ticks ? unit : "");
	}
	fprintf(f, "<line class=\"axis\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>\n", PLOT_X,
		PLOT_Y + p->h, PLOT_X + PLOT_W, PLOT_Y + p->h);
	nl = b->cols < X_LABELS ? (int)b->cols : X_LABELS;
	for (i = 0; i < nl; i++) {
		size_t c = nl == 1 ? 0 : (size_t)((double)i * (double)(b->cols - 1) / (nl - 1) + 0.5);
		const char *anchor = nl == 1 || (i > 0 && i < nl - 1) ? "middle"
				     : i == 0 ? "start" : "end";
		double x = col_x(p, c);
		if (i == 0 && nl > 1)
			x = PLOT_X;
		else if (i == nl - 1 && nl > 1)
			x = PLOT_X + PLOT_W;
		fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>\n", x,
			PLOT_Y + p->h + 18, anchor, date_format(b->day[c], date));
	}
}

/* End of one chart. */
static void plot_close(struct plot *p)
{
	fputs("</svg></div>\n", p->f);
}

/* Bars of series s, one per column with a value; heights from chart.c in
 * eighths of a cell, and a cell is 8 units tall. */
static void plot_bars(struct plot *p, int s, const char *color)
{
	size_t c;

	fprintf(p->f, "<g style=\"fill:%s\">\n", color);
	for (c = 0; c < p->b->cols; c++) {
		double v = p->b->v[s][c];
		int h;
		if (isnan(v) || (h = chart_bar_eighths(&p->ax, v, p->rows)) == 0)
			continue;
		fprintf(p->f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\"/>\n",
			PLOT_X + c * p->cw + p->cw * 0.15, PLOT_Y + p->h - h, p->cw * 0.7, h);
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

/* A dashed horizontal line at v, labelled right of the plot, where no
 * data line can cross the label. */
static void plot_limit(struct plot *p, double v, const char *color, const char *label)
{
	double y = val_y(p, v);

	fprintf(p->f, "<line class=\"limit\" style=\"stroke:%s\" x1=\"%d\" y1=\"%.1f\" "
		      "x2=\"%d\" y2=\"%.1f\"/><text x=\"%d\" y=\"%.1f\" style=\"fill:%s\">%s</text>\n",
		color, PLOT_X, y, PLOT_X + PLOT_W, y, PLOT_X + PLOT_W + 6, y + 5, color, label);
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

/* A legend entry: a colour swatch and what it stands for. */
static void key(FILE *f, const char *color, const char *text)
{
	fprintf(f, "<span class=\"key\"><span class=\"sw\" style=\"background:%s\"></span>%s</span>",
		color, text);
}

/* "11 logged days from 2026-02-20 to 2026-03-05, one column a day;
 * highest 86 h." for a chart's <desc>. */
static void chart_desc(const struct bins *b, const struct report_summary *s, const char *what,
		       double hi, const char *unit, char *out, size_t n)
{
	char d1[DATE_BUFSZ], d2[DATE_BUFSZ], per[48];

	if (b->per == 1)
		snprintf(per, sizeof per, "one column a day");
	else
		snprintf(per, sizeof per, "one column every %zu days", b->per);
	snprintf(out, n, "%s from %s to %s, %s; highest %.1f%s. Shaded columns: nothing logged.",
		 what, date_format(s->first, d1), date_format(s->last, d2), per, hi, unit);
}

/* The five charts: rest and rest clock, pain, and one per loss. */
static void charts(FILE *f, const struct bins *b, const struct report_summary *s)
{
	static const char *const loss_color[LOSS_COUNT] = { "var(--muscle)", "var(--cardio)",
							    "var(--bone)" };
	static const char *const loss_title[LOSS_COUNT] = {
		"Muscle strength loss", "Fitness (VO2max) loss", "Bone density loss"
	};
	const struct engine_params *par = &s->params;
	struct plot p;
	char title[160], desc[320], t1[32];
	double hi;
	int x;

	fputs("<section id=\"charts\">\n<h2>Charts</h2>\n", f);
	if (b->per > 1)
		fprintf(f, "<p>Each column holds %zu days: rest hours and pain are their mean, the "
			   "rest clock and the losses their highest value.</p>\n", b->per);

	/* Rest hours and the rest clock share an axis in hours. */
	hi = series_max(b, S_CLOCK);
	if (hi < par->threshold_hours * 1.5)
		hi = par->threshold_hours * 1.5;
	if (hi < 24)
		hi = 24;
	snprintf(title, sizeof title, "Rest hours per day and the rest clock, with the %g h "
				      "guideline limit", par->threshold_hours);
	chart_desc(b, s, "Rest clock in hours", series_max(b, S_CLOCK), " h", desc, sizeof desc);
	fputs("<figure>\n<figcaption>Rest hours per day and the rest clock", f);
	key(f, "var(--rest)", "rest hours that day");
	key(f, "var(--clock)", "rest clock (hours of rest in a row)");
	snprintf(t1, sizeof t1, "%g h", par->threshold_hours);
	fprintf(f, "<span class=\"key\">dashed: %s, the guideline limit from which losses are "
		   "counted</span>", t1);
	fputs("</figcaption>\n", f);
	plot_open(&p, b, f, hi, 22, 6, title, desc, " h");
	plot_bars(&p, S_REST, "var(--rest)");
	plot_limit(&p, par->threshold_hours, "var(--warn)", t1);
	plot_line(&p, S_CLOCK, "var(--clock)");
	plot_close(&p);
	fputs("</figure>\n", f);

	chart_desc(b, s, "Pain from 0 to 10", series_max(b, S_PAIN), "", desc, sizeof desc);
	fputs("<figure>\n<figcaption>Pain (0" DASH "10, the day&#39;s average)</figcaption>\n", f);
	plot_open(&p, b, f, 10, 12, 5, "Pain per day, 0 to 10", desc, "");
	plot_bars(&p, S_PAIN, "var(--pain)");
	plot_close(&p);
	fputs("</figure>\n", f);

	for (x = 0; x < LOSS_COUNT; x++) {
		int lo = S_LOSS + 2 * x + BAND_LOW, hb = S_LOSS + 2 * x + BAND_HIGH;
		snprintf(title, sizeof title, "%s in percent, the range of published rates",
			 loss_title[x]);
		chart_desc(b, s, loss_title[x], series_max(b, hb), "%", desc, sizeof desc);
		fprintf(f, "<figure>\n<figcaption>%s (%%, low" DASH "high)", loss_title[x]);
		key(f, loss_color[x], "between the lowest and the highest published rate");
		fputs("</figcaption>\n", f);
		plot_open(&p, b, f, series_max(b, hb), 12, 4, title, desc, "%");
		plot_band(&p, lo, hb, loss_color[x]);
		plot_line(&p, hb, loss_color[x]);
		plot_line(&p, lo, loss_color[x]);
		plot_close(&p);
		fputs("</figure>\n", f);
	}
	fputs("</section>\n", f);
}

/* ---- the table ------------------------------------------------------------- */

static int day_row(void *ctx, const struct engine_proj *p, const struct entry *en)
{
	FILE *f = ((struct report_run *)ctx)->f;
	struct report_cells c;
	char date[DATE_BUFSZ];
	int x, i;

	report_day_cells(p, en, "", DASH, &c);
	date_format(p->day, date);
	fprintf(f, "<tr%s><td class=\"d\">%s</td><td>%s</td>", en ? "" : " class=\"gap\"", date,
		date_weekday_name(p->day));
	if (!en) {
		fputs(engine_proj_held(p) ? "<td colspan=\"3\">not logged: held</td>"
					  : "<td colspan=\"3\">not logged</td>", f);
	} else {
		fprintf(f, "<td class=\"n\">%s</td><td class=\"act\">", c.rest);
		if (en->n_activities) {
			fprintf(f, "%d (", p->activity_minutes);
			for (i = 0; i < en->n_activities; i++)
				fprintf(f, "%s%s %d", i ? ", " : "",
					entry_kind_name(en->activities[i].kind), en->activities[i].minutes);
			putc(')', f);
		}
		fprintf(f, "</td><td class=\"n\">%s</td>", c.pain);
	}
	fprintf(f, "<td class=\"n\">%.1f</td><td class=\"lvl level-%s\">%s</td>", p->rest_clock_hours,
		engine_level_name(p->level), engine_level_name(p->level));
	for (x = 0; x < LOSS_COUNT; x++)
		fprintf(f, "<td class=\"n\">%s</td>", c.band[x]);
	fprintf(f, "<td class=\"n\">%s</td><td>", c.kg);
	for (i = 0; en && i < en->n_symptoms; i++) {
		bool red = entry_symptom_is_red_flag(en->symptoms[i]);
		fputs(i ? ", " : "", f);
		if (red)
			fputs("<strong class=\"red-flag\">", f);
		html_esc(f, en->symptoms[i]);
		if (red)
			fputs("</strong>", f);
	}
	fputs("</td><td>", f);
	for (i = 0; en && i < en->n_meds; i++) {
		char m[MED_NAME_MAX + MED_DOSE_MAX + 2];
		fputs(i ? ", " : "", f);
		html_esc(f, entry_med_text(&en->meds[i], m, sizeof m));
	}
	fputs("</td><td class=\"note\">", f);
	if (en)
		html_esc(f, en->note);
	fputs("</td></tr>\n", f);
	return 0;
}

/* Each rest episode as a table row (docs/formats.md, episodes). */
static void episodes(FILE *f, const struct report_summary *s)
{
	struct report_episode_cells c;
	size_t i;

	fputs("<section id=\"episodes\">\n<h2>Episodes</h2>\n", f);
	if (!s->n_episodes) {
		fputs("<p>None (the rest clock never ran).</p>\n</section>\n", f);
		return;
	}
	fputs("<p>From the first day of rest to the last with the rest clock running.</p>\n"
	      "<div class=\"scroll\" role=\"region\" aria-label=\"Episodes, a table that scrolls "
	      "sideways\" tabindex=\"0\">\n<table class=\"days\">\n<thead><tr>"
	      "<th scope=\"col\">From</th><th scope=\"col\">To</th><th scope=\"col\">Days</th>"
	      "<th scope=\"col\">Peak rest clock h</th><th scope=\"col\">Days mostly in bed</th>"
	      "<th scope=\"col\">Peak muscle %</th><th scope=\"col\">Red-flag days</th>"
	      "<th scope=\"col\">Activity min</th><th scope=\"col\">Mean pain</th>"
	      "</tr></thead>\n<tbody>\n", f);
	for (i = 0; i < s->n_episodes; i++) {
		report_episode_cells(&s->episodes[i], "", DASH, &c);
		fprintf(f, "<tr><td class=\"d\">%s<time datetime=\"%s\">%s</time></td>"
			   "<td class=\"d\"><time datetime=\"%s\">%s</time></td><td class=\"n\">%s</td>"
			   "<td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td>"
			   "<td class=\"n%s\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td></tr>\n",
			s->episodes[i].began_before ? "before " : "", c.from, c.from, c.to, c.to,
			c.days, c.clock, c.bed, c.muscle,
			s->episodes[i].red_flags ? " red-flag" : "", c.red, c.act, c.pain);
	}
	fputs("</tbody>\n</table>\n</div>\n</section>\n", f);
}

/* One week of a long period as a table row. */
static int week_row(void *ctx, const struct report_week *w)
{
	FILE *f = ctx;
	struct report_week_cells c;
	char date[DATE_BUFSZ];

	report_week_cells(w, "", &c);
	date_format(w->from, date);
	fprintf(f, "<tr><td class=\"d\"><time datetime=\"%s\">%s</time></td><td class=\"n\">%s</td>"
		   "<td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td>"
		   "<td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"lvl level-%s%s\">%s</td>"
		   "</tr>\n", date, date, c.logged, c.rest, c.act, c.pain, c.max_pain, c.clock,
		engine_level_name(w->level), w->red ? " red-flag" : "", c.level);
	return 0;
}

/* A long period one row a week (docs/formats.md, long spans). */
static int weeks(FILE *f, struct journal *j, const struct report_summary *s,
		 struct rw_error *e)
{
	int r;

	fputs("<section id=\"weeks\">\n<h2>Weeks</h2>\n"
	      "<p>Monday to Sunday; rest and pain are means of the logged days.</p>\n"
	      "<div class=\"scroll\" role=\"region\" aria-label=\"Weeks, a table that scrolls "
	      "sideways\" tabindex=\"0\">\n<table class=\"days\">\n<thead><tr>"
	      "<th scope=\"col\">Week of</th><th scope=\"col\">Logged</th>"
	      "<th scope=\"col\">Mean rest h</th><th scope=\"col\">Activity min</th>"
	      "<th scope=\"col\">Mean pain</th><th scope=\"col\">Max pain</th>"
	      "<th scope=\"col\">Max rest clock h</th><th scope=\"col\">Level reached</th>"
	      "</tr></thead>\n<tbody>\n", f);
	r = report_each_week(j, s->first, s->last, week_row, f, e);
	fputs("</tbody>\n</table>\n</div>\n</section>\n", f);
	return r;
}

/* The document up to the days' table: summary and warnings, then charts
 * from a second pass over the days (the summary was the first). */
static int begin(struct report_run *run, struct rw_error *e)
{
	const struct report_summary *s = run->s;
	struct bins *b = run->state;
	FILE *f = run->f;
	char period[64];
	int r;

	report_period_text(s, period, sizeof period);
	fprintf(f, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		   "<meta name=\"generator\" content=\"restwatch %s\">\n"
		   "<title>", RESTWATCH_VERSION);
	if (run->o->name) {
		html_esc(f, run->o->name);
		fputs(": ", f);
	}
	fprintf(f, "restwatch history report, %s</title>\n", period);
	fputs(html_style, f);
	fputs("</head>\n<body>\n<header>\n<h1>restwatch history report</h1>\n", f);
	if (run->o->name) {
		fputs("<p class=\"name\">Name: ", f);
		html_esc(f, run->o->name);
		fputs("</p>\n", f);
	}
	fprintf(f, "<p class=\"period\">%s</p>\n<p class=\"notice\">", period);
	html_esc(f, advice_disclaimer);
	fputs("</p>\n</header>\n<main>\n", f);
	run->walk = !s->empty;
	if (s->empty) {
		fputs("<p>No days logged in this period.</p>\n", f);
		return 0;
	}
	summary(f, s);
	warnings(f, s);
	episodes(f, s);

	b->per = chart_days_per_col((size_t)s->days, MAX_COLS);
	if (!(b->chunk = malloc(S_COUNT * b->per * sizeof *b->chunk)))
		return rw_fail(e, RW_ENOMEM, "out of memory");
	if ((r = journal_each(run->j, s->first, s->last, 0, bin_day, b, e)))
		return r;
	bins_flush(b);
	if (b->cols)
		charts(f, b, s);

	if (s->long_span && (r = weeks(f, run->j, s, e)))
		return r;
	fprintf(f, "<section id=\"days\">\n<h2>Days%s</h2>\n", s->long_span ? " (the last 28)" : "");
	fputs("<p>Losses are percent, low" DASH "high band; symptoms in bold are red flags.</p>\n"
	      "<div class=\"scroll\" role=\"region\" aria-label=\"Days, a table that scrolls "
	      "sideways\" tabindex=\"0\">\n"
	      "<table class=\"days\">\n<thead><tr><th scope=\"col\">Date</th>"
	      "<th scope=\"col\">Day</th><th scope=\"col\">Rest h</th>"
	      "<th scope=\"col\">Activity min</th><th scope=\"col\">Pain</th>"
	      "<th scope=\"col\">Rest clock h</th><th scope=\"col\">Level</th>"
	      "<th scope=\"col\">Muscle %</th><th scope=\"col\">Cardio %</th>"
	      "<th scope=\"col\">Bone %</th><th scope=\"col\">Weight kg</th>"
	      "<th scope=\"col\">Symptoms</th><th scope=\"col\">Medications</th>"
	      "<th scope=\"col\">Note</th></tr></thead>\n"
	      "<tbody>\n",
	      f);
	run->from = report_days_from(s);
	return 0;
}

/* The table's end and the footer. */
static int end(struct report_run *run, int r, struct rw_error *e)
{
	struct bins *b = run->state;

	(void)e;
	free(b->chunk);
	if (r)
		return r;
	if (!run->s->empty)
		fputs("</tbody>\n</table>\n</div>\n</section>\n", run->f);
	fprintf(run->f, "</main>\n<footer>\n<p>Written by restwatch %s.</p>\n</footer>\n</body>\n"
			"</html>\n", RESTWATCH_VERSION);
	return 0;
}

const struct report_format report_html = {
	.name = "html", .ext = "html", .mime = "text/html; charset=utf-8", .summary = true,
	.state_size = sizeof(struct bins), .begin = begin, .day = day_row, .end = end,
};
