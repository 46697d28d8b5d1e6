/* journal.c - the SQLite journal.  The only file that includes sqlite3.h.
 *
 * Layout of this file: opening (path, creation, the cheap header check,
 * migrations), prepared statements, row conversion, the projection
 * recompute, the change history, the public reads and writes, and the whole-
 * file operations (backup, check).
 */
#include "journal.h"
#include "clock.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "fileio.h"
#include "schema.h"
#include "utf8.h"

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
	S_EACH,
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
#define PROJ_SELECT                                                                    \
	"p.logged, p.activity_minutes, p.rest_clock_hours, p.loss_days, p.level, "    \
	"p.clot_risk, p.red_flag, p.muscle_loss_low, p.muscle_loss_high, "            \
	"p.cardio_loss_low, p.cardio_loss_high, p.bone_loss_low, p.bone_loss_high, " \
	"p.bed_days, p.urgency, p.clot_watch, p.pain_days, p.gap_days, p.since_clot, " \
	"d.rest_hours"
enum {
	PC_LOGGED, PC_ACT, PC_CLOCK, PC_LOSS_DAYS, PC_LEVEL, PC_CLOT, PC_RED, PC_LOSS,
	PC_BED = PC_LOSS + LOSS_COUNT * BAND_COUNT, PC_URGENCY, PC_WATCH, PC_PAIN_DAYS,
	PC_GAP, PC_SINCE_CLOT, PC_REST, PC_COUNT
};
/* S_EACH: the date, the projection, then the day's date and DAY_COLS. */
enum { EACH_DATE = 0, EACH_PROJ = 1, EACH_DAY_DATE = EACH_PROJ + PC_COUNT,
       EACH_DAY = EACH_DAY_DATE + 1 };
#define PROJ_FROM " FROM projections p LEFT JOIN days d ON d.date = p.date"

static const char *const stmt_sql[S_COUNT] = {
	[S_BEGIN] = "BEGIN IMMEDIATE",
	[S_BEGIN_READ] = "BEGIN",
	[S_COMMIT] = "COMMIT",
	[S_ROLLBACK] = "ROLLBACK",
	[S_GET_DAY] = "SELECT " DAY_COLS " FROM days WHERE date = ?1",
	[S_PUT_DAY] = "INSERT OR REPLACE INTO days (date, " DAY_COLS
		      ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	[S_DEL_DAY] = "DELETE FROM days WHERE date = ?1",
	[S_FIRST_DAY] = "SELECT date FROM days ORDER BY date LIMIT 1",
	[S_LAST_DAY] = "SELECT date FROM days ORDER BY date DESC LIMIT 1",
	[S_COUNT_DAYS] = "SELECT count(*) FROM days",
	[S_DAYS_FROM] = "SELECT date, rest_hours, activities, symptoms, pain, tracked_hours FROM days "
			"WHERE date >= ?1 ORDER BY date",
	[S_GET_PROJ] = "SELECT " PROJ_SELECT PROJ_FROM " WHERE p.date = ?1",
	[S_PUT_PROJ] = "INSERT OR REPLACE INTO projections (date, " PROJ_COLS
		       ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
		       "?15, ?16, ?17, ?18, ?19, ?20)",
	[S_TRIM_PROJ] = "DELETE FROM projections WHERE date < ?1 OR date > ?2",
	[S_EACH] = "SELECT p.date, " PROJ_SELECT ", d.date, " DAY_COLS PROJ_FROM
		   " WHERE p.date BETWEEN ?1 AND ?2 ORDER BY p.date",
	[S_SETTINGS] = "SELECT key, value FROM settings",
	[S_SET_SETTING] = "INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)",
	[S_NEW_CHANGE] = "INSERT INTO changes (at, what) VALUES (?1, ?2)",
	[S_SAVE_DAY] = "INSERT OR IGNORE INTO change_days (change_id, date, existed, " DAY_COLS
		       ") SELECT ?1, date, 1, " DAY_COLS " FROM days WHERE date = ?2",
	[S_SAVE_NO_DAY] = "INSERT OR IGNORE INTO change_days (change_id, date, existed) "
			  "VALUES (?1, ?2, 0)",
	[S_SAVE_SETTING] = "INSERT OR IGNORE INTO change_settings (change_id, key, value) "
			   "SELECT ?1, key, value FROM settings WHERE key = ?2",
	[S_LAST_CHANGE] = "SELECT id, what FROM changes ORDER BY id DESC LIMIT 1",
	[S_CHANGE_DAYS] = "SELECT date, existed, " DAY_COLS
			  " FROM change_days WHERE change_id = ?1",
	[S_CHANGE_SETTINGS] = "SELECT key, value FROM change_settings WHERE change_id = ?1",
	[S_DEL_CHANGE] = "DELETE FROM changes WHERE id = ?1",
	[S_SET_CHANGE_WHAT] = "UPDATE changes SET what = ?2 WHERE id = ?1",
	[S_CLEAR_PROJ] = "DELETE FROM projections",
	[S_DATA_VERSION] = "PRAGMA data_version",
	[S_OPEN_STRETCH] = "SELECT id, down_at FROM stretches WHERE up_at IS NULL",
	[S_STRETCH_AT] = "SELECT count(*) FROM stretches WHERE down_at <= ?1 AND up_at > ?1",
	[S_STRETCH_OVERLAP] = "SELECT count(*) FROM stretches WHERE up_at IS NOT NULL AND "
			      "down_at < ?2 AND up_at > ?1",
	[S_NEW_STRETCH] = "INSERT INTO stretches (down_at) VALUES (?1)",
	[S_CLOSE_STRETCH] = "UPDATE stretches SET up_at = ?2 WHERE id = ?1",
	[S_SAVE_STRETCH] = "INSERT OR IGNORE INTO change_stretches (change_id, id, existed, "
			   "down_at, up_at) SELECT ?1, id, 1, down_at, up_at FROM stretches "
			   "WHERE id = ?2",
	[S_SAVE_NO_STRETCH] = "INSERT OR IGNORE INTO change_stretches (change_id, id, existed) "
			      "VALUES (?1, ?2, 0)",
	[S_CHANGE_STRETCHES] = "SELECT id, existed, down_at, up_at FROM change_stretches "
			       "WHERE change_id = ?1",
	[S_PUT_STRETCH] = "INSERT OR REPLACE INTO stretches (id, down_at, up_at) VALUES (?1, ?2, ?3)",
	[S_DEL_STRETCH] = "DELETE FROM stretches WHERE id = ?1",
	[S_STRETCHES] = "SELECT id, down_at, up_at FROM stretches WHERE down_at < ?2 AND "
			"(up_at IS NULL OR up_at > ?1) ORDER BY down_at",
	[S_FREELIST] = "PRAGMA freelist_count",
	[S_MED_LISTS] = "SELECT DISTINCT medications FROM days WHERE medications <> '' "
			"ORDER BY date DESC LIMIT 200",
};

struct journal {
	sqlite3 *db;
	char *path;
	sqlite3_stmt *stmt[S_COUNT];
	uint64_t own_changes; /* commits made through this handle */
	dev_t dev;            /* the file opened: a path that names another */
	ino_t ino;            /* file now (replaced, deleted) is not written */
};

static int days_agree(struct journal *j, rw_day from, rw_day to, struct rw_error *e);
static int day_agrees(struct journal *j, rw_day day, bool found, struct rw_error *e);

/* ------------------------------------------------------------------------
 * Errors
 */

/* Turn an SQLite failure into an RW code and one line of text. */
static int db_fail(struct journal *j, int rc, struct rw_error *e)
{
	int prim = rc & 0xff, err;
	const char *msg = j && j->db ? sqlite3_errmsg(j->db) : sqlite3_errstr(rc);
	const char *path = j && j->path ? j->path : "journal";

	switch (prim) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return rw_fail(e, RW_ELOCKED,
			       "%s: the journal stayed locked by another process for %d s",
			       path, JOURNAL_BUSY_MS / 1000);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return rw_fail(e, RW_EIO,
			       "%s: the journal is damaged (%s); nothing was changed", path, msg);
	case SQLITE_IOERR:
		/* Say what the system said: a full disk, a file size limit... */
		err = j && j->db ? sqlite3_system_errno(j->db) : 0;
		if (err == 0 && rc == SQLITE_IOERR_WRITE) /* SQLite does not keep EFBIG's errno */
			return rw_fail(e, RW_EIO,
				       "%s: a write to the journal failed (the disk may be full, or a file size limit was reached); nothing was changed",
				       path);
		if (err != ENOSPC && err != EDQUOT)
			return rw_fail(e, RW_EIO, "%s: cannot read or write the journal (%s); nothing was changed",
				       path, err ? strerror(err) : msg);
		/* fall through */
	case SQLITE_FULL:
		return rw_fail(e, RW_EIO, "%s: the disk is full; nothing was changed", path);
	case SQLITE_CANTOPEN:
		/* Say what the system said when it was not a permission: out of
		 * file handles (EMFILE), a missing directory... */
		err = j && j->db ? sqlite3_system_errno(j->db) : 0;
		if (err && err != EACCES && err != EROFS && err != EPERM && err != ENOENT)
			return rw_fail(e, RW_EIO, "%s: cannot open the journal: %s", path,
				       strerror(err));
		/* SQLite keeps -wal and -shm files beside the journal: a
		 * read-only directory stops even a reader. */
		return rw_fail(e, RW_EIO,
			       "%s: cannot open the journal or create the -wal and -shm files SQLite keeps beside it (is its directory read-only?)",
			       path);
	case SQLITE_READONLY:
		if (rc == SQLITE_READONLY_DIRECTORY || rc == SQLITE_READONLY_CANTINIT)
			return rw_fail(e, RW_EIO,
				       "%s: cannot create the -wal and -shm files SQLite keeps beside the journal (is its directory read-only?)",
				       path);
		return rw_fail(e, RW_EIO, "%s: the journal is read-only; nothing was changed",
			       path);
	case SQLITE_NOMEM:
		return rw_fail(e, RW_ENOMEM, "%s: out of memory", path);
	case SQLITE_CONSTRAINT:
		/* Values are validated before they are stored, so a constraint
		 * that fails is a damaged journal (its schema or its rows). */
		return rw_fail(e, RW_EIO,
			       "%s: the journal refused a change (%s); it may be damaged (see restwatch check); nothing was changed",
			       path, msg);
	default:
		return rw_fail(e, RW_EIO, "%s: %s; nothing was changed", path, msg);
	}
}

/* ------------------------------------------------------------------------
 * Statements
 */

static int stmt(struct journal *j, enum stmt_id id, sqlite3_stmt **out, struct rw_error *e)
{
	if (!j->stmt[id]) {
		int rc = sqlite3_prepare_v3(j->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
					    &j->stmt[id], NULL);
		if (rc != SQLITE_OK)
			return db_fail(j, rc, e);
	}
	*out = j->stmt[id];
	return 0;
}

static void done(sqlite3_stmt *s)
{
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
}

