/* cli.c - argv to commands: global options, dispatch, option parsing, help. */
#include "cli.h"

#include <ctype.h>
#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "advice.h"
#include "clock.h"
#include "tui.h"
#include "utf8.h"

struct command {
	const char *name;
	int (*run)(struct cli *c, struct cli_args *a, struct rw_error *e);
	const char *usage; /* the options, after the name */
	const char *about; /* one line */
	const char *more;  /* details for `restwatch COMMAND --help` */
};

static const struct command commands[] = {
	{ "log", cli_log,
	  "[--date DATE] [--rest H] [--activity KIND:MIN]... [--pain N] [--symptom NAME]...\n"
	  "             [--med NAME[:DOSE]]... [--weight KG] [--note TEXT]\n"
	  "             [--clear-activities] [--clear-symptoms] [--clear-meds] [--future]",
	  "create or update one day's entry, then print its projection",
	  "  --date DATE         the day (default today; 1900-01-01 at the earliest)\n"
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
	  "24 hours.\n" },
	{ "down", cli_down, "[--at TIME]", "start a stretch of lying down (the timer runs until up)",
	  "  --at TIME  when you lay down: HH:MM today, YYYY-MM-DDTHH:MM, or -N\n"
	  "             (N minutes ago); default now\n"
	  "Refused while already down.  `restwatch nudge` tells when it is time to get up.\n" },
	{ "up", cli_up, "[--at TIME]", "end the stretch of lying down and count its hours",
	  "  --at TIME  when you got up (as for down; default now)\n"
	  "The stretch's hours are added to tracked_hours of each day it touches, split\n"
	  "at local midnight; a day without typed rest hours counts sleep_hours plus its\n"
	  "tracked hours as its rest.  A stretch is at most 24 h and may not overlap\n"
	  "another.  Prints the day's projection line.\n" },
	{ "nudge", cli_nudge, "",
	  "for cron, timers and status bars: a line when it is time to get up",
	  "Prints \"down 1 h 20 min: time to get up and walk a little\" and exits 0\n"
	  "when you have been lying down for nudge_minutes (default 60) or longer,\n"
	  "between nudge_from and nudge_to (default 8 and 22, hours of the day);\n"
	  "otherwise prints nothing and exits 1.  See restwatch config.\n" },
	{ "show", cli_show, "[--from DATE] [--to DATE] [--json]",
	  "the days in range, entries and projections, as a table or JSON",
	  "  --from DATE  first day (default the first logged day)\n"
	  "  --to DATE    last day (default the last logged day)\n"
	  "  --json       JSON as in report --format json\n"
	  "Days between logged days are shown as not logged.\n" },
	{ "status", cli_status, "[--json]",
	  "one line: the last logged day's level, rest clock and losses",
	  "  --json  the last logged day's projection, the days since it and a\n"
	  "          forecast of 1, 3 and 7 more days like it\n" },
	{ "report", cli_report,
	  "[--format text|markdown|csv|json|html|pdf] [--from DATE] [--to DATE] [--name TEXT]\n"
	  "        [--paper a4|letter] [-o FILE]",
	  "the history report",
	  "  --format F    text (default), markdown, csv, json, html or pdf\n"
	  "  --from DATE   first day (default the first logged day)\n"
	  "  --to DATE     last day (default the last logged day; with --from, today)\n"
	  "  --name TEXT   the person's name, on text, markdown, html and pdf\n"
	  "  --paper P     pdf page size: a4 or letter (default from the locale)\n"
	  "  -o FILE       write FILE (0600, replaced atomically) instead of stdout\n"
	  "pdf is the clinician's page: it needs -o FILE or a redirected stdout.\n" },
	{ "import", cli_import, "FILE|-", "read days from CSV in the report --format csv layout",
	  "Reads date,rest_hours,activities,pain,symptoms,weight_kg,note by header\n"
	  "name (in any order; other columns are ignored).  All rows are stored or\n"
	  "none: the first bad row is named by line and field.  A day already in the\n"
	  "journal is replaced.  `restwatch undo` reverts the whole import.\n" },
	{ "delete", cli_delete, "--date DATE", "remove one day's entry", "" },
	{ "undo", cli_undo, "",
	  "revert the most recent change (log, delete, import, config, down, up)", "" },
	{ "config", cli_config, "[KEY [VALUE]] | --reset",
	  "list the engine's parameters, show one, or set one",
	  "  (no arguments)  list every parameter with its default and source\n"
	  "  KEY             print one parameter's value\n"
	  "  KEY VALUE       set it; every projection is recomputed\n"
	  "  --reset         restore every default\n" },
	{ "backup", cli_backup, "FILE", "a consistent copy of the journal, taken while in use",
	  "" },
	{ "check", cli_check, "", "the journal's integrity check; exit 0 only when sound",
	  "Runs SQLite's integrity and foreign-key checks, validates every stored day\n"
	  "and setting (none missing, no unknown key), and compares the stored\n"
	  "projections with a full recompute (none outside the logged days).\n" },
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

static const struct command *find_command(const char *name)
{
	size_t i;
	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

/* Print the usage of one command (or of all when cmd is NULL). */
static void cli_usage(FILE *f, const char *cmd)
{
	const struct command *c = cmd ? find_command(cmd) : NULL;
	size_t i;

	if (c) {
		fprintf(f, "Usage: restwatch [--db PATH] %s%s%s\n\n%c%s.\n", c->name,
			c->usage[0] ? " " : "", c->usage, toupper((unsigned char)c->about[0]), c->about + 1);
		if (c->more[0])
			fprintf(f, "\n%s", c->more);
		return;
	}
	fputs("Usage: restwatch [--db PATH] [--no-color] [--no-bell] [COMMAND [OPTIONS]]\n"
	      "\n"
	      "A day-by-day journal for acute lower back pain: rest, activity, pain,\n"
	      "symptoms, weight and notes.  Past the guideline limit for bed rest (48\n"
	      "hours by default) it counts projected losses of muscle strength, fitness\n"
	      "and bone; it warns of a higher chance of blood clots after days in bed\n"
	      "and puts a red flag first.  With no command, restwatch opens its\n"
	      "terminal interface.\n"
	      "\n"
	      "Commands:\n",
	      f);
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].about);
	fputs("\n"
	      "Options:\n"
	      "  --db PATH    the journal (default $RESTWATCH_DB, else\n"
	      "               $XDG_DATA_HOME/restwatch/journal.db)\n"
	      "  --no-color   no colours in the interface (NO_COLOR is honoured too)\n"
	      "  --no-bell    no terminal bell with the interface's nudge to get up\n"
	      "  -h, --help   this help; restwatch COMMAND --help for one command\n"
	      "  --version    print the version\n"
	      "\n"
	      "DATE is YYYY-MM-DD, today, yesterday or -N (N days ago).\n"
	      "Exit status: 0 done, 64 usage, 65 bad data, 66 input cannot be opened,\n"
	      "73 output cannot be created, 74 I/O or journal error, 75 journal locked.\n"
	      "\n",
	      f);
	fprintf(f, "%s\n", advice_disclaimer);
}

