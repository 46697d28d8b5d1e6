/* summary.c - the numbers every report opens with, gathered in one pass. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "advice.h"
#include "report.h"

struct acc {
	struct report_summary *s;
	struct rw_error *e;
	long run_days;          /* current run of rest days */
	rw_day run_from;
	double run_peak;
	bool was_past, was_clot;
	double walk_first, walk_last, pain_first, pain_last;
	long week; /* days in the "first week" and in the "last week" */
	long first_from; /* where the first of them starts, days after s->first */
	size_t cap;
	size_t ep_cap;
	bool in_episode;
	journal_day_fn also;    /* a writer's own walk over the same days */
	void *also_ctx;
	bool running_before;    /* the rest clock ran on the day before the period */
};

/* The day before the period: where its rest clock and levels stood. */
static int day_before(void *ctx, const struct engine_proj *p, const struct entry *en)
{
	struct acc *a = ctx;

	(void)en;
	a->running_before = p->rest_clock_hours > 0;
	return 0;
}

/* A new episode from day p, in s->episodes. */
static int episode_open(struct acc *a, const struct engine_proj *p)
{
	struct report_summary *s = a->s;
	struct report_episode *ep;

	if (s->n_episodes == a->ep_cap) {
		size_t cap = a->ep_cap ? a->ep_cap * 2 : 8;
		struct report_episode *n = realloc(s->episodes, cap * sizeof *n);
		if (!n)
			return rw_fail(a->e, RW_ENOMEM, "out of memory");
		s->episodes = n;
		a->ep_cap = cap;
	}
	ep = &s->episodes[s->n_episodes++];
	memset(ep, 0, sizeof *ep);
	ep->from = p->day;
	ep->began_before = a->running_before && p->day == s->first;
	a->in_episode = true;
	return 0;
}

/* Day p inside the open episode. */
static void episode_day(struct acc *a, const struct engine_proj *p, const struct entry *en)
{
	struct report_episode *ep = &a->s->episodes[a->s->n_episodes - 1];
	int x, b;

	ep->to = p->day;
	ep->days++;
	if (p->rest_clock_hours > ep->peak_clock)
		ep->peak_clock = p->rest_clock_hours;
	for (x = 0; x < LOSS_COUNT; x++)
		for (b = 0; b < BAND_COUNT; b++)
			if (p->loss[x][b] > ep->peak_loss[x][b])
				ep->peak_loss[x][b] = p->loss[x][b];
	ep->red_flags += p->red_flag;
	if (!en)
		return;
	/* A logged day's bedridden run is counting only when that day was
	 * spent mostly in bed (docs/model.md). */
	ep->bed_days += p->bed_days > 0;
	ep->act += p->activity_minutes > 0 ? p->activity_minutes : 0;
	if (en->pain != PAIN_UNSET) {
		ep->pain_sum += en->pain;
		ep->pain_n++;
	}
}

static int add_warning(struct acc *a, rw_day day, enum warning_kind kind, const char *symptom,
		       double clock)
{
	struct report_summary *s = a->s;
	struct report_warning *w;

	if (s->n_warnings == a->cap) {
		size_t cap = a->cap ? a->cap * 2 : 16;
		struct report_warning *n = realloc(s->warnings, cap * sizeof *n);
		if (!n)
			return rw_fail(a->e, RW_ENOMEM, "out of memory");
		s->warnings = n;
		a->cap = cap;
	}
	w = &s->warnings[s->n_warnings++];
	memset(w, 0, sizeof *w);
	w->day = day;
	w->kind = kind;
	/* A limit passed before the period shows on its first day, saying so. */
	w->began_before = kind != WARN_RED_FLAG && a->running_before && day == s->first;
	w->rest_clock_hours = clock;
	if (symptom)
		snprintf(w->symptom, sizeof w->symptom, "%s", symptom);
	return 0;
}

static int walking_minutes(const struct entry *en)
{
	int i, m = 0;
	for (i = 0; en && i < en->n_activities; i++)
		if (en->activities[i].kind == ACT_WALKING)
			m += en->activities[i].minutes;
	return m;
}

/* Add the day's medications to the totals by name: a dose per list item,
 * a day per name. */
static void count_meds(struct report_summary *s, const struct entry *en)
{
	int i, k, d;

	for (i = 0; i < en->n_meds; i++) {
		for (k = 0; k < s->n_meds && strcmp(s->meds[k].name, en->meds[i].name); k++)
			;
		if (k == s->n_meds) {
			if (k == REPORT_MEDS) {
				s->meds_other++;
				continue;
			}
			memcpy(s->meds[k].name, en->meds[i].name, sizeof s->meds[k].name);
			s->n_meds++;
		}
		s->meds[k].doses++;
		for (d = 0; d < i && strcmp(en->meds[d].name, en->meds[i].name); d++)
			;
		if (d == i)
			s->meds[k].days++;
	}
}

