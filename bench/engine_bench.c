/* engine_bench.c - the in-process engine row: a full recompute of a long
 * history with engine_run(), against reading the same days from SQLite.
 *
 *   engine_bench JOURNAL [REPS]
 *
 * Reading: journal_each() over every calendar day of the journal (stored
 * projection plus entry, the gaps included), with a callback that only
 * counts - what any full read costs.  Engine: engine_run() over the logged
 * days (collected once beforehand, not timed) into a preallocated array of
 * one projection per calendar day, from the initial state - the arithmetic
 * of a full recompute, without storing it.  Each is run REPS times
 * (default 15), alternating; the medians are printed:
 *   days rows read_us engine_us
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "engine.h"
#include "entry.h"
#include "journal.h"

struct collect {
	struct engine_day *days;
	size_t n, cap;
	long rows;
};

static int count_row(void *ctx, const struct engine_proj *p, const struct entry *en)
{
	struct collect *c = ctx;
	(void)p;
	(void)en;
	c->rows++;
	return 0;
}

static int collect_row(void *ctx, const struct engine_proj *p, const struct entry *en)
{
	struct collect *c = ctx;
	struct engine_day *d;

	c->rows++;
	if (!en)
		return 0;
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 4096;
		struct engine_day *nd = realloc(c->days, cap * sizeof *nd);
		if (!nd)
			return RW_ENOMEM;
		c->days = nd;
		c->cap = cap;
	}
	d = &c->days[c->n++];
	(void)p;
	entry_engine_day(en, d);
	return 0;
}

static double now_us(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int main(int argc, char **argv)
{
	struct rw_error e = { 0, "" };
	struct journal *j = NULL;
	struct engine_params p;
	struct collect c = { 0 };
	struct engine_proj *out;
	rw_day first, last;
	long logged;
	bool found;
	size_t span, got = 0;
	double *tr, *te, sink = 0;
	int reps = argc > 2 ? atoi(argv[2]) : 15, i;

	if (argc < 2 || reps < 1) {
		fputs("usage: engine_bench JOURNAL [REPS]\n", stderr);
		return 64;
	}
	if (journal_open(&j, argv[1], &e) || journal_params(j, &p, &e) ||
	    journal_bounds(j, &first, &last, &logged, &found, &e)) {
		fprintf(stderr, "engine_bench: %s\n", e.msg);
		return 74;
	}
	if (!found) {
		fprintf(stderr, "engine_bench: %s: empty journal\n", argv[1]);
		return 65;
	}
	if (journal_each(j, first, last, 0, collect_row, &c, &e)) {
		fprintf(stderr, "engine_bench: %s\n", e.msg);
		return 74;
	}
	span = engine_span(c.days, c.n);
	out = malloc(span * sizeof *out);
	tr = malloc((size_t)reps * sizeof *tr);
	te = malloc((size_t)reps * sizeof *te);
	if (!out || !tr || !te)
		return 71;

	for (i = 0; i < reps; i++) {
		struct collect k = { 0 };
		struct engine_state st;
		double t;

		t = now_us();
		if (journal_each(j, first, last, 0, count_row, &k, &e)) {
			fprintf(stderr, "engine_bench: %s\n", e.msg);
			return 74;
		}
		tr[i] = now_us() - t;

		t = now_us();
		engine_state_init(&st);
		got = engine_run(&p, &st, c.days, c.n, out, span);
		te[i] = now_us() - t;
		sink += out[got ? got - 1 : 0].loss[LOSS_MUSCLE][BAND_HIGH] + (double)k.rows;
	}
	if (got != span) {
		fprintf(stderr, "engine_bench: engine_run wrote %zu of %zu days\n", got, span);
		return 70;
	}
	printf("%zu %ld %.0f %.0f\n", span, c.rows, median(tr, reps), median(te, reps));
	if (sink < 0)
		puts("");
	journal_close(j);
	free(out);
	free(tr);
	free(te);
	free(c.days);
	return 0;
}
