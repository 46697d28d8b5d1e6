/* tui_today.h - the Today screen's state, shared by its drawing and keys
 * (src/tui/today.c) and its edits (src/tui/today_edit.c). */
#ifndef RESTWATCH_TUI_TODAY_H
#define RESTWATCH_TUI_TODAY_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"
#include "engine.h"
#include "entry.h"

struct tui;

#define TODAY_MAX_GAPS 4

/* The edit being confirmed: applied inside the journal's transaction by
 * entry_apply (entry.h), to the day as it is when Enter is pressed. */
struct today_edit {
	rw_day day;
	const struct entry_field *f; /* the field edited; NULL for y's copy */
	struct entry_change change;  /* what the edit sets, adds or toggles */
	struct entry_change diff;    /* A: the list edit as removals and additions */
	struct entry base;           /* the day when the prompt opened */
	bool ask;                    /* a scalar: ask when base's value changed meanwhile */
	bool force;                  /* y to that question: save over it */
	bool conflict;               /* out: it had changed (the day is in now) */
	bool merged;                 /* out: A merged with a change made elsewhere */
	bool added;                  /* out: s added the symptom (not removed it) */
	struct entry now;            /* out: the day as it was at Enter */
	char symptom[SYMPTOM_MAX + 1];
	char what[ACTIVITIES_TEXT_MAX + 32]; /* "saved WHAT on DATE" */
	char merged_list[ACTIVITIES_TEXT_MAX]; /* out: the list after a merge */
};

/* What Today shows for one day, read once per day and journal version. */
struct today {
	unsigned gen;
	rw_day day;
	bool found;            /* the day has an entry */
	struct entry en;
	bool has_proj;         /* the day is within the logged span */
	struct engine_proj proj;
	bool any;              /* anything logged at all */
	rw_day first, last;
	long logged, gaps;     /* unlogged days between first and last */
	rw_day gap[TODAY_MAX_GAPS]; /* the latest of them up to the day shown */
	int ngap;
	bool has_fc;
	rw_day fc_like;        /* the day the forecast repeats */
	struct engine_proj fc[7];
	struct today_edit edit;
	int field;             /* the field row Up/Down selected, Enter edits */
	int rows;              /* the field rows the last draw put */
	int row_y[EF_COUNT];   /* and where, top to bottom */
	rw_day future_ok;      /* a day after today the user agreed to log */
	int future_key;        /* the key that asked */
	char *draft;           /* a note from $EDITOR that was refused, offered again by N */
	rw_day draft_day;
};

/* The fields with a row on Today (entry.h: today_row), top to bottom;
 * returns how many (today_fields.c). */
int today_rows(const struct entry_field *out[EF_COUNT]);
/* The key beside a field's row, which Enter on the row presses. */
int today_row_key(const struct entry_field *f);
/* The field rows from y in w columns; returns the rows used. */
int today_draw_fields(struct tui *t, struct today *st, int y, int w);

/* Loss k of p as "1.0-1.5%" to one decimal ("<0.1" when smaller). */
const char *today_band(const struct tui *t, const struct engine_proj *p, int k, char *out,
		       size_t n);
/* The gauges beside the fields from y, x in w columns (today_gauges.c);
 * returns the rows used. */
int today_draw_gauges(struct tui *t, struct today *st, int y, int x, int w);
/* The rest clock and the losses on one line each, for narrow windows;
 * returns the rows used. */
int today_draw_compact(struct tui *t, struct today *st, int y, int w);

/* Store st->edit in one transaction and say "saved WHAT on DATE"; when a
 * field changed elsewhere under the prompt, show both values and ask. */
int today_save(struct tui *t, struct today *st, const char *what, struct rw_error *e);
/* Start st->edit for field f (NULL: several) on the day shown. */
void today_edit_start(struct today *st, const struct entry_field *f);
/* m: the medication prompt for the day shown (today_rest.c). */
void today_med_prompt(struct tui *t, struct today *st, const char *date);

/* The editing keys of Today (r a A p s w n N d): open the prompt, picker,
 * editor or question for the day shown.  False for any other key. */
bool tui_today_edit_key(struct tui *t, struct today *st, int key);

#endif
