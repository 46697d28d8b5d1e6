/* ptyopt.h - the options that bench/ptyrun.c and bench/keylat.c share:
 * -m MARKER -q QUIET_MS -t TIMEOUT_MS -k KEYS -s COLSxROWS -e VAR=VALUE,
 * then "--" and the command.  Each program keeps its own defaults and
 * usage(); pty_options returns the index of the command's first word.
 * Also their clock: microseconds since t0 (set at the start). */
#ifndef RESTWATCH_BENCH_PTYOPT_H
#define RESTWATCH_BENCH_PTYOPT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>

static struct timespec t0;

static long long now_us(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)(t.tv_sec - t0.tv_sec) * 1000000 + (t.tv_nsec - t0.tv_nsec) / 1000;
}

struct pty_opts {
	const char *marker, *keys;
	long quiet_ms, timeout_ms;
	struct winsize ws;
};

static int pty_options(int argc, char **argv, struct pty_opts *o, void (*usage)(void))
{
	int i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--"))
			return i + 1;
		if (i + 1 >= argc)
			usage();
		if (!strcmp(a, "-m"))
			o->marker = argv[++i];
		else if (!strcmp(a, "-q"))
			o->quiet_ms = atol(argv[++i]);
		else if (!strcmp(a, "-t"))
			o->timeout_ms = atol(argv[++i]);
		else if (!strcmp(a, "-k"))
			o->keys = argv[++i];
		else if (!strcmp(a, "-s")) {
			unsigned c, r;
			if (sscanf(argv[++i], "%ux%u", &c, &r) != 2 || !c || !r)
				usage();
			o->ws.ws_col = (unsigned short)c;
			o->ws.ws_row = (unsigned short)r;
		} else if (!strcmp(a, "-e")) {
			if (putenv(argv[++i]) != 0)
				usage();
		} else
			usage();
	}
	return i;
}

#endif