int cli_next(struct cli_args *a, const struct cli_opt *opts, int *id, const char **value,
	     struct rw_error *e)
{
	char shown[64];

	while (a->i < a->argc) {
		const char *arg = a->argv[a->i++];
		const char *eq;
		size_t len;
		const struct cli_opt *o;

		*value = NULL;
		if (a->only_args || arg[0] != '-' || strcmp(arg, "-") == 0) {
			*id = CLI_ARG;
			*value = arg;
			return 1;
		}
		if (strcmp(arg, "--") == 0) {
			a->only_args = true;
			continue;
		}
		eq = arg[1] == '-' ? strchr(arg, '=') : NULL;
		len = eq ? (size_t)(eq - arg) : strlen(arg);
		for (o = opts; o && o->name; o++) {
			bool is_short = arg[1] != '-' && o->short_name && arg[1] == o->short_name &&
					arg[2] == '\0';
			if (is_short || (strlen(o->name) == len && strncmp(arg, o->name, len) == 0))
				break;
		}
		if (!o || !o->name) {
			/* The global options work after a command too. */
			if (a->c && strncmp(arg, "--db", len) == 0 && len == 4) {
				if (!eq && a->i >= a->argc)
					return rw_fail(e, RW_EUSAGE, "--db: needs a path");
				a->c->db_opt = eq ? eq + 1 : a->argv[a->i++];
				continue;
			}
			if (a->c && strcmp(arg, "--no-color") == 0) {
				a->c->no_color = true;
				continue;
			}
			return rw_fail(e, RW_EUSAGE, "%s: unknown option '%s' (see restwatch %s --help)",
				       a->cmd, rw_show(shown, sizeof shown, arg), a->cmd);
		}
		*id = o->id;
		if (o->value) {
			if (eq)
				*value = eq + 1;
			else if (a->i < a->argc)
				*value = a->argv[a->i++];
			else
				return rw_fail(e, RW_EUSAGE, "%s: %s needs a value", a->cmd, o->name);
		} else if (eq) {
			return rw_fail(e, RW_EUSAGE, "%s: %s takes no value", a->cmd, o->name);
		}
		return 1;
	}
	return 0;
}

