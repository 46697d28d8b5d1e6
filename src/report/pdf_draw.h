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

/* The rest-clock chart and the pain chart, from p->y; each advances p->y. */
void pdf_chart_clock(struct pdf *p, double height);
void pdf_chart_pain(struct pdf *p, double height);

extern const struct rgb pdf_ink, pdf_grey, pdf_red, pdf_orange, pdf_blue, pdf_faint;

#endif
