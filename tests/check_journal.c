/* check_journal.c - the SQLite journal: creation, refusal of foreign and
 * newer files, undo and redo of every kind of change and how they name it,
 * backup, and stored projections equal to a full recompute after any
 * sequence of edits, undos and redos. */
#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "journal.h"
#include "jsonw.h"
#include "check_main.h"

static char dir[64];
static char path[128];

static void setup(void)
{
	strcpy(dir, "/tmp/rw-check-journal-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/j.db", dir);
}

static void teardown(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

static struct journal *open_ok(const char *p)
{
	struct journal *j = NULL;
	struct rw_error e = { 0, "" };
	ck_assert_msg(journal_open(&j, p, &e) == 0, "open: %s", e.msg);
	return j;
}

static rw_day day(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

/* --- editing helpers ---------------------------------------------------- */

struct set {
	double rest; /* < 0: leave */
	int activity_minutes;
	const char *symptom;
	const char *note;
};

static int apply(void *ctx, struct entry *en, bool existed, struct rw_error *e)
{
	const struct set *s = ctx;
	(void)existed;
	if (s->rest >= 0) {
		en->has_rest = true;
		en->rest_hours = s->rest;
	}
	if (s->activity_minutes) {
		struct activity a = { ACT_WALKING, s->activity_minutes };
		int r = entry_add_activity(en, a, "--activity", e);
		if (r)
			return r;
	}
	if (s->symptom)
		return entry_add_symptom(en, s->symptom, "--symptom", e);
	if (s->note)
		snprintf(en->note, sizeof en->note, "%s", s->note);
	return 0;
}

static void log_day(struct journal *j, rw_day d, double rest, int act)
{
	struct set s = { rest, act, NULL, NULL };
	struct rw_error e = { 0, "" };
	ck_assert_msg(journal_edit(j, d, apply, &s, &e) == 0, "edit: %s", e.msg);
}

static int dump_day(void *ctx, const struct engine_proj *p, const struct entry *en)
{
	jsonw_day(ctx, p, en, 0);
	fputc('\n', ctx);
	return 0;
}

/* Everything the journal holds, as text: days with projections and params. */
static char *dump(struct journal *j)
{
	struct engine_params p;
	struct rw_error e;
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);

	ck_assert_int_eq(journal_params(j, &p, &e), 0);
	jsonw_params(f, &p, 0);
	fputc('\n', f);
	ck_assert_int_eq(journal_each(j, date_min(), date_max(), 0, dump_day, f, &e), 0);
	fclose(f);
	return buf;
}

static void assert_sound(struct journal *j)
{
	char report[4096];
	struct rw_error e = { 0, "" };
	ck_assert_msg(journal_check(j, report, sizeof report, &e) == 0, "check: %s\n%s", e.msg,
		      report);
}

/* --- tests ----------------------------------------------------------------- */

START_TEST(create_is_private_and_reopens)
{
	struct journal *j = open_ok(path);
	struct stat st;
	rw_day first, last;
	long logged;
	bool found;
	struct rw_error e;

	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	ck_assert_int_eq(journal_bounds(j, &first, &last, &logged, &found, &e), 0);
	ck_assert(!found);
	log_day(j, day(2026, 3, 2), 24, 0);
	journal_close(j);

	j = open_ok(path);
	ck_assert_int_eq(journal_bounds(j, &first, &last, &logged, &found, &e), 0);
	ck_assert(found);
	ck_assert_int_eq(first, day(2026, 3, 2));
	ck_assert_int_eq(logged, 1);
	assert_sound(j);
	journal_close(j);
	/* No temporary files are left beside it. */
	{
		char cmd[160];
		snprintf(cmd, sizeof cmd, "test $(ls -A '%s' | grep -v '^j.db' | wc -l) -eq 0", dir);
		ck_assert_int_eq(system(cmd), 0);
	}
}
END_TEST

/* Overwrite bytes of the file at off. */
static void poke(const char *p, off_t off, const void *bytes, size_t n)
{
	int fd = open(p, O_WRONLY);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(pwrite(fd, bytes, n, off), (ssize_t)n);
	close(fd);
}

static char *slurp(const char *p, size_t *n)
{
	FILE *f = fopen(p, "rb");
	char *buf;
	long len;
	ck_assert_ptr_nonnull(f);
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	buf = malloc((size_t)len + 1);
	ck_assert_int_eq(fread(buf, 1, (size_t)len, f), (size_t)len);
	fclose(f);
	*n = (size_t)len;
	return buf;
}

/* Opening p must fail with code and leave its bytes exactly as they were. */
static void refused(const char *p, int code, const char *msg_part)
{
	struct journal *j = NULL;
	struct rw_error e = { 0, "" };
	size_t n1, n2;
	char *before = slurp(p, &n1), *after;

	ck_assert_int_eq(journal_open(&j, p, &e), code);
	ck_assert_ptr_null(j);
	ck_assert_msg(strstr(e.msg, msg_part), "message: %s", e.msg);
	after = slurp(p, &n2);
	ck_assert_int_eq(n1, n2);
	ck_assert(memcmp(before, after, n1) == 0);
	free(before);
	free(after);
}

START_TEST(refuses_newer_and_foreign)
{
	static const unsigned char v99[4] = { 0, 0, 0, 99 }, other[4] = { 1, 2, 3, 4 };
	struct journal *j = open_ok(path);
	FILE *f;

	log_day(j, day(2026, 3, 2), 24, 0);
	journal_close(j);
	poke(path, 60, v99, 4); /* PRAGMA user_version = 99 */
	refused(path, RW_EIO, "newer restwatch");
	poke(path, 68, other, 4); /* another application's id */
	refused(path, RW_EIO, "not a restwatch journal");

	f = fopen(path, "w");
	fputs("date,rest_hours\n2026-03-02,24\n", f);
	fclose(f);
	refused(path, RW_EIO, "not an SQLite database");
}
END_TEST

START_TEST(refuses_truncated_and_directories)
{
	struct journal *j = open_ok(path), *j2 = NULL;
	struct rw_error e = { 0, "" };
	char sub[160];
	int d;

	for (d = 0; d < 200; d++)
		log_day(j, day(2026, 1, 1) + d, 12, 30);
	journal_close(j);
	ck_assert_int_eq(truncate(path, 8192), 0);
	refused(path, RW_EIO, "truncated");

	ck_assert_int_eq(journal_open(&j2, dir, &e), RW_EIO);
	ck_assert_ptr_nonnull(strstr(e.msg, "is a directory"));
	snprintf(sub, sizeof sub, "%s/missing/j.db", dir);
	ck_assert_int_eq(journal_open(&j2, sub, &e), RW_ECANTCREAT);
	ck_assert_int_ne(access(sub, F_OK), 0);
}
END_TEST

/* A change, then undo, gives back exactly the journal before the change. */
START_TEST(undo_each_kind_of_change)
{
	struct journal *j = open_ok(path);
	struct rw_error e = { 0, "" };
	struct journal_change c;
	char *before, *after;
	int d;

	for (d = 0; d < 10; d++)
		log_day(j, day(2026, 3, 1) + d, d < 5 ? 24 : 8, d < 5 ? 0 : 60);

	/* log on a new day */
	before = dump(j);
	log_day(j, day(2026, 3, 20), 20, 0);
	ck_assert_int_eq(journal_undo(j, &c, &e), 0);
	ck_assert_str_eq(c.what, "log 2026-03-20");
	after = dump(j);
	ck_assert_str_eq(after, before);
	free(after);
	assert_sound(j);

	/* log changing an existing day */
	log_day(j, day(2026, 3, 3), 8, 120);
	ck_assert_int_eq(journal_undo(j, &c, &e), 0);
	after = dump(j);
	ck_assert_str_eq(after, before);
	free(after);

	/* delete */
	ck_assert_int_eq(journal_delete(j, day(2026, 3, 1), &e), 0);
	ck_assert_int_eq(journal_delete(j, day(2026, 3, 1), &e), RW_EDATA);
	ck_assert_int_eq(journal_undo(j, &c, &e), 0);
	ck_assert_str_eq(c.what, "delete 2026-03-01");
	after = dump(j);
	ck_assert_str_eq(after, before);
	free(after);

	/* config set, then reset */
	ck_assert_int_eq(journal_set_param(j, "sleep_hours", 7, &e), 0);
	ck_assert_int_eq(journal_set_param(j, "muscle_rate_high", 2, &e), 0);
	assert_sound(j);
	ck_assert_int_eq(journal_reset_params(j, &e), 0);
	after = dump(j);
	ck_assert_str_eq(after, before);
	free(after);
	ck_assert_int_eq(journal_undo(j, &c, &e), 0);
	ck_assert_str_eq(c.what, "config --reset");
	ck_assert_int_eq(journal_undo(j, &c, &e), 0);
	ck_assert_int_eq(journal_undo(j, &c, &e), 0);
	ck_assert_str_eq(c.what, "config sleep_hours 7");
	after = dump(j);
	ck_assert_str_eq(after, before);
	free(after);
	assert_sound(j);
	free(before);
	journal_close(j);
}
END_TEST

struct feed {
	int i, n;
	rw_day start;
	bool fail_at_end;
};

static int next_entry(void *ctx, struct entry *en, struct rw_error *e)
{
	struct feed *f = ctx;
	if (f->i >= f->n)
		return f->fail_at_end ? rw_fail(e, RW_EDATA, "line %d: bad", f->i + 2) : 0;
	entry_init(en, f->start + f->i);
	en->has_rest = true;
	en->rest_hours = 16;
	snprintf(en->note, sizeof en->note, "imported %d", f->i);
	f->i++;
	return 1;
}

START_TEST(import_all_or_nothing_and_undo)
{
	struct journal *j = open_ok(path);
	struct rw_error e = { 0, "" };
	struct feed bad = { 0, 30, day(2026, 2, 20), true };
	struct feed good = { 0, 30, day(2026, 2, 20), false };
	struct journal_change c;
	char *before, *after;
	long count = -1;
	int d;

	for (d = 0; d < 10; d++)
		log_day(j, day(2026, 3, 1) + d, 24, 0);
	before = dump(j);
	ck_assert_int_eq(journal_import(j, next_entry, &bad, &count, &e), RW_EDATA);
	ck_assert_int_eq(count, 0);
	after = dump(j);
	ck_assert_str_eq(after, before); /* nothing changed */
	free(after);

	ck_assert_int_eq(journal_import(j, next_entry, &good, &count, &e), 0);
	ck_assert_int_eq(count, 30);
	assert_sound(j);
	ck_assert_int_eq(journal_undo(j, &c, &e), 0);
	ck_assert_str_eq(c.what, "import 30 days (2026-02-20 to 2026-03-21)");
	after = dump(j);
	ck_assert_str_eq(after, before);
	free(after);
	free(before);
	ck_assert_int_eq(journal_undo(j, &c, &e), 0);
	journal_close(j);
}
END_TEST

START_TEST(nothing_to_undo)
{
	struct journal *j = open_ok(path);
	struct rw_error e = { 0, "" };
	struct journal_change c;
	ck_assert_int_eq(journal_undo(j, &c, &e), RW_EDATA);
	ck_assert_ptr_nonnull(strstr(e.msg, "nothing to undo"));
	journal_close(j);
}
END_TEST

START_TEST(failed_edit_changes_nothing)
{
	struct journal *j = open_ok(path);
	struct rw_error e = { 0, "" };
	struct set too_much = { 23, 120, NULL, NULL };
	char *before, *after;

	log_day(j, day(2026, 3, 1), 24, 0);
	before = dump(j);
	ck_assert_int_eq(journal_edit(j, day(2026, 3, 2), apply, &too_much, &e), RW_EDATA);
	ck_assert_int_eq(journal_set_param(j, "sleep_hours", 24, &e), RW_EDATA);
	ck_assert_int_eq(journal_set_param(j, "clot_days", 2.5, &e), RW_EDATA);
	ck_assert_int_eq(journal_set_param(j, "no_such", 1, &e), RW_EUSAGE);
	after = dump(j);
	ck_assert_str_eq(after, before);
	free(before);
	free(after);
	journal_close(j);
}
END_TEST

START_TEST(backup_is_a_journal)
{
	struct journal *j = open_ok(path), *b;
	struct rw_error e = { 0, "" };
	char bpath[160], *a1, *a2;
	struct stat st;
	int d;

	for (d = 0; d < 40; d++)
		log_day(j, day(2026, 1, 1) + d * 2, d % 7 * 3, d % 3 * 30);
	snprintf(bpath, sizeof bpath, "%s/backup.db", dir);
	ck_assert_msg(journal_backup(j, bpath, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(stat(bpath, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	ck_assert_int_eq(journal_backup(j, path, &e), RW_ECANTCREAT);
	b = open_ok(bpath);
	a1 = dump(j);
	a2 = dump(b);
	ck_assert_str_eq(a1, a2);
	assert_sound(b);
	free(a1);
	free(a2);
	journal_close(b);
	journal_close(j);
}
END_TEST

/* Any sequence of edits leaves stored projections equal to a full
 * recompute (journal_check compares them). */
START_TEST(incremental_equals_full)
{
	struct journal *j = open_ok(path);
	struct rw_error e = { 0, "" };
	unsigned seed = 12345;
	int k;

	for (k = 0; k < 300; k++) {
		rw_day d;
		int op;
		seed = seed * 1103515245u + 12345u;
		d = day(2026, 1, 1) + (int)(seed >> 16) % 90;
		op = (int)(seed >> 8) % 10;
		if (op < 7) {
			struct set st = { (double)((seed >> 4) % 25), (int)(seed >> 20) % 3 * 40, NULL,
					  NULL };
			int r = journal_edit(j, d, apply, &st, &e);
			ck_assert_msg(r == 0 || r == RW_EDATA, "%s", e.msg);
		} else if (op < 9) {
			journal_delete(j, d, &e); /* may have no entry: fine */
		} else {
			struct journal_change c;
			if (op == 9 && (seed >> 2) % 2)
				journal_undo(j, &c, &e);
			else
				journal_redo(j, &c, &e); /* may have nothing to redo: fine */
		}
		if (k % 50 == 49)
			assert_sound(j);
	}
	ck_assert_int_eq(journal_set_param(j, "recovery_unloading", 0.1, &e), 0);
	assert_sound(j);
	journal_close(j);
}
END_TEST

START_TEST(two_handles_see_each_other)
{
	struct journal *a = open_ok(path), *b = open_ok(path);
	struct rw_error e = { 0, "" };
	uint64_t v1, v2;
	struct entry en;
	bool found;

	ck_assert_int_eq(journal_version(b, &v1, &e), 0);
	log_day(a, day(2026, 3, 2), 10, 0);
	ck_assert_int_eq(journal_version(b, &v2, &e), 0);
	ck_assert(v1 != v2);
	ck_assert_int_eq(journal_get_entry(b, day(2026, 3, 2), &en, &found, &e), 0);
	ck_assert(found);
	ck_assert(en.rest_hours == 10);
	journal_close(a);
	journal_close(b);
}
END_TEST

struct walk {
	int days, logged, entries;
};

static int count_day(void *ctx, const struct engine_proj *p, const struct entry *en)
{
	struct walk *w = ctx;
	w->days++;
	w->logged += p->logged;
	w->entries += en != NULL;
	return 0;
}

/* The walk's flags: gaps skipped, or entries not read at all. */
START_TEST(each_flags)
{
	struct journal *j = open_ok(path);
	struct rw_error e = { 0, "" };
	struct walk all = { 0, 0, 0 }, logged = { 0, 0, 0 }, proj = { 0, 0, 0 };

	log_day(j, day(2026, 3, 1), 10, 0);
	log_day(j, day(2026, 3, 5), 10, 0);
	ck_assert_int_eq(journal_each(j, date_min(), date_max(), 0, count_day, &all, &e), 0);
	ck_assert_int_eq(journal_each(j, date_min(), date_max(), JOURNAL_LOGGED_ONLY, count_day,
				      &logged, &e), 0);
	ck_assert_int_eq(journal_each(j, date_min(), date_max(), JOURNAL_PROJ_ONLY, count_day,
				      &proj, &e), 0);
	ck_assert_int_eq(all.days, 5);
	ck_assert_int_eq(all.entries, 2);
	ck_assert_int_eq(logged.days, 2);
	ck_assert_int_eq(logged.entries, 2);
	ck_assert_int_eq(proj.days, 5);
	ck_assert_int_eq(proj.logged, 2);
	ck_assert_int_eq(proj.entries, 0);
	journal_close(j);
}
END_TEST

/* Inside a snapshot a reader keeps seeing one state of the journal while
 * another handle writes; after it, the new state. */
START_TEST(snapshot_holds_one_state)
{
	struct journal *a = open_ok(path), *b = open_ok(path);
	struct rw_error e = { 0, "" };
	rw_day first, last;
	long logged;
	bool found;

	log_day(a, day(2026, 3, 2), 10, 0);
	ck_assert_int_eq(journal_snapshot_begin(b, &e), 0);
	ck_assert_int_eq(journal_bounds(b, &first, &last, &logged, &found, &e), 0);
	ck_assert_int_eq(logged, 1);
	log_day(a, day(2026, 3, 3), 10, 0);
	ck_assert_int_eq(journal_bounds(b, &first, &last, &logged, &found, &e), 0);
	ck_assert_int_eq(logged, 1);
	ck_assert_int_eq(last, day(2026, 3, 2));
	journal_snapshot_end(b);
	ck_assert_int_eq(journal_bounds(b, &first, &last, &logged, &found, &e), 0);
	ck_assert_int_eq(logged, 2);
	journal_close(a);
	journal_close(b);
}
END_TEST

START_TEST(default_path_is_private)
{
	char xdg[160], *p = NULL;
	struct rw_error e = { 0, "" };
	struct stat st;

	snprintf(xdg, sizeof xdg, "%s/data", dir);
	setenv("XDG_DATA_HOME", xdg, 1);
	unsetenv("RESTWATCH_DB");
	ck_assert_int_eq(journal_path(NULL, &p, &e), 0);
	ck_assert_str_eq(p + strlen(xdg), "/restwatch/journal.db");
	snprintf(xdg + strlen(xdg), sizeof xdg - strlen(xdg), "/restwatch");
	ck_assert_int_eq(stat(xdg, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0700);
	free(p);
	setenv("RESTWATCH_DB", "/x/y.db", 1);
	ck_assert_int_eq(journal_path(NULL, &p, &e), 0);
	ck_assert_str_eq(p, "/x/y.db");
	free(p);
	ck_assert_int_eq(journal_path("/z.db", &p, &e), 0);
	ck_assert_str_eq(p, "/z.db");
	free(p);
	unsetenv("RESTWATCH_DB");
}
END_TEST

static int add_meds(void *ctx, struct entry *en, bool existed, struct rw_error *e)
{
	(void)existed;
	return entry_parse_meds(ctx, en, "medications", e);
}

START_TEST(medication_names_for_completion)
{
	struct journal *j = open_ok(path);
	struct rw_error e = { 0, "" };
	char names[4][MED_NAME_MAX + 1], first[] = "ibuprofen:400mg;co-codamol",
					  second[] = "naproxen;ibuprofen";
	int n = -1;

	ck_assert_int_eq(journal_med_names(j, names, 4, &n, &e), 0);
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(journal_edit(j, day(2026, 3, 1), add_meds, first, &e), 0);
	ck_assert_int_eq(journal_edit(j, day(2026, 3, 2), add_meds, second, &e), 0);
	ck_assert_int_eq(journal_med_names(j, names, 4, &n, &e), 0);
	ck_assert_int_eq(n, 3);
	/* the latest day's names first, each once */
	ck_assert_str_eq(names[0], "naproxen");
	ck_assert_str_eq(names[1], "ibuprofen");
	ck_assert_str_eq(names[2], "co-codamol");
	ck_assert_int_eq(journal_med_names(j, names, 2, &n, &e), 0);
	ck_assert_int_eq(n, 2);
	journal_close(j);
}
END_TEST

START_TEST(no_write_after_the_file_was_replaced)
{
	struct journal *j = open_ok(path), *k;
	struct rw_error e = { 0, "" };
	struct set s = { 9, 0, NULL, NULL };
	char other[160];

	log_day(j, day(2026, 3, 1), 24, 0);
	snprintf(other, sizeof other, "%s.other", path);
	k = open_ok(other);
	journal_close(k);
	ck_assert_int_eq(rename(other, path), 0);
	ck_assert_int_eq(journal_edit(j, day(2026, 3, 2), apply, &s, &e), RW_EIO);
	ck_assert_ptr_nonnull(strstr(e.msg, "replaced or deleted"));
	journal_close(j);
	unlink(path);
	j = open_ok(path);
	ck_assert_int_eq(unlink(path), 0);
	ck_assert_int_eq(journal_edit(j, day(2026, 3, 2), apply, &s, &e), RW_EIO);
	journal_close(j);
}
END_TEST

/* --- redo ------------------------------------------------------------------ */

static int clear_rest(void *ctx, struct entry *en, bool existed, struct rw_error *e)
{
	(void)ctx, (void)existed, (void)e;
	en->has_rest = false;
	return 0;
}

static int set_weight(void *ctx, struct entry *en, bool existed, struct rw_error *e)
{
	(void)ctx, (void)existed, (void)e;
	en->weight_dg = 725;
	return 0;
}

static int set_long_note(void *ctx, struct entry *en, bool existed, struct rw_error *e)
{
	(void)ctx, (void)existed, (void)e;
	snprintf(en->note, sizeof en->note, "%s", "slept badly, the left leg ached all night");
	return 0;
}

START_TEST(undo_and_redo_name_the_change)
{
	struct journal *j = open_ok(path);
	struct rw_error e = { 0, "" };
	struct journal_change c;

	log_day(j, day(2026, 3, 9), 8, 0);
	log_day(j, day(2026, 3, 10), 24, 0);
	ck_assert_int_eq(journal_undo(j, &c, &e), 0);
	ck_assert_str_eq(c.text, "rest 24 h on 2026-03-10");
	ck_assert_str_eq(c.kind, "log");
	ck_assert_str_eq(c.what, "log 2026-03-10");
	ck_assert_str_eq(c.field, "rest");
	ck_assert_str_eq(c.value, "24 h");
	ck_assert_int_eq(c.from, day(2026, 3, 10));
	ck_assert_int_eq(c.to, day(2026, 3, 10));
	ck_assert_int_eq(journal_redo(j, &c, &e), 0);
	ck_assert_str_eq(c.text, "rest 24 h on 2026-03-10");

	log_day(j, day(2026, 3, 9), 14, 30); /* two fields */
	ck_assert_int_eq(journal_undo(j, &c, &e), 0);
	ck_assert_str_eq(c.text, "log 2026-03-09 (rest, activities)");
	ck_assert_ptr_null(c.field);

	ck_assert_int_eq(journal_edit(j, day(2026, 3, 10), clear_rest, NULL, &e), 0);
	ck_assert_int_eq(journal_undo(j, &c, &e), 0);
	ck_assert_str_eq(c.text, "rest cleared on 2026-03-10");
	ck_assert_str_eq(c.value, "");

	/* every field of the day-field table is named, with its unit */
	ck_assert_int_eq(journal_edit(j, day(2026, 3, 10), set_weight, NULL, &e), 0);
	ck_assert_int_eq(journal_undo(j, &c, &e), 0);
	ck_assert_str_eq(c.text, "weight 72.5 kg on 2026-03-10");
	ck_assert_int_eq(journal_edit(j, day(2026, 3, 10), set_long_note, NULL, &e), 0);
	ck_assert_int_eq(journal_undo(j, &c, &e), 0);
	ck_assert_str_eq(c.text, "note \"slept badly, the left le…\" on 2026-03-10");

	ck_assert_int_eq(journal_delete(j, day(2026, 3, 9), &e), 0);
	ck_assert_int_eq(journal_undo(j, &c, &e), 0);
	ck_assert_str_eq(c.text, "delete 2026-03-09");
	ck_assert_str_eq(c.kind, "delete");
	ck_assert_ptr_null(c.field);
	assert_sound(j);
	journal_close(j);
}
END_TEST

START_TEST(redo_after_undo_restores_each_state)
{
	struct journal *j = open_ok(path);
	struct rw_error e = { 0, "" };
	struct journal_change c;
	char *none, *one, *two, *now;
	rw_day first, last;
	bool found;

	none = dump(j);
	log_day(j, day(2026, 3, 1), 24, 0);
	log_day(j, day(2026, 3, 2), 24, 0);
	one = dump(j);
	log_day(j, day(2026, 3, 1), 8, 60); /* changes a day, the clock after it */
	two = dump(j);
	ck_assert_int_eq(journal_undo(j, &c, &e), 0);
	ck_assert_int_eq(journal_undo(j, &c, &e), 0);
	ck_assert_int_eq(journal_undo(j, &c, &e), 0);
	now = dump(j);
	ck_assert_str_eq(now, none);
	free(now);
	ck_assert_int_eq(journal_redo(j, &c, &e), 0);
	ck_assert_str_eq(c.text, "rest 24 h on 2026-03-01");
	ck_assert_int_eq(journal_redo(j, &c, &e), 0);
	ck_assert_str_eq(c.text, "rest 24 h on 2026-03-02");
	now = dump(j);
	ck_assert_str_eq(now, one);
	free(now);
	assert_sound(j);
	ck_assert_int_eq(journal_redo(j, &c, &e), 0);
	ck_assert_str_eq(c.text, "log 2026-03-01 (rest, activities)");
	now = dump(j);
	ck_assert_str_eq(now, two);
	free(now);
	assert_sound(j);
	ck_assert_int_eq(journal_redo(j, &c, &e), RW_EDATA);
	ck_assert_ptr_nonnull(strstr(e.msg, "nothing to redo"));
	/* what was redone undoes again, back to the start */
	ck_assert_int_eq(journal_undo(j, &c, &e), 0);
	ck_assert_int_eq(journal_undo(j, &c, &e), 0);
	ck_assert_int_eq(journal_undo(j, &c, &e), 0);
	ck_assert_int_eq(journal_undo(j, &c, &e), RW_EDATA);
	ck_assert_int_eq(journal_bounds(j, &first, &last, NULL, &found, &e), 0);
	ck_assert(!found);
	free(none);
	free(one);
	free(two);
	journal_close(j);
}
END_TEST

START_TEST(a_new_change_clears_redo)
{
	struct journal *j = open_ok(path);
	struct rw_error e = { 0, "" };
	struct journal_change c;
	char *before, *after;

	log_day(j, day(2026, 3, 1), 24, 0);
	log_day(j, day(2026, 3, 2), 24, 0);
	ck_assert_int_eq(journal_undo(j, &c, &e), 0);
	ck_assert_int_eq(journal_undo(j, &c, &e), 0);
	log_day(j, day(2026, 3, 5), 10, 0);
	before = dump(j);
	ck_assert_int_eq(journal_redo(j, &c, &e), RW_EDATA);
	after = dump(j);
	ck_assert_str_eq(after, before);
	free(after);
	ck_assert_int_eq(journal_undo(j, &c, &e), 0);
	ck_assert_str_eq(c.what, "log 2026-03-05");
	ck_assert_int_eq(journal_undo(j, &c, &e), RW_EDATA);
	/* a change that changes nothing (the same value) keeps the redo */
	ck_assert_int_eq(journal_redo(j, &c, &e), 0);
	ck_assert_int_eq(journal_set_param(j, "sleep_hours", 8, &e), 0);
	ck_assert_int_eq(journal_undo(j, &c, &e), 0);
	ck_assert_int_eq(journal_set_param(j, "sleep_hours", 8, &e), 0);
	ck_assert_int_eq(journal_redo(j, &c, &e), 0);
	ck_assert_str_eq(c.what, "log 2026-03-05");
	free(before);
	journal_close(j);
}
END_TEST

/* Undo then redo of change made by step leaves the journal as step left it. */
static void undo_redo_equal(struct journal *j, const char *what)
{
	struct rw_error e = { 0, "" };
	struct journal_change c;
	char *made = dump(j), *now;

	ck_assert_int_eq(journal_undo(j, &c, &e), 0);
	ck_assert_str_eq(c.what, what);
	now = dump(j);
	ck_assert_str_ne(now, made);
	free(now);
	ck_assert_int_eq(journal_redo(j, &c, &e), 0);
	ck_assert_str_eq(c.what, what);
	ck_assert_str_eq(c.text, what);
	now = dump(j);
	ck_assert_str_eq(now, made);
	free(now);
	free(made);
	assert_sound(j);
}

START_TEST(redo_of_import_config_reset_down_up)
{
	struct journal *j = open_ok(path);
	struct rw_error e = { 0, "" };
	struct feed good = { 0, 30, day(2026, 2, 20), false };
	struct journal_stretch st;
	struct journal_change c;
	int64_t at = 1773100800; /* 2026-03-10 00:00 UTC */
	rw_day up_day;
	bool found;
	long count;

	setenv("TZ", "UTC", 1);
	log_day(j, day(2026, 3, 1), 24, 0);
	ck_assert_int_eq(journal_import(j, next_entry, &good, &count, &e), 0);
	undo_redo_equal(j, "import 30 days (2026-02-20 to 2026-03-21)");
	ck_assert_int_eq(journal_set_param(j, "sleep_hours", 6, &e), 0);
	undo_redo_equal(j, "config sleep_hours 6");
	ck_assert_int_eq(journal_reset_params(j, &e), 0);
	undo_redo_equal(j, "config --reset");

	ck_assert_int_eq(journal_down(j, at + 9 * 3600, &e), 0);
	ck_assert_int_eq(journal_undo(j, &c, &e), 0);
	ck_assert_int_eq(journal_open_stretch(j, &st, &found, &e), 0);
	ck_assert(!found);
	ck_assert_int_eq(journal_redo(j, &c, &e), 0);
	ck_assert_str_eq(c.kind, "down");
	ck_assert_int_eq(journal_open_stretch(j, &st, &found, &e), 0);
	ck_assert(found);
	ck_assert_int_eq(st.down_at, at + 9 * 3600);
	ck_assert_int_eq(journal_up(j, at + 12 * 3600, &up_day, &e), 0);
	undo_redo_equal(j, "up 2026-03-10 12:00");
	ck_assert_int_eq(journal_open_stretch(j, &st, &found, &e), 0);
	ck_assert(!found);
	journal_close(j);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("journal");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, create_is_private_and_reopens);
	tcase_add_test(tc, medication_names_for_completion);
	tcase_add_test(tc, no_write_after_the_file_was_replaced);
	tcase_add_test(tc, refuses_newer_and_foreign);
	tcase_add_test(tc, refuses_truncated_and_directories);
	tcase_add_test(tc, undo_each_kind_of_change);
	tcase_add_test(tc, import_all_or_nothing_and_undo);
	tcase_add_test(tc, nothing_to_undo);
	tcase_add_test(tc, undo_and_redo_name_the_change);
	tcase_add_test(tc, redo_after_undo_restores_each_state);
	tcase_add_test(tc, a_new_change_clears_redo);
	tcase_add_test(tc, redo_of_import_config_reset_down_up);
	tcase_add_test(tc, failed_edit_changes_nothing);
	tcase_add_test(tc, backup_is_a_journal);
	tcase_add_test(tc, incremental_equals_full);
	tcase_add_test(tc, two_handles_see_each_other);
	tcase_add_test(tc, snapshot_holds_one_state);
	tcase_add_test(tc, each_flags);
	tcase_add_test(tc, default_path_is_private);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(suite)
