/* draw.c - text, glyphs and colours for every TUI screen.
 *
 * One place turns roles into colours (or bold/reverse on a monochrome
 * terminal, with NO_COLOR or --no-color), glyphs into Unicode or ASCII,
 * and untrusted UTF-8 text into something that cannot break the screen.
 */
#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "tui_app.h"
#include "utf8.h"

#define ELLIPSIS_CP 0x2026UL /* \u2026, "..." outside UTF-8 */

static const char *const glyph_utf8[G_GLYPHS] = {
	[G_HLINE] = "\u2500", [G_VLINE] = "\u2502", [G_TL] = "\u250c", [G_TR] = "\u2510",
	[G_BL] = "\u2514",    [G_BR] = "\u2518",    [G_SHADE] = "\u2591", [G_EMPTY] = "\u00b7",
	[G_MARK] = "\u2503",  [G_REF] = "\u2504",   [G_LEFT] = "\u25c0", [G_RIGHT] = "\u25b6",
	[G_WARN] = "!",       [G_CURSOR] = "\u25b8", [G_DASH] = "\u2013",
	[G_CLIP] = "\u25b2",
};

static const char *const glyph_ascii[G_GLYPHS] = {
	[G_HLINE] = "-", [G_VLINE] = "|", [G_TL] = "+",    [G_TR] = "+",    [G_BL] = "+",
	[G_BR] = "+",    [G_SHADE] = ":", [G_EMPTY] = ".", [G_MARK] = "|",  [G_REF] = "-",
	[G_LEFT] = "<",  [G_RIGHT] = ">", [G_WARN] = "!",  [G_CURSOR] = ">", [G_DASH] = "-",
	[G_CLIP] = "^",
};

static const char *const vblock_utf8[9] = { " ",      "\u2581", "\u2582", "\u2583", "\u2584",
					    "\u2585", "\u2586", "\u2587", "\u2588" };
static const char *const vblock_ascii[9] = { " ", "_", "_", "_", "=", "=", "=", "#", "#" };
static const char *const hblock_utf8[9] = { " ",      "\u258f", "\u258e", "\u258d", "\u258c",
					    "\u258b", "\u258a", "\u2589", "\u2588" };
static const char *const hblock_ascii[9] = { " ", ".", ".", ".", "=", "=", "=", "#", "#" };

enum { P_GREEN = 1, P_CYAN, P_YELLOW, P_RED, P_ALERT, P_BN_OK, P_BN_INFO, P_BN_WARN, P_BLUE };

/* Colour pairs on the terminal's own background when it allows that, so
 * the TUI looks like the rest of the user's terminal. */
static void init_pairs(void)
{
	short bg = COLOR_BLACK;

	if (use_default_colors() == OK)
		bg = -1;
	init_pair(P_GREEN, COLOR_GREEN, bg);
	init_pair(P_CYAN, COLOR_CYAN, bg);
	init_pair(P_YELLOW, COLOR_YELLOW, bg);
	init_pair(P_RED, COLOR_RED, bg);
	init_pair(P_ALERT, COLOR_WHITE, COLOR_RED);
	init_pair(P_BN_OK, COLOR_BLACK, COLOR_GREEN);
	init_pair(P_BN_INFO, COLOR_BLACK, COLOR_CYAN);
	init_pair(P_BN_WARN, COLOR_BLACK, COLOR_YELLOW);
	init_pair(P_BLUE, COLOR_BLUE, bg);
}

/* Roles get colours only when allowed and available; the monochrome set
 * still tells warnings from the rest with bold and reverse. */
