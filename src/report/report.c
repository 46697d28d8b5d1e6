/* report.c - the report formats by name, and writing a report to stdout or
 * atomically to a file. */
#include <errno.h>
#include <stdbool.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "advice.h"
#include "fileio.h"
#include "report.h"
#include "utf8.h"

/* The one table of formats (docs/formats.md): each writer's descriptor, in
 * the order --help lists them and the TUI cycles them. */
const struct report_format *const report_formats[] = {
	&report_text, &report_markdown, &report_csv, &report_json, &report_html, &report_pdf
};
const size_t report_format_count = sizeof report_formats / sizeof report_formats[0];

const struct report_format *report_format_find(const char *name)
{
	size_t i;
	for (i = 0; i < report_format_count; i++)
		if (strcmp(name, report_formats[i]->name) == 0)
			return report_formats[i];
	return NULL;
}

char *report_format_list(char *out, size_t n)
{
	size_t i, o = 0;

	out[0] = '\0';
	for (i = 0; i < report_format_count && o < n; i++)
		o += (size_t)snprintf(out + o, n - o, "%s%s",
				      i == 0 ? "" : i + 1 == report_format_count ? " or " : ", ",
				      report_formats[i]->name);
	return out;
}

int report_paper_parse(const char *name, enum report_paper *paper)
{
	if (strcmp(name, "a4") == 0)
		*paper = PAPER_A4;
	else if (strcmp(name, "letter") == 0)
		*paper = PAPER_LETTER;
	else
		return RW_EUSAGE;
	return 0;
}

/* The territories whose LC_PAPER is Letter in the common C libraries. */
static const char *const letter_lands[] = {
	"US", "CA", "MX", "PH", "PR", "CL", "CO", "CR", "GT", "NI", "PA", "SV", "VE", "DO",
	"BZ", NULL
};

enum report_paper report_paper_default(void)
{
	const char *vars[] = { "LC_ALL", "LC_PAPER", "LANG" }, *loc = NULL, *t;
	size_t i, n;

	for (i = 0; i < sizeof vars / sizeof vars[0] && !loc; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			loc = v;
	}
	/* language[_TERRITORY][.codeset][@modifier] */
	if (!loc || !(t = strchr(loc, '_')))
		return PAPER_A4;
	t++;
	n = strcspn(t, ".@");
	for (i = 0; letter_lands[i]; i++)
		if (n == 2 && strncmp(t, letter_lands[i], 2) == 0)
			return PAPER_LETTER;
	return PAPER_A4;
}

int report_name_check(const char *name, struct rw_error *e)
{
	const char *p;
	size_t n = strlen(name);

	if (!n)
		return rw_fail(e, RW_EUSAGE, "--name: the name is empty");
	if (n > REPORT_NAME_MAX)
		return rw_fail(e, RW_EUSAGE, "--name: %zu bytes is longer than %d", n,
			       REPORT_NAME_MAX);
	for (p = name; *p;) {
		size_t len = utf8_seq(p);
		if (len == 0)
			return rw_fail(e, RW_EUSAGE, "--name: byte %zu is not valid UTF-8",
				       (size_t)(p - name) + 1);
		if (len == 1 && ((unsigned char)*p < 0x20 || *p == 0x7f))
			return rw_fail(e, RW_EUSAGE, "--name: byte %zu is a control character",
				       (size_t)(p - name) + 1);
		p += len;
	}
	return 0;
}

/* Bone losses are about ten times smaller, so they get one more decimal. */
char *report_band_text(enum engine_loss x, double low, double high, const char *dash,
		       char *out, size_t n)
{
	size_t len;

	/* One decimal for every loss, "<0.1" under it (docs/model.md); the
	 * percent sign is the caller's. */
	(void)x;
	advice_band(low, high, dash, out, n);
	len = strlen(out);
	if (len && out[len - 1] == '%')
		out[len - 1] = '\0';
	return out;
}

/* A field's cell in its text form (entry.h's table); out keeps what it
 * held (the "none" mark) when the field is unset. */
static void field_cell(enum entry_field_id id, const struct entry *en, char *out, size_t n)
{
	char buf[ENTRY_TEXT_MAX];
	const char *s = entry_field(id)->text(en, buf, sizeof buf);

	if (*s)
		snprintf(out, n, "%s", s);
}

