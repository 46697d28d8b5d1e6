/* csv.h - an RFC 4180 reader; pure.
 *
 * A pull parser: csv_next() returns one record at a time, reading bytes
 * through a callback the caller supplies, so the module itself does no I/O
 * and the same code reads a file, a pipe or a string in a unit test.  The
 * record's text lives in a buffer the caller owns; nothing is allocated.
 *
 * What it accepts: fields separated by ',', records ended by CRLF or LF (the
 * last one may end at the end of the input), fields in double quotes that
 * may hold ',', '"' (doubled), CR and LF, and a UTF-8 byte order mark at the
 * very start, which is skipped.  What it refuses, with an error code and
 * the line where the record starts: a quote that is never closed, a quote
 * inside an unquoted field, anything but ',' or a line end after a closing
 * quote, a bare CR outside quotes, a NUL byte, a record longer than the
 * buffer or with more than CSV_MAX_FIELDS fields, and a read error.
 * Character encoding is the caller's business: bytes pass through as-is.
 */
#ifndef RESTWATCH_CSV_H
#define RESTWATCH_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#define CSV_MAX_FIELDS 64
#define CSV_CHUNK 8192

enum csv_status {
	CSV_RECORD = 1,      /* a record is ready */
	CSV_END = 0,         /* no more records */
	CSV_EQUOTE = -1,     /* a quoted field is not closed at the end of the input */
	CSV_ESTRAYQUOTE = -2, /* a quote inside an unquoted field */
	CSV_EAFTERQUOTE = -3, /* something other than ',' or a line end after a closing quote */
	CSV_EBARECR = -4,    /* a CR not followed by LF outside quotes */
	CSV_ENUL = -5,       /* a NUL byte */
	CSV_ETOOLONG = -6,   /* the record does not fit the caller's buffer */
	CSV_ETOOMANY = -7,   /* more than CSV_MAX_FIELDS fields */
	CSV_EREAD = -8       /* the read callback failed */
};

/* Read up to n bytes into buf: the number read, 0 at the end of the input,
 * or -1 on an error (which csv_next reports as CSV_EREAD). */
typedef ssize_t (*csv_read_fn)(void *ctx, char *buf, size_t n);

struct csv {
	csv_read_fn read;
	void *ctx;
	char *rec;       /* the caller's record buffer */
	size_t cap;
	char in[CSV_CHUNK];
	size_t in_pos, in_len;
	bool eof, started;
	int err;         /* the error that stopped the reader, or 0 */
	long line;       /* physical line of the next byte (1-based) */
	long rec_line;   /* physical line where the current record starts */
	int nfields;
	size_t off[CSV_MAX_FIELDS]; /* field i is rec + off[i], NUL-terminated */
	size_t len[CSV_MAX_FIELDS];
	int err_field;   /* 0-based field where an error was found */
};

/* Start reading with read(ctx, ...) into the caller's record buffer rec of
 * cap bytes (it holds a record's unquoted text plus one NUL per field). */
void csv_init(struct csv *c, csv_read_fn read, void *ctx, char *rec, size_t cap);

/* The next record: CSV_RECORD, CSV_END, or a negative enum csv_status.
 * After an error every later call returns the same error.  A blank line is
 * a record of one empty field, as in RFC 4180. */
int csv_next(struct csv *c);

/* Field i (0-based, < c->nfields) of the current record, NUL-terminated;
 * *len (when not NULL) receives its length, which may count embedded bytes
 * the caller must still judge. */
const char *csv_field(const struct csv *c, int i, size_t *len);

/* Physical line (1-based, counting LF) where the current record, or the
 * record with the error, starts. */
long csv_line(const struct csv *c);

/* What an error code means, e.g. "a quoted field is not closed". */
const char *csv_strerror(int code);

/* For writers: whether a field of len bytes must be quoted, i.e. holds
 * ',', '"', CR or LF. */
bool csv_needs_quotes(const char *s, size_t len);

/* Formula protection (docs/formats.md): whether a text cell starts with
 * '=', '+', '-', '@', tab, CR or '\'' and so is written with one more
 * leading '\''. */
bool csv_formula_start(const char *s);

/* The reverse, for import: s past one leading '\'' when the character after
 * it is one of those seven, else s unchanged (so a version-1 export that
 * never had the guard keeps its text). */
const char *csv_unguard(const char *s);

#endif
