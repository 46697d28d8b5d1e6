/* clock.h - wall-clock time for down, up and the nudge: the present
 * instant, TIME arguments, and local calendar days (docs/formats.md).
 *
 * Instants are seconds since 1970 (UTC).  Everything local follows TZ
 * through localtime_r and mktime, so a day is split at the local midnight
 * whatever daylight-saving time does that day.
 */
#ifndef RESTWATCH_CLOCK_H
#define RESTWATCH_CLOCK_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "rwerr.h"

/* Now: RESTWATCH_NOW ("YYYY-MM-DDTHH:MM", local time) when set, which makes
 * runs reproducible, else the system clock.  RW_EUSAGE for a malformed
 * RESTWATCH_NOW. */
int clock_now(int64_t *now, struct rw_error *e);

/* A TIME argument: "HH:MM" (today, local), "YYYY-MM-DDTHH:MM" (local), or
 * "-N" (N minutes before now, 0-100000).  RW_EDATA naming field. */
int clock_parse_at(const char *s, int64_t now, int64_t *out, const char *field,
		   struct rw_error *e);

/* The local calendar day of t, and the hours since its local midnight by
 * the wall clock (9.5 at 09:30). */
rw_day clock_local_day(int64_t t);
double clock_local_hour(int64_t t);

/* The local midnight that starts the day after the one t lies in. */
int64_t clock_next_midnight(int64_t t);

/* "2026-03-10 09:40" in local time. */
char *clock_format_local(int64_t t, char *out, size_t n);
/* "2026-03-10T08:40:00Z". */
char *clock_format_utc(int64_t t, char *out, size_t n);
/* "40 min", "1 h 20 min", "3 h" for a span of seconds (rounded down to
 * minutes). */
char *clock_span_text(int64_t seconds, char *out, size_t n);

#endif
