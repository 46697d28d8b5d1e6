/* keylat.c - keypress-to-frame latency of a full-screen program: start it
 * on a pseudo-terminal, wait for its first frame, then send keys one at a
 * time and time each key's frame.
 *
 *   keylat [-m MARKER] [-q QUIET_MS] [-s COLSxROWS] [-t TIMEOUT_MS]
 *          [-e NAME=VALUE]... -k "KEY KEY ..." -- CMD [ARG]...
 *
 * The first frame is complete when the output contains MARKER (as in
 * ptyrun.c) and then stays quiet for QUIET_MS (default 150).  Each KEY is
 * a character, or one of Up Down PgUp PgDn Home End Enter Tab Esc; it is
 * written once the output has been quiet for QUIET_MS.  Its frame is the
 * first burst of output after it (curses writes a frame at once: bytes
 * less than BURST_GAP_MS apart), and frame_us = the burst's last byte -
 * the write; settle_us is the last byte before the output is quiet for
 * QUIET_MS (data a screen reads after its first frame, between keys).  A
 * key that draws nothing within 3 s gives -1.  After the last key, "q"
 * ends the program.  Prints one line per key:
 *   key KEY frame_us settle_us bytes
 * and then:
 *   max_frame_us maxrss_kb exit_status max_settle_us
 * maxrss_kb is the program's peak resident memory over the whole session.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ptyopt.h"

/* How long a key may take to draw anything at all. */
#define FIRST_BYTE_MS 3000
/* Bytes closer than this belong to one frame. */
#define BURST_GAP_MS 10


_Noreturn static void usage(void)
{
	fputs("usage: keylat [-m MARKER] [-q QUIET_MS] [-s COLSxROWS] [-t TIMEOUT_MS]\n"
	      "              [-e NAME=VALUE]... -k \"KEY KEY ...\" -- CMD [ARG]...\n",
	      stderr);
	exit(64);
}

/* The bytes a terminal sends for a key name (xterm). */
static const char *key_bytes(const char *name)
{
	static const struct {
		const char *name, *bytes;
	} named[] = {
		{ "Up", "\033[A" },    { "Down", "\033[B" },  { "PgUp", "\033[5~" },
		{ "PgDn", "\033[6~" }, { "Home", "\033[1~" }, { "End", "\033[4~" },
		{ "Enter", "\r" },     { "Tab", "\t" },       { "Esc", "\033" },
	};
	size_t i;

	for (i = 0; i < sizeof named / sizeof named[0]; i++)
		if (!strcmp(name, named[i].name))
			return named[i].bytes;
	return strlen(name) == 1 ? name : NULL;
}

struct term {
	int master;
	pid_t pid;
	int exited, status;
	struct rusage ru;
	char *buf;    /* the output so far, for the marker */
	size_t len, cap;
};

/* Read what is there within wait_ms; returns bytes read, 0 on a timeout,
 * -1 when the program's side closed. */
static long read_some(struct term *tm, long wait_ms)
{
	struct pollfd pfd = { .fd = tm->master, .events = POLLIN };
	char chunk[65536];
	ssize_t r;
	int n = poll(&pfd, 1, (int)(wait_ms > 0 ? wait_ms : 0));

	if (n < 0)
		return errno == EINTR ? 0 : -1;
	if (n == 0)
		return 0;
	r = read(tm->master, chunk, sizeof chunk);
	if (r <= 0)
		return -1;
	if (tm->len + (size_t)r + 1 > tm->cap) {
		tm->cap = (tm->len + (size_t)r + 1) * 2;
		if (!(tm->buf = realloc(tm->buf, tm->cap))) {
			perror("keylat");
			exit(70);
		}
	}
	memcpy(tm->buf + tm->len, chunk, (size_t)r);
	tm->len += (size_t)r;
	tm->buf[tm->len] = '\0';
	return r;
}

