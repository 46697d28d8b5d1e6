/* cli_undo.c - `undo`: revert the most recent change (docs/formats.md). */
#include <stdio.h>

#include "cli.h"

static int cli_undo(struct cli *c, struct cli_args *a, struct rw_error *e)
{
	struct journal *j;
	const char *v;
	struct journal_change ch;
	char shown[64];
	int id, r;

	if ((r = cli_next(a, NULL, &id, &v, e)) != 0)
		return r < 0 ? r
			     : rw_fail(e, RW_EUSAGE, "undo: unexpected argument '%s'",
				       rw_show(shown, sizeof shown, v));
	if ((r = cli_journal(c, &j, e)) || (r = journal_undo(j, &ch, e)))
		return r;
	printf("undone: %s\n", ch.text);
	return 0;
}

const struct cli_command cli_cmd_undo = {
	.name = "undo",
	.usage = "",
	.about = "revert the most recent change (log, delete, import, config, down, up)",
	.help = "  It says which; a log that changed one field is named by the field and\n"
		"  the value it gave it: undone: rest 24 h on 2026-03-10\n",
	.run = cli_undo,
};
