/* check_date.c - calendar days and date parsing. */
#include <check.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "check_main.h"

#define TODAY_Y 2026
#define TODAY_M 3
#define TODAY_D 10

static rw_day today(void)
{
	return date_from_ymd(TODAY_Y, TODAY_M, TODAY_D);
}

START_TEST(epoch_and_known_days)
{
	ck_assert_int_eq(date_from_ymd(1970, 1, 1), 0);
	ck_assert_int_eq(date_from_ymd(1970, 1, 2), 1);
	ck_assert_int_eq(date_from_ymd(1969, 12, 31), -1);
	ck_assert_int_eq(date_from_ymd(2000, 3, 1), 11017);
	ck_assert_int_eq(date_from_ymd(2026, 3, 2), 20514);
	ck_assert_int_eq(date_weekday(date_from_ymd(2026, 3, 2)), 0); /* a Monday */
	ck_assert_str_eq(date_weekday_name(date_from_ymd(2026, 11, 25)), "Wed");
	ck_assert_str_eq(date_weekday_name(date_from_ymd(1900, 1, 1)), "Mon");
}
END_TEST

/* Every day from 1900 to 9999 converts there and back, in order. */
START_TEST(round_trip_every_day)
{
	rw_day d, bad = 0;
	int y, m, day, py = 1899, pm = 12, pd = 31;
	long wrong = 0;
	char buf[DATE_BUFSZ];

	/* Check's assertions cost a system call each; count failures instead. */
	for (d = date_min(); d <= date_max(); d++) {
		date_to_ymd(d, &y, &m, &day);
		bool next = (y == py && m == pm && day == pd + 1) ||
			    (y == py && m == pm + 1 && day == 1 && pd == date_days_in_month(py, pm)) ||
			    (y == py + 1 && m == 1 && day == 1 && pm == 12 && pd == 31);
		if (!date_valid_ymd(y, m, day) || date_from_ymd(y, m, day) != d || !next) {
			if (!wrong++)
				bad = d;
		}
		py = y;
		pm = m;
		pd = day;
	}
	ck_assert_msg(wrong == 0, "%ld days wrong, first %d", wrong, bad);
	ck_assert_str_eq(date_format(date_min(), buf), "1900-01-01");
	ck_assert_str_eq(date_format(date_max(), buf), "9999-12-31");
}
END_TEST

START_TEST(leap_years)
{
	ck_assert_int_eq(date_days_in_month(2024, 2), 29);
	ck_assert_int_eq(date_days_in_month(2026, 2), 28);
	ck_assert_int_eq(date_days_in_month(2000, 2), 29);
	ck_assert_int_eq(date_days_in_month(1900, 2), 28);
	ck_assert_int_eq(date_days_in_month(2100, 2), 28);
	ck_assert_int_eq(date_from_ymd(2024, 3, 1) - date_from_ymd(2024, 2, 28), 2);
	ck_assert_int_eq(date_from_ymd(2027, 1, 1) - date_from_ymd(2026, 1, 1), 365);
	ck_assert_int_eq(date_from_ymd(2025, 1, 1) - date_from_ymd(2024, 1, 1), 366);
}
END_TEST

struct good {
	const char *in;
	int y, m, d;
};

static const struct good goods[] = {
	{ "2026-03-02", 2026, 3, 2 },   { "2026-01-01", 2026, 1, 1 },
	{ "2026-12-31", 2026, 12, 31 }, { "2024-02-29", 2024, 2, 29 },
	{ "2000-02-29", 2000, 2, 29 },  { "1900-01-01", 1900, 1, 1 },
	{ "9999-12-31", 9999, 12, 31 }, { "today", 2026, 3, 10 },
	{ "yesterday", 2026, 3, 9 },    { "-0", 2026, 3, 10 },
	{ "-1", 2026, 3, 9 },           { "-10", 2026, 2, 28 },
	{ "-365", 2025, 3, 10 },        { "-0010", 2026, 2, 28 },
	{ "2026-11-25", 2026, 11, 25 }, { "2030-06-15", 2030, 6, 15 },
};

