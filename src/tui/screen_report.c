/* screen_report.c - the Report screen: choose a format, a range and a
 * file, write the report with report_write_path (a temporary 0600 file
 * renamed into place), and see its summary before writing.
 *
 * The summary is cached per journal version and range; writing is the
 * only thing here that reads the whole journal, and only on request.
 */
#include <curses.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "advice.h"
#include "report.h"
#include "tui_app.h"

enum row { ROW_FORMAT, ROW_FROM, ROW_TO, ROW_FILE, ROW_WRITE, ROWS };


struct report_screen {
	int sel;
	size_t fmt;                /* in report_formats[] */
	char from[32], to[32];     /* as typed; "" is the logged span's end */
	char file[PATH_MAX];
	bool file_default;         /* follows the format's extension */
	char result[RW_ERRMSG + PATH_MAX + 32];
	bool result_error;
	/* the summary shown, for one journal version and range */
	unsigned gen;
	char s_from[32], s_to[32];
	bool have_summary;
	char s_error[RW_ERRMSG];
	struct report_summary sum;
	struct report_walk *walk;  /* the summary still being read (work) */
	size_t *order;             /* warnings shown: red flags first */
	long wtop;                 /* first warning shown (PgUp/PgDn scroll) */
	long wrows;                /* warnings shown at the last draw */
};

static const struct tui_help help[] = {
	{ "Up k  Down j", "choose a line" },
	{ "Left h  Right l  f", "change the format (on the Format line; f anywhere)" },
	{ "Enter", "edit the line (From, To, File) or write (on Write)" },
	{ "w", "write the report now (asks before replacing a file)" },
	{ "PgUp PgDn  Home End", "scroll the warnings (red flags first)" },
	{ "", "From and To take YYYY-MM-DD, today, yesterday or -N; empty: the logged span" },
	{ NULL, NULL },
};

/* A name in the current directory for the period and format, e.g.
 * restwatch-report-2026-03-05_2026-03-10.txt; "-2", "-3" ... is added
 * while a file of that name exists, so a default never replaces one. */
static void default_file(struct report_screen *st, rw_day today)
{
	char a[DATE_BUFSZ], b[DATE_BUFSZ], base[96];
	int i;

	if (st->have_summary && !st->sum.empty)
		snprintf(base, sizeof base, "restwatch-report-%s_%s", date_format(st->sum.first, a),
			 date_format(st->sum.last, b));
	else
		snprintf(base, sizeof base, "restwatch-report-%s", date_format(today, a));
	for (i = 1; i < 1000; i++) {
		if (i == 1)
			snprintf(st->file, sizeof st->file, "%s.%s", base, report_formats[st->fmt]->ext);
		else
			snprintf(st->file, sizeof st->file, "%s-%d.%s", base, i, report_formats[st->fmt]->ext);
		if (access(st->file, F_OK) != 0)
			break;
	}
	st->file_default = true;
}

/* The report options for the typed range; RW_EDATA with e naming the bad
 * field. */
static int range_opts(struct tui *t, struct report_screen *st, struct report_opts *o,
		      struct rw_error *e)
{
	char a[DATE_BUFSZ], b[DATE_BUFSZ];
	int r;

	memset(o, 0, sizeof *o);
	o->today = t->today;
	o->paper = report_paper_default();
	if (st->from[0]) {
		o->range.has_from = true;
		if ((r = date_parse(st->from, t->today, &o->range.from, "From", e)) != 0)
			return r;
	}
	if (st->to[0]) {
		o->range.has_to = true;
		if ((r = date_parse(st->to, t->today, &o->range.to, "To", e)) != 0)
			return r;
	}
	if (o->range.has_from && o->range.has_to && o->range.from > o->range.to)
		return rw_fail(e, RW_EDATA, "From: %s is after To %s", date_format(o->range.from, a),
			       date_format(o->range.to, b));
	return 0;
}

/* The preview lists the red flags first, as the report does; each group
 * keeps its date order. */
