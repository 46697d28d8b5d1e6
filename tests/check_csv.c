/* check_csv.c - unit tests of the RFC 4180 reader (src/csv.c).
 *
 * Every case is parsed with the input handed over in chunks of 1, 2, 3, 5
 * and 8192 bytes, so that a quote, a CRLF or the byte order mark split
 * across two reads is read the same as in one piece.  A whole parse is
 * shown as text ("1:[a|b] 2:[c]": the record's starting line, then its
 * fields between brackets) so one string states what was expected.
 */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "fmt4.h"
#include "check_main.h"

static const size_t chunks[] = { 1, 2, 3, 5, CSV_CHUNK };
#define NCHUNKS ((int)(sizeof chunks / sizeof chunks[0]))

struct src {
	const char *data;
	size_t len, pos, chunk;
	long fail_at; /* fail a read once pos reaches this; -1 never */
};

static ssize_t src_read(void *ctx, char *buf, size_t n)
{
	struct src *s = ctx;
	size_t k = s->len - s->pos;

	if (s->fail_at >= 0 && s->pos >= (size_t)s->fail_at)
		return -1;
	if (k > n)
		k = n;
	if (k > s->chunk)
		k = s->chunk;
	memcpy(buf, s->data + s->pos, k);
	s->pos += k;
	return (ssize_t)k;
}

/* Parse len bytes of data in chunks of chunk; the records as text in out,
 * and the final status (CSV_END or an error) returned.  On an error, out
 * ends with "E<line>.<field>". */
static int parse(const char *data, size_t len, size_t chunk, size_t cap, char *out,
		 size_t outsz)
{
	struct src s = { data, len, 0, chunk, -1 };
	static struct csv c;
	char *rec = malloc(cap);
	size_t o = 0;
	int r, i;

	ck_assert_ptr_nonnull(rec);
	out[0] = '\0';
	csv_init(&c, src_read, &s, rec, cap);
	while ((r = csv_next(&c)) == CSV_RECORD) {
		o += (size_t)snprintf(out + o, outsz - o, "%s%ld:[", o ? " " : "", csv_line(&c));
		for (i = 0; i < c.nfields; i++) {
			size_t fl;
			const char *f = csv_field(&c, i, &fl);
			ck_assert_uint_eq(strlen(f), fl);
			o += (size_t)snprintf(out + o, outsz - o, "%s%s", i ? "|" : "", f);
		}
		o += (size_t)snprintf(out + o, outsz - o, "]");
		ck_assert_uint_lt(o, outsz);
	}
	if (r != CSV_END) {
		snprintf(out + o, outsz - o, "%sE%ld.%d", o ? " " : "", csv_line(&c), c.err_field);
		/* An error sticks. */
		ck_assert_int_eq(csv_next(&c), r);
	} else {
		ck_assert_int_eq(csv_next(&c), CSV_END);
	}
	free(rec);
	return r;
}

/* Check a parse of the NUL-terminated input in every chunk size. */
#define EXPECT(input, status, text) expect_n((input), strlen(input), (status), (text), _i)

static void expect_n(const char *input, size_t len, int status, const char *text, int ci)
{
	char out[4096];
	int r = parse(input, len, chunks[ci], 1024, out, sizeof out);
	ck_assert_msg(r == status, "chunk %zu: status %d (%s), expected %d; got %s", chunks[ci], r,
		      csv_strerror(r), status, out);
	ck_assert_msg(strcmp(out, text) == 0, "chunk %zu: got '%s', expected '%s'", chunks[ci],
		      out, text);
}

START_TEST(test_plain_crlf)
{
	EXPECT("date,rest\r\n2026-03-01,16\r\n", CSV_END, "1:[date|rest] 2:[2026-03-01|16]");
}
END_TEST

START_TEST(test_plain_lf)
{
	EXPECT("a,b\nc,d\n", CSV_END, "1:[a|b] 2:[c|d]");
}
END_TEST

START_TEST(test_no_trailing_newline)
{
	EXPECT("a,b\r\nc,d", CSV_END, "1:[a|b] 2:[c|d]");
	EXPECT("a,b\nc,\"d\"", CSV_END, "1:[a|b] 2:[c|d]");
}
END_TEST

