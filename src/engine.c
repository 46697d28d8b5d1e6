/* engine.c - the deconditioning engine of ENGINE.md; pure.
 *
 * Everything is plain double arithmetic written in the order ENGINE.md
 * states it, with no state beyond struct engine_state.  That is what makes
 * a run resumed from a stored projection (SQLite REAL is the same IEEE
 * double) give the very bits of a full run: the same operations on the same
 * inputs in the same order.
 */
#include "engine.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Order of the table; engine_param_ref maps each index to its field. */
enum {
	P_SLEEP,
	P_THRESHOLD,
	P_CLOT,
	P_FULL_CREDIT,
	P_RECOVERY,
	P_RATE, /* rates, loss-major, low then high; then factors alike */
	P_FACTOR = P_RATE + LOSS_COUNT * BAND_COUNT,
	P_COUNT = P_FACTOR + LOSS_COUNT * BAND_COUNT
};

/* Ranges (inclusive), chosen so that every value in them keeps the
 * arithmetic meaningful:
 *  - sleep_hours 0-20: b divides by 24 - S, so 24 is a division by zero and
 *    near it one extra hour in bed would count as a whole day in bed; no
 *    normal night is longer than 20 h.
 *  - threshold_hours 0-8760 (a year); clot_hours 1-8760: at 0 the clock of
 *    an ordinary day (C = 0) would already be a clot risk.
 *  - full_credit_minutes 1-1440: a day's minutes, and A / 0 is undefined.
 *  - recovery_unloading 0-1: u is a share of a day.
 *  - rates 0-100 %/day: with loss_days <= 1 a day never takes more than
 *    what remains.
 *  - factors 0.1-100: recovery is rate / factor, so a factor must stay
 *    away from 0. */
