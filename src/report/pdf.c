/* pdf.c - the clinician's PDF report (docs/formats.md, PDF report): page
 * one is complete on its own (name, period, date written, red flags, the
 * summary, the charts, the first warnings).  A short period's days follow
 * on page one when their first rows fit, then on later pages; what page
 * one left out, and past 60 days one row a week, start page two.  Drawn
 * with cairo's PDF surface; text is set by pango, which falls back to
 * another installed font for a glyph the first one lacks. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "advice.h"
#include "pdf_draw.h"

#define ROW_H 11.5      /* a table row */
#define FOOT_H 16.0     /* the footer's band */
#define FIRST_FLAGS 5   /* red flags listed on page one */
#define FIRST_WARNINGS 3 /* other warnings listed on page one */
/* The charts' plot heights, and lower ones when that makes the whole
 * report one page. */
#define CLOCK_H 120.0
#define PAIN_H 64.0
#define CLOCK_H_COMPACT 48.0
#define PAIN_H_COMPACT 30.0
#define DAYS_FIRST_ROWS 3 /* day rows that must fit under page one */
#define DAYS_HEAD_H 24.0 /* the days' heading, above their table */

const struct rgb pdf_ink = { 0.07, 0.07, 0.07 }, pdf_grey = { 0.38, 0.38, 0.38 },
		 pdf_red = { 0.72, 0.05, 0.05 }, pdf_orange = { 0.80, 0.40, 0.00 },
		 pdf_blue = { 0.05, 0.30, 0.65 }, pdf_faint = { 0.92, 0.92, 0.92 };

static const char *const font_names[F_FONTS] = {
	[F_BODY] = "DejaVu Sans, Sans 9",
	[F_BOLD] = "DejaVu Sans, Sans Bold 9",
	[F_SMALL] = "DejaVu Sans, Sans 7.5",
	[F_TITLE] = "DejaVu Sans, Sans Bold 20",
	[F_HEAD] = "DejaVu Sans, Sans Bold 12",
};

/* The text width of the page. */
static double width(const struct pdf *p)
{
	return p->pw - 2 * p->m;
}

/* The footer of the page being left, then (when drawing) the next page. */
static void page_end(struct pdf *p)
{
	char text[200], date[DATE_BUFSZ], page[40];

	snprintf(text, sizeof text, "restwatch %s, written %s. Not medical advice.",
		 RESTWATCH_VERSION, date_format(p->o->today, date));
	snprintf(page, sizeof page, "page %d of %d", p->page, p->pages);
	pdf_text(p, p->m, p->ph - p->m + 4, width(p) * 0.75, F_SMALL, &pdf_grey, PANGO_ALIGN_LEFT,
		 true, text);
	pdf_text(p, p->m + width(p) * 0.75, p->ph - p->m + 4, width(p) * 0.25, F_SMALL, &pdf_grey,
		 PANGO_ALIGN_RIGHT, true, page);
	if (p->draw)
		cairo_show_page(p->cr);
}

/* A white page to draw on.  Beside the paper's own white, it makes the
 * page one region for cairo's analysis of what the PDF can hold, which
 * then joins each later cell's rectangle at once (a page of separate
 * cells costs a third of the time otherwise). */
static void page_start(struct pdf *p)
{
	if (!p->draw)
		return;
	cairo_set_source_rgb(p->cr, 1, 1, 1);
	cairo_rectangle(p->cr, 0, 0, p->pw, p->ph);
	cairo_fill(p->cr);
}

/* A later page: a running head with the name and period. */
static void page_next(struct pdf *p)
{
	char head[200], period[64];

	page_end(p);
	page_start(p);
	p->page++;
	p->y = p->m;
	report_period_text(p->s, period, sizeof period);
	snprintf(head, sizeof head, "%s%srestwatch history report, %s", p->o->name ? p->o->name : "",
		 p->o->name ? ": " : "", period);
	p->y += pdf_text(p, p->m, p->y, width(p), F_SMALL, &pdf_grey, PANGO_ALIGN_LEFT, true,
			 head) + 8;
}

/* Room for h more points on this page, or a new page. */
static bool page_full(const struct pdf *p, double h)
{
	return p->y + h > p->ph - p->m - FOOT_H + 12;
}