void report_day_cells(const struct engine_proj *p, const struct entry *en, const char *none,
		      const char *dash, struct report_cells *c)
{
	int x;

	snprintf(c->rest, sizeof c->rest, "%s", none);
	snprintf(c->act, sizeof c->act, "%s", none);
	snprintf(c->pain, sizeof c->pain, "%s", none);
	snprintf(c->kg, sizeof c->kg, "%s", none);
	if (en) {
		field_cell(EF_REST, en, c->rest, sizeof c->rest);
		snprintf(c->act, sizeof c->act, "%d", p->activity_minutes);
		field_cell(EF_PAIN, en, c->pain, sizeof c->pain);
		field_cell(EF_WEIGHT, en, c->kg, sizeof c->kg);
	}
	for (x = 0; x < LOSS_COUNT; x++) {
		if (p->loss[x][BAND_HIGH] > 0)
			report_band_text((enum engine_loss)x, p->loss[x][BAND_LOW], p->loss[x][BAND_HIGH],
					 dash, c->band[x], sizeof c->band[x]);
		else
			snprintf(c->band[x], sizeof c->band[x], "%s", none);
	}
}

/* "s" unless n is 1. */
static const char *plural(long n)
{
	return n == 1 ? "" : "s";
}

/* "muscle 1.0-1.5%, cardio 0.3-1.5%, bone 0.03-0.13%" or "muscle none, ...". */
static void losses_text(const double l[LOSS_COUNT][BAND_COUNT], const char *dash, char *out,
			size_t n)
{
	char band[LOSS_COUNT][48];
	int x;

	/* A loss that is zero says "none", as the table's empty cell does. */
	for (x = 0; x < LOSS_COUNT; x++) {
		if (l[x][BAND_HIGH] > 0) {
			report_band_text((enum engine_loss)x, l[x][BAND_LOW], l[x][BAND_HIGH], dash,
					 band[x], sizeof band[x] - 1);
			strcat(band[x], "%");
		} else {
			snprintf(band[x], sizeof band[x], "none");
		}
	}
	snprintf(out, n, "muscle %s, cardio %s, bone %s", band[0], band[1], band[2]);
}

/* Whether any loss band is above zero. */
static bool any_loss(const double l[LOSS_COUNT][BAND_COUNT])
{
	int x;
	for (x = 0; x < LOSS_COUNT; x++)
		if (l[x][BAND_HIGH] > 0)
			return true;
	return false;
}

char *report_period_text(const struct report_summary *s, char *out, size_t n)
{
	char d1[DATE_BUFSZ], d2[DATE_BUFSZ];

	if (s->has_period)
		snprintf(out, n, "%s to %s", date_format(s->from, d1), date_format(s->to, d2));
	else
		snprintf(out, n, "nothing logged yet");
	return out;
}

/* The word for a change from a to b beyond tol. */
static const char *trend(double a, double b, double tol, const char *up, const char *down)
{
	return b - a > tol ? up : a - b > tol ? down : "about the same";
}

/* The two parts compared: "the first week" and "the last" ("the first 2
 * days" for a short period), or for a long one "the 4 weeks before" and
 * "the last 4 weeks". */
struct parts {
	char first[40], last[24];
};

static void part_names(const struct report_summary *s, struct parts *p)
{
	if (s->long_span) {
		snprintf(p->first, sizeof p->first, "the 4 weeks before the last 4");
		snprintf(p->last, sizeof p->last, "the last 4 weeks");
	} else if (s->week_days == 7) {
		snprintf(p->first, sizeof p->first, "the first week");
		snprintf(p->last, sizeof p->last, "the last");
	} else {
		snprintf(p->first, sizeof p->first, "the first %ld day%s", s->week_days,
			 s->week_days == 1 ? "" : "s");
		snprintf(p->last, sizeof p->last, "the last");
	}
}

/* "first week" / "last week" for a sentence that names each part alone. */
static void part_name(const struct report_summary *s, char *out, size_t n)
{
	if (s->long_span)
		snprintf(out, n, "4 weeks");
	else if (s->week_days == 7)
		snprintf(out, n, "week");
	else
		snprintf(out, n, "%ld day%s", s->week_days, s->week_days == 1 ? "" : "s");
}

/* Walking minutes per logged day: first week against last (a day not
 * logged is unknown, not a day without walking). */
static void walking_text(const struct report_summary *s, char *out, size_t n)
{
	char a[24] = "not logged", b[24] = "not logged", part[24];

	part_name(s, part, sizeof part);
	if (!isnan(s->walking_first))
		snprintf(a, sizeof a, "%.1f min", s->walking_first);
	if (!isnan(s->walking_last))
		snprintf(b, sizeof b, "%.1f min", s->walking_last);
	if (s->days < 2)
		snprintf(out, n, "%s a logged day", a);
	else if (isnan(s->walking_first) || isnan(s->walking_last))
		snprintf(out, n, "%s %s %s, last %s %s", s->long_span ? "earlier" : "first", part, a,
			 part, b);
	else {
		struct parts pp;
		part_names(s, &pp);
		snprintf(out, n, "%.1f min a logged day in %s, %.1f in %s (%s)", s->walking_first,
			 pp.first, s->walking_last, pp.last,
			 trend(s->walking_first, s->walking_last, 1.0, "more", "less"));
	}
}

