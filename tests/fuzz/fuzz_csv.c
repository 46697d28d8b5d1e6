/* fuzz_csv - the RFC 4180 reader (csv.h) on any bytes, read in chunks of
 * any size into a record buffer of any size.
 *
 * Properties: every record has 1 to CSV_MAX_FIELDS fields, each inside the
 * buffer and NUL-terminated at its length; lines only go forward; after an
 * error every call returns it again; the reader ends.  And the round trip:
 * when the whole input reads cleanly, its records written back as CSV
 * (quoted where csv_needs_quotes says) read back to the same fields. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct src {
	const uint8_t *p;
	size_t left;
	unsigned chunk; /* 0: as much as asked */
};

static ssize_t src_read(void *ctx, char *buf, size_t n)
{
	struct src *s = ctx;
	size_t k = n < s->left ? n : s->left;
	if (s->chunk && k > s->chunk)
		k = s->chunk;
	memcpy(buf, s->p, k);
	s->p += k;
	s->left -= k;
	return (ssize_t)k;
}

#define MAXREC 256

static char rec[70000], rec2[70000];
static char out[1 << 20], flat[1 << 20];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct csv c, c2;
	struct src s, s2;
	size_t cap, o = 0, fo = 0, pos;
	long line = 0;
	int r, i, records = 0, ok = 1;
	/* Field lengths of the first MAXREC records, to compare after the round trip. */
	static size_t lens[MAXREC][CSV_MAX_FIELDS];
	static int nf[MAXREC];

	if (size < 2)
		return 0;
	cap = 2 + (size_t)data[0] * 256 % (sizeof rec - 2);
	if (data[0] == 0xff)
		cap = sizeof rec;
	s = (struct src){ data + 2, size - 2, data[1] % 8 ? data[1] % 8u : 0 };
	csv_init(&c, src_read, &s, rec, cap);
	while ((r = csv_next(&c)) == CSV_RECORD) {
		REQUIRE(c.nfields >= 1 && c.nfields <= CSV_MAX_FIELDS);
		REQUIRE(csv_line(&c) >= line);
		line = csv_line(&c);
		for (i = 0; i < c.nfields; i++) {
			size_t len;
			const char *f = csv_field(&c, i, &len);
			REQUIRE(f >= rec && f + len < rec + cap);
			REQUIRE(f[len] == '\0');
			REQUIRE(memchr(f, '\0', len) == NULL);
			if (records < MAXREC)
				lens[records][i] = len;
			if (fo + len > sizeof flat) {
				ok = 0;
				continue;
			}
			memcpy(flat + fo, f, len);
			fo += len;
			/* Write the field back, as a writer would. */
			if (o + 2 * len + 4 > sizeof out) {
				ok = 0;
				continue;
			}
			if (i)
				out[o++] = ',';
			if (csv_needs_quotes(f, len) || (c.nfields == 1 && len == 0)) {
				size_t k;
				out[o++] = '"';
				for (k = 0; k < len; k++) {
					if (f[k] == '"')
						out[o++] = '"';
					out[o++] = f[k];
				}
				out[o++] = '"';
			} else {
				memcpy(out + o, f, len);
				o += len;
			}
		}
		if (o + 2 <= sizeof out) {
			out[o++] = '\r';
			out[o++] = '\n';
		} else {
			ok = 0;
		}
		if (records < MAXREC)
			nf[records] = c.nfields;
		records++;
		REQUIRE(records <= (int)size + 1);
	}
	if (r != CSV_END) {
		REQUIRE(r < 0 && r >= CSV_EREAD && r != CSV_EREAD);
		REQUIRE(csv_next(&c) == r && csv_next(&c) == r);
		REQUIRE(strlen(csv_strerror(r)) > 0);
		return 0;
	}
	REQUIRE(csv_next(&c) == CSV_END);
	if (!ok || records > MAXREC)
		return 0;
	/* The round trip (a lone BOM-looking first field is kept as data: the
	 * reader skips a BOM only at the very start, so none is written). */
	if (o >= 3 && memcmp(out, "\xef\xbb\xbf", 3) == 0)
		return 0;
	s2 = (struct src){ (const uint8_t *)out, o, 0 };
	csv_init(&c2, src_read, &s2, rec2, sizeof rec2);
	pos = 0;
	for (i = 0; i < records; i++) {
		int k;
		REQUIRE(csv_next(&c2) == CSV_RECORD);
		REQUIRE(c2.nfields == nf[i]);
		for (k = 0; k < nf[i]; k++) {
			size_t len;
			const char *f = csv_field(&c2, k, &len);
			REQUIRE(len == lens[i][k]);
			REQUIRE(memcmp(f, flat + pos, len) == 0);
			pos += len;
		}
	}
	REQUIRE(csv_next(&c2) == CSV_END);
	return 0;
}
