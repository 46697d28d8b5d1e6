/* open.c - opening the journal: creating a new one atomically, checking
 * an existing one, and migrating an older one.
 */
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"
#include "schema.h"

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
 * then linked into place (renamed over path when over_empty: an empty file
 * someone made for it), so that a kill at any moment leaves either no
 * journal or a complete one.  Another process creating it first is fine. */
static int create(const char *path, bool over_empty, struct rw_error *e)
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
	if (r == 0 && (over_empty || (link(tmp, path) != 0 && errno != EEXIST))) {
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
			return jn_fail(j, rc, e);
		rc = sqlite3_prepare_v2(j->db, "PRAGMA user_version", -1, &s, NULL);
		if (rc == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
			version = sqlite3_column_int(s, ONE_COL);
		else
			rc = sqlite3_errcode(j->db);
		sqlite3_finalize(s);
		if (rc != SQLITE_OK)
			return jn_rollback(j, jn_fail(j, rc, e));
		if (version > current)
			return jn_rollback(j, rw_fail(e, RW_EIO,
						   "%s: was written by a newer restwatch (journal version %d); it was not changed",
						   j->path, version));
		if (version < 1)
			return jn_rollback(j, rw_fail(e, RW_EIO,
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
				return jn_rollback(j, jn_fail(j, rc, e));
		}
		/* A step may change the engine or its parameters: the projections
		 * are rebuilt in the same transaction. */
		if ((r = jn_recompute(j, date_min(), date_max(), e)))
			return jn_rollback(j, r);
		if ((rc = exec(j->db, "COMMIT")) != SQLITE_OK)
			return jn_rollback(j, jn_fail(j, rc, e));
	}
	if (!h->wal && (rc = exec(j->db, "PRAGMA journal_mode = WAL")) != SQLITE_OK)
		return jn_fail(j, rc, e);
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
		root = sqlite3_column_int64(s, ONE_COL);
	sqlite3_finalize(s);
	if (root != (int64_t)h->largest_root)
		return rw_fail(e, RW_EIO, "%s: the journal is damaged (its header is invalid)",
			       j->path);
	return 0;
}

/* 0 (none), 1 (full) or 2 (incremental), or -1 when it cannot be read. */
static int auto_vacuum_mode(sqlite3 *db)
{
	sqlite3_stmt *s = NULL;
	int v = -1;

	if (sqlite3_prepare_v2(db, "PRAGMA auto_vacuum", -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, ONE_COL);
	sqlite3_finalize(s);
	return v;
}

/* Does PRAGMA integrity_check find nothing wrong? */
static bool sound(sqlite3 *db)
{
	sqlite3_stmt *s = NULL;
	bool ok = false;

	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check(1)", -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		ok = strcmp(jn_col_text(s, ONE_COL), "ok") == 0;
	sqlite3_finalize(s);
	return ok;
}

/* A journal made before schema 3 has no auto-vacuum, so its file never
 * shrinks when its span does.  It is converted once, after any migration
 * and outside its transaction: VACUUM rewrites the whole file in one
 * transaction of its own, so a kill leaves the old file whole and the next
 * open tries again (README, Reliability, gives the cost).  Only a sound
 * journal is converted: VACUUM rebuilds every index from its table and
 * would hide damage that check should report.  A journal that cannot be
 * converted now (read-only, locked, a full disk) is used as it is. */
static void convert_to_incremental(struct journal *j, const struct header *h)
{
	if (h->largest_root != 0 || sqlite3_db_readonly(j->db, "main") != 0 ||
	    auto_vacuum_mode(j->db) != 0 || !sound(j->db))
		return;
	jn_pages_unchecked(true);
	if (exec(j->db, "PRAGMA auto_vacuum = INCREMENTAL; VACUUM") != SQLITE_OK)
		exec(j->db, "PRAGMA auto_vacuum = NONE");
	jn_pages_unchecked(false);
}

/* An empty regular file at path (mktemp's, or a sqlite3 shell's that made
 * no table) is a journal not used yet: it becomes a new one.  Its inode is
 * locked meanwhile and checked again once locked, so that of two processes
 * only the first replaces it and the second opens what the first made.  A
 * file with a write-ahead log beside it may hold its pages there: left
 * alone (and refused by the header check). */
static int create_in_empty(const char *path, struct rw_error *e)
{
	struct flock lk = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	struct stat a, b, w;
	char wal[4096];
	int fd = open(path, O_RDWR | O_NOFOLLOW | O_CLOEXEC), r = 0;

	if (fd < 0)
		return 0; /* the header check says what is wrong */
	snprintf(wal, sizeof wal, "%s-wal", path);
	if (fcntl(fd, F_SETLKW, &lk) == 0 && fstat(fd, &a) == 0 && S_ISREG(a.st_mode) &&
	    a.st_size == 0 && lstat(path, &b) == 0 && a.st_dev == b.st_dev &&
	    a.st_ino == b.st_ino && !(stat(wal, &w) == 0 && w.st_size > 0))
		r = create(path, true, e);
	close(fd);
	return r;
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
		if ((r = create(path, false, e)))
			goto fail;
		if (stat(path, &st) != 0) {
			r = rw_fail(e, RW_EIO, "%s: %s", path, strerror(errno));
			goto fail;
		}
	} else if (S_ISREG(st.st_mode) && st.st_size == 0) {
		if ((r = create_in_empty(path, e)))
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
	if ((r = jn_read_header(path, &h, e)))
		goto fail;
	j->dev = st.st_dev;
	j->ino = st.st_ino;
	rc = sqlite3_open_v2(path, &j->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
			     jn_pages_vfs());
	if (rc != SQLITE_OK) {
		sqlite3_close(j->db);
		j->db = NULL;
		rc = sqlite3_open_v2(path, &j->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
				     jn_pages_vfs());
	}
	if (rc != SQLITE_OK) {
		r = jn_fail(j, rc, e);
		goto fail;
	}
	sqlite3_extended_result_codes(j->db, 1);
	sqlite3_busy_timeout(j->db, JOURNAL_BUSY_MS);
	if ((rc = exec(j->db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; "
			       "PRAGMA cell_size_check = ON")) !=
	    SQLITE_OK) {
		r = jn_fail(j, rc, e);
		goto fail;
	}
	if ((r = jn_schema_exact(j, (int)h.version, e)) || (r = root_agrees(j, &h, e)))
		goto fail;
	if ((h.version < (uint32_t)schema_steps[schema_step_count - 1].version || !h.wal) &&
	    (r = migrate(j, &h, e)))
		goto fail;
	convert_to_incremental(j, &h);
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
