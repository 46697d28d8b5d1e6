/* pdf_chart.c - the PDF report's two charts, drawn with cairo: the rest
 * clock against the 48 h line, and pain.  Long spans are binned
 * into columns (chart.c); a column where nothing was logged is shaded, a
 * red flag is a red mark above its column, ticks fall on days, months or
 * years; clot-risk days are a red strip (docs/formats.md, PDF report). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "chart.h"
#include "pdf_draw.h"

#define MAX_COLS 180   /* columns of a chart at most */
#define AXIS_W 30.0    /* room for the y labels, left of the plot */
#define LIMIT_W 34.0   /* room for "48 h", right of the plot */
#define TICK_H 12.0    /* room for the dates under the plot */

struct plot {
	struct pdf *p;
	double x, y, w, h;   /* the plot area */
	size_t per, cols;    /* days a column, columns */
	struct chart_axis ax;
};

enum series { SER_CLOCK, SER_PAIN, SER_LOGGED, SER_RED, SER_CLOT };

/* Series s of every day into v (NAN where the day lacks it). */
static void series(const struct pdf *p, enum series s, double *v)
{
	size_t i;

	for (i = 0; i < p->ndays; i++) {
		const struct pdf_day *d = &p->days[i];
		switch (s) {
		case SER_CLOCK:
			v[i] = d->clock;
			break;
		case SER_PAIN:
			v[i] = d->pain;
			break;
		case SER_LOGGED:
			v[i] = d->logged ? 1 : NAN;
			break;
		case SER_CLOT:
			v[i] = d->level == LEVEL_CLOT_RISK ? 1 : NAN;
			break;
		case SER_RED:
		default:
			v[i] = d->red ? 1 : NAN;
			break;
		}
	}
}

/* Column values of series s aggregated with agg; NULL when out of memory. */
static double *columns(const struct plot *pl, enum series s, enum chart_agg agg)
{
	double *v = malloc(pl->p->ndays * sizeof *v), *out = malloc(pl->cols * sizeof *out);

	if (!v || !out) {
		free(v);
		free(out);
		return NULL;
	}
	series(pl->p, s, v);
	chart_bin(v, pl->p->ndays, pl->per, agg, out, pl->cols);
	free(v);
	return out;
}

static void set_rgb(cairo_t *cr, const struct rgb *c)
{
	cairo_set_source_rgb(cr, c->r, c->g, c->b);
}

static double col_x(const struct plot *pl, size_t c)
{
	return pl->x + pl->w * (double)c / (double)pl->cols;
}

static double val_y(const struct plot *pl, double v)
{
	return pl->y + pl->h - chart_axis_pos(&pl->ax, v, pl->h);
}

/* A tick on day i of the span (0-based) with label text. */
static void x_tick(struct plot *pl, size_t i, const char *text)
{
	struct pdf *p = pl->p;
	double x = pl->x + pl->w * ((double)i + 0.5) / (double)(pl->per * pl->cols);

	if (!p->draw)
		return;
	cairo_move_to(p->cr, x, pl->y + pl->h);
	cairo_line_to(p->cr, x, pl->y + pl->h + 3);
	set_rgb(p->cr, &pdf_grey);
	cairo_set_line_width(p->cr, 0.5);
	cairo_stroke(p->cr);
	pdf_text(p, x - 30, pl->y + pl->h + 3, 60, F_SMALL, &pdf_grey, PANGO_ALIGN_CENTER, true,
		 text);
}

/* Ticks on days (short spans), on the first of a month, or on New Year:
 * never more than about a dozen, never on arbitrary dates. */
