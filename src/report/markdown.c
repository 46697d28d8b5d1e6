/* markdown.c - the report as GitHub-flavoured Markdown: the same content as
 * the text report, with a pipe table of the days.  User text (notes) is
 * escaped so that it can never end a cell, start a link or inject HTML:
 * Markdown's active characters get a backslash, a note's lines are joined
 * by a pilcrow (no raw HTML).
 */
#include <stdbool.h>
#include <string.h>

#include "advice.h"
#include "report.h"

#define DASH "\xe2\x80\x93" /* en dash, between the low and high band */

#define LINE_SEP " \xc2\xb6 " /* pilcrow: where a note's line ends */

/* s as inline Markdown text that is safe inside a table cell.  A cell
 * holds one line, and safe CommonMark renderers drop raw HTML such as
 * <br>, so a note's lines are joined by " ¶ " (blank lines and line ends at
 * either end leave no separator). */
static void md_text(FILE *f, const char *s)
{
	bool text_before = false;

	for (; *s; s++) {
		if (*s == '\n') {
			while (s[1] == '\n')
				s++;
			if (text_before && s[1])
				fputs(LINE_SEP, f);
			continue;
		}
		text_before = true;
		switch (*s) {
		case '\t':
			putc(' ', f);
			break;
		case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
		case '|': case '~': case '&': case '$': case '#': case '!': case '{': case '}':
			putc('\\', f);
			putc(*s, f);
			break;
		default:
			putc(*s, f);
		}
	}
}

/* The summary as a list of bold labels, in the words every format shares. */
static void summary(FILE *f, const struct report_summary *s)
{
	struct report_line lines[REPORT_SUMMARY_LINES];
	int i;

	report_summary_lines(s, DASH, lines);
	fputs("## Summary\n\n", f);
	for (i = 0; i < REPORT_SUMMARY_LINES; i++) {
		fprintf(f, "- **%s:** ", lines[i].label);
		md_text(f, lines[i].text);
		putc('\n', f);
	}
}

/* Red flags first (in bold), then the rest-clock warnings grouped by
 * episode (docs/formats.md, episodes). */
static void warnings(FILE *f, const struct report_summary *s)
{
	char text[512], date[DATE_BUFSZ];
	size_t i;

	fputs("\n## Warnings\n\n", f);
	if (!s->n_warnings)
		fputs("None.\n", f);
	for (i = 0; i < s->n_warnings; i++) {
		const struct report_warning *w = &s->warnings[i];
		bool red = w->kind == WARN_RED_FLAG;
		if (report_group_starts(s, i)) {
			fputs(i ? "\n### " : "### ", f);
			md_text(f, report_group_heading(s, w->episode, text, sizeof text));
			fputs("\n\n", f);
		}
		fprintf(f, "- **%s:** %s", date_format(w->day, date), red ? "**" : "");
		md_text(f, report_warning_text(w, &s->params, text, sizeof text));
		fputs(red ? "**\n" : "\n", f);
	}
}

/* One table row per calendar day. */
static int day_row(void *ctx, const struct engine_proj *p, const struct entry *en)
{
	FILE *f = ((struct report_run *)ctx)->f;
	struct report_cells c;
	char date[DATE_BUFSZ];
	int x, i;

	report_day_cells(p, en, "", DASH, &c);
	fprintf(f, "| %s | %s | ", date_format(p->day, date), date_weekday_name(p->day));
	if (!en)
		fputs(engine_proj_held(p) ? "*not logged: held* |  |  | " : "*not logged* |  |  | ", f);
	else {
		fprintf(f, "%s | ", c.rest);
		if (en->n_activities) {
			fprintf(f, "%d (", p->activity_minutes);
			for (i = 0; i < en->n_activities; i++)
				fprintf(f, "%s%s %d", i ? ", " : "",
					entry_kind_name(en->activities[i].kind), en->activities[i].minutes);
			fputs(")", f);
		}
		fprintf(f, " | %s | ", c.pain);
	}
	fprintf(f, "%.1f | %s | ", p->rest_clock_hours, engine_level_name(p->level));
	for (x = 0; x < LOSS_COUNT; x++)
		fprintf(f, "%s | ", c.band[x]);
	fprintf(f, "%s | ", c.kg);
	for (i = 0; en && i < en->n_symptoms; i++) {
		bool red = entry_symptom_is_red_flag(en->symptoms[i]);
		fprintf(f, "%s%s%s%s", i ? ", " : "", red ? "**" : "", en->symptoms[i],
			red ? "**" : "");
	}
	fputs(" | ", f);
	for (i = 0; en && i < en->n_meds; i++) {
		char m[MED_NAME_MAX + MED_DOSE_MAX + 2];
		fputs(i ? ", " : "", f);
		md_text(f, entry_med_text(&en->meds[i], m, sizeof m));
	}
	fputs(" | ", f);
	if (en)
		md_text(f, en->note);
	fputs(" |\n", f);
	return 0;
}