/* Mean pain: first week against last; a week without pain says so. */
static void pain_text(const struct report_summary *s, char *out, size_t n)
{
	char a[24] = "not logged", b[24] = "not logged", part[24];

	part_name(s, part, sizeof part);
	if (!isnan(s->pain_first))
		snprintf(a, sizeof a, "%.1f of 10", s->pain_first);
	if (!isnan(s->pain_last))
		snprintf(b, sizeof b, "%.1f of 10", s->pain_last);
	if (s->days < 2)
		snprintf(out, n, "%s%s", isnan(s->pain_first) ? "" : "mean ", a);
	else if (isnan(s->pain_first) || isnan(s->pain_last))
		snprintf(out, n, "%s %s %s, last %s %s", s->long_span ? "earlier" : "first", part, a,
			 part, b);
	else {
		struct parts pp;
		part_names(s, &pp);
		snprintf(out, n, "mean %.1f of 10 in %s, %.1f in %s (%s)", s->pain_first, pp.first,
			 s->pain_last, pp.last,
			 trend(s->pain_first, s->pain_last, 0.5, "higher", "lower"));
	}
}

/* "ibuprofen 5 doses on 3 days, naproxen 1 dose on 1 day", or "none
 * logged". */
static void meds_text(const struct report_summary *s, char *out, size_t n)
{
	size_t o = 0;
	int k;

	out[0] = '\0';
	for (k = 0; k < s->n_meds && o < n; k++)
		o += (size_t)snprintf(out + o, n - o, "%s%s %ld dose%s on %ld day%s", k ? ", " : "",
				      s->meds[k].name, s->meds[k].doses, plural(s->meds[k].doses),
				      s->meds[k].days, plural(s->meds[k].days));
	if (s->meds_other && o < n)
		snprintf(out + o, n - o, ", and %ld dose%s of other medications", s->meds_other,
			 plural(s->meds_other));
	if (!s->n_meds)
		snprintf(out, n, "none logged");
}

/* One place for the summary's sentences, so text, Markdown and HTML
 * never disagree. */
void report_summary_lines(const struct report_summary *s, const char *dash,
			  struct report_line out[REPORT_SUMMARY_LINES])
{
	const struct engine_params *p = &s->params;
	char d1[DATE_BUFSZ], d2[DATE_BUFSZ], l[256];
	size_t o = 0;
	int k;

	out[0].label = "Days logged";
	snprintf(out[0].text, sizeof out[0].text, "%ld of %ld (%ld missing); first %s, last %s",
		 s->days_logged, s->period_days, s->days_missing, date_format(s->first, d1),
		 date_format(s->last, d2));
	out[1].label = "Longest rest";
	if (s->longest_days)
		snprintf(out[1].text, sizeof out[1].text, "%ld day%s%s, %s to %s (rest clock up to %s h)",
			 s->longest_days, plural(s->longest_days),
			 s->longest_began_before ? " in the period (it began before)" : "",
			 date_format(s->longest_from, d1), date_format(s->longest_to, d2),
			 advice_hours(s->longest_peak_clock, p->threshold_hours, l, sizeof l));
	else
		snprintf(out[1].text, sizeof out[1].text, "none (the rest clock never ran)");
	out[2].label = "Rest clock";
	snprintf(out[2].text, sizeof out[2].text,
		 "%ld day%s past %g h; %ld day%s at clot risk (%g or more bedridden days in a row)",
		 s->days_past_threshold, plural(s->days_past_threshold), p->threshold_hours,
		 s->days_clot_risk, plural(s->days_clot_risk), p->clot_days);
	out[3].label = "Peak losses";
	if (s->peak[LOSS_MUSCLE][BAND_HIGH] > 0) {
		losses_text(s->peak, dash, l, sizeof l);
		snprintf(out[3].text, sizeof out[3].text, "%s (highest on %s)", l,
			 date_format(s->peak_day, d1));
	} else {
		snprintf(out[3].text, sizeof out[3].text, "none");
	}
	out[4].label = "Current losses";
	if (any_loss(s->current.loss))
		losses_text(s->current.loss, dash, l, sizeof l);
	else
		snprintf(l, sizeof l, "none");
	snprintf(out[4].text, sizeof out[4].text, "%s on %s (level: %s)", l,
		 date_format(s->current.day, d1), engine_level_name(s->current.level));
	out[5].label = "Activity";
	out[5].text[0] = '\0';
	for (k = 0; k < ACT_KINDS && o < sizeof out[5].text; k++)
		if (s->activity_sessions[k])
			o += (size_t)snprintf(out[5].text + o, sizeof out[5].text - o,
					      "%s%s %ld min (%ld time%s)", o ? ", " : "",
					      entry_kind_name((enum activity_kind)k),
					      s->activity_minutes[k], s->activity_sessions[k],
					      plural(s->activity_sessions[k]));
	if (!o)
		snprintf(out[5].text, sizeof out[5].text, "none logged");
	out[6].label = "Walking";
	walking_text(s, out[6].text, sizeof out[6].text);
	out[7].label = "Pain";
	pain_text(s, out[7].text, sizeof out[7].text);
	out[8].label = "Medications";
	meds_text(s, out[8].text, sizeof out[8].text);
}

