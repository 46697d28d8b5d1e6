/* text.c - the plain-text report: what a clinician reads in a minute.
 *
 * The summary, the warnings (red flags first), then one line per calendar
 * day with the day's note wrapped below it.  Everything but the user's
 * notes is ASCII; lines are wrapped at spaces only, never inside a word.
 */
#include <stdbool.h>
#include <string.h>

#include "advice.h"
#include "report.h"
#include "utf8.h"

#define WIDTH 78     /* wrap column of the prose */
#define LABEL 18     /* width of the summary's labels */

/* Write s wrapped at spaces to width columns: the first line continues
 * whatever is already on the line (col columns used), later lines start
 * with indent spaces.  Newlines in s start a new line; tabs count as
 * spaces; a word longer than a line stands alone, whole.  Indentation is
 * written only before a word, so no line ends in blanks. */
static void wrap(FILE *f, const char *s, int col, int indent, int width)
{
	bool pending = false; /* a space owed before the next word */
	bool fresh = false;   /* a new line whose indentation is not written yet */

	while (*s) {
		const char *w = s;
		int len = 0;

		if (*s == '\n') {
			putc('\n', f);
			col = indent;
			fresh = true;
			pending = false;
			s++;
			continue;
		}
		if (*s == ' ' || *s == '\t') {
			pending = true;
			s++;
			continue;
		}
		while (*s && *s != ' ' && *s != '\t' && *s != '\n') {
			size_t n = utf8_seq(s);
			s += n ? n : 1;
			len++;
		}
		if (col > indent && col + pending + len > width) {
			putc('\n', f);
			col = indent;
			fresh = true;
		} else if (pending && col > indent) {
			putc(' ', f);
			col++;
		}
		if (fresh)
			fprintf(f, "%*s", indent, "");
		fresh = false;
		fwrite(w, 1, (size_t)(s - w), f);
		col += len;
		pending = false;
	}
	putc('\n', f);
}

/* A summary line: the label in its column, the text wrapped after it. */
static void item(FILE *f, const char *label, const char *text)
{
	fprintf(f, "  %-*s", LABEL - 2, label);
	wrap(f, text, LABEL, LABEL, WIDTH);
}

/* The summary's labelled lines, in the words every format shares. */
static void summary(FILE *f, const struct report_summary *s)
{
	struct report_line lines[REPORT_SUMMARY_LINES];
	int i;

	report_summary_lines(s, "-", lines);
	fputs("Summary\n", f);
	for (i = 0; i < REPORT_SUMMARY_LINES; i++)
		item(f, lines[i].label, lines[i].text);
}

/* Red flags first, then the rest-clock warnings grouped by episode, each
 * in date order (docs/formats.md, episodes). */
static void warnings(FILE *f, const struct report_summary *s)
{
	char text[512], date[DATE_BUFSZ];
	size_t i;

	fputs("\nWarnings\n", f);
	if (!s->n_warnings)
		fputs("  none\n", f);
	for (i = 0; i < s->n_warnings; i++) {
		const struct report_warning *w = &s->warnings[i];
		bool red = w->kind == WARN_RED_FLAG;
		if (report_group_starts(s, i)) {
			fputs("  ", f);
			wrap(f, report_group_heading(s, w->episode, text, sizeof text), 2, 4, WIDTH);
		}
		fprintf(f, "%s%s  ", red ? "  " : "    ", date_format(w->day, date));
		wrap(f, report_warning_text(w, &s->params, text, sizeof text), red ? 14 : 16,
		     red ? 14 : 16, WIDTH);
	}
}

/* The table's columns; the header is printed with the same widths. */
#define ROW_FMT "  %-10s  %-3s  %6s  %7s  %4s  %7s  %-14s  %-9s  %-9s  %-9s  %5s"

/* Each rest episode on one line (docs/formats.md, episodes). */
static void episodes(FILE *f, const struct report_summary *s)
{
	struct report_episode_cells c;
	size_t i;

	fputs("\nEpisodes\n", f);
	if (!s->n_episodes) {
		fputs("  none (the rest clock never ran)\n", f);
		return;
	}
	fputs("  From the first day of rest to the last with the rest clock running (< began\n"
	      "  before the period); BED is days mostly in bed, RED days with a red flag,\n"
	      "  PAIN the mean.\n", f);
	fprintf(f, "  %-10s  %-10s  %4s  %7s  %3s  %-9s  %3s  %7s  %4s\n", "FROM", "TO", "DAYS",
		"CLOCK h", "BED", "MUSCLE %", "RED", "ACT min", "PAIN");
	for (i = 0; i < s->n_episodes; i++) {
		report_episode_cells(&s->episodes[i], "-", "-", &c);
		fprintf(f, " %s%-10s  %-10s  %4s  %7s  %3s  %-9s  %3s  %7s  %4s\n",
			s->episodes[i].began_before ? "<" : " ", c.from, c.to, c.days, c.clock, c.bed,
			c.muscle, c.red, c.act, c.pain);
	}
}

/* One week of a long period. */
static int week_line(void *ctx, const struct report_week *w)
{
	FILE *f = ctx;
	struct report_week_cells c;
	char date[DATE_BUFSZ];

	report_week_cells(w, "-", &c);
	fprintf(f, "  %-10s  %-6s  %6s  %7s  %4s  %3s  %7s  %s\n", date_format(w->from, date),
		c.logged, c.rest, c.act, c.pain, c.max_pain, c.clock, c.level);
	return 0;
}

