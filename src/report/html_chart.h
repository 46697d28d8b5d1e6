/* html_chart.h - the HTML report's inline SVG charts (html_chart.c): the
 * days binned into columns in one pass, then the charts drawn. */
#ifndef RESTWATCH_HTML_CHART_H
#define RESTWATCH_HTML_CHART_H

#include <stdio.h>

#include "report.h"

#define HTML_MAX_COLS 120 /* columns of a chart at most */

enum html_series {
	S_REST,   /* rest hours, mean of the column's logged days */
	S_CLOCK,  /* rest clock, highest */
	S_PAIN,   /* pain, mean */
	S_LOGGED, /* 1 on a logged day, NAN on a gap: NAN for a column of gaps */
	S_RED,    /* 1 on a day with a red flag, else 0: highest */
	S_LOSS,   /* then the six losses, loss x band b at S_LOSS + 2x + b, highest */
	S_COUNT = S_LOSS + LOSS_COUNT * BAND_COUNT
};

struct html_bins {
	size_t per;               /* days in one column */
	size_t cols;              /* columns done */
	size_t filled;            /* days in the column being gathered */
	double *chunk;            /* S_COUNT x per samples of that column */
	double v[S_COUNT][HTML_MAX_COLS];
	rw_day day[HTML_MAX_COLS]; /* first day of each column */
	rw_day last;              /* the last day gathered */
};

/* Ready b for days days (malloc'd chunk; free it when done). */
int html_bins_init(struct html_bins *b, long days, struct rw_error *e);

/* One day's samples (a journal_day_fn; ctx is the struct html_bins). */
int html_bins_day(void *ctx, const struct engine_proj *p, const struct entry *en);

/* Close the last column. */
void html_bins_flush(struct html_bins *b);

/* The charts section: rest hours, the rest clock, pain and each loss. */
void html_charts(FILE *f, const struct html_bins *b, const struct report_summary *s);

#endif
