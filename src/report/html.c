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
#include "report.h"
#include "utf8.h"

#define DASH "\xe2\x80\x93"

/* ---- text ---------------------------------------------------------------- */

/* s as HTML text or attribute value: the five special characters as
 * references, the colon and slashes of "://" and "//" too, and any byte
 * that is not well-formed UTF-8 as U+FFFD. */
static void esc(FILE *f, const char *s)
{
	const char *start = s;

	while (*s) {
		size_t n = utf8_seq(s);
		if (n == 0) {
			fputs("\xef\xbf\xbd", f);
			s++;
			continue;
		}
		if (n > 1) {
			fwrite(s, 1, n, f);
			s += n;
			continue;
		}
		switch (*s) {
		case '&':
			fputs("&amp;", f);
			break;
		case '<':
			fputs("&lt;", f);
			break;
		case '>':
			fputs("&gt;", f);
			break;
		case '"':
			fputs("&quot;", f);
			break;
		case '\'':
			fputs("&#39;", f);
			break;
		case ':':
			/* A URL in a note stays text: its "://" is written as
			 * references, so that no "http:" or "//" of the user's
			 * ever reads as a link to a checker of the file. */
			fputs(s[1] == '/' && s[2] == '/' ? "&#58;" : ":", f);
			break;
		case '/':
			fputs(s[1] == '/' || (s > start && s[-1] == '/') ? "&#47;" : "/", f);
			break;
		default:
			putc(*s, f);
		}
		s++;
	}
}

/* Screen and print styles; system fonts only, nothing to fetch. */
static const char style[] =
	"<style>\n"
	":root{--ink:#1d2327;--muted:#5f6b73;--line:#d5dbe0;--flag:#b3261e}\n"
	"*{box-sizing:border-box}\n"
	"body{font:15px/1.45 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\","
	"Arial,sans-serif;color:var(--ink);max-width:62rem;margin:1.5rem auto;padding:0 1rem}\n"
	"h1{font-size:1.5rem;margin:0 0 .25rem}\n"
	"h2{font-size:1.15rem;margin:1.6rem 0 .5rem;border-bottom:1px solid var(--line);"
	"padding-bottom:.2rem}\n"
	".period{margin:0;color:var(--muted)}\n"
	".notice{border-left:4px solid var(--muted);padding:.3rem .7rem;background:#f4f6f8;"
	"margin:.8rem 0}\n"
	"dl.summary{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;"
	"margin:0}\n"
	"dl.summary dt{font-weight:600}\n"
	"dl.summary dd{margin:0}\n"
	"ul.warnings{padding-left:1.2rem;margin:0}\n"
	"ul.warnings li{margin:.15rem 0}\n"
	".red-flag{color:var(--flag);font-weight:700}\n"
	"figure{margin:0 0 1rem;break-inside:avoid;page-break-inside:avoid}\n"
	"figcaption{font-weight:600;margin-bottom:.2rem}\n"
	"figcaption .key{font-weight:400;color:var(--muted);margin-left:.8rem;white-space:nowrap}\n"
	".sw{display:inline-block;width:.8em;height:.8em;margin-right:.25em;"
	"vertical-align:-.05em;border-radius:2px}\n"
	"svg.chart{display:block;width:100%;height:auto;max-width:100%}\n"
	"svg.chart text{font:11px system-ui,sans-serif;fill:var(--muted)}\n"
	"svg.chart .grid{stroke:var(--line);stroke-width:1}\n"
	"svg.chart .axis{stroke:var(--muted);stroke-width:1}\n"
	"svg.chart .limit{stroke-width:1.5;stroke-dasharray:6 4}\n"
	"svg.chart text.halo{paint-order:stroke;stroke:#fff;stroke-width:3px}\n"
	"table.days{border-collapse:collapse;width:100%;font-size:.85rem}\n"
	"table.days th,table.days td{border-bottom:1px solid var(--line);padding:.2rem .35rem;"
	"text-align:left;vertical-align:top}\n"
	"table.days th{background:#f4f6f8}\n"
	"table.days td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
	"table.days td.d{white-space:nowrap}\n"
	"table.days tr.gap td{color:var(--muted);font-style:italic}\n"
	"table.days td.note{white-space:pre-wrap;overflow-wrap:anywhere;min-width:10rem}\n"
	"td.level-deconditioning{color:#8a5a00;font-weight:600}\n"
	"td.level-clot-risk{color:var(--flag);font-weight:700}\n"
	"footer{margin-top:1.5rem;color:var(--muted);font-size:.85rem}\n"
	"@page{size:auto;margin:14mm 12mm}\n"
	"@media print{\n"
	"body{font-size:10pt;max-width:none;margin:0;padding:0;"
	"-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
	"h2{break-after:avoid;page-break-after:avoid}\n"
	"section{break-inside:auto}\n"
	"table.days{font-size:8pt}\n"
	"thead{display:table-header-group}\n"
	"tr,td,th{break-inside:avoid;page-break-inside:avoid}\n"
	"svg.chart{width:100%;max-height:60mm}\n"
	".notice{background:none}\n"
	"}\n"
	"</style>\n";