void tui_draw_init(struct tui *t, bool utf8, bool color)
{
	unsigned long *a = t->attr;

	t->utf8 = utf8;
	t->color = color && has_colors() && start_color() == OK && COLORS >= 8 &&
		   COLOR_PAIRS >= 10;
	a[ROLE_NORMAL] = A_NORMAL;
	a[ROLE_BAR_TITLE] = A_REVERSE;
	a[ROLE_TAB] = A_BOLD;
	a[ROLE_KEY] = A_BOLD;
	a[ROLE_HEAD] = A_BOLD;
	a[ROLE_DIM] = A_DIM;
	a[ROLE_SEL] = A_REVERSE;
	if (t->color) {
		init_pairs();
		a[ROLE_OK] = COLOR_PAIR(P_GREEN);
		a[ROLE_INFO] = COLOR_PAIR(P_CYAN);
		a[ROLE_WARN] = COLOR_PAIR(P_YELLOW) | A_BOLD;
		a[ROLE_DANGER] = COLOR_PAIR(P_RED) | A_BOLD;
		a[ROLE_ALERT] = COLOR_PAIR(P_ALERT) | A_BOLD;
		a[ROLE_ERROR] = COLOR_PAIR(P_RED) | A_BOLD;
		a[ROLE_BAR] = COLOR_PAIR(P_CYAN);
		a[ROLE_BAND] = COLOR_PAIR(P_BLUE);
		a[ROLE_BANNER_OK] = COLOR_PAIR(P_BN_OK);
		a[ROLE_BANNER_INFO] = COLOR_PAIR(P_BN_INFO);
		a[ROLE_BANNER_WARN] = COLOR_PAIR(P_BN_WARN) | A_BOLD;
		a[ROLE_BANNER_DANGER] = COLOR_PAIR(P_ALERT) | A_BOLD;
	} else {
		a[ROLE_OK] = A_NORMAL;
		a[ROLE_INFO] = A_NORMAL;
		a[ROLE_WARN] = A_BOLD;
		a[ROLE_DANGER] = A_BOLD;
		a[ROLE_ALERT] = A_REVERSE | A_BOLD;
		a[ROLE_ERROR] = A_BOLD;
		a[ROLE_BAR] = A_NORMAL;
		a[ROLE_BAND] = A_DIM;
		a[ROLE_BANNER_OK] = A_REVERSE;
		a[ROLE_BANNER_INFO] = A_REVERSE;
		a[ROLE_BANNER_WARN] = A_REVERSE | A_BOLD;
		a[ROLE_BANNER_DANGER] = A_REVERSE | A_BOLD;
	}
}

/* Screens name glyphs, never characters, so ASCII mode is one switch. */
const char *tui_glyph(const struct tui *t, enum tui_glyph g)
{
	return (t->utf8 ? glyph_utf8 : glyph_ascii)[g];
}

/* Vertical bars of the charts; out-of-range heights are clamped. */
const char *tui_block(const struct tui *t, int eighths)
{
	if (eighths < 0)
		eighths = 0;
	if (eighths > 8)
		eighths = 8;
	return (t->utf8 ? vblock_utf8 : vblock_ascii)[eighths];
}

/* Horizontal bars of the gauges; out-of-range widths are clamped. */
const char *tui_hblock(const struct tui *t, int eighths)
{
	if (eighths < 0)
		eighths = 0;
	if (eighths > 8)
		eighths = 8;
	return (t->utf8 ? hblock_utf8 : hblock_ascii)[eighths];
}

/* Attributes through roles only, so that NO_COLOR is decided once. */
void tui_role_on(const struct tui *t, enum tui_role r)
{
	attr_on((attr_t)t->attr[r], NULL);
}

/* Pairs with tui_role_on. */
void tui_role_off(const struct tui *t, enum tui_role r)
{
	attr_off((attr_t)t->attr[r], NULL);
}

/* Calm colours for the calm levels, warm ones past 48 h and 72 h. */
enum tui_role tui_level_role(enum engine_level level)
{
	switch (level) {
	case LEVEL_CLOT_RISK:
		return ROLE_DANGER;
	case LEVEL_DECONDITIONING:
		return ROLE_WARN;
	case LEVEL_RESTING:
	case LEVEL_RECOVERING:
		return ROLE_INFO;
	case LEVEL_NONE:
	default:
		return ROLE_OK;
	}
}

/* The same scale as tui_level_role, as a filled banner. */
enum tui_role tui_level_banner(enum engine_level level)
{
	switch (level) {
	case LEVEL_CLOT_RISK:
		return ROLE_BANNER_DANGER;
	case LEVEL_DECONDITIONING:
		return ROLE_BANNER_WARN;
	case LEVEL_RESTING:
	case LEVEL_RECOVERING:
		return ROLE_BANNER_INFO;
	case LEVEL_NONE:
	default:
		return ROLE_BANNER_OK;
	}
}

/* The next code point of s and its byte length; an invalid byte is
 * returned as U+FFFD with length 1 so that drawing always advances. */
