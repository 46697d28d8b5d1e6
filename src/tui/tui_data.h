/* tui_data.h - what the TUI's screens show, cached (src/tui/data.c).
 *
 * Screens draw from memory only.  The journal is read again when its
 * version (journal_version) moved: after our own edit, or when another
 * restwatch wrote it.  A cache remembers the generation it was read at
 * (struct tui's gen) and is refilled lazily when that is old.
 */
#ifndef RESTWATCH_TUI_DATA_H
#define RESTWATCH_TUI_DATA_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"
#include "engine.h"
#include "entry.h"
#include "rwerr.h"

struct tui;

/* One calendar day as the Journal and Trends screens show it. */
struct tui_row {
	rw_day day;
	bool logged;
	bool has_rest;
	bool red_flag;
	double rest_hours;
	int activity_minutes;
	int pain;      /* PAIN_UNSET when none */
	enum engine_level level;
	double clock;
	double loss[LOSS_COUNT][BAND_COUNT];
	char symptoms[80]; /* "sciatica, !fever" (! marks a red flag), cut */
	char note[80];     /* the note's start, one line, cut */
};

/* The calendar days from the first logged day to the last: the span is
 * known at once (journal_bounds), the rows are read a window at a time
 * around the day asked for (tui_day_row), so that memory and the time of
 * a key follow the screen, not the length of the journal. */
struct tui_days {
	unsigned gen; /* 0: never read */
	size_t n;     /* days in the span */
	rw_day first, last; /* valid when n > 0 */
	long logged;
	/* the window read: rows[0 .. nrows - 1] are days w_from .. w_to */
	struct tui_row *rows;
	size_t nrows;
	rw_day w_from, w_to;
	unsigned w_gen; /* the gen it was read at; 0: none */
};

/* Days read around the one asked for: about 150 KB of rows. */
#define TUI_DAYS_WINDOW 512

/* The last logged day: the header's alert and the forecasts. */
struct tui_last {
	bool found;
	struct engine_proj proj;
	struct entry en;
};

/* Poll journal_version; when it moved, bump t->gen and re-read the
 * parameters and the last day.  Returns true when something changed. */
bool tui_sync(struct tui *t);

/* Read "today" again from the clock (RESTWATCH_TODAY pins it); the day
 * shown follows when it was today.  True when it changed.  tui_sync calls
 * it, so it runs at every tick and before every key. */
bool tui_follow_clock(struct tui *t);

/* The span, read again if stale; NULL (and a status message) when the
 * journal cannot be read. */
const struct tui_days *tui_days(struct tui *t);
void tui_days_free(struct tui_days *d);

/* The row of day, reading its window when it is not in memory; NULL
 * outside the span, for a day without a stored projection, or when the
 * journal cannot be read (with a status message). */
const struct tui_row *tui_day_row(struct tui *t, rw_day day);

/* Position of day in the span (0 is the first day), or -1 outside it. */
long tui_days_index(const struct tui_days *d, rw_day day);

#endif
