/* tui_detail.h - the day detail (src/tui/detail.c): one day's every field
 * whole, its projection and the full note wrapped, over the screen that
 * opened it (Enter on a day in the Journal or the Calendar).
 */
#ifndef RESTWATCH_TUI_DETAIL_H
#define RESTWATCH_TUI_DETAIL_H

#include <stdbool.h>

#include "date.h"
#include "engine.h"
#include "entry.h"

struct tui;
struct tui_key;

struct tui_detail {
	bool active;
	rw_day day;
	int top;            /* first line shown */
	int lines, page;    /* lines in all and lines shown, at the last draw */
	bool loaded;        /* en and proj were read at generation gen */
	unsigned gen;
	bool found, has_proj;
	struct entry en;
	struct engine_proj proj;
};

/* Show day's detail from its first line. */
void tui_detail_open(struct tui *t, rw_day day);

/* Draw it over rows 1 .. LINES - 2 and the status line (when no message). */
void tui_detail_draw(struct tui *t);

/* Its keys: scrolling, Esc and q back, Enter and e to edit the day on
 * Today.  False for a key it leaves to the screens' shared keys. */
bool tui_detail_key(struct tui *t, const struct tui_key *k);

#endif
