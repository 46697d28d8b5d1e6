/* report.h - the history report in every format, and the summary they share.
 *
 * Each writer takes a FILE * so that the command line (stdout or -o FILE)
 * and the TUI's Report screen share it.  A writer reads the journal through
 * journal.h only, streaming the days, so memory does not grow with history.
 */
#ifndef RESTWATCH_REPORT_H
#define RESTWATCH_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "date.h"
#include "engine.h"
#include "entry.h"
#include "journal.h"
#include "rwerr.h"

struct report_range {
	bool has_from, has_to;
	rw_day from, to;
};

enum report_paper { PAPER_A4, PAPER_LETTER };

/* The longest --name, in bytes. */
#define REPORT_NAME_MAX 80

struct report_opts {
	struct report_range range; /* unset ends default to the logged span */
	rw_day today;
	const char *name;          /* the person's name, or NULL */
	enum report_paper paper;   /* pdf only */
};

/* --paper's argument ("a4" or "letter"); RW_EUSAGE for anything else. */
int report_paper_parse(const char *name, enum report_paper *paper);

/* The paper of the locale: LC_ALL, else LC_PAPER, else LANG; a territory
 * that uses Letter (US, CA, MX, PH and a few more) gives Letter, anything
 * else (or no locale) A4. */
enum report_paper report_paper_default(void);

/* --name's argument: well-formed UTF-8, no control characters, at most
 * REPORT_NAME_MAX bytes; RW_EUSAGE naming the problem. */
int report_name_check(const char *name, struct rw_error *e);

enum warning_kind { WARN_RED_FLAG, WARN_CLOT_RISK, WARN_DECONDITIONING };

/* Past this many days a report people read shows weeks (docs/formats.md). */
#define REPORT_LONG_SPAN 60

struct report_warning {
	rw_day day;
	enum warning_kind kind;
	char symptom[SYMPTOM_MAX + 1]; /* the red flag, for WARN_RED_FLAG */
	bool began_before;          /* on the period's first day, passed before it */
	double rest_clock_hours;
	long episode;               /* the index in episodes of the rest episode
				     * whose days hold it; -1 for none */
};

/* A rest episode: from its first day with the rest clock running to its
 * last (held unlogged days included), clipped to the period. */
struct report_episode {
	rw_day from, to;
	bool began_before;      /* it began before the period (from is the
				 * period's first day) */
	long days, bed_days;    /* calendar days; bedridden logged days */
	long red_flags;         /* days with a red-flag symptom */
	long act;               /* activity minutes */
	double peak_clock;
	double peak_loss[LOSS_COUNT][BAND_COUNT];
	double pain_sum;
	int pain_n;             /* days with pain logged */
};

/* What every report says before its table. */
#define REPORT_MEDS 24

struct report_summary {
	bool empty;                 /* nothing logged in the period */
	bool has_period;            /* false: an empty journal and no --from/--to */
	rw_day from, to;            /* the period: requested, or the logged span */
	rw_day first, last;         /* the days covered: logged span within period */
	long days;                  /* calendar days from first to last */
	/* Days of the period up to today (or the last logged day when later):
	 * period_days = days_logged + days_missing. */
	long period_days;
	long days_logged, days_missing;
	long longest_days;          /* the longest run of rest days (clock > 0) */
	bool longest_began_before;  /* it began before the period */
	rw_day longest_from, longest_to;
	double longest_peak_clock;
	long days_past_threshold;   /* clock > threshold_hours */
	long days_clot_risk;        /* clock >= clot_hours */
	double peak[LOSS_COUNT][BAND_COUNT];
	rw_day peak_day;            /* the day of the highest muscle_loss_high */
	struct engine_proj current; /* the last day covered */
	long activity_minutes[ACT_KINDS];
	long activity_sessions[ACT_KINDS];
	/* Walking minutes a day and mean pain, first 7 days vs last 7 days
	 * (the two halves of a period shorter than 14 days: week_days each);
	 * past REPORT_LONG_SPAN days (long_span) the 28 days before the last
	 * 28 against the last 28. */
	bool long_span;
	long week_days;
	/* Walking minutes per logged day; NAN when no day was logged then. */
	double walking_first, walking_last;
	int walking_first_n, walking_last_n;
	double pain_first, pain_last; /* NAN when no pain was logged then */
	int pain_first_n, pain_last_n;
	/* Warnings in date order: red flags, the first day of each rest past
	 * threshold_hours, the first clot-risk day of each episode. */
	struct report_warning *warnings; /* malloc'd; report_summary_free */
	size_t n_warnings;
	struct report_episode *episodes; /* in date order; malloc'd */
	size_t n_episodes;
	/* Medications by name, in the order first taken: doses (list items)
	 * and days; names past REPORT_MEDS count in meds_other. */
	struct report_med {
		char name[MED_NAME_MAX + 1];
		long doses, days;
	} meds[REPORT_MEDS];
	int n_meds;
	long meds_other;
	struct engine_params params;
};

int report_summarize(struct journal *j, const struct report_opts *o,
		     struct report_summary *s, struct rw_error *e);
