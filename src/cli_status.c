/* cli_status.c - `status`: one line, or JSON, about the last logged day
 * and the stretch lying down (docs/formats.md). */
#include <stdio.h>
#include <string.h>

#include "advice.h"
#include "cli.h"
#include "clock.h"
#include "jsonw.h"
#include "nudge.h"

enum { O_JSON };

/* The open stretch (down.open false when up) and the nudge line due now
 * ("" when none). */
static int down_state(struct journal *j, struct journal_stretch *down, char *nudge, size_t n,
		      struct rw_error *e)
{
	int64_t now;
	bool found;
	int r;

	memset(down, 0, sizeof *down);
	nudge[0] = '\0';
	if ((r = clock_now(&now, e)) || (r = journal_open_stretch(j, down, &found, e)))
		return r;
	down->open = found;
	if (found) {
		down->up_at = now; /* for the caller's span */
		r = nudge_line(j, now, nudge, n, e);
	}
	return r;
}

/* The end of the status line: while lying down, " | down 40 min" or the
 * nudge when it is due (docs/formats.md: after the red flag and the day). */
static int status_down(const struct journal_stretch *down, const char *nudge)
{
	char span[32];

	if (down->open && nudge[0])
		printf(" | %s", nudge);
	else if (down->open)
		printf(" | down %s", clock_span_text(down->up_at - down->down_at, span, sizeof span));
	putchar('\n');
	return 0;
}

static int status_json(struct cli *c, struct journal *j, struct rw_error *e)
{
	static const int ahead[3] = { 1, 3, 7 };
	struct journal_stretch down;
	char nudge[128], utc[32];
	struct engine_params p;
	struct engine_proj last, fc[7];
	struct engine_day like;
	struct entry en;
	bool found;
	char line[512];
	int r, i, n;

	if ((r = journal_params(j, &p, e)) || (r = journal_last(j, &last, &en, &found, e)) ||
	    (r = down_state(j, &down, nudge, sizeof nudge, e)))
		return r;
	printf("{\n  \"restwatch\": \"%s\",\n  \"today\": ", RESTWATCH_VERSION);
	jsonw_date(stdout, c->today);
	printf(",\n  \"down_since\": ");
	if (down.open)
		jsonw_string(stdout, clock_format_utc(down.down_at, utc, sizeof utc));
	else
		fputs("null", stdout);
	printf(",\n  \"nudge\": ");
	if (nudge[0])
		jsonw_string(stdout, nudge);
	else
		fputs("null", stdout);
	if (!found) {
		printf(",\n  \"days_since\": null,\n  \"last\": null,\n  \"message\": ");
		jsonw_string(stdout, "no days logged yet");
		printf(",\n  \"forecast\": []\n}\n");
		return 0;
	}
	printf(",\n  \"days_since\": %ld,\n  \"message\": ", (long)(c->today - last.day));
	jsonw_string(stdout, advice_line(&last, &en, &p, line, sizeof line));
	printf(",\n  \"last\": ");
	jsonw_day(stdout, &last, &en, 4);
	entry_engine_day(&en, &like);
	n = engine_forecast(&p, &last, &like, 7, fc);
	printf(",\n  \"forecast\": [");
	/* A forecast stops at the calendar's end (9999-12-31). */
	for (i = 0; i < 3 && ahead[i] <= n; i++) {
		int first = 0;
		printf("%s\n    {\"days_ahead\":%d", i ? "," : "", ahead[i]);
		jsonw_day_fields(stdout, &fc[ahead[i] - 1], NULL, 0, &first);
		putchar('}');
	}
	printf("\n  ]\n}\n");
	return 0;
}

static int cli_status(struct cli *c, struct cli_args *a, struct rw_error *e)
{
	static const struct cli_opt opts[] = { { "--json", 0, false, O_JSON },
					       { NULL, 0, false, 0 } };
	struct engine_params p;
	struct engine_proj last;
	struct journal_stretch down;
	struct entry en;
	struct journal *j;
	const char *v;
	bool json = false, found;
	char line[1024], shown[64], nudge[128];
	int id, r;

	while ((r = cli_next(a, opts, &id, &v, e)) == 1) {
		if (id != O_JSON)
			return rw_fail(e, RW_EUSAGE, "status: unexpected argument '%s'",
				       rw_show(shown, sizeof shown, v));
		json = true;
	}
	if (r < 0 || (r = cli_journal(c, &j, e)))
		return r;
	if (json)
		return status_json(c, j, e);
	if ((r = journal_params(j, &p, e)) || (r = journal_last(j, &last, &en, &found, e)) ||
	    (r = down_state(j, &down, nudge, sizeof nudge, e)))
		return r;
	if (!found) {
		fputs("no days logged yet", stdout);
		return status_down(&down, nudge);
	}
	fputs(advice_line(&last, &en, &p, line, sizeof line), stdout);
	if (c->today > last.day) {
		long gap = (long)(c->today - last.day);
		char h[32];
		/* Days not logged since hold the clock for gap_hold_days. */
		if (gap <= p.gap_hold_days && last.rest_clock_hours > 0)
			printf(" (%ld day%s not logged: clock held at %s h)", gap, gap == 1 ? "" : "s",
			       advice_hours(last.rest_clock_hours, p.threshold_hours, h, sizeof h));
		else
			printf(" (last logged %ld day%s ago)", gap, gap == 1 ? "" : "s");
	}
	return status_down(&down, nudge);
}

const struct cli_command cli_cmd_status = {
	.name = "status",
	.usage = "[--json]",
	.about = "one line: the last logged day's level, rest clock and losses",
	.help = "  --json  the last logged day's projection, the days since it and a\n"
		"          forecast of 1, 3 and 7 more days like it\n",
	.run = cli_status,
};
