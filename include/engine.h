/* engine.h - the deconditioning engine of docs/model.md (version 2); pure.
 *
 * Days and parameters in, one projection per calendar day out.  No I/O, no
 * globals but constant tables, no allocation: the caller owns every array.
 * The state carried from one day to the next is exactly what a projection
 * stores (rest clock, bedridden run, unlogged run, days since the last
 * clot-risk day, the pain run and the six losses), so a run can resume from
 * any stored projection and give the same numbers, bit for bit, as a full
 * run.
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
	double full_credit_minutes;
	double recovery_unloading;
	double bedridden_unloading;
	double clot_days;           /* whole days */
	double clot_watch_days;     /* whole days */
	double gap_hold_days;       /* whole days */
	/* Beside the engine, not used by it: the nudge of down/up. */
	double nudge_minutes;
	double nudge_from, nudge_to; /* hours of the day, 0-24 */
	double rate[LOSS_COUNT][BAND_COUNT];   /* percent per day */
	double factor[LOSS_COUNT][BAND_COUNT]; /* recovery factor */
};

/* One parameter as config, the TUI's Settings screen and the reports show it. */
struct engine_param_info {
	const char *name;     /* e.g. "sleep_hours", "muscle_rate_low" */
	double def;           /* default (docs/model.md) */
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
/* Ranges, whole numbers for the day counts, and the rules between
 * parameters (recovery_unloading < bedridden_unloading, low rate <= high
 * rate); 0 or RW_EDATA. */
int engine_params_check(const struct engine_params *p, struct rw_error *e);

/* Red-flag tiers (docs/model.md): a doctor the same day, or an emergency
 * department now. */
enum engine_urgency { URGENCY_NONE, URGENCY_URGENT, URGENCY_EMERGENCY };
/* "none", "urgent", "emergency". */
const char *engine_urgency_name(enum engine_urgency u);
int engine_urgency_parse(const char *name, enum engine_urgency *u);

#define ENGINE_PAIN_UNSET (-1)

/* One logged day as the engine sees it. */
struct engine_day {
	rw_day day;
	bool has_rest;          /* false: R = min(24 - A/60, S + tracked_hours) */
	double rest_hours;
	double tracked_hours;   /* lying down recorded with down/up; 0 when none */
	int activity_minutes;
	int pain;               /* 0-10, or ENGINE_PAIN_UNSET */
	enum engine_urgency urgency;
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
	int bed;                                 /* B, bedridden days in a row */
	int gap;                                 /* G, unlogged days in a row */
	int since_clot;                          /* W, or -1 before any clot-risk day */
	bool pain_run;                           /* a pain run is going on */
	rw_day pain_start;                       /* its first day */
	double loss[LOSS_COUNT][BAND_COUNT];     /* percent */
};

/* One calendar day's projection (the output names of docs/model.md). */
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
	bool red_flag;          /* urgency != URGENCY_NONE */
	double loss[LOSS_COUNT][BAND_COUNT];
	int bed_days;           /* B */
	enum engine_urgency urgency;
	bool clot_watch;
	int pain_days;
	/* Carried state that the outputs do not show (stored for resuming). */
	int gap_days;           /* G */
	int since_clot;         /* W, -1 for none */
};

/* A held day: not logged, but within gap_hold_days of the last logged
 * day, so the clock stands where it was. */
bool engine_proj_held(const struct engine_proj *p);

/* The state before the first day: clock 0, no losses. */
void engine_state_init(struct engine_state *st);
/* The state after the day of proj. */
void engine_state_from_proj(struct engine_state *st, const struct engine_proj *proj);

/* Advance st by one day and describe that day in *out.  day == NULL is a
 * day without an entry (a gap), held or ordinary; its date is gap_day. */
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
 * last->day + 1 ... + n; each is marked not logged, with no red flag.
 * Returns how many were written: fewer than n when the calendar ends
 * (9999-12-31). */
int engine_forecast(const struct engine_params *p, const struct engine_proj *last,
		    const struct engine_day *like, int n, struct engine_proj *out);

#endif