static void need(struct pdf *p, double h)
{
	if (page_full(p, h))
		page_next(p);
}

void pdf_heading(struct pdf *p, const char *text, const struct rgb *c)
{
	need(p, 40);
	p->y += pdf_text(p, p->m, p->y, width(p), F_HEAD, c, PANGO_ALIGN_LEFT, false, text) + 3;
}

/* "2026-02-23  text", the text wrapped beside the date. */
static void dated_line(struct pdf *p, rw_day day, const char *text, enum pdf_font font,
		       const struct rgb *c)
{
	char date[DATE_BUFSZ];
	bool draw = p->draw;
	double h;

	p->draw = false;
	h = pdf_text(p, p->m + 72, 0, width(p) - 72, font, c, PANGO_ALIGN_LEFT, false, text);
	p->draw = draw;
	need(p, h);
	pdf_text(p, p->m, p->y, 70, font, c, PANGO_ALIGN_LEFT, true, date_format(day, date));
	p->y += pdf_text(p, p->m + 72, p->y, width(p) - 72, font, c, PANGO_ALIGN_LEFT, false,
			 text) + 2;
}

/* The heading of a group of warnings: their episode. */
static void group_line(struct pdf *p, long episode)
{
	char text[200];
	bool draw = p->draw;
	double h;

	report_group_heading(p->s, episode, text, sizeof text);
	p->draw = false;
	h = pdf_text(p, p->m, 0, width(p), F_BOLD, &pdf_ink, PANGO_ALIGN_LEFT, false, text);
	p->draw = draw;
	need(p, h + 14);
	p->y += pdf_text(p, p->m, p->y, width(p), F_BOLD, &pdf_ink, PANGO_ALIGN_LEFT, false,
			 text) + 2;
}

/* Warnings of one kind (red flags, or the others grouped by episode), at
 * most max of them
 * (all when max is 0); returns how many were left out. */
static size_t warning_list(struct pdf *p, bool red, size_t max)
{
	const struct report_summary *s = p->s;
	char text[512];
	size_t i, shown = 0, left = 0;

	for (i = 0; i < s->n_warnings; i++) {
		const struct report_warning *w = &s->warnings[i];
		if ((w->kind == WARN_RED_FLAG) != red)
			continue;
		if (max && shown == max) {
			left++;
			continue;
		}
		if (report_group_starts(s, i))
			group_line(p, w->episode);
		report_warning_text(w, &s->params, text, sizeof text);
		dated_line(p, w->day, text, red ? F_BOLD : F_BODY, red ? &pdf_red : &pdf_ink);
		shown++;
	}
	return left;
}

static size_t count_warnings(const struct report_summary *s, bool red)
{
	size_t i, n = 0;
	for (i = 0; i < s->n_warnings; i++)
		n += (s->warnings[i].kind == WARN_RED_FLAG) == red;
	return n;
}

/* "and 3 more on page 2". */
static void more_line(struct pdf *p, size_t left, const char *what)
{
	char text[120];

	if (!left)
		return;
	snprintf(text, sizeof text, "and %zu more %s on page 2", left, what);
	p->y += pdf_text(p, p->m + 72, p->y, width(p) - 72, F_BODY, &pdf_grey, PANGO_ALIGN_LEFT,
			 false, text) + 2;
}

/* The summary's labelled lines, in the words every format shares. */
static void summary(struct pdf *p)
{
	struct report_line lines[REPORT_SUMMARY_LINES];
	int i;

	report_summary_lines(p->s, "\xe2\x80\x93", lines);
	pdf_heading(p, "Summary", &pdf_ink);
	for (i = 0; i < REPORT_SUMMARY_LINES; i++) {
		pdf_text(p, p->m, p->y, 92, F_BOLD, &pdf_ink, PANGO_ALIGN_LEFT, true, lines[i].label);
		p->y += pdf_text(p, p->m + 96, p->y, width(p) - 96, F_BODY, &pdf_ink,
				 PANGO_ALIGN_LEFT, false, lines[i].text) + 2;
	}
	p->y += 6;
}


#define FIRST_EPISODES 3 /* the latest episodes listed on page one */

static const double ep_x[] = { 0, 64, 128, 160, 204, 254, 310, 350, 410 };
static const bool ep_right[] = { false, false, true, true, true, false, true, true, false };
static const char *const ep_head[] = { "From", "To", "Days", "Clock h", "Bed", "Muscle %",
				       "Red", "Act min", "Pain" };
