/* tui.h - the ncurses interface, opened when restwatch runs with no command. */
#ifndef RESTWATCH_TUI_H
#define RESTWATCH_TUI_H

#include <stdbool.h>

#include "date.h"
#include "journal.h"
#include "rwerr.h"

struct tui_opts {
	bool no_color; /* --no-color (NO_COLOR is read by the TUI itself) */
	bool no_bell;  /* --no-bell: the nudge banner rings no bell */
	rw_day today;
};

/* Run the TUI on j until the user quits; the terminal is restored on every
 * way out.  Returns 0 or an RW_E... code with e filled. */
int tui_run(struct journal *j, const struct tui_opts *o, struct rw_error *e);

#endif
