/* internal.h - what the files of src/journal/ share, and nothing outside
 * them sees: the journal handle, the prepared statements by id, the named
 * columns of every SELECT, and the row, bind and transaction helpers.
 * Only src/journal/ includes sqlite3.h; include/journal.h is the public API.
 *
 * The files: core.c (statements, errors, transactions), rows.c (rows to and
 * from structs), settings.c, read.c, write.c (edits and the recompute of
 * the projections), undo.c (the change history, undo and redo), describe.c
 * (how they name a change), rest.c (timed rest), file.c (where the journal
 * lives, its header), open.c (create, migrate, convert to auto-vacuum),
 * backup.c, check.c, pages.c (whether a b-tree page is sound) and vfs.c
 * (the VFS that checks each page SQLite reads or writes).
 */
#ifndef RESTWATCH_JOURNAL_INTERNAL_H
#define RESTWATCH_JOURNAL_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include <sqlite3.h>

#include "journal.h"

/* "RWJ1": marks a restwatch journal in the SQLite header (PRAGMA application_id). */
#define APPLICATION_ID 0x52574a31

enum stmt_id {
	S_BEGIN,
	S_BEGIN_READ,
	S_COMMIT,
	S_ROLLBACK,
	S_GET_DAY,
	S_PUT_DAY,
	S_DEL_DAY,
	S_FIRST_DAY,
	S_LAST_DAY,
	S_COUNT_DAYS,
	S_DAYS_FROM,
	S_GET_PROJ,
	S_PUT_PROJ,
	S_TRIM_PROJ,
	S_EACH_PROJ,
	S_EACH_DAY,
	S_DAYS_AGREE,
	S_SETTINGS,
	S_SET_SETTING,
	S_NEW_CHANGE,
	S_SAVE_DAY,
	S_SAVE_NO_DAY,
	S_SAVE_SETTING,
	S_LAST_CHANGE,
	S_CHANGE_DAYS,
	S_CHANGE_SETTINGS,
	S_DEL_CHANGE,
	S_SET_CHANGE_WHAT,
	S_CLEAR_PROJ,
	S_DATA_VERSION,
	S_OPEN_STRETCH,
	S_STRETCH_AT,
	S_STRETCH_OVERLAP,
	S_NEW_STRETCH,
	S_CLOSE_STRETCH,
	S_SAVE_STRETCH,
	S_SAVE_NO_STRETCH,
	S_CHANGE_STRETCHES,
	S_PUT_STRETCH,
	S_DEL_STRETCH,
	S_STRETCHES,
	S_MED_LISTS,
	S_FREELIST,
	S_LAST_UNDONE,
	S_NEW_UNDONE,
	S_CLEAR_REDO,
	S_KEEP_DAYS,
	S_KEEP_NO_DAYS,
	S_KEEP_SETTINGS,
	S_KEEP_STRETCHES,
	S_KEEP_NO_STRETCHES,
	S_COUNT
};

#define DAY_COLS \
	"rest_hours, activities, pain, symptoms, weight_kg, note, medications, tracked_hours"
#define PROJ_COLS                                                                    \
	"logged, activity_minutes, rest_clock_hours, loss_days, level, clot_risk, " \
	"red_flag, muscle_loss_low, muscle_loss_high, cardio_loss_low, "             \
	"cardio_loss_high, bone_loss_low, bone_loss_high, bed_days, urgency, "      \
	"clot_watch, pain_days, gap_days, since_clot"
/* What row_proj reads: the stored columns and the day's rest hours, which
 * a projection shows but the days table holds.  PC_* name the columns
 * relative to the first; PC_COUNT columns in all. */
#define PROJ_SELECT_STORED                                                             \
	"p.logged, p.activity_minutes, p.rest_clock_hours, p.loss_days, p.level, "    \
	"p.clot_risk, p.red_flag, p.muscle_loss_low, p.muscle_loss_high, "            \
	"p.cardio_loss_low, p.cardio_loss_high, p.bone_loss_low, p.bone_loss_high, " \
	"p.bed_days, p.urgency, p.clot_watch, p.pain_days, p.gap_days, p.since_clot"
