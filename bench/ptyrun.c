/* ptyrun.c - start a full-screen program on a pseudo-terminal and time its
 * first complete frame, the same way for every program.
 *
 *   ptyrun [-m MARKER] [-q QUIET_MS] [-s COLSxROWS] [-t TIMEOUT_MS] [-k KEYS]
 *          [-e NAME=VALUE]... -- CMD [ARG]...
 *
 * The child runs on the slave side of a new pty of COLSxROWS (default
 * 100x30) with TERM=xterm-256color (unless -e sets another), as the
 * session leader with the pty as its controlling terminal.  The parent
 * reads the master side from the moment of fork().
 *
 * "First full frame complete" is, with -m, the moment the bytes read so
 * far first contain MARKER: give the text of the last thing the program
 * draws in its first frame, i.e. its status line at the bottom row (curses
 * writes a fresh screen top to bottom, so when the bottom row's text has
 * arrived the frame is whole).  Without -m, it is the last byte before the
 * output has been quiet for QUIET_MS (default 200) - cruder, and it needs
 * the quiet wait on top, which is not counted.
 *
 * Once the frame is complete KEYS (default "q") are written to the
 * terminal; a child still running TIMEOUT_MS (default 5000) after fork is
 * sent SIGTERM, then SIGKILL.  Prints one line:
 *   frame_us exit_us maxrss_kb exit_status found bytes
 * frame_us is -1 when the frame never completed (found = 0): the program
 * exited or timed out first.  exit_status is 128+N for signal N.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ptyopt.h"


_Noreturn static void usage(void)
{
	fputs("usage: ptyrun [-m MARKER] [-q QUIET_MS] [-s COLSxROWS] [-t TIMEOUT_MS] [-k KEYS]\n"
	      "              [-e NAME=VALUE]... -- CMD [ARG]...\n",
	      stderr);
	exit(64);
}

int main(int argc, char **argv)
{
	struct pty_opts o = { NULL, "q", 200, 5000, { .ws_row = 30, .ws_col = 100 } };
	char *buf = NULL;
	size_t len = 0, cap = 0, mlen = 0;
	long long frame_us = -1, last_byte_us = -1, exit_us = -1;
	int master, i, status = 0, found = 0, exited = 0, eof = 0, termsent = 0;
	struct rusage ru;
	pid_t pid;

	setenv("TERM", "xterm-256color", 1);
	i = pty_options(argc, argv, &o, usage);
	if (i >= argc)
		usage();
	if (o.marker)
		mlen = strlen(o.marker);
	/* COLUMNS/LINES would override the pty's size in curses. */
	unsetenv("COLUMNS");
	unsetenv("LINES");

	fflush(NULL);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = forkpty(&master, NULL, NULL, &o.ws);
	if (pid < 0) {
		perror("ptyrun: forkpty");
		return 70;
	}
	if (pid == 0) {
		execvp(argv[i], argv + i);
		fprintf(stderr, "ptyrun: %s: %s\n", argv[i], strerror(errno));
		_exit(127);
	}

	for (;;) {
		struct pollfd pfd = { .fd = master, .events = POLLIN };
		long long t = now_us();
		long wait_ms = o.timeout_ms - t / 1000;
		int n;

		if (!exited) {
			pid_t w = wait4(pid, &status, WNOHANG, &ru);
			if (w == pid) {
				exited = 1;
				exit_us = t;
			}
		}
		if (exited && eof)
			break;
		if (!o.marker && !found && last_byte_us >= 0 &&
		    t - last_byte_us >= o.quiet_ms * 1000) {
			found = 1;
			frame_us = last_byte_us;
			if (!exited && write(master, o.keys, strlen(o.keys)) < 0)
				break;
		}
		if (wait_ms <= 0) {
			if (exited)
				break;
			kill(pid, termsent ? SIGKILL : SIGTERM);
			termsent = 1;
			o.timeout_ms += 500;
			continue;
		}
		if (!o.marker && !found && last_byte_us >= 0) {
			long q = o.quiet_ms - (t - last_byte_us) / 1000;
			if (q < wait_ms)
				wait_ms = q > 0 ? q : 0;
		}
		if (exited && wait_ms > 50)
			wait_ms = 50; /* drain what is left, then stop */
		n = poll(&pfd, 1, eof ? (int)(wait_ms < 10 ? wait_ms : 10) : (int)wait_ms);
		if (n < 0 && errno != EINTR)
			break;
		if (n > 0 && !eof) {
			char chunk[65536];
			ssize_t r = read(master, chunk, sizeof chunk);
			if (r <= 0) {
				eof = 1; /* EIO: the slave side is closed */
				continue;
			}
			last_byte_us = now_us();
			if (len + (size_t)r + 1 > cap) {
				cap = (len + (size_t)r + 1) * 2;
				if (!(buf = realloc(buf, cap))) {
					perror("ptyrun");
					return 70;
				}
			}
			memcpy(buf + len, chunk, (size_t)r);
			if (o.marker && !found) {
				size_t from = len >= mlen ? len - mlen + 1 : 0;
				if (memmem(buf + from, len + (size_t)r - from, o.marker, mlen)) {
					found = 1;
					frame_us = last_byte_us;
					if (!exited && write(master, o.keys, strlen(o.keys)) < 0)
						eof = 1;
				}
			}
			len += (size_t)r;
		} else if (n == 0 && exited) {
			break;
		}
	}
	if (!exited) {
		while (wait4(pid, &status, 0, &ru) < 0 && errno == EINTR)
			;
		exit_us = now_us();
	}
	if (getenv("PTYRUN_DUMP")) {
		FILE *f = fopen(getenv("PTYRUN_DUMP"), "w");
		if (f) {
			fwrite(buf, 1, len, f);
			fclose(f);
		}
	}
	printf("%lld %lld %ld %d %d %zu\n", frame_us, exit_us, ru.ru_maxrss,
	       WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), found, len);
	free(buf);
	close(master);
	return 0;
}
