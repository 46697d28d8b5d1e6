/* fileio.h - replacing a file atomically: a temporary file beside it, then
 * rename, then the directory synced.  Used by the journal (creation,
 * backup) and by reports written with -o. */
#ifndef RESTWATCH_FILEIO_H
#define RESTWATCH_FILEIO_H

/* Create a temporary file "<dir>/.<name>.XXXXXX" beside path, mode 0600,
 * so that the final rename stays within one file system.  Returns its
 * descriptor and sets *tmp (malloc'd; the caller frees it), or returns -1
 * with errno set. */
int file_temp_beside(const char *path, char **tmp);

/* Make a rename into path durable: fsync the directory holding it.  A file
 * system that cannot do that is not an error worth failing on. */
void file_sync_dir(const char *path);

#endif
