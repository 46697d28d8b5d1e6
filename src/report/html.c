/* html.c - the report as one self-contained HTML file: the summary, the
 * warnings, inline SVG charts and the table of days, with print CSS so
 * that it prints cleanly on A4 or Letter.
 *
 * Nothing is fetched: the style sheet is inline, the charts are inline
 * SVG (no namespace URL either: HTML gives <svg> its namespace), and no
 * script runs.  All user text is escaped.  The chart geometry (axes,
 * binning days into columns, bar heights) is chart.c's, the same code the
 * TUI's Trends screen uses; the days are streamed three times (summary,
 * charts, table), so memory stays flat however long the history is.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "advice.h"
#include "html_chart.h"
#include "html_text.h"
#include "report.h"

#define DASH "\xe2\x80\x93"

/* ---- summary and warnings ------------------------------------------------ */

static void summary(FILE *f, const struct report_summary *s)
{
	struct report_line lines[REPORT_SUMMARY_LINES];
	int i;

	report_summary_lines(s, DASH, lines);
	fputs("<section id=\"summary\">\n<h2>Summary</h2>\n<dl class=\"summary\">\n", f);
	for (i = 0; i < REPORT_SUMMARY_LINES; i++) {
		fprintf(f, "<dt>%s</dt><dd>", lines[i].label);
		html_esc_dates(f, lines[i].text);
		fputs("</dd>\n", f);
	}
	fputs("</dl>\n</section>\n", f);
}

/* Red flags first (in the alert colour), then the rest-clock warnings
 * grouped by episode, a list each (docs/formats.md, episodes). */
static void warnings(FILE *f, const struct report_summary *s)
{
	char text[512], date[DATE_BUFSZ];
	size_t i;

	fputs("<section id=\"warnings\">\n<h2>Warnings</h2>\n", f);
	if (!s->n_warnings) {
		fputs("<p>None.</p>\n</section>\n", f);
		return;
	}
	for (i = 0; i < s->n_warnings; i++) {
		const struct report_warning *w = &s->warnings[i];
		bool red = w->kind == WARN_RED_FLAG;
		if (i == 0 && red)
			fputs("<ul class=\"warnings\">\n", f);
		if (report_group_starts(s, i)) {
			fputs(i ? "</ul>\n<h3 class=\"episode\">" : "<h3 class=\"episode\">", f);
			html_esc_dates(f, report_group_heading(s, w->episode, text, sizeof text));
			fputs("</h3>\n<ul class=\"warnings\">\n", f);
		}
		date_format(w->day, date);
		fprintf(f, "<li%s><time datetime=\"%s\">%s</time>: ",
			red ? " class=\"red-flag\"" : "", date, date);
		html_esc_dates(f, report_warning_text(w, &s->params, text, sizeof text));
		fputs("</li>\n", f);
	}
	fputs("</ul>\n</section>\n", f);
}

/* ---- the table ------------------------------------------------------------- */

static int day_row(void *ctx, const struct engine_proj *p, const struct entry *en)
{
	FILE *f = ((struct report_run *)ctx)->f;
	struct report_cells c;
	char date[DATE_BUFSZ];
	int x, i;

	report_day_cells(p, en, "", DASH, &c);
	date_format(p->day, date);
	fprintf(f, "<tr%s><td class=\"d\">%s</td><td>%s</td>", en ? "" : " class=\"gap\"", date,
		date_weekday_name(p->day));
	if (!en) {
		fputs(engine_proj_held(p) ? "<td colspan=\"3\">not logged: held</td>"
					  : "<td colspan=\"3\">not logged</td>", f);
	} else {
		fprintf(f, "<td class=\"n\">%s</td><td class=\"act\">", c.rest);
		if (en->n_activities) {
			fprintf(f, "%d (", p->activity_minutes);
			for (i = 0; i < en->n_activities; i++)
				fprintf(f, "%s%s %d", i ? ", " : "",
					entry_kind_name(en->activities[i].kind), en->activities[i].minutes);
			putc(')', f);
		}
		fprintf(f, "</td><td class=\"n\">%s</td>", c.pain);
	}
	fprintf(f, "<td class=\"n\">%.1f</td><td class=\"lvl level-%s\">%s</td>", p->rest_clock_hours,
		engine_level_name(p->level), engine_level_name(p->level));
	for (x = 0; x < LOSS_COUNT; x++)
		fprintf(f, "<td class=\"n\">%s</td>", c.band[x]);
	fprintf(f, "<td class=\"n\">%s</td><td>", c.kg);
	for (i = 0; en && i < en->n_symptoms; i++) {
		bool red = entry_symptom_is_red_flag(en->symptoms[i]);
		fputs(i ? ", " : "", f);
		if (red)
			fputs("<strong class=\"red-flag\">", f);
		html_esc(f, en->symptoms[i]);
		if (red)
			fputs("</strong>", f);
	}
	fputs("</td><td>", f);
	for (i = 0; en && i < en->n_meds; i++) {
		char m[MED_NAME_MAX + MED_DOSE_MAX + 2];
		fputs(i ? ", " : "", f);
		html_esc(f, entry_med_text(&en->meds[i], m, sizeof m));
	}
	fputs("</td><td class=\"note\">", f);
	if (en)
		html_esc(f, en->note);
	fputs("</td></tr>\n", f);
	return 0;
}