/* Run a statement that returns no rows (or whose rows are not wanted). */
static int run(struct journal *j, sqlite3_stmt *s, struct rw_error *e)
{
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		;
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return rc == SQLITE_DONE ? 0 : db_fail(j, rc, e);
}

static int run_id(struct journal *j, enum stmt_id id, struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	int r = stmt(j, id, &s, e);
	return r ? r : run(j, s, e);
}

static void bind_day(sqlite3_stmt *s, int col, rw_day day)
{
	char buf[DATE_BUFSZ];
	sqlite3_bind_text(s, col, date_format(day, buf), 10, SQLITE_TRANSIENT);
}

/* Read a date column; false when it is not a valid ISO date. */
static bool col_day(sqlite3_stmt *s, int col, rw_day *day)
{
	const unsigned char *t = sqlite3_column_text(s, col);
	return t && date_parse_iso((const char *)t, day) == 0;
}

static const char *col_text(sqlite3_stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(s, col);
	return t ? (const char *)t : "";
}

/* ------------------------------------------------------------------------
 * Transactions
 */

int journal_same_file(struct journal *j, struct rw_error *e)
{
	struct stat st;

	if (stat(j->path, &st) == 0 && st.st_dev == j->dev && st.st_ino == j->ino)
		return 0;
	return rw_fail(e, RW_EIO,
		       "%s: the journal file was replaced or deleted since it was opened; nothing "
		       "is written to it (quit and start again)",
		       j->path);
}

static int begin(struct journal *j, struct rw_error *e)
{
	int r = journal_same_file(j, e);
	return r ? r : run_id(j, S_BEGIN, e);
}

/* Free pages past which a commit gives space back (256 KiB of 4 KiB pages). */
#define VACUUM_FREE_PAGES 64

static int commit(struct journal *j, struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	int r = run_id(j, S_COMMIT, e);

	if (r == 0)
		j->own_changes++;
	/* A journal whose span shrank (an undo, a delete) gives the space back
	 * when it was made with incremental auto-vacuum (every journal since
	 * schema 3); the count is in the file's header, so asking is cheap. */
	if (r == 0 && stmt(j, S_FREELIST, &s, NULL) == 0) {
		bool big = sqlite3_step(s) == SQLITE_ROW &&
			   sqlite3_column_int64(s, 0) > VACUUM_FREE_PAGES;
		done(s);
		if (big)
			sqlite3_exec(j->db, "PRAGMA incremental_vacuum", NULL, NULL, NULL);
	}
	return r;
}

/* A read of several statements sees one state of the journal: it opens a
 * read transaction unless the caller already holds one (a snapshot);
 * *started tells read_end whether to close it. */
static int read_begin(struct journal *j, bool *started, struct rw_error *e)
{
	*started = sqlite3_get_autocommit(j->db) != 0;
	return *started ? run_id(j, S_BEGIN_READ, e) : 0;
}

/* Close what read_begin opened and return code.  Ending a read cannot lose
 * anything already read, so a failing COMMIT only falls back to ROLLBACK. */
static int read_end(struct journal *j, bool started, int code)
{
	if (started && (code || run_id(j, S_COMMIT, NULL)))
		run_id(j, S_ROLLBACK, NULL);
	return code;
}

/* Roll back whatever is open; keeps the first error's code. */
static int rollback(struct journal *j, int code)
{
	if (!sqlite3_get_autocommit(j->db))
		run_id(j, S_ROLLBACK, NULL);
	return code;
}

/* ------------------------------------------------------------------------
 * Rows
 */

/* The storage types of the eight day columns at col (DAY_COLS order): SQLite
 * keeps whatever a hand edit stores, so text in rest_hours, a pain of 3.7,
 * a NaN weight or a note that is not UTF-8 is found here, where it is read. */
static bool stored_number(sqlite3_stmt *s, int col)
{
	int t = sqlite3_column_type(s, col);
	return t == SQLITE_NULL ||
	       ((t == SQLITE_INTEGER || t == SQLITE_FLOAT) && isfinite(sqlite3_column_double(s, col)));
}

static int stored_types(sqlite3_stmt *s, int col, struct rw_error *pe)
{
	static const int text_col[4] = { 1, 3, 5, 6 };
	static const char *const text_name[4] = { "activities", "symptoms", "note", "medications" };
	int i;

	if (!stored_number(s, col))
		return rw_fail(pe, RW_EIO, "rest_hours is not a number");
	if (sqlite3_column_type(s, col + 2) != SQLITE_NULL &&
	    sqlite3_column_type(s, col + 2) != SQLITE_INTEGER)
		return rw_fail(pe, RW_EIO, "pain is not a whole number");
	if (!stored_number(s, col + 4))
		return rw_fail(pe, RW_EIO, "weight_kg is not a number");
	if (!stored_number(s, col + 7))
		return rw_fail(pe, RW_EIO, "tracked_hours is not a number");
	for (i = 0; i < 4; i++) {
		int c = col + text_col[i], t = sqlite3_column_type(s, c);
		if (t == SQLITE_NULL) /* a before-image of an older version */
			continue;
		if (t != SQLITE_TEXT)
			return rw_fail(pe, RW_EIO, "%s is not text", text_name[i]);
		if (strlen(col_text(s, c)) != (size_t)sqlite3_column_bytes(s, c) ||
		    !utf8_valid(col_text(s, c)))
			return rw_fail(pe, RW_EIO, "%s is not valid UTF-8 text", text_name[i]);
	}
	return 0;
}

/* Fill en from the eight day columns starting at col (DAY_COLS order). */
static int row_entry(struct journal *j, sqlite3_stmt *s, int col, rw_day day,
		     struct entry *en, struct rw_error *e)
{
	char date[DATE_BUFSZ];
	struct rw_error pe = { 0, "" }; /* not e: its text is quoted into e */
	double w;
	int r;

	entry_init(en, day);
	if ((r = stored_types(s, col, &pe)))
		goto out;
	if (sqlite3_column_type(s, col) != SQLITE_NULL) {
		en->has_rest = true;
		en->rest_hours = sqlite3_column_double(s, col);
	}
	r = entry_parse_activities(col_text(s, col + 1), en, "activities", &pe);
	if (r == 0 && sqlite3_column_type(s, col + 2) != SQLITE_NULL)
		en->pain = sqlite3_column_int(s, col + 2);
	if (r == 0)
		r = entry_parse_symptoms(col_text(s, col + 3), en, "symptoms", &pe);
	if (r == 0)
		r = entry_parse_meds(col_text(s, col + 6), en, "medications", &pe);
	/* NULL in a change image saved before schema 3: no medications, 0 h */
	en->tracked_hours = sqlite3_column_double(s, col + 7);
	if (r == 0 && sqlite3_column_type(s, col + 4) != SQLITE_NULL) {
		w = sqlite3_column_double(s, col + 4);
		en->weight_dg = w >= WEIGHT_MIN_DG / 10.0 && w <= WEIGHT_MAX_DG / 10.0
					? (int)lround(w * 10) : -1;
	}
	/* The schema's CHECKs hold these ranges; a value outside them is damage
	 * that SQLite does not see when it reads a row. */
	if (r == 0 && ((en->has_rest && !(en->rest_hours >= 0 && en->rest_hours <= 24)) ||
		       en->pain < PAIN_UNSET || en->pain > 10 || en->weight_dg < 0 ||
		       !(en->tracked_hours >= 0 && en->tracked_hours <= 24)))
		r = rw_fail(&pe, RW_EIO, "a value is out of range");
	if (r == 0 && (size_t)sqlite3_column_bytes(s, col + 5) > NOTE_MAX)
		r = rw_fail(&pe, RW_EIO, "note longer than %d bytes", NOTE_MAX);
	if (r == 0)
		memcpy(en->note, col_text(s, col + 5), (size_t)sqlite3_column_bytes(s, col + 5) + 1);
out:
	if (r)
		return rw_fail(e, RW_EIO, "%s: the stored day %s is damaged (%s)", j->path,
			       date_format(day, date), pe.msg);
	return 0;
}

/* Bind en's fields to the eight day parameters starting at col. */
static void bind_entry(sqlite3_stmt *s, int col, const struct entry *en)
{
	char acts[ACTIVITIES_TEXT_MAX], syms[SYMPTOMS_TEXT_MAX], meds[MEDS_TEXT_MAX];

	if (en->has_rest)
		sqlite3_bind_double(s, col, en->rest_hours);
	else
		sqlite3_bind_null(s, col);
	sqlite3_bind_text(s, col + 1, entry_format_activities(en, acts, sizeof acts), -1,
			  SQLITE_TRANSIENT);
	if (en->pain != PAIN_UNSET)
		sqlite3_bind_int(s, col + 2, en->pain);
	else
		sqlite3_bind_null(s, col + 2);
	sqlite3_bind_text(s, col + 3, entry_format_symptoms(en, syms, sizeof syms), -1,
			  SQLITE_TRANSIENT);
	if (en->weight_dg != WEIGHT_UNSET)
		sqlite3_bind_double(s, col + 4, en->weight_dg / 10.0);
	else
		sqlite3_bind_null(s, col + 4);
	sqlite3_bind_text(s, col + 5, en->note, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, col + 6, entry_format_meds(en, meds, sizeof meds), -1,
			  SQLITE_TRANSIENT);
	sqlite3_bind_double(s, col + 7, en->tracked_hours);
}

/* Fill proj (not its date) from the PC_COUNT PROJ_SELECT columns starting at col. */
static int row_proj(struct journal *j, sqlite3_stmt *s, int col, rw_day day,
		    struct engine_proj *p, struct rw_error *e)
{
	char date[DATE_BUFSZ];
	int x;

	memset(p, 0, sizeof *p);
	p->day = day;
	p->logged = sqlite3_column_int(s, col + PC_LOGGED) != 0;
	p->activity_minutes = sqlite3_column_int(s, col + PC_ACT);
	p->rest_clock_hours = sqlite3_column_double(s, col + PC_CLOCK);
	p->loss_days = sqlite3_column_double(s, col + PC_LOSS_DAYS);
	if (engine_level_parse(col_text(s, col + PC_LEVEL), &p->level) != 0 ||
	    engine_urgency_parse(col_text(s, col + PC_URGENCY), &p->urgency) != 0)
		return rw_fail(e, RW_EIO, "%s: the stored projection of %s is damaged", j->path,
			       date_format(day, date));
	p->clot_risk = sqlite3_column_int(s, col + PC_CLOT) != 0;
	p->red_flag = sqlite3_column_int(s, col + PC_RED) != 0;
	for (x = 0; x < LOSS_COUNT; x++) {
		p->loss[x][BAND_LOW] = sqlite3_column_double(s, col + PC_LOSS + 2 * x);
		p->loss[x][BAND_HIGH] = sqlite3_column_double(s, col + PC_LOSS + 1 + 2 * x);
	}
	p->bed_days = sqlite3_column_int(s, col + PC_BED);
	p->clot_watch = sqlite3_column_int(s, col + PC_WATCH) != 0;
	p->pain_days = sqlite3_column_int(s, col + PC_PAIN_DAYS);
	p->gap_days = sqlite3_column_int(s, col + PC_GAP);
	p->since_clot = sqlite3_column_int(s, col + PC_SINCE_CLOT);
	p->has_rest = sqlite3_column_type(s, col + PC_REST) != SQLITE_NULL;
	p->rest_hours = p->has_rest ? sqlite3_column_double(s, col + PC_REST) : 0;
	return 0;
}

