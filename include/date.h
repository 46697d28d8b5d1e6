/* date.h - calendar days as day numbers; pure.
 *
 * A day is an int32_t counting days since 1970-01-01 in the proleptic
 * Gregorian calendar.  Days are calendar dates, never timestamps: no time
 * zone or daylight-saving change can move an entry to another day.  The
 * caller supplies "today" (main reads the clock once), so nothing here
 * touches the system.
 */
#ifndef RESTWATCH_DATE_H
#define RESTWATCH_DATE_H

#include <stdbool.h>
#include <stdint.h>

#include "rwerr.h"

typedef int32_t rw_day;

#define DATE_MIN_YEAR 1900
#define DATE_MAX_YEAR 9999
#define DATE_BUFSZ 11 /* "YYYY-MM-DD" and NUL */

/* Day number of a valid year/month/day (no validation here). */
rw_day date_from_ymd(int y, int m, int d);
/* Year, month (1-12) and day (1-31) of a day number. */
void date_to_ymd(rw_day day, int *y, int *m, int *d);
/* True when y-m-d is a real calendar date between DATE_MIN_YEAR and
 * DATE_MAX_YEAR (2026-02-30 is not). */
bool date_valid_ymd(int y, int m, int d);
/* Days in month m (1-12) of year y. */
int date_days_in_month(int y, int m);
/* First and last representable day numbers. */
rw_day date_min(void);
rw_day date_max(void);

/* The last day a journal may hold: one year after today (the same month
 * and day, 28 February for 29 February), never past date_max(). */
rw_day date_latest(rw_day today);
/* RW_EDATA naming field when day is after date_latest(today). */
int date_check_latest(rw_day day, rw_day today, const char *field, struct rw_error *e);

/* Parse "YYYY-MM-DD", "today", "yesterday" or "-N" (N days before today).
 * field names the option or column in the error text, e.g. "--date".
 * Returns 0 or RW_EDATA. */
int date_parse(const char *s, rw_day today, rw_day *out, const char *field,
	       struct rw_error *e);
/* Strict "YYYY-MM-DD" only (for stored data and CSV). */
int date_parse_iso(const char *s, rw_day *out);

/* Write "YYYY-MM-DD" into out (DATE_BUFSZ bytes); returns out. */
char *date_format(rw_day day, char out[DATE_BUFSZ]);
/* 0 = Monday ... 6 = Sunday. */
int date_weekday(rw_day day);
/* "Mon" ... "Sun". */
const char *date_weekday_name(rw_day day);

#endif
