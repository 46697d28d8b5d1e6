/* editor.c - the note in $EDITOR: a temporary 0600 file, fork + execvp
 * with the command split on blanks here (never through a shell, so no
 * quoting or expansion surprises), the screen handed over with
 * def_prog_mode/endwin and taken back with reset_prog_mode/refresh.
 */
#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tui_app.h"
#include "tui_editor.h"

#define MAX_ARGS 32

/* $VISUAL, else $EDITOR, else vi: the usual order (a full-screen editor
 * is what a terminal program wants), as the man page documents. */
static const char *editor_command(void)
{
	const char *s = getenv("VISUAL");

	if (s && *s)
		return s;
	s = getenv("EDITOR");
	if (s && *s)
		return s;
	return "vi";
}

/* Split cmd (copied into buf) on spaces and tabs into argv, then the file. */
static int split_command(char *buf, char *path, char *argv[MAX_ARGS + 2])
{
	int n = 0;
	char *p = buf;

	while (*p && n < MAX_ARGS) {
		while (*p == ' ' || *p == '\t')
			*p++ = '\0';
		if (!*p)
			break;
		argv[n++] = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
	}
	argv[n++] = path;
	argv[n] = NULL;
	return n;
}

/* write(2) may write less than asked, or be interrupted. */
static int write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Run argv with the terminal; returns the wait status or -1.  SIGINT is
 * ignored here while the editor runs, so a Ctrl-C meant for the editor does
 * not also end restwatch; the child gets the default back. */
static int run_editor(char **argv)
{
	struct sigaction ign, old;
	pid_t pid;
	int status = -1;

	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &old);
	pid = fork();
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		execvp(argv[0], argv);
		_exit(127);
	}
	if (pid > 0) {
		while (waitpid(pid, &status, 0) < 0) {
			if (errno != EINTR) {
				status = -1;
				break;
			}
		}
	}
	sigaction(SIGINT, &old, NULL);
	return status;
}

/* Read the edited file whole into a new string (trailing newlines
 * removed); RW_EDATA past TUI_EDITOR_MAX bytes, which no note comes near,
 * or when it holds a NUL byte (it would cut the note: the file is then
 * *kept, and the message names it). */
static int read_back(const char *path, char **out, bool *keep, struct rw_error *e)
{
	size_t n = 0, cap = 8192;
	ssize_t got;
	char *buf = malloc(cap), *more;
	int fd = open(path, O_RDONLY | O_CLOEXEC), r = 0;

	if (fd < 0 || !buf) {
		if (fd >= 0)
			close(fd);
		free(buf);
		return rw_fail(e, RW_EIO, "note: cannot read the edited file back: %s",
			       buf ? strerror(errno) : "out of memory");
	}
	for (;;) {
		if (n + 1 == cap) {
			if (cap >= TUI_EDITOR_MAX) {
				r = rw_fail(e, RW_EDATA, "note: %d bytes or more; nothing changed",
					    TUI_EDITOR_MAX);
				break;
			}
			if (!(more = realloc(buf, cap * 2))) {
				r = rw_fail(e, RW_ENOMEM, "out of memory");
				break;
			}
			buf = more;
			cap *= 2;
		}
		got = read(fd, buf + n, cap - 1 - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			r = rw_fail(e, RW_EIO, "note: reading the edited file: %s", strerror(errno));
			break;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	close(fd);
	if (r == 0 && memchr(buf, '\0', n)) {
		*keep = true;
		r = rw_fail(e, RW_EDATA, "note: the text holds a NUL byte; nothing changed (it is kept in %s)",
			    path);
	}
	if (r != 0) {
		free(buf);
		return r;
	}
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		n--;
	buf[n] = '\0';
	*out = buf;
	return 0;
}

/* The temporary file is removed on every path (one goto out). */
int tui_editor_edit(const char *text, char **out, struct rw_error *e)
{
	const char *dir = getenv("TMPDIR"), *cmd = editor_command();
	char path[4096], *buf = NULL, *argv[MAX_ARGS + 2];
	int fd = -1, status, r = 0;
	bool keep = false;

	if (!dir || !*dir)
		dir = "/tmp";
	if (snprintf(path, sizeof path, "%s/restwatch-note-XXXXXX", dir) >= (int)sizeof path)
		return rw_fail(e, RW_ECANTCREAT, "note: TMPDIR is too long");
	if ((fd = mkstemp(path)) < 0)
		return rw_fail(e, RW_ECANTCREAT, "note: cannot create a temporary file in %s: %s",
			       dir, strerror(errno));
	if (fchmod(fd, 0600) != 0 || write_all(fd, text, strlen(text)) != 0 ||
	    (text[0] && write_all(fd, "\n", 1) != 0)) {
		r = rw_fail(e, RW_EIO, "note: cannot write %s: %s", path, strerror(errno));
		goto out;
	}
	close(fd);
	fd = -1;
	if (!(buf = strdup(cmd))) {
		r = rw_fail(e, RW_ENOMEM, "out of memory");
		goto out;
	}
	split_command(buf, path, argv);
	if (!argv[0] || argv[0] == path) {
		r = rw_fail(e, RW_EUSAGE, "note: the editor command is blank");
		goto out;
	}
	def_prog_mode();
	tui_paste_mode(false); /* the editor handles pastes its own way */
	endwin();
	status = run_editor(argv);
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
	tui_paste_mode(true);
	if (status == -1 || !WIFEXITED(status)) {
		r = rw_fail(e, RW_EDATA, "note: the editor '%s' did not finish; nothing changed",
			    argv[0]);
		goto out;
	}
	if (WEXITSTATUS(status) == 127) {
		r = rw_fail(e, RW_EDATA, "note: cannot run the editor '%s' (set $VISUAL or $EDITOR)", argv[0]);
		goto out;
	}
	if (WEXITSTATUS(status) != 0) {
		r = rw_fail(e, RW_EDATA, "note: the editor exited with status %d; nothing changed",
			    WEXITSTATUS(status));
		goto out;
	}
	r = read_back(path, out, &keep, e);
out:
	if (fd >= 0)
		close(fd);
	if (!keep)
		unlink(path);
	free(buf);
	return r;
}
