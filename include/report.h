/* report.h - the history report in every format, and the summary they share.
 *
 * Each writer takes a FILE * so that the command line (stdout or -o FILE)
 * and the TUI's Report screen share it.  A writer reads the journal through
 * journal.h only, streaming the days, so memory does not grow with history.
 */
#ifndef RESTWATCH_REPORT_H
#define RESTWATCH_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "date.h"
#include "engine.h"
#include "entry.h"
#include "journal.h"
#include "rwerr.h"

struct report_range {
	bool has_from, has_to;
	rw_day from, to;
};

struct report_opts {
	struct report_range range; /* unset ends default to the logged span */
	rw_day today;
};

enum warning_kind { WARN_RED_FLAG, WARN_CLOT_RISK, WARN_DECONDITIONING };

struct report_warning {
	rw_day day;
	enum warning_kind kind;
	char symptom[SYMPTOM_MAX + 1]; /* the red flag, for WARN_RED_FLAG */
	double rest_clock_hours;
};

/* What every report says before its table. */
struct report_summary {
	bool empty;                 /* nothing logged in the period */
	rw_day from, to;            /* the period: requested, or the logged span */
	rw_day first, last;         /* the days covered: logged span within period */
	long days;                  /* calendar days from first to last */
	long days_logged, days_missing;
	long longest_days;          /* the longest run of rest days (clock > 0) */
	rw_day longest_from, longest_to;
	double longest_peak_clock;
	long days_past_threshold;   /* clock > threshold_hours */
	long days_clot_risk;        /* clock >= clot_hours */
	double peak[LOSS_COUNT][BAND_COUNT];
	rw_day peak_day;            /* the day of the highest muscle_loss_high */
	struct engine_proj current; /* the last day covered */
	long activity_minutes[ACT_KINDS];
	long activity_sessions[ACT_KINDS];
	/* Walking minutes a day and mean pain, first 7 days vs last 7 days. */
	double walking_first, walking_last;
	double pain_first, pain_last; /* NAN when no pain was logged then */
	int pain_first_n, pain_last_n;
	/* Warnings in date order: red flags, the first day of each rest past
	 * threshold_hours, the first clot-risk day of each episode. */
	struct report_warning *warnings; /* malloc'd; report_summary_free */
	size_t n_warnings;
	struct engine_params params;
};

int report_summarize(struct journal *j, const struct report_opts *o,
		     struct report_summary *s, struct rw_error *e);
void report_summary_free(struct report_summary *s);

/* One sentence for a warning, e.g. "rest passed 48 h (rest clock 53 h): a
 * short walk or water therapy". */
char *report_warning_text(const struct report_warning *w, const struct engine_params *p,
			  char *out, size_t n);

int report_write_json(FILE *f, struct journal *j, const struct report_opts *o,
		      struct rw_error *e);

#endif