static void bind_proj(sqlite3_stmt *s, const struct engine_proj *p)
{
	int x;
	bind_day(s, 1, p->day);
	sqlite3_bind_int(s, 2 + PC_LOGGED, p->logged);
	sqlite3_bind_int(s, 2 + PC_ACT, p->activity_minutes);
	sqlite3_bind_double(s, 2 + PC_CLOCK, p->rest_clock_hours);
	sqlite3_bind_double(s, 2 + PC_LOSS_DAYS, p->loss_days);
	sqlite3_bind_text(s, 2 + PC_LEVEL, engine_level_name(p->level), -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 2 + PC_CLOT, p->clot_risk);
	sqlite3_bind_int(s, 2 + PC_RED, p->red_flag);
	for (x = 0; x < LOSS_COUNT; x++) {
		sqlite3_bind_double(s, 2 + PC_LOSS + 2 * x, p->loss[x][BAND_LOW]);
		sqlite3_bind_double(s, 2 + PC_LOSS + 1 + 2 * x, p->loss[x][BAND_HIGH]);
	}
	sqlite3_bind_int(s, 2 + PC_BED, p->bed_days);
	sqlite3_bind_text(s, 2 + PC_URGENCY, engine_urgency_name(p->urgency), -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 2 + PC_WATCH, p->clot_watch);
	sqlite3_bind_int(s, 2 + PC_PAIN_DAYS, p->pain_days);
	sqlite3_bind_int(s, 2 + PC_GAP, p->gap_days);
	sqlite3_bind_int(s, 2 + PC_SINCE_CLOT, p->since_clot);
}

/* The engine's view of a day from (date, rest_hours, activities, symptoms). */
static int row_engine_day(struct journal *j, sqlite3_stmt *s, struct engine_day *d,
			  struct rw_error *e)
{
	struct entry en;
	struct rw_error pe = { 0, "" }; /* not e: its text is quoted into e */
	rw_day day;
	char shown[64];

	if (!col_day(s, 0, &day))
		return rw_fail(e, RW_EIO, "%s: a stored date is damaged ('%s')", j->path,
			       rw_show(shown, sizeof shown, col_text(s, 0)));
	entry_init(&en, day);
	if (entry_parse_activities(col_text(s, 2), &en, "activities", &pe) ||
	    entry_parse_symptoms(col_text(s, 3), &en, "symptoms", &pe))
		return rw_fail(e, RW_EIO, "%s: the stored day %s is damaged (%s)", j->path,
			       col_text(s, 0), pe.msg);
	if (sqlite3_column_type(s, 1) != SQLITE_NULL) {
		en.has_rest = true;
		en.rest_hours = sqlite3_column_double(s, 1);
	}
	if (sqlite3_column_type(s, 4) != SQLITE_NULL)
		en.pain = sqlite3_column_int(s, 4);
	en.tracked_hours = sqlite3_column_double(s, 5);
	if (!(en.tracked_hours >= 0 && en.tracked_hours <= 24))
		return rw_fail(e, RW_EIO, "%s: the stored day %s is damaged (tracked_hours)", j->path,
			       col_text(s, 0));
	if (!stored_number(s, 1) || (en.has_rest && !(en.rest_hours >= 0 && en.rest_hours <= 24)))
		return rw_fail(e, RW_EIO, "%s: the stored day %s is damaged (rest_hours is not a number of hours)",
			       j->path, col_text(s, 0));
	if (sqlite3_column_type(s, 4) != SQLITE_NULL && sqlite3_column_type(s, 4) != SQLITE_INTEGER)
		return rw_fail(e, RW_EIO, "%s: the stored day %s is damaged (pain is not a whole number)",
			       j->path, col_text(s, 0));
	entry_engine_day(&en, d);
	return 0;
}

static bool proj_equal(const struct engine_proj *a, const struct engine_proj *b)
{
	int x;
	if (a->day != b->day || a->logged != b->logged ||
	    a->activity_minutes != b->activity_minutes ||
	    a->rest_clock_hours != b->rest_clock_hours || a->loss_days != b->loss_days ||
	    a->level != b->level || a->clot_risk != b->clot_risk || a->red_flag != b->red_flag ||
	    a->bed_days != b->bed_days || a->urgency != b->urgency ||
	    a->clot_watch != b->clot_watch || a->pain_days != b->pain_days ||
	    a->gap_days != b->gap_days || a->since_clot != b->since_clot)
		return false;
	for (x = 0; x < LOSS_COUNT; x++)
		if (a->loss[x][BAND_LOW] != b->loss[x][BAND_LOW] ||
		    a->loss[x][BAND_HIGH] != b->loss[x][BAND_HIGH])
			return false;
	return true;
}

/* ------------------------------------------------------------------------
 * Settings
 */

/* The parameters as stored; a key the journal lacks keeps its default. */
/* A stored setting is checked where it is read: a number (not text, not
 * NaN or infinite) within its parameter's range, so that damage is blamed
 * on its key (74), never on a key the user is setting (65). */
static bool param_damaged(sqlite3_stmt *s, const struct engine_param_info *info, double *v,
			  char *why, size_t n)
{
	int t = sqlite3_column_type(s, 1);

	*v = sqlite3_column_double(s, 1);
	if (t != SQLITE_INTEGER && t != SQLITE_FLOAT)
		snprintf(why, n, "not a number");
	else if (!(isfinite(*v) && *v >= info->min && *v <= info->max))
		snprintf(why, n, "%g is not between %g and %g", *v, info->min, info->max);
	else
		return false;
	return true;
}

static int stored_param(struct journal *j, sqlite3_stmt *s, const struct engine_param_info *info,
			double *v, struct rw_error *e)
{
	char why[96];

	if (!param_damaged(s, info, v, why, sizeof why))
		return 0;
	return rw_fail(e, RW_EIO, "%s: the stored setting %s is damaged (%s); nothing was changed",
		       j->path, info->name, why);
}

static int load_params(struct journal *j, struct engine_params *p, struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	struct rw_error pe = { 0, "" };
	int r = stmt(j, S_SETTINGS, &s, e), rc;

	if (r)
		return r;
	engine_params_default(p);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const struct engine_param_info *info = engine_param_find(col_text(s, 0));
		if (info && (r = stored_param(j, s, info, engine_param_ref(p, info), e)))
			break;
	}
	done(s);
	if (r)
		return r;
	if (rc != SQLITE_DONE)
		return db_fail(j, rc, e);
	if (engine_params_check(p, &pe) != 0)
		return rw_fail(e, RW_EIO, "%s: the stored settings are damaged (%s); nothing was changed",
			       j->path, pe.msg);
	return 0;
}

static int store_param(struct journal *j, const char *key, double value, struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	int r = stmt(j, S_SET_SETTING, &s, e);
	if (r)
		return r;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_double(s, 2, value);
	return run(j, s, e);
}

/* ------------------------------------------------------------------------
 * Projections
 */

/* First and last logged days. */
static int bounds(struct journal *j, rw_day *first, rw_day *last, bool *found,
		  struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	enum stmt_id ids[2] = { S_FIRST_DAY, S_LAST_DAY };
	rw_day *outs[2] = { first, last };
	int i, r, rc;

	*found = false;
	for (i = 0; i < 2; i++) {
		if ((r = stmt(j, ids[i], &s, e)))
			return r;
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW && !col_day(s, 0, outs[i])) {
			done(s);
			return rw_fail(e, RW_EIO, "%s: a stored date is damaged", j->path);
		}
		done(s);
		if (rc == SQLITE_DONE)
			return 0;
		if (rc != SQLITE_ROW)
			return db_fail(j, rc, e);
	}
	*found = true;
	return 0;
}

static int get_proj(struct journal *j, rw_day day, struct engine_proj *p, bool *found,
		    struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	int r = stmt(j, S_GET_PROJ, &s, e), rc;

	if (r)
		return r;
	bind_day(s, 1, day);
	rc = sqlite3_step(s);
	*found = rc == SQLITE_ROW;
	if (*found)
		r = row_proj(j, s, 0, day, p, e);
	else if (rc != SQLITE_DONE)
		r = db_fail(j, rc, e);
	done(s);
	return r;
}

/* Store p unless the stored row already equals it; *same tells which. */
static int put_proj(struct journal *j, const struct engine_proj *p, bool compare, bool *same,
		    struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	int r;

	*same = false;
	if (compare) {
		struct engine_proj old;
		bool found;
		if ((r = get_proj(j, p->day, &old, &found, e)))
			return r;
		if (found && proj_equal(&old, p)) {
			*same = true;
			return 0;
		}
	}
	if ((r = stmt(j, S_PUT_PROJ, &s, e)))
		return r;
	bind_proj(s, p);
	return run(j, s, e);
}

/* Recompute and store the projections from day `from` to the last logged
 * day.  Inputs after `changed_to` did not change, so past that day the walk
 * stops at the first projection that comes out equal to the stored one:
 * the state it carries is the same, hence so is every later day.  Pass
 * date_max() as changed_to to recompute everything. */
static int recompute(struct journal *j, rw_day from, rw_day changed_to, struct rw_error *e)
{
	struct engine_params params;
	struct engine_state st;
	struct engine_proj proj;
	sqlite3_stmt *s = NULL;
	rw_day first, last, day;
	bool found, same;
	int r, rc;

	if ((r = load_params(j, &params, e)) || (r = bounds(j, &first, &last, &found, e)))
		return r;
	if (!found)
		return run_id(j, S_CLEAR_PROJ, e);
	if ((r = stmt(j, S_TRIM_PROJ, &s, e)))
		return r;
	bind_day(s, 1, first);
	bind_day(s, 2, last);
	if ((r = run(j, s, e)))
		return r;
	if (from > last)
		return 0;
	engine_state_init(&st);
	if (from > first) {
		if ((r = get_proj(j, from - 1, &proj, &found, e)))
			return r;
		if (found)
			engine_state_from_proj(&st, &proj);
		else
			from = first;
	} else {
		from = first;
	}

	if ((r = stmt(j, S_DAYS_FROM, &s, e)))
		return r;
	bind_day(s, 1, from);
	day = from;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct engine_day d;
		if ((r = row_engine_day(j, s, &d, e)))
			break;
		for (; day <= d.day; day++) {
			engine_step(&params, &st, day == d.day ? &d : NULL, day, &proj);
			if ((r = put_proj(j, &proj, day > changed_to, &same, e)))
				goto out;
			if (same)
				goto out;
		}
	}
	if (r == 0 && rc != SQLITE_DONE)
		r = db_fail(j, rc, e);
out:
	done(s);
	return r;
}

/* ------------------------------------------------------------------------
 * Change history
 */