int report_sections(struct report_run *run, const struct report_sections *sec,
		    struct rw_error *e)
{
	const struct report_summary *s = run->s;
	int r;

	run->walk = !s->empty;
	if (s->empty) {
		fputs(sec->none, run->f);
		return 0;
	}
	sec->summary(run->f, s);
	sec->warnings(run->f, s);
	sec->episodes(run->f, s);
	if (sec->charts && (r = sec->charts(run, e)))
		return r;
	return s->long_span ? sec->weeks(run->f, run->j, s, e) : 0;
}

/* The days walked unless begin says otherwise: the days the summary
 * covers, or for a format without one (CSV) the requested range. */
static void default_walk(struct report_run *run)
{
	const struct report_range *g = &run->o->range;

	if (run->s) {
		run->from = run->s->first;
		run->to = run->s->last;
		run->walk = run->s->days > 0;
	} else {
		run->from = g->has_from ? g->from : date_min();
		run->to = g->has_to ? g->to : date_max();
		run->walk = true;
	}
}

int report_run(FILE *f, struct journal *j, const struct report_format *fmt,
	       const struct report_opts *o, struct rw_error *e)
{
	struct report_run run = { .f = f, .j = j, .o = o };
	struct report_summary s;
	int r = 0;

	if (fmt->state_size && !(run.state = calloc(1, fmt->state_size)))
		return rw_fail(e, RW_ENOMEM, "out of memory");
	if (fmt->summary) {
		run.s = &s;
		r = report_summarize_each(j, o, &s, fmt->day_in_summary ? fmt->day : NULL, &run, e);
		if (r) {
			/* The summary is freed; a writer whose days rode on its
			 * walk cleans up. */
			run.s = NULL;
			if (fmt->day_in_summary && fmt->end)
				r = fmt->end(&run, r, e);
			goto out;
		}
	}
	default_walk(&run);
	if (fmt->begin)
		r = fmt->begin(&run, e);
	if (!r && run.walk && fmt->day && !fmt->day_in_summary)
		r = journal_each(j, run.from, run.to, run.flags, fmt->day, &run, e);
	if (fmt->end)
		r = fmt->end(&run, r, e);
out:
	free(run.state);
	if (run.s)
		report_summary_free(run.s);
	return r;
}

/* Every writer reads the journal more than once (the summary, then the
 * days); one snapshot keeps a concurrent writer from making them disagree. */
int report_write(FILE *f, struct journal *j, const struct report_format *fmt,
		 const struct report_opts *o, struct rw_error *e)
{
	int r = journal_snapshot_begin(j, e);

	if (r)
		return r;
	r = report_run(f, j, fmt, o, e);
	journal_snapshot_end(j);
	return r;
}

/* A reader never sees a half-written report: a file is replaced only once
 * the report is complete and on disk (fileio.h says where it goes). */
int report_write_path(const char *path, struct journal *j, const struct report_format *fmt,
		      const struct report_opts *o, struct rw_error *e)
{
	struct file_out out;
	FILE *f = NULL;
	int fd, r;

	if ((r = file_out_open(&out, path, journal_file(j), false, e)))
		return r;
	if ((fd = dup(out.fd)) < 0 || !(f = fdopen(fd, "w"))) {
		r = rw_fail(e, RW_ECANTCREAT, "%s: cannot be created: %s", out.name, strerror(errno));
		if (fd >= 0)
			close(fd);
		file_out_abort(&out);
		return r;
	}
	setvbuf(f, NULL, _IOFBF, 1 << 16);
	r = report_write(f, j, fmt, o, e);
	errno = 0;
	if (r == 0 && (fflush(f) != 0 || ferror(f)))
		r = rw_fail(e, RW_EIO, "%s: write error: %s", out.name, strerror(errno ? errno : EIO));
	if (fclose(f) != 0 && r == 0)
		r = rw_fail(e, RW_EIO, "%s: write error: %s", out.name, strerror(errno));
	if (r == 0)
		return file_out_commit(&out, e);
	file_out_abort(&out);
	return r;
}
