/* cli_delete.c - `delete`: remove one day's entry (docs/formats.md). */
#include <stdio.h>

#include "cli.h"

enum { O_DATE };

static int cli_delete(struct cli *c, struct cli_args *a, struct rw_error *e)
{
	static const struct cli_opt opts[] = { { "--date", 0, true, O_DATE },
					       { NULL, 0, false, 0 } };
	struct journal *j;
	const char *v;
	rw_day day = 0;
	bool have = false;
	char shown[64], date[DATE_BUFSZ];
	int id, r;

	while ((r = cli_next(a, opts, &id, &v, e)) == 1) {
		if (id != O_DATE)
			return rw_fail(e, RW_EUSAGE, "delete: unexpected argument '%s'",
				       rw_show(shown, sizeof shown, v));
		if ((r = cli_date(c, v, &day, "--date", e)))
			return r;
		have = true;
	}
	if (r < 0)
		return r;
	if (!have)
		return rw_fail(e, RW_EUSAGE, "delete: --date DATE is required");
	if ((r = cli_journal(c, &j, e)) || (r = journal_delete(j, day, e)))
		return r;
	printf("deleted %s\n", date_format(day, date));
	return 0;
}

const struct cli_command cli_cmd_delete = {
	.name = "delete",
	.usage = "--date DATE",
	.about = "remove one day's entry",
	.help = "",
	.run = cli_delete,
};
