/* fileio.h - where an output goes, and replacing a file atomically: a
 * temporary file beside it, then rename, then the directory synced.  Used
 * by the journal (creation, backup) and by reports written with -o or from
 * the TUI. */
#ifndef RESTWATCH_FILEIO_H
#define RESTWATCH_FILEIO_H

#include <stdbool.h>

#include "rwerr.h"

/* Create a temporary file "<dir>/.<name>.XXXXXX" beside path, mode 0600,
 * so that the final rename stays within one file system.  Returns its
 * descriptor and sets *tmp (malloc'd; the caller frees it), or returns -1
 * with errno set. */
int file_temp_beside(const char *path, char **tmp);

/* Make a rename into path durable: fsync the directory holding it.  A file
 * system that cannot do that is not an error worth failing on. */
void file_sync_dir(const char *path);

/* An output being written.  A regular file (or a name that does not exist
 * yet) is written to a temporary file beside it, renamed over it by
 * file_out_commit; a symbolic link is followed and its target replaced, the
 * link kept.  Standard output (/dev/stdout, /dev/fd/N), a FIFO and a
 * character device are written straight into and never replaced. */
struct file_out {
	int fd;       /* where the bytes go now */
	char *tmp;    /* the temporary file (NULL when written straight) */
	char *target; /* what tmp replaces (NULL when written straight) */
	int direct;   /* the descriptor a scratch tmp is copied into, or -1 */
	char name[160]; /* the path as messages show it */
};

/* Open path for writing.  journal (NULL for none) is the journal's path:
 * path naming the journal or one of SQLite's files beside it (-wal, -shm,
 * -journal), by name or by device and inode, is refused.  With need_path
 * the caller writes by file name (SQLite): a straight output then gets a
 * scratch temporary file beside the journal, copied in at commit.  Returns
 * 0, or RW_ECANTCREAT (RW_ENOMEM) with e filled and nothing changed. */
int file_out_open(struct file_out *o, const char *path, const char *journal, bool need_path,
		  struct rw_error *e);

/* Finish: sync and rename the temporary file into place (or copy the
 * scratch file into the straight output), then close.  On failure the
 * target is as it was.  Returns 0, RW_EIO or RW_ECANTCREAT. */
int file_out_commit(struct file_out *o, struct rw_error *e);

/* Give up: close and remove the temporary file; the target is untouched. */
void file_out_abort(struct file_out *o);

#endif