static void x_ticks(struct plot *pl)
{
	static const int month_steps[] = { 1, 2, 3, 6, 12 };
	const struct pdf *p = pl->p;
	rw_day first = p->s->first;
	size_t i, n = p->ndays;
	int y, m, d, k = 0, step;
	char label[DATE_BUFSZ];

	if (n <= 62) {
		step = n <= 14 ? 1 : 7;
		for (i = 0; i < n; i++) {
			/* Weekly ticks on Mondays (date_weekday: 0 is Monday). */
			if (step == 7 && date_weekday(first + (rw_day)i) != 0)
				continue;
			if (step == 1 && n > 8 && i % 2)
				continue;
			date_format(first + (rw_day)i, label);
			x_tick(pl, i, label + 5);
		}
		return;
	}
	if (n <= 3 * 366) {
		while (k < 4 && (double)n / 30.4 / month_steps[k] > 12)
			k++;
		step = month_steps[k];
		for (i = 0; i < n; i++) {
			date_to_ymd(first + (rw_day)i, &y, &m, &d);
			if (d == 1 && (m - 1) % step == 0) {
				snprintf(label, sizeof label, "%04d-%02d", y, m);
				x_tick(pl, i, label);
			}
		}
		return;
	}
	step = (int)ceil((double)n / 365.25 / 12);
	for (i = 0; i < n; i++) {
		date_to_ymd(first + (rw_day)i, &y, &m, &d);
		if (d == 1 && m == 1 && y % step == 0) {
			snprintf(label, sizeof label, "%04d", y);
			x_tick(pl, i, label);
		}
	}
}

/* The plot's frame, y labels, grid, the shading of columns with nothing
 * logged, and the red-flag marks. */
static void frame(struct plot *pl, const char *unit)
{
	struct pdf *p = pl->p;
	cairo_t *cr = p->cr;
	double *logged = columns(pl, SER_LOGGED, CHART_MAX), *red = columns(pl, SER_RED, CHART_MAX);
	char label[32];
	size_t c;
	int t;

	for (c = 0; logged && c < pl->cols; c++) {
		if (!isnan(logged[c]))
			continue;
		cairo_rectangle(cr, col_x(pl, c), pl->y, col_x(pl, c + 1) - col_x(pl, c), pl->h);
		set_rgb(cr, &pdf_faint);
		cairo_fill(cr);
	}
	for (t = 0; t <= pl->ax.ticks; t++) {
		double v = chart_axis_tick(&pl->ax, t), y = val_y(pl, v);
		cairo_move_to(cr, pl->x, y);
		cairo_line_to(cr, pl->x + pl->w, y);
		cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
		cairo_set_line_width(cr, 0.4);
		cairo_stroke(cr);
		snprintf(label, sizeof label, "%g%s", v, t == pl->ax.ticks ? unit : "");
		pdf_text(p, pl->x - AXIS_W, y - 5, AXIS_W - 3, F_SMALL, &pdf_grey, PANGO_ALIGN_RIGHT,
			 true, label);
	}
	for (c = 0; red && c < pl->cols; c++) {
		double x = (col_x(pl, c) + col_x(pl, c + 1)) / 2;
		if (isnan(red[c]))
			continue;
		cairo_move_to(cr, x - 3, pl->y - 5);
		cairo_line_to(cr, x + 3, pl->y - 5);
		cairo_line_to(cr, x, pl->y);
		cairo_close_path(cr);
		set_rgb(cr, &pdf_red);
		cairo_fill(cr);
	}
	cairo_rectangle(cr, pl->x, pl->y, pl->w, pl->h);
	set_rgb(cr, &pdf_grey);
	cairo_set_line_width(cr, 0.5);
	cairo_stroke(cr);
	free(logged);
	free(red);
	x_ticks(pl);
}

/* A chart's title line and its plot area below it, height h. */
static void open_plot(struct plot *pl, struct pdf *p, const char *title, double h)
{
	double left = p->m + AXIS_W;

	pl->p = p;
	p->y += pdf_text(p, p->m, p->y, p->pw - 2 * p->m, F_BOLD, &pdf_ink, PANGO_ALIGN_LEFT,
			 false, title) + 8;
	pl->x = left;
	pl->y = p->y;
	pl->w = p->pw - p->m - LIMIT_W - left;
	pl->h = h;
	pl->per = chart_days_per_col(p->ndays, MAX_COLS);
	pl->cols = (p->ndays + pl->per - 1) / pl->per;
}

/* A dashed horizontal line at v, labelled right of the plot so that the
 * data never crosses the label. */
static void limit(struct plot *pl, double v, const struct rgb *c, const char *label)
{
	cairo_t *cr = pl->p->cr;
	double y = val_y(pl, v), dash[] = { 3, 2 };

	cairo_set_dash(cr, dash, 2, 0);
	cairo_move_to(cr, pl->x, y);
	cairo_line_to(cr, pl->x + pl->w, y);
	set_rgb(cr, c);
	cairo_set_line_width(cr, 0.8);
	cairo_stroke(cr);
	cairo_set_dash(cr, NULL, 0, 0);
	pdf_text(pl->p, pl->x + pl->w + 3, y - 5, LIMIT_W - 3, F_SMALL, c, PANGO_ALIGN_LEFT, true,
		 label);
}