static int visit(void *ctx, const struct engine_proj *p, const struct entry *en)
{
	struct acc *a = ctx;
	struct report_summary *s = a->s;
	const struct engine_params *par = &s->params;
	long idx = p->day - s->first - a->first_from, from_end = s->last - p->day;
	long week = a->week;
	int x, b, i, r;

	s->days++;
	if (en) {
		s->days_logged++;
		if (idx >= 0 && idx < week)
			s->walking_first_n++;
		if (from_end < week)
			s->walking_last_n++;
		for (i = 0; i < en->n_activities; i++) {
			s->activity_minutes[en->activities[i].kind] += en->activities[i].minutes;
			s->activity_sessions[en->activities[i].kind]++;
		}
		count_meds(s, en);
		for (i = 0; i < en->n_symptoms; i++)
			if (entry_symptom_is_red_flag(en->symptoms[i]) &&
			    (r = add_warning(a, p->day, WARN_RED_FLAG, en->symptoms[i],
					     p->rest_clock_hours)))
				return r;
	}

	/* Rest episodes and the warnings they brought. */
	if (p->rest_clock_hours > 0 && !a->in_episode && (r = episode_open(a, p)))
		return r;
	if (p->rest_clock_hours > 0)
		episode_day(a, p, en);
	else
		a->in_episode = false;
	if (p->rest_clock_hours > 0) {
		if (a->run_days++ == 0) {
			a->run_from = p->day;
			a->run_peak = 0;
		}
		if (p->rest_clock_hours > a->run_peak)
			a->run_peak = p->rest_clock_hours;
		if (a->run_days > s->longest_days) {
			s->longest_days = a->run_days;
			s->longest_began_before = a->running_before && a->run_from == s->first;
			s->longest_from = a->run_from;
			s->longest_to = p->day;
			s->longest_peak_clock = a->run_peak;
		}
	} else {
		a->run_days = 0;
	}
	{
		bool past = p->rest_clock_hours > par->threshold_hours;
		bool clot = p->clot_risk;
		if (past)
			s->days_past_threshold++;
		if (clot)
			s->days_clot_risk++;
		if (past && !a->was_past &&
		    (r = add_warning(a, p->day, WARN_DECONDITIONING, NULL, p->rest_clock_hours)))
			return r;
		if (clot && !a->was_clot &&
		    (r = add_warning(a, p->day, WARN_CLOT_RISK, NULL, p->rest_clock_hours)))
			return r;
		a->was_past = past;
		a->was_clot = clot;
	}

	for (x = 0; x < LOSS_COUNT; x++)
		for (b = 0; b < BAND_COUNT; b++)
			if (p->loss[x][b] > s->peak[x][b])
				s->peak[x][b] = p->loss[x][b];
	if (p->loss[LOSS_MUSCLE][BAND_HIGH] > 0 &&
	    p->loss[LOSS_MUSCLE][BAND_HIGH] >= s->peak[LOSS_MUSCLE][BAND_HIGH])
		s->peak_day = p->day;

	if (idx >= 0 && idx < week) {
		a->walk_first += walking_minutes(en);
		if (en && en->pain != PAIN_UNSET) {
			a->pain_first += en->pain;
			s->pain_first_n++;
		}
	}
	if (from_end < week) {
		a->walk_last += walking_minutes(en);
		if (en && en->pain != PAIN_UNSET) {
			a->pain_last += en->pain;
			s->pain_last_n++;
		}
	}
	s->current = *p;
	return a->also ? a->also(a->also_ctx, p, en) : 0;
}

/* Calendar days from `from` to `to`, the days after `until` left out (a
 * day after today cannot be logged, so it is not missing either). */
static long period_days(rw_day from, rw_day to, rw_day until)
{
	rw_day end = to < until ? to : until;
	return end >= from ? (long)(end - from) + 1 : 0;
}

/* Each warning's episode, the one whose days hold it: the warnings are
 * still in date order here, and so are the episodes. */
static void warning_episodes(struct report_summary *s)
{
	size_t i, k = 0;

	for (i = 0; i < s->n_warnings; i++) {
		struct report_warning *w = &s->warnings[i];
		while (k < s->n_episodes && s->episodes[k].to < w->day)
			k++;
		w->episode = k < s->n_episodes && s->episodes[k].from <= w->day ? (long)k : -1;
	}
}

