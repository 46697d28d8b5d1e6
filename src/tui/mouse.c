/* mouse.c - ncurses mouse events: a click on a tab shows its screen; on a
 * day in the Journal or the calendar it picks the day, and on a field of
 * Today the field; a click on what is already picked opens it (Enter: the
 * day detail, the field's edit).  The wheel scrolls: it becomes Up or Down
 * for whatever has the keys (a list, the calendar, the help, the day
 * detail, the picker).  Open prompts and questions take no clicks.
 *
 * Presses only (mouseinterval 0): a click never waits to learn whether it
 * is a double click, and a slow release changes nothing.
 */
#include <curses.h>

#include "tui_app.h"
#include "tui_mouse.h"
#include "tui_today.h"

/* Wheel steps in a list per notch; one in the calendar (a month). */
#define WHEEL_LINES 3

void tui_mouse_on(void)
{
	mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
}

/* Which of Today's field rows is at y (as last drawn), or -1. */
static int today_field_at(const struct today *st, int y)
{
	int i;

	for (i = 0; i < st->rows; i++)
		if (y == st->row_y[i])
			return i;
	return -1;
}

/* A click on the body of the current screen: 0 nothing, 1 picked, 2 hit
 * what was already picked. */
static int click_body(struct tui *t, int y, int x)
{
	void *state = t->state[t->screen];

	switch (t->screen) {
	case TUI_TODAY: {
		struct today *st = state;
		int f = today_field_at(st, y);
		if (f < 0)
			return 0;
		if (f == st->field)
			return 2;
		st->field = f;
		return 1;
	}
	case TUI_JOURNAL:
		return tui_journal_click(t, state, y);
	case TUI_TRENDS:
		return tui_calendar_click(t, state, y, x);
	default:
		return 0;
	}
}

/* A press of the first button at y, x. */
static int click(struct tui *t, struct tui_key *k, int y, int x)
{
	int tab;

	if (t->help) {
		t->help = false; /* as any key but the scrolling ones */
		return 0;
	}
	if (y == 0) {
		if ((tab = tui_tab_at(t, x)) >= 0)
			tui_show(t, tab);
		return 0;
	}
	if (t->detail.active || y >= LINES - 1)
		return 0;
	if (click_body(t, y, x) != 2)
		return 0;
	k->fn = false;
	k->code = '\r';
	return 1;
}

int tui_mouse(struct tui *t, struct tui_key *k)
{
	MEVENT ev;

	if (!k->fn || k->code != KEY_MOUSE)
		return 1;
	if (getmouse(&ev) != OK)
		return 0;
	if (t->prompt.active || t->confirm.active)
		return 0;
	if (COLS < TUI_MIN_COLS || LINES < TUI_MIN_ROWS)
		return 0;
	if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		bool open = t->help || t->detail.active || t->picker.active;
		if (!open && t->screen == TUI_TODAY)
			return 0; /* Today's Up/Down choose a field: not a list */
		k->fn = true;
		k->code = ev.bstate & BUTTON4_PRESSED ? KEY_UP : KEY_DOWN;
		return open || t->screen != TUI_TRENDS ? WHEEL_LINES : 1;
	}
	if (ev.bstate & BUTTON1_PRESSED)
		return t->picker.active ? 0 : click(t, k, ev.y, ev.x);
	return 0;
}
