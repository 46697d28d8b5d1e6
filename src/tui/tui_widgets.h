/* tui_widgets.h - the TUI's small reusable widgets (src/tui/widgets.c).
 *
 * A one-line text editor (struct tui_line) and the three modal pieces built
 * on it: a bottom-line prompt, a type-ahead picker and a yes/no question.
 * Each is a plain state object inside struct tui; the main loop hands it
 * keys and asks it to draw, so resizes, signals and journal polling keep
 * working while one is open.  No curses types here: only src/tui/ files
 * include curses.h.
 */
#ifndef RESTWATCH_TUI_WIDGETS_H
#define RESTWATCH_TUI_WIDGETS_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "entry.h"
#include "rwerr.h"

struct tui;

/* One key from get_wch: a character (fn false) or a KEY_* code (fn true). */
struct tui_key {
	int code;
	bool fn;
};

#define TUI_LINE_MAX NOTE_MAX /* code points a line holds */

/* A line being edited.  The first printable key replaces a prefilled text
 * (fresh), so typing a new value never appends to the old one; the arrows,
 * Home, End and Backspace edit the prefill instead. */
struct tui_line {
	wchar_t buf[TUI_LINE_MAX + 1];
	size_t len, cur;   /* code points */
	size_t first;      /* first code point shown (horizontal scroll) */
	size_t max_bytes;  /* UTF-8 bytes the text may take */
	bool fresh;
	bool full;         /* a character was refused: max_bytes reached */
};

enum tui_line_result { TUI_LINE_MORE, TUI_LINE_ENTER, TUI_LINE_CANCEL };

/* Start editing utf8 (may be NULL or "") with at most max_bytes of text. */
void tui_line_set(struct tui_line *l, const char *utf8, size_t max_bytes);
/* Tab completion: the first of names[0..n-1] that starts with the len
 * bytes of typed (NULL when none), how far all such names agree in
 * *common, and how many there are in *matches. */
const char *tui_common_start(const char *const *names, int n, const char *typed, size_t len,
			     size_t *common, int *matches);
/* Apply one key; TUI_LINE_ENTER on Enter, TUI_LINE_CANCEL on Esc. */
enum tui_line_result tui_line_key(struct tui_line *l, const struct tui_key *k);
/* Insert pasted text at the cursor as typed text: newlines and tabs
 * become spaces (one for CR LF), other control characters are dropped. */
void tui_line_paste(struct tui_line *l, const wchar_t *s, size_t n);
/* The text as UTF-8 into out (n bytes). */
void tui_line_text(const struct tui_line *l, char *out, size_t n);
/* Draw the line at y, x in w columns; returns the cursor's column. */
int tui_line_draw(struct tui *t, struct tui_line *l, int y, int x, int w);

/* What a widget calls with the confirmed text: 0 closes it; an error keeps
 * a prompt open and shows e's message on the status line. */
typedef int (*tui_text_fn)(struct tui *t, void *ctx, const char *text, struct rw_error *e);
/* Tab in a prompt: complete the text in place. */
typedef void (*tui_complete_fn)(struct tui_line *l);

/* The prompt in the bottom line, with an optional hint line above it. */
struct tui_prompt {
	bool active;
	char label[80];
	char hint[400];
	struct tui_line line;
	tui_text_fn enter;
	tui_complete_fn complete;
	void *ctx;
};

void tui_prompt_open(struct tui *t, const char *label, const char *prefill, size_t max_bytes,
		     const char *hint, tui_text_fn enter, tui_complete_fn complete, void *ctx);
void tui_prompt_key(struct tui *t, const struct tui_key *k);
/* Pasted text into the open prompt or the picker's filter; false when no
 * widget takes text. */
bool tui_widget_paste(struct tui *t, const wchar_t *s, size_t n);
void tui_prompt_draw(struct tui *t);

/* A list to pick from by typing its start or with the arrows; the typed
 * text itself is offered as a new name when nothing matches it exactly. */
#define TUI_PICK_MAX 80
struct tui_pick_item {
	char name[SYMPTOM_MAX + 1];
	bool checked; /* shown as [x] */
	bool flagged; /* shown marked (a red flag) */
};

struct tui_picker {
	bool active;
	char title[80];
	struct tui_pick_item items[TUI_PICK_MAX];
	int n;
	struct tui_line filter;
	int sel; /* index among the visible rows */
	int top; /* first visible row shown */
	bool toggled; /* Space toggled a row since it opened */
	tui_text_fn enter;
	void *ctx;
};

void tui_picker_open(struct tui *t, const char *title, tui_text_fn enter, void *ctx);
void tui_picker_add(struct tui *t, const char *name, bool checked, bool flagged);
void tui_picker_key(struct tui *t, const struct tui_key *k);
void tui_picker_draw(struct tui *t);

/* "Delete 2026-03-02? (y/N)": y calls yes with text "y"; anything else
 * cancels. */
struct tui_confirm {
	bool active;
	char question[200];
	tui_text_fn yes;
	void *ctx;
};

void tui_confirm_open(struct tui *t, const char *question, tui_text_fn yes, void *ctx);
void tui_confirm_key(struct tui *t, const struct tui_key *k);
void tui_confirm_draw(struct tui *t);

#endif
