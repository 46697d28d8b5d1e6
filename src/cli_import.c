/* cli_import.c - `import`: days from CSV, parsed by import.c
 * (docs/formats.md). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "import.h"

/* import FILE|-: the input is opened before the journal, so a wrong name
 * creates nothing. */
static int cli_import(struct cli *c, struct cli_args *a, struct rw_error *e)
{
	struct import_result res;
	struct journal *j;
	struct stat st;
	const char *v, *file = NULL, *name;
	char shown[160], d1[DATE_BUFSZ], d2[DATE_BUFSZ];
	FILE *in = NULL;
	int id, r;

	while ((r = cli_next(a, NULL, &id, &v, e)) == 1) {
		if (file)
			return rw_fail(e, RW_EUSAGE, "import: one file only ('%s' is one too many)",
				       rw_show(shown, sizeof shown, v));
		file = v;
	}
	if (r < 0)
		return r;
	if (!file)
		return rw_fail(e, RW_EUSAGE, "import: needs a FILE (or - for standard input)");
	if (strcmp(file, "-") == 0) {
		in = stdin;
		name = "standard input";
	} else {
		name = file;
		if (!(in = fopen(file, "rb"))) {
			int err = errno;
			return rw_fail(e, RW_ENOINPUT, "%s: cannot be opened: %s",
				       rw_show_name(shown, sizeof shown, file), strerror(err));
		}
		if (fstat(fileno(in), &st) == 0 && S_ISDIR(st.st_mode)) {
			r = rw_fail(e, RW_ENOINPUT, "%s: cannot be opened: it is a directory",
				    rw_show_name(shown, sizeof shown, file));
			goto out;
		}
	}
	if ((r = cli_journal(c, &j, e)) || (r = import_csv(j, in, name, c->today, &res, e)))
		goto out;
	if (res.count == 0)
		printf("imported 0 days: %s has a header and no rows\n",
		       rw_show_name(shown, sizeof shown, name));
	else if (res.first == res.last)
		printf("imported 1 day (%s)\n", date_format(res.first, d1));
	else
		printf("imported %ld day%s (%s to %s)\n", res.count, res.count == 1 ? "" : "s",
		       date_format(res.first, d1), date_format(res.last, d2));
out:
	if (in && in != stdin)
		fclose(in);
	return r;
}

const struct cli_command cli_cmd_import = {
	.name = "import",
	.usage = "FILE|-",
	.about = "read days from CSV in the report --format csv layout",
	.help = "Reads date,rest_hours,activities,pain,symptoms,weight_kg,note by header\n"
		"name (in any order; other columns are ignored).  All rows are stored or\n"
		"none: the first bad row is named by line and field.  A day already in the\n"
		"journal is replaced.  `restwatch undo` reverts the whole import.\n",
	.run = cli_import,
};