START_TEST(parse_valid)
{
	const struct good *g = &goods[_i];
	struct rw_error e;
	rw_day d = 0;

	ck_assert_msg(date_parse(g->in, today(), &d, "--date", &e) == 0, "%s: %s", g->in, e.msg);
	ck_assert_int_eq(d, date_from_ymd(g->y, g->m, g->d));
}
END_TEST

struct bad {
	const char *in;
	const char *msg_part; /* the message must contain this */
};

static const struct bad bads[] = {
	{ "", "'' is not a date" },
	{ "2026-02-30", "2026-02-30 is not a day of the calendar" },
	{ "2026-02-29", "not a day of the calendar" },
	{ "1900-02-29", "not a day of the calendar" },
	{ "2026-13-01", "not a day of the calendar" },
	{ "2026-00-10", "not a day of the calendar" },
	{ "2026-04-31", "not a day of the calendar" },
	{ "2026-01-00", "not a day of the calendar" },
	{ "1899-12-31", "not a day of the calendar" },
	{ "0000-01-01", "not a day of the calendar" },
	{ "2026-3-2", "'2026-3-2' is not a date" },
	{ "26-03-02", "is not a date" },
	{ "2026/03/02", "is not a date" },
	{ "2026-03-02x", "is not a date" },
	{ " 2026-03-02", "is not a date" },
	{ "2026-03-02 ", "is not a date" },
	{ "20260302", "is not a date" },
	{ "+1", "is not a date" },
	{ "-", "needs a number of days" },
	{ "-x", "is not a date" },
	{ "-1x", "is not a date" },
	{ "--1", "is not a date" },
	{ "-99999999999999999999", "is before 1900-01-01" },
	{ "-50000", "is before 1900-01-01" },
	{ "Today", "is not a date" },
	{ "tomorrow", "is not a date" },
	{ "2026-03-02T10:00", "is not a date" },
	{ "\xff\xfe", "\\xff\\xfe" },
	{ "2026-03-0\n", "\\x0a" },
	{ "%n%s%n", "'%n%s%n' is not a date" },
};

START_TEST(parse_invalid)
{
	const struct bad *b = &bads[_i];
	struct rw_error e = { 0, "" };
	rw_day d = 12345;

	ck_assert_int_eq(date_parse(b->in, today(), &d, "--date", &e), RW_EDATA);
	ck_assert_int_eq(e.code, RW_EDATA);
	ck_assert_int_eq(d, 12345); /* untouched */
	ck_assert_msg(strncmp(e.msg, "--date: ", 8) == 0, "field not named: %s", e.msg);
	ck_assert_msg(strstr(e.msg, b->msg_part), "'%s' -> '%s'", b->in, e.msg);
}
END_TEST

START_TEST(iso_only)
{
	rw_day d;
	ck_assert_int_eq(date_parse_iso("2026-03-02", &d), 0);
	ck_assert_int_eq(d, date_from_ymd(2026, 3, 2));
	ck_assert_int_eq(date_parse_iso("today", &d), RW_EDATA);
	ck_assert_int_eq(date_parse_iso("-1", &d), RW_EDATA);
	ck_assert_int_eq(date_parse_iso("2026-02-30", &d), RW_EDATA);
}
END_TEST

START_TEST(yesterday_at_the_start)
{
	struct rw_error e;
	rw_day d;
	ck_assert_int_eq(date_parse("yesterday", date_min(), &d, "--date", &e), RW_EDATA);
	ck_assert_int_eq(date_parse("-1", date_min(), &d, "--date", &e), RW_EDATA);
	ck_assert_int_eq(date_parse("-0", date_min(), &d, "--date", &e), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("date");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, epoch_and_known_days);
	tcase_add_test(tc, round_trip_every_day);
	tcase_add_test(tc, leap_years);
	tcase_add_loop_test(tc, parse_valid, 0, (int)(sizeof goods / sizeof goods[0]));
	tcase_add_loop_test(tc, parse_invalid, 0, (int)(sizeof bads / sizeof bads[0]));
	tcase_add_test(tc, iso_only);
	tcase_add_test(tc, yesterday_at_the_start);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(suite)
