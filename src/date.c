/* date.c - calendar days as day numbers; pure.
 *
 * The conversions are Howard Hinnant's days_from_civil/civil_from_days:
 * exact integer arithmetic over 400-year eras, no mktime, no time zones.
 */
#include "date.h"

#include <stdio.h>
#include <string.h>

rw_day date_from_ymd(int y, int m, int d)
{
	int yy = y - (m <= 2);
	int era = (yy >= 0 ? yy : yy - 399) / 400;
	int yoe = yy - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (rw_day)(era * 146097 + doe - 719468);
}

void date_to_ymd(rw_day day, int *y, int *m, int *d)
{
	int z = day + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	int mm = mp + (mp < 10 ? 3 : -9);

	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mm;
	*y = yoe + era * 400 + (mm <= 2);
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
	static const int len[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m < 1 || m > 12)
		return 0;
	return len[m - 1] + (m == 2 && leap(y));
}

bool date_valid_ymd(int y, int m, int d)
{
	return y >= DATE_MIN_YEAR && y <= DATE_MAX_YEAR && m >= 1 && m <= 12 &&
	       d >= 1 && d <= date_days_in_month(y, m);
}

rw_day date_min(void)
{
	return date_from_ymd(DATE_MIN_YEAR, 1, 1);
}

rw_day date_max(void)
{
	return date_from_ymd(DATE_MAX_YEAR, 12, 31);
}

static bool digits(const char *s, int n, int *out)
{
	int v = 0, i;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

/* 0: parsed; 1: not of the YYYY-MM-DD shape; 2: the shape but no such day. */
static int parse_iso(const char *s, rw_day *out)
{
	int y, m, d;
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 4, &y) ||
	    !digits(s + 5, 2, &m) || !digits(s + 8, 2, &d))
		return 1;
	if (!date_valid_ymd(y, m, d))
		return 2;
	*out = date_from_ymd(y, m, d);
	return 0;
}

int date_parse_iso(const char *s, rw_day *out)
{
	return parse_iso(s, out) == 0 ? 0 : RW_EDATA;
}

int date_parse(const char *s, rw_day today, rw_day *out, const char *field,
	       struct rw_error *e)
{
	char shown[64];
	int r;

	if (strcmp(s, "today") == 0) {
		*out = today;
		return 0;
	}
	if (strcmp(s, "yesterday") == 0) {
		if (today <= date_min())
			return rw_fail(e, RW_EDATA, "%s: yesterday is before %d-01-01",
				       field, DATE_MIN_YEAR);
		*out = today - 1;
		return 0;
	}
	if (s[0] == '-') {
		long n = 0;
		const char *p = s + 1;
		if (!*p)
			return rw_fail(e, RW_EDATA, "%s: '-' needs a number of days, as in -3", field);
		for (; *p; p++) {
			if (*p < '0' || *p > '9')
				return rw_fail(e, RW_EDATA,
					       "%s: '%s' is not a date (YYYY-MM-DD, today, yesterday or -N)",
					       field, rw_show(shown, sizeof shown, s));
			n = n * 10 + (*p - '0');
			if (n > (long)today - (long)date_min())
				return rw_fail(e, RW_EDATA, "%s: %s days ago is before %d-01-01",
					       field, rw_show(shown, sizeof shown, s + 1),
					       DATE_MIN_YEAR);
		}
		*out = (rw_day)(today - n);
		return 0;
	}
	r = parse_iso(s, out);
	if (r == 0)
		return 0;
	if (r == 2)
		return rw_fail(e, RW_EDATA, "%s: %s is not a day of the calendar (years %d-%d)",
			       field, s, DATE_MIN_YEAR, DATE_MAX_YEAR);
	return rw_fail(e, RW_EDATA, "%s: '%s' is not a date (YYYY-MM-DD, today, yesterday or -N)",
		       field, rw_show(shown, sizeof shown, s));
}

char *date_format(rw_day day, char out[DATE_BUFSZ])
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	if (y < 0 || y > 9999) {
		memcpy(out, "0000-00-00", DATE_BUFSZ);
		return out;
	}
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
	return out;
}

int date_weekday(rw_day day)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0). */
	int w = (int)((day % 7 + 7) % 7);
	return (w + 3) % 7;
}

const char *date_weekday_name(rw_day day)
{
	static const char *const names[7] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
	return names[date_weekday(day)];
}

rw_day date_latest(rw_day today)
{
	int y, m, d;

	date_to_ymd(today, &y, &m, &d);
	if (y + 1 > DATE_MAX_YEAR)
		return date_max();
	if (d > date_days_in_month(y + 1, m))
		d = date_days_in_month(y + 1, m);
	return date_from_ymd(y + 1, m, d);
}

int date_check_latest(rw_day day, rw_day today, const char *field, struct rw_error *e)
{
	char a[DATE_BUFSZ], b[DATE_BUFSZ];

	if (day <= date_latest(today))
		return 0;
	return rw_fail(e, RW_EDATA, "%s: %s is more than one year after today (the latest day is %s)",
		       field, date_format(day, a), date_format(date_latest(today), b));
}
