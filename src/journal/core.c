/* core.c - the journal's prepared statements, its SQLite errors turned into
 * RW codes, and its transactions.
 */
#include "internal.h"

#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <sys/stat.h>

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
	/* journal_each merges these two walks in date order: each is a scan of
	 * one b-tree, where a join would seek the days index once a day. */
	[S_EACH_PROJ] = "SELECT p.date, " PROJ_SELECT_STORED ", NULL FROM projections p"
			" WHERE p.date BETWEEN ?1 AND ?2 ORDER BY p.date",
	/* The day's columns come from the row the index entry leads to (t),
	 * one seek a day, the index giving only the date and the rowid. */
	[S_EACH_DAY] = "SELECT d.date, t.rest_hours, t.activities, t.pain, t.symptoms, t.weight_kg, "
		       "t.note, t.medications, t.tracked_hours, t.date FROM days d"
		       " LEFT JOIN days t NOT INDEXED ON t.rowid = d.rowid"
		       " WHERE d.date BETWEEN ?1 AND ?2 ORDER BY d.date",
	/* The index entries of days ?1..?2 that do not lead to a row of their
	 * date (check.c, jn_days_agree). */
	[S_DAYS_AGREE] = "SELECT count(*) FROM days AS i INDEXED BY sqlite_autoindex_days_1 "
			 "WHERE i.date BETWEEN ?1 AND ?2 AND i.date IS NOT "
			 "(SELECT t.date FROM days AS t NOT INDEXED WHERE t.rowid = i.rowid)",
	[S_SETTINGS] = "SELECT key, value FROM settings",
	[S_SET_SETTING] = "INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)",
	/* The undo stack has positive ids, the newest highest; the redo stack
	 * negative ones, the newest lowest (undo.c). */
	[S_NEW_CHANGE] = "INSERT INTO changes (id, at, what) VALUES "
			 "(max(coalesce((SELECT max(id) FROM changes), 0), 0) + 1, ?1, ?2)",
	[S_NEW_UNDONE] = "INSERT INTO changes (id, at, what) VALUES "
			 "(min(coalesce((SELECT min(id) FROM changes), 0), 0) - 1, ?1, ?2)",
	[S_CLEAR_REDO] = "DELETE FROM changes WHERE id < 0",
	[S_SAVE_DAY] = "INSERT OR IGNORE INTO change_days (change_id, date, existed, " DAY_COLS
		       ") SELECT ?1, date, 1, " DAY_COLS " FROM days WHERE date = ?2",
	[S_SAVE_NO_DAY] = "INSERT OR IGNORE INTO change_days (change_id, date, existed) "
			  "VALUES (?1, ?2, 0)",
	[S_SAVE_SETTING] = "INSERT OR IGNORE INTO change_settings (change_id, key, value) "
			   "SELECT ?1, key, value FROM settings WHERE key = ?2",
	[S_LAST_CHANGE] = "SELECT id, what FROM changes WHERE id > 0 ORDER BY id DESC LIMIT 1",
	[S_LAST_UNDONE] = "SELECT id, what FROM changes WHERE id < 0 ORDER BY id LIMIT 1",
	/* What change ?1 touched, as it is now, kept as change ?2's images. */
	[S_KEEP_DAYS] = "INSERT INTO change_days (change_id, date, existed, " DAY_COLS
			") SELECT ?2, date, 1, " DAY_COLS " FROM days WHERE date IN "
			"(SELECT date FROM change_days WHERE change_id = ?1)",
	[S_KEEP_NO_DAYS] = "INSERT OR IGNORE INTO change_days (change_id, date, existed) "
			   "SELECT ?2, date, 0 FROM change_days WHERE change_id = ?1",
	[S_KEEP_SETTINGS] = "INSERT INTO change_settings (change_id, key, value) SELECT ?2, key, "
			    "value FROM settings WHERE key IN "
			    "(SELECT key FROM change_settings WHERE change_id = ?1)",
	[S_KEEP_STRETCHES] = "INSERT INTO change_stretches (change_id, id, existed, down_at, up_at) "
			     "SELECT ?2, id, 1, down_at, up_at FROM stretches WHERE id IN "
			     "(SELECT id FROM change_stretches WHERE change_id = ?1)",
	[S_KEEP_NO_STRETCHES] = "INSERT OR IGNORE INTO change_stretches (change_id, id, existed) "
				"SELECT ?2, id, 0 FROM change_stretches WHERE change_id = ?1",
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

