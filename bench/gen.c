/* gen.c - a realistic, deterministic restwatch history of N years, written
 * fast: into a journal (one journal_import() transaction, so the stored
 * projections are the real ones), as CSV in the export layout (the seven
 * entry columns) for `restwatch import`, and as timewarrior intervals.
 *
 *   gen --years N [--end YYYY-MM-DD] [--seed S]
 *       [--db FILE] [--csv FILE] [--timew DIR]
 *
 * The history ends on --end (default 2025-12-31) and starts N years
 * earlier (the day after the same date N years before).  The same seed and
 * span give the same days, bit for bit.
 *
 * The model: ordinary days (7-9.5 h in bed, a walk most days, now and then
 * cycling or stretching, little pain, a weekly weight); an episode of acute
 * back pain every 1.5-5 months: 1-5 days mostly in bed (pain 6-9, spasm,
 * sciatica...), then 4-21 days of recovery with less rest, longer walks,
 * water therapy and physio as pain falls; unlogged days (2 %) and now and
 * then a week or so away; notes on about 5 % of days, some of them with
 * commas, quotes or a line break; a red-flag symptom about once in four
 * years.  The first and last days are always logged.
 *
 * timewarrior gets the same days as intervals, one per activity plus one
 * "rest" interval per day with rest hours: rest from 00:00, then the
 * activities one after the other, each tagged with its kind (the rest
 * interval also carries painN while pain is logged).  Files are written
 * directly: DIR/timewarrior.cfg (empty), DIR/extensions/, DIR/data/YYYY-MM.data
 * ("inc 20160101T000000Z - 20160101T083000Z # rest pain2") and
 * DIR/data/tags.data (JSON tag counts), as timew 1.4 writes them.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "date.h"
#include "entry.h"
#include "journal.h"

/* ---- deterministic randomness (splitmix64) ---------------------------- */

static uint64_t rng_state;

static uint64_t rng_next(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, 1). */
static double rnd(void)
{
	return (double)(rng_next() >> 11) * (1.0 / 9007199254740992.0);
}

/* Uniform integer in [lo, hi]. */
static int rint_in(int lo, int hi)
{
	return lo + (int)(rng_next() % (uint64_t)(hi - lo + 1));
}

static int chance(double p)
{
	return rnd() < p;
}

/* ---- the history -------------------------------------------------------- */

static const char *const notes[] = {
	"slept badly",
	"lifted boxes at work, back twinged",
	"physio said \"keep walking, even when it hurts a little\"",
	"pool closed; walked instead",
	"long drive (4 h), stiff afterwards",
	"good day",
	"new mattress",
	"ice then heat, 20 min each",
	"back to work half days",
	"garden work, careful bending\nfelt fine in the evening",
	"ibuprofen 400 mg twice",
	"stairs were hard",
};
#define N_NOTES (sizeof notes / sizeof notes[0])

static const char *const ep_symptoms[] = { "spasm", "sciatica", "stiffness", "leg-pain",
					   "numbness", "tingling" };
static const double ep_symptom_p[] = { 0.6, 0.3, 0.5, 0.2, 0.1, 0.1 };

struct sim {
	rw_day first, last, day; /* day: the next one to produce */
	int until_episode;       /* ordinary days before the next episode */
	int bed_left, bed_len;   /* days of the episode's bed rest left */
	int rec_left, rec_len;   /* days of recovery left */
	int away_left;           /* unlogged days left */
	int weight_dg;
	int gen_symptoms;        /* this episode's symptom set, as bits */
};

static void sim_init(struct sim *s, rw_day first, rw_day last)
{
	memset(s, 0, sizeof *s);
	s->first = first;
	s->last = last;
	s->day = first;
	s->until_episode = rint_in(10, 120);
	s->weight_dg = rint_in(700, 880);
}

static void add_act(struct entry *en, enum activity_kind k, int minutes)
{
	if (en->n_activities < ENTRY_MAX_ACTIVITIES && minutes > 0) {
		en->activities[en->n_activities].kind = k;
		en->activities[en->n_activities].minutes = minutes;
		en->n_activities++;
	}
}

static void add_sym(struct entry *en, const char *name)
{
	if (en->n_symptoms < ENTRY_MAX_SYMPTOMS) {
		snprintf(en->symptoms[en->n_symptoms], SYMPTOM_MAX + 1, "%s", name);
		en->n_symptoms++;
	}
}

/* Rest hours in half-hour steps, within [lo, hi]. */
static double half_hours(double lo, double hi)
{
	int a = (int)(lo * 2), b = (int)(hi * 2);
	return rint_in(a, b) / 2.0;
}