static int new_change(struct journal *j, const char *what, sqlite3_int64 *id,
		      struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	char at[32];
	time_t now = time(NULL);
	struct tm tm;
	int r;

	if (!gmtime_r(&now, &tm) || !strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", &tm))
		snprintf(at, sizeof at, "%lld", (long long)now);
	if ((r = stmt(j, S_NEW_CHANGE, &s, e)))
		return r;
	sqlite3_bind_text(s, 1, at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, what, -1, SQLITE_TRANSIENT);
	if ((r = run(j, s, e)))
		return r;
	*id = sqlite3_last_insert_rowid(j->db);
	return 0;
}

/* Remember day as it is now (or that it had no entry) for undo.  The first
 * image saved within a change wins, so an import naming a day twice still
 * restores the day as it was before the import. */
static int save_day(struct journal *j, sqlite3_int64 id, rw_day day, struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	int r = stmt(j, S_SAVE_DAY, &s, e);

	if (r)
		return r;
	sqlite3_bind_int64(s, 1, id);
	bind_day(s, 2, day);
	if ((r = run(j, s, e)))
		return r;
	if (sqlite3_changes(j->db) > 0)
		return 0;
	if ((r = stmt(j, S_SAVE_NO_DAY, &s, e)))
		return r;
	sqlite3_bind_int64(s, 1, id);
	bind_day(s, 2, day);
	return run(j, s, e);
}

static int save_setting(struct journal *j, sqlite3_int64 id, const char *key,
			struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	int r = stmt(j, S_SAVE_SETTING, &s, e);
	if (r)
		return r;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, key, -1, SQLITE_STATIC);
	return run(j, s, e);
}

/* ------------------------------------------------------------------------
 * Days
 */

static int get_entry(struct journal *j, rw_day day, struct entry *en, bool *found,
		     struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	int r = stmt(j, S_GET_DAY, &s, e), rc;

	if (r)
		return r;
	bind_day(s, 1, day);
	rc = sqlite3_step(s);
	*found = rc == SQLITE_ROW;
	if (*found)
		r = row_entry(j, s, 0, day, en, e);
	else if (rc == SQLITE_DONE)
		entry_init(en, day);
	else
		r = db_fail(j, rc, e);
	done(s);
	return r;
}

static int put_entry(struct journal *j, const struct entry *en, struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	int r = stmt(j, S_PUT_DAY, &s, e);
	if (r)
		return r;
	bind_day(s, 1, en->day);
	bind_entry(s, 2, en);
	return run(j, s, e);
}

static int del_entry(struct journal *j, rw_day day, struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	int r = stmt(j, S_DEL_DAY, &s, e);
	if (r)
		return r;
	bind_day(s, 1, day);
	return run(j, s, e);
}

/* ------------------------------------------------------------------------
 * Public reads
 */

int journal_params(struct journal *j, struct engine_params *p, struct rw_error *e)
{
	return load_params(j, p, e);
}

int journal_get_entry(struct journal *j, rw_day day, struct entry *en, bool *found,
		      struct rw_error *e)
{
	int r = days_agree(j, day, day, e);
	return r ? r : get_entry(j, day, en, found, e);
}

int journal_get_proj(struct journal *j, rw_day day, struct engine_proj *proj, bool *found,
		     struct rw_error *e)
{
	return get_proj(j, day, proj, found, e);
}

int journal_bounds(struct journal *j, rw_day *first, rw_day *last, long *logged,
		   bool *found, struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	bool started;
	int r, rc;

	if ((r = read_begin(j, &started, e)))
		return r;
	r = bounds(j, first, last, found, e);
	if (r == 0 && logged) {
		*logged = 0;
		if ((r = stmt(j, S_COUNT_DAYS, &s, e)) == 0) {
			rc = sqlite3_step(s);
			if (rc == SQLITE_ROW)
				*logged = (long)sqlite3_column_int64(s, 0);
			else
				r = db_fail(j, rc, e);
			done(s);
		}
	}
	return read_end(j, started, r);
}

int journal_last(struct journal *j, struct engine_proj *proj, struct entry *en, bool *found,
		 struct rw_error *e)
{
	rw_day first, last;
	bool have, started;
	int r;

	*found = false;
	if ((r = read_begin(j, &started, e)))
		return r;
	r = bounds(j, &first, &last, found, e);
	if (r == 0 && *found && (r = days_agree(j, last, last, e)) == 0)
		r = get_proj(j, last, proj, &have, e);
	if (r == 0 && *found && !have)
		r = rw_fail(e, RW_EIO, "%s: the projections are missing; run restwatch check",
			    j->path);
	if (r == 0 && *found)
		r = get_entry(j, last, en, &have, e);
	return read_end(j, started, r);
}

int journal_snapshot_begin(struct journal *j, struct rw_error *e)
{
	return run_id(j, S_BEGIN_READ, e);
}

void journal_snapshot_end(struct journal *j)
{
	if (!sqlite3_get_autocommit(j->db))
		run_id(j, S_COMMIT, NULL);
}

int journal_each(struct journal *j, rw_day from, rw_day to, unsigned flags,
		 journal_day_fn fn, void *ctx, struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	struct engine_proj proj;
	struct entry *en;
	int r, rc;

	if (from > to)
		return 0;
	if (!(en = malloc(sizeof *en)))
		return rw_fail(e, RW_ENOMEM, "out of memory");
	if ((r = days_agree(j, from, to, e)) || (r = stmt(j, S_EACH, &s, e))) {
		free(en);
		return r;
	}
	bind_day(s, 1, from);
	bind_day(s, 2, to);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		rw_day day;
		bool logged = sqlite3_column_type(s, EACH_DAY_DATE) != SQLITE_NULL;
		if (!logged && (flags & JOURNAL_LOGGED_ONLY))
			continue;
		if (!col_day(s, 0, &day)) {
			r = rw_fail(e, RW_EIO, "%s: a stored date is damaged", j->path);
			break;
		}
		if ((r = row_proj(j, s, EACH_PROJ, day, &proj, e)))
			break;
		if (logged && !(flags & JOURNAL_PROJ_ONLY)) {
			if ((r = row_entry(j, s, EACH_DAY, day, en, e)))
				break;
		}
		if ((r = fn(ctx, &proj, logged && !(flags & JOURNAL_PROJ_ONLY) ? en : NULL)))
			break;
	}
	if (r == 0 && rc != SQLITE_DONE)
		r = db_fail(j, rc, e);
	done(s);
	free(en);
	return r;
}

int journal_version(struct journal *j, uint64_t *version, struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	int r = stmt(j, S_DATA_VERSION, &s, e), rc;

	if (r)
		return r;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*version = ((uint64_t)sqlite3_column_int64(s, 0) << 32) ^ j->own_changes;
	else
		r = db_fail(j, rc, e);
	done(s);
	return r;
}

/* ------------------------------------------------------------------------
 * Public writes
 */

int journal_edit(struct journal *j, rw_day day, journal_edit_fn fn, void *ctx,
		 struct rw_error *e)
{
	struct entry *en = malloc(sizeof *en);
	char what[32], date[DATE_BUFSZ];
	sqlite3_int64 id;
	bool found;
	int r;

	if (!en)
		return rw_fail(e, RW_ENOMEM, "out of memory");
	snprintf(what, sizeof what, "log %s", date_format(day, date));
	if ((r = begin(j, e)))
		goto out;
	if ((r = get_entry(j, day, en, &found, e)) || (r = day_agrees(j, day, found, e)) ||
	    (r = fn(ctx, en, found, e)) ||
	    (r = entry_validate(en, e)) || (r = new_change(j, what, &id, e)) ||
	    (r = save_day(j, id, day, e)) || (r = put_entry(j, en, e)) ||
	    (r = recompute(j, day, day, e)) || (r = commit(j, e)))
		rollback(j, r);
out:
	free(en);
	return r;
}

int journal_delete(struct journal *j, rw_day day, struct rw_error *e)
{
	struct entry *en = malloc(sizeof *en);
	char what[32], date[DATE_BUFSZ];
	sqlite3_int64 id;
	bool found;
	int r;

	if (!en)
		return rw_fail(e, RW_ENOMEM, "out of memory");
	date_format(day, date);
	snprintf(what, sizeof what, "delete %s", date);
	if ((r = begin(j, e)))
		goto out;
	if ((r = get_entry(j, day, en, &found, e)) == 0)
		r = day_agrees(j, day, found, e);
	if (r == 0 && !found)
		r = rw_fail(e, RW_EDATA, "--date: %s has no entry to delete", date);
	if (r || (r = new_change(j, what, &id, e)) || (r = save_day(j, id, day, e)) ||
	    (r = del_entry(j, day, e)) || (r = recompute(j, day, day, e)) ||
	    (r = commit(j, e)))
		rollback(j, r);
out:
	free(en);
	return r;
}

int journal_import(struct journal *j, journal_next_fn next, void *ctx, long *count,
		   struct rw_error *e)
{
	struct entry *en = malloc(sizeof *en);
	sqlite3_int64 id;
	rw_day lo = 0, hi = 0;
	long n = 0;
	int r;

	*count = 0;
	if (!en)
		return rw_fail(e, RW_ENOMEM, "out of memory");
	if ((r = begin(j, e)))
		goto out;
	if ((r = days_agree(j, date_min(), date_max(), e)) ||
	    (r = new_change(j, "import", &id, e)))
		goto fail;
	while ((r = next(ctx, en, e)) == 1) {
		if ((r = entry_validate(en, e)) || (r = save_day(j, id, en->day, e)) ||
		    (r = put_entry(j, en, e)))
			goto fail;
		if (n == 0 || en->day < lo)
			lo = en->day;
		if (n == 0 || en->day > hi)
			hi = en->day;
		n++;
	}
	if (r < 0)
		goto fail;
	if (n == 0) {
		rollback(j, 0);
		goto out;
	}
	{
		sqlite3_stmt *s = NULL;
		char what[80], a[DATE_BUFSZ], b[DATE_BUFSZ];
		if (n == 1)
			snprintf(what, sizeof what, "import 1 day (%s)", date_format(lo, a));
		else
			snprintf(what, sizeof what, "import %ld days (%s to %s)", n,
				 date_format(lo, a), date_format(hi, b));
		if ((r = stmt(j, S_SET_CHANGE_WHAT, &s, e)))
			goto fail;
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_text(s, 2, what, -1, SQLITE_TRANSIENT);
		if ((r = run(j, s, e)))
			goto fail;
	}
	if ((r = recompute(j, lo, hi, e)) || (r = commit(j, e)))
		goto fail;
	*count = n;
	goto out;
fail:
	rollback(j, r);
out:
	free(en);
	return r;
}

/* Check value against the parameter's range and, with the others, against
 * the engine's rules. */
static int check_param(const struct engine_param_info *info, struct engine_params *p,
		       double value, struct rw_error *e)
{
	if (!(value >= info->min && value <= info->max))
		return rw_fail(e, RW_EDATA, "%s: %g is not between %g and %g", info->name, value,
			       info->min, info->max);
	*engine_param_ref(p, info) = value;
	return engine_params_check(p, e);
}

