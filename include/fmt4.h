/* fmt4.h - a number with exactly four decimals, as printf's "%.4f" writes
 * it, without printf's cost: the CSV and JSON reports print six such
 * numbers a day (docs/formats.md). */
#ifndef RESTWATCH_FMT4_H
#define RESTWATCH_FMT4_H

#include <stddef.h>

#define FMT4_MAX 48 /* bytes out must hold */

/* Write v as "%.4f" does (negative zero as "0.0000") and a NUL; returns
 * the length.  A value too large for FMT4_MAX is cut (the journal
 * holds none: losses are at most 100, the clock at most 24 h a day). */
size_t fmt4(char out[FMT4_MAX], double v);

/* Write v / 10^dec (v >= 0, dec 0 to 2) with dec decimals and a NUL, e.g.
 * 725 and 2 as "7.25"; out holds 24 bytes. */
void fmt_scaled(char *out, long long v, int dec);

#endif
