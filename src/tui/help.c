/* help.c - the `?` overlay: every key of the current screen, then the keys
 * every screen shares.  The tables live with their screens, so the help
 * cannot drift from what the keys do. */
#include <curses.h>

#include "tui_app.h"

const struct tui_help tui_global_help[] = {
	{ "1 2 3 4 5", "Today, Journal, Trends, Report, Settings" },
	{ "Tab  Shift-Tab", "next / previous screen" },
	{ "u", "undo the last change, and say what it was" },
	{ "?", "this help (any key closes it)" },
	{ "Ctrl-L", "redraw the screen" },
	{ "q", "quit: everything is already saved" },
	{ NULL, NULL },
};

/* Lines in a {NULL, NULL}-ended table. */
static int count(const struct tui_help *h)
{
	int n = 0;

	while (h && h[n].keys)
		n++;
	return n;
}

/* Draw one section's lines from row y; returns the next free row. */
static int section(struct tui *t, int y, int x, int w, int last_row, const char *title,
		   const struct tui_help *h)
{
	int i, kw = 16;

	if (y > last_row)
		return y;
	tui_text(t, y++, x, w, ROLE_HEAD, title);
	for (i = 0; h && h[i].keys && y <= last_row; i++, y++) {
		tui_text(t, y, x + 2, kw, ROLE_KEY, h[i].keys);
		tui_text(t, y, x + 2 + kw + 1, w - kw - 3, ROLE_NORMAL, h[i].does);
	}
	return y;
}

/* Centred over the screen; cut at the bottom when the window is short. */
void tui_help_draw(struct tui *t, const struct tui_screen *s)
{
	int n = count(s->help) + count(tui_global_help) + 5;
	int w = COLS - 4 < 100 ? COLS - 4 : 100, h = n + 2, y, x, row;

	if (h > LINES - 2)
		h = LINES - 2;
	if (w < 20 || h < 4)
		return;
	y = 1 + (LINES - 2 - h) / 2;
	x = (COLS - w) / 2;
	tui_box(t, y, x, h, w, ROLE_NORMAL);
	tui_textf(t, y, x + 2, w - 4, ROLE_HEAD, " Keys: %s ", s->name);
	row = section(t, y + 1, x + 2, w - 4, y + h - 3, s->name, s->help);
	section(t, row + (row < y + h - 3), x + 2, w - 4, y + h - 3, "Every screen", tui_global_help);
	tui_text(t, y + h - 2, x + 2, w - 4, ROLE_DIM, "Any key closes this help.");
}