int journal_set_param(struct journal *j, const char *name, double value,
		      struct rw_error *e)
{
	const struct engine_param_info *info = engine_param_find(name);
	struct engine_params p;
	char what[96], shown[64];
	sqlite3_int64 id;
	int r;

	if (!info)
		return rw_fail(e, RW_EUSAGE, "config: '%s' is not a parameter (see restwatch config)",
			       rw_show(shown, sizeof shown, name));
	if ((r = begin(j, e)))
		return r;
	if ((r = days_agree(j, date_min(), date_max(), e)) || (r = load_params(j, &p, e)))
		return rollback(j, r);
	if (engine_param_get(&p, info) == value)
		return rollback(j, 0);
	snprintf(what, sizeof what, "config %s %g", name, value);
	if ((r = check_param(info, &p, value, e)) || (r = new_change(j, what, &id, e)) ||
	    (r = save_setting(j, id, name, e)) || (r = store_param(j, name, value, e)) ||
	    (r = recompute(j, date_min(), date_max(), e)) || (r = commit(j, e)))
		return rollback(j, r);
	return 0;
}

int journal_reset_params(struct journal *j, struct rw_error *e)
{
	const struct engine_param_info *table;
	struct engine_params p;
	sqlite3_int64 id = 0;
	size_t n, i;
	int r;

	table = engine_param_table(&n);
	if ((r = begin(j, e)))
		return r;
	if ((r = days_agree(j, date_min(), date_max(), e)) || (r = load_params(j, &p, e)))
		return rollback(j, r);
	for (i = 0; i < n; i++) {
		if (engine_param_get(&p, &table[i]) == table[i].def)
			continue;
		if (!id && (r = new_change(j, "config --reset", &id, e)))
			return rollback(j, r);
		if ((r = save_setting(j, id, table[i].name, e)) ||
		    (r = store_param(j, table[i].name, table[i].def, e)))
			return rollback(j, r);
	}
	if (!id)
		return rollback(j, 0);
	if ((r = recompute(j, date_min(), date_max(), e)) || (r = commit(j, e)))
		return rollback(j, r);
	return 0;
}

/* ------------------------------------------------------------------------
 * Timed rest: stretches of lying down (docs/formats.md)
 */

/* One number from a statement whose first row's first column is it. */
static int one_int64(struct journal *j, sqlite3_stmt *s, int64_t *out, struct rw_error *e)
{
	int rc = sqlite3_step(s);

	*out = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	done(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(j, rc, e);
}

static int open_stretch(struct journal *j, struct journal_stretch *st, bool *found,
			struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	int r = stmt(j, S_OPEN_STRETCH, &s, e), rc;

	if (r)
		return r;
	rc = sqlite3_step(s);
	*found = rc == SQLITE_ROW;
	if (*found) {
		st->id = sqlite3_column_int64(s, 0);
		st->down_at = sqlite3_column_int64(s, 1);
		st->up_at = 0;
		st->open = true;
	}
	done(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(j, rc, e);
}

int journal_open_stretch(struct journal *j, struct journal_stretch *st, bool *found,
			 struct rw_error *e)
{
	bool started;
	int r = read_begin(j, &started, e);

	if (r)
		return r;
	return read_end(j, started, open_stretch(j, st, found, e));
}

/* Remember stretch id as it is now for undo. */
static int save_stretch(struct journal *j, sqlite3_int64 change, int64_t id,
			struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	int r = stmt(j, S_SAVE_STRETCH, &s, e);

	if (r)
		return r;
	sqlite3_bind_int64(s, 1, change);
	sqlite3_bind_int64(s, 2, id);
	return run(j, s, e);
}

static int undo_stretches(struct journal *j, sqlite3_int64 change, struct rw_error *e)
{
	sqlite3_stmt *s = NULL, *w = NULL;
	int r = stmt(j, S_CHANGE_STRETCHES, &s, e), rc;

	if (r)
		return r;
	sqlite3_bind_int64(s, 1, change);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		bool existed = sqlite3_column_int(s, 1) != 0;
		if ((r = stmt(j, existed ? S_PUT_STRETCH : S_DEL_STRETCH, &w, e)))
			break;
		sqlite3_bind_int64(w, 1, sqlite3_column_int64(s, 0));
		if (existed) {
			sqlite3_bind_int64(w, 2, sqlite3_column_int64(s, 2));
			if (sqlite3_column_type(s, 3) == SQLITE_NULL)
				sqlite3_bind_null(w, 3);
			else
				sqlite3_bind_int64(w, 3, sqlite3_column_int64(s, 3));
		}
		if ((r = run(j, w, e)))
			break;
	}
	if (r == 0 && rc != SQLITE_DONE)
		r = db_fail(j, rc, e);
	done(s);
	return r;
}

/* Does a recorded stretch cover the instant at?  RW_EDATA when it does. */
static int refuse_covered(struct journal *j, int64_t at, const char *field,
			  struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	int64_t n;
	int r = stmt(j, S_STRETCH_AT, &s, e);

	if (r)
		return r;
	sqlite3_bind_int64(s, 1, at);
	if ((r = one_int64(j, s, &n, e)))
		return r;
	return n ? rw_fail(e, RW_EDATA, "%s: you were already recorded as lying down then",
			   field)
		 : 0;
}

int journal_down(struct journal *j, int64_t at, struct rw_error *e)
{
	struct journal_stretch open;
	sqlite3_stmt *s = NULL;
	sqlite3_int64 id;
	char what[48], when[32];
	bool found;
	int r;

	snprintf(what, sizeof what, "down %s", clock_format_local(at, when, sizeof when));
	if ((r = begin(j, e)))
		return r;
	if ((r = open_stretch(j, &open, &found, e)))
		return rollback(j, r);
	if (found)
		return rollback(j, rw_fail(e, RW_EDATA, "down: already lying down since %s",
					   clock_format_local(open.down_at, when, sizeof when)));
	if ((r = refuse_covered(j, at, "--at", e)) || (r = new_change(j, what, &id, e)) ||
	    (r = stmt(j, S_NEW_STRETCH, &s, e)))
		return rollback(j, r);
	sqlite3_bind_int64(s, 1, at);
	if ((r = run(j, s, e)))
		return rollback(j, r);
	/* undo deletes the stretch this change made */
	if ((r = stmt(j, S_SAVE_NO_STRETCH, &s, e)))
		return rollback(j, r);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, sqlite3_last_insert_rowid(j->db));
	if ((r = run(j, s, e)) || (r = commit(j, e)))
		return rollback(j, r);
	return 0;
}

/* Add the hours of [from, to) to tracked_hours of each local day it touches. */
static int add_tracked(struct journal *j, sqlite3_int64 change, int64_t from, int64_t to,
		       rw_day *first, struct rw_error *e)
{
	struct entry *en = malloc(sizeof *en);
	bool found;
	int r = 0;

	if (!en)
		return rw_fail(e, RW_ENOMEM, "out of memory");
	*first = clock_local_day(from);
	while (r == 0 && from < to) {
		int64_t next = clock_next_midnight(from);
		rw_day day = clock_local_day(from);
		if (next > to)
			next = to;
		if ((r = get_entry(j, day, en, &found, e)) || (r = save_day(j, change, day, e)))
			break;
		en->tracked_hours += (double)(next - from) / 3600;
		if (en->tracked_hours > 24)
			en->tracked_hours = 24;
		r = put_entry(j, en, e);
		from = next;
	}
	free(en);
	return r;
}

int journal_up(struct journal *j, int64_t at, rw_day *day, struct rw_error *e)
{
	struct journal_stretch open;
	sqlite3_stmt *s = NULL;
	sqlite3_int64 id;
	char what[48], when[32];
	int64_t n;
	rw_day first = 0;
	bool found;
	int r;

	snprintf(what, sizeof what, "up %s", clock_format_local(at, when, sizeof when));
	*day = clock_local_day(at);
	if ((r = begin(j, e)))
		return r;
	if ((r = open_stretch(j, &open, &found, e)))
		return rollback(j, r);
	if (!found)
		return rollback(j, rw_fail(e, RW_EDATA, "up: not lying down (restwatch down starts)"));
	if (at <= open.down_at)
		return rollback(j, rw_fail(e, RW_EDATA, "--at: %s is not after lying down at %s",
					   when, clock_format_local(open.down_at, what, sizeof what)));
	if (at - open.down_at > 86400)
		return rollback(j, rw_fail(e, RW_EDATA,
					   "--at: a stretch of lying down is at most 24 h (down since %s)",
					   clock_format_local(open.down_at, what, sizeof what)));
	if ((r = stmt(j, S_STRETCH_OVERLAP, &s, e)))
		return rollback(j, r);
	sqlite3_bind_int64(s, 1, open.down_at);
	sqlite3_bind_int64(s, 2, at);
	if ((r = one_int64(j, s, &n, e)))
		return rollback(j, r);
	if (n)
		return rollback(j, rw_fail(e, RW_EDATA,
					   "--at: the stretch would overlap one already recorded"));
	if ((r = new_change(j, what, &id, e)) || (r = save_stretch(j, id, open.id, e)) ||
	    (r = stmt(j, S_CLOSE_STRETCH, &s, e)))
		return rollback(j, r);
	sqlite3_bind_int64(s, 1, open.id);
	sqlite3_bind_int64(s, 2, at);
	if ((r = run(j, s, e)) || (r = add_tracked(j, id, open.down_at, at, &first, e)) ||
	    (r = recompute(j, first, *day, e)) || (r = commit(j, e)))
		return rollback(j, r);
	return 0;
}

int journal_stretches(struct journal *j, int64_t from, int64_t to, journal_stretch_fn fn,
		      void *ctx, struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	bool started;
	int r = read_begin(j, &started, e), rc;

	if (r)
		return r;
	if ((r = stmt(j, S_STRETCHES, &s, e)))
		return read_end(j, started, r);
	sqlite3_bind_int64(s, 1, from);
	sqlite3_bind_int64(s, 2, to);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct journal_stretch st;
		st.id = sqlite3_column_int64(s, 0);
		st.down_at = sqlite3_column_int64(s, 1);
		st.open = sqlite3_column_type(s, 2) == SQLITE_NULL;
		st.up_at = st.open ? 0 : sqlite3_column_int64(s, 2);
		if ((r = fn(ctx, &st)))
			break;
	}
	if (r == 0 && rc != SQLITE_DONE)
		r = db_fail(j, rc, e);
	done(s);
	return read_end(j, started, r);
}

int journal_med_names(struct journal *j, char names[][MED_NAME_MAX + 1], int max, int *n,
		      struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	struct entry *en = malloc(sizeof *en);
	bool started;
	int r, rc, i, k;

	*n = 0;
	if (!en)
		return rw_fail(e, RW_ENOMEM, "out of memory");
	if ((r = read_begin(j, &started, e))) {
		free(en);
		return r;
	}
	if ((r = stmt(j, S_MED_LISTS, &s, e)) == 0) {
		while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < max) {
			entry_init(en, 0);
			if (entry_parse_meds(col_text(s, 0), en, "medications", NULL))
				continue; /* check names a damaged list */
			for (i = 0; i < en->n_meds && *n < max; i++) {
				for (k = 0; k < *n && strcmp(names[k], en->meds[i].name); k++)
					;
				if (k == *n)
					memcpy(names[(*n)++], en->meds[i].name, MED_NAME_MAX + 1);
			}
		}
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			r = db_fail(j, rc, e);
		done(s);
	}
	free(en);
	return read_end(j, started, r);
}

