/* journal.h - the SQLite journal: the only way into restwatch's data.
 *
 * A journal is one SQLite file (schema/NNN_*.sql, compiled in) holding the
 * logged days, the engine's settings, the engine's stored projections (one
 * row per calendar day from the first logged day to the last) and a change
 * history behind `undo`.  Every change is one IMMEDIATE transaction that
 * also records how to undo it and recomputes the projections from the
 * first affected day onward, so stored projections always equal a full
 * recompute.  Errors are RW_E... codes with a message in struct rw_error.
 */
#ifndef RESTWATCH_JOURNAL_H
#define RESTWATCH_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "engine.h"
#include "entry.h"
#include "rwerr.h"

struct journal;

/* How long a write waits for another process's lock before RW_ELOCKED. */
#define JOURNAL_BUSY_MS 5000

/* The journal's path: db_opt (--db) when not NULL, else $RESTWATCH_DB, else
 * $XDG_DATA_HOME/restwatch/journal.db (~/.local/share/... when unset).  For
 * the XDG location the directory is created 0700 when missing.  *out is
 * malloc'd; the caller frees it. */
int journal_path(const char *db_opt, char **out, struct rw_error *e);

/* Open the journal at path, creating it (0600, atomically) when the file does
 * not exist.  A file that is empty, not SQLite, not a restwatch journal,
 * damaged or from a newer restwatch is refused with RW_EIO and never
 * modified.  An older journal is migrated.  journal_close frees it. */
int journal_open(struct journal **out, const char *path, struct rw_error *e);
void journal_close(struct journal *j);
const char *journal_file(const struct journal *j);

/* --- reading --------------------------------------------------------- */

/* The engine parameters stored in the journal. */
int journal_params(struct journal *j, struct engine_params *p, struct rw_error *e);

/* The entry of day; *found is false (and *en empty) when it has none. */
int journal_get_entry(struct journal *j, rw_day day, struct entry *en, bool *found,
		      struct rw_error *e);

/* First and last logged days and how many days are logged; *found is false
 * for an empty journal. */
int journal_bounds(struct journal *j, rw_day *first, rw_day *last, long *logged,
		   bool *found, struct rw_error *e);

/* The stored projection of day (any calendar day between the first and last
 * logged days). */
int journal_get_proj(struct journal *j, rw_day day, struct engine_proj *proj, bool *found,
		     struct rw_error *e);

/* The last logged day: its projection and entry. */
int journal_last(struct journal *j, struct engine_proj *proj, struct entry *en, bool *found,
		 struct rw_error *e);

/* Called for each calendar day; en is NULL for a day without an entry.
 * A non-zero return stops the walk and is returned by journal_each. */
typedef int (*journal_day_fn)(void *ctx, const struct engine_proj *proj,
			      const struct entry *en);

#define JOURNAL_LOGGED_ONLY 1u /* skip the gaps between logged days */
#define JOURNAL_PROJ_ONLY 2u   /* do not read the entries: en is always NULL
				  and proj->logged tells a logged day */

/* Walk the days from..to (inclusive, clipped to the logged span) in date
 * order, with their stored projections, in one read transaction. */
int journal_each(struct journal *j, rw_day from, rw_day to, unsigned flags,
		 journal_day_fn fn, void *ctx, struct rw_error *e);

/* Hold one read transaction across several reads (a report's summary pass
 * and its table pass), so that a writer elsewhere cannot make them
 * disagree.  No change may be made through j until journal_snapshot_end. */
int journal_snapshot_begin(struct journal *j, struct rw_error *e);
void journal_snapshot_end(struct journal *j);

/* A number that changes whenever another connection commits a change to the
 * journal (SQLite's data_version) plus this connection's own changes, so a
 * screen knows when to read again. */
int journal_version(struct journal *j, uint64_t *version, struct rw_error *e);

/* 0 while the journal's path still names the file that was opened, else
 * RW_EIO saying it was replaced or deleted.  Every write checks it first,
 * so a long-running TUI never writes into a file nobody can see. */
int journal_same_file(struct journal *j, struct rw_error *e);

/* --- changing ---------------------------------------------------------- */

/* Edit one day: in one transaction, read its entry (an empty one when the
 * day has none; *existed tells), let fn change it, validate, store, record
 * the undo and recompute.  When fn fails nothing changes. */
typedef int (*journal_edit_fn)(void *ctx, struct entry *en, bool existed,
			       struct rw_error *e);