static void order_warnings(struct report_screen *st)
{
	const struct report_summary *s = &st->sum;
	size_t i, n = 0;
	int pass;

	free(st->order);
	st->order = NULL;
	st->wtop = 0;
	if (s->n_warnings == 0 || !(st->order = malloc(s->n_warnings * sizeof *st->order)))
		return;
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < s->n_warnings; i++)
			if ((s->warnings[i].kind == WARN_RED_FLAG) == (pass == 0))
				st->order[n++] = i;
}

/* The summary is complete: its warnings in order, the default name. */
static void loaded(struct tui *t, struct report_screen *st)
{
	st->have_summary = true;
	order_warnings(st);
	if (st->file_default)
		default_file(st, t->today);
}

/* The summary of what would be written, read once per change: started
 * here, walked a slice at a time between keys (work), so that a long
 * journal never holds a key up. */
static void load(struct tui *t, struct report_screen *st)
{
	struct report_opts o;
	struct rw_error e = { 0, "" };

	if (st->gen == t->gen && strcmp(st->s_from, st->from) == 0 && strcmp(st->s_to, st->to) == 0)
		return;
	st->gen = t->gen;
	snprintf(st->s_from, sizeof st->s_from, "%s", st->from);
	snprintf(st->s_to, sizeof st->s_to, "%s", st->to);
	if (st->walk) {
		report_walk_free(st->walk);
		st->walk = NULL;
		report_summary_free(&st->sum);
	}
	if (st->have_summary)
		report_summary_free(&st->sum);
	st->have_summary = false;
	st->s_error[0] = '\0';
	if (range_opts(t, st, &o, &e) != 0 ||
	    report_summarize_start(t->j, &o, &st->sum, &st->walk, &e) != 0) {
		snprintf(st->s_error, sizeof st->s_error, "%s", e.msg);
		return;
	}
	if (!st->walk)
		loaded(t, st);
}

/* Days walked per step: a few milliseconds on a slow machine. */
#define WALK_DAYS 400

/* Steps of the summary's walk for TUI_WORK_MS. */
static int work(struct tui *t, void *state)
{
	struct report_screen *st = state;
	struct rw_error e = { 0, "" };
	long started = tui_clock_ms();
	bool done = false;

	load(t, st); /* a change of the journal or the range starts again */
	if (!st->walk)
		return TUI_WORK_NONE;
	while (!done && tui_clock_ms() - started < TUI_WORK_MS) {
		if (report_summarize_step(t->j, st->walk, WALK_DAYS, &done, &e) != 0) {
			st->walk = NULL;
			snprintf(st->s_error, sizeof st->s_error, "%s", e.msg);
			return TUI_WORK_DONE;
		}
	}
	if (!done)
		return TUI_WORK_MORE;
	st->walk = NULL;
	loaded(t, st);
	return TUI_WORK_DONE;
}

/* The losses on the last day covered, to one decimal (docs/model.md). */
static void draw_losses(struct tui *t, const struct engine_proj *p, int y)
{
	char d[DATE_BUFSZ], b[LOSS_COUNT][48];
	int k;

	for (k = 0; k < LOSS_COUNT; k++)
		advice_band(p->loss[k][BAND_LOW], p->loss[k][BAND_HIGH], "-", b[k], sizeof b[k]);
	tui_textf(t, y, 3, COLS - 4, ROLE_NORMAL, "losses on %s (%s): muscle %s, cardio %s, bone %s",
		  date_format(p->day, d), engine_level_name(p->level), b[LOSS_MUSCLE], b[LOSS_CARDIO],
		  b[LOSS_BONE]);
}

