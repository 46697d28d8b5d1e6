/* json.c - the JSON report: {"restwatch", "from", "to", "params", "days",
 * "summary"}, one day per line so that ten years stay readable and quick. */
#include <math.h>

#include "advice.h"
#include "jsonw.h"
#include "report.h"

/* The days written so far. */
struct days_ctx {
	long n;
};

static int day_line(void *ctx, const struct engine_proj *p, const struct entry *en)
{
	struct report_run *run = ctx;
	struct days_ctx *d = run->state;
	fputs(d->n++ ? ",\n    " : "\n    ", run->f);
	jsonw_day(run->f, p, en, 0);
	return 0;
}

static void num_or_null(FILE *f, double v)
{
	if (isnan(v))
		fputs("null", f);
	else
		jsonw_num4(f, v);
}

static void losses(FILE *f, const double l[LOSS_COUNT][BAND_COUNT])
{
	fprintf(f, "\"muscle_loss_low\": ");
	jsonw_num4(f, l[LOSS_MUSCLE][BAND_LOW]);
	fprintf(f, ", \"muscle_loss_high\": ");
	jsonw_num4(f, l[LOSS_MUSCLE][BAND_HIGH]);
	fprintf(f, ", \"cardio_loss_low\": ");
	jsonw_num4(f, l[LOSS_CARDIO][BAND_LOW]);
	fprintf(f, ", \"cardio_loss_high\": ");
	jsonw_num4(f, l[LOSS_CARDIO][BAND_HIGH]);
	fprintf(f, ", \"bone_loss_low\": ");
	jsonw_num4(f, l[LOSS_BONE][BAND_LOW]);
	fprintf(f, ", \"bone_loss_high\": ");
	jsonw_num4(f, l[LOSS_BONE][BAND_HIGH]);
}

static const char *warning_kind_name(enum warning_kind k)
{
	return k == WARN_RED_FLAG ? "red-flag" : k == WARN_CLOT_RISK ? "clot-risk" : "deconditioning";
}

