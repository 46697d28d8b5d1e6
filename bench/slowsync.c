/* slowsync.c - an LD_PRELOAD shim that makes every fsync() and
 * fdatasync() take at least SLOWSYNC_US microseconds (default 1000), and
 * optionally counts them.
 *
 * The machine the benchmark runs on may acknowledge a cache flush in a few
 * tens of microseconds (a VM disk with a write-back cache); a laptop's SSD
 * takes 0.2-3 ms and a spinning disk 5-20 ms.  With this shim the same run
 * shows what the syncs of each command would cost there:
 *
 *   BENCH_FSYNC_US=1000 bench/run
 *
 * SLOWSYNC_COUNT=FILE appends "syncs N" to FILE at exit (N = calls seen).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static long calls;

static void pause_us(void)
{
	const char *v = getenv("SLOWSYNC_US");
	long us = v ? atol(v) : 1000;
	struct timespec ts = { us / 1000000, (us % 1000000) * 1000 };
	while (us > 0 && nanosleep(&ts, &ts) != 0)
		;
}

int fsync(int fd)
{
	static int (*real)(int);
	int r;
	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "fsync");
	r = real(fd);
	calls++;
	pause_us();
	return r;
}

int fdatasync(int fd)
{
	static int (*real)(int);
	int r;
	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "fdatasync");
	r = real(fd);
	calls++;
	pause_us();
	return r;
}

__attribute__((destructor)) static void report(void)
{
	const char *path = getenv("SLOWSYNC_COUNT");
	FILE *f;
	if (path && (f = fopen(path, "a"))) {
		fprintf(f, "syncs %ld\n", calls);
		fclose(f);
	}
}