int cli_date(const struct cli *c, const char *s, rw_day *out, const char *field,
	     struct rw_error *e)
{
	return date_parse(s, c->today, out, field, e);
}

int cli_range_set(const struct cli *c, bool to, const char *v, struct report_range *range,
		  struct rw_error *e)
{
	if (to) {
		range->has_to = true;
		return cli_date(c, v, &range->to, "--to", e);
	}
	range->has_from = true;
	return cli_date(c, v, &range->from, "--from", e);
}

int cli_range_check(const struct report_range *range, struct rw_error *e)
{
	char a[DATE_BUFSZ], b[DATE_BUFSZ];

	if (range->has_from && range->has_to && range->from > range->to)
		return rw_fail(e, RW_EDATA, "--from: %s is after --to %s", date_format(range->from, a),
			       date_format(range->to, b));
	return 0;
}

int cli_journal(struct cli *c, struct journal **j, struct rw_error *e)
{
	char *path;
	int r;

	if (!c->j) {
		if ((r = journal_path(c->db_opt, &path, e)))
			return r;
		r = journal_open(&c->j, path, e);
		free(path);
		if (r)
			return r;
	}
	*j = c->j;
	return 0;
}

/* Flush stdout and turn a write error (a full disk, a closed pipe) into
 * RW_EIO. */
static int cli_flush(struct rw_error *e)
{
	if (fflush(stdout) != 0 || ferror(stdout))
		return rw_fail(e, RW_EIO, "standard output: %s", strerror(errno));
	return 0;
}

/* Today as the program sees it: RESTWATCH_TODAY (YYYY-MM-DD) when set, which
 * makes runs reproducible, else the local calendar date of now (clock.h:
 * RESTWATCH_NOW when set). */
static int find_today(rw_day *today, struct rw_error *e)
{
	const char *env = getenv("RESTWATCH_TODAY");
	time_t now;
	struct tm tm;

	if (env && *env) {
		if (date_parse_iso(env, today) != 0) {
			char shown[64];
			return rw_fail(e, RW_EUSAGE, "RESTWATCH_TODAY: '%s' is not a date (YYYY-MM-DD)",
				       rw_show(shown, sizeof shown, env));
		}
		return 0;
	}
	{
		int64_t t;
		int r = clock_now(&t, e);
		if (r)
			return r;
		now = (time_t)t;
	}
	if (!localtime_r(&now, &tm))
		return rw_fail(e, RW_EIO, "cannot read the local date");
	if (!date_valid_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday))
		return rw_fail(e, RW_EIO, "the system date %d-%02d-%02d is out of range",
			       tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	*today = date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	return 0;
}

