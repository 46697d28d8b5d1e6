/* tui_draw.h - drawing text and glyphs for the TUI (src/tui/draw.c).
 *
 * Every character the TUI puts on screen goes through here, so that one
 * place decides colours (or their monochrome stand-ins) and turns the
 * Unicode glyphs and any user text into ASCII outside a UTF-8 locale.
 */
#ifndef RESTWATCH_TUI_DRAW_H
#define RESTWATCH_TUI_DRAW_H

#include <stdbool.h>

#include "engine.h"

struct tui;

/* What a piece of text is; draw.c maps it to colour or attributes. */
enum tui_role {
	ROLE_NORMAL,
	ROLE_BAR_TITLE, /* the top bar */
	ROLE_TAB,       /* the current screen in the top bar */
	ROLE_KEY,       /* a key name */
	ROLE_HEAD,      /* a heading */
	ROLE_DIM,       /* gaps, hints, secondary text */
	ROLE_OK,
	ROLE_INFO,
	ROLE_WARN,
	ROLE_DANGER,
	ROLE_ALERT,     /* red flag: needs urgent care */
	ROLE_ERROR,     /* an error on the status line */
	ROLE_SEL,       /* the selected row */
	ROLE_BAR,       /* chart bars */
	ROLE_BAND,      /* the high band of a loss */
	ROLE_BANNER_OK, /* level banners */
	ROLE_BANNER_INFO,
	ROLE_BANNER_WARN,
	ROLE_BANNER_DANGER,
	ROLE_ROLES
};

enum tui_glyph {
	G_HLINE,    /* ─  - */
	G_VLINE,    /* │  | */
	G_TL, G_TR, G_BL, G_BR, /* box corners, + in ASCII */
	G_SHADE,    /* ░  : (the band of a loss bar) */
	G_EMPTY,    /* ·  . (an empty gauge cell) */
	G_MARK,     /* ┃  | (a threshold on a gauge) */
	G_REF,      /* ┄  - (a reference line in a chart) */
	G_LEFT,     /* ◀  < */
	G_RIGHT,    /* ▶  > */
	G_WARN,     /* ⚠  ! */
	G_CURSOR,   /* ▸  > (the selected row) */
	G_DASH,     /* –  - (ranges) */
	G_CLIP,     /* ▲  ^ (the top of a bar cut at the axis's top) */
	G_GLYPHS
};

/* Pick the glyph set and the attributes of each role (after initscr). */
void tui_draw_init(struct tui *t, bool utf8, bool color);

/* The glyph for g in the current set. */
const char *tui_glyph(const struct tui *t, enum tui_glyph g);
/* A block of 0-8 eighths of a cell, from the bottom (" ▁▂▃▄▅▆▇█" or
 * " ..::##" in ASCII). */
const char *tui_block(const struct tui *t, int eighths);
/* A horizontal block of 0-8 eighths, from the left (for gauges). */
const char *tui_hblock(const struct tui *t, int eighths);

/* Turn the role's attributes on or off on stdscr. */
void tui_role_on(const struct tui *t, enum tui_role r);
void tui_role_off(const struct tui *t, enum tui_role r);

/* The role for a level's text and for its banner. */
enum tui_role tui_level_role(enum engine_level level);
enum tui_role tui_level_banner(enum engine_level level);

/* Draw UTF-8 text s at y, x in at most w columns; control characters and,
 * outside UTF-8, every non-ASCII character become '?' (newlines a space).
 * Returns the columns drawn.  Nothing is drawn off screen. */
int tui_text(struct tui *t, int y, int x, int w, enum tui_role r, const char *s);
int tui_textf(struct tui *t, int y, int x, int w, enum tui_role r, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* Columns s takes on screen (as tui_text would draw it). */
int tui_text_width(const struct tui *t, const char *s);
/* Fill w columns at y, x with glyph s (one column wide). */
void tui_fill(struct tui *t, int y, int x, int w, enum tui_role r, const char *s);
/* Word-wrap s into at most rows lines of w columns from y, x; returns the
 * lines used. */
int tui_wrap(struct tui *t, int y, int x, int w, int rows, enum tui_role r, const char *s);
/* tui_wrap drawing only its lines skip .. rows - 1 (line k at y + k). */
int tui_wrap_part(struct tui *t, int y, int x, int w, int skip, int rows, enum tui_role r,
		  const char *s);
/* The lines tui_wrap would use, without drawing. */
int tui_wrap_count(struct tui *t, int w, int rows, const char *s);
/* A box outline of h rows and w columns with its inside cleared. */
void tui_box(struct tui *t, int y, int x, int h, int w, enum tui_role r);

#endif
