/* fuzz_jsonw - the JSON writer (src/report/jsonw.c) on any text.
 *
 * jsonw_string on any bytes must give one valid JSON string, valid UTF-8,
 * that decodes to the input with each byte that is not part of well-formed
 * UTF-8 replaced by U+FFFD; jsonw_day with any note and symptoms must give a
 * valid JSON object whose "note" decodes the same way. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "jsonw.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct entry en;

/* What the input should read as once written and decoded. */
static char *expected(const char *s)
{
	char *out = malloc(strlen(s) * 3 + 1), *o = out;
	if (!out)
		abort();
	while (*s) {
		size_t n = utf8_seq(s);
		if (n == 0) {
			memcpy(o, "\xef\xbf\xbd", 3);
			o += 3;
			s++;
		} else {
			memcpy(o, s, n);
			o += n;
			s += n;
		}
	}
	*o = '\0';
	return out;
}

/* Write with fn into memory; returns the text (malloc'd) and its length. */
static char *written(void (*fn)(FILE *, const void *), const void *arg, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	if (!f)
		abort();
	fn(f, arg);
	fclose(f);
	return buf;
}

static void write_string(FILE *f, const void *s)
{
	jsonw_string(f, s);
}

static void write_day(FILE *f, const void *en_)
{
	struct engine_proj p;
	memset(&p, 0, sizeof p);
	p.day = 20514;
	p.logged = 1;
	jsonw_day(f, &p, en_, 2);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s, *want, *out, *dec, *k;
	size_t len, dlen;
	struct json_in in;
	int i;

	if (!(s = malloc(size + 1)))
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	want = expected(s);

	out = written(write_string, s, &len);
	REQUIRE(json_valid(out, len));
	REQUIRE(utf8_valid(out));
	dec = malloc(len + 1);
	in = (struct json_in){ out, out + len, 0 };
	REQUIRE(json_string(&in, dec, &dlen));
	REQUIRE(strcmp(dec, want) == 0 && dlen == strlen(want));
	free(dec);
	free(out);

	/* A day whose note is the input (cut to NOTE_MAX) and whose symptoms
	 * are pieces of it: the writer must cope with any text there. */
	entry_init(&en, 20514);
	snprintf(en.note, sizeof en.note, "%s", s);
	for (i = 0, k = s; i < 3 && *k; i++) {
		snprintf(en.symptoms[en.n_symptoms++], SYMPTOM_MAX + 1, "%s", k);
		k += strlen(en.symptoms[en.n_symptoms - 1]);
	}
	en.has_rest = size % 2;
	en.rest_hours = (double)(size % 97) / 4;
	out = written(write_day, &en, &len);
	REQUIRE(json_valid(out, len));
	REQUIRE(utf8_valid(out));
	if (en.note[0]) {
		char *note = strstr(out, "\"note\": ");
		char *w = expected(en.note);
		REQUIRE(note);
		in = (struct json_in){ note + 8, out + len, 0 };
		dec = malloc(len + 1);
		REQUIRE(json_string(&in, dec, &dlen));
		REQUIRE(strcmp(dec, w) == 0);
		free(dec);
		free(w);
	}
	free(out);
	free(want);
	free(s);
	return 0;
}