START_TEST(test_mixed_line_ends)
{
	EXPECT("a\r\nb\nc\r\n", CSV_END, "1:[a] 2:[b] 3:[c]");
}
END_TEST

START_TEST(test_quoted_comma)
{
	EXPECT("\"a,b\",c\r\n", CSV_END, "1:[a,b|c]");
}
END_TEST

START_TEST(test_doubled_quotes)
{
	EXPECT("\"say \"\"hi\"\"\",\"\"\"\"\r\n", CSV_END, "1:[say \"hi\"|\"]");
	EXPECT("\"\"\"\"\"\"\n", CSV_END, "1:[\"\"]");
}
END_TEST

START_TEST(test_embedded_newlines)
{
	/* Lines are physical: the second record starts on line 2, the third
	 * on line 5 after the two line ends inside the quotes. */
	EXPECT("h1,h2\r\n\"one\ntwo\r\nthree\",x\r\nlast,y\r\n", CSV_END,
	       "1:[h1|h2] 2:[one\ntwo\r\nthree|x] 5:[last|y]");
}
END_TEST

START_TEST(test_empty_fields)
{
	EXPECT(",,\r\n", CSV_END, "1:[||]");
	EXPECT("a,,b,\r\n", CSV_END, "1:[a||b|]");
	EXPECT("\"\",\"\"\n", CSV_END, "1:[|]");
}
END_TEST

START_TEST(test_blank_line)
{
	/* RFC 4180: a blank line is one empty field; the reader says so and
	 * leaves skipping it to the caller. */
	EXPECT("a\r\n\r\nb\r\n", CSV_END, "1:[a] 2:[] 3:[b]");
	EXPECT("a\n\n", CSV_END, "1:[a] 2:[]");
}
END_TEST

START_TEST(test_empty_input)
{
	EXPECT("", CSV_END, "");
}
END_TEST

START_TEST(test_bom)
{
	EXPECT("\xef\xbb\xbf" "date,x\r\n1,2\r\n", CSV_END, "1:[date|x] 2:[1|2]");
	EXPECT("\xef\xbb\xbf", CSV_END, "");
	EXPECT("\xef\xbb\xbf" "\"q\"", CSV_END, "1:[q]");
	/* Only at the very start: later it is data. */
	EXPECT("a\n\xef\xbb\xbf" "b\n", CSV_END, "1:[a] 2:[\xef\xbb\xbf" "b]");
	/* A partial mark is data too. */
	EXPECT("\xef\xbb" "a\n", CSV_END, "1:[\xef\xbb" "a]");
}
END_TEST

START_TEST(test_utf8_passes_through)
{
	EXPECT("\"ça va 😀\",—\r\n", CSV_END, "1:[ça va 😀|—]");
}
END_TEST

START_TEST(test_truncated_quote)
{
	EXPECT("h\r\n\"abc", CSV_EQUOTE, "1:[h] E2.0");
	EXPECT("h,i\r\nx,\"abc\r\ndef\r\n", CSV_EQUOTE, "1:[h|i] E2.1");
	EXPECT("\"", CSV_EQUOTE, "E1.0");
	/* A closing quote that is really an escaped one. */
	EXPECT("\"abc\"\"", CSV_EQUOTE, "E1.0");
}
END_TEST

START_TEST(test_stray_quote)
{
	EXPECT("a,b\"c\r\n", CSV_ESTRAYQUOTE, "E1.1");
}
END_TEST

START_TEST(test_after_quote)
{
	EXPECT("\"ab\"c,d\r\n", CSV_EAFTERQUOTE, "E1.0");
	EXPECT("x\n\"ab\" ,d\r\n", CSV_EAFTERQUOTE, "1:[x] E2.0");
}
END_TEST

START_TEST(test_bare_cr)
{
	EXPECT("a\rb\r\n", CSV_EBARECR, "E1.0");
	EXPECT("a,\"b\"\rc", CSV_EBARECR, "E1.1");
	EXPECT("a\r", CSV_EBARECR, "E1.0");
}
END_TEST

START_TEST(test_nul)
{
	expect_n("a,b\0c\n", 6, CSV_ENUL, "E1.1", _i);
	expect_n("\"\0\"\n", 4, CSV_ENUL, "E1.0", _i);
}
END_TEST

