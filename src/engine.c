/* engine.c - the deconditioning engine of docs/model.md (version 2); pure.
 *
 * Everything is plain double arithmetic written in the order docs/model.md
 * states it, with no state beyond struct engine_state.  That is what makes
 * a run resumed from a stored projection (SQLite REAL is the same IEEE
 * double) give the very bits of a full run: the same operations on the same
 * inputs in the same order.
 */
#include "engine.h"

#include <stddef.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>

/* Order of the table; engine_param_ref maps each index to its field. */
enum {
	P_SLEEP,
	P_THRESHOLD,
	P_FULL_CREDIT,
	P_RECOVERY,
	P_BEDRIDDEN,
	P_CLOT_DAYS,
	P_CLOT_WATCH,
	P_GAP_HOLD,
	P_NUDGE_MINUTES,
	P_NUDGE_FROM,
	P_NUDGE_TO,
	P_RATE, /* rates, loss-major, low then high; then factors alike */
	P_FACTOR = P_RATE + LOSS_COUNT * BAND_COUNT,
	P_COUNT = P_FACTOR + LOSS_COUNT * BAND_COUNT
};

/* The ranges are docs/model.md's.  Each keeps the arithmetic meaningful:
 * b divides by 24 - S (so S stays at most 20), a divides by the full credit
 * (at least 1 min), u is a share of a day (0-1), and a rate of at most
 * 10 %/day with loss_days <= 1 never takes more than what remains.  The two
 * unloading bounds are checked against each other in engine_params_check. */
static const struct engine_param_info params[P_COUNT] = {
	{ "sleep_hours", 8, 0, 20, "h",
	  "hours in bed on a normal night, not counted as unloading",
	  "assumption: a normal night's sleep" },
	{ "threshold_hours", 48, 1, 240, "h",
	  "rest clock past which restwatch counts losses (the guideline limit, "
	  "not the moment losses begin)",
	  "Deyo 1986 (NEJM 315:1064); Malmivaara 1995 (NEJM 332:351)" },
	{ "full_credit_minutes", 180, 1, 1440, "min",
	  "activity minutes that count a day as fully upright (any kind counts the same)",
	  "assumption; Issekutz 1966: 3 h a day of quiet standing reduced "
	  "bed-rest calcium loss" },
	{ "recovery_unloading", 0.25, 0, 1, "",
	  "a day at or under this unloading (0-1) ends a rest episode",
	  "assumption" },
	{ "bedridden_unloading", 0.75, 0, 1, "",
	  "a day at or over this unloading (0-1) is a bedridden day "
	  "(about 20 h or more in bed with little activity)",
	  "assumption" },
	{ "clot_days", 3, 1, 30, "days",
	  "bedridden days in a row from which the blood-clot level shows",
	  "Padua (reduced mobility >= 3 days), Wells (bedridden > 3 days), "
	  "Caprini (confined to bed > 72 h)" },
	{ "clot_watch_days", 28, 0, 90, "days",
	  "days after a clot-risk day during which the signs of a clot stay in view",
	  "assumption: Wells counts bed rest within the last 4 weeks" },
	{ "gap_hold_days", 2, 0, 14, "days",
	  "unlogged days in a row that keep the rest clock where it was",
	  "assumption" },
	{ "nudge_minutes", 60, 1, 1440, "min",
	  "minutes lying down (down/up) after which restwatch nudges you to get up",
	  "not part of the engine; walk a little every few hours" },
	{ "nudge_from", 8, 0, 24, "h",
	  "hour of the day from which nudges may come (8 is 08:00)",
	  "not part of the engine: waking hours" },
	{ "nudge_to", 22, 0, 24, "h",
	  "hour of the day after which no nudge comes (22 is 22:00)",
	  "not part of the engine: waking hours" },
	{ "muscle_rate_low", 1.0, 0, 10, "%/day",
	  "muscle strength lost per day of rest past the threshold (low end of the range)",
	  "the article; early muscle-strength loss in immobilisation (Wall 2014)" },
	{ "muscle_rate_high", 1.5, 0, 10, "%/day",
	  "muscle strength lost per day of rest past the threshold (high end of the range)",
	  "the article; Wall 2014 (about 1.8 %/day in a cast); Berg 2007 found "
	  "about 0.6 in bed rest" },
	{ "cardio_rate_low", 0.3, 0, 10, "%/day",
	  "fitness (VO2max) lost per day of rest past the threshold (low end of the range)",
	  "Ried-Larsen 2017 (J Appl Physiol 123:790): pooled average" },
	{ "cardio_rate_high", 1.5, 0, 10, "%/day",
	  "fitness (VO2max) lost per day of rest past the threshold (high end of the range)",
	  "Convertino 1982 (Circulation 65:134): 15 % in 10 days, tested upright" },
	{ "bone_rate_low", 0.033, 0, 10, "%/day",
	  "lumbar bone density lost per day of rest past the threshold (low end of the range)",
	  "LeBlanc 1990 (J Bone Miner Res 5:843): lumbar spine" },
	{ "bone_rate_high", 0.129, 0, 10, "%/day",
	  "lumbar bone density lost per day of rest past the threshold (high end of the range)",
	  "Krølner & Toft 1983 (Clin Sci 64:537): back-pain patients" },
	{ "muscle_recovery_factor_low", 2, 0.1, 100, "x",
	  "muscle strength comes back over this many times the days lost (low end)",
	  "Suetta 2009; Vigelsø 2015 (with retraining)" },
	{ "muscle_recovery_factor_high", 3, 0.1, 100, "x",
	  "muscle strength comes back over this many times the days lost (high end)",
	  "Suetta 2009; Vigelsø 2015 (with retraining)" },
	{ "cardio_recovery_factor_low", 2, 0.1, 100, "x",
	  "fitness comes back over this many times the days lost (low end)",
	  "DeBusk 1983; Hedge 2023" },
	{ "cardio_recovery_factor_high", 3, 0.1, 100, "x",
	  "fitness comes back over this many times the days lost (high end)",
	  "DeBusk 1983; Hedge 2023" },
	{ "bone_recovery_factor_low", 4, 0.1, 100, "x",
	  "bone comes back over this many times the days lost (low end)",
	  "Krølner & Toft 1983; LeBlanc 1990 (may be incomplete)" },
	{ "bone_recovery_factor_high", 8, 0.1, 100, "x",
	  "bone comes back over this many times the days lost (high end)",
	  "Krølner & Toft 1983; LeBlanc 1990 (may be incomplete)" },
};