/* Each rest episode as a table row (docs/formats.md, episodes). */
static void episodes(FILE *f, const struct report_summary *s)
{
	struct report_episode_cells c;
	size_t i;

	fputs("<section id=\"episodes\">\n<h2>Episodes</h2>\n", f);
	if (!s->n_episodes) {
		fputs("<p>None (the rest clock never ran).</p>\n</section>\n", f);
		return;
	}
	fputs("<p>From the first day of rest to the last with the rest clock running.</p>\n"
	      "<div class=\"scroll\" role=\"region\" aria-label=\"Episodes, a table that scrolls "
	      "sideways\" tabindex=\"0\">\n<table class=\"days\">\n<thead><tr>"
	      "<th scope=\"col\">From</th><th scope=\"col\">To</th><th scope=\"col\">Days</th>"
	      "<th scope=\"col\">Peak rest clock h</th><th scope=\"col\">Days mostly in bed</th>"
	      "<th scope=\"col\">Peak muscle %</th><th scope=\"col\">Red-flag days</th>"
	      "<th scope=\"col\">Activity min</th><th scope=\"col\">Mean pain</th>"
	      "</tr></thead>\n<tbody>\n", f);
	for (i = 0; i < s->n_episodes; i++) {
		report_episode_cells(&s->episodes[i], "", DASH, &c);
		fprintf(f, "<tr><td class=\"d\">%s<time datetime=\"%s\">%s</time></td>"
			   "<td class=\"d\"><time datetime=\"%s\">%s</time></td><td class=\"n\">%s</td>"
			   "<td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td>"
			   "<td class=\"n%s\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td></tr>\n",
			s->episodes[i].began_before ? "before " : "", c.from, c.from, c.to, c.to,
			c.days, c.clock, c.bed, c.muscle,
			s->episodes[i].red_flags ? " red-flag" : "", c.red, c.act, c.pain);
	}
	fputs("</tbody>\n</table>\n</div>\n</section>\n", f);
}

/* One week of a long period as a table row. */
static int week_row(void *ctx, const struct report_week *w)
{
	FILE *f = ctx;
	struct report_week_cells c;
	char date[DATE_BUFSZ];

	report_week_cells(w, "", &c);
	date_format(w->from, date);
	fprintf(f, "<tr><td class=\"d\"><time datetime=\"%s\">%s</time></td><td class=\"n\">%s</td>"
		   "<td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td>"
		   "<td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"lvl level-%s%s\">%s</td>"
		   "</tr>\n", date, date, c.logged, c.rest, c.act, c.pain, c.max_pain, c.clock,
		engine_level_name(w->level), w->red ? " red-flag" : "", c.level);
	return 0;
}

/* A long period one row a week (docs/formats.md, long spans). */
static int weeks(FILE *f, struct journal *j, const struct report_summary *s,
		 struct rw_error *e)
{
	int r;

	fputs("<section id=\"weeks\">\n<h2>Weeks</h2>\n"
	      "<p>Monday to Sunday; rest and pain are means of the logged days.</p>\n"
	      "<div class=\"scroll\" role=\"region\" aria-label=\"Weeks, a table that scrolls "
	      "sideways\" tabindex=\"0\">\n<table class=\"days\">\n<thead><tr>"
	      "<th scope=\"col\">Week of</th><th scope=\"col\">Logged</th>"
	      "<th scope=\"col\">Mean rest h</th><th scope=\"col\">Activity min</th>"
	      "<th scope=\"col\">Mean pain</th><th scope=\"col\">Max pain</th>"
	      "<th scope=\"col\">Max rest clock h</th><th scope=\"col\">Level reached</th>"
	      "</tr></thead>\n<tbody>\n", f);
	r = report_each_week(j, s->first, s->last, week_row, f, e);
	fputs("</tbody>\n</table>\n</div>\n</section>\n", f);
	return r;
}