START_TEST(test_too_long)
{
	char out[256];
	/* cap 8 holds 8 bytes of field text and field ends: "abc" NUL "def"
	 * NUL fits, one byte more does not. */
	ck_assert_int_eq(parse("abc,def\n", 8, chunks[_i], 8, out, sizeof out), CSV_END);
	ck_assert_str_eq(out, "1:[abc|def]");
	ck_assert_int_eq(parse("abc,defg\n", 9, chunks[_i], 8, out, sizeof out), CSV_ETOOLONG);
	ck_assert_str_eq(out, "E1.1");
	ck_assert_int_eq(parse("abcdefgh\n", 9, chunks[_i], 8, out, sizeof out), CSV_ETOOLONG);
	ck_assert_str_eq(out, "E1.0");
}
END_TEST

START_TEST(test_too_many_fields)
{
	char in[CSV_MAX_FIELDS * 2 + 8], out[4096];
	int i;
	size_t o = 0;

	for (i = 0; i < CSV_MAX_FIELDS; i++)
		o += (size_t)sprintf(in + o, "%s%c", i ? "," : "", 'a' + i % 26);
	strcpy(in + o, "\n");
	ck_assert_int_eq(parse(in, strlen(in), chunks[_i], 1024, out, sizeof out), CSV_END);
	strcpy(in + o, ",z\n");
	ck_assert_int_eq(parse(in, strlen(in), chunks[_i], 1024, out, sizeof out), CSV_ETOOMANY);
}
END_TEST

START_TEST(test_read_error)
{
	struct src s = { "a,b\nc,d\n", 8, 0, 4, 4 };
	struct csv c;
	char rec[64];

	csv_init(&c, src_read, &s, rec, sizeof rec);
	ck_assert_int_eq(csv_next(&c), CSV_RECORD);
	ck_assert_int_eq(c.nfields, 2);
	ck_assert_int_eq(csv_next(&c), CSV_EREAD);
	ck_assert_int_eq(csv_next(&c), CSV_EREAD);
	ck_assert_str_ne(csv_strerror(CSV_EREAD), "unknown error");
}
END_TEST

START_TEST(test_needs_quotes)
{
	ck_assert(!csv_needs_quotes("plain text, no", 5));
	ck_assert(csv_needs_quotes("a,b", 3));
	ck_assert(csv_needs_quotes("say \"x\"", 7));
	ck_assert(csv_needs_quotes("a\nb", 3));
	ck_assert(csv_needs_quotes("a\rb", 3));
	ck_assert(!csv_needs_quotes("ça va — 😀", strlen("ça va — 😀")));
	ck_assert(!csv_needs_quotes("", 0));
}
END_TEST