static unsigned long next_cp(const char *s, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = utf8_seq(s);
	unsigned long cp;

	*len = n ? n : 1;
	switch (n) {
	case 1:
		return u[0];
	case 2:
		return ((unsigned long)(u[0] & 0x1f) << 6) | (u[1] & 0x3f);
	case 3:
		return ((unsigned long)(u[0] & 0x0f) << 12) | ((unsigned long)(u[1] & 0x3f) << 6) |
		       (u[2] & 0x3f);
	case 4:
		cp = ((unsigned long)(u[0] & 0x07) << 18) | ((unsigned long)(u[1] & 0x3f) << 12);
		return cp | ((unsigned long)(u[2] & 0x3f) << 6) | (u[3] & 0x3f);
	default:
		return 0xfffd;
	}
}

/* Outside UTF-8, the accented letters and dashes of the sources' names
 * (Kr\u00f8lner, Vigels\u00f8) read better as their plain letters than as '?'. */
static unsigned long ascii_of(unsigned long cp)
{
	static const struct {
		unsigned long cp;
		char c;
	} map[] = {
		{ 0xc0, 'A' }, { 0xc1, 'A' }, { 0xc2, 'A' }, { 0xc4, 'A' }, { 0xc5, 'A' },
		{ 0xc7, 'C' }, { 0xc8, 'E' }, { 0xc9, 'E' }, { 0xca, 'E' }, { 0xd1, 'N' },
		{ 0xd6, 'O' }, { 0xd8, 'O' }, { 0xdc, 'U' }, { 0xdf, 's' }, { 0xe0, 'a' },
		{ 0xe1, 'a' }, { 0xe2, 'a' }, { 0xe4, 'a' }, { 0xe5, 'a' }, { 0xe6, 'a' },
		{ 0xe7, 'c' }, { 0xe8, 'e' }, { 0xe9, 'e' }, { 0xea, 'e' }, { 0xeb, 'e' },
		{ 0xed, 'i' }, { 0xef, 'i' }, { 0xf1, 'n' }, { 0xf3, 'o' }, { 0xf4, 'o' },
		{ 0xf6, 'o' }, { 0xf8, 'o' }, { 0xfa, 'u' }, { 0xfc, 'u' }, { 0x2010, '-' },
		{ 0x2013, '-' }, { 0x2014, '-' }, { 0x2018, '\'' }, { 0x2019, '\'' },
		{ 0x201c, '"' }, { 0x201d, '"' },
	};
	size_t i;

	for (i = 0; i < sizeof map / sizeof map[0]; i++)
		if (map[i].cp == cp)
			return (unsigned char)map[i].c;
	return '?';
}

/* What a code point is drawn as: itself, or an ASCII stand-in; *w is its
 * width in columns (0 drops it).  Outside UTF-8 an ellipsis is "..." (3). */
static unsigned long shown_cp(const struct tui *t, unsigned long cp, int *w)
{
	*w = 1;
	if (cp == '\n' || cp == '\t')
		return ' ';
	if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
		return '?';
	if (cp < 0x80)
		return cp;
	if (!t->utf8) {
		if (cp == ELLIPSIS_CP)
			*w = 3;
		return cp == ELLIPSIS_CP ? cp : ascii_of(cp);
	}
	*w = wcwidth((wchar_t)cp);
	if (*w < 0) {
		*w = 1;
		return '?';
	}
	return cp;
}

/* The width of the first n bytes of s as drawn. */
static int width_n(const struct tui *t, const char *s, size_t n)
{
	const char *end = s + n;
	int cols = 0, w;
	size_t len;

	while (s < end && *s) {
		shown_cp(t, next_cp(s, &len), &w);
		cols += w;
		s += len;
	}
	return cols;
}

/* For right-aligning text: the width tui_text would draw. */
int tui_text_width(const struct tui *t, const char *s)
{
	return width_n(t, s, strlen(s));
}

/* One shown code point at y, x. */
static void put_cp(const struct tui *t, int y, int x, unsigned long cp)
{
	wchar_t wc = (wchar_t)cp;

	if (cp == ELLIPSIS_CP && !t->utf8)
		mvaddstr(y, x, "...");
	else if (cp < 0x80)
		mvaddch(y, x, (chtype)cp);
	else
		mvaddnwstr(y, x, &wc, 1);
}

/* Draw at most n bytes of s, in at most w columns; text that does not fit
 * is cut and ends in an ellipsis (when w has room for one). */
