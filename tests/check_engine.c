/* check_engine.c - unit tests of the deconditioning engine (docs/model.md).
 *
 * The worked examples A-F to the 4 decimals docs/model.md prints, every
 * boundary the arithmetic has, and properties over many generated journals
 * (fixed-seed LCG, so a failure is reproducible): losses stay in [0, 100],
 * more rest never lowers a later loss, resuming from any projection equals
 * the full run bit for bit, and a forecast equals appending the days.
 */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "engine.h"
#include "check_main.h"

#define TOL4 0.00005 /* docs/model.md prints 4 decimals */
#define ck_assert_4(v, expected) ck_assert_double_eq_tol((v), (expected), TOL4)

#define MAXDAYS 2048

/* For checks inside loops that run millions of times: Check's own
 * ck_assert_* records a mark point with a system call on every success,
 * which made the properties take seconds; these only call into Check on
 * failure (the report still names this line). */
#define REQUIRE(c) \
	do { \
		if (!(c)) \
			ck_abort_msg("Assertion '%s' failed", #c); \
	} while (0)
#define REQUIRE_MSG(c, ...) \
	do { \
		if (!(c)) \
			ck_abort_msg(__VA_ARGS__); \
	} while (0)

/* ---- helpers ----------------------------------------------------------- */

static struct engine_day mkday(rw_day d, double rest, int act)
{
	struct engine_day x;
	memset(&x, 0, sizeof x);
	x.day = d;
	x.has_rest = true;
	x.rest_hours = rest;
	x.activity_minutes = act;
	x.pain = ENGINE_PAIN_UNSET;
	return x;
}

/* n consecutive days from d0, all (rest, act), appended at days[*n]. */
static void add_days(struct engine_day *days, size_t *n, rw_day d0, int count,
		     double rest, int act)
{
	int i;
	for (i = 0; i < count; i++) {
		days[*n] = mkday(d0 + (rw_day)*n, rest, act);
		(*n)++;
	}
}

/* Full run from the initial state; out holds MAXDAYS. */
static size_t run_with(const struct engine_params *p, const struct engine_day *days, size_t n,
		       struct engine_proj *out)
{
	struct engine_state st;
	size_t m;

	engine_state_init(&st);
	m = engine_run(p, &st, days, n, out, MAXDAYS);
	REQUIRE(m == engine_span(days, n));
	return m;
}

static size_t run_default(const struct engine_day *days, size_t n, struct engine_proj *out)
{
	struct engine_params p;
	engine_params_default(&p);
	return run_with(&p, days, n, out);
}

static void assert_losses(const struct engine_proj *pr, double ml, double mh, double cl,
			  double ch, double bl, double bh)
{
	ck_assert_4(pr->loss[LOSS_MUSCLE][BAND_LOW], ml);
	ck_assert_4(pr->loss[LOSS_MUSCLE][BAND_HIGH], mh);
	ck_assert_4(pr->loss[LOSS_CARDIO][BAND_LOW], cl);
	ck_assert_4(pr->loss[LOSS_CARDIO][BAND_HIGH], ch);
	ck_assert_4(pr->loss[LOSS_BONE][BAND_LOW], bl);
	ck_assert_4(pr->loss[LOSS_BONE][BAND_HIGH], bh);
}

static void assert_no_loss(const struct engine_proj *pr)
{
	int x, k;
	for (x = 0; x < LOSS_COUNT; x++)
		for (k = 0; k < BAND_COUNT; k++)
			ck_assert(pr->loss[x][k] == 0);
}

static bool same_double(double x, double y)
{
	return memcmp(&x, &y, sizeof x) == 0;
}

/* Every field equal, doubles bit for bit; logged only when with_logged. */
static bool same_proj(const struct engine_proj *a, const struct engine_proj *b, bool with_logged)
{
	int x, k;

	if (a->day != b->day || (with_logged && a->logged != b->logged) ||
	    a->has_rest != b->has_rest || !same_double(a->rest_hours, b->rest_hours) ||
	    a->activity_minutes != b->activity_minutes ||
	    !same_double(a->rest_clock_hours, b->rest_clock_hours) ||
	    !same_double(a->loss_days, b->loss_days) || a->level != b->level ||
	    a->clot_risk != b->clot_risk || a->red_flag != b->red_flag ||
	    a->bed_days != b->bed_days || a->urgency != b->urgency ||
	    a->clot_watch != b->clot_watch || a->pain_days != b->pain_days ||
	    a->gap_days != b->gap_days || a->since_clot != b->since_clot)
		return false;
	for (x = 0; x < LOSS_COUNT; x++)
		for (k = 0; k < BAND_COUNT; k++)
			if (!same_double(a->loss[x][k], b->loss[x][k]))
				return false;
	return true;
}

/* A 64-bit LCG (Knuth's MMIX constants); the top bits are good enough. */
struct rng {
	uint64_t s;
};

static uint32_t rnd(struct rng *r)
{
	r->s = r->s * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(r->s >> 33);
}

static uint32_t below(struct rng *r, uint32_t n)
{
	return rnd(r) % n;
}

/* Uniform in [0, 1). */
static double unit(struct rng *r)
{
	return rnd(r) / 2147483648.0;
}

/* Valid random parameters: each within the table's range and the rules of
 * engine_params_check, rates up to the 10 %/day the table allows. */
static void random_params(struct rng *r, struct engine_params *p)
{
	int x;

	p->sleep_hours = unit(r) * 20;
	p->threshold_hours = 1 + unit(r) * 239;
	p->full_credit_minutes = 1 + below(r, 1440);
	p->recovery_unloading = unit(r) * 0.9;
	p->bedridden_unloading = p->recovery_unloading + 0.01 +
				 unit(r) * (0.99 - p->recovery_unloading);
	p->clot_days = 1 + below(r, 30);
	p->clot_watch_days = below(r, 91);
	p->gap_hold_days = below(r, 15);
	for (x = 0; x < LOSS_COUNT; x++) {
		p->rate[x][BAND_HIGH] = below(r, 4) == 0 ? 10 : unit(r) * 10;
		p->rate[x][BAND_LOW] = p->rate[x][BAND_HIGH] * unit(r);
		p->factor[x][BAND_LOW] = 0.1 + unit(r) * 20;
		p->factor[x][BAND_HIGH] = 0.1 + unit(r) * 20;
	}
}

/* A random but valid journal: 1-120 logged days, ascending, with gaps, bed
 * episodes and active spells, R + A/60 <= 24.  Returns the day count. */
static size_t random_journal(struct rng *r, const struct engine_params *p,
			     struct engine_day *days)
{
	size_t n = 1 + below(r, 120), i;
	rw_day d = date_from_ymd(2020, 1, 1) + (rw_day)below(r, 2000);
	bool bed = below(r, 2) == 0;

	for (i = 0; i < n; i++) {
		struct engine_day *x = &days[i];
		double rest;
		int maxact, act;

		if (i > 0)
			d += 1 + (below(r, 6) == 0 ? (rw_day)(1 + below(r, 5)) : 0);
		if (below(r, 7) == 0)
			bed = !bed;
		if (bed) {
			switch (below(r, 4)) {
			case 0: rest = 24; break;
			case 1: rest = 20; break;
			case 2: rest = 16 + unit(r) * 8; break;
			default: rest = 23.5; break;
			}
		} else {
			switch (below(r, 5)) {
			case 0: rest = p->sleep_hours; break;
			case 1: rest = 12; break;
			case 2: rest = (double)below(r, 97) / 4; break;
			default: rest = unit(r) * 24; break;
			}
		}
		maxact = (int)((24 - rest) * 60);
		if (maxact > 1440)
			maxact = 1440;
		if (bed)
			act = below(r, 3) == 0 ? (int)below(r, (uint32_t)(maxact < 120 ? maxact : 120) + 1) : 0;
		else
			act = below(r, 3) == 0 ? 0 : (int)below(r, (uint32_t)maxact + 1);
		*x = mkday(d, rest, act);
		if (below(r, 10) == 0) {
			/* A day with only pain or a note: no rest hours. */
			x->has_rest = false;
			x->rest_hours = 0;
			if (x->activity_minutes > 960)
				x->activity_minutes = 960;
		}
		x->urgency = below(r, 20) == 0 ? (enum engine_urgency)(1 + below(r, 2))
					       : URGENCY_NONE;
		x->pain = below(r, 3) == 0 ? ENGINE_PAIN_UNSET : (int)below(r, 11);
	}
	return n;
}

/* The parameters of journal number j: every fourth gets random ones. */
static void journal_params(struct rng *r, int j, struct engine_params *p)
{
	engine_params_default(p);
	if (j % 4 == 3) {
		random_params(r, p);
		REQUIRE(engine_params_check(p, NULL) == 0);
	}
}

#define N_JOURNALS 500

static struct engine_day g_days[MAXDAYS], g_days2[MAXDAYS];
static struct engine_proj g_full[MAXDAYS], g_part[MAXDAYS], g_fc[MAXDAYS];

/* ---- the worked examples of docs/model.md ----------------------------- */

START_TEST(example_a_five_days_in_bed)
{
	struct engine_day days[8];
	struct engine_proj out[8];
	static const double clock[] = { 24, 48, 72, 96, 120 };
	static const double ld[] = { 0, 0, 1, 1, 1 };
	static const enum engine_level lv[] = { LEVEL_RESTING, LEVEL_RESTING, LEVEL_CLOT_RISK,
						LEVEL_CLOT_RISK, LEVEL_CLOT_RISK };
	size_t n = 0, i;

	add_days(days, &n, 1000, 5, 24, 0);
	ck_assert_uint_eq(run_default(days, n, out), 5);
	for (i = 0; i < 5; i++) {
		ck_assert_4(out[i].rest_clock_hours, clock[i]);
		ck_assert_4(out[i].loss_days, ld[i]);
		ck_assert_int_eq(out[i].level, lv[i]);
		ck_assert(out[i].logged);
		ck_assert_int_eq(out[i].day, 1000 + (int)i);
	}
	ck_assert(!out[1].clot_risk);
	ck_assert(out[2].clot_risk);
	assert_losses(&out[4], 2.9701, 4.4328, 0.8973, 4.4328, 0.0990, 0.3865);
}
END_TEST

START_TEST(example_b_partial_rest_short_walk)
{
	struct engine_day days[8];
	struct engine_proj out[8];
	static const double clock[] = { 10.6667, 21.3333, 32, 42.6667, 53.3333, 64 };
	static const double ld[] = { 0, 0, 0, 0, 0.2222, 0.4444 };
	size_t n = 0, i;

	add_days(days, &n, 0, 6, 16, 20);
	ck_assert_uint_eq(run_default(days, n, out), 6);
	for (i = 0; i < 6; i++) {
		ck_assert_4(out[i].rest_clock_hours, clock[i]);
		ck_assert_4(out[i].loss_days, ld[i]);
		ck_assert_int_eq(out[i].level, i < 4 ? LEVEL_RESTING : LEVEL_DECONDITIONING);
		ck_assert(!out[i].clot_risk);
	}
	/* u = 4/9 exactly as docs/model.md says: C grows 24 * 4/9 a day. */
	ck_assert_double_eq_tol(out[0].rest_clock_hours, 24.0 * 4 / 9, 1e-12);
	assert_no_loss(&out[3]);
	assert_losses(&out[5], 0.6657, 0.9978, 0.1999, 0.9978, 0.0220, 0.0860);
}
END_TEST

START_TEST(example_c_bed_then_ordinary)
{
	struct engine_day days[12];
	struct engine_proj out[12];
	size_t n = 0, i;

	add_days(days, &n, 500, 6, 24, 0);
	add_days(days, &n, 500, 4, 8, 60);
	ck_assert_uint_eq(run_default(days, n, out), 10);
	assert_losses(&out[5], 3.9404, 5.8663, 1.1946, 5.8663, 0.1319, 0.5150);
	assert_losses(&out[9], 1.9404, 3.8663, 0.5946, 3.8663, 0.0989, 0.4505);
	for (i = 0; i < 10; i++) {
		enum engine_level want = i < 2 ? LEVEL_RESTING :
					 i < 6 ? LEVEL_CLOT_RISK : LEVEL_RECOVERING;
		ck_assert_int_eq(out[i].level, want);
		if (i >= 6) {
			ck_assert(out[i].rest_clock_hours == 0);
			ck_assert(out[i].loss_days == 0);
			ck_assert(!out[i].clot_risk);
			ck_assert(out[i].clot_watch);
			ck_assert_int_eq(out[i].bed_days, 0);
		} else {
			ck_assert(!out[i].clot_watch);
			ck_assert_int_eq(out[i].bed_days, (int)i + 1);
		}
	}
	ck_assert_4(out[5].rest_clock_hours, 144);
}
END_TEST

START_TEST(example_d_water_therapy_ends_episode)
{
	struct engine_day days[8];
	struct engine_proj out[8];
	static const double clock[] = { 18, 36, 54, 63, 0 };
	static const enum engine_level lv[] = { LEVEL_RESTING, LEVEL_RESTING,
						LEVEL_CLOT_RISK, LEVEL_DECONDITIONING,
						LEVEL_RECOVERING };
	size_t n = 0, i;

	add_days(days, &n, 0, 3, 20, 0);
	add_days(days, &n, 0, 1, 20, 90);
	add_days(days, &n, 0, 1, 20, 180);
	ck_assert_uint_eq(run_default(days, n, out), 5);
	for (i = 0; i < 5; i++) {
		ck_assert_4(out[i].rest_clock_hours, clock[i]);
		ck_assert_int_eq(out[i].level, lv[i]);
	}
	/* u = 0.75 on d0-d2: three bedridden days, d2 clot-risk at C = 54 */
	ck_assert_int_eq(out[0].bed_days, 1);
	ck_assert_int_eq(out[2].bed_days, 3);
	ck_assert(out[2].clot_risk);
	ck_assert_int_eq(out[2].level, LEVEL_CLOT_RISK);
	ck_assert_int_eq(out[3].bed_days, 0);
	ck_assert(out[3].clot_watch && out[4].clot_watch);
	ck_assert(out[4].rest_clock_hours == 0);
	ck_assert(out[4].loss_days == 0);
	ck_assert_4(out[3].loss[LOSS_MUSCLE][BAND_LOW], 0.6241);
	ck_assert_4(out[3].loss[LOSS_MUSCLE][BAND_HIGH], 0.9354);
	assert_losses(&out[4], 0.1241, 0.4354, 0.0374, 0.4354, 0.0124, 0.0645);
}
END_TEST

START_TEST(example_e_missed_day_inside_a_week_in_bed)
{
	struct engine_day days[4];
	struct engine_proj out[8];

	days[0] = mkday(0, 24, 0);
	days[1] = mkday(1, 24, 0);
	days[2] = mkday(3, 24, 0);
	days[3] = mkday(4, 24, 0);
	ck_assert_uint_eq(run_default(days, 4, out), 5);
	/* d2 is held: clock and bedridden run stand where they were */
	ck_assert(!out[2].logged);
	ck_assert(out[2].rest_clock_hours == 48);
	ck_assert_int_eq(out[2].bed_days, 2);
	ck_assert_int_eq(out[2].level, LEVEL_RESTING);
	ck_assert(engine_proj_held(&out[2]));
	ck_assert(!engine_proj_held(&out[1]));
	ck_assert(out[3].rest_clock_hours == 72);
	ck_assert_int_eq(out[3].bed_days, 3);
	ck_assert_int_eq(out[3].level, LEVEL_CLOT_RISK);
	ck_assert(out[4].rest_clock_hours == 96);
	assert_losses(&out[4], 1.9900, 2.9775, 0.5991, 2.9775, 0.0660, 0.2578);
}
END_TEST

START_TEST(example_f_long_gap_red_flags_and_pain)
{
	struct engine_day days[8];
	struct engine_proj out[8];
	static const int pain_days[] = { 1, 2, 3, 4, 5, 0, 1, 2 };
	static const enum engine_urgency urg[] = { URGENCY_NONE, URGENCY_URGENT,
						   URGENCY_EMERGENCY, URGENCY_NONE,
						   URGENCY_NONE, URGENCY_NONE,
						   URGENCY_NONE, URGENCY_NONE };
	int i;

	days[0] = mkday(0, 24, 0);
	days[0].pain = 6;
	days[1] = mkday(1, 24, 0);
	days[1].pain = 6;
	days[1].urgency = URGENCY_URGENT;
	days[2] = mkday(2, 24, 0);
	days[2].pain = 5;
	days[2].urgency = URGENCY_EMERGENCY;
	days[3] = mkday(6, 8, 0);
	days[3].pain = 4;
	days[4] = mkday(7, 8, 30);
	ck_assert_uint_eq(run_default(days, 5, out), 8);
	for (i = 0; i < 8; i++) {
		ck_assert_int_eq(out[i].pain_days, pain_days[i]);
		ck_assert_int_eq(out[i].urgency, urg[i]);
		ck_assert(out[i].red_flag == (urg[i] != URGENCY_NONE));
	}
	for (i = 3; i <= 4; i++) {
		ck_assert(!out[i].logged);
		ck_assert(out[i].rest_clock_hours == 72);
		ck_assert_int_eq(out[i].level, LEVEL_CLOT_RISK);
		ck_assert(!out[i].clot_watch);
	}
	/* d5, the third unlogged day, is ordinary */
	ck_assert(out[5].rest_clock_hours == 0);
	ck_assert_int_eq(out[5].bed_days, 0);
	ck_assert_int_eq(out[5].level, LEVEL_RECOVERING);
	ck_assert(out[5].clot_watch);
	ck_assert_4(out[5].loss[LOSS_MUSCLE][BAND_LOW], 0.5);
	ck_assert_4(out[5].loss[LOSS_MUSCLE][BAND_HIGH], 1.0);
	assert_losses(&out[7], 0, 0, 0, 0, 0.0083, 0.0806);
	ck_assert(out[7].clot_watch);
}
END_TEST

START_TEST(clot_watch_lasts_clot_watch_days)
{
	struct engine_day days[64];
	struct engine_proj out[64];
	size_t n = 0, i;

	add_days(days, &n, 0, 3, 24, 0);  /* d2 clot-risk */
	add_days(days, &n, 0, 40, 8, 60);
	run_default(days, n, out);
	for (i = 3; i < n; i++)
		ck_assert(out[i].clot_watch == (i - 2 <= 28));
	ck_assert_int_eq(out[30].since_clot, 28);
	/* before any clot-risk day there is nothing to watch */
	n = 0;
	add_days(days, &n, 0, 5, 8, 0);
	run_default(days, n, out);
	for (i = 0; i < n; i++) {
		ck_assert(!out[i].clot_watch);
		ck_assert_int_eq(out[i].since_clot, -1);
	}
}
END_TEST

START_TEST(partial_days_never_reach_clot_risk)
{
	struct engine_day days[16];
	struct engine_proj out[16];
	size_t n = 0, i;

	/* 16 h in bed with a 10-minute walk: u = 0.5 * (1 - 10/180) < 0.75.
	 * Version 1 called day 7 clot-risk from the hours added up. */
	add_days(days, &n, 0, 10, 16, 10);
	run_default(days, n, out);
	for (i = 0; i < n; i++) {
		ck_assert(!out[i].clot_risk);
		ck_assert_int_eq(out[i].bed_days, 0);
	}
	ck_assert_int_eq(out[9].level, LEVEL_DECONDITIONING);
}
END_TEST

START_TEST(tolerance_at_48_hours)
{
	struct engine_day days[8];
	struct engine_proj out[8];
	size_t n = 0;

	/* five days of (16, 36): C = 48.00000000000001 in doubles */
	add_days(days, &n, 0, 5, 16, 36);
	run_default(days, n, out);
	ck_assert(out[4].rest_clock_hours > 48);
	ck_assert_int_eq(out[4].level, LEVEL_RESTING);
	ck_assert(out[4].loss_days == 0);
	assert_no_loss(&out[4]);
}
END_TEST

START_TEST(tracked_hours_count_when_rest_is_not_typed)
{
	struct engine_day days[4];
	struct engine_proj out[4];

	days[0] = mkday(0, 0, 0);
	days[0].has_rest = false;
	days[0].tracked_hours = 16; /* R = 8 + 16 = 24 */
	days[1] = mkday(1, 0, 120);
	days[1].has_rest = false;
	days[1].tracked_hours = 16; /* R = min(24 - 2, 24) = 22 */
	days[2] = mkday(2, 14, 0);
	days[2].tracked_hours = 16; /* typed rest wins: R = 14 */
	run_default(days, 3, out);
	ck_assert(out[0].rest_clock_hours == 24);
	ck_assert_double_eq_tol(out[1].rest_clock_hours, 24 + 24 * (14.0 / 16) * (1 - 120.0 / 180),
				1e-12);
	ck_assert_double_eq_tol(out[2].rest_clock_hours,
				out[1].rest_clock_hours + 24 * (6.0 / 16), 1e-12);
}
END_TEST

/* ---- boundaries -------------------------------------------------------- */

START_TEST(exactly_48_hours_is_resting)
{
	struct engine_day days[4];
	struct engine_proj out[4];
	size_t n = 0;

	add_days(days, &n, 0, 2, 24, 0);
	run_default(days, n, out);
	ck_assert(out[1].rest_clock_hours == 48);
	ck_assert(out[1].loss_days == 0);
	ck_assert_int_eq(out[1].level, LEVEL_RESTING);
	ck_assert(!out[1].clot_risk);
	assert_no_loss(&out[1]);
}
END_TEST

START_TEST(exactly_72_hours_is_clot_risk)
{
	struct engine_day days[4];
	struct engine_proj out[4];
	size_t n = 0;

	add_days(days, &n, 0, 3, 24, 0);
	run_default(days, n, out);
	/* 72 > 48 too, but clot-risk comes first. */
	ck_assert(out[2].rest_clock_hours == 72);
	ck_assert_int_eq(out[2].level, LEVEL_CLOT_RISK);
	ck_assert(out[2].clot_risk);
	ck_assert(out[2].loss_days == 1);
}
END_TEST

START_TEST(partial_third_day_is_deconditioning)
{
	struct engine_day days[4];
	struct engine_proj out[4];
	size_t n = 0;

	add_days(days, &n, 0, 2, 24, 0);
	add_days(days, &n, 0, 1, 16, 0); /* b = 0.5 < 0.75: not bedridden */
	run_default(days, n, out);
	ck_assert(out[2].rest_clock_hours == 60);
	ck_assert_int_eq(out[2].level, LEVEL_DECONDITIONING);
	ck_assert(!out[2].clot_risk);
	ck_assert_int_eq(out[2].bed_days, 0);
	ck_assert(out[2].loss_days == 0.5);

	/* u exactly at bedridden_unloading counts as bedridden */
	n = 0;
	add_days(days, &n, 0, 3, 20, 0);
	run_default(days, n, out);
	ck_assert_int_eq(out[2].bed_days, 3);
	ck_assert(out[2].clot_risk);
}
END_TEST

START_TEST(unloading_at_recovery_unloading_is_ordinary)
{
	struct engine_day days[8];
	struct engine_proj out[8];
	size_t n = 0;

	add_days(days, &n, 0, 3, 24, 0);  /* 1 loss day: muscle 1.0 / 1.5 */
	add_days(days, &n, 0, 1, 12, 0);  /* b = 4/16 = 0.25 = u */
	add_days(days, &n, 0, 1, 24, 0);
	add_days(days, &n, 0, 1, 16, 90); /* b = 0.5, a = 0.5: u = 0.25 */
	add_days(days, &n, 0, 1, 12.25, 0); /* u = 0.265625: a rest day */
	run_default(days, n, out);

	ck_assert(out[3].rest_clock_hours == 0);
	ck_assert(out[3].loss_days == 0);
	ck_assert_int_eq(out[3].level, LEVEL_RECOVERING);
	ck_assert_double_eq_tol(out[3].loss[LOSS_MUSCLE][BAND_LOW], 0.5, 1e-12);
	ck_assert_double_eq_tol(out[3].loss[LOSS_MUSCLE][BAND_HIGH], 1.0, 1e-12);
	ck_assert(out[4].rest_clock_hours == 24);
	ck_assert(out[5].rest_clock_hours == 0);
	ck_assert_int_eq(out[5].level, LEVEL_RECOVERING);
	ck_assert(out[6].rest_clock_hours == 6.375);
	ck_assert_int_eq(out[6].level, LEVEL_RESTING);
}
END_TEST

START_TEST(rest_equal_to_sleep_is_no_unloading)
{
	struct engine_day days[8];
	struct engine_proj out[8];
	size_t n = 0, i;

	add_days(days, &n, 0, 2, 24, 0);
	add_days(days, &n, 0, 1, 8, 0);  /* R = S: b = 0 */
	add_days(days, &n, 0, 1, 24, 0);
	add_days(days, &n, 0, 1, 3, 0);  /* R < S: b clamps to 0 */
	add_days(days, &n, 0, 1, 0, 0);
	run_default(days, n, out);
	ck_assert(out[1].rest_clock_hours == 48);
	ck_assert(out[2].rest_clock_hours == 0);
	ck_assert(out[3].rest_clock_hours == 24);
	for (i = 4; i < 6; i++) {
		ck_assert(out[i].rest_clock_hours == 0);
		ck_assert_int_eq(out[i].level, LEVEL_NONE);
		assert_no_loss(&out[i]);
	}
	ck_assert_int_eq(out[2].level, LEVEL_NONE);
}
END_TEST

START_TEST(whole_day_used_rest_plus_activity_24)
{
	struct engine_day days[8];
	struct engine_proj out[8];
	size_t n = 0;

	add_days(days, &n, 0, 1, 20, 240); /* a = 1: u = 0 */
	add_days(days, &n, 0, 3, 22, 120); /* b = 7/8, a = 2/3: u = 7/24, 7 h a day */
	add_days(days, &n, 0, 1, 0, 1440);
	run_default(days, n, out);
	ck_assert(out[0].rest_clock_hours == 0);
	ck_assert_int_eq(out[0].level, LEVEL_NONE);
	ck_assert_double_eq_tol(out[1].rest_clock_hours, 7, 1e-12);
	ck_assert_double_eq_tol(out[3].rest_clock_hours, 21, 1e-12);
	ck_assert_int_eq(out[3].level, LEVEL_RESTING);
	ck_assert(out[4].rest_clock_hours == 0);
	ck_assert_int_eq(out[4].level, LEVEL_NONE);
}
END_TEST

START_TEST(full_credit_minutes_cancel_unloading)
{
	struct engine_day days[8];
	struct engine_proj out[8];
	size_t n = 0;

	add_days(days, &n, 0, 2, 24, 0);
	add_days(days, &n, 0, 1, 21, 180); /* A = full credit: a = 1, u = 0 */
	add_days(days, &n, 0, 1, 24, 0);
	add_days(days, &n, 0, 1, 16, 480); /* A past full credit: still a = 1 */
	add_days(days, &n, 0, 1, 24, 0);
	add_days(days, &n, 0, 1, 21, 179); /* u = 13/16 / 180: tiny, ordinary */
	add_days(days, &n, 0, 1, 24, 0);
	run_default(days, n, out);
	ck_assert(out[2].rest_clock_hours == 0);
	ck_assert(out[3].rest_clock_hours == 24);
	ck_assert(out[4].rest_clock_hours == 0);
	ck_assert(out[5].rest_clock_hours == 24);
	ck_assert(out[6].rest_clock_hours == 0);
	ck_assert(out[7].rest_clock_hours == 24);
}
END_TEST

START_TEST(whole_day_in_bed_without_activity)
{
	struct engine_day days[4];
	struct engine_proj out[4];
	size_t n = 0;

	add_days(days, &n, 0, 1, 24, 0); /* b = 1, a = 0: u = 1 */
	add_days(days, &n, 0, 1, 30, 0); /* not valid input, but b clamps to 1 */
	add_days(days, &n, 0, 1, 24, 0);
	run_default(days, n, out);
	ck_assert(out[0].rest_clock_hours == 24);
	ck_assert(out[0].loss_days == 0);
	ck_assert_int_eq(out[0].level, LEVEL_RESTING);
	assert_no_loss(&out[0]);
	ck_assert(out[1].rest_clock_hours == 48);
	ck_assert(out[2].rest_clock_hours == 72);
	ck_assert(out[2].loss_days == 1);
}
END_TEST

START_TEST(clot_days_is_its_own_threshold)
{
	struct engine_params p;
	struct engine_state st;
	struct engine_day days[8];
	struct engine_proj out[8];
	size_t n = 0;

	engine_params_default(&p);
	p.clot_days = 5;
	add_days(days, &n, 0, 5, 24, 0);
	engine_state_init(&st);
	ck_assert_uint_eq(engine_run(&p, &st, days, n, out, 8), 5);
	ck_assert_int_eq(out[2].level, LEVEL_DECONDITIONING);
	ck_assert(!out[2].clot_risk);
	ck_assert_int_eq(out[3].level, LEVEL_DECONDITIONING);
	ck_assert(!out[3].clot_risk);
	ck_assert_int_eq(out[4].level, LEVEL_CLOT_RISK);
	ck_assert(out[4].clot_risk);

	/* one bedridden day is enough at clot_days 1, with no loss yet */
	p.clot_days = 1;
	engine_state_init(&st);
	ck_assert_uint_eq(engine_run(&p, &st, days, 2, out, 8), 2);
	ck_assert_int_eq(out[0].level, LEVEL_CLOT_RISK);
	ck_assert(out[0].clot_risk);
	ck_assert(out[1].loss_days == 0);
}
END_TEST

START_TEST(recovery_floors_at_zero)
{
	struct engine_day days[40];
	struct engine_proj out[40];
	size_t n = 0, i, m;
	bool none_seen = false;

	add_days(days, &n, 0, 3, 24, 0);
	add_days(days, &n, 0, 20, 8, 0);
	m = run_default(days, n, out);
	/* 100 * (1 - 0.99) is 1 + 1 ulp in doubles, hence the tolerance and
	 * the third day to reach exactly 0. */
	ck_assert_double_eq_tol(out[3].loss[LOSS_MUSCLE][BAND_LOW], 0.5, 1e-12);
	ck_assert_double_eq_tol(out[4].loss[LOSS_MUSCLE][BAND_LOW], 0, 1e-12);
	ck_assert(out[5].loss[LOSS_MUSCLE][BAND_LOW] == 0);
	for (i = 3; i < m; i++) {
		int x, k;
		for (x = 0; x < LOSS_COUNT; x++)
			for (k = 0; k < BAND_COUNT; k++) {
				double v = out[i].loss[x][k];
				/* +0.0, never -0.0 or below */
				ck_assert(v > 0 || same_double(v, 0.0));
			}
		if (out[i].level == LEVEL_NONE) {
			none_seen = true;
			assert_no_loss(&out[i]);
		} else {
			ck_assert(!none_seen);
			ck_assert_int_eq(out[i].level, LEVEL_RECOVERING);
		}
	}
	/* bone high recovers 0.129 / 8 a day: about 8 days */
	ck_assert(none_seen);
	ck_assert_int_eq(out[12].level, LEVEL_NONE);
}
END_TEST

START_TEST(loss_never_passes_100)
{
	struct engine_params p;
	struct engine_state st;
	struct engine_day days[6];
	struct engine_proj out[6];
	int x, k, i;

	/* The highest rates the table allows with the lowest threshold: a
	 * loss compounds on what remains and never passes 100. */
	engine_params_default(&p);
	p.threshold_hours = 1;
	p.recovery_unloading = 0;
	for (x = 0; x < LOSS_COUNT; x++)
		for (k = 0; k < BAND_COUNT; k++)
			p.rate[x][k] = 10;
	ck_assert_int_eq(engine_params_check(&p, NULL), 0);
	days[0] = mkday(0, 13.336, 0);
	for (i = 1; i < 4; i++)
		days[i] = mkday(i, 24, 0);
	engine_state_init(&st);
	ck_assert_uint_eq(engine_run(&p, &st, days, 4, out, 6), 4);
	ck_assert_double_eq_tol(out[1].loss_days, 1, 1e-12);
	for (i = 1; i < 4; i++)
		for (x = 0; x < LOSS_COUNT; x++)
			for (k = 0; k < BAND_COUNT; k++)
				ck_assert(out[i].loss[x][k] > out[i - 1].loss[x][k] &&
					  out[i].loss[x][k] < 100);
}
END_TEST

/* ---- gaps, missing rest hours, red flags ------------------------------- */

START_TEST(gap_past_the_hold_resets_the_clock)
{
	struct engine_day days[4];
	struct engine_proj out[8];
	size_t m;

	days[0] = mkday(100, 24, 0);
	days[1] = mkday(101, 24, 0);
	days[2] = mkday(105, 24, 0); /* 102-104: two held days, then an ordinary one */
	days[0].urgency = URGENCY_EMERGENCY;
	m = run_default(days, 3, out);
	ck_assert_uint_eq(m, 6);
	ck_assert(out[1].rest_clock_hours == 48);
	ck_assert_int_eq(out[2].day, 102);
	ck_assert(!out[2].logged);
	ck_assert(!out[2].has_rest);
	ck_assert_int_eq(out[2].activity_minutes, 0);
	ck_assert(!out[2].red_flag);
	ck_assert_int_eq(out[2].urgency, URGENCY_NONE);
	ck_assert(out[2].rest_clock_hours == 48 && out[3].rest_clock_hours == 48);
	ck_assert_int_eq(out[3].gap_days, 2);
	ck_assert(out[4].rest_clock_hours == 0);
	ck_assert_int_eq(out[4].bed_days, 0);
	ck_assert_int_eq(out[4].level, LEVEL_NONE);
	ck_assert(!engine_proj_held(&out[4]));
	ck_assert(out[5].rest_clock_hours == 24);
	ck_assert(out[5].logged);
	ck_assert_int_eq(out[5].level, LEVEL_RESTING);
}
END_TEST

START_TEST(gap_hold_days_zero_is_version_1)
{
	struct engine_params p;
	struct engine_state st;
	struct engine_day days[4];
	struct engine_proj out[8];

	engine_params_default(&p);
	p.gap_hold_days = 0;
	days[0] = mkday(0, 24, 0);
	days[1] = mkday(1, 24, 0);
	days[2] = mkday(3, 24, 0);
	engine_state_init(&st);
	ck_assert_uint_eq(engine_run(&p, &st, days, 3, out, 8), 4);
	ck_assert(out[2].rest_clock_hours == 0);
	ck_assert(out[3].rest_clock_hours == 24);
}
END_TEST

START_TEST(gap_after_losses_recovers)
{
	struct engine_day days[8];
	struct engine_proj out[16];
	size_t m, i;

	for (i = 0; i < 4; i++)
		days[i] = mkday((rw_day)i, 24, 0);
	days[4] = mkday(9, 24, 0);
	m = run_default(days, 5, out);
	ck_assert_uint_eq(m, 10);
	for (i = 4; i < 6; i++) { /* held */
		ck_assert(!out[i].logged);
		ck_assert(out[i].rest_clock_hours == 96);
		ck_assert_int_eq(out[i].level, LEVEL_CLOT_RISK);
		ck_assert(memcmp(out[i].loss, out[3].loss, sizeof out[i].loss) == 0);
	}
	for (i = 6; i < 9; i++) {
		ck_assert(!out[i].logged);
		ck_assert_int_eq(out[i].day, (rw_day)i);
		ck_assert(out[i].rest_clock_hours == 0);
		ck_assert_int_eq(out[i].level, LEVEL_RECOVERING);
		ck_assert(out[i].loss[LOSS_MUSCLE][BAND_LOW] <
			  out[i - 1].loss[LOSS_MUSCLE][BAND_LOW] ||
			  out[i].loss[LOSS_MUSCLE][BAND_LOW] == 0);
	}
	ck_assert(out[9].logged);
	ck_assert(out[9].rest_clock_hours == 24);
}
END_TEST

START_TEST(logged_day_without_rest_hours)
{
	struct engine_day days[8];
	struct engine_proj out[8];
	size_t n = 0;

	add_days(days, &n, 0, 2, 24, 0);
	add_days(days, &n, 0, 1, 24, 30);
	days[2].has_rest = false; /* rest_hours 24 is stale: counts as S */
	days[2].urgency = URGENCY_URGENT;
	add_days(days, &n, 0, 1, 24, 0);
	run_default(days, n, out);
	ck_assert(out[2].logged);
	ck_assert(!out[2].has_rest);
	ck_assert_int_eq(out[2].activity_minutes, 30);
	ck_assert(out[2].red_flag);
	ck_assert(out[2].rest_clock_hours == 0);
	ck_assert_int_eq(out[2].level, LEVEL_NONE);
	ck_assert(out[3].has_rest);
	ck_assert(out[3].rest_hours == 24);
	ck_assert(out[3].rest_clock_hours == 24);
}
END_TEST

START_TEST(projection_copies_the_day)
{
	struct engine_params p;
	struct engine_state st;
	struct engine_day d = mkday(4242, 13.25, 77);
	struct engine_proj out;

	engine_params_default(&p);
	engine_state_init(&st);
	d.urgency = URGENCY_EMERGENCY;
	engine_step(&p, &st, &d, 9999, &out); /* gap_day ignored for a day */
	ck_assert_int_eq(out.day, 4242);
	ck_assert(out.logged);
	ck_assert(out.has_rest);
	ck_assert(out.rest_hours == 13.25);
	ck_assert_int_eq(out.activity_minutes, 77);
	ck_assert(out.red_flag);
	ck_assert_int_eq(out.urgency, URGENCY_EMERGENCY);

	/* Red flags show whatever the clock says, and do not stick. */
	d = mkday(4243, 8, 0);
	engine_step(&p, &st, &d, 0, &out);
	ck_assert(!out.red_flag);
	engine_step(&p, &st, NULL, 4244, &out);
	ck_assert_int_eq(out.day, 4244);
	ck_assert(!out.logged);
	ck_assert(!out.has_rest);
	ck_assert(!out.red_flag);
	ck_assert_int_eq(out.activity_minutes, 0);
}
END_TEST

/* ---- runs, spans, capacity --------------------------------------------- */

START_TEST(ten_year_journal)
{
	static struct engine_day days[3700];
	static struct engine_proj out[3700], guard[3700];
	struct engine_params p;
	struct engine_state st, st0;
	struct rng r = { 20260101 };
	rw_day first = date_from_ymd(2015, 1, 1);
	size_t n = 0, i, m;
	int logged = 0;

	for (i = 0; i < 3652; i++) {
		double rest;
		if (i != 0 && i != 3651 && below(&r, 10) == 0)
			continue; /* a gap */
		rest = below(&r, 3) == 0 ? 16 + unit(&r) * 8 : unit(&r) * 16;
		days[n] = mkday(first + (rw_day)i, rest, (int)below(&r, (uint32_t)((24 - rest) * 60) + 1));
		n++;
	}
	ck_assert_uint_eq(engine_span(days, n), 3652);

	engine_params_default(&p);
	engine_state_init(&st);
	memset(out, 0xa5, sizeof out);
	memcpy(guard, out, sizeof out);
	st0 = st;
	ck_assert_uint_eq(engine_run(&p, &st, days, n, out, 3651), 0);
	ck_assert(memcmp(out, guard, sizeof out) == 0);
	ck_assert(memcmp(&st, &st0, sizeof st) == 0);

	m = engine_run(&p, &st, days, n, out, 3652);
	REQUIRE(m == 3652);
	REQUIRE(memcmp(&out[3652], &guard[3652], sizeof out[0] * (3700 - 3652)) == 0);
	for (i = 0; i < m; i++) {
		int x, k;
		REQUIRE(out[i].day == first + (rw_day)i);
		logged += out[i].logged;
		for (x = 0; x < LOSS_COUNT; x++)
			for (k = 0; k < BAND_COUNT; k++)
				REQUIRE(out[i].loss[x][k] >= 0 && out[i].loss[x][k] <= 100);
	}
	REQUIRE(logged == (int)n);
	REQUIRE(out[0].logged && out[3651].logged);
	/* *st is the state after the last day */
	REQUIRE(same_double(st.clock, out[3651].rest_clock_hours));
	REQUIRE(memcmp(st.loss, out[3651].loss, sizeof st.loss) == 0);
}
END_TEST

START_TEST(run_refuses_without_writing)
{
	struct engine_params p;
	struct engine_state st;
	struct engine_day days[4];
	struct engine_proj out[8], guard[8];

	engine_params_default(&p);
	engine_state_init(&st);
	ck_assert_uint_eq(engine_span(days, 0), 0);
	ck_assert_uint_eq(engine_run(&p, &st, days, 0, out, 8), 0);

	days[0] = mkday(10, 24, 0);
	days[1] = mkday(15, 24, 0);
	ck_assert_uint_eq(engine_span(days, 1), 1);
	ck_assert_uint_eq(engine_span(days, 2), 6);
	memset(out, 0x5a, sizeof out);
	memcpy(guard, out, sizeof out);
	ck_assert_uint_eq(engine_run(&p, &st, days, 2, out, 5), 0);
	ck_assert_uint_eq(engine_run(&p, &st, days, 2, NULL, 0), 0);
	ck_assert(memcmp(out, guard, sizeof out) == 0);
	ck_assert(st.clock == 0);
	ck_assert_uint_eq(engine_run(&p, &st, days, 2, out, 6), 6);

	/* Not ascending: refused, nothing written. */
	engine_state_init(&st);
	days[0] = mkday(10, 24, 0);
	days[1] = mkday(12, 24, 0);
	days[2] = mkday(11, 24, 0);
	days[3] = mkday(13, 24, 0);
	memcpy(out, guard, sizeof out);
	ck_assert_uint_eq(engine_run(&p, &st, days, 4, out, 8), 0);
	days[2] = mkday(12, 24, 0);
	ck_assert_uint_eq(engine_run(&p, &st, days, 4, out, 8), 0);
	ck_assert(memcmp(out, guard, sizeof out) == 0);
	ck_assert(st.clock == 0);
}
END_TEST

START_TEST(state_init_and_from_proj)
{
	struct engine_state st;
	struct engine_proj pr;
	int x, k;

	memset(&st, 0xff, sizeof st);
	engine_state_init(&st);
	ck_assert(st.clock == 0);
	for (x = 0; x < LOSS_COUNT; x++)
		for (k = 0; k < BAND_COUNT; k++)
			ck_assert(st.loss[x][k] == 0);

	memset(&pr, 0, sizeof pr);
	pr.rest_clock_hours = 61.123456789;
	for (x = 0; x < LOSS_COUNT; x++)
		for (k = 0; k < BAND_COUNT; k++)
			pr.loss[x][k] = 0.1 * (x * 2 + k + 1) / 3;
	engine_state_from_proj(&st, &pr);
	ck_assert(same_double(st.clock, pr.rest_clock_hours));
	ck_assert(memcmp(st.loss, pr.loss, sizeof st.loss) == 0);
}
END_TEST

/* ---- forecast ---------------------------------------------------------- */

START_TEST(forecast_continues_example_c)
{
	struct engine_params p;
	struct engine_day days[12], like;
	struct engine_proj out[12], fc[6];
	size_t n = 0;
	int i;

	engine_params_default(&p);
	add_days(days, &n, 700, 6, 24, 0);
	run_default(days, n, out);
	like = mkday(0, 8, 60);
	like.urgency = URGENCY_URGENT;
	memset(fc, 0x33, sizeof fc);
	engine_forecast(&p, &out[5], &like, 4, fc);
	for (i = 0; i < 4; i++) {
		ck_assert_int_eq(fc[i].day, 706 + i);
		ck_assert(!fc[i].logged);
		ck_assert(fc[i].has_rest);
		ck_assert(fc[i].rest_hours == 8);
		ck_assert_int_eq(fc[i].activity_minutes, 60);
		/* forecast days are not logged, so they carry no red flag */
		ck_assert(!fc[i].red_flag);
		ck_assert_int_eq(fc[i].urgency, URGENCY_NONE);
		ck_assert_int_eq(fc[i].level, LEVEL_RECOVERING);
	}
	assert_losses(&fc[3], 1.9404, 3.8663, 0.5946, 3.8663, 0.0989, 0.4505);
	/* n = 0 writes nothing */
	memset(fc, 0x33, sizeof fc);
	engine_forecast(&p, &out[5], &like, 0, fc);
	ck_assert_uint_eq(((unsigned char *)fc)[0], 0x33);

	/* A forecast of bed days keeps the episode going. */
	like = mkday(0, 24, 0);
	like.has_rest = false;
	engine_forecast(&p, &out[5], &like, 2, fc);
	ck_assert(!fc[0].has_rest);
	ck_assert(fc[0].rest_clock_hours == 0); /* no rest hours: R = S */
	like.has_rest = true;
	engine_forecast(&p, &out[5], &like, 2, fc);
	ck_assert(fc[1].rest_clock_hours == 192);
	ck_assert_int_eq(fc[1].level, LEVEL_CLOT_RISK);
}
END_TEST

/* ---- properties over generated journals -------------------------------- */

static void check_bounds(const struct engine_params *p, const struct engine_proj *pr)
{
	int x, k;
	bool any = false;

	REQUIRE(pr->rest_clock_hours >= 0);
	REQUIRE(pr->loss_days >= 0 && pr->loss_days <= 1 + 1e-12);
	for (x = 0; x < LOSS_COUNT; x++)
		for (k = 0; k < BAND_COUNT; k++) {
			REQUIRE_MSG(pr->loss[x][k] >= 0 && pr->loss[x][k] <= 100,
				    "loss %d/%d = %.17g", x, k, pr->loss[x][k]);
			if (k == BAND_HIGH && pr->loss[x][k] > 0)
				any = true;
		}
	REQUIRE(pr->clot_risk == (pr->bed_days >= p->clot_days));
	REQUIRE(!(pr->clot_risk && pr->clot_watch));
	REQUIRE(pr->clot_watch == (pr->since_clot >= 1 && pr->since_clot <= p->clot_watch_days));
	REQUIRE(pr->red_flag == (pr->urgency != URGENCY_NONE));
	REQUIRE(pr->pain_days >= 0);
	if (pr->clot_risk)
		REQUIRE(pr->level == LEVEL_CLOT_RISK);
	else if (pr->rest_clock_hours > p->threshold_hours + 1e-9)
		REQUIRE(pr->level == LEVEL_DECONDITIONING);
	else if (pr->rest_clock_hours > 1e-9)
		REQUIRE(pr->level == LEVEL_RESTING);
	else
		REQUIRE(pr->level == (any ? LEVEL_RECOVERING : LEVEL_NONE));
	if (pr->rest_clock_hours <= p->threshold_hours + 1e-9)
		REQUIRE(pr->loss_days == 0);
	if (!pr->logged)
		REQUIRE(pr->loss_days == 0 && pr->urgency == URGENCY_NONE);
}

START_TEST(prop_losses_within_bounds)
{
	struct rng r = { 1 };
	int j;

	for (j = 0; j < N_JOURNALS; j++) {
		struct engine_params p;
		size_t n, m, i, li = 0;

		journal_params(&r, j, &p);
		n = random_journal(&r, &p, g_days);
		m = run_with(&p, g_days, n, g_full);
		for (i = 0; i < m; i++) {
			check_bounds(&p, &g_full[i]);
			REQUIRE(g_full[i].day == g_days[0].day + (rw_day)i);
			if (li < n && g_days[li].day == g_full[i].day) {
				REQUIRE(g_full[i].logged);
				REQUIRE(g_full[i].urgency == g_days[li].urgency);
				REQUIRE(g_full[i].has_rest == g_days[li].has_rest);
				li++;
			} else {
				REQUIRE(!g_full[i].logged && !g_full[i].has_rest &&
					!g_full[i].red_flag);
			}
		}
		REQUIRE(li == n);
	}
}
END_TEST

/* Tolerance of the monotonicity property, in loss points.  Mathematically
 * more rest never lowers a loss; in doubles, loss_days is a difference
 * (max(C, T) - max(C_prev, T)) whose rounding can move by an ulp either
 * way when C_prev grows, so a later loss may dip by a few ulps. */
#define MONO_TOL 1e-9

START_TEST(prop_more_rest_never_lowers_a_loss)
{
	struct rng r = { 2 };
	int j, raised = 0;

	for (j = 0; j < N_JOURNALS; j++) {
		struct engine_params p;
		size_t n, m, m2, i;
		int t;

		journal_params(&r, j, &p);
		n = random_journal(&r, &p, g_days);
		m = run_with(&p, g_days, n, g_full);
		for (t = 0; t < 3; t++) {
			size_t k = below(&r, (uint32_t)n);
			struct engine_day *x;
			double r0 = g_days[k].has_rest ? g_days[k].rest_hours : p.sleep_hours;
			double rmax = 24 - g_days[k].activity_minutes / 60.0;

			if (rmax <= r0)
				continue;
			memcpy(g_days2, g_days, n * sizeof g_days[0]);
			x = &g_days2[k];
			x->has_rest = true;
			x->rest_hours = below(&r, 4) == 0 ? rmax : r0 + (rmax - r0) * (0.01 + 0.99 * unit(&r));
			m2 = run_with(&p, g_days2, n, g_part);
			REQUIRE(m2 == m);
			raised++;
			for (i = 0; i < m; i++) {
				int a, b;
				if (g_full[i].day < x->day) {
					REQUIRE(same_proj(&g_full[i], &g_part[i], true));
					continue;
				}
				/* The clock has no differences in it: exactly monotone. */
				REQUIRE(g_part[i].rest_clock_hours >= g_full[i].rest_clock_hours);
				for (a = 0; a < LOSS_COUNT; a++)
					for (b = 0; b < BAND_COUNT; b++)
						REQUIRE_MSG(g_part[i].loss[a][b] >=
							    g_full[i].loss[a][b] - MONO_TOL,
							    "journal %d day %zu loss %d/%d: %.17g < %.17g",
							    j, i, a, b, g_part[i].loss[a][b],
							    g_full[i].loss[a][b]);
			}
		}
	}
	ck_assert_int_gt(raised, N_JOURNALS);
}
END_TEST

START_TEST(prop_resume_equals_full_run)
{
	struct rng r = { 3 };
	int j;

	for (j = 0; j < N_JOURNALS; j++) {
		struct engine_params p;
		size_t n, m, k;

		journal_params(&r, j, &p);
		n = random_journal(&r, &p, g_days);
		m = run_with(&p, g_days, n, g_full);
		/* From every day, gap days included: a gap's projection is resumed
		 * by stepping the remaining gap days, then running the entries. */
		for (k = 0; k < m; k++) {
			struct engine_state st, end;
			size_t nx = 0, o = 0, i;
			rw_day d;

			while (nx < n && g_days[nx].day <= g_full[k].day)
				nx++;
			engine_state_from_proj(&st, &g_full[k]);
			if (nx < n) {
				for (d = g_full[k].day + 1; d < g_days[nx].day; d++)
					engine_step(&p, &st, NULL, d, &g_part[o++]);
				o += engine_run(&p, &st, g_days + nx, n - nx, g_part + o,
						MAXDAYS - o);
			}
			REQUIRE(o == m - k - 1);
			for (i = 0; i < o; i++)
				REQUIRE_MSG(same_proj(&g_part[i], &g_full[k + 1 + i], true),
					    "journal %d: resumed from day %zu differs at day %zu",
					    j, k, k + 1 + i);
			engine_state_from_proj(&end, &g_full[m - 1]);
			REQUIRE(same_double(st.clock, end.clock));
			REQUIRE(memcmp(st.loss, end.loss, sizeof st.loss) == 0);
		}
	}
}
END_TEST

START_TEST(prop_forecast_equals_appended_days)
{
	struct rng r = { 4 };
	int j;

	for (j = 0; j < N_JOURNALS; j++) {
		struct engine_params p;
		struct engine_day like;
		size_t n, m, m2, i;
		int nf;

		journal_params(&r, j, &p);
		n = random_journal(&r, &p, g_days);
		m = run_with(&p, g_days, n, g_full);
		like = g_days[below(&r, (uint32_t)n)];
		like.urgency = URGENCY_NONE; /* a forecast day carries no red flag */
		nf = 1 + (int)below(&r, 60);
		engine_forecast(&p, &g_full[m - 1], &like, nf, g_fc);

		memcpy(g_days2, g_days, n * sizeof g_days[0]);
		for (i = 0; i < (size_t)nf; i++) {
			g_days2[n + i] = like;
			g_days2[n + i].day = g_days[n - 1].day + 1 + (rw_day)i;
		}
		m2 = run_with(&p, g_days2, n + (size_t)nf, g_part);
		REQUIRE(m2 == m + (size_t)nf);
		for (i = 0; i < m; i++)
			REQUIRE(same_proj(&g_part[i], &g_full[i], true));
		for (i = 0; i < (size_t)nf; i++) {
			REQUIRE(!g_fc[i].logged);
			REQUIRE(g_part[m + i].logged);
			REQUIRE(g_fc[i].day == g_full[m - 1].day + 1 + (rw_day)i);
			REQUIRE_MSG(same_proj(&g_fc[i], &g_part[m + i], false),
				    "journal %d: forecast day %zu differs", j, i);
		}
	}
}
END_TEST

/* ---- parameters -------------------------------------------------------- */

static const char *const want_names[] = {
	"sleep_hours", "threshold_hours", "full_credit_minutes", "recovery_unloading",
	"bedridden_unloading", "clot_days", "clot_watch_days", "gap_hold_days", "nudge_minutes",
	"nudge_from", "nudge_to", "muscle_rate_low", "muscle_rate_high", "cardio_rate_low",
	"cardio_rate_high", "bone_rate_low", "bone_rate_high",
	"muscle_recovery_factor_low", "muscle_recovery_factor_high",
	"cardio_recovery_factor_low", "cardio_recovery_factor_high",
	"bone_recovery_factor_low", "bone_recovery_factor_high",
};
static const double want_defs[] = {
	8, 48, 180, 0.25, 0.75, 3, 28, 2, 60, 8, 22, 1.0, 1.5, 0.3, 1.5, 0.033, 0.129, 2, 3, 2, 3, 4, 8,
};

START_TEST(param_table_matches_engine_md)
{
	const struct engine_param_info *t;
	size_t n = 0, i;

	t = engine_param_table(&n);
	ck_assert_uint_eq(n, 23);
	ck_assert_uint_eq(sizeof want_names / sizeof want_names[0], 23);
	for (i = 0; i < n; i++) {
		ck_assert_str_eq(t[i].name, want_names[i]);
		ck_assert(t[i].def == want_defs[i]);
		ck_assert(t[i].min <= t[i].def && t[i].def <= t[i].max);
		ck_assert_ptr_nonnull(t[i].unit);
		ck_assert(t[i].meaning && t[i].meaning[0]);
		ck_assert(t[i].source && t[i].source[0]);
	}
	ck_assert_str_eq(engine_param_find("sleep_hours")->unit, "h");
	ck_assert_str_eq(engine_param_find("full_credit_minutes")->unit, "min");
	ck_assert_str_eq(engine_param_find("bone_rate_high")->unit, "%/day");
	ck_assert_str_eq(engine_param_find("cardio_recovery_factor_low")->unit, "x");
	ck_assert_ptr_nonnull(strstr(engine_param_find("threshold_hours")->source, "Deyo 1986"));
	ck_assert_ptr_nonnull(strstr(engine_param_find("cardio_rate_high")->source,
				     "Convertino 1982"));
	ck_assert_ptr_nonnull(strstr(engine_param_find("bone_rate_low")->source, "LeBlanc 1990"));
	/* sleep must stay under 24: b divides by 24 - S */
	ck_assert(engine_param_find("sleep_hours")->max < 24);
}
END_TEST

START_TEST(param_defaults_and_refs)
{
	struct engine_params p, q;
	struct engine_param_info stranger;
	const struct engine_param_info *t;
	size_t n, i;
	int x, k;

	engine_params_default(&p);
	ck_assert(p.sleep_hours == 8);
	ck_assert(p.threshold_hours == 48);
	ck_assert(p.full_credit_minutes == 180);
	ck_assert(p.recovery_unloading == 0.25);
	ck_assert(p.bedridden_unloading == 0.75);
	ck_assert(p.clot_days == 3 && p.clot_watch_days == 28 && p.gap_hold_days == 2);
	ck_assert(p.rate[LOSS_MUSCLE][BAND_LOW] == 1.0 && p.rate[LOSS_MUSCLE][BAND_HIGH] == 1.5);
	ck_assert(p.rate[LOSS_CARDIO][BAND_LOW] == 0.3 && p.rate[LOSS_CARDIO][BAND_HIGH] == 1.5);
	ck_assert(p.rate[LOSS_BONE][BAND_LOW] == 0.033 && p.rate[LOSS_BONE][BAND_HIGH] == 0.129);
	ck_assert(p.factor[LOSS_MUSCLE][BAND_LOW] == 2 && p.factor[LOSS_MUSCLE][BAND_HIGH] == 3);
	ck_assert(p.factor[LOSS_CARDIO][BAND_LOW] == 2 && p.factor[LOSS_CARDIO][BAND_HIGH] == 3);
	ck_assert(p.factor[LOSS_BONE][BAND_LOW] == 4 && p.factor[LOSS_BONE][BAND_HIGH] == 8);

	t = engine_param_table(&n);
	for (i = 0; i < n; i++) {
		ck_assert_ptr_eq(engine_param_find(want_names[i]), &t[i]);
		ck_assert(engine_param_get(&p, &t[i]) == want_defs[i]);
	}
	ck_assert_ptr_null(engine_param_find("sleep"));
	ck_assert_ptr_null(engine_param_find("Sleep_hours"));
	ck_assert_ptr_null(engine_param_find(""));
	ck_assert_ptr_null(engine_param_find(NULL));

	ck_assert_ptr_eq(engine_param_ref(&p, engine_param_find("sleep_hours")), &p.sleep_hours);
	ck_assert_ptr_eq(engine_param_ref(&p, engine_param_find("recovery_unloading")),
			 &p.recovery_unloading);
	ck_assert_ptr_eq(engine_param_ref(&p, engine_param_find("cardio_rate_high")),
			 &p.rate[LOSS_CARDIO][BAND_HIGH]);
	ck_assert_ptr_eq(engine_param_ref(&p, engine_param_find("bone_recovery_factor_low")),
			 &p.factor[LOSS_BONE][BAND_LOW]);

	/* Every field is reached by exactly one entry. */
	memset(&q, 0, sizeof q);
	for (i = 0; i < n; i++) {
		double *v = engine_param_ref(&q, &t[i]);
		ck_assert(*v == 0);
		*v = (double)(i + 1);
	}
	ck_assert(q.sleep_hours == 1 && q.recovery_unloading == 4 && q.gap_hold_days == 8);
	for (x = 0; x < LOSS_COUNT; x++)
		for (k = 0; k < BAND_COUNT; k++) {
			ck_assert(q.rate[x][k] == 12 + x * 2 + k);
			ck_assert(q.factor[x][k] == 18 + x * 2 + k);
		}

	/* An entry that is not the table's own is refused. */
	stranger = t[0];
	ck_assert_ptr_null(engine_param_ref(&p, &stranger));
	ck_assert(engine_param_get(&p, &stranger) == 0);
}
END_TEST

static int check_with(const char *name, double v, struct rw_error *e)
{
	struct engine_params p;
	engine_params_default(&p);
	*engine_param_ref(&p, engine_param_find(name)) = v;
	memset(e, 0, sizeof *e);
	return engine_params_check(&p, e);
}

START_TEST(params_check_rules)
{
	struct engine_params p;
	struct rw_error e;

	engine_params_default(&p);
	ck_assert_int_eq(engine_params_check(&p, &e), 0);
	ck_assert_int_eq(engine_params_check(&p, NULL), 0);

	ck_assert_int_eq(check_with("sleep_hours", 24, &e), RW_EDATA);
	ck_assert_int_eq(e.code, RW_EDATA);
	ck_assert_ptr_nonnull(strstr(e.msg, "sleep_hours"));
	ck_assert_ptr_nonnull(strstr(e.msg, "24"));
	ck_assert_int_eq(check_with("sleep_hours", 30, &e), RW_EDATA);
	ck_assert_int_eq(check_with("sleep_hours", -1, &e), RW_EDATA);
	ck_assert_int_eq(check_with("sleep_hours", 0, &e), 0);
	ck_assert_int_eq(check_with("sleep_hours", 20, &e), 0);

	engine_params_default(&p);
	p.recovery_unloading = 0.8;
	ck_assert_int_eq(engine_params_check(&p, &e), RW_EDATA);
	ck_assert_ptr_nonnull(strstr(e.msg, "recovery_unloading"));
	ck_assert_ptr_nonnull(strstr(e.msg, "bedridden_unloading"));
	p.bedridden_unloading = 0.9;
	ck_assert_int_eq(engine_params_check(&p, &e), 0);
	ck_assert_int_eq(check_with("clot_days", 2.5, &e), RW_EDATA);
	ck_assert_ptr_nonnull(strstr(e.msg, "whole number"));
	ck_assert_int_eq(check_with("clot_days", 31, &e), RW_EDATA);
	ck_assert_int_eq(check_with("clot_watch_days", 0, &e), 0);
	ck_assert_int_eq(check_with("gap_hold_days", 15, &e), RW_EDATA);
	ck_assert_int_eq(check_with("threshold_hours", 241, &e), RW_EDATA);

	ck_assert_int_eq(check_with("muscle_rate_low", 2, &e), RW_EDATA);
	ck_assert_ptr_nonnull(strstr(e.msg, "muscle_rate_low"));
	ck_assert_ptr_nonnull(strstr(e.msg, "muscle_rate_high"));
	ck_assert_int_eq(check_with("bone_rate_high", 0.01, &e), RW_EDATA);
	ck_assert_ptr_nonnull(strstr(e.msg, "bone_rate_low"));
	/* Factors carry no order: a low factor is a faster recovery. */
	ck_assert_int_eq(check_with("muscle_recovery_factor_low", 5, &e), 0);

	ck_assert_int_eq(check_with("cardio_rate_high", NAN, &e), RW_EDATA);
	ck_assert_ptr_nonnull(strstr(e.msg, "cardio_rate_high"));
	ck_assert_int_eq(check_with("clot_days", INFINITY, &e), RW_EDATA);
	ck_assert_int_eq(check_with("muscle_rate_high", 10.5, &e), RW_EDATA);
	ck_assert_int_eq(check_with("bone_rate_low", -0.1, &e), RW_EDATA);
	ck_assert_int_eq(check_with("bone_recovery_factor_high", 0, &e), RW_EDATA);
	ck_assert_int_eq(check_with("recovery_unloading", 1.5, &e), RW_EDATA);
	ck_assert_int_eq(check_with("recovery_unloading", 0.7, &e), 0);
	ck_assert_int_eq(check_with("full_credit_minutes", 0, &e), RW_EDATA);
	ck_assert_int_eq(check_with("clot_days", 0, &e), RW_EDATA);
	ck_assert_int_eq(check_with("threshold_hours", 0, &e), RW_EDATA);
	ck_assert_int_eq(check_with("threshold_hours", 1, &e), 0);
}
END_TEST

START_TEST(level_names)
{
	static const char *const names[] = { "none", "resting", "deconditioning", "clot-risk",
					     "recovering" };
	static const enum engine_level levels[] = { LEVEL_NONE, LEVEL_RESTING,
						    LEVEL_DECONDITIONING, LEVEL_CLOT_RISK,
						    LEVEL_RECOVERING };
	enum engine_level lv;
	int i;

	for (i = 0; i < 5; i++) {
		ck_assert_str_eq(engine_level_name(levels[i]), names[i]);
		lv = LEVEL_NONE;
		ck_assert_int_eq(engine_level_parse(names[i], &lv), 0);
		ck_assert_int_eq(lv, levels[i]);
	}
	ck_assert_int_eq(engine_level_parse("Clot-risk", &lv), RW_EDATA);
	ck_assert_int_eq(engine_level_parse("clot_risk", &lv), RW_EDATA);
	ck_assert_int_eq(engine_level_parse("", &lv), RW_EDATA);
	ck_assert_int_eq(engine_level_parse(NULL, &lv), RW_EDATA);
	ck_assert_str_eq(engine_level_name((enum engine_level)99), "?");
}
END_TEST

START_TEST(urgency_names)
{
	static const char *const names[] = { "none", "urgent", "emergency" };
	enum engine_urgency u;
	int i;

	for (i = 0; i < 3; i++) {
		ck_assert_str_eq(engine_urgency_name((enum engine_urgency)i), names[i]);
		ck_assert_int_eq(engine_urgency_parse(names[i], &u), 0);
		ck_assert_int_eq(u, i);
	}
	ck_assert_int_eq(engine_urgency_parse("Emergency", &u), RW_EDATA);
	ck_assert_int_eq(engine_urgency_parse(NULL, &u), RW_EDATA);
}
END_TEST

static Suite *engine_suite(void)
{
	Suite *s = suite_create("engine");
	TCase *tc;

	tc = tcase_create("examples");
	tcase_add_test(tc, example_a_five_days_in_bed);
	tcase_add_test(tc, example_b_partial_rest_short_walk);
	tcase_add_test(tc, example_c_bed_then_ordinary);
	tcase_add_test(tc, example_d_water_therapy_ends_episode);
	tcase_add_test(tc, example_e_missed_day_inside_a_week_in_bed);
	tcase_add_test(tc, example_f_long_gap_red_flags_and_pain);
	tcase_add_test(tc, clot_watch_lasts_clot_watch_days);
	tcase_add_test(tc, partial_days_never_reach_clot_risk);
	tcase_add_test(tc, tolerance_at_48_hours);
	tcase_add_test(tc, tracked_hours_count_when_rest_is_not_typed);
	suite_add_tcase(s, tc);

	tc = tcase_create("boundaries");
	tcase_add_test(tc, exactly_48_hours_is_resting);
	tcase_add_test(tc, exactly_72_hours_is_clot_risk);
	tcase_add_test(tc, partial_third_day_is_deconditioning);
	tcase_add_test(tc, unloading_at_recovery_unloading_is_ordinary);
	tcase_add_test(tc, rest_equal_to_sleep_is_no_unloading);
	tcase_add_test(tc, whole_day_used_rest_plus_activity_24);
	tcase_add_test(tc, full_credit_minutes_cancel_unloading);
	tcase_add_test(tc, whole_day_in_bed_without_activity);
	tcase_add_test(tc, clot_days_is_its_own_threshold);
	tcase_add_test(tc, recovery_floors_at_zero);
	tcase_add_test(tc, loss_never_passes_100);
	suite_add_tcase(s, tc);

	tc = tcase_create("days");
	tcase_add_test(tc, gap_past_the_hold_resets_the_clock);
	tcase_add_test(tc, gap_hold_days_zero_is_version_1);
	tcase_add_test(tc, gap_after_losses_recovers);
	tcase_add_test(tc, logged_day_without_rest_hours);
	tcase_add_test(tc, projection_copies_the_day);
	tcase_add_test(tc, state_init_and_from_proj);
	tcase_add_test(tc, forecast_continues_example_c);
	suite_add_tcase(s, tc);

	tc = tcase_create("runs");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, ten_year_journal);
	tcase_add_test(tc, run_refuses_without_writing);
	tcase_add_test(tc, prop_losses_within_bounds);
	tcase_add_test(tc, prop_more_rest_never_lowers_a_loss);
	tcase_add_test(tc, prop_resume_equals_full_run);
	tcase_add_test(tc, prop_forecast_equals_appended_days);
	suite_add_tcase(s, tc);

	tc = tcase_create("params");
	tcase_add_test(tc, param_table_matches_engine_md);
	tcase_add_test(tc, param_defaults_and_refs);
	tcase_add_test(tc, params_check_rules);
	tcase_add_test(tc, level_names);
	tcase_add_test(tc, urgency_names);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(engine_suite)
