/* cli_report.c - the commands that move days in and out: report and import. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "import.h"
#include "report.h"

enum { O_FORMAT, O_FROM, O_TO, O_OUTPUT, O_NAME, O_PAPER };

/* report [--format F] [--from DATE] [--to DATE] [--name TEXT] [--paper P]
 * [-o FILE]: stdout unless a file is named, which is then replaced
 * atomically; a PDF never goes to a terminal. */
int cli_report(struct cli *c, struct cli_args *a, struct rw_error *e)
{
	static const struct cli_opt opts[] = {
		{ "--format", 0, true, O_FORMAT },
		{ "--from", 0, true, O_FROM },
		{ "--to", 0, true, O_TO },
		{ "--output", 'o', true, O_OUTPUT },
		{ "--name", 0, true, O_NAME },
		{ "--paper", 0, true, O_PAPER },
		{ NULL, 0, false, 0 },
	};
	struct report_opts o = { .today = c->today, .paper = report_paper_default() };
	enum report_format fmt = REPORT_TEXT;
	const char *v, *out = NULL;
	struct journal *j;
	char shown[64];
	int id, r;

	while ((r = cli_next(a, opts, &id, &v, e)) == 1) {
		r = 0;
		switch (id) {
		case O_FORMAT:
			if (report_format_parse(v, &fmt) != 0)
				r = rw_fail(e, RW_EUSAGE, "--format: '%s' is not a format (%s)",
					    rw_show(shown, sizeof shown, v), report_format_list);
			break;
		case O_NAME:
			if (!(r = report_name_check(v, e)))
				o.name = v;
			break;
		case O_PAPER:
			if (report_paper_parse(v, &o.paper) != 0)
				r = rw_fail(e, RW_EUSAGE, "--paper: '%s' is not a paper size (a4 or letter)",
					    rw_show(shown, sizeof shown, v));
			break;
		case O_FROM:
		case O_TO:
			r = cli_range_set(c, id == O_TO, v, &o.range, e);
			break;
		case O_OUTPUT:
			if (!*v)
				r = rw_fail(e, RW_EUSAGE, "-o: the file name is empty");
			out = v;
			break;
		default:
			r = rw_fail(e, RW_EUSAGE, "report: unexpected argument '%s'",
				    rw_show(shown, sizeof shown, v));
		}
		if (r)
			return r;
	}
	if (r < 0 || (r = cli_range_check(&o.range, e)))
		return r;
	if (report_format_binary(fmt) && (!out || strcmp(out, "-") == 0) && isatty(STDOUT_FILENO))
		return rw_fail(e, RW_EUSAGE,
			       "--format %s: not written to a terminal; give -o FILE or redirect "
			       "standard output", report_format_name(fmt));
	if ((r = cli_journal(c, &j, e)))
		return r;
	if (!out || strcmp(out, "-") == 0)
		return report_write(stdout, j, fmt, &o, e);
	return report_write_path(out, j, fmt, &o, e);
}

/* import FILE|-: the input is opened before the journal, so a wrong name
 * creates nothing. */
int cli_import(struct cli *c, struct cli_args *a, struct rw_error *e)
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