/* 2 for an emergency red flag, 1 for an urgent one, 0 for the rest. */
static int warning_rank(const struct report_warning *w)
{
	if (w->kind != WARN_RED_FLAG)
		return 0;
	return entry_symptom_urgency(w->symptom) == URGENCY_EMERGENCY ? 2 : 1;
}

/* A red flag leads (docs/model.md, red flags): emergencies first, then
 * urgent ones, then the rest, each group in date order (a stable
 * insertion sort; the list is short). */
static void red_flags_first(struct report_summary *s)
{
	size_t i, k;

	for (i = 1; i < s->n_warnings; i++) {
		struct report_warning w = s->warnings[i];
		int rank = warning_rank(&w);
		for (k = i; k > 0 && warning_rank(&s->warnings[k - 1]) < rank; k--)
			s->warnings[k] = s->warnings[k - 1];
		s->warnings[k] = w;
	}
}

int report_summarize(struct journal *j, const struct report_opts *o,
		     struct report_summary *s, struct rw_error *e)
{
	return report_summarize_each(j, o, s, NULL, NULL, e);
}

struct report_walk {
	struct acc a;
	rw_day next; /* the first day not walked yet */
};

/* After the walk: the episodes of the warnings, red flags first, the
 * averages. */
static void summary_finish(struct report_summary *s, const struct acc *a)
{
	s->empty = s->days_logged == 0;
	warning_episodes(s);
	red_flags_first(s);
	s->days_missing = s->period_days - s->days_logged;
	s->week_days = a->week;
	if (s->walking_first_n)
		s->walking_first = a->walk_first / s->walking_first_n;
	if (s->walking_last_n)
		s->walking_last = a->walk_last / s->walking_last_n;
	if (s->pain_first_n)
		s->pain_first = a->pain_first / s->pain_first_n;
	if (s->pain_last_n)
		s->pain_last = a->pain_last / s->pain_last_n;
}

/* Everything but the walk over the days; fn rides on the walk. */
static int summarize_start(struct journal *j, const struct report_opts *o,
			   struct report_summary *s, journal_day_fn fn, void *ctx,
			   struct report_walk **walk, struct rw_error *e)
{
	struct acc a = { .s = s, .e = e, .also = fn, .also_ctx = ctx };
	rw_day first, last;
	bool found;
	long span;
	int r;

	*walk = NULL;
	memset(s, 0, sizeof *s);
	s->empty = true;
	s->pain_first = s->pain_last = s->walking_first = s->walking_last = NAN;
	if ((r = journal_params(j, &s->params, e)) ||
	    (r = journal_bounds(j, &first, &last, NULL, &found, e)))
		return r;
	if (!found)
		first = last = o->today;
	s->has_period = found || o->range.has_from || o->range.has_to;
	s->from = o->range.has_from ? o->range.from : first;
	/* "--from -30" asks for the days up to today, not up to the last one
	 * logged, so that the unlogged days at the end count as missing. */
	s->to = o->range.has_to ? o->range.to
		: o->range.has_from && o->today > last ? o->today : last;
	if (s->has_period)
		s->period_days = period_days(s->from, s->to, o->today > last ? o->today : last);
	s->days_missing = s->period_days;
	if (!found)
		return 0;
	s->first = s->from > first ? s->from : first;
	s->last = s->to < last ? s->to : last;
	if (s->first > s->last)
		return 0;
	/* Seven days each, or the two halves of a period shorter than two
	 * weeks, so that the first and the last never share a day; past
	 * REPORT_LONG_SPAN days the last four weeks against the four before
	 * them, not January of the first year against December of the last. */
	span = s->last - s->first + 1;
	s->long_span = span > REPORT_LONG_SPAN;
	a.week = s->long_span ? 28 : span >= 14 ? 7 : span / 2 > 0 ? span / 2 : 1;
	a.first_from = s->long_span ? span - 2 * a.week : 0;
	/* A period that starts inside an episode: its episode, its longest
	 * rest and a limit it had passed are marked as begun before. */
	if (s->first > first && (r = journal_each(j, s->first - 1, s->first - 1, 0, day_before,
						     &a, e))) {
		report_summary_free(s);
		return r;
	}
	if (!(*walk = malloc(sizeof **walk))) {
		report_summary_free(s);
		return rw_fail(e, RW_ENOMEM, "out of memory");
	}
	(*walk)->a = a;
	(*walk)->next = s->first;
	return 0;
}