static void fill_ordinary(struct entry *en)
{
	en->has_rest = true;
	en->rest_hours = half_hours(7, 9.5);
	if (chance(0.03))
		en->rest_hours = 10.5;
	if (chance(0.6))
		add_act(en, ACT_WALKING, 5 * rint_in(4, 12));
	if (chance(0.08))
		add_act(en, ACT_CYCLING, 10 * rint_in(3, 9));
	if (chance(0.2))
		add_act(en, ACT_STRETCHING, 5 * rint_in(2, 4));
	if (chance(0.02))
		add_act(en, ACT_OTHER, 15 * rint_in(2, 8));
	if (chance(0.7))
		en->pain = rint_in(0, 2);
	if (chance(0.05))
		add_sym(en, "stiffness");
}

static void fill_bed(struct sim *s, struct entry *en)
{
	int i;
	en->has_rest = true;
	en->rest_hours = half_hours(19, 24);
	en->pain = rint_in(6, 9);
	for (i = 0; i < 6; i++)
		if (s->gen_symptoms & (1 << i))
			add_sym(en, ep_symptoms[i]);
	if (s->bed_left == 1 && en->rest_hours <= 22 && chance(0.5))
		add_act(en, ACT_WALKING, 10);
}

static void fill_recovery(struct sim *s, struct entry *en)
{
	/* f goes from 0 (first day up) to 1 (back to ordinary). */
	double f = s->rec_len > 1 ? (double)(s->rec_len - s->rec_left) / (s->rec_len - 1) : 1;
	int i;

	en->has_rest = true;
	en->rest_hours = half_hours(14 - 5 * f - 1, 14 - 5 * f + 1);
	if (chance(0.9))
		add_act(en, ACT_WALKING, 5 * (int)(2 + 8 * f + rint_in(0, 2)));
	if (chance(0.3))
		add_act(en, ACT_WATER_THERAPY, 15 * rint_in(2, 3));
	if (chance(0.4))
		add_act(en, ACT_STRETCHING, 5 * rint_in(2, 3));
	if (chance(0.15))
		add_act(en, ACT_PHYSIO, 45);
	en->pain = (int)(5.5 - 4.5 * f) + rint_in(0, 1);
	if (en->pain > 10)
		en->pain = 10;
	for (i = 0; i < 6; i++)
		if ((s->gen_symptoms & (1 << i)) && chance(1 - f))
			add_sym(en, ep_symptoms[i]);
}

/* The next logged day into en; 0 at the end. */
static int sim_next(struct sim *s, struct entry *en)
{
	for (; s->day <= s->last; s->day++) {
		rw_day d = s->day;
		bool edge = d == s->first || d == s->last;

		entry_init(en, d);
		/* Advance the episode machine one day. */
		if (s->bed_left > 0) {
			fill_bed(s, en);
			if (--s->bed_left == 0) {
				s->rec_len = s->rec_left = rint_in(4, 21);
			}
		} else if (s->rec_left > 0) {
			fill_recovery(s, en);
			if (--s->rec_left == 0)
				s->until_episode = rint_in(45, 150);
		} else if (s->until_episode-- <= 0) {
			int i, r = rint_in(1, 10);
			s->bed_len = s->bed_left = r <= 4 ? 1 + (r > 2) : r <= 8 ? 3 : r - 5; /* 1-5 */
			s->gen_symptoms = 0;
			for (i = 0; i < 6; i++)
				if (chance(ep_symptom_p[i]))
					s->gen_symptoms |= 1 << i;
			fill_bed(s, en);
			if (--s->bed_left == 0)
				s->rec_len = s->rec_left = rint_in(4, 21);
		} else {
			fill_ordinary(en);
		}
		/* Days away and forgotten days (never the first or last). */
		if (!edge) {
			if (s->away_left > 0) {
				s->away_left--;
				continue;
			}
			if (s->bed_left == 0 && s->rec_left == 0 && chance(1.0 / 300)) {
				s->away_left = rint_in(3, 10) - 1;
				continue;
			}
			if (chance(0.02))
				continue;
		}
		if (chance(1.0 / 7)) {
			s->weight_dg += rint_in(-6, 6);
			if (s->weight_dg < 600)
				s->weight_dg = 600;
			if (s->weight_dg > 1100)
				s->weight_dg = 1100;
			en->weight_dg = s->weight_dg;
		}
		if (chance(0.05))
			snprintf(en->note, sizeof en->note, "%s", notes[rng_next() % N_NOTES]);
		if (chance(1.0 / 1500))
			add_sym(en, "fever");
		s->day++;
		return 1;
	}
	return 0;
}

/* ---- outputs ------------------------------------------------------------- */