static const char *const loss_names[LOSS_COUNT] = { "muscle", "cardio", "bone" };

static const char *const level_names[] = {
	[LEVEL_NONE] = "none",
	[LEVEL_RESTING] = "resting",
	[LEVEL_DECONDITIONING] = "deconditioning",
	[LEVEL_CLOT_RISK] = "clot-risk",
	[LEVEL_RECOVERING] = "recovering",
};

#define N_LEVELS (sizeof level_names / sizeof level_names[0])

const struct engine_param_info *engine_param_table(size_t *n)
{
	if (n)
		*n = P_COUNT;
	return params;
}

const struct engine_param_info *engine_param_find(const char *name)
{
	size_t i;
	if (!name)
		return NULL;
	for (i = 0; i < P_COUNT; i++)
		if (strcmp(name, params[i].name) == 0)
			return &params[i];
	return NULL;
}

/* Index of info in the table, or -1.  Equality tests only, so a pointer
 * from elsewhere is refused without comparing unrelated addresses. */
static int param_index(const struct engine_param_info *info)
{
	int i;
	for (i = 0; i < P_COUNT; i++)
		if (info == &params[i])
			return i;
	return -1;
}

/* Byte offset in struct engine_params of the field for table entry i.
 * The rate and factor arrays are contiguous doubles, loss-major, in the
 * table's order. */