static bool is_help(const char *arg)
{
	return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0;
}

static int run(struct cli *c, int argc, char **argv, struct rw_error *e)
{
	const struct command *cmd;
	struct cli_args a;
	char shown[64];
	int i = 1, r;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		const char *arg = argv[i];
		if (is_help(arg)) {
			cli_usage(stdout, NULL);
			return cli_flush(e);
		}
		if (strcmp(arg, "--version") == 0 || strcmp(arg, "-V") == 0) {
			printf("restwatch %s\n", RESTWATCH_VERSION);
			return cli_flush(e);
		}
		if (strcmp(arg, "--no-color") == 0) {
			c->no_color = true;
		} else if (strcmp(arg, "--no-bell") == 0) {
			c->no_bell = true;
		} else if (strcmp(arg, "--db") == 0) {
			if (++i >= argc)
				return rw_fail(e, RW_EUSAGE, "--db: needs a path");
			c->db_opt = argv[i];
		} else if (strncmp(arg, "--db=", 5) == 0) {
			c->db_opt = arg + 5;
		} else if (strcmp(arg, "--") == 0) {
			i++;
			break;
		} else {
			return rw_fail(e, RW_EUSAGE, "unknown option '%s' (see restwatch --help)",
				       rw_show(shown, sizeof shown, arg));
		}
	}
	if (c->db_opt && !*c->db_opt)
		return rw_fail(e, RW_EUSAGE, "--db: the path is empty");
	if ((r = find_today(&c->today, e)))
		return r;
	if (i >= argc) {
		struct journal *j;
		struct tui_opts o = { .no_color = c->no_color, .no_bell = c->no_bell, .today = c->today };
		if ((r = cli_journal(c, &j, e)))
			return r;
		return tui_run(j, &o, e);
	}
	if (strcmp(argv[i], "help") == 0) {
		cli_usage(stdout, i + 1 < argc ? argv[i + 1] : NULL);
		return cli_flush(e);
	}
	if (!(cmd = find_command(argv[i])))
		return rw_fail(e, RW_EUSAGE, "'%s' is not a command (see restwatch --help)",
			       rw_show(shown, sizeof shown, argv[i]));
	for (int k = i + 1; k < argc && strcmp(argv[k], "--") != 0; k++) {
		if (is_help(argv[k])) {
			cli_usage(stdout, cmd->name);
			return cli_flush(e);
		}
	}
	a = (struct cli_args){ .argc = argc, .argv = argv, .i = i + 1, .cmd = cmd->name, .c = c };
	r = cmd->run(c, &a, e);
	if (r == 0 || r == CLI_QUIET_FAILURE) {
		int f = cli_flush(e);
		r = f ? f : r;
	}
	return r;
}

/* The error line: "restwatch: MSG", always one line of printable text.
 * Most messages quote input through rw_show already; a path (--db, a file
 * name) may still hold a newline, an escape sequence or bytes that are not
 * UTF-8, which are shown as \xNN here. */
static void print_error(const char *msg)
{
	fputs("restwatch: ", stderr);
	rw_put_clean(stderr, msg, false);
	fputc('\n', stderr);
}

int cli_main(int argc, char **argv)
{
	struct cli c = { 0 };
	struct rw_error e = { 0, "" };
	int r;

	/* Only the character type follows the locale: numbers are always read
	 * and written with a '.' whatever LC_NUMERIC says. */
	setlocale(LC_CTYPE, "");
	r = run(&c, argc, argv, &e);
	journal_close(c.j);
	if (r == CLI_QUIET_FAILURE) /* `nudge`: nothing due */
		return fflush(stdout) == 0 ? 1 : rw_exit_status(RW_EIO);
	if (r) {
		fflush(stdout);
		print_error(e.msg[0] ? e.msg : "failed");
	}
	return rw_exit_status(r);
}