struct out {
	struct sim sim;
	FILE *csv;
	const char *tw_dir;
	FILE *tw_month;            /* the open data/YYYY-MM.data */
	int tw_y, tw_m;
	long tag_count[ACT_KINDS + 1 + 11]; /* kinds, rest, pain0..pain10 */
	long days, intervals;
	struct rw_error err;
	int failed;
};

static void csv_field(FILE *f, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static void csv_row(FILE *f, const struct entry *en)
{
	char date[DATE_BUFSZ], buf[SYMPTOMS_TEXT_MAX];

	fputs(date_format(en->day, date), f);
	fputc(',', f);
	if (en->has_rest)
		fputs(entry_format_rest(en->rest_hours, buf, sizeof buf), f);
	fputc(',', f);
	fputs(entry_format_activities(en, buf, sizeof buf), f);
	fputc(',', f);
	if (en->pain != PAIN_UNSET)
		fprintf(f, "%d", en->pain);
	fputc(',', f);
	fputs(entry_format_symptoms(en, buf, sizeof buf), f);
	fputc(',', f);
	if (en->weight_dg != WEIGHT_UNSET)
		fputs(entry_format_weight(en->weight_dg, buf, sizeof buf), f);
	fputc(',', f);
	csv_field(f, en->note);
	fputs("\r\n", f);
}

/* "20160101T083000Z" for day d plus minutes. */
static void tw_time(char *out, size_t n, rw_day d, long minutes)
{
	int y, m, dd;
	date_to_ymd(d + (rw_day)(minutes / 1440), &y, &m, &dd);
	minutes %= 1440;
	snprintf(out, n, "%04d%02d%02dT%02ld%02ld00Z", y, m, dd, minutes / 60, minutes % 60);
}

static int tw_open_month(struct out *o, rw_day d)
{
	int y, m, dd;
	char path[4096];

	date_to_ymd(d, &y, &m, &dd);
	if (o->tw_month && y == o->tw_y && m == o->tw_m)
		return 0;
	if (o->tw_month && fclose(o->tw_month) != 0)
		return -1;
	snprintf(path, sizeof path, "%s/data/%04d-%02d.data", o->tw_dir, y, m);
	if (!(o->tw_month = fopen(path, "w"))) {
		fprintf(stderr, "gen: %s: %s\n", path, strerror(errno));
		return -1;
	}
	o->tw_y = y;
	o->tw_m = m;
	return 0;
}

static int tw_day(struct out *o, const struct entry *en)
{
	char a[24], b[24];
	long t = 0;
	int i;

	if (tw_open_month(o, en->day))
		return -1;
	if (en->has_rest && en->rest_hours > 0) {
		long end = (long)(en->rest_hours * 60 + 0.5);
		tw_time(a, sizeof a, en->day, 0);
		tw_time(b, sizeof b, en->day, end);
		fprintf(o->tw_month, "inc %s - %s # rest", a, b);
		o->tag_count[ACT_KINDS]++;
		if (en->pain != PAIN_UNSET) {
			fprintf(o->tw_month, " pain%d", en->pain);
			o->tag_count[ACT_KINDS + 1 + en->pain]++;
		}
		fputc('\n', o->tw_month);
		o->intervals++;
		t = end;
	}
	for (i = 0; i < en->n_activities; i++) {
		long end = t + en->activities[i].minutes;
		tw_time(a, sizeof a, en->day, t);
		tw_time(b, sizeof b, en->day, end);
		fprintf(o->tw_month, "inc %s - %s # %s\n", a, b,
			entry_kind_name(en->activities[i].kind));
		o->tag_count[en->activities[i].kind]++;
		o->intervals++;
		t = end;
	}
	return 0;
}

static int tw_finish(struct out *o)
{
	char path[4096];
	FILE *f;
	int i, first = 1;

	if (o->tw_month && fclose(o->tw_month) != 0)
		return -1;
	o->tw_month = NULL;
	snprintf(path, sizeof path, "%s/data/tags.data", o->tw_dir);
	if (!(f = fopen(path, "w")))
		return -1;
	fputs("{\n", f);
	for (i = 0; i < ACT_KINDS + 1 + 11; i++) {
		char name[16];
		if (!o->tag_count[i])
			continue;
		if (i < ACT_KINDS)
			snprintf(name, sizeof name, "%s", entry_kind_name((enum activity_kind)i));
		else if (i == ACT_KINDS)
			snprintf(name, sizeof name, "rest");
		else
			snprintf(name, sizeof name, "pain%d", i - ACT_KINDS - 1);
		fprintf(f, "%s  \"%s\":{\"count\":%ld}", first ? "" : ",\n", name, o->tag_count[i]);
		first = 0;
	}
	fputs("\n}", f);
	return fclose(f);
}

/* journal_import's next(): one simulated day, also written to the CSV and
 * timewarrior outputs. */
static int next_day(void *ctx, struct entry *en, struct rw_error *e)
{
	struct out *o = ctx;

	if (!sim_next(&o->sim, en))
		return 0;
	if (entry_validate(en, e) != 0)
		return e ? e->code : RW_EDATA;
	if (o->csv)
		csv_row(o->csv, en);
	if (o->tw_dir && tw_day(o, en) != 0)
		return rw_fail(e, RW_EIO, "timewarrior output failed");
	o->days++;
	return 1;
}

static int mkdir_p(const char *path)
{
	char buf[4096], *p;
	snprintf(buf, sizeof buf, "%s", path);
	for (p = buf + 1; *p; p++) {
		if (*p == '/') {
			*p = '\0';
			if (mkdir(buf, 0755) != 0 && errno != EEXIST)
				return -1;
			*p = '/';
		}
	}
	return mkdir(buf, 0755) != 0 && errno != EEXIST ? -1 : 0;
}

_Noreturn static void usage(void)
{
	fputs("usage: gen --years N [--end YYYY-MM-DD] [--seed S] [--db FILE] [--csv FILE]\n"
	      "           [--timew DIR]\n",
	      stderr);
	exit(64);
}

int main(int argc, char **argv)
{
	static struct out o;
	const char *db = NULL, *csv = NULL, *end_s = "2025-12-31";
	unsigned long long seed = 20260302;
	int years = 0, i, y, m, d;
	rw_day first, last;
	struct timespec t0, t1;
	struct entry *en;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(a, "--years") && v)
			years = atoi(v), i++;
		else if (!strcmp(a, "--end") && v)
			end_s = v, i++;
		else if (!strcmp(a, "--seed") && v)
			seed = strtoull(v, NULL, 10), i++;
		else if (!strcmp(a, "--db") && v)
			db = v, i++;
		else if (!strcmp(a, "--csv") && v)
			csv = v, i++;
		else if (!strcmp(a, "--timew") && v)
			o.tw_dir = v, i++;
		else
			usage();
	}
	if (years < 1 || years > 1000 || date_parse_iso(end_s, &last) != 0)
		usage();
	date_to_ymd(last, &y, &m, &d);
	if (m == 2 && d == 29)
		d = 28;
	first = date_from_ymd(y - years, m, d) + 1;
	rng_state = seed;
	sim_init(&o.sim, first, last);
	clock_gettime(CLOCK_MONOTONIC, &t0);

	if (csv) {
		if (!(o.csv = fopen(csv, "w"))) {
			fprintf(stderr, "gen: %s: %s\n", csv, strerror(errno));
			return 73;
		}
		fputs("date,rest_hours,activities,pain,symptoms,weight_kg,note\r\n", o.csv);
	}
	if (o.tw_dir) {
		char path[4096];
		FILE *f;
		snprintf(path, sizeof path, "%s/data", o.tw_dir);
		if (mkdir_p(path) != 0) {
			fprintf(stderr, "gen: %s: %s\n", path, strerror(errno));
			return 73;
		}
		snprintf(path, sizeof path, "%s/extensions", o.tw_dir);
		mkdir_p(path);
		snprintf(path, sizeof path, "%s/timewarrior.cfg", o.tw_dir);
		if (!(f = fopen(path, "w")) || fclose(f) != 0) {
			fprintf(stderr, "gen: %s: cannot create\n", path);
			return 73;
		}
	}

	if (db) {
		struct journal *j = NULL;
		long count = 0;
		if (journal_open(&j, db, &o.err) != 0 ||
		    journal_import(j, next_day, &o, &count, &o.err) != 0) {
			fprintf(stderr, "gen: %s: %s\n", db, o.err.msg);
			journal_close(j);
			return 74;
		}
		journal_close(j);
	} else {
		int r;
		if (!(en = malloc(sizeof *en)))
			return 71;
		while ((r = next_day(&o, en, &o.err)) == 1)
			;
		free(en);
		if (r < 0) {
			fprintf(stderr, "gen: %s\n", o.err.msg);
			return 74;
		}
	}
	if (o.csv && fclose(o.csv) != 0) {
		fprintf(stderr, "gen: %s: write error\n", csv);
		return 74;
	}
	if (o.tw_dir && tw_finish(&o) != 0) {
		fprintf(stderr, "gen: %s: write error\n", o.tw_dir);
		return 74;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	{
		char a[DATE_BUFSZ], b[DATE_BUFSZ];
		fprintf(stderr, "gen: %d years, %s to %s: %ld logged days of %ld, %ld intervals, %.2f s\n",
			years, date_format(first, a), date_format(last, b), o.days,
			(long)(last - first + 1), o.intervals,
			(double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
	}
	return 0;
}