int journal_edit(struct journal *j, rw_day day, journal_edit_fn fn, void *ctx,
		 struct rw_error *e);

/* --- timed rest (docs/formats.md) ---------------------------------------- */

/* A stretch of lying down: instants in seconds since 1970 (UTC). */
struct journal_stretch {
	int64_t id, down_at, up_at; /* up_at is 0 while open */
	bool open;
};
/* The stretch still open (lying down now), if any. */
int journal_open_stretch(struct journal *j, struct journal_stretch *st, bool *found,
			 struct rw_error *e);
/* Lie down at `at`: RW_EDATA when already down or when a recorded stretch
 * covers at.  One undoable change. */
int journal_down(struct journal *j, int64_t at, struct rw_error *e);
/* Get up at `at`: closes the open stretch and adds its hours to
 * tracked_hours of each local day it touches (split at local midnight), in
 * one undoable change.  RW_EDATA when not down, when at is not after the
 * start, when the stretch would pass 24 h or overlap another.  *day is the
 * local day of at. */
int journal_up(struct journal *j, int64_t at, rw_day *day, struct rw_error *e);
/* Each stretch that overlaps [from, to), oldest first. */
typedef int (*journal_stretch_fn)(void *ctx, const struct journal_stretch *st);
int journal_stretches(struct journal *j, int64_t from, int64_t to, journal_stretch_fn fn,
		      void *ctx, struct rw_error *e);

/* The medication names used before, most recent first, each once: at
 * most max into names, the count in *n (for the TUI's completion). */
int journal_med_names(struct journal *j, char names[][MED_NAME_MAX + 1], int max, int *n,
		      struct rw_error *e);

/* Remove a day's entry; RW_EDATA when it has none. */
int journal_delete(struct journal *j, rw_day day, struct rw_error *e);

/* Import: next() fills *en with the next entry and returns 1, returns 0 at
 * the end or a negative code with e filled.  All entries are stored in one
 * transaction (days already present are replaced) or none; one undo step.
 * *count receives the number of entries stored. */
typedef int (*journal_next_fn)(void *ctx, struct entry *en, struct rw_error *e);
int journal_import(struct journal *j, journal_next_fn next, void *ctx, long *count,
		   struct rw_error *e);

/* Set one engine parameter (range-checked), or all back to their defaults.
 * Both recompute every projection. */
int journal_set_param(struct journal *j, const char *name, double value,
		      struct rw_error *e);
int journal_reset_params(struct journal *j, struct rw_error *e);

/* What an undo reverted or a redo made again. */
struct journal_change {
	char kind[16];   /* log, delete, import, config, down or up */
	char what[128];  /* as recorded: "log 2026-03-10", "import 3 days (2026-03-01
			    to 2026-03-03)", "config clot_days 3", "up 2026-03-10 09:00" */
	rw_day from, to; /* the days whose entries it touched; from > to when none */
	const char *field; /* a log that changed one field: its name ("rest",
			      "pain", "activities"...), else NULL */
	char value[64];  /* that field's value in the change ("24 h"), "" when
			    the change cleared it */
	char text[256];  /* the words that name it: "rest 24 h on 2026-03-10",
			    "pain cleared on 2026-03-10", "log 2026-03-10 (rest,
			    pain)" for several fields, else what */
};

/* Revert the most recent change (one transaction, the projections
 * recomputed) and say which in *c.  The change moves to the redo stack.
 * RW_EDATA when there is nothing to undo. */
int journal_undo(struct journal *j, struct journal_change *c, struct rw_error *e);

/* Make the most recently undone change again, as a new undoable change
 * (one transaction, the projections recomputed), and say which in *c.
 * Any other change empties the redo stack.  RW_EDATA when there is
 * nothing to redo. */
int journal_redo(struct journal *j, struct journal_change *c, struct rw_error *e);

/* --- whole file --------------------------------------------------------- */

/* A consistent copy of the journal written to dest (0600, replaced
 * atomically), taken with SQLite's online backup while others may write. */
int journal_backup(struct journal *j, const char *dest, struct rw_error *e);

/* SQLite's integrity and foreign-key checks, every stored day valid, and
 * stored projections equal to a full recompute.  Problems are written, one
 * per line, into report (n bytes); returns 0 when sound, RW_EIO when not. */
int journal_check(struct journal *j, char *report, size_t n, struct rw_error *e);
/* From now on the journals this process opens are read with damaged pages
 * as they are (check lists the damage; every other command stops at it).
 * Writes are still checked. */
void journal_read_damage_as_is(void);

#endif
