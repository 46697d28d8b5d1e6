/* measure.c - run one command and report what it cost, the same way for
 * every command of the benchmark: wall time from just before fork() to
 * wait4()'s return, the child's peak resident set (ru_maxrss) and its
 * user and system CPU time.
 *
 *   measure [-i IN] [-o OUT] [-E ERR] [-C DIR] [-e NAME=VALUE]... -- CMD [ARG]...
 *
 * stdin defaults to /dev/null, stdout to /dev/null, stderr is inherited.
 * Prints one line on stdout:
 *   wall_us maxrss_kb exit_status user_us sys_us
 * exit_status is the child's exit code, or 128+N when killed by signal N.
 * measure itself exits 0 when it could run the command, 70 otherwise.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long usec(const struct timeval *tv)
{
	return (long long)tv->tv_sec * 1000000 + tv->tv_usec;
}

_Noreturn static void usage(void)
{
	fputs("usage: measure [-i IN] [-o OUT] [-E ERR] [-C DIR] [-e NAME=VALUE]... -- CMD [ARG]...\n",
	      stderr);
	exit(64);
}

/* Point fd at path (opened with flags) in the child. */
static void redirect(int fd, const char *path, int flags)
{
	int f = open(path, flags, 0600);
	if (f < 0) {
		fprintf(stderr, "measure: %s: %s\n", path, strerror(errno));
		_exit(127);
	}
	if (f != fd) {
		dup2(f, fd);
		close(f);
	}
}

int main(int argc, char **argv)
{
	const char *in = "/dev/null", *out = "/dev/null", *err = NULL, *dir = NULL;
	struct timespec t0, t1;
	struct rusage ru;
	int i, status;
	pid_t pid;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--")) {
			i++;
			break;
		}
		if (i + 1 >= argc)
			usage();
		if (!strcmp(a, "-i"))
			in = argv[++i];
		else if (!strcmp(a, "-o"))
			out = argv[++i];
		else if (!strcmp(a, "-E"))
			err = argv[++i];
		else if (!strcmp(a, "-C"))
			dir = argv[++i];
		else if (!strcmp(a, "-e")) {
			if (putenv(argv[++i]) != 0)
				usage();
		} else
			usage();
	}
	if (i >= argc)
		usage();

	fflush(NULL);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid < 0) {
		perror("measure: fork");
		return 70;
	}
	if (pid == 0) {
		redirect(0, in, O_RDONLY);
		redirect(1, out, O_WRONLY | O_CREAT | O_TRUNC);
		if (err)
			redirect(2, err, O_WRONLY | O_CREAT | O_TRUNC);
		if (dir && chdir(dir) != 0) {
			fprintf(stderr, "measure: %s: %s\n", dir, strerror(errno));
			_exit(127);
		}
		execvp(argv[i], argv + i);
		fprintf(stderr, "measure: %s: %s\n", argv[i], strerror(errno));
		_exit(127);
	}
	while (wait4(pid, &status, 0, &ru) < 0) {
		if (errno != EINTR) {
			perror("measure: wait4");
			return 70;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("%lld %ld %d %lld %lld\n",
	       (long long)(t1.tv_sec - t0.tv_sec) * 1000000 + (t1.tv_nsec - t0.tv_nsec) / 1000,
	       ru.ru_maxrss,
	       WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status),
	       usec(&ru.ru_utime), usec(&ru.ru_stime));
	return 0;
}
