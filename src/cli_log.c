/* cli_log.c - `log`: create or update one day's entry (docs/formats.md). */
#include <stdio.h>
#include <string.h>

#include "advice.h"
#include "cli.h"

/* What `log` was asked to do; applied inside the journal's transaction so
 * that two processes adding activities to one day never lose either. */
struct log_request {
	bool set_rest, set_pain, set_weight, set_note;
	double rest;
	int pain, weight_dg;
	bool clear_activities, clear_symptoms, clear_meds;
	int n_activities, n_symptoms, n_meds;
	struct medication meds[ENTRY_MAX_MEDS];
	struct activity activities[ENTRY_MAX_ACTIVITIES];
	char symptoms[ENTRY_MAX_SYMPTOMS][SYMPTOM_MAX + 1];
	char note[NOTE_MAX + 1];
};

static int apply_log(void *ctx, struct entry *en, bool existed, struct rw_error *e)
{
	struct log_request *q = ctx;
	int i, r;

	(void)existed;
	if (q->set_rest) {
		en->has_rest = true;
		en->rest_hours = q->rest;
	}
	if (q->set_pain)
		en->pain = q->pain;
	if (q->set_weight)
		en->weight_dg = q->weight_dg;
	if (q->set_note)
		memcpy(en->note, q->note, sizeof en->note);
	if (q->clear_activities)
		en->n_activities = 0;
	if (q->clear_symptoms)
		en->n_symptoms = 0;
	if (q->clear_meds)
		en->n_meds = 0;
	for (i = 0; i < q->n_meds; i++)
		if ((r = entry_add_med(en, &q->meds[i], "--med", e)))
			return r;
	for (i = 0; i < q->n_activities; i++)
		if ((r = entry_add_activity(en, q->activities[i], "--activity", e)))
			return r;
	for (i = 0; i < q->n_symptoms; i++)
		if ((r = entry_add_symptom(en, q->symptoms[i], "--symptom", e)))
			return r;
	return 0;
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

enum {
	O_DATE, O_REST, O_ACTIVITY, O_PAIN, O_SYMPTOM, O_WEIGHT, O_NOTE, O_CLEAR_ACT, O_CLEAR_SYM,
	O_MED, O_CLEAR_MEDS, O_FUTURE
};

static int cli_log(struct cli *c, struct cli_args *a, struct rw_error *e)
{
	static const struct cli_opt opts[] = {
		{ "--date", 0, true, O_DATE },
		{ "--rest", 0, true, O_REST },
		{ "--activity", 0, true, O_ACTIVITY },
		{ "--pain", 0, true, O_PAIN },
		{ "--symptom", 0, true, O_SYMPTOM },
		{ "--weight", 0, true, O_WEIGHT },
		{ "--note", 0, true, O_NOTE },
		{ "--clear-activities", 0, false, O_CLEAR_ACT },
		{ "--clear-symptoms", 0, false, O_CLEAR_SYM },
		{ "--med", 0, true, O_MED },
		{ "--clear-meds", 0, false, O_CLEAR_MEDS },
		{ "--future", 0, false, O_FUTURE },
		{ NULL, 0, false, 0 },
	};
	static struct log_request q; /* large; one per process */
	struct journal *j;
	const char *v;
	rw_day day = c->today;
	bool future = false;
	char shown[64];
	int id, r;

	memset(&q, 0, sizeof q);
	while ((r = cli_next(a, opts, &id, &v, e)) == 1) {
		r = 0;
		switch (id) {
		case O_DATE:
			r = cli_date(c, v, &day, "--date", e);
			break;
		case O_REST:
			q.set_rest = true;
			r = entry_parse_rest(v, &q.rest, "--rest", e);
			break;
		case O_ACTIVITY:
			if (q.n_activities >= ENTRY_MAX_ACTIVITIES)
				r = rw_fail(e, RW_EDATA, "--activity: a day holds at most %d activities",
					    ENTRY_MAX_ACTIVITIES);
			else
				r = entry_parse_activity(v, &q.activities[q.n_activities++],
							 "--activity", e);
			break;
		case O_PAIN:
			q.set_pain = true;
			r = entry_parse_pain(v, &q.pain, "--pain", e);
			break;
		case O_SYMPTOM:
			if (q.n_symptoms >= ENTRY_MAX_SYMPTOMS)
				r = rw_fail(e, RW_EDATA, "--symptom: a day holds at most %d symptoms",
					    ENTRY_MAX_SYMPTOMS);
			else
				r = entry_parse_symptom(v, q.symptoms[q.n_symptoms++], "--symptom", e);
			break;
		case O_WEIGHT:
			q.set_weight = true;
			r = entry_parse_weight(v, &q.weight_dg, "--weight", e);
			break;
		case O_NOTE:
			q.set_note = true;
			r = entry_parse_note(v, q.note, "--note", e);
			break;
		case O_CLEAR_ACT:
			q.clear_activities = true;
			break;
		case O_CLEAR_SYM:
			q.clear_symptoms = true;
			break;
		case O_MED:
			if (q.n_meds >= ENTRY_MAX_MEDS)
				r = rw_fail(e, RW_EDATA, "--med: a day holds at most %d medications",
					    ENTRY_MAX_MEDS);
			else
				r = entry_parse_med(v, &q.meds[q.n_meds++], "--med", e);
			break;
		case O_CLEAR_MEDS:
			q.clear_meds = true;
			break;
		case O_FUTURE:
			future = true;
			break;
		default:
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
