/* import.c - CSV rows to journal entries: the header's columns, one entry
 * per row through entry.h's parsers, all handed to journal_import so that
 * the whole file is one transaction and one undo step. */
#include "import.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "entry.h"
#include "utf8.h"

/* The entry columns are the fields of entry.h's table, found by their
 * names; those marked csv_required must be there (every export has them),
 * the others are empty when absent. */
struct importer {
	struct csv csv;
	FILE *in;
	char name[128];        /* the input as errors name it */
	int col_date;          /* field index of the date column */
	int col[EF_COUNT];     /* field index of each entry column, -1 when absent */
	char required[256];    /* the required header, for errors */
	int ncols;             /* fields in the header */
	const char *header[CSV_MAX_FIELDS]; /* names for errors; point into hdr */
	char hdr[1024];
	uint8_t *seen;         /* one bit per possible date */
	rw_day today;          /* rows after date_latest(today) are refused */
	int read_errno;
	bool utf16;            /* the file starts with a UTF-16 byte order mark */
	bool first_read;
	struct import_result *res;
	struct entry_change change; /* the row being read */
	char rec[IMPORT_RECORD_MAX + CSV_MAX_FIELDS];
};

/* The csv reader's byte source: the caller's FILE. */
static ssize_t read_file(void *ctx, char *buf, size_t n)
{
	struct importer *x = ctx;
	size_t got = fread(buf, 1, n, x->in);

	if (got == 0 && ferror(x->in)) {
		x->read_errno = errno ? errno : EIO;
		return -1;
	}
	if (!x->first_read && got >= 2) {
		const unsigned char *b = (const unsigned char *)buf;
		x->utf16 = (b[0] == 0xff && b[1] == 0xfe) || (b[0] == 0xfe && b[1] == 0xff);
	}
	x->first_read = true;
	return (ssize_t)got;
}

/* Prefix e's message with "NAME: line N: ", keeping one bounded line. */
static int at_line(struct importer *x, long line, int code, struct rw_error *e)
{
	char msg[RW_ERRMSG];

	snprintf(msg, sizeof msg, "%s", e->msg);
	return rw_fail(e, code, "%s: line %ld: %s", x->name, line, msg);
}

/* A reader error, named by line and, when known, by column. */
static int csv_error(struct importer *x, int code, struct rw_error *e)
{
	int f = x->csv.err_field;
	char shown[64];

	if (code == CSV_EREAD)
		return rw_fail(e, RW_EIO, "%s: read error: %s", x->name, strerror(x->read_errno));
	if (code == CSV_ETOOLONG)
		return rw_fail(e, RW_EDATA, "%s: line %ld: the row is longer than %d bytes", x->name,
			       csv_line(&x->csv), IMPORT_RECORD_MAX);
	if (x->ncols && f < x->ncols && x->header[f])
		return rw_fail(e, RW_EDATA, "%s: line %ld: %s: %s", x->name, csv_line(&x->csv),
			       rw_show(shown, sizeof shown, x->header[f]), csv_strerror(code));
	return rw_fail(e, RW_EDATA, "%s: line %ld: %s", x->name, csv_line(&x->csv),
		       csv_strerror(code));
}

/* Every field of the current record well-formed UTF-8; names the first
 * that is not. */
static int check_utf8(struct importer *x, struct rw_error *e)
{
	char shown[64];
	int i;

	for (i = 0; i < x->csv.nfields; i++) {
		const char *s = csv_field(&x->csv, i, NULL), *p;
		for (p = s; *p;) {
			size_t n = utf8_seq(p);
			if (!n) {
				if (x->ncols && x->header[i])
					return rw_fail(e, RW_EDATA,
						       "%s: line %ld: %s: byte %zu is not valid UTF-8",
						       x->name, csv_line(&x->csv),
						       rw_show(shown, sizeof shown, x->header[i]),
						       (size_t)(p - s) + 1);
				return rw_fail(e, RW_EDATA, "%s: line %ld: not valid UTF-8 text",
					       x->name, csv_line(&x->csv));
			}
			p += n;
		}
	}
	return 0;
}

/* Line 1: find the entry columns by name (the seven required ones, and
 * medications and tracked_hours when present). */
static int read_header(struct importer *x, struct rw_error *e)
{
	size_t o = 0;
	int r, i, k;

	r = csv_next(&x->csv);
	if (x->utf16)
		return rw_fail(e, RW_EDATA, "%s: line 1: the file is UTF-16; save it as UTF-8 CSV",
			       x->name);
	entry_csv_header(true, x->required, sizeof x->required);
	if (r == CSV_END)
		return rw_fail(e, RW_EDATA, "%s: the file is empty (expected the header line %s)",
			       x->name, x->required);
	if (r < 0)
		return csv_error(x, r, e);
	if ((r = check_utf8(x, e)))
		return r;
	x->col_date = -1;
	for (k = 0; k < EF_COUNT; k++)
		x->col[k] = -1;
	x->ncols = x->csv.nfields;
	for (i = 0; i < x->csv.nfields; i++) {
		size_t len;
		const char *h = csv_field(&x->csv, i, &len);
		/* Keep the names for error messages; a long one is only cut. */
		if (o + len + 1 <= sizeof x->hdr) {
			memcpy(x->hdr + o, h, len + 1);
			x->header[i] = x->hdr + o;
			o += len + 1;
		}
		for (k = -1; k < EF_COUNT; k++) {
			int *col = k < 0 ? &x->col_date : &x->col[k];
			const char *name = k < 0 ? "date" : entry_fields[k].name;
			if (strcmp(h, name) != 0)
				continue;
			if (*col >= 0)
				return rw_fail(e, RW_EDATA, "%s: line 1: the column %s appears twice",
					       x->name, name);
			*col = i;
		}
	}
	for (k = -1; k < EF_COUNT; k++)
		if ((k < 0 ? x->col_date : x->col[k]) < 0 && (k < 0 || entry_fields[k].csv_required))
			return rw_fail(e, RW_EDATA,
				       "%s: line 1: no %s column (the header must name %s)", x->name,
				       k < 0 ? "date" : entry_fields[k].name, x->required);
	return 0;
}

