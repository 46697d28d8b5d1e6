/* fuzz_csv_writer - the CSV report (src/report/csv.c) and import read back.
 *
 * journal_each and journal_import are replaced (ld --wrap): the report
 * writes one day built from the input (any note bytes, lists and values
 * in range), and import hands back what it read.  Properties: the report
 * is RFC 4180 that the CSV reader reads as a header and one row of 25
 * fields whose note is the note byte for byte; and when the day is one
 * restwatch could store (its note passes entry_parse_note), importing the
 * report gives the same entry back. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "csv.h"

/* The columns of docs/formats.md (version 2). */
#define CSV_COLUMNS 25
#include "import.h"
#include "report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int __wrap_journal_each(struct journal *j, rw_day from, rw_day to, unsigned flags,
			journal_day_fn fn, void *ctx, struct rw_error *e);
int __wrap_journal_import(struct journal *j, journal_next_fn next, void *ctx, long *count,
			  struct rw_error *e);

static struct entry day, back;
static struct engine_proj proj;
static int imported;

int __wrap_journal_each(struct journal *j, rw_day from, rw_day to, unsigned flags,
			journal_day_fn fn, void *ctx, struct rw_error *e)
{
	(void)j;
	(void)from;
	(void)to;
	(void)flags;
	(void)e;
	return fn(ctx, &proj, &day);
}

int __wrap_journal_import(struct journal *j, journal_next_fn next, void *ctx, long *count,
			  struct rw_error *e)
{
	int r;
	(void)j;
	*count = 0;
	while ((r = next(ctx, &back, e)) == 1) {
		imported++;
		(*count)++;
	}
	return r;
}

struct src {
	const char *p;
	size_t left;
};

static ssize_t src_read(void *ctx, char *buf, size_t n)
{
	struct src *s = ctx;
	size_t k = n < s->left ? n : s->left;
	memcpy(buf, s->p, k);
	s->p += k;
	s->left -= k;
	return (ssize_t)k;
}

static char rec[IMPORT_RECORD_MAX + 64 * 2];
static char scratch[NOTE_MAX + 1];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "sciatica", "fever", "leg-pain", "x", "a-b-c" };
	struct report_opts o;
	struct rw_error e = { 0, "" };
	struct import_result res;
	struct csv c;
	struct src s;
	char *out = NULL;
	size_t len, flen;
	FILE *f;
	int i, r;

	if (size < 8)
		return 0;
	/* Eight bytes for the values, the rest is the note. */
	entry_init(&day, date_min() + (rw_day)((data[0] << 8 | data[1]) * 97 % 2900000));
	day.has_rest = data[2] & 1;
	day.rest_hours = (double)(data[2] >> 1) / 8; /* 0-15.875 */
	for (i = 0; i < data[3] % 5; i++) {
		day.activities[i].kind = (enum activity_kind)((data[4] + i) % ACT_KINDS);
		day.activities[i].minutes = 1 + (data[5] + 7 * i) % 60;
		day.n_activities++;
	}
	day.pain = data[6] % 12 - 1;
	for (i = 0; i < data[7] % 4; i++)
		snprintf(day.symptoms[day.n_symptoms++], SYMPTOM_MAX + 1, "%s", names[(data[7] + i) % 5]);
	day.weight_dg = data[4] % 2 ? 200 + data[5] * 14 : WEIGHT_UNSET;
	len = size - 8 < NOTE_MAX ? size - 8 : NOTE_MAX;
	memcpy(day.note, data + 8, len);
	day.note[len] = '\0';
	memset(&proj, 0, sizeof proj);
	proj.day = day.day;
	proj.logged = 1;
	proj.activity_minutes = entry_activity_minutes(&day);
	proj.rest_clock_hours = data[3] * 1.5;

	memset(&o, 0, sizeof o);
	f = open_memstream(&out, &len);
	REQUIRE(f);
	REQUIRE(report_run(f, NULL, &report_csv, &o, &e) == 0);
	fclose(f);
	REQUIRE(utf8_valid(out) || !utf8_valid(day.note));

	s = (struct src){ out, len };
	csv_init(&c, src_read, &s, rec, sizeof rec);
	REQUIRE(csv_next(&c) == CSV_RECORD && c.nfields == CSV_COLUMNS);
	REQUIRE(strcmp(csv_field(&c, 0, NULL), "date") == 0);
	REQUIRE(strcmp(csv_field(&c, 6, NULL), "note") == 0);
	/* Whatever the note holds, it reads back byte for byte. */
	r = csv_next(&c);
	REQUIRE(r == CSV_RECORD && c.nfields == CSV_COLUMNS);
	/* a note a spreadsheet could run carries one more leading ' */
	REQUIRE(strcmp(csv_unguard(csv_field(&c, 6, &flen)), day.note) == 0 &&
		flen == strlen(day.note) + (csv_formula_start(day.note) ? 1 : 0));
	REQUIRE(csv_next(&c) == CSV_END);
	if (entry_parse_note(day.note, scratch, "note", NULL) == 0) {
		/* A day restwatch can store: import gives it back. */
		FILE *in = fmemopen(out, len, "rb");
		REQUIRE(in);
		imported = 0;
		r = import_csv(NULL, in, "report.csv", date_max(), &res, &e);
		fclose(in);
		if (r != 0)
			fprintf(stderr, "import: %s\n", e.msg);
		REQUIRE(r == 0 && imported == 1);
		REQUIRE(back.day == day.day && back.has_rest == day.has_rest);
		REQUIRE(!day.has_rest || back.rest_hours == day.rest_hours);
		REQUIRE(back.n_activities == day.n_activities && back.n_symptoms == day.n_symptoms);
		for (i = 0; i < day.n_activities; i++)
			REQUIRE(back.activities[i].kind == day.activities[i].kind &&
				back.activities[i].minutes == day.activities[i].minutes);
		for (i = 0; i < day.n_symptoms; i++)
			REQUIRE(strcmp(back.symptoms[i], day.symptoms[i]) == 0);
		REQUIRE(back.pain == day.pain && back.weight_dg == day.weight_dg);
		REQUIRE(strcmp(back.note, day.note) == 0);
	}
	free(out);
	return 0;
}
