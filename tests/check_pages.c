/* check_pages.c - whether a b-tree page is sound (src/journal/pages.c), on
 * pages built byte by byte: keys that SQLite orders exactly (an integer
 * against a real past 2^53), records whose header sizes wrap around, cells
 * that overlap, rowids out of order. */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "../src/journal/internal.h"
#include "check_main.h"

#define PAGE 4096

static unsigned char page[PAGE];

/* Build page 2 of type type from n cells (each cells[i], lens[i] bytes),
 * packed from the end of the page down in cell order, no free space
 * inside the cell area. */
static void build(int type, int n, const unsigned char *const *cells, const size_t *lens)
{
	unsigned hdr = type & 8 ? 8 : 12, top = PAGE;
	int i;

	memset(page, 0, sizeof page);
	page[0] = (unsigned char)type;
	page[3] = (unsigned char)(n >> 8);
	page[4] = (unsigned char)n;
	for (i = 0; i < n; i++) {
		top -= (unsigned)lens[i];
		memcpy(page + top, cells[i], lens[i]);
		page[hdr + 2 * i] = (unsigned char)(top >> 8);
		page[hdr + 2 * i + 1] = (unsigned char)top;
	}
	page[5] = (unsigned char)(top >> 8);
	page[6] = (unsigned char)top;
}

/* An index leaf cell of a record of one 8-byte value of serial type st
 * (6: integer, 7: real), big-endian bits. */
static void one_value(unsigned char cell[11], int st, uint64_t bits)
{
	int k;

	cell[0] = 10; /* payload: the record's 10 bytes */
	cell[1] = 2;  /* header size */
	cell[2] = (unsigned char)st;
	for (k = 0; k < 8; k++)
		cell[3 + k] = (unsigned char)(bits >> (56 - 8 * k));
}

static uint64_t real_bits(double r)
{
	uint64_t u;
	memcpy(&u, &r, sizeof u);
	return u;
}

static const char *why(void)
{
	static char w[80];
	jn_pages_damaged(w, sizeof w);
	return w;
}

START_TEST(integer_below_a_real_past_2_53_is_in_order)
{
	unsigned char a[11], b[11];
	const unsigned char *cells[2] = { a, b };
	const size_t lens[2] = { 11, 11 };

	/* 9223372036854775807 < 9223372036854775808.0, though both are 2^63 as doubles */
	one_value(a, 6, (uint64_t)INT64_MAX);
	one_value(b, 7, real_bits(9223372036854775808.0));
	build(10, 2, cells, lens);
	ck_assert(jn_page_sound(page, PAGE, 2, true));
	/* 2^53 + 1 is more than 2^53 (a double cannot hold it) */
	one_value(a, 7, real_bits(9007199254740992.0));
	one_value(b, 6, (uint64_t)9007199254740993);
	build(10, 2, cells, lens);
	ck_assert(jn_page_sound(page, PAGE, 2, true));
	one_value(a, 6, (uint64_t)9007199254740993);
	one_value(b, 7, real_bits(9007199254740992.0));
	build(10, 2, cells, lens);
	ck_assert(!jn_page_sound(page, PAGE, 2, true));
	ck_assert_str_eq(why(), "its keys are out of order");
}
END_TEST

START_TEST(record_sizes_that_wrap_around_are_malformed)
{
	/* header: size 20, then two serial types of 2^64 - 1 (texts of about
	 * 2^63 bytes each) and one of 40 (14 bytes): 2^64 bytes in all, which
	 * wraps to 0 and would make the 20-byte record add up */
	unsigned char c[21];
	const unsigned char *cells[1] = { c };
	const size_t lens[1] = { sizeof c };

	c[0] = 20;
	c[1] = 20;
	memset(c + 2, 0xff, 18);
	c[20] = 40;
	build(10, 1, cells, lens);
	ck_assert(!jn_page_sound(page, PAGE, 2, true));
	ck_assert_str_eq(why(), "a row's record is malformed");
	/* an interior index page gets the same check on a read */
	{
		unsigned char i[25];
		const unsigned char *icells[1] = { i };
		const size_t ilens[1] = { sizeof i };
		memset(i, 0, 4);
		i[3] = 3; /* the left child */
		memcpy(i + 4, c, sizeof c);
		build(2, 1, icells, ilens);
		ck_assert(!jn_page_sound(page, PAGE, 2, false));
		ck_assert_str_eq(why(), "a row's record is malformed");
	}
}
END_TEST

START_TEST(overlapping_cells_and_rowids_out_of_order)
{
	unsigned char a[11], b[11];
	const unsigned char *cells[2] = { a, b };
	const size_t lens[2] = { 11, 11 };
	/* table interior cells: a 4-byte child, then the rowid */
	unsigned char t1[5] = { 0, 0, 0, 3, 7 }, t2[5] = { 0, 0, 0, 4, 9 };
	const unsigned char *tcells[2] = { t1, t2 };
	const size_t tlens[2] = { 5, 5 };

	one_value(a, 6, 1);
	one_value(b, 6, 2);
	build(10, 2, cells, lens);
	ck_assert(jn_page_sound(page, PAGE, 2, false));
	page[10] = page[8]; /* the second cell pointer names the first cell */
	page[11] = page[9];
	ck_assert(!jn_page_sound(page, PAGE, 2, false));
	ck_assert_str_eq(why(), "two cells overlap");

	build(5, 2, tcells, tlens);
	ck_assert(jn_page_sound(page, PAGE, 2, false));
	t2[4] = 7;
	build(5, 2, tcells, tlens);
	ck_assert(!jn_page_sound(page, PAGE, 2, false));
	ck_assert_str_eq(why(), "its rowids are out of order");
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("pages");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, integer_below_a_real_past_2_53_is_in_order);
	tcase_add_test(tc, record_sizes_that_wrap_around_are_malformed);
	tcase_add_test(tc, overlapping_cells_and_rowids_out_of_order);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(suite)