/* "a\r\nb" to "a\nb" in place: a note edited on Windows keeps its lines. */
static void crlf_to_lf(char *s)
{
	char *w = s;
	for (; *s; s++)
		if (!(s[0] == '\r' && s[1] == '\n'))
			*w++ = *s;
	*w = '\0';
}

/* The current record as an entry. */
static int row_entry(struct importer *x, struct entry *en, struct rw_error *e)
{
	const char *v;
	char shown[64];
	rw_day day;
	size_t bit;
	int r, k;

	v = csv_field(&x->csv, x->col_date, NULL);
	if (!*v)
		return rw_fail(e, RW_EDATA, "date: the date is empty");
	if (date_parse_iso(v, &day) != 0)
		return rw_fail(e, RW_EDATA, "date: '%s' is not a calendar date (YYYY-MM-DD)",
			       rw_show(shown, sizeof shown, v));
	if ((r = date_check_latest(day, x->today, "date", e)))
		return r;
	bit = (size_t)(day - date_min());
	if (x->seen[bit / 8] & (1u << (bit % 8)))
		return rw_fail(e, RW_EDATA, "date: %s appears twice in the file", v);
	x->seen[bit / 8] |= (uint8_t)(1u << (bit % 8));
	entry_init(en, day);
	entry_change_init(&x->change);
	for (k = 0; k < EF_COUNT; k++) {
		const struct entry_field *f = &entry_fields[k];
		if (x->col[k] < 0)
			continue;
		/* The record buffer is ours, so a text cell is tidied where it
		 * lies, past the formula guard an export put before it
		 * (docs/formats.md), its CRLFs read as LF. */
		v = x->csv.rec + x->csv.off[x->col[k]];
		if (f->csv_text) {
			v = csv_unguard(v);
			crlf_to_lf((char *)v);
		}
		if (*v && (r = entry_change_text(&x->change, f, v, true, f->name, e)))
			return r;
	}
	if ((r = entry_apply(en, &x->change, ENTRY_NAME_COLUMN, e)))
		return r;
	return entry_validate(en, e);
}

/* journal_import's source: the next row as an entry, 0 at the end. */
static int next_entry(void *ctx, struct entry *en, struct rw_error *e)
{
	struct importer *x = ctx;
	int r;

	for (;;) {
		r = csv_next(&x->csv);
		if (r == CSV_END)
			return 0;
		if (r < 0)
			return csv_error(x, r, e);
		/* A blank line (a lone empty field) carries no day. */
		if (x->csv.nfields == 1 && x->csv.len[0] == 0)
			continue;
		break;
	}
	if (x->csv.nfields != x->ncols)
		return rw_fail(e, RW_EDATA, "%s: line %ld: %d field%s, but the header has %d",
			       x->name, csv_line(&x->csv), x->csv.nfields,
			       x->csv.nfields == 1 ? "" : "s", x->ncols);
	if ((r = check_utf8(x, e)))
		return r;
	if ((r = row_entry(x, en, e)))
		return at_line(x, csv_line(&x->csv), r, e);
	if (x->res->count == 0 || en->day < x->res->first)
		x->res->first = en->day;
	if (x->res->count == 0 || en->day > x->res->last)
		x->res->last = en->day;
	x->res->count++;
	return 1;
}

int import_csv(struct journal *j, FILE *in, const char *name, rw_day today,
	       struct import_result *res, struct rw_error *e)
{
	struct importer *x = calloc(1, sizeof *x);
	long stored = 0;
	int r;

	memset(res, 0, sizeof *res);
	if (!x)
		return rw_fail(e, RW_ENOMEM, "out of memory");
	x->in = in;
	x->res = res;
	x->today = today;
	rw_show_name(x->name, sizeof x->name, name);
	x->seen = calloc((size_t)(date_max() - date_min()) / 8 + 1, 1);
	if (!x->seen) {
		r = rw_fail(e, RW_ENOMEM, "out of memory");
		goto out;
	}
	csv_init(&x->csv, read_file, x, x->rec, sizeof x->rec);
	if ((r = read_header(x, e)))
		goto out;
	r = journal_import(j, next_entry, x, &stored, e);
	if (r == 0 && stored != res->count)
		r = rw_fail(e, RW_ESOFTWARE, "%s: %ld rows read but %ld stored", x->name,
			    res->count, stored);
out:
	if (r)
		memset(res, 0, sizeof *res);
	free(x->seen);
	free(x);
	return r;
}