int journal_undo(struct journal *j, char *what, size_t n, struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	sqlite3_int64 id;
	rw_day from = date_max(), to = date_min();
	bool params = false;
	int r, rc;

	what[0] = '\0';
	if ((r = begin(j, e)))
		return r;
	if ((r = days_agree(j, date_min(), date_max(), e)) || (r = stmt(j, S_LAST_CHANGE, &s, e)))
		return rollback(j, r);
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		done(s);
		if (rc != SQLITE_DONE)
			return rollback(j, db_fail(j, rc, e));
		return rollback(j, rw_fail(e, RW_EDATA, "undo: there is nothing to undo"));
	}
	id = sqlite3_column_int64(s, 0);
	snprintf(what, n, "%s", col_text(s, 1));
	done(s);

	/* Days: put back each before-image. */
	if ((r = stmt(j, S_CHANGE_DAYS, &s, e)))
		return rollback(j, r);
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct entry en;
		rw_day day;
		if (!col_day(s, 0, &day)) {
			r = rw_fail(e, RW_EIO, "%s: the change history is damaged", j->path);
			break;
		}
		if (sqlite3_column_int(s, 1)) {
			if ((r = row_entry(j, s, 2, day, &en, e)) == 0)
				r = put_entry(j, &en, e);
		} else
			r = del_entry(j, day, e);
		if (r)
			break;
		if (day < from)
			from = day;
		if (day > to)
			to = day;
	}
	if (r == 0 && rc != SQLITE_DONE)
		r = db_fail(j, rc, e);
	done(s);
	if (r)
		return rollback(j, r);

	if ((r = undo_stretches(j, id, e)))
		return rollback(j, r);

	/* Settings: put back each old value. */
	if ((r = stmt(j, S_CHANGE_SETTINGS, &s, e)))
		return rollback(j, r);
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		params = true;
		if ((r = store_param(j, col_text(s, 0), sqlite3_column_double(s, 1), e)))
			break;
	}
	if (r == 0 && rc != SQLITE_DONE)
		r = db_fail(j, rc, e);
	done(s);
	if (r)
		return rollback(j, r);

	if ((r = stmt(j, S_DEL_CHANGE, &s, e)))
		return rollback(j, r);
	sqlite3_bind_int64(s, 1, id);
	if ((r = run(j, s, e)))
		return rollback(j, r);
	if (params)
		r = recompute(j, date_min(), date_max(), e);
	else if (from <= to)
		r = recompute(j, from, to, e);
	if (r || (r = commit(j, e)))
		return rollback(j, r);
	return 0;
}

/* ------------------------------------------------------------------------
 * Where the journal lives
 */

/* mkdir -p with mode for every directory it creates. */
static int make_dirs(const char *path, mode_t mode, struct rw_error *e)
{
	char *p = strdup(path), *q;
	int r = 0;

	if (!p)
		return rw_fail(e, RW_ENOMEM, "out of memory");
	for (q = p + 1;; q++) {
		if (*q == '/' || *q == '\0') {
			char c = *q;
			*q = '\0';
			if (mkdir(p, mode) == 0) {
				/* mode whatever the umask (umask 777 would give 000) */
				(void)chmod(p, mode);
			} else if (errno != EEXIST) {
				r = rw_fail(e, RW_ECANTCREAT, "%s: cannot create the directory: %s", p,
					    strerror(errno));
				break;
			}
			*q = c;
			if (!c)
				break;
		}
	}
	free(p);
	return r;
}

static char *join(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 1;
	char *s = malloc(n);
	if (s)
		snprintf(s, n, "%s%s", a, b);
	return s;
}

int journal_path(const char *db_opt, char **out, struct rw_error *e)
{
	const char *env = getenv("RESTWATCH_DB"), *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	char *base, *dir;
	int r;

	*out = NULL;
	if (db_opt || (env && *env)) {
		const char *p = db_opt ? db_opt : env;
		if (!*p)
			return rw_fail(e, RW_EUSAGE, "--db: the path is empty");
		*out = strdup(p);
		return *out ? 0 : rw_fail(e, RW_ENOMEM, "out of memory");
	}
	if (xdg && xdg[0] == '/') {
		base = strdup(xdg);
	} else {
		/* The XDG base directory rules ignore a relative XDG_DATA_HOME. */
		char a[64], b[64];
		if (!home || home[0] != '/')
			return rw_fail(e, RW_ECANTCREAT,
				       "%s%s%s and %s%s%s; give the journal with --db PATH",
				       xdg && *xdg ? "XDG_DATA_HOME '" : "XDG_DATA_HOME is not set",
				       xdg && *xdg ? rw_show(a, sizeof a, xdg) : "",
				       xdg && *xdg ? "' is not an absolute path" : "",
				       home && *home ? "HOME '" : "HOME is not set",
				       home && *home ? rw_show(b, sizeof b, home) : "",
				       home && *home ? "' is not an absolute path" : "");
		base = join(home, "/.local/share");
	}
	if (!base)
		return rw_fail(e, RW_ENOMEM, "out of memory");
	dir = join(base, "/restwatch");
	free(base);
	if (!dir)
		return rw_fail(e, RW_ENOMEM, "out of memory");
	if ((r = make_dirs(dir, 0700, e)) == 0 && !(*out = join(dir, "/journal.db")))
		r = rw_fail(e, RW_ENOMEM, "out of memory");
	free(dir);
	return r;
}

/* ------------------------------------------------------------------------
 * Opening
 */

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static bool all_zero(const unsigned char *p, size_t n)
{
	while (n--)
		if (*p++)
			return false;
	return true;
}

/* What the first 100 bytes of the file say, read without SQLite so that a
 * foreign, damaged or newer file is refused before SQLite touches it. */
struct header {
	uint32_t version;
	bool wal;
	uint32_t largest_root; /* auto-vacuum's largest root page, 0 when off */
};

static int read_header(const char *path, struct header *h, struct rw_error *e)
{
	unsigned char b[100];
	struct stat st, wst;
	uint32_t page, pages;
	uint64_t total;
	char *wal;
	bool wal_frames;
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return rw_fail(e, errno == EACCES ? RW_ENOINPUT : RW_EIO, "%s: cannot open: %s",
			       path, strerror(errno));
	if (fstat(fd, &st) != 0) {
		close(fd);
		return rw_fail(e, RW_EIO, "%s: %s", path, strerror(errno));
	}
	n = st.st_size ? pread(fd, b, sizeof b, 0) : 0;
	close(fd);
	if (st.st_size == 0)
		return rw_fail(e, RW_EIO, "%s: is an empty file, not a restwatch journal", path);
	if (n != (ssize_t)sizeof b || memcmp(b, "SQLite format 3", 16) != 0)
		return rw_fail(e, RW_EIO, "%s: is not a restwatch journal (not an SQLite database)",
			       path);
	if (be32(b + 68) != APPLICATION_ID)
		return rw_fail(e, RW_EIO, "%s: is an SQLite database but not a restwatch journal",
			       path);
	page = (uint32_t)b[16] << 8 | b[17];
	if (page == 1)
		page = 65536;
	if (page < 512 || (page & (page - 1)))
		return rw_fail(e, RW_EIO, "%s: the journal is damaged (bad page size)", path);
	h->version = be32(b + 60);
	if (h->version > (uint32_t)schema_steps[schema_step_count - 1].version)
		return rw_fail(e, RW_EIO,
			       "%s: was written by a newer restwatch (journal version %u, this one reads up to %d); it was not changed",
			       path, h->version, schema_steps[schema_step_count - 1].version);
	/* The fields SQLite's file format fixes, and those a restwatch journal
	 * never changes (no reserved bytes per page, UTF-8, and auto-vacuum
	 * either off or incremental, as journals are made since schema 3):
	 * random bytes there would make SQLite misread pages, or write into
	 * live ones, so they are refused here, before SQLite opens the file. */
	if ((b[18] != 1 && b[18] != 2) || (b[19] != 1 && b[19] != 2) || b[20] != 0 ||
	    b[21] != 64 || b[22] != 32 || b[23] != 32 || be32(b + 44) < 1 || be32(b + 44) > 4 ||
	    be32(b + 64) != (be32(b + 52) != 0) || be32(b + 56) != 1 || !all_zero(b + 72, 20) ||
	    be32(b + 24) != be32(b + 92) || be32(b + 96) < 3007000 || be32(b + 96) >= 4000000)
		return rw_fail(e, RW_EIO, "%s: the journal is damaged (its header is invalid)", path);
	pages = be32(b + 28);
	total = pages ? pages : (uint64_t)st.st_size / page;
	if ((be32(b + 32) == 0) != (be32(b + 36) == 0) || be32(b + 32) > total ||
	    be32(b + 36) >= total)
		return rw_fail(e, RW_EIO, "%s: the journal is damaged (its list of free pages is invalid)",
			       path);
	h->wal = b[18] == 2 && b[19] == 2;
	h->largest_root = be32(b + 52);
	/* With frames waiting in the WAL the main file may lag its header. */
	wal = join(path, "-wal");
	if (!wal)
		return rw_fail(e, RW_ENOMEM, "out of memory");
	wal_frames = stat(wal, &wst) == 0 && wst.st_size > 32;
	free(wal);
	if (!wal_frames && (st.st_size % page != 0 ||
			    (uint64_t)pages * page > (uint64_t)st.st_size))
		return rw_fail(e, RW_EIO,
			       "%s: the journal is damaged (truncated: %lld bytes, its header says %llu)",
			       path, (long long)st.st_size, (unsigned long long)pages * page);
	return 0;
}

static int schema_exact(struct journal *j, int version, struct rw_error *e);

static int exec(sqlite3 *db, const char *sql)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

/* Build a new journal in the empty file tmp: schema, default settings,
 * identity and version in one transaction, then WAL mode. */