static const struct pdf_table ep_table = { 9, ep_x, ep_right, ep_head, false };

/* Episodes from..n-1 of the summary as table rows. */
static void episode_rows(struct pdf *p, size_t from)
{
	const struct report_summary *s = p->s;
	struct report_episode_cells c;
	size_t i;

	pdf_table_row(p, &ep_table, ep_head, F_BOLD, &pdf_ink);
	for (i = from; i < s->n_episodes; i++) {
		const char *cell[9];
		char start[DATE_BUFSZ + 8];
		report_episode_cells(&s->episodes[i], "-", "\xe2\x80\x93", &c);
		snprintf(start, sizeof start, "%s%s", s->episodes[i].began_before ? "<" : "", c.from);
		cell[0] = start;
		cell[1] = c.to;
		cell[2] = c.days;
		cell[3] = c.clock;
		cell[4] = c.bed;
		cell[5] = c.muscle;
		cell[6] = c.red;
		cell[7] = c.act;
		cell[8] = c.pain;
		pdf_table_row(p, &ep_table, cell, F_BODY,
			  s->episodes[i].red_flags ? &pdf_red : &pdf_ink);
	}
}

/* The latest episodes on page one; the rest on page two. */
static void episodes_first(struct pdf *p)
{
	size_t n = p->s->n_episodes, from = n > FIRST_EPISODES ? n - FIRST_EPISODES : 0;

	pdf_heading(p, "Rest episodes", &pdf_ink);
	if (!n) {
		p->y += pdf_text(p, p->m, p->y, width(p), F_BODY, &pdf_ink, PANGO_ALIGN_LEFT, false,
				 "None: the rest clock never ran.") + 6;
		return;
	}
	episode_rows(p, from);
	more_line(p, from, from == 1 ? "earlier episode" : "earlier episodes");
	p->y += 6;
}

/* Page one: everything a clinician needs, whatever follows. */
static void page_one(struct pdf *p)
{
	const struct report_summary *s = p->s;
	char line[200], period[64], date[DATE_BUFSZ];
	size_t left;

	p->page = 1;
	p->y = p->m;
	page_start(p);
	p->y += pdf_text(p, p->m, p->y, width(p), F_TITLE, &pdf_ink, PANGO_ALIGN_LEFT, true,
			 p->o->name ? p->o->name : "restwatch history report") + 2;
	snprintf(line, sizeof line, "%sPeriod %s. Written %s.",
		 p->o->name ? "restwatch history report. " : "",
		 report_period_text(s, period, sizeof period), date_format(p->o->today, date));
	p->y += pdf_text(p, p->m, p->y, width(p), F_BODY, &pdf_ink, PANGO_ALIGN_LEFT, false, line);
	p->y += pdf_text(p, p->m, p->y, width(p), F_SMALL, &pdf_grey, PANGO_ALIGN_LEFT, false,
			 advice_disclaimer) + 10;
	if (s->empty) {
		pdf_text(p, p->m, p->y, width(p), F_BODY, &pdf_ink, PANGO_ALIGN_LEFT, false,
			 "No days logged in this period.");
		return;
	}
	pdf_heading(p, "Red flags", &pdf_red);
	if (!count_warnings(s, true))
		p->y += pdf_text(p, p->m, p->y, width(p), F_BODY, &pdf_ink, PANGO_ALIGN_LEFT, false,
				 "No red-flag symptom was logged in this period.") + 2;
	left = warning_list(p, true, FIRST_FLAGS);
	more_line(p, left, left == 1 ? "red flag" : "red flags");
	p->y += 6;
	summary(p);
	episodes_first(p);
	pdf_chart_clock(p, p->compact ? CLOCK_H_COMPACT : CLOCK_H);
	pdf_chart_pain(p, p->compact ? PAIN_H_COMPACT : PAIN_H);
	pdf_heading(p, "Warnings", &pdf_ink);
	if (!count_warnings(s, false))
		p->y += pdf_text(p, p->m, p->y, width(p), F_BODY, &pdf_ink, PANGO_ALIGN_LEFT, false,
				 "None.") + 2;
	left = warning_list(p, false, FIRST_WARNINGS);
	more_line(p, left, left == 1 ? "warning" : "warnings");
}


