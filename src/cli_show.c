/* cli_show.c - the commands that read: show and status. */
#include <stdio.h>
#include <string.h>

#include "advice.h"
#include "cli.h"
#include "clock.h"
#include "nudge.h"
#include "jsonw.h"
#include "report.h"

enum { O_FROM, O_TO, O_JSON };

/* show's options: --from, --to and --json. */
static int show_options(struct cli *c, struct cli_args *a, struct report_range *range,
			bool *json, struct rw_error *e)
{
	static const struct cli_opt opts[] = {
		{ "--from", 0, true, O_FROM },
		{ "--to", 0, true, O_TO },
		{ "--json", 0, false, O_JSON },
		{ NULL, 0, false, 0 },
	};
	const char *v;
	char shown[64];
	int id, r;

	while ((r = cli_next(a, opts, &id, &v, e)) == 1) {
		r = 0;
		if (id == O_FROM || id == O_TO) {
			r = cli_range_set(c, id == O_TO, v, range, e);
		} else if (id == O_JSON) {
			*json = true;
		} else {
			r = rw_fail(e, RW_EUSAGE, "%s: unexpected argument '%s'", a->cmd,
				    rw_show(shown, sizeof shown, v));
		}
		if (r)
			return r;
	}
	return r < 0 ? r : cli_range_check(range, e);
}

/* One row of the show table. */
static int show_row(void *ctx, const struct engine_proj *p, const struct entry *en)
{
	struct report_cells c;
	char date[DATE_BUFSZ], m[24], cd[24], b[24];
	char syms[SYMPTOMS_TEXT_MAX + 8];
	int i;

	(void)ctx;
	date_format(p->day, date);
	if (!en) {
		/* A held day keeps the clock of the days before it. */
		printf("%-10s %-3s %-24s %-14s %6.1f %-11s %-11s %-11s\n", date,
		       date_weekday_name(p->day),
		       engine_proj_held(p) ? "(not logged: held)" : "(not logged)",
		       engine_level_name(p->level),
		       p->rest_clock_hours, "", "", "");
		return 0;
	}
	report_day_cells(p, en, "-", "-", &c);
	/* One decimal, "<0.1" under it, as everywhere a person reads. */
	report_band_text(LOSS_MUSCLE, p->loss[LOSS_MUSCLE][BAND_LOW],
			 p->loss[LOSS_MUSCLE][BAND_HIGH], "-", m, sizeof m);
	report_band_text(LOSS_CARDIO, p->loss[LOSS_CARDIO][BAND_LOW],
			 p->loss[LOSS_CARDIO][BAND_HIGH], "-", cd, sizeof cd);
	report_band_text(LOSS_BONE, p->loss[LOSS_BONE][BAND_LOW], p->loss[LOSS_BONE][BAND_HIGH], "-",
			 b, sizeof b);
	syms[0] = '\0';
	for (i = 0; i < en->n_symptoms; i++) {
		size_t used = strlen(syms);
		snprintf(syms + used, sizeof syms - used, "%s%s%s", i ? "," : "",
			 entry_symptom_is_red_flag(en->symptoms[i]) ? "!" : "", en->symptoms[i]);
	}
	printf("%-10s %-3s %6s %5s %4s     %-14s %6.1f %-11s %-11s %-11s %s%s%s\n", date,
	       date_weekday_name(p->day), c.rest, c.act, c.pain, engine_level_name(p->level),
	       p->rest_clock_hours, m, cd, b, syms, syms[0] && en->note[0] ? " " : "",
	       en->note[0] ? "[note]" : "");
	return 0;
}

int cli_show(struct cli *c, struct cli_args *a, struct rw_error *e)
{
	struct report_opts o = { .today = c->today };
	struct journal *j;
	rw_day first, last;
	bool json = false, found;
	int r;

	if ((r = show_options(c, a, &o.range, &json, e)) || (r = cli_journal(c, &j, e)))
		return r;
	if (json)
		return report_write(stdout, j, REPORT_JSON, &o, e);
	if ((r = journal_bounds(j, &first, &last, NULL, &found, e)))
		return r;
	if (!found) {
		puts("No days logged yet: restwatch log --rest H adds today.");
		return 0;
	}
	printf("%-10s %-3s %6s %5s %4s     %-14s %6s %-11s %-11s %-11s %s\n", "DATE", "DAY",
	       "REST h", "ACT m", "PAIN", "LEVEL", "CLOCK", "MUSCLE %", "CARDIO %", "BONE %",
	       "SYMPTOMS");
	return journal_each(j, o.range.has_from ? o.range.from : first,
			    o.range.has_to ? o.range.to : last, 0, show_row, NULL, e);
}

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
	int r, i;

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
	engine_forecast(&p, &last, &like, 7, fc);
	printf(",\n  \"forecast\": [");
	for (i = 0; i < 3; i++) {
		int first = 0;
		printf("%s\n    {\"days_ahead\":%d", i ? "," : "", ahead[i]);
		jsonw_day_fields(stdout, &fc[ahead[i] - 1], NULL, 0, &first);
		putchar('}');
	}
	printf("\n  ]\n}\n");
	return 0;
}

int cli_status(struct cli *c, struct cli_args *a, struct rw_error *e)
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