/* What the report will say, so the range can be checked before writing. */
static void draw_summary(struct tui *t, struct report_screen *st, int y, int last)
{
	const struct report_summary *s = &st->sum;

	st->wrows = 0;
	char a[DATE_BUFSZ], b[DATE_BUFSZ], text[400], h[32];
	size_t i;

	if (y > last)
		return;
	if (st->s_error[0]) {
		tui_text(t, y, 1, COLS - 2, ROLE_ERROR, st->s_error);
		return;
	}
	if (st->walk) {
		long walked, of;
		report_walk_progress(st->walk, &walked, &of);
		tui_textf(t, y, 1, COLS - 2, ROLE_DIM, "Reading the journal for the summary: %ld%%",
			  of > 0 ? walked * 100 / of : 0);
		return;
	}
	if (!st->have_summary)
		return;
	if (s->empty) {
		tui_text(t, y, 1, COLS - 2, ROLE_DIM, "Nothing logged in this period: the report would be empty.");
		return;
	}
	tui_textf(t, y++, 1, COLS - 2, ROLE_HEAD, "What the report covers: %s to %s",
		  date_format(s->first, a), date_format(s->last, b));
	if (y <= last)
		tui_textf(t, y++, 3, COLS - 4, ROLE_NORMAL, "%ld day%s logged, %ld not logged; %ld day%s past %g h, %ld with clot risk",
			  s->days_logged, s->days_logged == 1 ? "" : "s", s->days_missing,
			  s->days_past_threshold, s->days_past_threshold == 1 ? "" : "s",
			  s->params.threshold_hours, s->days_clot_risk);
	if (y <= last && s->longest_days > 0)
		tui_textf(t, y++, 3, COLS - 4, ROLE_NORMAL, "longest rest: %ld day%s, %s to %s, rest clock up to %s h",
			  s->longest_days, s->longest_days == 1 ? "" : "s", date_format(s->longest_from, a),
			  date_format(s->longest_to, b),
			  advice_hours(s->longest_peak_clock, s->params.threshold_hours, h, sizeof h));
	if (y <= last)
		draw_losses(t, &s->current, y++);
	if (y > last || s->n_warnings == 0)
		return;
	st->wrows = last - y;
	if (st->wrows < 1 || !st->order)
		return;
	if (st->wtop > (long)s->n_warnings - st->wrows)
		st->wtop = (long)s->n_warnings - st->wrows;
	if (st->wtop < 0)
		st->wtop = 0;
	tui_textf(t, y++, 1, COLS - 2, ROLE_HEAD, "Warnings (%zu, red flags first)%s", s->n_warnings,
		  (long)s->n_warnings > st->wrows ? "  PgUp/PgDn scroll" : "");
	for (i = (size_t)st->wtop; i < s->n_warnings && y <= last; i++, y++) {
		const struct report_warning *w = &s->warnings[st->order[i]];
		enum tui_role r = w->kind == WARN_RED_FLAG ? ROLE_ALERT
				  : w->kind == WARN_CLOT_RISK ? ROLE_DANGER : ROLE_WARN;
		if (i + 1 < s->n_warnings && y == last) {
			tui_textf(t, y, 3, COLS - 4, ROLE_DIM, "... and %zu more (PgDn)", s->n_warnings - i);
			break;
		}
		tui_text(t, y, 3, 10, ROLE_NORMAL, date_format(w->day, a));
		tui_text(t, y, 15, COLS - 16, r, report_warning_text(w, &s->params, text, sizeof text));
	}
}