/* ---- summary and warnings ------------------------------------------------ */

static void summary(FILE *f, const struct report_summary *s)
{
	struct report_line lines[REPORT_SUMMARY_LINES];
	int i;

	report_summary_lines(s, DASH, lines);
	fputs("<section id=\"summary\">\n<h2>Summary</h2>\n<dl class=\"summary\">\n", f);
	for (i = 0; i < REPORT_SUMMARY_LINES; i++) {
		fprintf(f, "<dt>%s</dt><dd>", lines[i].label);
		esc(f, lines[i].text);
		fputs("</dd>\n", f);
	}
	fputs("</dl>\n</section>\n", f);
}

/* Red flags first (in the alert colour), then the rest-clock warnings. */
static void warnings(FILE *f, const struct report_summary *s)
{
	char text[512], date[DATE_BUFSZ];
	int pass;
	size_t i;

	fputs("<section id=\"warnings\">\n<h2>Warnings</h2>\n", f);
	if (!s->n_warnings) {
		fputs("<p>None.</p>\n</section>\n", f);
		return;
	}
	fputs("<ul class=\"warnings\">\n", f);
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < s->n_warnings; i++) {
			const struct report_warning *w = &s->warnings[i];
			bool red = w->kind == WARN_RED_FLAG;
			if (red != (pass == 0))
				continue;
			date_format(w->day, date);
			fprintf(f, "<li%s><time datetime=\"%s\">%s</time>: ",
				red ? " class=\"red-flag\"" : "", date, date);
			esc(f, report_warning_text(w, &s->params, text, sizeof text));
			fputs("</li>\n", f);
		}
	}
	fputs("</ul>\n</section>\n", f);
}

/* ---- charts ---------------------------------------------------------------- */

#define MAX_COLS 120          /* columns of a chart at most */
#define SVG_W 720             /* the charts' coordinate system */
#define PLOT_X 48             /* left edge of the plot: room for the labels */
#define PLOT_W (SVG_W - PLOT_X - 14)
#define PLOT_Y 12
#define X_LABELS 6            /* dates along the bottom, at most */

enum series {
	S_REST,  /* rest hours, mean of the column's logged days */
	S_CLOCK, /* rest clock, highest */
	S_PAIN,  /* pain, mean */
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
	CHART_MAX, CHART_MAX
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

/* The frame: an <svg> sized to its plot, grid lines and labels of the
 * value axis (unit after the numbers), dates under the columns. */
static void plot_open(struct plot *p, const struct bins *b, FILE *f, double hi, int rows,
		      int max_ticks, const char *label, const char *unit)
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
	svg_h = PLOT_Y + p->h + 24;
	fprintf(f, "<svg class=\"chart\" viewBox=\"0 0 %d %.0f\" role=\"img\" "
		   "aria-label=\"", SVG_W, svg_h);
	esc(f, label);
	fputs("\">\n", f);
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
			PLOT_Y + p->h + 16, anchor, date_format(b->day[c], date));
	}
}

/* End of one chart. */
static void plot_close(struct plot *p)
{
	fputs("</svg>\n", p->f);
}

/* Bars of series s, one per column with a value; heights from chart.c in
 * eighths of a cell, and a cell is 8 units tall. */