/* docs/formats.md: the seven first characters that get the guard. */
START_TEST(test_formula_start)
{
	const char *yes[] = { "=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "'quoted", "=" };
	const char *no[] = { "", "a=1", " =1", "1-2", "\"=1\"", "\n=1", "ça" };
	size_t i;

	for (i = 0; i < sizeof yes / sizeof yes[0]; i++)
		ck_assert_msg(csv_formula_start(yes[i]), "%s", yes[i]);
	for (i = 0; i < sizeof no / sizeof no[0]; i++)
		ck_assert_msg(!csv_formula_start(no[i]), "%s", no[i]);
}
END_TEST

START_TEST(test_unguard)
{
	/* One guard removed when the next character needs it... */
	ck_assert_str_eq(csv_unguard("'=1+1"), "=1+1");
	ck_assert_str_eq(csv_unguard("'-2"), "-2");
	ck_assert_str_eq(csv_unguard("'\tx"), "\tx");
	ck_assert_str_eq(csv_unguard("''quoted'"), "'quoted'");
	ck_assert_str_eq(csv_unguard("'''"), "''");
	/* ...and only one. */
	ck_assert_str_eq(csv_unguard("''=1"), "'=1");
	/* A version-1 export's text stays as it is. */
	ck_assert_str_eq(csv_unguard("'quoted'"), "'quoted'");
	ck_assert_str_eq(csv_unguard("'"), "'");
	ck_assert_str_eq(csv_unguard("it's"), "it's");
	ck_assert_str_eq(csv_unguard("=1"), "=1");
	ck_assert_str_eq(csv_unguard(""), "");
}
END_TEST

START_TEST(test_strerror)
{
	int code;
	for (code = CSV_EREAD; code < 0; code++)
		ck_assert_str_ne(csv_strerror(code), "unknown error");
}
END_TEST

/* fmt4 writes what printf's "%.4f" writes: ties, the engine's losses,
 * large and odd values, and a million random doubles. */
START_TEST(fmt4_equals_printf)
{
	static const double fixed[] = { 0, -0.0, 0.00005, 0.00015, 0.00025, 1.23445, 2.9701,
					4.43284999, 48.00000000000001, 99.99995, 100, 1e11,
					1e12, 1e20, -1.5, 0.1, 0.3, 2.675, 1.0000499999,
					/* v * 10000 past 2^53: its rounding is not small */
					979902609242.08093, 908556174444.2937, 123456789.00015 };
	char a[FMT4_MAX], b[64];
	uint64_t x = 88172645463325252ULL;
	size_t i;

	for (i = 0; i < sizeof fixed / sizeof fixed[0]; i++) {
		snprintf(b, sizeof b, "%.4f", fixed[i] == 0 ? 0.0 : fixed[i]);
		ck_assert_uint_eq(fmt4(a, fixed[i]), strlen(b));
		ck_assert_str_eq(a, b);
	}
	for (i = 0; i < 1000000; i++) {
		double v;
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		/* half in [0, 200) with few digits, half spread over magnitudes */
		v = i % 2 ? (double)(x % 2000000) / 10000 + (double)(x % 7) * 0.00005
			  : (double)(x >> 11) / 9007199254740992.0 * pow(10, (double)(x % 13) - 3);
		snprintf(b, sizeof b, "%.4f", v);
		fmt4(a, v);
		if (strcmp(a, b) != 0)
			ck_abort_msg("fmt4(%.17g) = %s, printf %s", v, a, b);
	}
}
END_TEST

static Suite *csv_suite(void)
{
	Suite *s = suite_create("csv");
	TCase *tc = tcase_create("reader");

	tcase_add_loop_test(tc, test_plain_crlf, 0, NCHUNKS);
	tcase_add_loop_test(tc, test_plain_lf, 0, NCHUNKS);
	tcase_add_loop_test(tc, test_no_trailing_newline, 0, NCHUNKS);
	tcase_add_loop_test(tc, test_mixed_line_ends, 0, NCHUNKS);
	tcase_add_loop_test(tc, test_quoted_comma, 0, NCHUNKS);
	tcase_add_loop_test(tc, test_doubled_quotes, 0, NCHUNKS);
	tcase_add_loop_test(tc, test_embedded_newlines, 0, NCHUNKS);
	tcase_add_loop_test(tc, test_empty_fields, 0, NCHUNKS);
	tcase_add_loop_test(tc, test_blank_line, 0, NCHUNKS);
	tcase_add_loop_test(tc, test_empty_input, 0, NCHUNKS);
	tcase_add_loop_test(tc, test_bom, 0, NCHUNKS);
	tcase_add_loop_test(tc, test_utf8_passes_through, 0, NCHUNKS);
	tcase_add_loop_test(tc, test_truncated_quote, 0, NCHUNKS);
	tcase_add_loop_test(tc, test_stray_quote, 0, NCHUNKS);
	tcase_add_loop_test(tc, test_after_quote, 0, NCHUNKS);
	tcase_add_loop_test(tc, test_bare_cr, 0, NCHUNKS);
	tcase_add_loop_test(tc, test_nul, 0, NCHUNKS);
	tcase_add_loop_test(tc, test_too_long, 0, NCHUNKS);
	tcase_add_loop_test(tc, test_too_many_fields, 0, NCHUNKS);
	tcase_add_test(tc, test_read_error);
	tcase_add_test(tc, test_needs_quotes);
	tcase_add_test(tc, test_strerror);
	tcase_add_test(tc, test_formula_start);
	tcase_add_test(tc, test_unguard);
	tcase_add_test(tc, fmt4_equals_printf);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(csv_suite)