static size_t param_offset(int i)
{
	static const size_t scalar[P_RATE] = {
		offsetof(struct engine_params, sleep_hours),
		offsetof(struct engine_params, threshold_hours),
		offsetof(struct engine_params, full_credit_minutes),
		offsetof(struct engine_params, recovery_unloading),
		offsetof(struct engine_params, bedridden_unloading),
		offsetof(struct engine_params, clot_days),
		offsetof(struct engine_params, clot_watch_days),
		offsetof(struct engine_params, gap_hold_days),
		offsetof(struct engine_params, nudge_minutes),
		offsetof(struct engine_params, nudge_from),
		offsetof(struct engine_params, nudge_to),
	};
	if (i < P_RATE)
		return scalar[i];
	if (i < P_FACTOR)
		return offsetof(struct engine_params, rate) + (size_t)(i - P_RATE) * sizeof(double);
	return offsetof(struct engine_params, factor) + (size_t)(i - P_FACTOR) * sizeof(double);
}

double *engine_param_ref(struct engine_params *p, const struct engine_param_info *info)
{
	int i = param_index(info);
	return i < 0 ? NULL : (double *)(void *)((char *)p + param_offset(i));
}

double engine_param_get(const struct engine_params *p, const struct engine_param_info *info)
{
	int i = param_index(info);
	return i < 0 ? 0.0 : *(const double *)(const void *)((const char *)p + param_offset(i));
}

void engine_params_default(struct engine_params *p)
{
	size_t i;
	memset(p, 0, sizeof *p);
	for (i = 0; i < P_COUNT; i++)
		*engine_param_ref(p, &params[i]) = params[i].def;
}

int engine_params_check(const struct engine_params *p, struct rw_error *e)
{
	size_t i;
	int x;

	/* Written so that NaN fails too: every comparison with NaN is false. */
	for (i = 0; i < P_COUNT; i++) {
		double v = engine_param_get(p, &params[i]);
		if (!(v >= params[i].min && v <= params[i].max))
			return rw_fail(e, RW_EDATA, "%s: %g is outside %g to %g%s%s",
				       params[i].name, v, params[i].min, params[i].max,
				       params[i].unit[0] ? " " : "", params[i].unit);
	}
	/* The range above already keeps sleep under 24; this states the reason
	 * should the range ever widen. */
	if (!(p->sleep_hours < 24))
		return rw_fail(e, RW_EDATA, "sleep_hours: %g must be under 24 h",
			       p->sleep_hours);
	for (i = P_CLOT_DAYS; i <= P_GAP_HOLD; i++) {
		double v = engine_param_get(p, &params[i]);
		if (v != (double)(long)v)
			return rw_fail(e, RW_EDATA, "%s: %g is not a whole number of days",
				       params[i].name, v);
	}
	if (!(p->recovery_unloading < p->bedridden_unloading))
		return rw_fail(e, RW_EDATA,
			       "recovery_unloading: %g must be below bedridden_unloading (%g)",
			       p->recovery_unloading, p->bedridden_unloading);
	/* Rates must keep the range in order.  Factors are not ordered: the
	 * low and high ends come from different studies, and the arithmetic
	 * needs no order. */
	for (x = 0; x < LOSS_COUNT; x++)
		if (p->rate[x][BAND_LOW] > p->rate[x][BAND_HIGH])
			return rw_fail(e, RW_EDATA, "%s_rate_low: %g is above %s_rate_high (%g)",
				       loss_names[x], p->rate[x][BAND_LOW], loss_names[x],
				       p->rate[x][BAND_HIGH]);
	return 0;
}

const char *engine_level_name(enum engine_level level)
{
	return (unsigned)level < N_LEVELS ? level_names[level] : "?";
}

int engine_level_parse(const char *name, enum engine_level *level)
{
	size_t i;
	if (!name)
		return RW_EDATA;
	for (i = 0; i < N_LEVELS; i++) {
		if (strcmp(name, level_names[i]) == 0) {
			*level = (enum engine_level)i;
			return 0;
		}
	}
	return RW_EDATA;
}

static const char *const urgency_names[] = {
	[URGENCY_NONE] = "none",
	[URGENCY_URGENT] = "urgent",
	[URGENCY_EMERGENCY] = "emergency",
};

const char *engine_urgency_name(enum engine_urgency u)
{
	return (unsigned)u <= URGENCY_EMERGENCY ? urgency_names[u] : "?";
}

