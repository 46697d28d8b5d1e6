/* weeks.c - a long period one row a week (docs/formats.md, long spans):
 * the days from Monday to Sunday gathered as they stream past, so that
 * text, Markdown, HTML and PDF show the same numbers for a week; and an
 * episode's cells, which every format shows the same way. */
#include <math.h>
#include <string.h>

#include "report.h"

int report_level_rank(enum engine_level level)
{
	switch (level) {
	case LEVEL_CLOT_RISK:
		return 4;
	case LEVEL_DECONDITIONING:
		return 3;
	case LEVEL_RESTING:
		return 2;
	case LEVEL_RECOVERING:
		return 1;
	case LEVEL_NONE:
	default:
		return 0;
	}
}

static void week_start(struct report_week *w, rw_day day)
{
	memset(w, 0, sizeof *w);
	w->from = w->to = day;
	w->max_pain = -1;
	w->level = LEVEL_NONE;
}

void report_week_begin(struct report_week_acc *a, rw_day first, report_week_fn fn, void *ctx)
{
	a->fn = fn;
	a->ctx = ctx;
	week_start(&a->w, first);
}

int report_week_end(struct report_week_acc *a)
{
	return a->w.days ? a->fn(a->ctx, &a->w) : 0;
}

static int week_day(void *ctx, const struct engine_proj *p, const struct entry *en)
{
	return report_week_day(ctx, p, en);
}

int report_week_day(struct report_week_acc *a, const struct engine_proj *p,
		    const struct entry *en)
{
	struct report_week *w = &a->w;
	int r;

	if (w->days && date_weekday(p->day) == 0) {
		if ((r = a->fn(a->ctx, w)))
			return r;
		week_start(w, p->day);
	}
	w->to = p->day;
	w->days++;
	if (p->rest_clock_hours > w->max_clock)
		w->max_clock = p->rest_clock_hours;
	if (report_level_rank(p->level) > report_level_rank(w->level))
		w->level = p->level;
	w->red |= p->red_flag;
	if (!en)
		return 0;
	w->logged++;
	w->act += p->activity_minutes > 0 ? p->activity_minutes : 0;
	if (en->has_rest) {
		w->rest_sum += en->rest_hours;
		w->rested++;
	}
	if (en->pain != PAIN_UNSET) {
		w->pain_sum += en->pain;
		w->pained++;
		if (en->pain > w->max_pain)
			w->max_pain = en->pain;
	}
	return 0;
}

int report_each_week(struct journal *j, rw_day first, rw_day last, report_week_fn fn,
		     void *ctx, struct rw_error *e)
{
	struct report_week_acc a;
	int r;

	report_week_begin(&a, first, fn, ctx);
	if ((r = journal_each(j, first, last, 0, week_day, &a, e)))
		return r;
	return report_week_end(&a);
}

void report_week_cells(const struct report_week *w, const char *none,
		       struct report_week_cells *c)
{
	snprintf(c->logged, sizeof c->logged, "%d of %d", w->logged, w->days);
	snprintf(c->rest, sizeof c->rest, "%s", none);
	snprintf(c->pain, sizeof c->pain, "%s", none);
	snprintf(c->max_pain, sizeof c->max_pain, "%s", none);
	if (w->rested)
		snprintf(c->rest, sizeof c->rest, "%.1f", w->rest_sum / w->rested);
	if (w->pained) {
		snprintf(c->pain, sizeof c->pain, "%.1f", w->pain_sum / w->pained);
		snprintf(c->max_pain, sizeof c->max_pain, "%d", w->max_pain);
	}
	snprintf(c->act, sizeof c->act, "%ld", w->act);
	snprintf(c->clock, sizeof c->clock, "%.0f", w->max_clock);
	snprintf(c->level, sizeof c->level, "%s%s", engine_level_name(w->level),
		 w->red ? ", red flag" : "");
}

rw_day report_days_from(const struct report_summary *s)
{
	rw_day recent = s->last - (REPORT_RECENT_DAYS - 1);

	return s->long_span && recent > s->first ? recent : s->first;
}

void report_episode_cells(const struct report_episode *ep, const char *none, const char *dash,
			  struct report_episode_cells *c)
{
	date_format(ep->from, c->from);
	date_format(ep->to, c->to);
	snprintf(c->days, sizeof c->days, "%ld", ep->days);
	snprintf(c->clock, sizeof c->clock, "%.0f", ep->peak_clock);
	snprintf(c->bed, sizeof c->bed, "%ld", ep->bed_days);
	if (ep->peak_loss[LOSS_MUSCLE][BAND_HIGH] > 0)
		report_band_text(LOSS_MUSCLE, ep->peak_loss[LOSS_MUSCLE][BAND_LOW],
				 ep->peak_loss[LOSS_MUSCLE][BAND_HIGH], dash, c->muscle,
				 sizeof c->muscle);
	else
		snprintf(c->muscle, sizeof c->muscle, "%s", none);
	snprintf(c->red, sizeof c->red, "%ld", ep->red_flags);
	snprintf(c->act, sizeof c->act, "%ld", ep->act);
	if (ep->pain_n)
		snprintf(c->pain, sizeof c->pain, "%.1f", ep->pain_sum / ep->pain_n);
	else
		snprintf(c->pain, sizeof c->pain, "%s", none);
}