/* One row; the last cell wraps (a day's symptoms and note), the others
 * are cut to their column.  Returns the row's height. */
double pdf_table_row(struct pdf *p, const struct pdf_table *t, const char *const *cell,
		     enum pdf_font font, const struct rgb *c)
{
	double last = p->m + t->x[t->n - 1], h = ROW_H;
	bool draw = p->draw;
	int i;

	if (t->wrap_last) {
		p->draw = false;
		h = pdf_text(p, last, p->y, p->pw - p->m - last, font, c, PANGO_ALIGN_LEFT, false,
			     cell[t->n - 1]);
		p->draw = draw;
		h = h > ROW_H ? h + 1.5 : ROW_H;
	}
	if (page_full(p, h)) {
		/* A new page starts with the table's head. */
		page_next(p);
		if (cell != t->head)
			pdf_table_row(p, t, t->head, F_BOLD, &pdf_ink);
	}
	for (i = 0; i < t->n; i++) {
		double x0 = p->m + t->x[i], x1 = i + 1 < t->n ? p->m + t->x[i + 1] - 4 : p->pw - p->m;
		pdf_text(p, x0, p->y, x1 - x0, font, c,
			 t->right[i] ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT,
			 !t->wrap_last || i + 1 < t->n, cell[i]);
	}
	p->y += h;
	return h;
}

void pdf_table_head(struct pdf *p, const struct pdf_table *t)
{
	need(p, 3 * ROW_H);
	pdf_table_row(p, t, t->head, F_BOLD, &pdf_ink);
}

/* Whether page one left out red flags, episodes or warnings, which page
 * two then lists in full ("and 3 more on page 2"). */
static bool page_one_left_out(const struct report_summary *s)
{
	return count_warnings(s, true) > FIRST_FLAGS || s->n_episodes > FIRST_EPISODES ||
	       count_warnings(s, false) > FIRST_WARNINGS;
}

/* The days of a short period right under page one's warnings when the
 * heading, the table's head and the first rows fit there (so a week or
 * two is one page), else from the top of page two. */
static void days_start(struct pdf *p)
{
	size_t first = p->ndays < DAYS_FIRST_ROWS ? p->ndays : DAYS_FIRST_ROWS;

	p->y += 6;
	need(p, DAYS_HEAD_H + (double)(1 + first) * ROW_H);
}

/* After page one: every red flag, episode and warning it left out, then
 * the days or, past 60 days, the weeks (docs/formats.md, pdf). */
static int later_pages(struct pdf *p, struct journal *j, struct rw_error *e)
{
	const struct report_summary *s = p->s;

	if (s->empty)
		return 0;
	if (p->ndays > REPORT_LONG_SPAN || page_one_left_out(s))
		page_next(p);
	else
		days_start(p);
	if (count_warnings(s, true) > FIRST_FLAGS) {
		pdf_heading(p, "All red flags", &pdf_red);
		warning_list(p, true, 0);
		p->y += 6;
	}
	if (s->n_episodes > FIRST_EPISODES) {
		pdf_heading(p, "All rest episodes", &pdf_ink);
		episode_rows(p, 0);
		p->y += 6;
	}
	if (count_warnings(s, false) > FIRST_WARNINGS) {
		pdf_heading(p, "All warnings", &pdf_ink);
		warning_list(p, false, 0);
		p->y += 6;
	}
	if (p->ndays > REPORT_LONG_SPAN) {
		pdf_weeks(p);
		return 0;
	}
	return pdf_days(p, j, e);
}

/* The whole document, measured (p->draw false) or drawn. */
static int document(struct pdf *p, struct journal *j, struct rw_error *e)
{
	int r;

	page_one(p);
	if ((r = later_pages(p, j, e)))
		return r;
	page_end(p);
	return 0;
}

