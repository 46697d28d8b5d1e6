/* pdf_draw.h - what the PDF report's files share (src/report/pdf*.c): the
 * page being drawn, text set with pango, and the days gathered for the
 * charts and the weekly rows.  Internal to the report module. */
#ifndef RESTWATCH_PDF_DRAW_H
#define RESTWATCH_PDF_DRAW_H

#include <stdbool.h>
#include <stddef.h>

#include "pdf_api.h"
#include "report.h"

/* One calendar day, as the charts and the weekly rows need it. */
struct pdf_day {
	float clock;      /* rest clock hours */
	float rest;       /* rest hours, NAN when not logged or unset */
	float pain;       /* NAN when not logged or unset */
	int act;          /* activity minutes */
	unsigned char logged, red;
	unsigned char level; /* enum engine_level */
};

enum pdf_font { F_BODY, F_BOLD, F_SMALL, F_TITLE, F_HEAD, F_FONTS };

struct rgb {
	double r, g, b;
};

/* The document being drawn.  With draw false nothing reaches the page:
 * the same code then only measures, so the page count is known before
 * page one says "page 1 of N". */
struct pdf {
	cairo_t *cr;
	PangoLayout *layout;
	PangoFontDescription *font[F_FONTS];
	double line_h[F_FONTS]; /* a line's height in each font, once measured */
	struct pdf_cached *cache; /* one-line cells already set (pdf.c) */
	bool draw;
	bool compact;        /* the charts lower, for one page (pdf.c) */
	double pw, ph;       /* the paper, in points */
	double m;            /* margin */
	double y;            /* where the next line goes */
	int page, pages;
	const struct report_summary *s;
	const struct report_opts *o;
	struct pdf_day *days; /* s->first .. s->last */
	size_t ndays;
	struct report_week *weeks; /* a long period's weeks, gathered once */
	size_t nweeks, weeks_cap;
	struct report_week_acc week_acc; /* gathering them, with the days */
	bool out_of_memory;       /* gathering them failed */
};

/* Set s in font from (x, y), wrapped to width w (w <= 0: one line as long
 * as it is; one_line: cut with an ellipsis at w).  align is PANGO_ALIGN_*.
 * Returns the height used; draws only when p->draw. */
double pdf_text(struct pdf *p, double x, double y, double w, enum pdf_font font,
		const struct rgb *c, PangoAlignment align, bool one_line, const char *s);

/* Keep the layouts and heights of the texts set, for reuse in both runs
 * over the pages (pdf_text works without, only slower), and let them go. */
void pdf_text_cache(struct pdf *p);
void pdf_text_free(struct pdf *p);

/* One day of the summary's walk (a journal_day_fn whose ctx is the struct
 * report_run) into the state's days and, for a long period, its weeks
 * (pdf_days.c); RW_ENOMEM with out_of_memory set when memory is short. */
int pdf_gather(void *ctx, const struct engine_proj *pr, const struct entry *en);

/* A table row: cells at the column edges x[], right-aligned where right. */
struct pdf_table {
	int n;
	const double *x;        /* left edge of each column, from the margin */
	const bool *right;
	const char *const *head;
	bool wrap_last;         /* the last cell wraps; the others are cut */
};

/* A heading, on a new page when less than its room and a line's is left
 * (pdf.c). */
void pdf_heading(struct pdf *p, const char *text, const struct rgb *c);

/* One row of t at p->y, on a new page under t's head again when it does
 * not fit (pdf.c); returns the row's height. */
double pdf_table_row(struct pdf *p, const struct pdf_table *t, const char *const *cell,
		     enum pdf_font font, const struct rgb *c);

/* t's head, with room for a row or two under it (pdf.c). */
void pdf_table_head(struct pdf *p, const struct pdf_table *t);

/* The days of the period under their heading, one row a day (pdf_days.c). */
int pdf_days(struct pdf *p, struct journal *j, struct rw_error *e);

/* Past 60 days: one row a week, under their heading (pdf_days.c). */
void pdf_weeks(struct pdf *p);

/* The rest-clock chart and the pain chart, from p->y; each advances p->y. */
void pdf_chart_clock(struct pdf *p, double height);
void pdf_chart_pain(struct pdf *p, double height);

extern const struct rgb pdf_ink, pdf_grey, pdf_red, pdf_orange, pdf_blue, pdf_faint;

#endif