int engine_urgency_parse(const char *name, enum engine_urgency *u)
{
	int i;
	if (!name)
		return RW_EDATA;
	for (i = URGENCY_NONE; i <= URGENCY_EMERGENCY; i++) {
		if (strcmp(name, urgency_names[i]) == 0) {
			*u = (enum engine_urgency)i;
			return 0;
		}
	}
	return RW_EDATA;
}

/* docs/model.md: sums of fractions can land a hair off a boundary, so every
 * comparison of u and C allows this much. */
#define TOL 1e-9

void engine_state_init(struct engine_state *st)
{
	memset(st, 0, sizeof *st);
	st->since_clot = -1;
}

void engine_state_from_proj(struct engine_state *st, const struct engine_proj *proj)
{
	/* The projection holds exactly the carried state: copy, never recompute. */
	st->clock = proj->rest_clock_hours;
	st->bed = proj->bed_days;
	st->gap = proj->gap_days;
	st->since_clot = proj->since_clot;
	st->pain_run = proj->pain_days > 0;
	st->pain_start = st->pain_run ? proj->day - proj->pain_days + 1 : 0;
	memcpy(st->loss, proj->loss, sizeof st->loss);
}

bool engine_proj_held(const struct engine_proj *p)
{
	/* An unlogged stretch past gap_hold_days sets the clock to 0. */
	return !p->logged && p->rest_clock_hours > TOL;
}

static double dmax(double x, double y)
{
	return x > y ? x : y;
}

/* clamp(x, 0, 1); NaN (a corrupt row) counts as 0, i.e. no unloading. */
static double clamp01(double x)
{
	return x > 0 ? (x < 1 ? x : 1) : 0;
}

static enum engine_level level_of(const struct engine_params *p, const struct engine_state *st,
				  bool clot_risk)
{
	int x;

	if (clot_risk)
		return LEVEL_CLOT_RISK;
	if (st->clock > p->threshold_hours + TOL)
		return LEVEL_DECONDITIONING;
	if (st->clock > TOL)
		return LEVEL_RESTING;
	for (x = 0; x < LOSS_COUNT; x++)
		if (st->loss[x][BAND_HIGH] > 0)
			return LEVEL_RECOVERING;
	return LEVEL_NONE;
}

/* An ordinary day ends the episode and gives back rate / factor points. */
static void recover(const struct engine_params *p, struct engine_state *st)
{
	int x, k;

	st->clock = 0;
	st->bed = 0;
	for (x = 0; x < LOSS_COUNT; x++)
		for (k = 0; k < BAND_COUNT; k++) {
			double l = st->loss[x][k] - p->rate[x][k] / p->factor[x][k];
			st->loss[x][k] = l > 0 ? l : 0;
		}
}

/* A day in rest: the clock runs by 24 u hours, and only the hours past the
 * threshold cost anything, a loss compounding on what remains.  Returns
 * loss_days. */
static double unload(const struct engine_params *p, struct engine_state *st, double u)
{
	double prev = st->clock, loss_days = 0;
	int x, k;

	st->clock = prev + 24 * u;
	if (st->clock > p->threshold_hours + TOL)
		loss_days = (dmax(st->clock, p->threshold_hours) -
			     dmax(prev, p->threshold_hours)) / 24;
	for (x = 0; x < LOSS_COUNT && loss_days > 0; x++)
		for (k = 0; k < BAND_COUNT; k++) {
			/* What is kept today.  loss_days <= u <= 1, but rounding in
			 * C - C_prev can pass 1 by an ulp. */
			double keep = 1 - p->rate[x][k] / 100 * loss_days;
			if (keep < 0)
				keep = 0;
			st->loss[x][k] = 100 * (1 - (1 - st->loss[x][k] / 100) * keep);
		}
	st->bed = u >= p->bedridden_unloading - TOL ? st->bed + 1 : 0;
	return loss_days;
}