#define PROJ_SELECT PROJ_SELECT_STORED ", d.rest_hours"
enum {
	PC_LOGGED, PC_ACT, PC_CLOCK, PC_LOSS_DAYS, PC_LEVEL, PC_CLOT, PC_RED, PC_LOSS,
	PC_BED = PC_LOSS + LOSS_COUNT * BAND_COUNT, PC_URGENCY, PC_WATCH, PC_PAIN_DAYS,
	PC_GAP, PC_SINCE_CLOT, PC_REST, PC_COUNT
};
#define PROJ_FROM " FROM projections p LEFT JOIN days d ON d.date = p.date"

/* DAY_COLS, relative to the first (S_GET_DAY, S_CHANGE_DAYS, S_EACH_DAY). */
enum {
	DC_REST, DC_ACTS, DC_PAIN, DC_SYMS, DC_WEIGHT, DC_NOTE, DC_MEDS, DC_TRACKED, DC_COUNT
};
/* S_EACH_PROJ: the date and the projection (its rest hours NULL: the walk
 * takes them from S_EACH_DAY). */
enum { EP_DATE = 0, EP_PROJ = 1 };
/* S_EACH_DAY: the day's date as its index has it, DAY_COLS, and the date
 * in the row the index led to. */
enum { ED_DATE = 0, ED_DAY = 1, ED_ROW_DATE = ED_DAY + DC_COUNT };
/* S_DAYS_FROM: what the engine reads of a day. */
enum { DF_DATE, DF_REST, DF_ACTS, DF_SYMS, DF_PAIN, DF_TRACKED };
/* S_SETTINGS and S_CHANGE_SETTINGS. */
enum { SET_KEY, SET_VALUE };
/* S_LAST_CHANGE and S_LAST_UNDONE. */
enum { LC_ID, LC_WHAT };
/* S_CHANGE_DAYS: the date, whether it had an entry, then DAY_COLS. */
enum { CD_DATE, CD_EXISTED, CD_DAY };
/* S_OPEN_STRETCH. */
enum { OS_ID, OS_DOWN };
/* S_CHANGE_STRETCHES. */
enum { CS_ID, CS_EXISTED, CS_DOWN, CS_UP };
/* S_STRETCHES. */
enum { ST_ID, ST_DOWN, ST_UP };
/* A SELECT of one value (count(*), a date, a PRAGMA): its only column. */
#define ONE_COL 0

struct journal {
	sqlite3 *db;
	char *path;
	sqlite3_stmt *stmt[S_COUNT];
	uint64_t own_changes; /* commits made through this handle */
	dev_t dev;            /* the file opened: a path that names another */
	ino_t ino;            /* file now (replaced, deleted) is not written */
};

/* What the first 100 bytes of the file say (file.c). */
struct header {
	uint32_t version;
	bool wal;
	uint32_t largest_root; /* auto-vacuum's largest root page, 0 when off */
};

/* core.c: statements and errors */
int jn_fail(struct journal *j, int rc, struct rw_error *e);
int jn_stmt(struct journal *j, enum stmt_id id, sqlite3_stmt **out, struct rw_error *e);
void jn_done(sqlite3_stmt *s);
int jn_run(struct journal *j, sqlite3_stmt *s, struct rw_error *e);
int jn_run_id(struct journal *j, enum stmt_id id, struct rw_error *e);
void jn_bind_day(sqlite3_stmt *s, int col, rw_day day);
bool jn_col_day(sqlite3_stmt *s, int col, rw_day *day);
const char *jn_col_text(sqlite3_stmt *s, int col);

/* core.c: transactions */
int jn_begin(struct journal *j, struct rw_error *e);
int jn_commit(struct journal *j, struct rw_error *e);
int jn_read_begin(struct journal *j, bool *started, struct rw_error *e);
int jn_read_end(struct journal *j, bool started, int code);
int jn_rollback(struct journal *j, int code);

