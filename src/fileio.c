/* fileio.c - where an output goes, and replacing a file atomically. */
#include "fileio.h"

#include <stdbool.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int file_temp_beside(const char *path, char **tmp)
{
	const char *slash = strrchr(path, '/');
	size_t dlen = slash ? (size_t)(slash - path) + 1 : 0;
	size_t n = strlen(path) + 16;
	char *t = malloc(n);
	int fd;

	if (!t) {
		errno = ENOMEM;
		return -1;
	}
	snprintf(t, n, "%.*s.%s.XXXXXX", (int)dlen, path, path + dlen);
	if ((fd = mkstemp(t)) < 0) {
		int err = errno;
		free(t);
		errno = err;
		return -1;
	}
	fchmod(fd, 0600);
	*tmp = t;
	return fd;
}

void file_sync_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir;
	int fd;

	if (!slash) {
		dir = strdup(".");
	} else {
		size_t n = slash == path ? 1 : (size_t)(slash - path);
		if ((dir = malloc(n + 1))) {
			memcpy(dir, path, n);
			dir[n] = '\0';
		}
	}
	if (!dir)
		return;
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		(void)fsync(fd);
		close(fd);
	}
	free(dir);
}

/* ------------------------------------------------------------------------
 * Outputs
 */

/* "/dev/stdout", "/dev/stderr", "/dev/fd/N", "/proc/self/fd/N": the
 * descriptor N the name stands for, else -1.  Such a name is written
 * through the process's own descriptor, where it points now. */
static int fd_name(const char *p)
{
	const char *n = NULL;
	char *end;
	long v;

	if (strcmp(p, "/dev/stdout") == 0)
		return 1;
	if (strcmp(p, "/dev/stderr") == 0)
		return 2;
	if (strncmp(p, "/dev/fd/", 8) == 0)
		n = p + 8;
	else if (strncmp(p, "/proc/self/fd/", 14) == 0)
		n = p + 14;
	if (!n || *n < '0' || *n > '9')
		return -1;
	errno = 0;
	v = strtol(n, &end, 10);
	return *end || errno || v > 1 << 20 ? -1 : (int)v;
}

/* dirname(p) + "/" + rel, malloc'd. */
static char *beside(const char *p, const char *rel)
{
	const char *slash = strrchr(p, '/');
	size_t dlen = slash ? (size_t)(slash - p) + 1 : 0, n = dlen + strlen(rel) + 1;
	char *s = malloc(n);

	if (s)
		snprintf(s, n, "%.*s%s", (int)dlen, p, rel);
	return s;
}

/* The canonical name of p, which need not exist: its directory's real
 * path and its last component.  NULL when the directory cannot be found. */
static char *canonical(const char *p)
{
	const char *slash = strrchr(p, '/'), *base = slash ? slash + 1 : p;
	char *dir = slash ? strndup(p, slash == p ? 1 : (size_t)(slash - p)) : strdup(".");
	char *real = dir ? realpath(dir, NULL) : NULL, *s = NULL;
	size_t n;

	if (real && (s = malloc((n = strlen(real) + strlen(base) + 2))))
		snprintf(s, n, "%s/%s", strcmp(real, "/") == 0 ? "" : real, base);
	free(dir);
	free(real);
	return s;
}

/* Whether out (an output's name with its links followed, and st its stat
 * when it exists) is the journal or one of SQLite's files beside it. */
static bool is_journal(const char *out, const struct stat *st, const char *journal)
{
	static const char *const side[] = { "", "-wal", "-shm", "-journal" };
	char *jc = canonical(journal), *oc = canonical(out), *jr = realpath(journal, NULL);
	bool same = false;
	size_t i, n;

	for (i = 0; i < sizeof side / sizeof side[0] && !same; i++) {
		const char *base = jr ? jr : jc;
		struct stat js;
		char *name;
		if (!base || !(name = malloc((n = strlen(base) + 10))))
			continue;
		snprintf(name, n, "%s%s", base, side[i]);
		same = (oc && strcmp(oc, name) == 0) ||
		       (st && stat(name, &js) == 0 && js.st_dev == st->st_dev &&
			js.st_ino == st->st_ino);
		free(name);
	}
	free(jc);
	free(oc);
	free(jr);
	return same;
}

/* Returns -1 with errno set to err. */
static int with_errno(int err)
{
	errno = err;
	return -1;
}

/* Follow path's symbolic links one by one (40 at most, as the kernel):
 * *cur becomes the last name reached; *fd >= 0 when a link led to a
 * descriptor name.  Returns 0, or -1 with errno set. */
static int follow(const char *path, char **cur, int *fd)
{
	char link[4096];
	int hops;

	*fd = -1;
	if (!(*cur = strdup(path)))
		return with_errno(ENOMEM);
	for (hops = 0; hops < 40; hops++) {
		struct stat st;
		ssize_t n;
		char *next;
		if ((*fd = fd_name(*cur)) >= 0)
			return 0;
		if (lstat(*cur, &st) != 0)
			return errno == ENOENT ? 0 : -1;
		if (!S_ISLNK(st.st_mode))
			return 0;
		if ((n = readlink(*cur, link, sizeof link - 1)) < 0)
			return -1;
		link[n] = '\0';
		next = link[0] == '/' ? strdup(link) : beside(*cur, link);
		if (!next)
			return with_errno(ENOMEM);
		free(*cur);
		*cur = next;
	}
	return with_errno(ELOOP);
}