static int draw_n(struct tui *t, int y, int x, int w, enum tui_role r, const char *s, size_t n)
{
	const char *end = s + n;
	int col = 0, cw, ew = t->utf8 ? 1 : 3, room;
	bool cut;
	size_t len;

	if (y < 0 || y >= LINES || x < 0 || x >= COLS)
		return 0;
	if (w > COLS - x)
		w = COLS - x;
	cut = width_n(t, s, n) > w;
	room = cut && w > ew ? w - ew : w;
	tui_role_on(t, r);
	while (s < end && *s) {
		unsigned long cp = shown_cp(t, next_cp(s, &len), &cw);
		if (col + cw > room)
			break;
		s += len;
		if (cw == 0)
			continue;
		put_cp(t, y, x + col, cp);
		col += cw;
	}
	if (cut && room < w) {
		put_cp(t, y, x + col, ELLIPSIS_CP);
		col += ew;
	}
	tui_role_off(t, r);
	return col;
}

/* Every string on screen goes through here (see draw_n). */
int tui_text(struct tui *t, int y, int x, int w, enum tui_role r, const char *s)
{
	return draw_n(t, y, x, w, r, s, strlen(s));
}

/* tui_text of a formatted line (cut at 1 KiB, more than any screen). */
int tui_textf(struct tui *t, int y, int x, int w, enum tui_role r, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return tui_text(t, y, x, w, r, buf);
}

/* Backgrounds, rules and gauges: one glyph repeated. */
void tui_fill(struct tui *t, int y, int x, int w, enum tui_role r, const char *s)
{
	int i;

	for (i = 0; i < w; i++)
		draw_n(t, y, x + i, 1, r, s, strlen(s));
}

/* Greedy word wrap: each line takes the most words that fit; a word longer
 * than the line is broken; text left over for the last row ends in an
 * ellipsis. */
static int wrap(struct tui *t, int y, int x, int w, int rows, enum tui_role r, const char *s,
		int skip, bool draw)
{
	int used = 0;

	while (*s && used < rows && w > 0) {
		const char *p = s, *brk = NULL;
		int col = 0, cw;
		size_t len;

		while (*p) {
			shown_cp(t, next_cp(p, &len), &cw);
			if (*p == '\n') {
				brk = p;
				break;
			}
			if (col + cw > w)
				break;
			if (*p == ' ')
				brk = p;
			col += cw;
			p += len;
		}
		if (!*p)
			brk = p;
		else if (used == rows - 1 && *p != '\n')
			brk = s + strlen(s); /* the last row: cut with an ellipsis */
		else if (!brk || brk == s)
			brk = p; /* one long word: break it */
		if (draw && used >= skip)
			draw_n(t, y + used, x, w, r, s, (size_t)(brk - s));
		used++;
		s = brk;
		while (*s == ' ' || *s == '\n')
			s++;
	}
	return used;
}

int tui_wrap(struct tui *t, int y, int x, int w, int rows, enum tui_role r, const char *s)
{
	return wrap(t, y, x, w, rows, r, s, 0, true);
}

int tui_wrap_part(struct tui *t, int y, int x, int w, int skip, int rows, enum tui_role r,
		  const char *s)
{
	return wrap(t, y, x, w, rows, r, s, skip, true);
}

int tui_wrap_count(struct tui *t, int w, int rows, const char *s)
{
	return wrap(t, 0, 0, w, rows, ROLE_NORMAL, s, 0, false);
}

/* Overlays draw their own box, so ASCII mode never gets ACS line
 * characters (the alternate character set is not ASCII on screen). */
void tui_box(struct tui *t, int y, int x, int h, int w, enum tui_role r)
{
	int i;

	if (h < 2 || w < 2)
		return;
	for (i = 0; i < h; i++)
		tui_fill(t, y + i, x, w, r, " ");
	tui_fill(t, y, x + 1, w - 2, r, tui_glyph(t, G_HLINE));
	tui_fill(t, y + h - 1, x + 1, w - 2, r, tui_glyph(t, G_HLINE));
	for (i = 1; i < h - 1; i++) {
		tui_text(t, y + i, x, 1, r, tui_glyph(t, G_VLINE));
		tui_text(t, y + i, x + w - 1, 1, r, tui_glyph(t, G_VLINE));
	}
	tui_text(t, y, x, 1, r, tui_glyph(t, G_TL));
	tui_text(t, y, x + w - 1, 1, r, tui_glyph(t, G_TR));
	tui_text(t, y + h - 1, x, 1, r, tui_glyph(t, G_BL));
	tui_text(t, y + h - 1, x + w - 1, 1, r, tui_glyph(t, G_BR));
}