/* rows.c */
bool jn_stored_number(sqlite3_stmt *s, int col);
int jn_row_entry(struct journal *j, sqlite3_stmt *s, int col, rw_day day, struct entry *en,
		 struct rw_error *e);
int jn_row_entry_again(struct journal *j, sqlite3_stmt *s, int col, rw_day day,
		       struct entry *en, struct rw_error *e);
int jn_row_proj(struct journal *j, sqlite3_stmt *s, int col, rw_day day, struct engine_proj *p,
		struct rw_error *e);
void jn_bind_proj(sqlite3_stmt *s, const struct engine_proj *p);
int jn_row_engine_day(struct journal *j, sqlite3_stmt *s, struct engine_day *d,
		      struct rw_error *e);
bool jn_proj_equal(const struct engine_proj *a, const struct engine_proj *b);
int jn_get_entry(struct journal *j, rw_day day, struct entry *en, bool *found,
		 struct rw_error *e);
int jn_put_entry(struct journal *j, const struct entry *en, struct rw_error *e);
int jn_del_entry(struct journal *j, rw_day day, struct rw_error *e);
int jn_get_proj(struct journal *j, rw_day day, struct engine_proj *p, bool *found,
		struct rw_error *e);

/* settings.c */
bool jn_param_damaged(sqlite3_stmt *s, const struct engine_param_info *info, double *v,
		      char *why, size_t n);
int jn_load_params(struct journal *j, struct engine_params *p, struct rw_error *e);
int jn_store_param(struct journal *j, const char *key, double value, struct rw_error *e);

/* read.c */
int jn_bounds(struct journal *j, rw_day *first, rw_day *last, bool *found, struct rw_error *e);

/* write.c */
int jn_recompute(struct journal *j, rw_day from, rw_day changed_to, struct rw_error *e);

/* undo.c */
int jn_new_change(struct journal *j, const char *what, sqlite3_int64 *id, struct rw_error *e);
int jn_save_day(struct journal *j, sqlite3_int64 id, rw_day day, struct rw_error *e);
int jn_save_setting(struct journal *j, sqlite3_int64 id, const char *key, struct rw_error *e);

/* describe.c: how undo and redo name a change to one day */
void jn_describe_day(const struct entry *before, const struct entry *after,
		     struct journal_change *c);

/* rest.c */
int jn_undo_stretches(struct journal *j, sqlite3_int64 change, struct rw_error *e);

/* file.c */
int jn_read_header(const char *path, struct header *h, struct rw_error *e);

/* check.c */
/* vfs.c: the VFS that checks each b-tree page SQLite reads or writes (its
 * name for sqlite3_open_v2; NULL when the default VFS must do). */
const char *jn_pages_vfs(void);
/* pages.c: what page 1 says (the 100-byte header, or page 1 whole); whether
 * page pgno of size bytes is sound (full, for a page written: its records
 * and keys too, which an interior page always gets), noting it when not;
 * check's switch to read damaged pages as they are (writes are checked
 * still); the damaged page a read or write refused with SQLITE_IOERR_DATA
 * (0 when none; why says how); whether the journal is in WAL mode, as its
 * page 1 says. */
void jn_page_header(const unsigned char *d, int amount);
bool jn_page_sound(const unsigned char *d, unsigned size, uint32_t pgno, bool full);
void jn_pages_suspend(bool off);
/* No page checked at all while on: the VACUUM that converts a journal to
 * auto-vacuum writes pointer-map pages before page 1 says there are any,
 * rebuilding a file integrity_check has just found sound. */
void jn_pages_unchecked(bool on);
unsigned jn_pages_damaged(char *why, size_t n);
bool jn_pages_wal(void);

int jn_days_agree(struct journal *j, rw_day from, rw_day to, struct rw_error *e);
int jn_days_disagree(struct journal *j, struct rw_error *e);
int jn_day_agrees(struct journal *j, rw_day day, bool found, struct rw_error *e);
int jn_schema_exact(struct journal *j, int version, struct rw_error *e);

#endif