static void plot_bars(struct plot *p, int s, const char *color)
{
	size_t c;

	fprintf(p->f, "<g fill=\"%s\">\n", color);
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

	fprintf(p->f, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" "
		      "stroke-linejoin=\"round\" points=\"", color);
	for (c = 0; c < p->b->cols; c++)
		fprintf(p->f, "%s%.1f,%.1f", c ? " " : "", col_x(p, c), val_y(p, p->b->v[s][c]));
	fputs("\"/>\n", p->f);
	if (p->b->cols <= 40) {
		fprintf(p->f, "<g fill=\"%s\">", color);
		for (c = 0; c < p->b->cols; c++)
			fprintf(p->f, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\"/>", col_x(p, c),
				val_y(p, p->b->v[s][c]));
		fputs("</g>\n", p->f);
	}
}

/* A dashed horizontal line at v with its label at the right end. */
static void plot_limit(struct plot *p, double v, const char *color, const char *label)
{
	double y = val_y(p, v);

	fprintf(p->f, "<line class=\"limit\" stroke=\"%s\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" "
		      "y2=\"%.1f\"/><text class=\"halo\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\" "
		      "style=\"fill:%s\">%s</text>\n",
		color, PLOT_X, y, PLOT_X + PLOT_W, y, PLOT_X + PLOT_W - 4, y - 4, color, label);
}

/* The low-high band of a loss as a filled area: along the high values,
 * back along the low ones. */