/* The charts, from a second pass over the days (the summary was the first). */
static int charts(struct report_run *run, struct rw_error *e)
{
	const struct report_summary *s = run->s;
	struct html_bins *b = run->state;
	int r;

	if ((r = html_bins_init(b, s->days, e)) ||
	    (r = journal_each(run->j, s->first, s->last, 0, html_bins_day, b, e)))
		return r;
	html_bins_flush(b);
	if (b->cols)
		html_charts(run->f, b, s);
	return 0;
}

static const struct report_sections sections = {
	.none = "<p>No days logged in this period.</p>\n", .summary = summary,
	.warnings = warnings, .episodes = episodes, .charts = charts, .weeks = weeks,
};

/* The document up to the days' table: summary, warnings, episodes, charts. */
static int begin(struct report_run *run, struct rw_error *e)
{
	const struct report_summary *s = run->s;
	FILE *f = run->f;
	char period[64];
	int r;

	report_period_text(s, period, sizeof period);
	fprintf(f, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		   "<meta name=\"generator\" content=\"restwatch %s\">\n"
		   "<title>", RESTWATCH_VERSION);
	if (run->o->name) {
		html_esc(f, run->o->name);
		fputs(": ", f);
	}
	fprintf(f, "restwatch history report, %s</title>\n", period);
	fputs(html_style, f);
	fputs("</head>\n<body>\n<header>\n<h1>restwatch history report</h1>\n", f);
	if (run->o->name) {
		fputs("<p class=\"name\">Name: ", f);
		html_esc(f, run->o->name);
		fputs("</p>\n", f);
	}
	fprintf(f, "<p class=\"period\">%s</p>\n<p class=\"notice\">", period);
	html_esc(f, advice_disclaimer);
	fputs("</p>\n</header>\n<main>\n", f);
	if ((r = report_sections(run, &sections, e)) || !run->walk)
		return r;
	fprintf(f, "<section id=\"days\">\n<h2>Days%s</h2>\n", s->long_span ? " (the last 28)" : "");
	fputs("<p>Losses are percent, low" DASH "high band; symptoms in bold are red flags.</p>\n"
	      "<div class=\"scroll\" role=\"region\" aria-label=\"Days, a table that scrolls "
	      "sideways\" tabindex=\"0\">\n"
	      "<table class=\"days\">\n<thead><tr><th scope=\"col\">Date</th>"
	      "<th scope=\"col\">Day</th><th scope=\"col\">Rest h</th>"
	      "<th scope=\"col\">Activity min</th><th scope=\"col\">Pain</th>"
	      "<th scope=\"col\">Rest clock h</th><th scope=\"col\">Level</th>"
	      "<th scope=\"col\">Muscle %</th><th scope=\"col\">Cardio %</th>"
	      "<th scope=\"col\">Bone %</th><th scope=\"col\">Weight kg</th>"
	      "<th scope=\"col\">Symptoms</th><th scope=\"col\">Medications</th>"
	      "<th scope=\"col\">Note</th></tr></thead>\n"
	      "<tbody>\n",
	      f);
	run->from = report_days_from(s);
	return 0;
}

/* The table's end and the footer. */
static int end(struct report_run *run, int r, struct rw_error *e)
{
	struct html_bins *b = run->state;

	(void)e;
	free(b->chunk);
	if (r)
		return r;
	if (!run->s->empty)
		fputs("</tbody>\n</table>\n</div>\n</section>\n", run->f);
	fprintf(run->f, "</main>\n<footer>\n<p>Written by restwatch %s.</p>\n</footer>\n</body>\n"
			"</html>\n", RESTWATCH_VERSION);
	return 0;
}

const struct report_format report_html = {
	.name = "html", .ext = "html", .mime = "text/html; charset=utf-8", .summary = true,
	.state_size = sizeof(struct html_bins), .begin = begin, .day = day_row, .end = end,
};
