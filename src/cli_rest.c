/* cli_rest.c - timed rest: `down`, `up` and `nudge` (docs/formats.md). */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "clock.h"
#include "nudge.h"

enum { O_AT = 1 };

/* The --at option of down and up; *at is now when it is absent.  A time
 * after now, or on a day restwatch does not accept, is refused. */
static int at_option(struct cli_args *a, int64_t now, int64_t *at, struct rw_error *e)
{
	static const struct cli_opt opts[] = { { "--at", 0, true, O_AT }, { NULL, 0, false, 0 } };
	const char *v;
	char shown[64];
	int id, r;

	*at = now;
	while ((r = cli_next(a, opts, &id, &v, e)) == 1) {
		if (id != O_AT)
			return rw_fail(e, RW_EUSAGE, "%s: unexpected argument '%s'", a->cmd,
				       rw_show(shown, sizeof shown, v));
		if ((r = clock_parse_at(v, now, at, "--at", e)))
			return r;
	}
	if (r < 0)
		return r;
	if (*at > now)
		return rw_fail(e, RW_EDATA, "--at: %s is in the future",
			       clock_format_local(*at, shown, sizeof shown));
	if (clock_local_day(*at) < date_min())
		return rw_fail(e, RW_EDATA, "--at: %s is before 1900",
			       clock_format_local(*at, shown, sizeof shown));
	return 0;
}

static int cli_down(struct cli *c, struct cli_args *a, struct rw_error *e)
{
	struct journal *j;
	int64_t now, at;
	char when[32];
	int r;

	if ((r = clock_now(&now, e)) || (r = at_option(a, now, &at, e)) ||
	    (r = cli_journal(c, &j, e)) || (r = journal_down(j, at, e)))
		return r;
	printf("down since %s; restwatch up when you get up\n",
	       clock_format_local(at, when, sizeof when));
	return 0;
}

static int cli_up(struct cli *c, struct cli_args *a, struct rw_error *e)
{
	struct journal *j;
	int64_t now, at;
	rw_day day;
	int r;

	if ((r = clock_now(&now, e)) || (r = at_option(a, now, &at, e)) ||
	    (r = cli_journal(c, &j, e)) || (r = journal_up(j, at, &day, e)))
		return r;
	return cli_print_day_line(j, day, e);
}

static int cli_nudge(struct cli *c, struct cli_args *a, struct rw_error *e)
{
	struct journal *j;
	const char *v;
	int64_t now;
	char line[128], shown[64];
	int id, r;

	if ((r = cli_next(a, NULL, &id, &v, e)) != 0)
		return r < 0 ? r
			     : rw_fail(e, RW_EUSAGE, "nudge: unexpected argument '%s'",
				       rw_show(shown, sizeof shown, v));
	if ((r = clock_now(&now, e)) || (r = cli_journal(c, &j, e)) ||
	    (r = nudge_line(j, now, line, sizeof line, e)))
		return r;
	if (!line[0])
		return CLI_QUIET_FAILURE;
	puts(line);
	return 0;
}

const struct cli_command cli_cmd_down = {
	.name = "down",
	.usage = "[--at TIME]",
	.about = "start a stretch of lying down (the timer runs until up)",
	.help = "  --at TIME  when you lay down: HH:MM today, YYYY-MM-DDTHH:MM, or -N\n"
		"             (N minutes ago); default now\n"
		"Refused while already down.  `restwatch nudge` tells when it is time to get up.\n",
	.run = cli_down,
};

const struct cli_command cli_cmd_up = {
	.name = "up",
	.usage = "[--at TIME]",
	.about = "end the stretch of lying down and count its hours",
	.help = "  --at TIME  when you got up (as for down; default now)\n"
		"The stretch's hours are added to tracked_hours of each day it touches, split\n"
		"at local midnight; a day without typed rest hours counts sleep_hours plus its\n"
		"tracked hours as its rest.  A stretch is at most 24 h and may not overlap\n"
		"another.  Prints the day's projection line.\n",
	.run = cli_up,
};

const struct cli_command cli_cmd_nudge = {
	.name = "nudge",
	.usage = "",
	.about = "for cron, timers and status bars: a line when it is time to get up",
	.help = "Prints \"down 1 h 20 min: time to get up and walk a little\" and exits 0\n"
		"when you have been lying down for nudge_minutes (default 60) or longer,\n"
		"between nudge_from and nudge_to (default 8 and 22, hours of the day);\n"
		"otherwise prints nothing and exits 1.  See restwatch config.\n",
	.run = cli_nudge,
};
