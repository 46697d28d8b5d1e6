/* killrun - run a command and kill it with SIGKILL after a delay.
 *
 *   killrun [-w WAL] [-l SHM] DELAY_US COMMAND [ARGS...]
 *
 * Starts COMMAND (its standard output and error go to /dev/null), waits
 * DELAY_US microseconds and sends it SIGKILL unless it has exited by then.
 * Prints one line on standard output:
 *
 *   exit N ELAPSED_US [held HELD_US]   the command ended by itself
 *   killed DELAY_US [inlock] [walgrew] the kill ended it
 *   signal N ELAPSED_US                another signal ended it
 *
 * -l SHM: the delay starts only when the command holds SQLite's WAL write
 * lock (a POSIX lock on byte 120 of the journal's -shm file, held from
 * BEGIN IMMEDIATE until the commit is done), as /proc/locks shows it, so the
 * kill lands inside the write transaction; "inlock" says the lock was still
 * held just before the kill, and "held" how long an uncut run held it.
 * -w WAL: "walgrew" says WAL (the journal's -wal file) was written during
 * the run and holds frames afterwards.
 *
 * Exits 0 unless killrun itself failed (2).  Used by tests/e2e/test_kill.sh.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define WAL_WRITE_LOCK 120 /* SQLite's WAL_WRITE_LOCK byte offset in -shm */

static long long now_us(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000000 + t.tv_nsec / 1000;
}

static void pause_us(long long us)
{
	struct timespec ts = { 0, (long)us * 1000 };
	nanosleep(&ts, NULL);
}

/* Size and modification time of path, all zero when it does not exist. */
static void file_state(const char *path, long long out[3])
{
	struct stat st;
	out[0] = out[1] = out[2] = 0;
	if (path && stat(path, &st) == 0) {
		out[0] = (long long)st.st_size;
		out[1] = (long long)st.st_mtim.tv_sec;
		out[2] = (long long)st.st_mtim.tv_nsec;
	}
}

/* Whether pid holds a write lock on byte WAL_WRITE_LOCK of path. */
static int holds_write_lock(pid_t pid, const char *path)
{
	static char buf[1 << 16];
	struct stat st;
	char *line, *save = NULL;
	ssize_t n;
	int fd, found = 0;

	if (stat(path, &st) != 0 || (fd = open("/proc/locks", O_RDONLY)) < 0)
		return 0;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	for (line = strtok_r(buf, "\n", &save); line && !found;
	     line = strtok_r(NULL, "\n", &save)) {
		/* "1: POSIX  ADVISORY  WRITE 4242 fd:01:1234 120 120" */
		char kind[16], access[16];
		long lpid;
		unsigned long long ino;
		long long start, end;
		unsigned mj, mn;
		if (sscanf(line, "%*[^:]: %15s %*s %15s %ld %x:%x:%llu %lld %lld", kind, access,
			   &lpid, &mj, &mn, &ino, &start, &end) == 8 &&
		    strcmp(kind, "POSIX") == 0 && strcmp(access, "WRITE") == 0 && lpid == pid &&
		    ino == (unsigned long long)st.st_ino && start <= WAL_WRITE_LOCK &&
		    end >= WAL_WRITE_LOCK)
			found = 1;
	}
	return found;
}

/* Reap pid if it has ended; returns 1 and sets *status when it has. */
static int reaped(pid_t pid, int *status)
{
	pid_t w;
	while ((w = waitpid(pid, status, WNOHANG)) < 0 && errno == EINTR)
		;
	return w == pid;
}

int main(int argc, char **argv)
{
	long long start, deadline = 0, t, lock_at = 0, lock_end = 0, before[3], after[3];
	const char *wal = NULL, *shm = NULL;
	char *end;
	long delay;
	int status = 0, killed = 0, inlock = 0, grew;
	pid_t pid;

	while (argc > 2 && argv[1][0] == '-' && argv[1][1] && !argv[1][2] &&
	       (argv[1][1] == 'w' || argv[1][1] == 'l')) {
		if (argv[1][1] == 'w')
			wal = argv[2];
		else
			shm = argv[2];
		argv += 2;
		argc -= 2;
	}
	if (argc < 3 || (delay = strtol(argv[1], &end, 10)) < 0 || *end) {
		fprintf(stderr, "usage: killrun [-w WAL] [-l SHM] DELAY_US COMMAND [ARGS...]\n");
		return 2;
	}
	file_state(wal, before);
	start = now_us();
	pid = fork();
	if (pid < 0) {
		perror("killrun: fork");
		return 2;
	}
	if (pid == 0) {
		int fd = open("/dev/null", O_WRONLY);
		if (fd >= 0) {
			dup2(fd, 1);
			dup2(fd, 2);
			close(fd);
		}
		execvp(argv[2], argv + 2);
		_exit(127);
	}
	if (!shm)
		deadline = start + delay;
	/* Poll rather than sleep the whole delay, so that a command that ends
	 * early is seen as ending by itself and not killed afterwards (the pid
	 * stays ours until it is reaped, so the kill can never hit another
	 * process). */
	while (!reaped(pid, &status)) {
		t = now_us();
		if (shm) {
			int held = holds_write_lock(pid, shm);
			if (held && !lock_at) {
				lock_at = t;
				deadline = t + delay;
			} else if (!held && lock_at && !lock_end) {
				lock_end = t;
			}
		}
		if (deadline && t >= deadline) {
			if (shm)
				inlock = holds_write_lock(pid, shm);
			kill(pid, SIGKILL);
			while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
				;
			killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
			break;
		}
		if (!shm || lock_at)
			pause_us(deadline && deadline - t < 100 ? deadline - t : 100);
	}
	t = now_us() - start;
	file_state(wal, after);
	grew = after[0] > 32 && memcmp(before, after, sizeof before) != 0;
	if (killed)
		printf("killed %ld%s%s\n", delay, inlock ? " inlock" : "", grew ? " walgrew" : "");
	else if (WIFEXITED(status) && lock_at)
		printf("exit %d %lld held %lld\n", WEXITSTATUS(status), t,
		       (lock_end ? lock_end : now_us()) - lock_at);
	else if (WIFEXITED(status))
		printf("exit %d %lld\n", WEXITSTATUS(status), t);
	else if (WIFSIGNALED(status))
		printf("signal %d %lld\n", WTERMSIG(status), t);
	else
		printf("unknown %d %lld\n", status, t);
	return 0;
}