static cairo_status_t write_out(void *closure, const unsigned char *data, unsigned int n)
{
	return fwrite(data, 1, n, closure) == n ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* The paper in points: A4 is 210 x 297 mm, Letter 8.5 x 11 in. */
static void paper_size(enum report_paper paper, double *w, double *h)
{
	*w = paper == PAPER_LETTER ? 612 : 595.28;
	*h = paper == PAPER_LETTER ? 792 : 841.89;
}

static void set_metadata(cairo_surface_t *surf, const struct pdf *p)
{
	char title[200], period[64];

	snprintf(title, sizeof title, "restwatch history report%s%s, %s", p->o->name ? ": " : "",
		 p->o->name ? p->o->name : "", report_period_text(p->s, period, sizeof period));
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_TITLE, title);
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATOR, "restwatch " RESTWATCH_VERSION);
}

/* Counts the pages (nothing drawn): with the charts lower when that
 * alone makes a short period's report one page (docs/formats.md, pdf). */
static int count_pages(struct pdf *p, struct journal *j, struct rw_error *e)
{
	int r;

	p->draw = false;
	p->compact = false;
	p->pages = 0;
	if ((r = document(p, j, e)) || p->page == 1 || p->ndays > REPORT_LONG_SPAN ||
	    page_one_left_out(p->s))
		return r;
	p->compact = true;
	if ((r = document(p, j, e)) || p->page == 1)
		return r;
	p->compact = false;
	return document(p, j, e);
}

/* Two runs of the same layout: the first counts the pages. */
static int render(struct pdf *p, FILE *f, struct journal *j, struct rw_error *e)
{
	cairo_surface_t *surf = cairo_pdf_surface_create_for_stream(write_out, f, p->pw, p->ph);
	cairo_font_options_t *fo = cairo_font_options_create();
	int i, r = 0;

	p->cr = cairo_create(surf);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	p->layout = pango_cairo_create_layout(p->cr);
	/* One pango unit a point, as on the PDF page (pango assumes 96 dpi). */
	pango_cairo_context_set_resolution(pango_layout_get_context(p->layout), 72);
	pango_cairo_context_set_font_options(pango_layout_get_context(p->layout), fo);
	pango_layout_context_changed(p->layout);
	for (i = 0; i < F_FONTS; i++)
		p->font[i] = pango_font_description_from_string(font_names[i]);
	set_metadata(surf, p);
	pdf_text_cache(p);
	if (!(r = count_pages(p, j, e))) {
		p->pages = p->page;
		p->draw = true;
		r = document(p, j, e);
	}
	pdf_text_free(p);
	for (i = 0; i < F_FONTS; i++)
		pango_font_description_free(p->font[i]);
	g_object_unref(p->layout);
	cairo_destroy(p->cr);
	cairo_surface_finish(surf);
	if (!r && cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS)
		r = rw_fail(e, RW_EIO, "pdf: %s", cairo_status_to_string(cairo_surface_status(surf)));
	cairo_surface_destroy(surf);
	cairo_font_options_destroy(fo);
	/* Let go of pango's fonts.  cairo's and fontconfig's own caches stay
	 * until the process ends: cairo_debug_reset_static_data() and
	 * FcFini() abort now and then when a cache entry is still referenced
	 * (about 1 run in 40), and the libraries' leak reports are suppressed
	 * in the sanitizer run instead (tests/lsan.supp). */
	pango_cairo_font_map_set_default(NULL);
	return r;
}

/* The libraries and the page (the days were gathered on the summary's
 * walk). */
static int begin(struct report_run *run, struct rw_error *e)
{
	struct pdf *p = run->state;
	int r;

	if ((r = pdf_api_load(e)))
		return r;
	p->s = run->s;
	p->o = run->o;
	p->m = 42;
	paper_size(run->o->paper, &p->pw, &p->ph);
	if (run->s->empty)
		p->ndays = 0;
	return 0;
}

/* The document, drawn once the days are gathered. */
static int end(struct report_run *run, int r, struct rw_error *e)
{
	struct pdf *p = run->state;

	if (!r && p->days && p->s->long_span && report_week_end(&p->week_acc))
		p->out_of_memory = true;
	if (p->out_of_memory)
		r = rw_fail(e, RW_ENOMEM, "out of memory");
	if (!r)
		r = render(p, run->f, run->j, e);
	free(p->weeks);
	free(p->days);
	return r;
}

const struct report_format report_pdf = {
	.name = "pdf", .ext = "pdf", .mime = "application/pdf", .binary = true, .summary = true,
	.day_in_summary = true, .state_size = sizeof(struct pdf), .begin = begin, .day = pdf_gather,
	.end = end,
};
