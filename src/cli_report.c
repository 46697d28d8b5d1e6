/* cli_report.c - `report`: the history report (docs/formats.md). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "report.h"

enum { O_FORMAT, O_FROM, O_TO, O_OUTPUT, O_NAME, O_PAPER };

/* report [--format F] [--from DATE] [--to DATE] [--name TEXT] [--paper P]
 * [-o FILE]: stdout unless a file is named, which is then replaced
 * atomically; a PDF never goes to a terminal. */
static int cli_report(struct cli *c, struct cli_args *a, struct rw_error *e)
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
	const struct report_format *fmt = report_formats[0];
	const char *v, *out = NULL;
	struct journal *j;
	char shown[64], list[128];
	int id, r;

	while ((r = cli_next(a, opts, &id, &v, e)) == 1) {
		r = 0;
		switch (id) {
		case O_FORMAT:
			if (!(fmt = report_format_find(v)))
				r = rw_fail(e, RW_EUSAGE, "--format: '%s' is not a format (%s)",
					    rw_show(shown, sizeof shown, v),
					    report_format_list(list, sizeof list));
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
	if (fmt->binary && (!out || strcmp(out, "-") == 0) && isatty(STDOUT_FILENO))
		return rw_fail(e, RW_EUSAGE,
			       "--format %s: not written to a terminal; give -o FILE or redirect "
			       "standard output", fmt->name);
	if ((r = cli_journal(c, &j, e)))
		return r;
	if (!out || strcmp(out, "-") == 0)
		return report_write(stdout, j, fmt, &o, e);
	return report_write_path(out, j, fmt, &o, e);
}

const struct cli_command cli_cmd_report = {
	.name = "report",
	.usage = "[--format text|markdown|csv|json|html|pdf] [--from DATE] [--to DATE] [--name TEXT]\n"
		"        [--paper a4|letter] [-o FILE]",
	.about = "the history report",
	.help = "  --format F    text (default), markdown, csv, json, html or pdf\n"
		"  --from DATE   first day (default the first logged day)\n"
		"  --to DATE     last day (default the last logged day; with --from, today)\n"
		"  --name TEXT   the person's name, on text, markdown, html and pdf\n"
		"  --paper P     pdf page size: a4 or letter (default from the locale)\n"
		"  -o FILE       write FILE (0600, replaced atomically) instead of stdout\n"
		"pdf is the clinician's page: it needs -o FILE or a redirected stdout.\n",
	.run = cli_report,
};