void pdf_chart_clock(struct pdf *p, double height)
{
	const struct engine_params *par = &p->s->params;
	struct plot pl;
	double *v, *clot = NULL, hi = par->threshold_hours * 1.5;
	char a[24], caption[320];
	size_t c;
	bool pen = false;

	open_plot(&pl, p, "Rest clock, hours (highest of each column)", height);
	if (p->draw && (v = columns(&pl, SER_CLOCK, CHART_MAX))) {
		for (c = 0; c < pl.cols; c++)
			if (!isnan(v[c]) && v[c] > hi)
				hi = v[c];
		chart_axis_nice(0, hi, 4, &pl.ax);
		frame(&pl, " h");
		snprintf(a, sizeof a, "%g h", par->threshold_hours);
		limit(&pl, par->threshold_hours, &pdf_orange, a);
		/* Clot-risk days: a red strip along the bottom of the column. */
		if ((clot = columns(&pl, SER_CLOT, CHART_MAX))) {
			for (c = 0; c < pl.cols; c++)
				if (!isnan(clot[c]))
					cairo_rectangle(p->cr, col_x(&pl, c), pl.y + pl.h - 4,
							col_x(&pl, c + 1) - col_x(&pl, c), 4);
			set_rgb(p->cr, &pdf_red);
			cairo_fill(p->cr);
			free(clot);
		}
		for (c = 0; c < pl.cols; c++) {
			double x = (col_x(&pl, c) + col_x(&pl, c + 1)) / 2;
			if (isnan(v[c])) {
				pen = false;
				continue;
			}
			if (pen)
				cairo_line_to(p->cr, x, val_y(&pl, v[c]));
			else
				cairo_move_to(p->cr, x, val_y(&pl, v[c]));
			pen = true;
		}
		set_rgb(p->cr, &pdf_blue);
		cairo_set_line_width(p->cr, 1.4);
		cairo_set_line_join(p->cr, CAIRO_LINE_JOIN_ROUND);
		cairo_stroke(p->cr);
		free(v);
	}
	p->y += height + TICK_H + 4;
	snprintf(caption, sizeof caption,
		 "Dashed line: %g h, the guideline limit from which restwatch counts losses. "
		 "Red strip: clot-risk days (%g or more days in a row mostly in bed: a higher "
		 "chance of blood clots). Shaded: nothing logged. Red mark: a red-flag symptom.",
		 par->threshold_hours, par->clot_days);
	p->y += pdf_text(p, p->m, p->y, p->pw - 2 * p->m, F_SMALL, &pdf_grey, PANGO_ALIGN_LEFT,
			 false, caption) + 10;
}

void pdf_chart_pain(struct pdf *p, double height)
{
	struct plot pl;
	double *v;
	size_t c;

	open_plot(&pl, p, "Pain, 0 to 10 (mean of each column)", height);
	chart_axis_nice(0, 10, 2, &pl.ax);
	if (p->draw && (v = columns(&pl, SER_PAIN, CHART_MEAN))) {
		frame(&pl, "");
		for (c = 0; c < pl.cols; c++) {
			double x0 = col_x(&pl, c), w = col_x(&pl, c + 1) - x0, gap = w > 4 ? w * 0.15 : 0;
			if (isnan(v[c]))
				continue;
			/* Pain 0 is a thin bar on the axis: logged, unlike a gap. */
			if (v[c] < 0.05)
				cairo_rectangle(p->cr, x0 + gap, pl.y + pl.h - 1.2, w - 2 * gap, 1.2);
			else
				cairo_rectangle(p->cr, x0 + gap, val_y(&pl, v[c]), w - 2 * gap,
						pl.y + pl.h - val_y(&pl, v[c]));
			set_rgb(p->cr, &pdf_orange);
			cairo_fill(p->cr);
		}
		free(v);
	}
	p->y += height + TICK_H + 4;
	p->y += pdf_text(p, p->m, p->y, p->pw - 2 * p->m, F_SMALL, &pdf_grey, PANGO_ALIGN_LEFT,
			 false,
			 "A thin bar on the axis is pain 0; no bar is no pain logged.") + 10;
}
