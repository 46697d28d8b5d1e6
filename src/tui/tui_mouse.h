/* tui_mouse.h - the mouse (src/tui/mouse.c): a click picks a tab, a day in
 * the Journal or the calendar, or a field on Today (a click on what is
 * already picked opens it, as Enter); the wheel scrolls lists.
 */
#ifndef RESTWATCH_TUI_MOUSE_H
#define RESTWATCH_TUI_MOUSE_H

struct tui;
struct tui_key;

/* Ask the terminal for button presses and the wheel (after initscr). */
void tui_mouse_on(void);

/* Called with every key before it is dispatched: a key other than
 * KEY_MOUSE is left as it is (returns 1).  A mouse event is read and done
 * here (returns 0), or becomes a key for the dispatcher in *k, to be
 * dispatched that many times (the wheel: Up or Down). */
int tui_mouse(struct tui *t, struct tui_key *k);

/* A click at row y (and column x) of a screen: 0 when it hit no day,
 * 1 when it picked one, 2 when it hit the day already picked. */
int tui_journal_click(struct tui *t, void *state, int y);
int tui_calendar_click(struct tui *t, void *state, int y, int x);

#endif