/* Each rest episode as a table row (docs/formats.md, episodes). */
static void episodes(FILE *f, const struct report_summary *s)
{
	struct report_episode_cells c;
	size_t i;

	fputs("\n## Episodes\n\n", f);
	if (!s->n_episodes) {
		fputs("None (the rest clock never ran).\n", f);
		return;
	}
	fputs("From the first day of rest to the last with the rest clock running.\n\n"
	      "| From | To | Days | Peak rest clock h | Days mostly in bed | Peak muscle % "
	      "| Red-flag days | Activity min | Mean pain |\n"
	      "|---|---|--:|--:|--:|--:|--:|--:|--:|\n", f);
	for (i = 0; i < s->n_episodes; i++) {
		report_episode_cells(&s->episodes[i], "", DASH, &c);
		fprintf(f, "| %s%s | %s | %s | %s | %s | %s | %s%s%s | %s | %s |\n",
			s->episodes[i].began_before ? "before " : "", c.from, c.to, c.days,
			c.clock, c.bed, c.muscle, s->episodes[i].red_flags ? "**" : "", c.red,
			s->episodes[i].red_flags ? "**" : "", c.act, c.pain);
	}
}

/* One week of a long period as a table row. */
static int week_row(void *ctx, const struct report_week *w)
{
	FILE *f = ctx;
	struct report_week_cells c;
	char date[DATE_BUFSZ];

	report_week_cells(w, "", &c);
	fprintf(f, "| %s | %s | %s | %s | %s | %s | %s | %s%s%s |\n", date_format(w->from, date),
		c.logged, c.rest, c.act, c.pain, c.max_pain, c.clock, w->red ? "**" : "", c.level,
		w->red ? "**" : "");
	return 0;
}

/* A long period one row a week (docs/formats.md, long spans). */
static int weeks(FILE *f, struct journal *j, const struct report_summary *s,
		 struct rw_error *e)
{
	fputs("\n## Weeks\n\n"
	      "Monday to Sunday; rest and pain are means of the logged days.\n\n"
	      "| Week of | Logged | Mean rest h | Activity min | Mean pain | Max pain "
	      "| Max rest clock h | Level reached |\n"
	      "|---|---|--:|--:|--:|--:|--:|---|\n", f);
	return report_each_week(j, s->first, s->last, week_row, f, e);
}

static const struct report_sections sections = {
	.none = "No days logged in this period.\n", .summary = summary, .warnings = warnings,
	.episodes = episodes, .weeks = weeks,
};

/* Title and notice, summary, warnings, up to the days' table head. */
static int begin(struct report_run *run, struct rw_error *e)
{
	const struct report_summary *s = run->s;
	FILE *f = run->f;
	char period[64];
	int r;

	fputs("# restwatch history report\n\n", f);
	if (run->o->name) {
		fputs("**Name:** ", f);
		md_text(f, run->o->name);
		fputs("  \n", f);
	}
	fprintf(f, "**Period:** %s\n\n> ", report_period_text(s, period, sizeof period));
	md_text(f, advice_disclaimer);
	fputs("\n\n", f);
	if ((r = report_sections(run, &sections, e)) || !run->walk)
		return r;
	fprintf(f, "\n## Days%s\n\n", s->long_span ? " (the last 28)" : "");
	fputs("Losses are percent, low" DASH "high band; **bold** symptoms are red flags.\n\n"
	      "| Date | Day | Rest h | Activity min | Pain | Rest clock h | Level | Muscle % "
	      "| Cardio % | Bone % | Weight kg | Symptoms | Medications | Note |\n"
	      "|---|---|--:|---|--:|--:|---|--:|--:|--:|--:|---|---|---|\n",
	      f);
	run->from = report_days_from(s);
	return 0;
}

const struct report_format report_markdown = {
	.name = "markdown", .ext = "md", .mime = "text/markdown; charset=utf-8", .summary = true,
	.begin = begin, .day = day_row,
};
