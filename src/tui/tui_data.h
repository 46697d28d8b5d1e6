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

/* Every calendar day from the first logged day to the last. */
struct tui_days {
	unsigned gen; /* 0: never read */
	struct tui_row *rows;
	size_t n, cap;
	rw_day first, last; /* valid when n > 0 */
	long logged;
};

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

/* The day rows, read again if stale; NULL (and a status message) when the
 * journal cannot be read. */
const struct tui_days *tui_days(struct tui *t);
void tui_days_free(struct tui_days *d);

/* Index of day in d, or -1 when outside the logged span. */
long tui_days_index(const struct tui_days *d, rw_day day);

#endif
