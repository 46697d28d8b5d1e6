/* pages.c - whether one b-tree page of a journal is sound, as SQLite's
 * integrity_check judges a page by itself: every cell inside the cell
 * area, no byte used twice, freeblocks in order, the fragment count the
 * header gives, each record's header adding up, and the keys in order.
 *
 * SQLite checks a page's header and each cell's bounds when it reads the
 * page (PRAGMA cell_size_check) but finds the rest only in integrity_check,
 * which reads the whole file (3.7 ms on ten years, 34 ms on a hundred).  A
 * write into a page whose cells overlap overwrites one cell with another,
 * and a key out of order leads an insert to a second row for one key: the
 * damage that grows.  vfs.c runs these checks on the pages a write puts
 * out (all of them) and on the pages SQLite reads (the shape of a leaf;
 * everything of an interior page, which leads every seek).
 * docs/formats.md, "Damage", says what is checked; README, Reliability,
 * what it costs.
 */
#include "internal.h"

#include <stdio.h>
#include <string.h>

/* What page 1 says of every page: the bytes SQLite reserves at the end of
 * each (header byte 20) and whether pointer-map pages, which are not
 * b-tree pages, are among them (header bytes 52-55).  A process opens one
 * journal through the checking VFS. */
static struct {
	unsigned reserved;
	bool autovacuum;
	bool wal;                /* in WAL mode (header bytes 18-19 are 2) */
	int off;                 /* > 0: pages read are not checked (check) */
	int all_off;             /* > 0: no page is checked (the VACUUM of open.c) */
	unsigned damaged;        /* the last damaged page found, 0 when none */
	char why[80];
} g;

/* The bytes of the page being checked that cells and freeblocks use. */
static uint64_t map[65536 / 64];