static int build_new(const char *tmp, struct rw_error *e)
{
	const struct engine_param_info *table;
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	char sql[96];
	size_t n, i;
	int rc, k;

	rc = sqlite3_open_v2(tmp, &db, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK)
		rc = exec(db, "PRAGMA page_size = 4096; PRAGMA auto_vacuum = INCREMENTAL; BEGIN");
	for (k = 0; rc == SQLITE_OK && k < schema_step_count; k++)
		rc = exec(db, schema_steps[k].sql);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)", -1,
					&s, NULL);
	table = engine_param_table(&n);
	for (i = 0; rc == SQLITE_OK && i < n; i++) {
		sqlite3_bind_text(s, 1, table[i].name, -1, SQLITE_STATIC);
		sqlite3_bind_double(s, 2, table[i].def);
		rc = sqlite3_step(s) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db);
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
	if (rc == SQLITE_OK) {
		snprintf(sql, sizeof sql, "PRAGMA application_id = %d; PRAGMA user_version = %d",
			 APPLICATION_ID, schema_steps[schema_step_count - 1].version);
		rc = exec(db, sql);
	}
	if (rc == SQLITE_OK)
		rc = exec(db, "COMMIT; PRAGMA journal_mode = WAL");
	if (rc != SQLITE_OK)
		rw_fail(e, RW_ECANTCREAT, "cannot create the journal: %s",
			db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
	if (sqlite3_close(db) != SQLITE_OK && rc == SQLITE_OK)
		rc = rw_fail(e, RW_ECANTCREAT, "cannot create the journal: close failed");
	return rc == SQLITE_OK ? 0 : RW_ECANTCREAT;
}

/* A temporary file beside path for a journal or a backup, with the
 * message a caller shows when it cannot be made. */
static int temp_beside(const char *path, char **tmp, int *fd, struct rw_error *e)
{
	if ((*fd = file_temp_beside(path, tmp)) < 0)
		return rw_fail(e, errno == ENOMEM ? RW_ENOMEM : RW_ECANTCREAT, "%s: cannot create: %s",
			       path, strerror(errno));
	return 0;
}

/* Create a journal at path atomically: built in a temporary file, synced,
 * then linked into place, so that a kill at any moment leaves either no
 * journal or a complete one.  Another process creating it first is fine. */
static int create(const char *path, struct rw_error *e)
{
	char *tmp;
	int fd, r;

	if ((r = temp_beside(path, &tmp, &fd, e)))
		return r;
	close(fd);
	r = build_new(tmp, e);
	if (r == 0 && (fd = open(tmp, O_RDONLY | O_CLOEXEC)) >= 0) {
		if (fsync(fd) != 0)
			r = rw_fail(e, RW_ECANTCREAT, "%s: cannot sync: %s", path, strerror(errno));
		close(fd);
	}
	if (r == 0 && link(tmp, path) != 0 && errno != EEXIST) {
		if (rename(tmp, path) != 0)
			r = rw_fail(e, RW_ECANTCREAT, "%s: cannot create: %s", path, strerror(errno));
	}
	unlink(tmp);
	free(tmp);
	if (r == 0)
		file_sync_dir(path);
	return r;
}

/* Bring an older journal to the current version, one step per file of
 * schema/, all in one transaction; then make sure it is in WAL mode. */