/* A long period one line a week (docs/formats.md, long spans). */
static int weeks(FILE *f, struct journal *j, const struct report_summary *s,
		 struct rw_error *e)
{
	fputs("\nWeeks\n"
	      "  Monday to Sunday. REST h and PAIN are means of the logged days, MAX the\n"
	      "  highest pain, CLOCK h the highest rest clock, LEVEL the furthest reached.\n", f);
	fprintf(f, "  %-10s  %-6s  %6s  %7s  %4s  %3s  %7s  %s\n", "WEEK OF", "LOGGED", "REST h",
		"ACT min", "PAIN", "MAX", "CLOCK h", "LEVEL");
	return report_each_week(j, s->first, s->last, week_line, f, e);
}

/* The table's title, its legend and the column names. */
static void table_head(FILE *f, const struct report_summary *s)
{
	fprintf(f, "\nDays%s\n"
	      "  Losses in percent, low-high band (- for none); CLOCK h is the rest clock;\n"
	      "  ! marks a red flag.\n", s->long_span ? " (the last 28)" : "");
	fprintf(f, ROW_FMT "  %s\n", "DATE", "DAY", "REST h", "ACT min", "PAIN", "CLOCK h", "LEVEL",
		"MUSCLE %", "CARDIO %", "BONE %", "KG", "SYMPTOMS");
}

/* One calendar day: a line of numbers, then the note wrapped under it. */
static int day_row(void *ctx, const struct engine_proj *p, const struct entry *en)
{
	FILE *f = ((struct report_run *)ctx)->f;
	struct report_cells c;
	char date[DATE_BUFSZ], clock[32];
	int i;

	report_day_cells(p, en, "-", "-", &c);
	date_format(p->day, date);
	snprintf(clock, sizeof clock, "%.1f", p->rest_clock_hours);
	if (!en) {
		/* "(not logged)" spans rest, activity and pain; a held day
		 * says so (docs/model.md, the gap hold). */
		fprintf(f, "  %-10s  %-3s  %-21s  %7s  %-14s  %-9s  %-9s  %s\n", date,
			date_weekday_name(p->day),
			engine_proj_held(p) ? "(not logged: held)" : "(not logged)", clock, engine_level_name(p->level),
			c.band[0], c.band[1], c.band[2]);
		return 0;
	}
	fprintf(f, ROW_FMT, date, date_weekday_name(p->day), c.rest, c.act, c.pain, clock,
		engine_level_name(p->level), c.band[0], c.band[1], c.band[2], c.kg);
	for (i = 0; i < en->n_symptoms; i++)
		fprintf(f, "%s%s%s", i ? ", " : "  ",
			entry_symptom_is_red_flag(en->symptoms[i]) ? "!" : "", en->symptoms[i]);
	putc('\n', f);
	if (en->n_activities) {
		char acts[ACTIVITIES_TEXT_MAX];
		size_t o = 0;
		for (i = 0; i < en->n_activities && o < sizeof acts; i++)
			o += (size_t)snprintf(acts + o, sizeof acts - o, "%s%s %d min", i ? ", " : "",
					      entry_kind_name(en->activities[i].kind),
					      en->activities[i].minutes);
		fprintf(f, "%14sactivity: ", "");
		wrap(f, acts, 24, 24, WIDTH + 20);
	}
	if (en->n_meds) {
		char meds[MEDS_TEXT_MAX + 64], m[MED_NAME_MAX + MED_DOSE_MAX + 2];
		size_t o = 0;
		for (i = 0; i < en->n_meds && o < sizeof meds; i++)
			o += (size_t)snprintf(meds + o, sizeof meds - o, "%s%s", i ? ", " : "",
					      entry_med_text(&en->meds[i], m, sizeof m));
		fprintf(f, "%14smedications: ", "");
		wrap(f, meds, 27, 27, WIDTH + 20);
	}
	if (en->note[0]) {
		fprintf(f, "%14snote: ", "");
		wrap(f, en->note, 20, 20, WIDTH + 20);
	}
	return 0;
}

/* Title and notice, summary, warnings, up to the days' table head. */
static int begin(struct report_run *run, struct rw_error *e)
{
	const struct report_summary *s = run->s;
	FILE *f = run->f;
	char period[64];

	fprintf(f, "restwatch history report, %s\n", report_period_text(s, period, sizeof period));
	if (run->o->name)
		fprintf(f, "Name: %s\n", run->o->name);
	wrap(f, advice_disclaimer, 0, 0, WIDTH);
	putc('\n', f);
	run->walk = !s->empty;
	if (s->empty) {
		fputs("No days logged in this period.\n", f);
		return 0;
	}
	summary(f, s);
	warnings(f, s);
	episodes(f, s);
	if (s->long_span) {
		int r = weeks(f, run->j, s, e);
		if (r)
			return r;
	}
	table_head(f, s);
	run->from = report_days_from(s);
	return 0;
}

const struct report_format report_text = {
	.name = "text", .ext = "txt", .mime = "text/plain; charset=utf-8", .summary = true,
	.begin = begin, .day = day_row,
};