static void plot_band(struct plot *p, int lo, int hi, const char *color)
{
	size_t c;

	fprintf(p->f, "<polygon fill=\"%s\" fill-opacity=\"0.25\" stroke=\"none\" points=\"",
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

/* The five charts: rest and rest clock, pain, and one per loss. */
static void charts(FILE *f, const struct bins *b, const struct report_summary *s)
{
	static const char *const loss_color[LOSS_COUNT] = { "#1f6feb", "#2e8540", "#7b3fa0" };
	static const char *const loss_title[LOSS_COUNT] = {
		"Muscle strength loss", "Fitness (VO2max) loss", "Bone density loss"
	};
	const struct engine_params *par = &s->params;
	struct plot p;
	char label[160], t1[32];
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
	snprintf(label, sizeof label, "Rest hours per day and the rest clock, with the %g h "
				      "guideline limit", par->threshold_hours);
	fputs("<figure>\n<figcaption>Rest hours per day and the rest clock", f);
	key(f, "#7a8ea3", "rest hours that day");
	key(f, "#b3261e", "rest clock (hours of rest in a row)");
	fputs("</figcaption>\n", f);
	plot_open(&p, b, f, hi, 22, 6, label, " h");
	plot_bars(&p, S_REST, "#7a8ea3");
	snprintf(t1, sizeof t1, "%g h: guideline limit", par->threshold_hours);
	plot_limit(&p, par->threshold_hours, "#8a5a00", t1);
	plot_line(&p, S_CLOCK, "#b3261e");
	plot_close(&p);
	fputs("</figure>\n", f);

	fputs("<figure>\n<figcaption>Pain (0" DASH "10, the day&#39;s average)</figcaption>\n", f);
	plot_open(&p, b, f, 10, 12, 5, "Pain per day, 0 to 10", "");
	plot_bars(&p, S_PAIN, "#8a5a00");
	plot_close(&p);
	fputs("</figure>\n", f);

	for (x = 0; x < LOSS_COUNT; x++) {
		int lo = S_LOSS + 2 * x + BAND_LOW, hb = S_LOSS + 2 * x + BAND_HIGH;
		snprintf(label, sizeof label, "%s in percent, low to high estimate", loss_title[x]);
		fprintf(f, "<figure>\n<figcaption>%s (%%, low" DASH "high band)", loss_title[x]);
		key(f, loss_color[x], "between the hopeful and the cautious estimate");
		fputs("</figcaption>\n", f);
		plot_open(&p, b, f, series_max(b, hb), 12, 4, label, "%");
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
	FILE *f = ctx;
	struct report_cells c;
	char date[DATE_BUFSZ];
	int x, i;

	report_day_cells(p, en, "", DASH, &c);
	date_format(p->day, date);
	fprintf(f, "<tr%s><td class=\"d\">%s</td><td>%s</td>", en ? "" : " class=\"gap\"", date,
		date_weekday_name(p->day));
	if (!en) {
		fputs("<td colspan=\"3\">not logged</td>", f);
	} else {
		fprintf(f, "<td class=\"n\">%s</td><td>", c.rest);
		if (en->n_activities) {
			fprintf(f, "%d (", p->activity_minutes);
			for (i = 0; i < en->n_activities; i++)
				fprintf(f, "%s%s %d", i ? ", " : "",
					entry_kind_name(en->activities[i].kind), en->activities[i].minutes);
			putc(')', f);
		}
		fprintf(f, "</td><td class=\"n\">%s</td>", c.pain);
	}
	fprintf(f, "<td class=\"n\">%.1f</td><td class=\"level-%s\">%s</td>", p->rest_clock_hours,
		engine_level_name(p->level), engine_level_name(p->level));
	for (x = 0; x < LOSS_COUNT; x++)
		fprintf(f, "<td class=\"n\">%s</td>", c.band[x]);
	fprintf(f, "<td class=\"n\">%s</td><td>", c.kg);
	for (i = 0; en && i < en->n_symptoms; i++) {
		bool red = entry_symptom_is_red_flag(en->symptoms[i]);
		fputs(i ? ", " : "", f);
		if (red)
			fputs("<strong class=\"red-flag\">", f);
		esc(f, en->symptoms[i]);
		if (red)
			fputs("</strong>", f);
	}
	fputs("</td><td class=\"note\">", f);
	if (en)
		esc(f, en->note);
	fputs("</td></tr>\n", f);
	return 0;
}

/* The document: summary and warnings, charts from a second pass over the
 * days, the table from a third. */
int report_write_html(FILE *f, struct journal *j, const struct report_opts *o,
		      struct rw_error *e)
{
	struct report_summary s;
	struct bins *b = NULL;
	char period[64];
	int r;

	if ((r = report_summarize(j, o, &s, e)))
		return r;
	report_period_text(&s, period, sizeof period);
	fprintf(f, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		   "<meta name=\"generator\" content=\"restwatch %s\">\n"
		   "<title>", RESTWATCH_VERSION);
	if (o->name) {
		esc(f, o->name);
		fputs(": ", f);
	}
	fprintf(f, "restwatch history report, %s</title>\n", period);
	fputs(style, f);
	fputs("</head>\n<body>\n<header>\n<h1>restwatch history report</h1>\n", f);
	if (o->name) {
		fputs("<p class=\"name\">Name: ", f);
		esc(f, o->name);
		fputs("</p>\n", f);
	}
	fprintf(f, "<p class=\"period\">%s</p>\n<p class=\"notice\">", period);
	esc(f, advice_disclaimer);
	fputs("</p>\n</header>\n<main>\n", f);
	if (s.empty) {
		fputs("<p>No days logged in this period.</p>\n", f);
		goto done;
	}
	summary(f, &s);
	warnings(f, &s);

	if (!(b = calloc(1, sizeof *b))) {
		r = rw_fail(e, RW_ENOMEM, "out of memory");
		goto out;
	}
	b->per = chart_days_per_col((size_t)s.days, MAX_COLS);
	if (!(b->chunk = malloc(S_COUNT * b->per * sizeof *b->chunk))) {
		r = rw_fail(e, RW_ENOMEM, "out of memory");
		goto out;
	}
	if ((r = journal_each(j, s.first, s.last, 0, bin_day, b, e)))
		goto out;
	bins_flush(b);
	if (b->cols)
		charts(f, b, &s);

	fputs("<section id=\"days\">\n<h2>Days</h2>\n"
	      "<p>Losses are percent, low" DASH "high band; symptoms in bold are red flags.</p>\n"
	      "<table class=\"days\">\n<thead><tr><th>Date</th><th>Day</th><th>Rest h</th>"
	      "<th>Activity min</th><th>Pain</th><th>Rest clock h</th><th>Level</th>"
	      "<th>Muscle %</th><th>Cardio %</th><th>Bone %</th><th>Weight kg</th>"
	      "<th>Symptoms</th><th>Note</th></tr></thead>\n<tbody>\n",
	      f);
	if ((r = journal_each(j, s.first, s.last, 0, day_row, f, e)))
		goto out;
	fputs("</tbody>\n</table>\n</section>\n", f);
done:
	fprintf(f, "</main>\n<footer>\n<p>Written by restwatch %s.</p>\n</footer>\n</body>\n"
		   "</html>\n", RESTWATCH_VERSION);
out:
	if (b)
		free(b->chunk);
	free(b);
	report_summary_free(&s);
	return r;
}
