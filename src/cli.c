/* cli.c - argv to commands: the table of commands, the global options
 * (parsed here only), the dispatcher and the usage built from the table. */
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

/* The commands, each defined with its options and code in the file named
 * after it, src/cli_NAME.c (down, up and nudge share src/cli_rest.c). */
extern const struct cli_command cli_cmd_log;
extern const struct cli_command cli_cmd_down;
extern const struct cli_command cli_cmd_up;
extern const struct cli_command cli_cmd_nudge;
extern const struct cli_command cli_cmd_show;
extern const struct cli_command cli_cmd_status;
extern const struct cli_command cli_cmd_report;
extern const struct cli_command cli_cmd_import;
extern const struct cli_command cli_cmd_delete;
extern const struct cli_command cli_cmd_undo;
extern const struct cli_command cli_cmd_config;
extern const struct cli_command cli_cmd_backup;
extern const struct cli_command cli_cmd_check;

/* In the order `restwatch --help` lists them. */
static const struct cli_command *const commands[] = {
	&cli_cmd_log,
	&cli_cmd_down,
	&cli_cmd_up,
	&cli_cmd_nudge,
	&cli_cmd_show,
	&cli_cmd_status,
	&cli_cmd_report,
	&cli_cmd_import,
	&cli_cmd_delete,
	&cli_cmd_undo,
	&cli_cmd_config,
	&cli_cmd_backup,
	&cli_cmd_check,
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

static const struct cli_command *find_command(const char *name)
{
	size_t i;
	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i]->name, name) == 0)
			return commands[i];
	return NULL;
}

/* Print the usage of one command (or of all when cmd is NULL). */
static void cli_usage(FILE *f, const char *cmd)
{
	const struct cli_command *c = cmd ? find_command(cmd) : NULL;
	size_t i;

	if (c) {
		if (c->describe)
			c->describe();
		fprintf(f, "Usage: restwatch [--db PATH] %s%s%s\n\n%c%s.\n", c->name,
			c->usage[0] ? " " : "", c->usage, toupper((unsigned char)c->about[0]), c->about + 1);
		if (c->help[0])
			fprintf(f, "\n%s", c->help);
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
		fprintf(f, "  %-8s %s\n", commands[i]->name, commands[i]->about);
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

/* The global options, before the command; those marked after_command may
 * follow it too (cli_next asks cli_global_after). */
enum { G_HELP, G_VERSION, G_NO_COLOR, G_NO_BELL, G_DB };

static const struct global_opt {
	const char *name;
	char short_name;
	bool value; /* --db PATH or --db=PATH */
	bool after_command;
	int id;
} globals[] = {
	{ "--help", 'h', false, false, G_HELP },
	{ "--version", 'V', false, false, G_VERSION },
	{ "--no-color", 0, false, true, G_NO_COLOR },
	{ "--no-bell", 0, false, false, G_NO_BELL },
	{ "--db", 0, true, true, G_DB },
};

/* The global option at argv[*next - 1], its value taken from argv[*next]
 * when it needs one: 1 and *id when it is one (settings are set in c), 0
 * when it is not (or not after a command), or RW_EUSAGE. */
static int global_option(struct cli *c, int argc, char **argv, int *next, bool after_command,
			 int *id, struct rw_error *e)
{
	const char *arg = argv[*next - 1], *v;
	size_t i;

	for (i = 0; i < sizeof globals / sizeof globals[0]; i++) {
		const struct global_opt *g = &globals[i];
		size_t len = strlen(g->name);
		bool exact = strcmp(arg, g->name) == 0 ||
			     (g->short_name && arg[0] == '-' && arg[1] == g->short_name && !arg[2]);
		if (!exact && !(g->value && strncmp(arg, g->name, len) == 0 && arg[len] == '='))
			continue;
		if (after_command && !g->after_command)
			return 0;
		v = NULL;
		if (g->value && !exact)
			v = arg + len + 1;
		else if (g->value && *next >= argc)
			return rw_fail(e, RW_EUSAGE, "%s: needs a path", g->name);
		else if (g->value)
			v = argv[(*next)++];
		*id = g->id;
		if (g->id == G_NO_COLOR)
			c->no_color = true;
		else if (g->id == G_NO_BELL)
			c->no_bell = true;
		else if (g->id == G_DB)
			c->db_opt = v;
		return 1;
	}
	return 0;
}

int cli_global_after(struct cli_args *a, struct rw_error *e)
{
	int id;

	return global_option(a->c, a->argc, a->argv, &a->i, true, &id, e);
}

/* The global options before the command, from argv[*i]; *i is left at the
 * command.  --help and --version print and set *done. */
static int leading_options(struct cli *c, int argc, char **argv, int *i, bool *done,
			   struct rw_error *e)
{
	char shown[64];
	int id, r;

	*done = false;
	while (*i < argc && argv[*i][0] == '-' && argv[*i][1]) {
		const char *arg = argv[(*i)++];
		if (strcmp(arg, "--") == 0)
			break;
		if ((r = global_option(c, argc, argv, i, false, &id, e)) < 0)
			return r;
		if (r == 0)
			return rw_fail(e, RW_EUSAGE, "unknown option '%s' (see restwatch --help)",
				       rw_show(shown, sizeof shown, arg));
		if (id == G_HELP || id == G_VERSION) {
			*done = true;
			if (id == G_HELP)
				cli_usage(stdout, NULL);
			else
				printf("restwatch %s\n", RESTWATCH_VERSION);
			return cli_flush(e);
		}
	}
	return 0;
}

static bool is_help(const char *arg)
{
	return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0;
}

static int run(struct cli *c, int argc, char **argv, struct rw_error *e)
{
	const struct cli_command *cmd;
	struct cli_args a;
	char shown[64];
	bool done;
	int i = 1, r;

	if ((r = leading_options(c, argc, argv, &i, &done, e)) || done)
		return r;
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