static void summary(FILE *f, const struct report_summary *s)
{
	char text[512];
	size_t i;
	int k;

	fprintf(f, "{\n    \"days\": %ld,\n    \"days_logged\": %ld,\n    \"days_missing\": %ld,\n",
		s->period_days, s->days_logged, s->days_missing);
	fprintf(f, "    \"longest_rest_episode\": ");
	if (s->longest_days) {
		fprintf(f, "{\"from\": ");
		jsonw_date(f, s->longest_from);
		fprintf(f, ", \"to\": ");
		jsonw_date(f, s->longest_to);
		fprintf(f, ", \"days\": %ld, \"peak_rest_clock_hours\": ", s->longest_days);
		jsonw_num4(f, s->longest_peak_clock);
		fputc('}', f);
	} else {
		fputs("null", f);
	}
	fprintf(f, ",\n    \"days_past_threshold\": %ld,\n    \"days_clot_risk\": %ld,\n",
		s->days_past_threshold, s->days_clot_risk);
	fprintf(f, "    \"peak\": {");
	losses(f, s->peak);
	fprintf(f, "},\n    \"current\": ");
	if (s->days) {
		fprintf(f, "{\"date\": ");
		jsonw_date(f, s->current.day);
		fprintf(f, ", \"level\": \"%s\", \"rest_clock_hours\": ",
			engine_level_name(s->current.level));
		jsonw_num4(f, s->current.rest_clock_hours);
		fprintf(f, ", ");
		losses(f, s->current.loss);
		fputc('}', f);
	} else {
		fputs("null", f);
	}
	fprintf(f, ",\n    \"activity_minutes\": {");
	for (k = 0; k < ACT_KINDS; k++)
		fprintf(f, "%s\"%s\": %ld", k ? ", " : "", entry_kind_name((enum activity_kind)k),
			s->activity_minutes[k]);
	fprintf(f, "},\n    \"walking_minutes_per_day\": {\"first_week\": ");
	num_or_null(f, s->walking_first);
	fprintf(f, ", \"last_week\": ");
	num_or_null(f, s->walking_last);
	fprintf(f, "},\n    \"pain_mean\": {\"first_week\": ");
	num_or_null(f, s->pain_first);
	fprintf(f, ", \"last_week\": ");
	num_or_null(f, s->pain_last);
	fprintf(f, "},\n    \"episodes\": [");
	for (i = 0; i < s->n_episodes; i++) {
		const struct report_episode *ep = &s->episodes[i];
		fprintf(f, "%s\n      {\"from\": ", i ? "," : "");
		jsonw_date(f, ep->from);
		fprintf(f, ", \"to\": ");
		jsonw_date(f, ep->to);
		fprintf(f, ", \"began_before\": %s, \"days\": %ld, \"bed_days\": %ld, "
			   "\"peak_rest_clock_hours\": ", ep->began_before ? "true" : "false", ep->days,
			ep->bed_days);
		jsonw_num4(f, ep->peak_clock);
		fprintf(f, ", \"red_flag_days\": %ld, \"activity_minutes\": %ld, \"pain_mean\": ",
			ep->red_flags, ep->act);
		num_or_null(f, ep->pain_n ? ep->pain_sum / ep->pain_n : NAN);
		fprintf(f, ", \"peak\": {");
		losses(f, ep->peak_loss);
		fputs("}}", f);
	}
	fprintf(f, "%s],\n    \"medications\": [", s->n_episodes ? "\n    " : "");
	for (i = 0; i < (size_t)s->n_meds; i++) {
		fprintf(f, "%s\n      {\"name\": ", i ? "," : "");
		jsonw_string(f, s->meds[i].name);
		fprintf(f, ", \"doses\": %ld, \"days\": %ld}", s->meds[i].doses, s->meds[i].days);
	}
	fprintf(f, "%s],\n    \"notice\": ", s->n_meds ? "\n    " : "");
	jsonw_string(f, advice_disclaimer);
	fprintf(f, ",\n    \"warnings\": [");
	for (i = 0; i < s->n_warnings; i++) {
		const struct report_warning *w = &s->warnings[i];
		fprintf(f, "%s\n      {\"date\": ", i ? "," : "");
		jsonw_date(f, w->day);
		fprintf(f, ", \"kind\": \"%s\", \"text\": ", warning_kind_name(w->kind));
		jsonw_string(f, report_warning_text(w, &s->params, text, sizeof text));
		if (w->episode >= 0)
			fprintf(f, ", \"episode\": %ld}", w->episode);
		else
			fputs(", \"episode\": null}", f);
	}
	fprintf(f, "%s]\n  }", s->n_warnings ? "\n    " : "");
}

/* The document up to the days. */
static int begin(struct report_run *run, struct rw_error *e)
{
	const struct report_summary *s = run->s;
	FILE *f = run->f;

	(void)e;
	fprintf(f, "{\n  \"restwatch\": \"%s\",\n  \"from\": ", RESTWATCH_VERSION);
	if (s->has_period)
		jsonw_date(f, s->from);
	else
		fputs("null", f);
	fprintf(f, ",\n  \"to\": ");
	if (s->has_period)
		jsonw_date(f, s->to);
	else
		fputs("null", f);
	fprintf(f, ",\n  \"params\": ");
	jsonw_params(f, &s->params, 4);
	fprintf(f, ",\n  \"days\": [");
	return 0;
}

/* The days' end and the summary. */
static int end(struct report_run *run, int r, struct rw_error *e)
{
	const struct days_ctx *d = run->state;

	(void)e;
	if (r)
		return r;
	fprintf(run->f, "%s],\n  \"summary\": ", d->n ? "\n  " : "");
	summary(run->f, run->s);
	fprintf(run->f, "\n}\n");
	return 0;
}

const struct report_format report_json = {
	.name = "json", .ext = "json", .mime = "application/json", .summary = true,
	.state_size = sizeof(struct days_ctx), .begin = begin, .day = day_line, .end = end,
};