/* Turn an SQLite failure into an RW code and one line of text. */
int jn_fail(struct journal *j, int rc, struct rw_error *e)
{
	int prim = rc & 0xff, err;
	unsigned page;
	char why[80];
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
		if (rc == SQLITE_IOERR_DATA && (page = jn_pages_damaged(why, sizeof why)))
			return rw_fail(e, RW_EIO,
				       "%s: the journal is damaged (page %u: %s; see restwatch check); nothing was changed",
				       path, page, why);
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

int jn_stmt(struct journal *j, enum stmt_id id, sqlite3_stmt **out, struct rw_error *e)
{
	if (!j->stmt[id]) {
		int rc = sqlite3_prepare_v3(j->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
					    &j->stmt[id], NULL);
		if (rc != SQLITE_OK)
			return jn_fail(j, rc, e);
	}
	*out = j->stmt[id];
	return 0;
}

void jn_done(sqlite3_stmt *s)
{
	if (!s)
		return;
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
}

/* Run a statement that returns no rows (or whose rows are not wanted). */
int jn_run(struct journal *j, sqlite3_stmt *s, struct rw_error *e)
{
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		;
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return rc == SQLITE_DONE ? 0 : jn_fail(j, rc, e);
}

int jn_run_id(struct journal *j, enum stmt_id id, struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	int r = jn_stmt(j, id, &s, e);
	return r ? r : jn_run(j, s, e);
}

void jn_bind_day(sqlite3_stmt *s, int col, rw_day day)
{
	char buf[DATE_BUFSZ];
	sqlite3_bind_text(s, col, date_format(day, buf), 10, SQLITE_TRANSIENT);
}

/* Read a date column; false when it is not a valid ISO date. */
bool jn_col_day(sqlite3_stmt *s, int col, rw_day *day)
{
	const unsigned char *t = sqlite3_column_text(s, col);
	return t && date_parse_iso((const char *)t, day) == 0;
}

const char *jn_col_text(sqlite3_stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(s, col);
	return t ? (const char *)t : "";
}

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

int jn_begin(struct journal *j, struct rw_error *e)
{
	int r = journal_same_file(j, e);
	return r ? r : jn_run_id(j, S_BEGIN, e);
}

/* Free pages past which a commit gives space back (256 KiB of 4 KiB pages). */
#define VACUUM_FREE_PAGES 64

int jn_commit(struct journal *j, struct rw_error *e)
{
	sqlite3_stmt *s = NULL;
	int r = jn_run_id(j, S_COMMIT, e);

	if (r == 0)
		j->own_changes++;
	/* A journal whose span shrank (an undo, a delete) gives the space back
	 * when it was made with incremental auto-vacuum (every journal since
	 * schema 3); the count is in the file's header, so asking is cheap. */
	if (r == 0 && jn_stmt(j, S_FREELIST, &s, NULL) == 0) {
		bool big = sqlite3_step(s) == SQLITE_ROW &&
			   sqlite3_column_int64(s, ONE_COL) > VACUUM_FREE_PAGES;
		jn_done(s);
		if (big)
			sqlite3_exec(j->db, "PRAGMA incremental_vacuum", NULL, NULL, NULL);
	}
	return r;
}

/* A read of several statements sees one state of the journal: it opens a
 * read transaction unless the caller already holds one (a snapshot);
 * *started tells read_end whether to close it. */
int jn_read_begin(struct journal *j, bool *started, struct rw_error *e)
{
	*started = sqlite3_get_autocommit(j->db) != 0;
	return *started ? jn_run_id(j, S_BEGIN_READ, e) : 0;
}

/* Close what read_begin opened and return code.  Ending a read cannot lose
 * anything already read, so a failing COMMIT only falls back to ROLLBACK. */
int jn_read_end(struct journal *j, bool started, int code)
{
	if (started && (code || jn_run_id(j, S_COMMIT, NULL)))
		jn_run_id(j, S_ROLLBACK, NULL);
	return code;
}

/* Roll back whatever is open; keeps the first error's code. */
int jn_rollback(struct journal *j, int code)
{
	if (!sqlite3_get_autocommit(j->db))
		jn_run_id(j, S_ROLLBACK, NULL);
	return code;
}
