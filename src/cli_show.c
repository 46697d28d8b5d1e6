/* cli_show.c - `show`: the days in range, as a table or JSON (docs/formats.md). */
#include <stdio.h>
#include <string.h>

#include "advice.h"
#include "cli.h"
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

static int cli_show(struct cli *c, struct cli_args *a, struct rw_error *e)
{
	struct report_opts o = { .today = c->today };
	struct journal *j;
	rw_day first, last;
	bool json = false, found;
	int r;

	if ((r = show_options(c, a, &o.range, &json, e)) || (r = cli_journal(c, &j, e)))
		return r;
	if (json)
		return report_write(stdout, j, &report_json, &o, e);
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

const struct cli_command cli_cmd_show = {
	.name = "show",
	.usage = "[--from DATE] [--to DATE] [--json]",
	.about = "the days in range, entries and projections, as a table or JSON",
	.help = "  --from DATE  first day (default the first logged day)\n"
		"  --to DATE    last day (default the last logged day)\n"
		"  --json       JSON as in report --format json\n"
		"Days between logged days are shown as not logged.\n",
	.run = cli_show,
};
