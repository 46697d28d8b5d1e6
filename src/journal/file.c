/* file.c - where the journal lives, and the first 100 bytes of its file
 * read without SQLite, so that a foreign, damaged or newer file is refused
 * before SQLite touches it.
 */
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "schema.h"

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

int jn_read_header(const char *path, struct header *h, struct rw_error *e)
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
