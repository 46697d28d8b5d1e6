/* pdf_days.c - the PDF report's days and weeks (src/report/pdf.c draws
 * them): gathered on the summary's walk, so that the charts and a long
 * period's weekly rows need no walk of their own. */
#include <math.h>
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
