/* check.h - what the fuzz targets assert, shared by them: a strict JSON
 * (RFC 8259) validator that also insists on well-formed UTF-8, and an
 * "error text is one clean line" check.  Header-only: every target is one
 * program built from one .c file. */
#ifndef RESTWATCH_FUZZ_CHECK_H
#define RESTWATCH_FUZZ_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rwerr.h"
#include "utf8.h"

/* Stop the fuzzer with a message: a failed property is a crash. */
#define REQUIRE(cond)                                                            \
	do {                                                                     \
		if (!(cond)) {                                                   \
			fprintf(stderr, "%s:%d: %s does not hold\n", __FILE__, __LINE__, \
				#cond);                                          \
			abort();                                                 \
		}                                                                \
	} while (0)

struct json_in {
	const char *p, *end;
	int depth;
};

static inline int json_value(struct json_in *in);

static inline void json_ws(struct json_in *in)
{
	while (in->p < in->end &&
	       (*in->p == ' ' || *in->p == '\t' || *in->p == '\n' || *in->p == '\r'))
		in->p++;
}

static inline int json_hex4(const char *p, unsigned *v)
{
	int i;
	*v = 0;
	for (i = 0; i < 4; i++) {
		char c = p[i];
		*v <<= 4;
		if (c >= '0' && c <= '9')
			*v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			*v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			*v |= (unsigned)(c - 'A' + 10);
		else
			return 0;
	}
	return 1;
}

/* A string at in->p ('"'); its decoded UTF-8 goes to out (when not NULL,
 * holding at least the input's length + 1) and *outlen. */
static inline int json_string(struct json_in *in, char *out, size_t *outlen)
{
	size_t o = 0;

	if (in->p >= in->end || *in->p != '"')
		return 0;
	in->p++;
	while (in->p < in->end && *in->p != '"') {
		unsigned char c = (unsigned char)*in->p;
		if (c < 0x20)
			return 0;
		if (c == '\\') {
			unsigned v, lo;
			if (in->end - in->p < 2)
				return 0;
			switch (in->p[1]) {
			case '"': case '\\': case '/':
				if (out) out[o] = in->p[1];
				o++;
				in->p += 2;
				continue;
			case 'b': case 'f': case 'n': case 'r': case 't':
				if (out)
					out[o] = in->p[1] == 'b' ? '\b' : in->p[1] == 'f' ? '\f'
					       : in->p[1] == 'n' ? '\n' : in->p[1] == 'r' ? '\r' : '\t';
				o++;
				in->p += 2;
				continue;
			case 'u':
				if (in->end - in->p < 6 || !json_hex4(in->p + 2, &v))
					return 0;
				in->p += 6;
				if (v >= 0xdc00 && v <= 0xdfff)
					return 0;
				if (v >= 0xd800 && v <= 0xdbff) {
					if (in->end - in->p < 6 || in->p[0] != '\\' || in->p[1] != 'u' ||
					    !json_hex4(in->p + 2, &lo) || lo < 0xdc00 || lo > 0xdfff)
						return 0;
					in->p += 6;
					v = 0x10000 + ((v - 0xd800) << 10) + (lo - 0xdc00);
				}
				if (out) {
					if (v < 0x80) {
						out[o] = (char)v;
					} else if (v < 0x800) {
						out[o++] = (char)(0xc0 | v >> 6);
						out[o] = (char)(0x80 | (v & 0x3f));
					} else if (v < 0x10000) {
						out[o++] = (char)(0xe0 | v >> 12);
						out[o++] = (char)(0x80 | ((v >> 6) & 0x3f));
						out[o] = (char)(0x80 | (v & 0x3f));
					} else {
						out[o++] = (char)(0xf0 | v >> 18);
						out[o++] = (char)(0x80 | ((v >> 12) & 0x3f));
						out[o++] = (char)(0x80 | ((v >> 6) & 0x3f));
						out[o] = (char)(0x80 | (v & 0x3f));
					}
				} else {
					o += v < 0x80 ? 0 : v < 0x800 ? 1 : v < 0x10000 ? 2 : 3;
				}
				o++;
				continue;
			default:
				return 0;
			}
		}
		{
			/* Raw text: well-formed UTF-8 (the buffer is NUL-ended). */
			size_t n = utf8_seq(in->p);
			if (n == 0 || in->p + n > in->end)
				return 0;
			if (out)
				memcpy(out + o, in->p, n);
			o += n;
			in->p += n;
		}
	}
	if (in->p >= in->end)
		return 0;
	in->p++;
	if (out)
		out[o] = '\0';
	if (outlen)
		*outlen = o;
	return 1;
}

static inline int json_digits(struct json_in *in)
{
	const char *s = in->p;
	while (in->p < in->end && *in->p >= '0' && *in->p <= '9')
		in->p++;
	return in->p > s;
}

static inline int json_number(struct json_in *in)
{
	if (in->p < in->end && *in->p == '-')
		in->p++;
	if (in->p < in->end && *in->p == '0')
		in->p++;
	else if (!json_digits(in))
		return 0;
	if (in->p < in->end && *in->p == '.') {
		in->p++;
		if (!json_digits(in))
			return 0;
	}
	if (in->p < in->end && (*in->p == 'e' || *in->p == 'E')) {
		in->p++;
		if (in->p < in->end && (*in->p == '+' || *in->p == '-'))
			in->p++;
		if (!json_digits(in))
			return 0;
	}
	return 1;
}

static inline int json_word(struct json_in *in, const char *w)
{
	size_t n = strlen(w);
	if ((size_t)(in->end - in->p) < n || memcmp(in->p, w, n) != 0)
		return 0;
	in->p += n;
	return 1;
}

static inline int json_value(struct json_in *in)
{
	int ok = 1;

	json_ws(in);
	if (in->p >= in->end || ++in->depth > 64)
		return 0;
	switch (*in->p) {
	case '{':
		in->p++;
		json_ws(in);
		if (in->p < in->end && *in->p == '}') {
			in->p++;
			break;
		}
		for (;;) {
			json_ws(in);
			if (!json_string(in, NULL, NULL))
				return 0;
			json_ws(in);
			if (in->p >= in->end || *in->p++ != ':' || !json_value(in))
				return 0;
			json_ws(in);
			if (in->p < in->end && *in->p == ',') {
				in->p++;
				continue;
			}
			if (in->p >= in->end || *in->p++ != '}')
				return 0;
			break;
		}
		break;
	case '[':
		in->p++;
		json_ws(in);
		if (in->p < in->end && *in->p == ']') {
			in->p++;
			break;
		}
		for (;;) {
			if (!json_value(in))
				return 0;
			json_ws(in);
			if (in->p < in->end && *in->p == ',') {
				in->p++;
				continue;
			}
			if (in->p >= in->end || *in->p++ != ']')
				return 0;
			break;
		}
		break;
	case '"':
		ok = json_string(in, NULL, NULL);
		break;
	case 't':
		ok = json_word(in, "true");
		break;
	case 'f':
		ok = json_word(in, "false");
		break;
	case 'n':
		ok = json_word(in, "null");
		break;
	default:
		ok = json_number(in);
	}
	in->depth--;
	return ok;
}

/* The whole text (NUL-terminated, n bytes) is exactly one JSON value. */
static inline int json_valid(const char *text, size_t n)
{
	struct json_in in = { text, text + n, 0 };
	if (strlen(text) != n || !json_value(&in))
		return 0;
	json_ws(&in);
	return in.p == in.end;
}

/* An error's text: one line of printable, well-formed UTF-8 that fits. */
static inline void require_clean_error(const struct rw_error *e, int r)
{
	const char *p;
	REQUIRE(r < 0);
	REQUIRE(e->code == r);
	REQUIRE(memchr(e->msg, '\0', sizeof e->msg) != NULL);
	REQUIRE(e->msg[0] != '\0');
	REQUIRE(utf8_valid(e->msg));
	for (p = e->msg; *p; p++) {
		REQUIRE((unsigned char)*p >= 0x20 && *p != 0x7f);
		/* nor a C1 control, U+0080-U+009F */
		REQUIRE(!((unsigned char)p[0] == 0xc2 && (unsigned char)p[1] >= 0x80 &&
			  (unsigned char)p[1] < 0xa0));
	}
}

#endif
