/* rwerr.h - error codes and error text shared by every module.
 *
 * A function that can fail returns 0 or a negative RW_E... code and fills a
 * struct rw_error with one line of text that names the field or file and
 * what was wrong.  The codes are the negated sysexits values the program
 * exits with, so main() turns an error into an exit status with -code.
 */
#ifndef RESTWATCH_RWERR_H
#define RESTWATCH_RWERR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum {
	RW_OK = 0,
	RW_EUSAGE = -64,     /* unknown command or option, missing value */
	RW_EDATA = -65,      /* a value out of range, malformed date or row */
	RW_ENOINPUT = -66,   /* an input file cannot be opened */
	RW_ESOFTWARE = -70,  /* an internal error (a bug) */
	RW_ECANTCREAT = -73, /* an output file cannot be created */
	RW_EIO = -74,        /* I/O error, foreign, corrupt or newer journal */
	RW_ELOCKED = -75,    /* the journal stayed locked past the wait */
	RW_ENOMEM = -71      /* out of memory (reported as an I/O error) */
};

#define RW_ERRMSG 512

struct rw_error {
	int code;
	char msg[RW_ERRMSG];
};

/* Fill e (when not NULL) with code and a printf-style message; returns code,
 * so that callers can write `return rw_fail(e, RW_EDATA, "...", ...);`. */
int rw_fail(struct rw_error *e, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Put a printable, bounded copy of untrusted text s into buf (size n >= 8):
 * control characters and invalid UTF-8 become \xNN escapes, and text longer
 * than about 40 characters is cut with "...".  Returns buf.  Used so that an
 * error message quoting user input is always one clean line. */
const char *rw_show(char *buf, size_t n, const char *s);

/* A file name for a message: as given when it is clean text that fits in
 * n bytes, else the escaped, shortened form of rw_show.  Returns buf. */
const char *rw_show_name(char *buf, size_t n, const char *name);

/* Write s to f as printable text: control characters (newlines too, unless
 * keep_newlines), C1 controls and bytes that are not UTF-8 as \xNN.  For
 * text that may quote a path: a message, check's report. */
void rw_put_clean(FILE *f, const char *s, bool keep_newlines);

/* The process exit status for a return code (0 for RW_OK). */
int rw_exit_status(int code);

#endif
