/* clock.c - wall-clock time for down, up and the nudge (clock.h). */
#include "clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Local "YYYY-MM-DDTHH:MM" to an instant; false when s is not of that form
 * or names no local time. */
static bool parse_local(const char *s, int64_t *out)
{
	int y, mo, d, h, mi, used = 0;
	struct tm tm;
	time_t t;

	if (strlen(s) != 16 || sscanf(s, "%4d-%2d-%2dT%2d:%2d%n", &y, &mo, &d, &h, &mi, &used) != 5 ||
	    used != 16 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' ||
	    !date_valid_ymd(y, mo, d) || h > 23 || mi > 59 || h < 0 || mi < 0)
		return false;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_isdst = -1;
	t = mktime(&tm);
	if (t == (time_t)-1)
		return false;
	*out = (int64_t)t;
	return true;
}

int clock_now(int64_t *now, struct rw_error *e)
{
	const char *env = getenv("RESTWATCH_NOW");
	char shown[64];

	if (env && *env) {
		if (!parse_local(env, now))
			return rw_fail(e, RW_EUSAGE,
				       "RESTWATCH_NOW: '%s' is not a local time (YYYY-MM-DDTHH:MM)",
				       rw_show(shown, sizeof shown, env));
		return 0;
	}
	*now = (int64_t)time(NULL);
	return 0;
}

static bool local_tm(int64_t t, struct tm *tm)
{
	time_t tt = (time_t)t;
	return localtime_r(&tt, tm) != NULL;
}

int clock_parse_at(const char *s, int64_t now, int64_t *out, const char *field,
		   struct rw_error *e)
{
	char shown[64], buf[64];
	struct tm tm;
	int h, mi, used = 0;
	long n;
	char *end;

	if (s[0] == '-' && s[1] >= '0' && s[1] <= '9') {
		n = strtol(s + 1, &end, 10);
		if (*end == '\0' && n >= 0 && n <= 100000) {
			*out = now - (int64_t)n * 60;
			return 0;
		}
	} else if (strlen(s) == 5 && sscanf(s, "%2d:%2d%n", &h, &mi, &used) == 2 && used == 5 &&
		   s[2] == ':' && h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && local_tm(now, &tm)) {
		snprintf(buf, sizeof buf, "%04d-%02d-%02dT%s", tm.tm_year + 1900, tm.tm_mon + 1,
			 tm.tm_mday, s);
		if (parse_local(buf, out))
			return 0;
	} else if (parse_local(s, out)) {
		return 0;
	}
	return rw_fail(e, RW_EDATA,
		       "%s: '%s' is not a time (HH:MM today, YYYY-MM-DDTHH:MM, or -N minutes ago)",
		       field, rw_show(shown, sizeof shown, s));
}

rw_day clock_local_day(int64_t t)
{
	struct tm tm;
	if (!local_tm(t, &tm))
		return date_min();
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

double clock_local_hour(int64_t t)
{
	struct tm tm;
	if (!local_tm(t, &tm))
		return 0;
	return tm.tm_hour + tm.tm_min / 60.0 + tm.tm_sec / 3600.0;
}

int64_t clock_next_midnight(int64_t t)
{
	rw_day day = clock_local_day(t);
	int64_t lo = t, hi = t + 50 * 3600;

	/* The first instant whose local day is a later one, found by halving:
	 * mktime cannot name a midnight that a zone skipped (Kiritimati had no
	 * 1994-12-31), and a day may be 23, 25 or, there, 0 hours long. */
	while (hi - lo > 1) {
		int64_t mid = lo + (hi - lo) / 2;
		if (clock_local_day(mid) > day)
			hi = mid;
		else
			lo = mid;
	}
	return hi;
}

char *clock_format_local(int64_t t, char *out, size_t n)
{
	struct tm tm;
	if (!local_tm(t, &tm) || !strftime(out, n, "%Y-%m-%d %H:%M", &tm))
		snprintf(out, n, "?");
	return out;
}

char *clock_format_utc(int64_t t, char *out, size_t n)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!gmtime_r(&tt, &tm) || !strftime(out, n, "%Y-%m-%dT%H:%M:%SZ", &tm))
		snprintf(out, n, "?");
	return out;
}

char *clock_span_text(int64_t seconds, char *out, size_t n)
{
	int64_t m = seconds > 0 ? seconds / 60 : 0;

	if (m < 60)
		snprintf(out, n, "%lld min", (long long)m);
	else if (m % 60 == 0)
		snprintf(out, n, "%lld h", (long long)(m / 60));
	else
		snprintf(out, n, "%lld h %lld min", (long long)(m / 60), (long long)(m % 60));
	return out;
}