static unsigned get2(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static uint32_t get4(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static bool bad(const char *why)
{
	snprintf(g.why, sizeof g.why, "%s", why);
	return false;
}

/* One cell as the page holds it. */
struct cell {
	unsigned size;              /* bytes on this page, as SQLite's cellSizePtr* count */
	const unsigned char *rec;   /* the record (NULL: none, or part on overflow pages) */
	uint32_t rec_n;
	int64_t rowid;              /* table pages */
};

/* A varint of at most 9 bytes at *p before end (SQLite's getVarint);
 * false when it runs off. */
static bool varint(const unsigned char **p, const unsigned char *end, uint64_t *v)
{
	int i;

	*v = 0;
	for (i = 0; i < 8; i++) {
		if (*p >= end)
			return false;
		*v = *v << 7 | (**p & 0x7f);
		if (!(*(*p)++ & 0x80))
			return true;
	}
	if (*p >= end)
		return false;
	*v = *v << 8 | *(*p)++;
	return true;
}

/* Parse the cell at pc of a page of type type; false when it runs off the
 * page.  The payload's varint is read as cellSizePtr reads it. */
static bool parse_cell(const unsigned char *d, unsigned pc, unsigned usable, int type,
		       struct cell *c)
{
	const unsigned char *start = d + pc, *p = start + (type == 2 || type == 5 ? 4 : 0);
	const unsigned char *end = d + usable;
	unsigned max_local, min_local = (usable - 12) * 32 / 255 - 23;
	uint64_t n, rowid = 0;

	c->rec = NULL;
	if (type == 5) { /* table interior: the child, then the rowid */
		if (!varint(&p, end, &rowid))
			return false;
		c->rowid = (int64_t)rowid;
		c->size = (unsigned)(p - start);
		return true;
	}
	if (!varint(&p, end, &n) || (type == 13 && !varint(&p, end, &rowid)))
		return false;
	c->rowid = (int64_t)rowid;
	n &= 0xffffffffu; /* cellSizePtr keeps 32 bits */
	max_local = type == 13 ? usable - 35 : (usable - 12) * 64 / 255 - 23;
	if (n <= max_local) {
		c->size = (unsigned)(n + (uint64_t)(p - start));
		if (c->size < 4)
			c->size = 4;
		if (p + n > end)
			return false;
		c->rec = p;
		c->rec_n = (uint32_t)n;
		return true;
	}
	n = min_local + (n - min_local) % (usable - 4);
	if (n > max_local)
		n = min_local;
	c->size = (unsigned)(n + 4 + (uint64_t)(p - start));
	return true;
}

/* The bytes of a value of serial type t; -1 for the two reserved types. */
static int64_t serial_size(uint64_t t)
{
	static const signed char small[12] = { 0, 1, 2, 3, 4, 6, 8, 8, 0, 0, -1, -1 };
	return t < 12 ? small[t] : (int64_t)((t - 12) / 2);
}

/* Whether a record's header adds up: its size within the record, each
 * serial type a valid one, and the values filling the rest exactly. */
static bool record_sound(const unsigned char *r, uint32_t n)
{
	const unsigned char *p = r, *end = r + n, *hend;
	uint64_t hs, t, body = 0;
	int64_t sz;

	if (!varint(&p, end, &hs) || hs > n || hs < (uint64_t)(p - r))
		return false;
	hend = r + hs;
	while (p < hend) {
		if (*p < 0x80) /* most serial types are one byte */
			t = *p++;
		else if (!varint(&p, hend, &t))
			return false;
		if ((sz = serial_size(t)) < 0 || (uint64_t)sz > n - hs - body)
			return false; /* reserved, or past the record's end */
		body += (uint64_t)sz;
	}
	return hs + body == n;
}

/* The value of serial type t at v as an integer or a double (types 1-9). */
static void number(uint64_t t, const unsigned char *v, int64_t *i, double *f, bool *is_int)
{
	static const int bytes[10] = { 0, 1, 2, 3, 4, 6, 8, 8, 0, 0 };
	uint64_t u = 0;
	int k;

	*is_int = t != 7;
	if (t == 8 || t == 9) {
		*i = t == 9;
		return;
	}
	for (k = 0; k < bytes[t]; k++)
		u = u << 8 | v[k];
	if (t == 7) {
		memcpy(f, &u, sizeof *f);
		return;
	}
	if (bytes[t] < 8 && (u >> (bytes[t] * 8 - 1)) & 1) /* sign-extend */
		u |= ~0ull << (bytes[t] * 8);
	*i = (int64_t)u;
}

/* An integer against a real exactly, as SQLite orders them (no rounding of
 * the integer to a double: 2^53 + 1 is more than 2^53). */
static int int_real_cmp(int64_t i, double r)
{
	int64_t y;
	double s;

	if (r < -9223372036854775808.0)
		return 1;
	if (r >= 9223372036854775808.0)
		return -1;
	y = (int64_t)r;
	if (i != y)
		return i < y ? -1 : 1;
	s = (double)i;
	return s < r ? -1 : s > r;
}

/* The class of serial type t in SQLite's order: NULL, number, text, blob. */
static int type_class(uint64_t t)
{
	return t == 0 ? 0 : t < 12 ? 1 : (t & 1) ? 2 : 3;
}

/* Two values of one class, with BINARY collation (every index restwatch
 * makes uses it). */
static int value_cmp(uint64_t ta, const unsigned char *va, uint64_t tb, const unsigned char *vb)
{
	int ca = type_class(ta), k;

	if (ca == 1) {
		int64_t ia = 0, ib = 0;
		double fa = 0, fb = 0;
		bool ai, bi;
		number(ta, va, &ia, &fa, &ai);
		number(tb, vb, &ib, &fb, &bi);
		if (ai && bi)
			return ia < ib ? -1 : ia > ib;
		if (ai)
			return int_real_cmp(ia, fb);
		if (bi)
			return -int_real_cmp(ib, fa);
		return fa < fb ? -1 : fa > fb;
	}
	if (ca >= 2) {
		uint64_t na = (uint64_t)serial_size(ta), nb = (uint64_t)serial_size(tb);
		if ((k = memcmp(va, vb, na < nb ? na : nb)))
			return k < 0 ? -1 : 1;
		return na < nb ? -1 : na > nb;
	}
	return 0;
}

/* Two sound records compared as an index compares its keys, field by
 * field; a record that ends first is the smaller. */
static int record_cmp(const unsigned char *a, uint32_t an, const unsigned char *b, uint32_t bn)
{
	const unsigned char *ha = a, *hb = b;
	uint64_t hsa, hsb, ta, tb;
	const unsigned char *va, *vb;
	int c;

	varint(&ha, a + an, &hsa);
	varint(&hb, b + bn, &hsb);
	va = a + hsa;
	vb = b + hsb;
	while (ha < a + hsa && hb < b + hsb) {
		varint(&ha, a + hsa, &ta);
		varint(&hb, b + hsb, &tb);
		if (type_class(ta) != type_class(tb))
			return type_class(ta) < type_class(tb) ? -1 : 1;
		if ((c = value_cmp(ta, va, tb, vb)))
			return c;
		va += serial_size(ta);
		vb += serial_size(tb);
	}
	return ha < a + hsa ? 1 : hb < b + hsb ? -1 : 0;
}

/* Mark bytes [a, b) of the page in map; false when one was marked. */
static bool mark(uint64_t *bits, unsigned a, unsigned b)
{
	unsigned w = a >> 6, last = (b - 1) >> 6;
	uint64_t m;

	if (a >= b)
		return true;
	for (; w <= last; w++) {
		m = ~0ull;
		if (w == a >> 6)
			m &= ~0ull << (a & 63);
		if (w == last && (b & 63))
			m &= ~(~0ull << (b & 63));
		if (bits[w] & m)
			return false;
		bits[w] |= m;
	}
	return true;
}

/* Whether pgno is a pointer-map page of an auto-vacuum file: they come
 * every usable/5 + 1 pages from page 2, moved past the page that holds the
 * lock bytes at 1 GiB (SQLite's file format). */
static bool pointer_map(uint32_t pgno, unsigned size, unsigned usable)
{
	uint32_t per = usable / 5 + 1, at;

	if (!g.autovacuum || pgno < 2)
		return false;
	at = (pgno - 2) / per * per + 2;
	if (at == 0x40000000u / size + 1)
		at++;
	return at == pgno;
}

/* The cells of a page: each inside the cell area and whole, none
 * overlapping another (each is marked in map), and when full each record
 * sound and the keys in order.  *used gets the bytes they take. */
static bool cells_sound(const unsigned char *d, unsigned cells, unsigned ncell, unsigned top,
			unsigned usable, unsigned type, bool full, unsigned *used)
{
	struct cell prev = { 0, NULL, 0, 0 };
	unsigned i, pc;

	*used = 0;
	for (i = 0; i < ncell; i++) {
		struct cell c = { 0, NULL, 0, 0 };
		pc = get2(d + cells + 2 * i);
		if (pc < top || pc > usable - 4)
			return bad("a cell lies outside the cell area");
		if (!parse_cell(d, pc, usable, (int)type, &c) || pc + c.size > usable)
			return bad("a cell runs off the page");
		if (!mark(map, pc, pc + c.size))
			return bad("two cells overlap");
		*used += c.size;
		if (!full)
			continue;
		if (c.rec && !record_sound(c.rec, c.rec_n))
			return bad("a row's record is malformed");
		/* the keys in order: rowids on a table page, whole records on an
		 * index page (a record partly on overflow pages is left out) */
		if (i > 0 && (type == 5 || type == 13) && c.rowid <= prev.rowid)
			return bad("its rowids are out of order");
		if (i > 0 && (type == 2 || type == 10) && c.rec && prev.rec &&
		    record_cmp(prev.rec, prev.rec_n, c.rec, c.rec_n) >= 0)
			return bad("its keys are out of order");
		prev = c;
	}
	return true;
}

static bool page_sound(const unsigned char *d, unsigned size, uint32_t pgno, bool full)
{
	unsigned hdr = pgno == 1 ? 100 : 0, usable = size - g.reserved;
	unsigned type, ncell, top, cells, used = 0, pc, next, fsize;

	if (g.reserved >= size || usable < 480)
		return true; /* SQLite refuses such a file itself */
	if (pointer_map(pgno, size, usable))
		return true;
	type = d[hdr];
	if (type != 2 && type != 5 && type != 10 && type != 13)
		return true;
	ncell = get2(d + hdr + 3);
	top = get2(d + hdr + 5);
	if (top == 0)
		top = 65536;
	cells = hdr + (type & 8 ? 8 : 12);
	full = full || !(type & 8); /* an interior page leads every seek */
	if (cells + 2 * ncell > top || top > usable)
		return bad("its cells overrun their area");
	memset(map, 0, ((usable + 63) / 64) * sizeof map[0]);
	if (!cells_sound(d, cells, ncell, top, usable, type, full, &used))
		return false;
	for (pc = get2(d + hdr + 1); pc; pc = next) {
		if (pc < top || pc > usable - 4)
			return bad("a freeblock lies outside the cell area");
		next = get2(d + pc);
		fsize = get2(d + pc + 2);
		if (pc + fsize > usable || (next && next <= pc + fsize + 3))
			return bad("the freeblocks are out of order");
		if (!mark(map, pc, pc + fsize))
			return bad("a freeblock overlaps a cell");
		used += fsize;
	}
	if (usable - top - used != d[hdr + 7])
		return bad("its fragment count is wrong");
	return true;
}

void jn_page_header(const unsigned char *d, int amount)
{
	if (amount >= 100 && memcmp(d, "SQLite format 3", 16) == 0) {
		g.reserved = d[20];
		g.autovacuum = get4(d + 52) != 0;
		g.wal = d[18] == 2 && d[19] == 2;
	}
}

bool jn_page_sound(const unsigned char *d, unsigned size, uint32_t pgno, bool full)
{
	if (g.all_off || (g.off && !full) || page_sound(d, size, pgno, full))
		return true;
	g.damaged = pgno;
	return false;
}

void jn_pages_suspend(bool off)
{
	g.off += off ? 1 : -1;
}

bool jn_pages_wal(void)
{
	return g.wal;
}

void jn_pages_unchecked(bool on)
{
	g.all_off += on ? 1 : -1;
}

void journal_read_damage_as_is(void)
{
	jn_pages_suspend(true);
}

unsigned jn_pages_damaged(char *why, size_t n)
{
	unsigned p = g.damaged;

	if (p)
		snprintf(why, n, "%s", g.why);
	g.damaged = 0;
	return p;
}
