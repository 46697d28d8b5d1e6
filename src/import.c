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

enum col {
	C_DATE, C_REST, C_ACTIVITIES, C_PAIN, C_SYMPTOMS, C_WEIGHT, C_NOTE,
	C_REQUIRED, /* the columns after this one are optional (empty when absent) */
	C_MEDS = C_REQUIRED, C_TRACKED, C_COUNT
};

/* The entry columns import reads, by header name. */
static const char *const col_names[C_COUNT] = {
	"date", "rest_hours", "activities", "pain", "symptoms", "weight_kg", "note", "medications",
	"tracked_hours"
};

#define HEADER_TEXT "date,rest_hours,activities,pain,symptoms,weight_kg,note"

struct importer {
	struct csv csv;
	FILE *in;
	char name[128];        /* the input as errors name it */
	int col[C_COUNT];      /* field index of each entry column */
	int ncols;             /* fields in the header */
	const char *header[CSV_MAX_FIELDS]; /* names for errors; point into hdr */
	char hdr[1024];
	uint8_t *seen;         /* one bit per possible date */
	rw_day today;          /* rows after date_latest(today) are refused */
	int read_errno;
	bool utf16;            /* the file starts with a UTF-16 byte order mark */
	bool first_read;
	struct import_result *res;
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
	if (r == CSV_END)
		return rw_fail(e, RW_EDATA, "%s: the file is empty (expected the header line %s)",
			       x->name, HEADER_TEXT);
	if (r < 0)
		return csv_error(x, r, e);
	if ((r = check_utf8(x, e)))
		return r;
	for (k = 0; k < C_COUNT; k++)
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
		for (k = 0; k < C_COUNT; k++) {
			if (strcmp(h, col_names[k]) != 0)
				continue;
			if (x->col[k] >= 0)
				return rw_fail(e, RW_EDATA, "%s: line 1: the column %s appears twice",
					       x->name, col_names[k]);
			x->col[k] = i;
		}
	}
	for (k = 0; k < C_REQUIRED; k++)
		if (x->col[k] < 0)
			return rw_fail(e, RW_EDATA,
				       "%s: line 1: no %s column (the header must name %s)",
				       x->name, col_names[k], HEADER_TEXT);
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
	char *note, shown[64];
	rw_day day;
	size_t bit;
	int r;

	v = csv_field(&x->csv, x->col[C_DATE], NULL);
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

	v = csv_field(&x->csv, x->col[C_REST], NULL);
	if (*v) {
		if ((r = entry_parse_rest(v, &en->rest_hours, "rest_hours", e)))
			return r;
		en->has_rest = true;
	}
	v = csv_field(&x->csv, x->col[C_ACTIVITIES], NULL);
	if ((r = entry_parse_activities(v, en, "activities", e)))
		return r;
	v = csv_field(&x->csv, x->col[C_PAIN], NULL);
	if (*v && (r = entry_parse_pain(v, &en->pain, "pain", e)))
		return r;
	v = csv_unguard(csv_field(&x->csv, x->col[C_SYMPTOMS], NULL));
	if ((r = entry_parse_symptoms(v, en, "symptoms", e)))
		return r;
	v = csv_field(&x->csv, x->col[C_WEIGHT], NULL);
	if (*v && (r = entry_parse_weight(v, &en->weight_dg, "weight_kg", e)))
		return r;
	/* The record buffer is ours, so the note is tidied where it lies,
	 * past the formula guard an export put before it (docs/formats.md). */
	note = x->csv.rec + x->csv.off[x->col[C_NOTE]];
	if (csv_unguard(note) != note)
		note++;
	crlf_to_lf(note);
	if ((r = entry_parse_note(note, en->note, "note", e)))
		return r;
	if (x->col[C_MEDS] >= 0 &&
	    (r = entry_parse_meds(csv_unguard(csv_field(&x->csv, x->col[C_MEDS], NULL)), en,
				  "medications", e)))
		return r;
	v = x->col[C_TRACKED] >= 0 ? csv_field(&x->csv, x->col[C_TRACKED], NULL) : "";
	if (*v && (r = entry_parse_tracked(v, &en->tracked_hours, "tracked_hours", e)))
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
