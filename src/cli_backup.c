/* cli_backup.c - `backup`: a consistent copy of the journal, taken while
 * in use (docs/formats.md). */
#include <stdbool.h>
#include <stdio.h>
#include <sys/stat.h>

#include "cli.h"

static int cli_backup(struct cli *c, struct cli_args *a, struct rw_error *e)
{
	struct journal *j;
	struct stat so, st;
	const char *args[1];
	bool to_stdout;
	int n, r;

	if ((r = cli_positionals(a, args, 1, &n, NULL, NULL, e)))
		return r;
	if (n == 0)
		return rw_fail(e, RW_EUSAGE, "backup: needs the FILE to write");
	if (!args[0][0])
		return rw_fail(e, RW_EUSAGE, "backup: the FILE name is empty");
	/* A copy sent to standard output (/dev/stdout) gets no line after it. */
	to_stdout = fstat(1, &so) == 0 && stat(args[0], &st) == 0 && so.st_dev == st.st_dev &&
		    so.st_ino == st.st_ino;
	if ((r = cli_journal(c, &j, e)) || (r = journal_backup(j, args[0], e)))
		return r;
	if (!to_stdout) {
		fputs("backed up ", stdout);
		rw_put_clean(stdout, journal_file(j), false);
		fputs(" to ", stdout);
		rw_put_clean(stdout, args[0], false);
		fputc('\n', stdout);
	}
	return 0;
}

const struct cli_command cli_cmd_backup = {
	.name = "backup",
	.usage = "FILE",
	.about = "a consistent copy of the journal, taken while in use",
	.help = "",
	.run = cli_backup,
};
