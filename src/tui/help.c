/* help.c - the `?` overlay: every key of the current screen, then the keys
 * every screen shares.  The tables live with their screens, so the help
 * cannot drift from what the keys do. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "tui_app.h"

/* After the line of screen hotkeys (screen_keys). */
const struct tui_help tui_global_help[] = {
	{ "Tab  Shift-Tab", "next / previous screen" },
	{ "u", "undo the last change, and say what it was" },
	{ "U  Ctrl-R", "redo what u undid" },
	{ "?  F1", "this help (Up/Down scroll it, any other key closes it)" },
	{ "Ctrl-L", "redraw the screen" },
	{ "mouse", "click: pick a tab, day or field, again: open; wheel: scroll" },
	{ "q", "quit: everything is already saved" },
	{ NULL, NULL },
};

/* Lines of the overlay, counted or drawn: row r of the text goes to
 * screen row y0 + r - top when it is inside the box. */
struct help_view {
	int y0, top, rows; /* first text row on screen, first shown, rows shown */
	int x, w;
	int r;             /* the next text row */
};

/* Is text row r shown, and where. */
static bool shown(const struct help_view *v, int r, int *y)
{
	*y = v->y0 + r - v->top;
	return r >= v->top && r < v->top + v->rows;
}

/* One section: its title (none: it goes on the one before), then each key with what it does wrapped beside
 * it (never cut). */
static void section(struct tui *t, struct help_view *v, const char *title,
		    const struct tui_help *h, bool draw)
{
	int i, kw = 16, y, n;

	if (title && draw && shown(v, v->r, &y))
		tui_text(t, y, v->x, v->w, ROLE_HEAD, title);
	if (title)
		v->r++;
	for (i = 0; h && h[i].keys; i++) {
		int skip = v->top > v->r ? v->top - v->r : 0, lim;
		n = tui_wrap_count(t, v->w - kw - 3, 8, h[i].does);
		if (n < 1)
			n = 1;
		lim = v->top + v->rows - v->r < n ? v->top + v->rows - v->r : n;
		if (draw && shown(v, v->r, &y))
			tui_text(t, y, v->x + 2, kw, ROLE_KEY, h[i].keys);
		if (draw && lim > skip)
			tui_wrap_part(t, v->y0 + v->r - v->top, v->x + 2 + kw + 1, v->w - kw - 3, skip,
				      lim, ROLE_NORMAL, h[i].does);
		v->r += n;
	}
}

/* The first shared line, from the screen table: "1 2 3 4 5" and the
 * screens' names in the same order. */
static void screen_keys(struct tui_help line[2], char *keys, size_t kn, char *does, size_t dn)
{
	size_t kl = 0, dl = 0;
	int i;

	keys[0] = does[0] = '\0';
	for (i = 0; i < tui_screen_count; i++) {
		const struct tui_screen *s = tui_screens[i];
		kl += (size_t)snprintf(keys + kl, kl < kn ? kn - kl : 0, "%s%c", i ? " " : "",
				       s->hotkey);
		dl += (size_t)snprintf(does + dl, dl < dn ? dn - dl : 0, "%s%s", i ? ", " : "",
				       s->name);
		if (kl >= kn || dl >= dn)
			break;
	}
	line[0].keys = keys;
	line[0].does = does;
	line[1].keys = line[1].does = NULL;
}

/* The help of s: its keys, a blank line, the shared keys. */
static int help_text(struct tui *t, struct help_view *v, const struct tui_screen *s, bool draw)
{
	struct tui_help line[2];
	char keys[64], does[256];

	screen_keys(line, keys, sizeof keys, does, sizeof does);
	v->r = 0;
	section(t, v, s->name, s->help, draw);
	v->r++;
	section(t, v, "Every screen", line, draw);
	section(t, v, NULL, tui_global_help, draw);
	return v->r;
}

/* Centred over the screen; scrolled with Up/Down/PgUp/PgDn when it is
 * longer than the window. */
void tui_help_draw(struct tui *t, const struct tui_screen *s)
{
	struct help_view v;
	int w = COLS - 4 < 100 ? COLS - 4 : 100, h, y, x, n;

	if (w < 20)
		return;
	v.x = (COLS - w) / 2 + 2;
	v.w = w - 4;
	v.top = 0;
	v.rows = 1 << 20;
	n = help_text(t, &v, s, false);
	h = n + 3;
	if (h > LINES - 2)
		h = LINES - 2;
	if (h < 4)
		return;
	v.rows = h - 3;
	t->help_rows = n;
	t->help_page = v.rows;
	if (t->help_top > n - v.rows)
		t->help_top = n - v.rows;
	if (t->help_top < 0)
		t->help_top = 0;
	v.top = t->help_top;
	y = 1 + (LINES - 2 - h) / 2;
	x = (COLS - w) / 2;
	v.y0 = y + 1;
	tui_box(t, y, x, h, w, ROLE_NORMAL);
	tui_textf(t, y, x + 2, w - 4, ROLE_HEAD, " Keys: %s ", s->name);
	help_text(t, &v, s, true);
	tui_text(t, y + h - 2, x + 2, w - 4, ROLE_DIM,
		 n > v.rows ? "Up/Down PgUp/PgDn scroll; other keys close."
			    : "Any key closes this help.");
}