int report_summarize_start(struct journal *j, const struct report_opts *o,
			   struct report_summary *s, struct report_walk **walk, struct rw_error *e)
{
	return summarize_start(j, o, s, NULL, NULL, walk, e);
}

int report_summarize_step(struct journal *j, struct report_walk *w, long days, bool *done,
			  struct rw_error *e)
{
	struct report_summary *s = w->a.s;
	rw_day to = days > 0 && w->next + (rw_day)days - 1 < s->last ? w->next + (rw_day)days - 1
								      : s->last;
	int r;

	*done = false;
	w->a.e = e;
	if ((r = journal_each(j, w->next, to, 0, visit, &w->a, e))) {
		report_summary_free(s);
		free(w);
		return r;
	}
	w->next = to + 1;
	if (w->next <= s->last)
		return 0;
	summary_finish(s, &w->a);
	free(w);
	*done = true;
	return 0;
}

void report_walk_free(struct report_walk *w)
{
	free(w);
}

void report_walk_progress(const struct report_walk *w, long *walked, long *of)
{
	*walked = (long)(w->next - w->a.s->first);
	*of = (long)(w->a.s->last - w->a.s->first + 1);
}

/* The whole period in one walk, for the reports. */
int report_summarize_each(struct journal *j, const struct report_opts *o,
			  struct report_summary *s, journal_day_fn fn, void *ctx,
			  struct rw_error *e)
{
	struct report_walk *w;
	bool done;
	int r = summarize_start(j, o, s, fn, ctx, &w, e);

	return r || !w ? r : report_summarize_step(j, w, 0, &done, e);
}

void report_summary_free(struct report_summary *s)
{
	free(s->warnings);
	s->warnings = NULL;
	s->n_warnings = 0;
	free(s->episodes);
	s->episodes = NULL;
	s->n_episodes = 0;
}

char *report_warning_text(const struct report_warning *w, const struct engine_params *p,
			  char *out, size_t n)
{
	char c[32];

	switch (w->kind) {
	case WARN_RED_FLAG:
		if (entry_symptom_urgency(w->symptom) == URGENCY_EMERGENCY)
			snprintf(out, n,
				 "red flag: %s - emergency: an emergency department now, or the local "
				 "emergency number (%s)",
				 w->symptom, advice_emergency_numbers);
		else
			snprintf(out, n, "red flag: %s - see a doctor the same day", w->symptom);
		break;
	case WARN_CLOT_RISK:
		snprintf(out, n,
			 "%g days in a row mostly in bed: a higher chance of blood clots; walk a "
			 "little every few hours, and see a doctor today for one swollen, painful, "
			 "warm or red leg; sudden breathlessness, chest pain or coughing blood is an "
			 "emergency (%s)",
			 p->clot_days, advice_emergency_numbers);
		break;
	case WARN_DECONDITIONING:
	default:
		snprintf(out, n,
			 "rest passed the %g h guideline limit (rest clock %s h): losses are counted "
			 "from here; get up and walk a little every few hours",
			 p->threshold_hours,
			 advice_hours(w->rest_clock_hours, p->threshold_hours, c, sizeof c));
		break;
	}
	if (w->began_before) {
		size_t len = strlen(out);
		snprintf(out + len, n > len ? n - len : 0, " (this began before the period)");
	}
	return out;
}

char *report_group_heading(const struct report_summary *s, long k, char *out, size_t n)
{
	const struct report_episode *ep;
	char d1[DATE_BUFSZ], d2[DATE_BUFSZ];
	size_t len;

	if (k < 0 || (size_t)k >= s->n_episodes) {
		snprintf(out, n, "Outside a rest episode");
		return out;
	}
	ep = &s->episodes[k];
	snprintf(out, n, "Rest episode %s%s to %s (%ld day%s%s", ep->began_before ? "from before " : "",
		 date_format(ep->from, d1), date_format(ep->to, d2), ep->days, ep->days == 1 ? "" : "s",
		 ep->began_before ? " in the period" : "");
	len = strlen(out);
	if (ep->red_flags && len < n)
		snprintf(out + len, n - len, ", %ld red-flag day%s", ep->red_flags,
			 ep->red_flags == 1 ? "" : "s");
	len = strlen(out);
	if (len < n)
		snprintf(out + len, n - len, ")");
	return out;
}

bool report_group_starts(const struct report_summary *s, size_t i)
{
	size_t k;

	if (s->warnings[i].kind == WARN_RED_FLAG)
		return false;
	for (k = i; k-- > 0;)
		if (s->warnings[k].kind != WARN_RED_FLAG)
			return s->warnings[k].episode != s->warnings[i].episode;
	return true;
}