static int cannot(struct file_out *o, int err, struct rw_error *e)
{
	return rw_fail(e, err == ENOMEM ? RW_ENOMEM : RW_ECANTCREAT, "%s: cannot be created: %s",
		       o->name, strerror(err));
}

/* Where the bytes go when path is written straight: a duplicate of the
 * descriptor it names, or path itself opened (a FIFO, a device). */
static int open_straight(const char *cur, int named, const struct stat *st)
{
	if (named >= 0)
		return fcntl(named, F_DUPFD_CLOEXEC, 3);
	if (S_ISBLK(st->st_mode))
		return with_errno(ENOTSUP);
	return open(cur, O_WRONLY | O_NOCTTY | O_CLOEXEC);
}

int file_out_open(struct file_out *o, const char *path, const char *journal, bool need_path,
		  struct rw_error *e)
{
	struct stat st;
	char *cur = NULL;
	bool have;
	int named = -1, fd = -1, r = 0;

	o->fd = o->direct = -1;
	o->tmp = o->target = NULL;
	rw_show_name(o->name, sizeof o->name, path);
	if (follow(path, &cur, &named) != 0) {
		r = cannot(o, errno, e);
		goto out;
	}
	have = (named >= 0 ? fstat(named, &st) : stat(cur, &st)) == 0;
	if (named >= 0 && !have) {
		r = cannot(o, errno, e);
		goto out;
	}
	if (journal && is_journal(cur, have ? &st : NULL, journal)) {
		r = rw_fail(e, RW_ECANTCREAT,
			    "%s: is the journal or a file SQLite keeps beside it; nothing was written",
			    o->name);
		goto out;
	}
	if (have && S_ISDIR(st.st_mode)) {
		r = cannot(o, EISDIR, e);
		goto out;
	}
	if (named < 0 && (!have || S_ISREG(st.st_mode))) {
		if ((o->fd = file_temp_beside(cur, &o->tmp)) < 0)
			r = cannot(o, errno, e);
		else
			o->target = cur, cur = NULL;
		goto out;
	}
	if ((fd = open_straight(cur, named, &st)) < 0) {
		r = cannot(o, errno, e);
		goto out;
	}
	if (!need_path) {
		o->fd = fd;
		goto out;
	}
	/* SQLite writes by name: into a scratch file, copied in at commit. */
	o->direct = fd;
	if ((o->fd = file_temp_beside(journal ? journal : cur, &o->tmp)) < 0) {
		r = cannot(o, errno, e);
		file_out_abort(o);
	}
out:
	free(cur);
	return r;
}

/* Copy the scratch file into the straight output. */
static int copy_scratch(struct file_out *o)
{
	char buf[1 << 16];
	off_t at = 0;
	ssize_t n;

	while ((n = pread(o->fd, buf, sizeof buf, at)) > 0) {
		ssize_t w, done = 0;
		for (; done < n; done += w)
			if ((w = write(o->direct, buf + done, (size_t)(n - done))) < 0) {
				if (errno != EINTR)
					return -1;
				w = 0;
			}
		at += n;
	}
	return n < 0 ? -1 : 0;
}

static int write_error(struct file_out *o, struct rw_error *e)
{
	return rw_fail(e, RW_EIO, "%s: write error: %s", o->name, strerror(errno ? errno : EIO));
}

int file_out_commit(struct file_out *o, struct rw_error *e)
{
	int r = 0, fd = o->fd;

	errno = 0;
	if (o->target) { /* a temporary file beside the target */
		o->fd = -1;
		if (fsync(fd) != 0 ? (close(fd), 1) : close(fd) != 0)
			r = write_error(o, e);
		else if (rename(o->tmp, o->target) != 0)
			r = cannot(o, errno, e);
		if (r == 0) {
			file_sync_dir(o->target);
			free(o->tmp);
			o->tmp = NULL;
		}
	} else if (o->direct >= 0) { /* a scratch file, copied in */
		int d = o->direct;
		if (copy_scratch(o) != 0) {
			r = write_error(o, e);
		} else {
			o->direct = -1;
			if (close(d) != 0)
				r = write_error(o, e);
		}
	} else { /* written straight */
		o->fd = -1;
		if (close(fd) != 0)
			r = write_error(o, e);
	}
	file_out_abort(o);
	return r;
}

void file_out_abort(struct file_out *o)
{
	if (o->fd >= 0)
		close(o->fd);
	if (o->direct >= 0)
		close(o->direct);
	if (o->tmp)
		unlink(o->tmp);
	free(o->tmp);
	free(o->target);
	o->fd = o->direct = -1;
	o->tmp = o->target = NULL;
}
