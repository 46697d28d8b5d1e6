/* engine.h - the deconditioning engine of ENGINE.md; pure.
 *
 * Days and parameters in, one projection per calendar day out.  No I/O, no
 * globals but constant tables, no allocation: the caller owns every array.
 * The state carried from one day to the next is exactly what a projection
 * stores (rest clock and the six losses), so a run can resume from any
 * stored projection and give the same numbers, bit for bit, as a full run.
 */
#ifndef RESTWATCH_ENGINE_H
#define RESTWATCH_ENGINE_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"
#include "rwerr.h"

enum engine_loss { LOSS_MUSCLE, LOSS_CARDIO, LOSS_BONE, LOSS_COUNT };
enum engine_band { BAND_LOW, BAND_HIGH, BAND_COUNT };

struct engine_params {
	double sleep_hours;         /* S */
	double threshold_hours;     /* T */
	double clot_hours;
	double full_credit_minutes;
	double recovery_unloading;
	double rate[LOSS_COUNT][BAND_COUNT];   /* percent per day */
	double factor[LOSS_COUNT][BAND_COUNT]; /* recovery factor */
};

/* One parameter as config, the TUI's Settings screen and the reports show it. */
struct engine_param_info {
	const char *name;     /* e.g. "sleep_hours", "muscle_rate_low" */
	double def;           /* default from ENGINE.md */
	double min, max;      /* accepted range (inclusive) */
	const char *unit;     /* "h", "min", "%/day", "x", "" */
	const char *meaning;  /* one line */
	const char *source;   /* the study or reasoning behind the default */
};

/* The parameter table, in a fixed order; count in *n. */
const struct engine_param_info *engine_param_table(size_t *n);
/* The entry for name, or NULL. */
const struct engine_param_info *engine_param_find(const char *name);
/* Address of the field in p that the table entry info describes. */
double *engine_param_ref(struct engine_params *p, const struct engine_param_info *info);
double engine_param_get(const struct engine_params *p, const struct engine_param_info *info);
void engine_params_default(struct engine_params *p);
/* Rules between parameters (sleep < 24, threshold <= clot, ...); 0 or RW_EDATA. */
int engine_params_check(const struct engine_params *p, struct rw_error *e);

/* One logged day as the engine sees it. */
struct engine_day {
	rw_day day;
	bool has_rest;          /* false: rest_hours not given, counts as S */
	double rest_hours;
	int activity_minutes;
	bool red_flag;
};

enum engine_level {
	LEVEL_NONE,
	LEVEL_RESTING,
	LEVEL_DECONDITIONING,
	LEVEL_CLOT_RISK,
	LEVEL_RECOVERING
};
/* "none", "resting", "deconditioning", "clot-risk", "recovering". */
const char *engine_level_name(enum engine_level level);
/* Level for a name; returns 0 or RW_EDATA. */
int engine_level_parse(const char *name, enum engine_level *level);

/* What carries from one day to the next. */
struct engine_state {
	double clock;                            /* C, hours */
	double loss[LOSS_COUNT][BAND_COUNT];     /* percent */
};

/* One calendar day's projection (the ENGINE.md output names). */
struct engine_proj {
	rw_day day;
	bool logged;
	bool has_rest;          /* rest_hours is null when false */
	double rest_hours;
	int activity_minutes;
	double rest_clock_hours;
	double loss_days;
	enum engine_level level;
	bool clot_risk;
	bool red_flag;
	double loss[LOSS_COUNT][BAND_COUNT];
};

/* The state before the first day: clock 0, no losses. */
void engine_state_init(struct engine_state *st);
/* The state after the day of proj. */
void engine_state_from_proj(struct engine_state *st, const struct engine_proj *proj);

/* Advance st by one day and describe that day in *out.  day == NULL is a
 * day without an entry (a gap): R = S, A = 0, not logged; its date is
 * gap_day. */
void engine_step(const struct engine_params *p, struct engine_state *st,
		 const struct engine_day *day, rw_day gap_day, struct engine_proj *out);

/* Number of calendar days from days[0] to days[n-1] inclusive (0 when n is 0). */
size_t engine_span(const struct engine_day *days, size_t n);

/* Run the engine over days[0..n-1] (ascending, one per date), starting from
 * *st and filling gaps, writing one projection per calendar day into out
 * (which holds out_cap; engine_span(days, n) are needed).  *st is left as
 * the state after the last day.  Returns the number written, or 0 with
 * nothing written when out_cap is too small. */
size_t engine_run(const struct engine_params *p, struct engine_state *st,
		  const struct engine_day *days, size_t n, struct engine_proj *out,
		  size_t out_cap);

/* "If each next day is like that one": starting after the projection last
 * (the last logged day's) and repeating the day like, write the
 * projections of the next n days into out[0..n-1].  The dates are
 * last->day + 1 ... + n; each is marked not logged. */
void engine_forecast(const struct engine_params *p, const struct engine_proj *last,
		     const struct engine_day *like, int n, struct engine_proj *out);

#endif
