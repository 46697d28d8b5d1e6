/* cli_log.c - `log`: create or update one day's entry (docs/formats.md). */
#include <stdio.h>
#include <string.h>

#include "advice.h"
#include "cli.h"

/* What `log` was asked to do, applied inside the journal's transaction so
 * that two processes adding activities to one day never lose either. */
static int apply_log(void *ctx, struct entry *en, bool existed, struct rw_error *e)
{
	(void)existed;
	return entry_apply(en, ctx, ENTRY_NAME_OPTION, e);
}

/* journal_each callback: the projection line of the one day walked. */
static int print_line(void *ctx, const struct engine_proj *proj, const struct entry *en)
{
	char line[1024];

	puts(advice_line(proj, en, ctx, line, sizeof line));
	return 0;
}

/* Print the projection line of day after a change. */
int cli_print_day_line(struct journal *j, rw_day day, struct rw_error *e)
{
	struct engine_params p;
	int r = journal_params(j, &p, e);

	return r ? r : journal_each(j, day, day, 0, print_line, &p, e);
}

/* A day after today is a plan: it needs --future, and even then lies at
 * most one year ahead (a far-future day would make the journal hold a
 * projection for every day up to it). */
static int check_future(const struct cli *c, rw_day day, bool future, struct rw_error *e)
{
	char a[DATE_BUFSZ], b[DATE_BUFSZ];

	if (day > c->today && !future)
		return rw_fail(e, RW_EDATA,
			       "--date: %s is after today (%s); add --future to log a day ahead",
			       date_format(day, a), date_format(c->today, b));
	return date_check_latest(day, c->today, "--date", e);
}

enum { O_DATE, O_FUTURE, O_FIELD = 100, O_CLEAR = 200 };

/* log's options: --date and --future, then each field's option (it sets a
 * value or adds one item to a list) and a list's clearing option, from the
 * table of entry.h. */
static const struct cli_opt *log_options(void)
{
	static struct cli_opt opts[2 + 2 * EF_COUNT + 1];
	int i, n = 0;

	if (opts[0].name)
		return opts;
	opts[n++] = (struct cli_opt){ "--date", 0, true, O_DATE };
	for (i = 0; i < EF_COUNT; i++) {
		if (entry_fields[i].option)
			opts[n++] = (struct cli_opt){ entry_fields[i].option, 0, true, O_FIELD + i };
		if (entry_fields[i].clear_option)
			opts[n++] = (struct cli_opt){ entry_fields[i].clear_option, 0, false,
						      O_CLEAR + i };
	}
	opts[n] = (struct cli_opt){ "--future", 0, false, O_FUTURE };
	return opts;
}

static int cli_log(struct cli *c, struct cli_args *a, struct rw_error *e)
{
	const struct cli_opt *opts = log_options();
	static struct entry_change q; /* large; one per process */
	const struct entry_field *f;
	struct journal *j;
	const char *v;
	rw_day day = c->today;
	bool future = false;
	char shown[64];
	int id, r;

	entry_change_init(&q);
	while ((r = cli_next(a, opts, &id, &v, e)) == 1) {
		r = 0;
		if (id == O_DATE) {
			r = cli_date(c, v, &day, "--date", e);
		} else if (id == O_FUTURE) {
			future = true;
		} else if (id >= O_CLEAR && id < O_CLEAR + EF_COUNT) {
			f = entry_field((enum entry_field_id)(id - O_CLEAR));
			q.clear |= EF_BIT(f->id);
		} else if (id >= O_FIELD && id < O_FIELD + EF_COUNT) {
			char num[32]; /* a person's "7,5" (docs/formats.md) */
			f = entry_field((enum entry_field_id)(id - O_FIELD));
			if (f->decimal)
				v = entry_decimal_point(v, num, sizeof num);
			r = entry_change_text(&q, f, v, false, f->option, e);
		} else {
			r = rw_fail(e, RW_EUSAGE, "log: unexpected argument '%s'",
				    rw_show(shown, sizeof shown, v));
		}
		if (r)
			return r;
	}
	if (r < 0 || (r = check_future(c, day, future, e)))
		return r;
	if ((r = cli_journal(c, &j, e)) || (r = journal_edit(j, day, apply_log, &q, e)))
		return r;
	return cli_print_day_line(j, day, e);
}

const struct cli_command cli_cmd_log = {
	.name = "log",
	.usage = "[--date DATE] [--rest H] [--activity KIND:MIN]... [--pain N] [--symptom NAME]...\n"
		"             [--med NAME[:DOSE]]... [--weight KG] [--note TEXT]\n"
		"             [--clear-activities] [--clear-symptoms] [--clear-meds] [--future]",
	.about = "create or update one day's entry, then print its projection",
	.help = "  --date DATE         the day (default today; 1900-01-01 at the earliest)\n"
		"  --future            allow a --date after today, at most one year ahead\n"
		"  --rest H            hours lying down or in bed, sleep included (0-24)\n"
		"  --activity KIND:MIN add an activity: walking, water-therapy, stretching,\n"
		"                      cycling, physio or other, for MIN minutes (1-1440)\n"
		"  --pain N            the day's average pain, 0-10\n"
		"  --symptom NAME      add a symptom (lower-case words with dashes), e.g.\n"
		"                      sciatica, numbness, tingling, stiffness, spasm, leg-pain;\n"
		"                      red flags, emergency (an emergency department now, or\n"
		"                      999 in the UK, 112 in the EU, 911 in the US):\n"
		"                      saddle-numbness, bladder-control, bowel-control,\n"
		"                      bladder-bowel-change, both-legs, worsening-weakness,\n"
		"                      sexual-dysfunction, major-trauma, chest-pain,\n"
		"                      sudden-breathlessness; urgent (a doctor the same day):\n"
		"                      fever, unexplained-weight-loss, night-pain,\n"
		"                      upper-back-pain, back-lump, swollen-leg\n"
		"  --med NAME[:DOSE]   add a medication taken that day, e.g. ibuprofen:400mg\n"
		"                      (NAME lower-case letters, digits and dashes; DOSE up to\n"
		"                      32 characters without ';'; at most 16 a day)\n"
		"  --weight KG         body weight, 20-400, one decimal\n"
		"  --note TEXT         a note (replaces the day's note)\n"
		"  --clear-activities  empty the day's activities before adding\n"
		"  --clear-symptoms    empty the day's symptoms before adding\n"
		"  --clear-meds        empty the day's medications before adding\n"
		"--rest, --pain, --weight and --note replace the stored value; --activity,\n"
		"--symptom and --med add to the day's lists.  Rest plus activity is at most\n"
		"24 hours.\n",
	.run = cli_log,
};
