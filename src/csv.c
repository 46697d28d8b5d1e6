/* csv.c - an RFC 4180 reader; pure (bytes come through the caller's
 * callback, the record goes into the caller's buffer). */
#include "csv.h"

#include <string.h>

#define END_OF_INPUT (-1)
#define READ_FAILED (-2)

/* A reader at line 1 with nothing read yet. */
void csv_init(struct csv *c, csv_read_fn read, void *ctx, char *rec, size_t cap)
{
	memset(c, 0, sizeof *c);
	c->read = read;
	c->ctx = ctx;
	c->rec = rec;
	c->cap = cap;
	c->line = 1;
	c->rec_line = 1;
}

/* Make at least want bytes available in c->in unless the input ends first;
 * keeps what is unread.  Returns 0, or READ_FAILED. */
static int fill(struct csv *c, size_t want)
{
	while (!c->eof && c->in_len - c->in_pos < want) {
		ssize_t n;
		if (c->in_pos > 0) {
			memmove(c->in, c->in + c->in_pos, c->in_len - c->in_pos);
			c->in_len -= c->in_pos;
			c->in_pos = 0;
		}
		n = c->read(c->ctx, c->in + c->in_len, sizeof c->in - c->in_len);
		if (n < 0)
			return READ_FAILED;
		if (n == 0)
			c->eof = true;
		else
			c->in_len += (size_t)n;
	}
	return 0;
}

/* The next byte without consuming it, END_OF_INPUT or READ_FAILED. */
static int peek(struct csv *c)
{
	if (c->in_pos == c->in_len && fill(c, 1) < 0)
		return READ_FAILED;
	return c->in_pos < c->in_len ? (unsigned char)c->in[c->in_pos] : END_OF_INPUT;
}

/* The next byte, consumed; LF advances the line count. */
static int get(struct csv *c)
{
	int ch = peek(c);
	if (ch >= 0) {
		c->in_pos++;
		if (ch == '\n')
			c->line++;
	}
	return ch;
}

/* Append one byte of field text, keeping room for the field's NUL. */
static int put(struct csv *c, size_t *o, int ch)
{
	if (*o + 1 >= c->cap)
		return CSV_ETOOLONG;
	c->rec[(*o)++] = (char)ch;
	return 0;
}

/* End the current field: terminate it and count it. */
static int end_field(struct csv *c, size_t *o)
{
	if (*o >= c->cap)
		return CSV_ETOOLONG;
	c->len[c->nfields] = *o - c->off[c->nfields];
	c->rec[(*o)++] = '\0';
	c->nfields++;
	return 0;
}

/* A quoted field, after its opening quote, up to and including the
 * closing quote. */
static int quoted(struct csv *c, size_t *o)
{
	for (;;) {
		int ch = get(c), r;
		if (ch == READ_FAILED)
			return CSV_EREAD;
		if (ch == END_OF_INPUT)
			return CSV_EQUOTE;
		if (ch == '\0')
			return CSV_ENUL;
		if (ch == '"') {
			int next = peek(c);
			if (next == READ_FAILED)
				return CSV_EREAD;
			if (next != '"')
				return 0;
			get(c);
		}
		if ((r = put(c, o, ch)))
			return r;
	}
}

/* What ends a field: 1 for ',' (another field follows), 0 for the end of
 * the record (LF, CRLF or the end of the input), or an error. */
static int field_end(struct csv *c, int ch)
{
	switch (ch) {
	case ',':
		return 1;
	case '\n':
	case END_OF_INPUT:
		return 0;
	case '\r':
		ch = peek(c);
		if (ch == READ_FAILED)
			return CSV_EREAD;
		if (ch != '\n')
			return CSV_EBARECR;
		get(c);
		return 0;
	case READ_FAILED:
		return CSV_EREAD;
	default:
		return CSV_EAFTERQUOTE;
	}
}

/* Read one record into c->rec; returns CSV_RECORD or an error. */
static int record(struct csv *c)
{
	size_t o = 0;
	int more, r;

	c->nfields = 0;
	do {
		int ch;
		if (c->nfields == CSV_MAX_FIELDS)
			return CSV_ETOOMANY;
		c->off[c->nfields] = o;
		ch = get(c);
		if (ch == '"') {
			if ((r = quoted(c, &o)))
				return r;
			ch = get(c);
		} else {
			while (ch >= 0 && ch != ',' && ch != '\n' && ch != '\r') {
				if (ch == '"')
					return CSV_ESTRAYQUOTE;
				if (ch == '\0')
					return CSV_ENUL;
				if ((r = put(c, &o, ch)))
					return r;
				ch = get(c);
			}
		}
		if ((more = field_end(c, ch)) < 0)
			return more;
		if ((r = end_field(c, &o)))
			return r;
	} while (more);
	return CSV_RECORD;
}

/* The next record; the byte order mark is looked for once, at the start. */
int csv_next(struct csv *c)
{
	int ch, r;

	if (c->err)
		return c->err;
	c->rec_line = c->line;
	c->nfields = 0;
	if (!c->started) {
		c->started = true;
		if (fill(c, 3) < 0)
			return c->err = CSV_EREAD;
		if (c->in_len - c->in_pos >= 3 && memcmp(c->in + c->in_pos, "\xef\xbb\xbf", 3) == 0)
			c->in_pos += 3;
	}
	ch = peek(c);
	if (ch == READ_FAILED)
		r = CSV_EREAD;
	else if (ch == END_OF_INPUT)
		return CSV_END;
	else
		r = record(c);
	if (r < 0) {
		c->err_field = c->nfields;
		c->err = r;
	}
	return r;
}

/* Field i of the current record. */
const char *csv_field(const struct csv *c, int i, size_t *len)
{
	if (len)
		*len = c->len[i];
	return c->rec + c->off[i];
}

/* Errors name the line where the record starts, as editors count lines. */
long csv_line(const struct csv *c)
{
	return c->rec_line;
}

/* Words for the error codes, fit for "FILE: line N: FIELD: <this>". */
const char *csv_strerror(int code)
{
	switch (code) {
	case CSV_EQUOTE:
		return "a quoted field is not closed before the end of the file";
	case CSV_ESTRAYQUOTE:
		return "a double quote inside a field that does not start with one";
	case CSV_EAFTERQUOTE:
		return "text after the closing double quote (a field's quotes must be doubled)";
	case CSV_EBARECR:
		return "a carriage return that does not end a line";
	case CSV_ENUL:
		return "a NUL byte";
	case CSV_ETOOLONG:
		return "the record is too long";
	case CSV_ETOOMANY:
		return "too many fields";
	case CSV_EREAD:
		return "read error";
	case CSV_END:
	case CSV_RECORD:
		return "no error";
	default:
		return "unknown error";
	}
}

/* RFC 4180: quotes only when a field holds a comma, quote, CR or LF. */
bool csv_needs_quotes(const char *s, size_t len)
{
	size_t i;
	for (i = 0; i < len; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
			return true;
	return false;
}

/* docs/formats.md: a text cell a spreadsheet could run as a formula starts
 * with one of these, and so does one that already carries the guard. */
bool csv_formula_start(const char *s)
{
	return *s && strchr("=+-@\t\r'", *s) != NULL;
}

/* The guarded cell's text: s itself, or s without its leading "'" when the
 * next character is one csv_formula_start() names. */
const char *csv_unguard(const char *s)
{
	return s[0] == '\'' && csv_formula_start(s + 1) ? s + 1 : s;
}
