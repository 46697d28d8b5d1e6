/* check_clock.c - unit tests of clock.h: local midnights across
 * daylight-saving changes and odd time zones, TIME arguments, spans. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check_main.h"
#include "clock.h"

static void zone(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

/* The instant of local "YYYY-MM-DDTHH:MM" in the current zone. */
static int64_t local(const char *s)
{
	int64_t t = 0;
	struct rw_error e;
	ck_assert_int_eq(clock_parse_at(s, 0, &t, "--at", &e), 0);
	return t;
}

/* Seconds from t to the end of its local day. */
static int64_t rest_of_day(const char *s)
{
	int64_t t = local(s);
	return clock_next_midnight(t) - t;
}

START_TEST(ordinary_days_are_24_hours)
{
	zone("UTC");
	ck_assert_int_eq(rest_of_day("2026-03-10T00:00"), 86400);
	ck_assert_int_eq(rest_of_day("2026-03-10T23:59"), 60);
	ck_assert_int_eq(clock_local_day(local("2026-03-10T23:59")), date_from_ymd(2026, 3, 10));
	ck_assert_int_eq(clock_local_day(clock_next_midnight(local("2026-03-10T23:59"))),
			 date_from_ymd(2026, 3, 11));
}
END_TEST

START_TEST(london_spring_and_autumn)
{
	zone("Europe/London");
	/* 2026-03-29: 01:00 becomes 02:00, a 23-hour day */
	ck_assert_int_eq(rest_of_day("2026-03-29T00:00"), 23 * 3600);
	/* 2026-10-25: 02:00 becomes 01:00, a 25-hour day */
	ck_assert_int_eq(rest_of_day("2026-10-25T00:00"), 25 * 3600);
	ck_assert_int_eq(rest_of_day("2026-10-24T22:00"), 2 * 3600);
	ck_assert(clock_local_hour(local("2026-03-29T09:30")) == 9.5);
}
END_TEST

START_TEST(st_johns_half_hour_zone)
{
	zone("America/St_Johns");
	/* UTC-3:30; 2026-03-08 02:00 becomes 03:00 */
	ck_assert_int_eq(local("2026-01-10T00:00") % 3600, 1800);
	ck_assert_int_eq(rest_of_day("2026-03-08T00:00"), 23 * 3600);
	ck_assert_int_eq(rest_of_day("2026-11-01T00:00"), 25 * 3600);
}
END_TEST

START_TEST(kiritimati_skipped_a_day)
{
	zone("Pacific/Kiritimati");
	/* 1994-12-31 never happened there: Dec 30 is followed by Jan 1 */
	int64_t t = local("1994-12-30T23:00");
	int64_t m = clock_next_midnight(t);
	ck_assert_int_eq(m - t, 3600);
	ck_assert_int_eq(clock_local_day(m), date_from_ymd(1995, 1, 1));
	ck_assert_int_eq(clock_local_hour(m) == 0, 1);
}
END_TEST

START_TEST(time_arguments)
{
	struct rw_error e;
	int64_t now, t;

	zone("UTC");
	now = local("2026-03-10T12:00");
	ck_assert_int_eq(clock_parse_at("-90", now, &t, "--at", &e), 0);
	ck_assert_int_eq(now - t, 5400);
	ck_assert_int_eq(clock_parse_at("08:15", now, &t, "--at", &e), 0);
	ck_assert_int_eq(now - t, 3 * 3600 + 45 * 60);
	ck_assert_int_eq(clock_parse_at("2026-03-09T23:00", now, &t, "--at", &e), 0);
	ck_assert_int_eq(now - t, 13 * 3600);
	static const char *const bad[] = { "", "8:15", "24:00", "12:60", "-", "-x", "--5",
					   "2026-02-30T10:00", "2026-03-10 10:00", "10:00x",
					   "-1000000" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ck_assert_int_eq(clock_parse_at(bad[i], now, &t, "--at", &e), RW_EDATA);
		ck_assert_ptr_nonnull(strstr(e.msg, "--at"));
	}
}
END_TEST

START_TEST(spans)
{
	char b[32];
	ck_assert_str_eq(clock_span_text(59, b, sizeof b), "0 min");
	ck_assert_str_eq(clock_span_text(40 * 60, b, sizeof b), "40 min");
	ck_assert_str_eq(clock_span_text(80 * 60 + 59, b, sizeof b), "1 h 20 min");
	ck_assert_str_eq(clock_span_text(3 * 3600, b, sizeof b), "3 h");
	zone("UTC");
	ck_assert_str_eq(clock_format_utc(0, b, sizeof b), "1970-01-01T00:00:00Z");
	ck_assert_str_eq(clock_format_local(local("2026-03-10T09:40"), b, sizeof b),
			 "2026-03-10 09:40");
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("clock");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, ordinary_days_are_24_hours);
	tcase_add_test(tc, london_spring_and_autumn);
	tcase_add_test(tc, st_johns_half_hour_zone);
	tcase_add_test(tc, kiritimati_skipped_a_day);
	tcase_add_test(tc, time_arguments);
	tcase_add_test(tc, spans);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(suite)
