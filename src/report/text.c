/* text.c - the plain-text report: what a clinician reads in a minute.
 *
 * The summary, the warnings (red flags first), then one line per calendar
 * day with its symptoms, activities, medications, weight and note on lines
 * below it.  Everything but the user's text is ASCII, and no line is wider
 * than 80 columns: lines are wrapped at spaces, and only a word longer than
 * a whole line is cut (a wide character counts two columns).
 */
#include <stdbool.h>
#include <string.h>

#include "advice.h"
#include "report.h"
#include "utf8.h"

#define WIDTH 78     /* wrap column of the prose */
#define LABEL 18     /* width of the summary's labels */

/* The columns a character takes in a terminal: 2 for the East Asian wide
 * and fullwidth ranges and the emoji, 0 for combining marks and zero-width
 * characters, else 1 (Markus Kuhn's wcwidth, in short; no locale needed). */
static int char_cols(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned long c;

	if (n <= 1)
		return 1;
	c = n == 2 ? (u[0] & 0x1fu) : n == 3 ? (u[0] & 0x0fu) : (u[0] & 0x07u);
	for (size_t i = 1; i < n; i++)
		c = c << 6 | (u[i] & 0x3fu);
	if ((c >= 0x300 && c <= 0x36f) || (c >= 0x200b && c <= 0x200f) ||
	    (c >= 0xfe00 && c <= 0xfe0f))
		return 0;
	if ((c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf && c != 0x303f) ||
	    (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
	    (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
	    (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1f64f) ||
	    (c >= 0x1f900 && c <= 0x1f9ff) || (c >= 0x20000 && c <= 0x3fffd))
		return 2;
	return 1;
}

/* The bytes of the next character of s (1 for a byte that is not UTF-8). */
static size_t char_len(const char *s)
{
	size_t n = utf8_seq(s);
	return n ? n : 1;
}

/* The columns of the word at s (up to a blank, newline or NUL); *end is
 * set past it. */
static int word_cols(const char *s, const char **end)
{
	int cols = 0;

	while (*s && *s != ' ' && *s != '\t' && *s != '\n') {
		size_t n = char_len(s);
		cols += char_cols(s, n);
		s += n;
	}
	*end = s;
	return cols;
}

/* Write s wrapped at spaces to width columns: the first line continues
 * whatever is already on the line (col columns used), later lines start
 * with indent spaces.  Newlines in s start a new line; tabs count as
 * spaces; a word longer than a whole line is cut at a character.
 * Indentation is written only before a word, so no line ends in blanks. */
static void wrap(FILE *f, const char *s, int col, int indent, int width)
{
	bool pending = false; /* a space owed before the next word */
	bool fresh = false;   /* a new line whose indentation is not written yet */

	while (*s) {
		const char *w = s, *end;
		int len;

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
		len = word_cols(s, &end);
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
		pending = false;
		/* What fits of the word; a word too long for any line goes on
		 * on the next. */
		for (s = w; s < end;) {
			size_t n = char_len(s);
			int c = char_cols(s, n);
			if (col + c > width && col > indent) {
				fprintf(f, "\n%*s", indent, "");
				col = indent;
			}
			fwrite(s, 1, n, f);
			col += c;
			s += n;
		}
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

/* The table's columns; the header is printed with the same widths.  The
 * three losses end the line, which fits 80 columns while each band is at
 * most 8 characters ("<0.1-0.4", "12.5-18.0" is 9: then they go on a line
 * of their own).  A day not logged spans the weekday, rest and pain. */
#define ROW_FMT "  %-10s  %-3s %6s %4s %7s  %-14s"
#define GAP_FMT "  %-10s  %-16s %6s  %-14s"
#define BANDS_FMT " %-8s %-8s %s"
#define TABLE_WIDTH 80

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
	/* The level, last, wraps at its comma past 80 columns. */
	wrap(f, c.level,
	     fprintf(f, "  %-10s  %-6s  %6s  %7s  %4s  %3s  %7s  ", date_format(w->from, date),
		     c.logged, c.rest, c.act, c.pain, c.max_pain, c.clock),
	     59, TABLE_WIDTH);
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
	fprintf(f, ROW_FMT BANDS_FMT "\n", "DATE", "DAY", "REST h", "PAIN", "CLOCK h", "LEVEL",
		"MUSCLE%", "CARDIO%", "BONE%");
}

/* A labelled line under a day's row: "symptoms: ...", wrapped under its
 * text. */
static void day_line(FILE *f, const char *label, const char *text)
{
	int n = fprintf(f, "%14s%s: ", "", label);
	wrap(f, text, n, n, TABLE_WIDTH);
}

/* The day's row: the numbers, then the loss bands when they fit. */
static void row_cells(FILE *f, const struct engine_proj *p, const struct entry *en,
		      const struct report_cells *c)
{
	char row[160], lost[LOSS_COUNT * sizeof c->band[0] + 32], date[DATE_BUFSZ], clock[32];
	int n, b;

	date_format(p->day, date);
	snprintf(clock, sizeof clock, "%.1f", p->rest_clock_hours);
	if (en)
		n = snprintf(row, sizeof row, ROW_FMT, date, date_weekday_name(p->day), c->rest,
			     c->pain, clock, engine_level_name(p->level));
	else
		n = snprintf(row, sizeof row, GAP_FMT, date,
			     engine_proj_held(p) ? "not logged: held" : "not logged", clock,
			     engine_level_name(p->level));
	b = snprintf(row + n, sizeof row - (size_t)n, BANDS_FMT, c->band[0], c->band[1],
		     c->band[2]);
	if (n + b <= TABLE_WIDTH && strlen(c->band[0]) <= 8 && strlen(c->band[1]) <= 8) {
		fprintf(f, "%s\n", row);
		return;
	}
	row[n] = '\0';
	fprintf(f, "%s\n", row);
	snprintf(lost, sizeof lost, "muscle %s%%, cardio %s%%, bone %s%%", c->band[0], c->band[1],
		 c->band[2]);
	day_line(f, "losses", lost);
}

/* One calendar day: a line of numbers, then what else was logged, each on
 * lines of its own (symptoms first, a red flag marked !). */
static int day_row(void *ctx, const struct engine_proj *p, const struct entry *en)
{
	FILE *f = ((struct report_run *)ctx)->f;
	struct report_cells c;
	char text[NOTE_MAX + MEDS_TEXT_MAX + ACTIVITIES_TEXT_MAX + 64];
	size_t o;
	int i;

	report_day_cells(p, en, "-", "-", &c);
	row_cells(f, p, en, &c);
	if (!en)
		return 0;
	if (en->n_symptoms) {
		for (i = 0, o = 0; i < en->n_symptoms && o < sizeof text; i++)
			o += (size_t)snprintf(text + o, sizeof text - o, "%s%s%s", i ? ", " : "",
					      entry_symptom_is_red_flag(en->symptoms[i]) ? "!" : "",
					      en->symptoms[i]);
		day_line(f, "symptoms", text);
	}
	if (en->n_activities) {
		for (i = 0, o = 0; i < en->n_activities && o < sizeof text; i++)
			o += (size_t)snprintf(text + o, sizeof text - o, "%s%s %d min", i ? ", " : "",
					      entry_kind_name(en->activities[i].kind),
					      en->activities[i].minutes);
		if (en->n_activities > 1 && o < sizeof text)
			snprintf(text + o, sizeof text - o, " (%d min in all)", p->activity_minutes);
		day_line(f, "activity", text);
	}
	if (en->n_meds) {
		char meds[MEDS_TEXT_MAX + 64], m[MED_NAME_MAX + MED_DOSE_MAX + 2];
		for (i = 0, o = 0; i < en->n_meds && o < sizeof meds; i++)
			o += (size_t)snprintf(meds + o, sizeof meds - o, "%s%s", i ? ", " : "",
					      entry_med_text(&en->meds[i], m, sizeof m));
		day_line(f, "medications", meds);
	}
	if (en->weight_dg != WEIGHT_UNSET) {
		snprintf(text, sizeof text, "%s kg", c.kg);
		day_line(f, "weight", text);
	}
	if (en->note[0])
		day_line(f, "note", en->note);
	return 0;
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

	fprintf(f, "restwatch history report, %s\n", report_period_text(s, period, sizeof period));
	if (run->o->name) {
		fputs("Name: ", f);
		wrap(f, run->o->name, 6, 6, WIDTH);
	}
	wrap(f, advice_disclaimer, 0, 0, WIDTH);
	putc('\n', f);
	if ((r = report_sections(run, &sections, e)) || !run->walk)
		return r;
	table_head(f, s);
	run->from = report_days_from(s);
	return 0;
}

const struct report_format report_text = {
	.name = "text", .ext = "txt", .mime = "text/plain; charset=utf-8", .summary = true,
	.begin = begin, .day = day_row,
};