void report_summary_free(struct report_summary *s);

/* The same, calling fn(ctx, ...) on each day of s->first..s->last as the
 * summary's walk reaches it (s->first, s->last and s->long_span are set
 * by then), so that a writer needs no walk of its own; a non-zero return
 * stops the walk and is returned. */
int report_summarize_each(struct journal *j, const struct report_opts *o,
			  struct report_summary *s, journal_day_fn fn, void *ctx,
			  struct rw_error *e);

/* report_summarize a slice at a time, for a screen that must answer keys
 * meanwhile: start does everything but the walk over the days and sets
 * *walk (NULL when there is nothing to walk: s is complete); each step
 * walks the next `days` days (all when days <= 0) and, after the last,
 * completes s, frees the walk and sets *done.  s must stay where it is
 * until then.  A failed step frees the walk and s; report_walk_free drops
 * an unfinished walk (s is then freed with report_summary_free). */
struct report_walk;
int report_summarize_start(struct journal *j, const struct report_opts *o,
			   struct report_summary *s, struct report_walk **walk, struct rw_error *e);
int report_summarize_step(struct journal *j, struct report_walk *walk, long days, bool *done,
			  struct rw_error *e);
void report_walk_free(struct report_walk *walk);
/* How far a walk got: days walked of the period's days. */
void report_walk_progress(const struct report_walk *walk, long *walked, long *of);

/* An episode's cells as text: "2026-02-20", "2026-02-28", days, peak
 * (an episode that began before the period is marked "<" before its first
 * date by each format);
 * clock, bedridden days, peak muscle loss band, red-flag days, activity
 * minutes and mean pain (none where the episode lacks it). */
struct report_episode_cells {
	char from[DATE_BUFSZ], to[DATE_BUFSZ], days[16], clock[16], bed[16], muscle[48],
		red[16], act[24], pain[16];
};
void report_episode_cells(const struct report_episode *ep, const char *none, const char *dash,
			  struct report_episode_cells *c);

/* The heading of a group of warnings (docs/formats.md, episodes): episode
 * k's dates, days and red-flag days (the red flags themselves lead the
 * warnings), "Rest episode 2026-02-20 to 2026-02-26 (7 days, 1 red-flag
 * day)", or
 * for k -1 the warnings outside any episode. */
char *report_group_heading(const struct report_summary *s, long k, char *out, size_t n);

/* Whether warning i starts a new group among the rest-clock warnings
 * (those that are not red flags, in date order): the first of them, or
 * the first of another episode. */
bool report_group_starts(const struct report_summary *s, size_t i);

/* One sentence for a warning, e.g. "rest passed 48 h (rest clock 53 h): a
 * short walk or water therapy". */
char *report_warning_text(const struct report_warning *w, const struct engine_params *p,
			  char *out, size_t n);

/* A report format (docs/formats.md): what report.c needs to write it.
 * report_write takes the snapshot, summarizes the period when the format
 * asks, calls begin, walks the days from..to with day (ctx is the struct
 * report_run), then end, once each. */
struct report_run {
	FILE *f;
	struct journal *j;
	const struct report_opts *o;
	struct report_summary *s; /* NULL unless the format asks for it */
	rw_day from, to;          /* the days walked: the days covered, or for a
				   * format without a summary --from/--to; begin
				   * may change them */
	unsigned flags;           /* journal_each's flags */
	bool walk;                /* whether to walk the days; begin may clear it */
	void *state;              /* state_size zeroed bytes, freed after end */
};

/* The sections of a text, markdown or html report after its heading, in
 * this order, each written by the format: the summary, the warnings by
 * episode, the episodes, the charts (a format without them leaves charts
 * NULL), then the weeks of a long span. */
struct report_sections {
	const char *none; /* all there is for a period with no day logged */
	void (*summary)(FILE *f, const struct report_summary *s);
	void (*warnings)(FILE *f, const struct report_summary *s);
	void (*episodes)(FILE *f, const struct report_summary *s);
	int (*charts)(struct report_run *run, struct rw_error *e);
	int (*weeks)(FILE *f, struct journal *j, const struct report_summary *s,
		     struct rw_error *e);
};

/* Write the sections of run->s to run->f, and walk the days (run->walk)
 * only when a day was logged: the caller writes the days' heading when
 * run->walk is left set. */
int report_sections(struct report_run *run, const struct report_sections *sec,
		    struct rw_error *e);

struct report_format {
	const char *name;  /* --format's argument */
	const char *ext;   /* a file name's extension */
	const char *mime;
	bool binary;       /* never written to a terminal */
	bool summary;      /* report_summarize before begin */
	bool day_in_summary; /* day rides on the summary's walk (before begin)
			      * instead of a walk of its own */
	size_t state_size;
	/* The document up to the days; NULL for nothing. */
	int (*begin)(struct report_run *run, struct rw_error *e);
	/* One day of the walk; NULL for no walk. */
	journal_day_fn day;
	/* Called last whenever begin was called, with the status so far: the
	 * rest of the document when r is 0, and any clean-up; returns the
	 * status.  NULL to return r. */
	int (*end)(struct report_run *run, int r, struct rw_error *e);
};