static const struct engine_param_info params[P_COUNT] = {
	{ "sleep_hours", 8, 0, 20, "h",
	  "hours in bed on a normal night, not counted as unloading",
	  "a normal night's sleep" },
	{ "threshold_hours", 48, 0, 8760, "h",
	  "rest clock past which the losses start",
	  "the article: rest past 48 hours; Deyo 1986 (NEJM 315:1064): 2 vs 7 days of bed rest" },
	{ "clot_hours", 72, 1, 8760, "h",
	  "rest clock from which the blood-clot warning shows",
	  "Wells and Padua scores: bedridden >= 3 days" },
	{ "full_credit_minutes", 180, 1, 1440, "min",
	  "activity minutes that fully offset a day's unloading",
	  "Issekutz 1966: about 3 h a day upright offsets unloading" },
	{ "recovery_unloading", 0.25, 0, 1, "",
	  "a day at or under this unloading (0-1) ends the rest episode",
	  "restwatch default: a day mostly upright counts as ordinary" },
	{ "muscle_rate_low", 1.0, 0, 100, "%/day",
	  "back-muscle strength lost per day of rest past the threshold (low band)",
	  "the article: back muscles atrophy 1 to 1.5 %/day" },
	{ "muscle_rate_high", 1.5, 0, 100, "%/day",
	  "back-muscle strength lost per day of rest past the threshold (high band)",
	  "the article: back muscles atrophy 1 to 1.5 %/day" },
	{ "cardio_rate_low", 0.3, 0, 100, "%/day",
	  "cardio fitness (VO2max) lost per day of rest past the threshold (low band)",
	  "Ried-Larsen 2017 (J Appl Physiol 123:790)" },
	{ "cardio_rate_high", 1.5, 0, 100, "%/day",
	  "cardio fitness (VO2max) lost per day of rest past the threshold (high band)",
	  "Convertino 1982 (Circulation 65:134): 15 % in 10 days" },
	{ "bone_rate_low", 0.033, 0, 100, "%/day",
	  "lumbar bone density lost per day of rest past the threshold (low band)",
	  "LeBlanc 1990 (JBMR 5:843): lumbar spine" },
	{ "bone_rate_high", 0.129, 0, 100, "%/day",
	  "lumbar bone density lost per day of rest past the threshold (high band)",
	  "Krølner & Toft 1983 (Clin Sci 64:537): 0.9 %/week in back-pain patients" },
	{ "muscle_recovery_factor_low", 2, 0.1, 100, "x",
	  "muscle recovery takes this many times the days lost (low band)",
	  "Vigelsø 2015; Suetta 2009: recovery takes 2-3x the time lost" },
	{ "muscle_recovery_factor_high", 3, 0.1, 100, "x",
	  "muscle recovery takes this many times the days lost (high band)",
	  "Vigelsø 2015; Suetta 2009: recovery takes 2-3x the time lost" },
	{ "cardio_recovery_factor_low", 2, 0.1, 100, "x",
	  "cardio recovery takes this many times the days lost (low band)",
	  "Hedge 2023; DeBusk 1983" },
	{ "cardio_recovery_factor_high", 3, 0.1, 100, "x",
	  "cardio recovery takes this many times the days lost (high band)",
	  "Hedge 2023; DeBusk 1983" },
	{ "bone_recovery_factor_low", 4, 0.1, 100, "x",
	  "bone recovery takes this many times the days lost (low band)",
	  "Krølner & Toft 1983; LeBlanc 1990" },
	{ "bone_recovery_factor_high", 8, 0.1, 100, "x",
	  "bone recovery takes this many times the days lost (high band)",
	  "Krølner & Toft 1983; LeBlanc 1990" },
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
		offsetof(struct engine_params, clot_hours),
		offsetof(struct engine_params, full_credit_minutes),
		offsetof(struct engine_params, recovery_unloading),
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
	if (p->threshold_hours > p->clot_hours)
		return rw_fail(e, RW_EDATA,
			       "threshold_hours: %g is above clot_hours (%g); the clot warning "
			       "cannot start before the losses",
			       p->threshold_hours, p->clot_hours);
	/* Rates must keep the bands in order (low is the hopeful case).  Factors
	 * are not ordered: a low factor means a faster recovery, which is what
	 * the hopeful band may well want, and the arithmetic needs no order. */
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

void engine_state_init(struct engine_state *st)
{
	memset(st, 0, sizeof *st);
}

void engine_state_from_proj(struct engine_state *st, const struct engine_proj *proj)
{
	/* The projection holds exactly the carried state: copy, never recompute. */
	st->clock = proj->rest_clock_hours;
	memcpy(st->loss, proj->loss, sizeof st->loss);
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

static enum engine_level level_of(const struct engine_params *p, const struct engine_state *st)
{
	int x;

	if (st->clock >= p->clot_hours)
		return LEVEL_CLOT_RISK;
	if (st->clock > p->threshold_hours)
		return LEVEL_DECONDITIONING;
	if (st->clock > 0)
		return LEVEL_RESTING;
	for (x = 0; x < LOSS_COUNT; x++)
		if (st->loss[x][BAND_HIGH] > 0)
			return LEVEL_RECOVERING;
	return LEVEL_NONE;
}

void engine_step(const struct engine_params *p, struct engine_state *st,
		 const struct engine_day *day, rw_day gap_day, struct engine_proj *out)
{
	double r = p->sleep_hours, act = 0, b, a, u, loss_days = 0;
	int x, k;

	memset(out, 0, sizeof *out);
	if (day) {
		out->day = day->day;
		out->logged = true;
		out->has_rest = day->has_rest;
		out->rest_hours = day->rest_hours;
		out->activity_minutes = day->activity_minutes;
		out->red_flag = day->red_flag;
		if (day->has_rest)
			r = day->rest_hours;
		act = day->activity_minutes;
	} else {
		out->day = gap_day;
	}

	b = clamp01((r - p->sleep_hours) / (24 - p->sleep_hours));
	/* ENGINE.md's min(1, A / full); the floor at 0 only matters for a
	 * negative A, which validation never lets through. */
	a = clamp01(act / p->full_credit_minutes);
	u = b * (1 - a);

	if (u <= p->recovery_unloading) {
		/* An ordinary or active day ends the episode and gives back
		 * rate / factor points. */
		st->clock = 0;
		for (x = 0; x < LOSS_COUNT; x++)
			for (k = 0; k < BAND_COUNT; k++) {
				double l = st->loss[x][k] - p->rate[x][k] / p->factor[x][k];
				st->loss[x][k] = l > 0 ? l : 0;
			}
	} else {
		/* Only the hours past the threshold cost anything, and a loss
		 * compounds on what remains. */
		double prev = st->clock;
		st->clock = prev + 24 * u;
		loss_days = (dmax(st->clock, p->threshold_hours) -
			     dmax(prev, p->threshold_hours)) / 24;
		for (x = 0; x < LOSS_COUNT; x++)
			for (k = 0; k < BAND_COUNT; k++) {
				/* What is kept today.  loss_days <= u <= 1, but rounding
				 * in C - C_prev can pass 1 by an ulp; with a 100 %/day
				 * rate that would push a loss past 100. */
				double keep = 1 - p->rate[x][k] / 100 * loss_days;
				if (keep < 0)
					keep = 0;
				st->loss[x][k] = 100 * (1 - (1 - st->loss[x][k] / 100) * keep);
			}
	}

	out->rest_clock_hours = st->clock;
	out->loss_days = loss_days;
	out->level = level_of(p, st);
	out->clot_risk = st->clock >= p->clot_hours;
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

void engine_forecast(const struct engine_params *p, const struct engine_proj *last,
		     const struct engine_day *like, int n, struct engine_proj *out)
{
	struct engine_state st;
	struct engine_day d = *like;
	int i;

	engine_state_from_proj(&st, last);
	for (i = 0; i < n; i++) {
		d.day = last->day + 1 + i;
		engine_step(p, &st, &d, 0, &out[i]);
		out[i].logged = false;
	}
}
