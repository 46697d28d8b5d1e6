/* tui_screen.h - what every TUI screen provides, and the table of screens.
 *
 * The dispatcher (src/tui/app.c) owns the loop; a screen only draws its
 * part of the window from its caches and answers the keys it knows.  Each
 * lives in its own file (today.c, screen_journal.c, trends.c,
 * screen_report.c, settings.c) and is one row of the table in screens.c,
 * from which the hotkeys, the tabs and the help's screen line come.
 */
#ifndef RESTWATCH_TUI_SCREEN_H
#define RESTWATCH_TUI_SCREEN_H

#include <stdbool.h>
#include <stddef.h>

#include "rwerr.h"
#include "tui_widgets.h"

struct tui;

/* One line of help: the keys and what they do. */
struct tui_help {
	const char *keys;
	const char *does;
};

struct tui_screen {
	int hotkey;                    /* the key that shows it: '1' */
	const char *name;              /* its tab label: "Today" */
	const char *status;            /* the essential keys, for the status line */
	const struct tui_help *help;   /* every key of the screen, {NULL, NULL}-ended */
	size_t state_size;             /* the state app.c allocates zeroed */
	/* Optional: set the fresh state's first values. */
	void (*init)(struct tui *t, void *state);
	/* Optional: free what the state points to (app.c frees the state). */
	void (*close)(void *state);
	/* Draw rows top .. top + height - 1 of the full width. */
	void (*draw)(struct tui *t, void *state, int top, int height);
	/* Handle a key; false when the screen has no use for it. */
	bool (*key)(struct tui *t, void *state, const struct tui_key *k);
	/* Optional: read a slice (about TUI_WORK_MS) of what the screen is
	 * still missing, such as a summary of 100 years, between keys; returns
	 * a TUI_WORK_* value. */
	int (*work)(struct tui *t, void *state);
};

/* What a screen's work did: nothing was left; a slice, with more left; the
 * last slice (the screen is drawn again). */
enum { TUI_WORK_NONE, TUI_WORK_MORE, TUI_WORK_DONE };
#define TUI_WORK_MS 8

/* A slice of the current screen's work (a TUI_WORK_* value). */
int tui_screens_work(struct tui *t);

/* A monotonic clock in milliseconds, to time slices of work. */
long tui_clock_ms(void);

/* The screen table (screens.c), in tab order: adding a screen is a row
 * there and its own file.  The rows other code names (the mouse, Enter on
 * a Journal day), by their place in it. */
enum { TUI_TODAY, TUI_JOURNAL, TUI_TRENDS, TUI_REPORT, TUI_SETTINGS };
extern const struct tui_screen *const tui_screens[];
extern const int tui_screen_count;

/* The screen whose hotkey is key, or -1. */
int tui_screen_by_key(int key);

/* Allocate every screen's state (t->state); on failure the ones made are
 * freed by tui_screens_close. */
int tui_screens_open(struct tui *t, struct rw_error *e);
void tui_screens_close(struct tui *t);

/* The top bar: the tabs (hotkey and label, shortened to fit) and the
 * alert, which always shows from 60 columns. */
void tui_top_draw(struct tui *t);

/* The screen whose tab covers column x of the top bar, or -1. */
int tui_tab_at(struct tui *t, int x);

/* The keys every screen shares (help.c). */
extern const struct tui_help tui_global_help[];

/* Draw the help of screen s over the window (help.c). */
void tui_help_draw(struct tui *t, const struct tui_screen *s);

#endif
