/* cli_check.c - `check`: the journal's integrity check (docs/formats.md). */
#include <stdio.h>

#include "cli.h"

static int cli_check(struct cli *c, struct cli_args *a, struct rw_error *e)
{
	struct journal *j;
	const char *args[1];
	char report[4096];
	int n, r;

	if ((r = cli_positionals(a, args, 0, &n, NULL, NULL, e)))
		return r;
	journal_read_damage_as_is(); /* to list it, not to stop at it */
	if ((r = cli_journal(c, &j, e)))
		return r;
	r = journal_check(j, report, sizeof report, e);
	/* The journal's path in these lines is shown escaped, as in errors. */
	rw_put_clean(stdout, report, true);
	if (r == 0) {
		rw_put_clean(stdout, journal_file(j), false);
		fputs(": ok\n", stdout);
	}
	return r;
}

const struct cli_command cli_cmd_check = {
	.name = "check",
	.usage = "",
	.about = "the journal's integrity check; exit 0 only when sound",
	.help = "Runs SQLite's integrity and foreign-key checks, validates every stored day\n"
		"and setting (none missing, no unknown key), and compares the stored\n"
		"projections with a full recompute (none outside the logged days).\n"
		"A damaged page, which stops every other command, is read as it is here\n"
		"so that its damage is listed.\n",
	.run = cli_check,
};
