/* fileio.c - the pieces of replacing a file atomically. */
#include "fileio.h"

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