/* The day's unloading u = b (1 - a). */
static double unloading(const struct engine_params *p, const struct engine_day *day)
{
	double act = day->activity_minutes, r, b, a;

	if (day->has_rest) {
		r = day->rest_hours;
	} else {
		/* Rest hours not typed: a night's sleep plus the tracked hours,
		 * never more than the day leaves beside its activity. */
		r = p->sleep_hours + day->tracked_hours;
		if (r > 24 - act / 60)
			r = 24 - act / 60;
	}
	b = clamp01((r - p->sleep_hours) / (24 - p->sleep_hours));
	/* min(1, A / full); the floor at 0 only matters for a negative A, which
	 * validation never lets through. */
	a = clamp01(act / p->full_credit_minutes);
	return b * (1 - a);
}

static void pain_step(struct engine_state *st, const struct engine_day *day)
{
	if (day->pain == 0) {
		st->pain_run = false;
	} else if (day->pain > 0 && !st->pain_run) {
		st->pain_run = true;
		st->pain_start = day->day;
	}
}

void engine_step(const struct engine_params *p, struct engine_state *st,
		 const struct engine_day *day, rw_day gap_day, struct engine_proj *out)
{
	double loss_days = 0;
	bool clot_risk;

	memset(out, 0, sizeof *out);
	if (day) {
		double u = unloading(p, day);

		out->day = day->day;
		out->logged = true;
		out->has_rest = day->has_rest;
		out->rest_hours = day->rest_hours;
		out->activity_minutes = day->activity_minutes;
		out->urgency = day->urgency;
		out->red_flag = day->urgency != URGENCY_NONE;
		st->gap = 0;
		if (u <= p->recovery_unloading + TOL)
			recover(p, st);
		else
			loss_days = unload(p, st, u);
		pain_step(st, day);
	} else {
		out->day = gap_day;
		st->gap++;
		if (st->gap > p->gap_hold_days) {
			recover(p, st);
			st->pain_run = false;
		}
		/* else a held day: clock, bedridden run, losses and pain run
		 * stay as they were */
	}

	clot_risk = st->bed >= p->clot_days;
	if (clot_risk)
		st->since_clot = 0;
	else if (st->since_clot >= 0 && st->since_clot < INT_MAX)
		st->since_clot++;

	out->rest_clock_hours = st->clock;
	out->loss_days = loss_days;
	out->clot_risk = clot_risk;
	out->level = level_of(p, st, clot_risk);
	out->bed_days = st->bed;
	out->clot_watch = !clot_risk && st->since_clot >= 1 &&
			  st->since_clot <= p->clot_watch_days;
	out->pain_days = st->pain_run ? (int)(out->day - st->pain_start + 1) : 0;
	out->gap_days = st->gap;
	out->since_clot = st->since_clot;
	memcpy(out->loss, st->loss, sizeof out->loss);
}

size_t engine_span(const struct engine_day *days, size_t n)
{
	int64_t first, last;

	if (n == 0)
		return 0;
	first = days[0].day;
	last = days[n - 1].day;
	return last < first ? 0 : (size_t)(last - first + 1);
}

size_t engine_run(const struct engine_params *p, struct engine_state *st,
		  const struct engine_day *days, size_t n, struct engine_proj *out,
		  size_t out_cap)
{
	size_t span = engine_span(days, n), o = 0, i;

	/* Check everything before writing anything, so that a refusal leaves
	 * out and *st untouched.  Unordered days would overrun the span. */
	if (span == 0 || span > out_cap)
		return 0;
	for (i = 1; i < n; i++)
		if (days[i].day <= days[i - 1].day)
			return 0;

	for (i = 0; i < n; i++) {
		if (i > 0) {
			rw_day d;
			for (d = days[i - 1].day + 1; d < days[i].day; d++)
				engine_step(p, st, NULL, d, &out[o++]);
		}
		engine_step(p, st, &days[i], 0, &out[o++]);
	}
	return o;
}

int engine_forecast(const struct engine_params *p, const struct engine_proj *last,
		    const struct engine_day *like, int n, struct engine_proj *out)
{
	struct engine_state st;
	struct engine_day d = *like;
	int i;

	engine_state_from_proj(&st, last);
	d.urgency = URGENCY_NONE;
	for (i = 0; i < n && last->day + 1 + i <= date_max(); i++) {
		d.day = last->day + 1 + i;
		engine_step(p, &st, &d, 0, &out[i]);
		out[i].logged = false;
	}
	return i;
}