/* Read until the output has been quiet for quiet_ms (or deadline_us
 * passed); returns the time of the last byte, -1 when none came, and in
 * *burst the last byte of the first burst. */
static long long until_quiet(struct term *tm, long quiet_ms, long long deadline_us, size_t *bytes,
			     long long *burst)
{
	long long last = -1, since = now_us();

	*bytes = 0;
	*burst = -1;
	for (;;) {
		long long t = now_us(), ref = last >= 0 ? last : since;
		/* the first byte may take long (that is what is measured) */
		long wait = (last >= 0 ? quiet_ms : FIRST_BYTE_MS) - (long)((t - ref) / 1000);
		long r;
		if (wait <= 0 || t >= deadline_us)
			return last;
		r = read_some(tm, wait);
		if (r < 0)
			return last;
		if (r > 0) {
			long long at = now_us();
			if (last < 0 || (*burst == last && at - last < BURST_GAP_MS * 1000))
				*burst = at;
			last = at;
			*bytes += (size_t)r;
		}
	}
}

int main(int argc, char **argv)
{
	struct pty_opts o = { NULL, NULL, 150, 60000, { .ws_row = 30, .ws_col = 100 } };
	struct term tm = { 0 };
	long long max_us = -1, max_settle = -1, deadline, burst;
	char *list, *tok, *save = NULL;
	size_t bytes;
	int i;

	setenv("TERM", "xterm-256color", 1);
	i = pty_options(argc, argv, &o, usage);
	if (i >= argc || !o.keys || !o.marker)
		usage();
	unsetenv("COLUMNS");
	unsetenv("LINES");
	fflush(NULL);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	deadline = (long long)o.timeout_ms * 1000;
	tm.pid = forkpty(&tm.master, NULL, NULL, &o.ws);
	if (tm.pid < 0) {
		perror("keylat: forkpty");
		return 70;
	}
	if (tm.pid == 0) {
		execvp(argv[i], argv + i);
		fprintf(stderr, "keylat: %s: %s\n", argv[i], strerror(errno));
		_exit(127);
	}
	/* the first frame: the marker, then quiet */
	while (!(tm.buf && strstr(tm.buf, o.marker))) {
		if (now_us() >= deadline || read_some(&tm, 100) < 0) {
			fprintf(stderr, "keylat: no first frame\n");
			kill(tm.pid, SIGKILL);
			return 1;
		}
	}
	until_quiet(&tm, o.quiet_ms, deadline, &bytes, &burst);
	list = strdup(o.keys);
	for (tok = strtok_r(list, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
		const char *b = key_bytes(tok);
		long long sent, last;
		if (!b) {
			fprintf(stderr, "keylat: unknown key %s\n", tok);
			return 64;
		}
		until_quiet(&tm, o.quiet_ms, deadline, &bytes, &burst); /* what was still coming */
		sent = now_us();
		if (write(tm.master, b, strlen(b)) < 0)
			break;
		last = until_quiet(&tm, o.quiet_ms, deadline, &bytes, &burst);
		printf("key %s %lld %lld %zu\n", tok, burst >= 0 ? burst - sent : -1,
		       last >= 0 ? last - sent : -1, bytes);
		if (burst >= 0 && burst - sent > max_us)
			max_us = burst - sent;
		if (last >= 0 && last - sent > max_settle)
			max_settle = last - sent;
	}
	free(list);
	if (write(tm.master, "q", 1) < 0)
		kill(tm.pid, SIGTERM);
	while (now_us() < deadline && read_some(&tm, 100) >= 0)
		;
	while (wait4(tm.pid, &tm.status, 0, &tm.ru) < 0 && errno == EINTR)
		;
	printf("%lld %ld %d %lld\n", max_us, tm.ru.ru_maxrss,
	       WIFEXITED(tm.status) ? WEXITSTATUS(tm.status) : 128 + WTERMSIG(tm.status), max_settle);
	free(tm.buf);
	close(tm.master);
	return 0;
}
