/* tui_screen.h - what every TUI screen provides, and the five screens.
 *
 * The dispatcher (src/tui/app.c) owns the loop; a screen only draws its
 * part of the window from its caches and answers the keys it knows.  Each
 * lives in its own file: today.c, screen_journal.c, trends.c,
 * screen_report.c, settings.c.
 */
#ifndef RESTWATCH_TUI_SCREEN_H
#define RESTWATCH_TUI_SCREEN_H

#include <stdbool.h>

#include "rwerr.h"
#include "tui_widgets.h"

struct tui;

/* One line of help: the keys and what they do. */
struct tui_help {
	const char *keys;
	const char *does;
};

struct tui_screen {
	const char *name;              /* "Today" */
	const char *status;            /* the essential keys, for the status line */
	const struct tui_help *help;   /* every key of the screen, {NULL, NULL}-ended */
	/* Allocate the screen's state (freed by close). */
	int (*open)(struct tui *t, void **state, struct rw_error *e);
	void (*close)(void *state);
	/* Draw rows top .. top + height - 1 of the full width. */
	void (*draw)(struct tui *t, void *state, int top, int height);
	/* Handle a key; false when the screen has no use for it. */
	bool (*key)(struct tui *t, void *state, const struct tui_key *k);
};

enum { TUI_TODAY, TUI_JOURNAL, TUI_TRENDS, TUI_REPORT, TUI_SETTINGS, TUI_SCREENS };

extern const struct tui_screen tui_screen_today;
extern const struct tui_screen tui_screen_journal;
extern const struct tui_screen tui_screen_trends;
extern const struct tui_screen tui_screen_report;
extern const struct tui_screen tui_screen_settings;

/* The keys every screen shares (help.c). */
extern const struct tui_help tui_global_help[];

/* Draw the help of screen s over the window (help.c). */
void tui_help_draw(struct tui *t, const struct tui_screen *s);

#endif