/* The writers, one file each under src/report/. */
extern const struct report_format report_text, report_markdown, report_csv, report_json,
	report_html, report_pdf;

/* Every format in the order the CLI lists and the TUI cycles them;
 * report_formats[0] is the default. */
extern const struct report_format *const report_formats[];
extern const size_t report_format_count;

/* The format named name, or NULL. */
const struct report_format *report_format_find(const char *name);

/* "text, markdown, csv, json, html or pdf", for messages. */
char *report_format_list(char *out, size_t n);

/* Write the report in fmt to f, inside one journal snapshot. */
int report_write(FILE *f, struct journal *j, const struct report_format *fmt,
		 const struct report_opts *o, struct rw_error *e);

/* The same without the snapshot (the CSV fuzz target calls it with a
 * journal_each of its own). */
int report_run(FILE *f, struct journal *j, const struct report_format *fmt,
	       const struct report_opts *o, struct rw_error *e);

/* Write the report to path as file_out_open says (fileio.h): a regular
 * file atomically (a temporary 0600 file beside it, synced, then renamed
 * over it; a symbolic link's target, the link kept), standard output, a FIFO
 * or a device straight.  RW_ECANTCREAT when the file cannot be created or is
 * the journal (or its -wal, -shm); the old file stays as it was on failure. */
int report_write_path(const char *path, struct journal *j, const struct report_format *fmt,
		      const struct report_opts *o, struct rw_error *e);

/* Shared by the formats people read (text, markdown, html). */
/* The period, "2026-02-20 to 2026-03-05", or "nothing logged yet" for an
 * empty journal asked for no period. */
char *report_period_text(const struct report_summary *s, char *out, size_t n);

/* A loss band "low<dash>high" in percent: muscle and cardio with one
 * decimal, bone (ten times smaller) with two; "1.0-1.5" for dash "-". */
char *report_band_text(enum engine_loss x, double low, double high, const char *dash,
		       char *out, size_t n);

/* The cells of one day's row in a table, each its text or `none` when the
 * day lacks it: rest hours, activity minutes, pain, weight, and the three
 * losses as low-high bands (joined by dash; `none` when no loss). */
struct report_cells {
	char rest[32], act[16], pain[8], kg[16];
	char band[LOSS_COUNT][48];
};
void report_day_cells(const struct engine_proj *p, const struct entry *en, const char *none,
		      const char *dash, struct report_cells *c);

/* The summary as labelled lines, so that every format people read says
 * the same words: "Days logged", "Longest rest", "Rest clock", "Peak
 * losses", "Current losses", "Activity", "Walking", "Pain".  dash goes
 * between the low and high band.  Plain ASCII when dash is. */
#define REPORT_SUMMARY_LINES 9
struct report_line {
	const char *label;
	char text[512];
};
void report_summary_lines(const struct report_summary *s, const char *dash,
			  struct report_line out[REPORT_SUMMARY_LINES]);

/* Weeks, Monday to Sunday (the first and last may be short), for long
 * periods (docs/formats.md, long spans). */
struct report_week {
	rw_day from, to;
	int days, logged;
	int rested, pained;     /* days with rest hours, with pain */
	double rest_sum, pain_sum;
	int max_pain;           /* -1 when no pain was logged */
	double max_clock;
	long act;               /* activity minutes */
	enum engine_level level; /* the furthest level reached */
	bool red;               /* a red flag that week */
};
typedef int (*report_week_fn)(void *ctx, const struct report_week *w);

/* Call fn for each week of first..last in order; a non-zero return stops
 * and is returned. */
int report_each_week(struct journal *j, rw_day first, rw_day last, report_week_fn fn,
		     void *ctx, struct rw_error *e);

/* The same weeks from a walk the caller makes (the PDF gathers its days in
 * the same pass): begin, then each day in order, then end; fn is called
 * as above. */
struct report_week_acc {
	struct report_week w;
	report_week_fn fn;
	void *ctx;
};
void report_week_begin(struct report_week_acc *a, rw_day first, report_week_fn fn, void *ctx);
int report_week_day(struct report_week_acc *a, const struct engine_proj *p,
		    const struct entry *en);
int report_week_end(struct report_week_acc *a);

/* How far a level goes: clot-risk > deconditioning > resting > recovering
 * > none. */
int report_level_rank(enum engine_level level);

/* A week's cells as text: "5 of 7", mean rest, activity minutes, mean and
 * highest pain, highest rest clock, the level reached ("clot-risk, red
 * flag"); none where the week lacks the value. */
struct report_week_cells {
	char logged[24], rest[16], act[24], pain[16], max_pain[8], clock[16], level[40];
};
void report_week_cells(const struct report_week *w, const char *none,
		       struct report_week_cells *c);

/* The first day of the days table: the first day covered, or for a long
 * period the first of its last REPORT_RECENT_DAYS days (the weeks cover
 * the rest). */
#define REPORT_RECENT_DAYS 28
rw_day report_days_from(const struct report_summary *s);

#endif