/* The form, the result of the last write, then the summary. */
static void draw(struct tui *t, void *state, int top, int height)
{
	struct report_screen *st = state;
	static const char *const labels[ROWS] = { "Format", "From", "To", "File", "" };
	int y = top + 2, i, x, last = top + height - 2;

	load(t, st);
	tui_text(t, top, 1, COLS - 2, ROLE_HEAD, "Write a report of the journal, to keep or to show a clinician");
	for (i = 0; i < ROWS; i++, y++) {
		bool sel = i == st->sel;
		tui_text(t, y, 1, 1, ROLE_KEY, sel ? tui_glyph(t, G_CURSOR) : " ");
		tui_text(t, y, 3, 8, sel ? ROLE_HEAD : ROLE_NORMAL, labels[i]);
		x = 12;
		switch (i) {
		case ROW_FORMAT: {
			size_t f;
			for (f = 0; f < report_format_count; f++)
				x += tui_textf(t, y, x, COLS - x, f == st->fmt ? ROLE_SEL : ROLE_NORMAL,
					       f == st->fmt ? "[%s]" : " %s ", report_formats[f]->name);
			break;
		}
		case ROW_FROM:
			tui_text(t, y, x, COLS - x - 1, st->from[0] ? ROLE_NORMAL : ROLE_DIM,
				 st->from[0] ? st->from : "(the first logged day)");
			break;
		case ROW_TO:
			tui_text(t, y, x, COLS - x - 1, st->to[0] ? ROLE_NORMAL : ROLE_DIM,
				 st->to[0] ? st->to : "(the last logged day)");
			break;
		case ROW_FILE:
			tui_text(t, y, x, COLS - x - 1, ROLE_NORMAL, st->file);
			break;
		case ROW_WRITE:
			tui_text(t, y, 3, COLS - 4, sel ? ROLE_SEL : ROLE_KEY, "[ Write the report ]");
			tui_text(t, y, 25, COLS - 26, ROLE_DIM, "(w writes from any line)");
			break;
		}
	}
	y++;
	if (st->result[0]) {
		y += tui_wrap(t, y, 1, COLS - 2, 2, st->result_error ? ROLE_ERROR : ROLE_OK, st->result);
		y++;
	}
	draw_summary(t, st, y, last);
}

/* ~/ is the home directory, as a person typing a path expects. */
static void expand_home(const char *in, char *out, size_t n)
{
	const char *home = getenv("HOME");

	if (in[0] == '~' && in[1] == '/' && home && *home)
		snprintf(out, n, "%s%s", home, in + 1);
	else
		snprintf(out, n, "%s", in);
}

/* The writer's own success or error line is what the screen shows. */
static int do_write(struct tui *t, void *ctx, const char *text, struct rw_error *unused)
{
	struct report_screen *st = ctx;
	struct report_opts o;
	struct rw_error e = { 0, "" };
	char path[PATH_MAX], full[PATH_MAX];

	(void)text;
	(void)unused;
	expand_home(st->file, path, sizeof path);
	st->result_error = true;
	if (range_opts(t, st, &o, &e) != 0 || report_write_path(path, t->j, report_formats[st->fmt], &o, &e) != 0) {
		snprintf(st->result, sizeof st->result, "not written: %s", e.msg);
		return 0;
	}
	st->result_error = false;
	snprintf(st->result, sizeof st->result, "wrote the %s report to %s",
		 report_formats[st->fmt]->name, realpath(path, full) ? full : path);
	return 0;
}

/* An existing file is replaced only after a question (y/N). */
static void write_report(struct tui *t, struct report_screen *st)
{
	char path[PATH_MAX], q[200];

	expand_home(st->file, path, sizeof path);
	if (!path[0]) {
		st->result_error = true;
		snprintf(st->result, sizeof st->result, "File: the file name is empty");
		return;
	}
	if (access(path, F_OK) == 0) {
		snprintf(q, sizeof q, "%.160s exists: replace it?", st->file);
		tui_confirm_open(t, q, do_write, st);
		return;
	}
	do_write(t, st, "", NULL);
}

/* Kept as typed ("-7" stays relative), checked now so errors show here. */
static int enter_from(struct tui *t, void *ctx, const char *text, struct rw_error *e)
{
	struct report_screen *st = ctx;
	rw_day d;
	int r;

	if (*text && (r = date_parse(text, t->today, &d, "From", e)) != 0)
		return r;
	snprintf(st->from, sizeof st->from, "%s", text);
	st->result[0] = '\0';
	return 0;
}

/* As enter_from. */
static int enter_to(struct tui *t, void *ctx, const char *text, struct rw_error *e)
{
	struct report_screen *st = ctx;
	rw_day d;
	int r;

	if (*text && (r = date_parse(text, t->today, &d, "To", e)) != 0)
		return r;
	snprintf(st->to, sizeof st->to, "%s", text);
	st->result[0] = '\0';
	return 0;
}

/* A name typed by the user no longer follows the format's extension. */
static int enter_file(struct tui *t, void *ctx, const char *text, struct rw_error *e)
{
	struct report_screen *st = ctx;

	(void)t;
	if (!*text)
		return rw_fail(e, RW_EDATA, "File: the file name is empty");
	snprintf(st->file, sizeof st->file, "%s", text);
	st->file_default = false;
	st->result[0] = '\0';
	return 0;
}

