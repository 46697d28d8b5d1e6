/* tui_app.h - the TUI's shared state and the services of its main loop
 * (src/tui/app.c).  Internal to src/tui/; the outside sees only tui.h.
 */
#ifndef RESTWATCH_TUI_APP_H
#define RESTWATCH_TUI_APP_H

#include <stdbool.h>
#include <stdint.h>

#include "date.h"
#include "engine.h"
#include "journal.h"
#include "rwerr.h"
#include "tui_data.h"
#include "tui_detail.h"
#include "tui_draw.h"
#include "tui_screen.h"
#include "tui_widgets.h"

/* The smallest window the screens are drawn in (docs/formats.md). */
#define TUI_MIN_COLS 60
#define TUI_MIN_ROWS 18

struct tui {
	struct journal *j;
	rw_day today;
	rw_day day;          /* the day in focus: Today shows it */
	int screen;          /* its index in tui_screens[] */
	bool quit;

	/* the terminal */
	bool utf8, color;
	unsigned long attr[ROLE_ROLES]; /* curses attributes of each role */
	bool cursor;                 /* a widget wants the cursor at cy, cx */
	int cy, cx;

	/* the journal as last read */
	bool have_version;
	uint64_t version;
	unsigned gen;                /* bumped each time the journal changed */
	struct engine_params params;
	struct tui_last last;
	struct tui_days days;
	/* timed rest (today_rest.c): the open stretch, and the last nudge */
	bool down;
	int64_t down_since, nudged_at;
	long down_minute;            /* the timer's minute last drawn */
	bool no_bell;
	bool gone;                   /* the journal file was replaced or deleted */

	/* the status line: a message until the next key, else the keys */
	char msg[RW_ERRMSG + 64];
	bool msg_error;

	/* modal pieces, at most one active; help shows over everything */
	struct tui_prompt prompt;
	struct tui_picker picker;
	struct tui_confirm confirm;
	bool help;
	int help_top, help_rows, help_page; /* its scroll, lines, lines shown */
	struct tui_detail detail;    /* the day detail, over the screen (detail.c) */

	void **state;               /* each screen's, in tui_screens[] order */
};

/* Show a message on the status line until the next key. */
void tui_message(struct tui *t, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Switch to screen number screen of tui_screens[]. */
void tui_show(struct tui *t, int screen);

/* Undo the journal's last change and say what it was. */
void tui_undo(struct tui *t, bool redo);

/* Show the cursor at y, x after this frame (a widget being edited). */
void tui_cursor(struct tui *t, int y, int x);

/* The codes the paste brackets arrive as (define_key in tui_run, app.c):
 * past curses' KEY_MAX, 0777 (checked in paste.c). */
enum { KEY_PASTE_BEGIN = 0777 + 0x100, KEY_PASTE_END };

/* Bracketed paste on or off (on while the TUI runs, off around $EDITOR). */
void tui_paste_mode(bool on);

/* After KEY_PASTE_BEGIN: read up to KEY_PASTE_END and give the text to the
 * open prompt or picker (paste.c). */
void tui_paste_read(struct tui *t);

/* True when a prompt, picker or question is open. */
bool tui_modal(const struct tui *t);

/* "2026-03-02" with the weekday: "Mon 2026-03-02" (out: 16 bytes). */
char *tui_date(rw_day day, char *out);

#endif