static int migrate(struct journal *j, const struct header *h, struct rw_error *e)
{
	int current = schema_steps[schema_step_count - 1].version;
	sqlite3_stmt *s = NULL;
	int version = -1, rc, k, r;

	if (h->version < (uint32_t)current) {
		if ((rc = exec(j->db, "BEGIN IMMEDIATE")) != SQLITE_OK)
			return db_fail(j, rc, e);
		rc = sqlite3_prepare_v2(j->db, "PRAGMA user_version", -1, &s, NULL);
		if (rc == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
			version = sqlite3_column_int(s, 0);
		else
			rc = sqlite3_errcode(j->db);
		sqlite3_finalize(s);
		if (rc != SQLITE_OK)
			return rollback(j, db_fail(j, rc, e));
		if (version > current)
			return rollback(j, rw_fail(e, RW_EIO,
						   "%s: was written by a newer restwatch (journal version %d); it was not changed",
						   j->path, version));
		if (version < 1)
			return rollback(j, rw_fail(e, RW_EIO,
						   "%s: the journal is damaged (no schema version)",
						   j->path));
		for (k = 0; k < schema_step_count; k++) {
			char sql[48];
			if (schema_steps[k].version <= version)
				continue;
			snprintf(sql, sizeof sql, "PRAGMA user_version = %d",
				 schema_steps[k].version);
			if ((rc = exec(j->db, schema_steps[k].sql)) != SQLITE_OK ||
			    (rc = exec(j->db, sql)) != SQLITE_OK)
				return rollback(j, db_fail(j, rc, e));
		}
		/* A step may change the engine or its parameters: the projections
		 * are rebuilt in the same transaction. */
		if ((r = recompute(j, date_min(), date_max(), e)))
			return rollback(j, r);
		if ((rc = exec(j->db, "COMMIT")) != SQLITE_OK)
			return rollback(j, db_fail(j, rc, e));
	}
	if (!h->wal && (rc = exec(j->db, "PRAGMA journal_mode = WAL")) != SQLITE_OK)
		return db_fail(j, rc, e);
	return 0;
}

/* With auto-vacuum the header names the largest root page; SQLite moves
 * pages by it, so a wrong one (damage) would corrupt live pages on the next
 * write.  It must be the schema's own largest root page. */
static int root_agrees(struct journal *j, const struct header *h, struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	int64_t root = -1;
	int rc;

	if (h->largest_root == 0)
		return 0;
	rc = sqlite3_prepare_v2(j->db, "SELECT max(rootpage) FROM sqlite_schema", -1, &s, NULL);
	if (rc == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
		root = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (root != (int64_t)h->largest_root)
		return rw_fail(e, RW_EIO, "%s: the journal is damaged (its header is invalid)",
			       j->path);
	return 0;
}

int journal_open(struct journal **out, const char *path, struct rw_error *e)
{
	struct journal *j;
	struct header h = { 0, false, 0 };
	struct stat st;
	int r, rc;

	*out = NULL;
	if (!(j = calloc(1, sizeof *j)) || !(j->path = strdup(path))) {
		free(j);
		return rw_fail(e, RW_ENOMEM, "out of memory");
	}
	if (stat(path, &st) != 0) {
		if (errno != ENOENT) {
			r = rw_fail(e, RW_EIO, "%s: %s", path, strerror(errno));
			goto fail;
		}
		if (lstat(path, &st) == 0) {
			r = rw_fail(e, RW_EIO, "%s: is a symbolic link to a file that does not exist",
				    path);
			goto fail;
		}
		if ((r = create(path, e)))
			goto fail;
		if (stat(path, &st) != 0) {
			r = rw_fail(e, RW_EIO, "%s: %s", path, strerror(errno));
			goto fail;
		}
	}
	if (S_ISDIR(st.st_mode)) {
		r = rw_fail(e, RW_EIO, "%s: is a directory, not a restwatch journal", path);
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		r = rw_fail(e, RW_EIO, "%s: is not a regular file, not a restwatch journal", path);
		goto fail;
	}
	if ((r = read_header(path, &h, e)))
		goto fail;
	j->dev = st.st_dev;
	j->ino = st.st_ino;
	rc = sqlite3_open_v2(path, &j->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_close(j->db);
		j->db = NULL;
		rc = sqlite3_open_v2(path, &j->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
				     NULL);
	}
	if (rc != SQLITE_OK) {
		r = db_fail(j, rc, e);
		goto fail;
	}
	sqlite3_extended_result_codes(j->db, 1);
	sqlite3_busy_timeout(j->db, JOURNAL_BUSY_MS);
	if ((rc = exec(j->db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; "
			       "PRAGMA cell_size_check = ON")) !=
	    SQLITE_OK) {
		r = db_fail(j, rc, e);
		goto fail;
	}
	if ((r = schema_exact(j, (int)h.version, e)) || (r = root_agrees(j, &h, e)))
		goto fail;
	if ((h.version < (uint32_t)schema_steps[schema_step_count - 1].version || !h.wal) &&
	    (r = migrate(j, &h, e)))
		goto fail;
	*out = j;
	return 0;
fail:
	journal_close(j);
	return r;
}

void journal_close(struct journal *j)
{
	int i;
	if (!j)
		return;
	for (i = 0; i < S_COUNT; i++)
		sqlite3_finalize(j->stmt[i]);
	sqlite3_close(j->db);
	free(j->path);
	free(j);
}

const char *journal_file(const struct journal *j)
{
	return j->path;
}

/* ------------------------------------------------------------------------
 * Backup and check
 */

int journal_backup(struct journal *j, const char *dest, struct rw_error *e)
{
	struct file_out out;
	sqlite3 *db = NULL;
	sqlite3_backup *bk;
	int rc, r = 0, waited = 0;

	/* The journal itself (or its -wal, -shm) is refused; a FIFO or a
	 * device gets the finished copy (fileio.h). */
	if ((r = file_out_open(&out, dest, j->path, true, e)))
		return r;
	rc = sqlite3_open_v2(out.tmp, &db, SQLITE_OPEN_READWRITE, NULL);
	bk = rc == SQLITE_OK ? sqlite3_backup_init(db, "main", j->db, "main") : NULL;
	if (!bk) {
		r = rw_fail(e, RW_ECANTCREAT, "%s: cannot write the backup: %s", out.name,
			    db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
		goto out;
	}
	/* Copy in steps so a writer elsewhere is held up only briefly; a busy
	 * source is retried until the usual wait has passed. */
	while ((rc = sqlite3_backup_step(bk, 256)) == SQLITE_OK || rc == SQLITE_BUSY ||
	       rc == SQLITE_LOCKED) {
		if (rc != SQLITE_OK) {
			if (waited >= JOURNAL_BUSY_MS)
				break;
			sqlite3_sleep(50);
			waited += 50;
		}
	}
	sqlite3_backup_finish(bk);
	if (rc != SQLITE_DONE) {
		r = (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED
			    ? db_fail(j, rc, e)
			    : rw_fail(e, RW_ECANTCREAT, "%s: cannot write the backup: %s", out.name,
				      sqlite3_errstr(rc));
		goto out;
	}
	/* A backup is one self-contained file: no WAL beside it. */
	if ((rc = exec(db, "PRAGMA journal_mode = DELETE")) != SQLITE_OK) {
		r = rw_fail(e, RW_ECANTCREAT, "%s: cannot write the backup: %s", out.name,
			    sqlite3_errmsg(db));
		goto out;
	}
out:
	if (sqlite3_close(db) != SQLITE_OK && r == 0)
		r = rw_fail(e, RW_ECANTCREAT, "%s: cannot write the backup", out.name);
	if (r == 0)
		return file_out_commit(&out, e);
	file_out_abort(&out);
	return r;
}

/* Append one line to the check report. */
static void note(char *report, size_t n, int *problems, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void note(char *report, size_t n, int *problems, const char *fmt, ...)
{
	size_t used = strlen(report);
	va_list ap;

	(*problems)++;
	if (used + 2 >= n)
		return;
	va_start(ap, fmt);
	vsnprintf(report + used, n - used, fmt, ap);
	va_end(ap);
	used = strlen(report);
	if (used + 1 < n) {
		report[used] = '\n';
		report[used + 1] = '\0';
	}
}

/* Every row a PRAGMA check returns other than "ok" is a problem. */
static int pragma_rows(struct journal *j, const char *sql, char *report, size_t n,
		       int *problems, struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(j->db, sql, -1, &s, NULL);

	if (rc != SQLITE_OK)
		return db_fail(j, rc, e);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *t = col_text(s, 0);
		if (strcmp(t, "ok") != 0)
			note(report, n, problems, "%s: %s", sql + 7, t);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE && (rc & 0xff) != SQLITE_CORRUPT)
		return db_fail(j, rc, e);
	if (rc != SQLITE_DONE)
		note(report, n, problems, "%s: %s", sql + 7, sqlite3_errstr(rc));
	return 0;
}

/* The journal's schema must be exactly restwatch's of its version: a table
 * or column changed by damage or by hand breaks writes even when each page
 * is sound, and a trigger or view added by hand would run on every command.
 * The expected rows (type, name, table, SQL text) are what the embedded
 * steps leave in an empty database, found at build time (schema.h); the
 * text SQLite keeps after an ALTER TABLE is the same in both, so every
 * migration stays covered.  Costs one read of sqlite_schema.  what gets
 * the first difference ("" when none). */
static int schema_diff(struct journal *j, int version, char *what, size_t n,
		       struct rw_error *e)
{
	static const char q[] = "SELECT type, name, tbl_name, sql FROM sqlite_schema "
				"ORDER BY type, name";
	const struct schema_expect *x = NULL;
	sqlite3_stmt *b = NULL;
	int k, i = 0, rb, rc;

	what[0] = '\0';
	for (k = 0; k < schema_step_count; k++)
		if (schema_expected[k].version == version)
			x = &schema_expected[k];
	if (!x)
		return rw_fail(e, RW_ESOFTWARE, "no built-in schema for version %d", version);
	if ((rc = sqlite3_prepare_v2(j->db, q, -1, &b, NULL)) != SQLITE_OK)
		return db_fail(j, rc, e);
	while ((rb = sqlite3_step(b)) == SQLITE_ROW) {
		const struct schema_row *a = i < x->count ? &x->rows[i] : NULL;
		int key = a ? strcmp(a->type, col_text(b, 0)) : 1;
		if (key == 0)
			key = strcmp(a->name, col_text(b, 1));
		if (key > 0) {
			snprintf(what, n, "%s %s is not restwatch's", col_text(b, 0), col_text(b, 1));
			break;
		}
		if (key < 0) {
			snprintf(what, n, "%s %s is missing", a->type, a->name);
			break;
		}
		if (strcmp(a->tbl_name, col_text(b, 2)) != 0 || strcmp(a->sql, col_text(b, 3)) != 0) {
			snprintf(what, n, "%s %s differs from restwatch's", a->type, a->name);
			break;
		}
		i++;
	}
	sqlite3_finalize(b);
	if (rb != SQLITE_ROW && rb != SQLITE_DONE)
		return db_fail(j, rb, e);
	if (!what[0] && i < x->count)
		snprintf(what, n, "%s %s is missing", x->rows[i].type, x->rows[i].name);
	return 0;
}

/* ------------------------------------------------------------------------
 * The days table and its index
 */

/* A damaged index makes present days look absent, shows one day's entry
 * under another date, and lets a write add a second row for a day: damage
 * that grows.  A full comparison of the two b-trees costs about 1.4 ms on
 * ten years at every command (README, Reliability), so each command checks
 * the range it reads or writes: every index entry for a day from..to must
 * lead to a table row of that date (one seek per day in range). */
static int days_agree(struct journal *j, rw_day from, rw_day to, struct rw_error *e)
{
	static const char q[] =
		"SELECT count(*) FROM days AS i INDEXED BY sqlite_autoindex_days_1 "
		"WHERE i.date BETWEEN ?1 AND ?2 "
		"AND i.date IS NOT (SELECT t.date FROM days AS t NOT INDEXED WHERE t.rowid = i.rowid)";
	sqlite3_stmt *s = NULL;
	int rc, bad = 0;

	if ((rc = sqlite3_prepare_v3(j->db, q, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL)) ==
	    SQLITE_OK) {
		bind_day(s, 1, from);
		bind_day(s, 2, to);
		if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			bad = sqlite3_column_int(s, 0);
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_OK)
		return db_fail(j, rc, e);
	if (bad)
		return rw_fail(e, RW_EIO,
			       "%s: the journal is damaged (the days table and its index disagree; see restwatch check); nothing was changed",
			       j->path);
	return 0;
}

/* Before a write to day: the index must find the day when its stored
 * projection says it is logged (else the write would add a second row). */
static int day_agrees(struct journal *j, rw_day day, bool found, struct rw_error *e)
{
	struct engine_proj p;
	bool have;
	int r = get_proj(j, day, &p, &have, e);

	if (r == 0 && have && p.logged && !found)
		r = rw_fail(e, RW_EIO,
			    "%s: the journal is damaged (the days table and its index disagree; see restwatch check); nothing was changed",
			    j->path);
	return r ? r : days_agree(j, day, date_max(), e);
}

/* At open: a journal whose schema is not exactly restwatch's (of its
 * version, before any migration runs) is refused with nothing run on it. */
static int schema_exact(struct journal *j, int version, struct rw_error *e)
{
	char what[200];
	int r;

	if (version < 1)
		return 0; /* migrate() says what is wrong */
	if ((r = schema_diff(j, version, what, sizeof what, e)) || !what[0])
		return r;
	return rw_fail(e, RW_EIO,
		       "%s: the journal's schema is not restwatch's (%s); nothing was changed",
		       j->path, what);
}

static int check_schema(struct journal *j, char *report, size_t n, int *problems,
			struct rw_error *e)
{
	char what[200];
	int r = schema_diff(j, schema_steps[schema_step_count - 1].version, what, sizeof what, e);

	if (r == 0 && what[0])
		note(report, n, problems, "schema: %s", what);
	return r;
}

/* Every setting restwatch has, each stored once as a number in its range,
 * and no other key. */
static int check_settings(struct journal *j, char *report, size_t n, int *problems,
			  struct rw_error *e)
{
	const struct engine_param_info *table;
	struct engine_params p;
	struct rw_error pe = { 0, "" };
	sqlite3_stmt *s = NULL;
	bool seen[64] = { false };
	char why[96];
	size_t count, i;
	int r, rc;

	table = engine_param_table(&count);
	if ((r = stmt(j, S_SETTINGS, &s, e)))
		return r;
	engine_params_default(&p);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const struct engine_param_info *info = engine_param_find(col_text(s, 0));
		char shown[64];
		if (!info)
			note(report, n, problems, "settings: '%s' is not a setting of restwatch",
			     rw_show(shown, sizeof shown, col_text(s, 0)));
		else if (param_damaged(s, info, engine_param_ref(&p, info), why, sizeof why))
			note(report, n, problems, "settings: %s is damaged (%s)", info->name, why);
		if (info && (size_t)(info - table) < sizeof seen / sizeof seen[0])
			seen[info - table] = true;
	}
	done(s);
	if (rc != SQLITE_DONE)
		return db_fail(j, rc, e);
	for (i = 0; i < count && i < sizeof seen / sizeof seen[0]; i++)
		if (!seen[i])
			note(report, n, problems, "settings: %s is missing", table[i].name);
	if (*problems == 0 && engine_params_check(&p, &pe) != 0)
		note(report, n, problems, "settings: %s", pe.msg);
	return 0;
}

/* Projections exist from the first logged day to the last, no others. */
static int check_extra_projections(struct journal *j, char *report, size_t n, int *problems,
				   struct rw_error *e)
{
	static const char q[] = "SELECT count(*) FROM projections WHERE date < ?1 OR date > ?2";
	sqlite3_stmt *s = NULL;
	rw_day first, last;
	bool found;
	int r, rc;

	if ((r = bounds(j, &first, &last, &found, e)))
		return r;
	if ((rc = sqlite3_prepare_v2(j->db, q, -1, &s, NULL)) == SQLITE_OK) {
		bind_day(s, 1, found ? first : date_max());
		bind_day(s, 2, found ? last : date_min());
		if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			if (sqlite3_column_int64(s, 0) > 0)
				note(report, n, problems,
				     "projections: %lld outside the logged days",
				     (long long)sqlite3_column_int64(s, 0));
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(s);
	return rc == SQLITE_OK ? 0 : db_fail(j, rc, e);
}

/* Recompute everything in memory and compare with what is stored. */
static int check_projections(struct journal *j, char *report, size_t n, int *problems,
			     struct rw_error *e)
{
	struct engine_params params;
	struct engine_state st;
	struct engine_proj proj, stored;
	struct entry en;
	sqlite3_stmt *s = NULL;
	rw_day first, last, day;
	bool found;
	char date[DATE_BUFSZ];
	int r, rc, wrong = 0;

	if ((r = load_params(j, &params, e)))
		return r;
	if (engine_params_check(&params, e) != 0)
		note(report, n, problems, "settings: %s", e ? e->msg : "invalid");
	if ((r = bounds(j, &first, &last, &found, e)) || !found)
		return r;
	engine_state_init(&st);
	if ((r = stmt(j, S_DAYS_FROM, &s, e)))
		return r;
	bind_day(s, 1, first);
	day = first;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct engine_day d;
		bool have;
		struct rw_error fe;
		if ((r = row_engine_day(j, s, &d, &fe))) {
			note(report, n, problems, "%s", fe.msg);
			r = 0;
			continue;
		}
		if ((r = get_entry(j, d.day, &en, &have, &fe)) == 0 &&
		    entry_validate(&en, &fe) != 0)
			note(report, n, problems, "day %s: %s", date_format(d.day, date), fe.msg);
		else if (r)
			note(report, n, problems, "%s", fe.msg);
		r = 0;
		for (; day <= d.day; day++) {
			engine_step(&params, &st, day == d.day ? &d : NULL, day, &proj);
			if ((r = get_proj(j, day, &stored, &found, e)))
				goto out;
			if ((!found || !proj_equal(&proj, &stored)) && wrong++ < 5)
				note(report, n, problems,
				     "projection of %s: %s the engine's full recompute",
				     date_format(day, date), found ? "differs from" : "missing from");
		}
	}
	if (rc != SQLITE_DONE)
		r = db_fail(j, rc, e);
	if (wrong > 5)
		note(report, n, problems, "... and %d more projections", wrong - 5);
out:
	done(s);
	return r;
}

int journal_check(struct journal *j, char *report, size_t n, struct rw_error *e)
{
	bool started;
	int problems = 0, r;

	report[0] = '\0';
	if ((r = read_begin(j, &started, e)))
		return r;
	if ((r = pragma_rows(j, "PRAGMA integrity_check", report, n, &problems, e)) == 0 &&
	    problems == 0)
		r = pragma_rows(j, "PRAGMA foreign_key_check", report, n, &problems, e);
	if (r == 0 && problems == 0)
		r = check_schema(j, report, n, &problems, e);
	if (r == 0 && problems == 0)
		r = check_settings(j, report, n, &problems, e);
	if (r == 0)
		r = check_extra_projections(j, report, n, &problems, e);
	if (r == 0 && problems == 0)
		r = check_projections(j, report, n, &problems, e);
	if ((r = read_end(j, started, r)))
		return r;
	if (problems)
		return rw_fail(e, RW_EIO, "%s: the journal has %d problem%s", j->path, problems,
			       problems == 1 ? "" : "s");
	return 0;
}