/* Cycle the formats; the default file name follows. */
static void set_format(struct tui *t, struct report_screen *st, int by)
{
	st->fmt = (st->fmt + (by < 0 ? report_format_count - 1 : 1)) % report_format_count;
	st->result[0] = '\0'; /* the last write's line was about the old choice */
	if (st->file_default)
		default_file(st, t->today);
}

/* Enter on a line: edit it, or write on the Write line. */
static void activate(struct tui *t, struct report_screen *st)
{
	switch (st->sel) {
	case ROW_FORMAT:
		set_format(t, st, 1);
		break;
	case ROW_FROM:
		tui_prompt_open(t, "From", st->from, 31, "YYYY-MM-DD, today, yesterday or -N; empty: the first logged day",
				enter_from, NULL, st);
		break;
	case ROW_TO:
		tui_prompt_open(t, "To", st->to, 31, "YYYY-MM-DD, today, yesterday or -N; empty: the last logged day",
				enter_to, NULL, st);
		break;
	case ROW_FILE:
		tui_prompt_open(t, "File", st->file, PATH_MAX - 1,
				"Written 0600, replacing the file atomically; ~/ is your home directory",
				enter_file, NULL, st);
		break;
	default:
		write_report(t, st);
		break;
	}
}

/* Lines with Up/Down, the format with Left/Right; w writes from anywhere. */
static bool key(struct tui *t, void *state, const struct tui_key *k)
{
	struct report_screen *st = state;

	if (k->fn) {
		switch (k->code) {
		case KEY_UP: st->sel = st->sel > 0 ? st->sel - 1 : 0; return true;
		case KEY_DOWN: st->sel = st->sel < ROWS - 1 ? st->sel + 1 : ROWS - 1; return true;
		case KEY_LEFT: if (st->sel == ROW_FORMAT) set_format(t, st, -1); return true;
		case KEY_RIGHT: if (st->sel == ROW_FORMAT) set_format(t, st, 1); return true;
		case KEY_ENTER: activate(t, st); return true;
		case KEY_NPAGE: st->wtop += st->wrows > 1 ? st->wrows - 1 : 1; return true;
		case KEY_PPAGE: st->wtop -= st->wrows > 1 ? st->wrows - 1 : 1; return true;
		case KEY_HOME: st->wtop = 0; return true;
		case KEY_END: st->wtop = LONG_MAX / 2; return true;
		default: return false;
		}
	}
	switch (k->code) {
	case 'k': st->sel = st->sel > 0 ? st->sel - 1 : 0; return true;
	case 'j': st->sel = st->sel < ROWS - 1 ? st->sel + 1 : ROWS - 1; return true;
	case 'h': if (st->sel == ROW_FORMAT) set_format(t, st, -1); return true;
	case 'l': if (st->sel == ROW_FORMAT) set_format(t, st, 1); return true;
	case 'f': set_format(t, st, 1); return true;
	case 'w': write_report(t, st); return true;
	case '\n':
	case '\r':
		activate(t, st);
		return true;
	default:
		return false;
	}
}

/* Text, to the default file. */
static void init_report(struct tui *t, void *state)
{
	struct report_screen *st = state;

	st->fmt = 0;
	default_file(st, t->today);
}

/* The summary owns its warnings array. */
static void close_report(void *state)
{
	struct report_screen *st = state;

	if (st->walk) {
		report_walk_free(st->walk);
		report_summary_free(&st->sum);
	}
	if (st->have_summary)
		report_summary_free(&st->sum);
	free(st->order);
}

const struct tui_screen tui_screen_report = {
	.hotkey = '4',
	.name = "Report",
	.status = "Up/Down line  Enter edit  f format  w write",
	.help = help,
	.state_size = sizeof(struct report_screen),
	.init = init_report,
	.close = close_report,
	.work = work,
	.draw = draw,
	.key = key,
};
