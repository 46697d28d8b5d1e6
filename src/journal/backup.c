/* backup.c - a consistent copy of the journal in one self-contained file.
 */
#include "internal.h"

#include "fileio.h"

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
			    ? jn_fail(j, rc, e)
			    : rw_fail(e, RW_ECANTCREAT, "%s: cannot write the backup: %s", out.name,
				      sqlite3_errstr(rc));
		goto out;
	}
	/* A backup is one self-contained file: no WAL beside it. */
	if ((rc = sqlite3_exec(db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL)) != SQLITE_OK) {
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
