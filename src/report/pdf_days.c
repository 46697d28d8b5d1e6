/* pdf_days.c - the PDF report's days and weeks: gathered on the summary's
 * walk, so that the charts and a long period's weekly rows need no walk of
 * their own, and their tables (src/report/pdf.c places them on the pages,
 * docs/formats.md, pdf). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "pdf_draw.h"

/* weeks.c's weeks kept for both runs over the pages (one pass over the
 * journal, not two). */
static int keep_week(void *ctx, const struct report_week *w)
{
	struct pdf *p = ctx;

	if (p->nweeks == p->weeks_cap) {
		size_t cap = p->weeks_cap ? 2 * p->weeks_cap : 64;
		struct report_week *n = realloc(p->weeks, cap * sizeof *n);
		if (!n)
			return RW_ENOMEM;
		p->weeks = n;
		p->weeks_cap = cap;
	}
	p->weeks[p->nweeks++] = *w;
	return 0;
}

/* The days of the period, for the charts, and a long period's weeks, made
 * on the summary's walk: room for them on its first day. */
static int gather_start(struct pdf *p, const struct report_summary *s)
{
	p->s = s;
	p->ndays = (size_t)(s->last - s->first) + 1;
	if (!(p->days = calloc(p->ndays, sizeof *p->days))) {
		p->out_of_memory = true;
		return RW_ENOMEM;
	}
	report_week_begin(&p->week_acc, s->first, keep_week, p);
	return 0;
}

/* One day of the summary's walk into p->days. */
int pdf_gather(void *ctx, const struct engine_proj *pr, const struct entry *en)
{
	struct report_run *run = ctx;
	struct pdf *p = run->state;
	struct pdf_day *d;

	if (!p->days && gather_start(p, run->s))
		return RW_ENOMEM;
	d = &p->days[pr->day - p->s->first];
	d->clock = (float)pr->rest_clock_hours;
	d->rest = en && en->has_rest ? (float)en->rest_hours : NAN;
	d->pain = en && en->pain != PAIN_UNSET ? (float)en->pain : NAN;
	d->act = pr->activity_minutes > 0 ? pr->activity_minutes : 0;
	d->logged = en != NULL;
	d->red = pr->red_flag;
	d->level = (unsigned char)pr->level;
	/* A long period's weeks in the same pass (keep_week can only fail
	 * for memory). */
	if (p->s->long_span && report_week_day(&p->week_acc, pr, en)) {
		p->out_of_memory = true;
		return RW_ENOMEM;
	}
	return 0;
}

/* The days table (spans up to REPORT_LONG_SPAN days). */
static const double day_x[] = { 0, 64, 90, 126, 168, 196, 238, 316, 370 };
static const bool day_right[] = { false, false, true, true, true, true, false, false, false };
static const char *const day_head[] = { "Date", "Day", "Rest h", "Act min", "Pain", "Clock h",
					"Level", "Muscle %", "Symptoms (! red flag) and note" };
static const struct pdf_table day_table = { 9, day_x, day_right, day_head, true };

static int day_row(void *ctx, const struct engine_proj *pr, const struct entry *en)
{
	struct pdf *p = ctx;
	struct report_cells c;
	char date[DATE_BUFSZ], clock[16], notes[SYMPTOMS_TEXT_MAX + NOTE_MAX + 64];
	const char *cell[9];
	size_t o = 0;
	int i;

	report_day_cells(pr, en, "-", "\xe2\x80\x93", &c);
	snprintf(clock, sizeof clock, "%.1f", pr->rest_clock_hours);
	notes[0] = '\0';
	for (i = 0; en && i < en->n_symptoms; i++)
		o += (size_t)snprintf(notes + o, sizeof notes - o, "%s%s%s", i ? ", " : "",
				      entry_symptom_is_red_flag(en->symptoms[i]) ? "!" : "",
				      en->symptoms[i]);
	if (en && en->note[0])
		snprintf(notes + o, sizeof notes - o, "%s%s", o ? "; " : "", en->note);
	if (!en)
		snprintf(notes, sizeof notes, "not logged");
	cell[0] = date_format(pr->day, date);
	cell[1] = date_weekday_name(pr->day);
	cell[2] = en ? c.rest : "";
	cell[3] = en ? c.act : "";
	cell[4] = en ? c.pain : "";
	cell[5] = clock;
	cell[6] = engine_level_name(pr->level);
	cell[7] = c.band[LOSS_MUSCLE];
	cell[8] = notes;
	pdf_table_row(p, &day_table, cell, F_BODY, pr->red_flag ? &pdf_red : en ? &pdf_ink : &pdf_grey);
	return 0;
}

static const double week_x[] = { 0, 64, 114, 176, 240, 292, 340, 402 };
static const bool week_right[] = { false, true, true, true, true, true, true, false };
static const char *const week_head[] = { "Week of", "Logged", "Mean rest h", "Activity min",
					 "Mean pain", "Max pain", "Max clock h", "Level reached" };
static const struct pdf_table week_table = { 8, week_x, week_right, week_head, false };

/* One row a week. */
static void week_row(struct pdf *p, const struct report_week *w)
{
	struct report_week_cells c;
	char date[DATE_BUFSZ];
	const char *cell[8];

	report_week_cells(w, "-", &c);
	cell[0] = date_format(w->from, date);
	cell[1] = c.logged;
	cell[2] = c.rest;
	cell[3] = c.act;
	cell[4] = c.pain;
	cell[5] = c.max_pain;
	cell[6] = c.clock;
	cell[7] = c.level;
	pdf_table_row(p, &week_table, cell, F_BODY, w->red ? &pdf_red : &pdf_ink);
}

/* Weeks from Monday to Sunday; the first and last may be short. */
void pdf_weeks(struct pdf *p)
{
	size_t i;

	pdf_heading(p, "Weeks", &pdf_ink);
	p->y += pdf_text(p, p->m, p->y, p->pw - 2 * p->m, F_SMALL, &pdf_grey, PANGO_ALIGN_LEFT, false,
			 "One row a week, Monday to Sunday. Level reached: the furthest level of "
			 "the week, and red flag when a red-flag symptom was logged.") + 4;
	pdf_table_head(p, &week_table);
	for (i = 0; i < p->nweeks; i++)
		week_row(p, &p->weeks[i]);
}

int pdf_days(struct pdf *p, struct journal *j, struct rw_error *e)
{
	pdf_heading(p, "Days", &pdf_ink);
	pdf_table_head(p, &day_table);
	return journal_each(j, p->s->first, p->s->last, 0, day_row, p, e);
}
