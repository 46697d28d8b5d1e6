/* cli.h - the command line: argv to commands (docs/formats.md).
 *
 * cli.c parses the global options and dispatches; each cli_*.c file holds
 * a group of commands.  Commands report failure through struct rw_error and
 * never call exit(); main turns the code into the exit status.
 */
#ifndef RESTWATCH_CLI_H
#define RESTWATCH_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "date.h"
#include "journal.h"
#include "report.h"
#include "rwerr.h"

/* What every command gets. */
struct cli {
	const char *db_opt;  /* --db PATH, or NULL */
	bool no_color;
	bool no_bell;   /* --no-bell: the TUI's nudge rings no bell */
	rw_day today;
	struct journal *j;   /* opened by cli_journal() on first use */
};

/* The journal, opened (and created) on first use. */
int cli_journal(struct cli *c, struct journal **j, struct rw_error *e);

/* Option parsing for a command's arguments. */
struct cli_opt {
	const char *name; /* "--rest" */
	char short_name;  /* 'o' for -o, or 0 */
	bool value;       /* takes a value */
	int id;
};

#define CLI_ARG (-1) /* a positional argument */

struct cli_args {
	int argc;
	char **argv;
	int i;
	bool only_args; /* after "--" */
	const char *cmd;
	struct cli *c;  /* --db and --no-color are accepted after a command too */
};

/* Next option of args: returns 1 and sets *id and *value (NULL when the
 * option takes none; for CLI_ARG the argument), 0 at the end, or
 * RW_EUSAGE for an unknown option or a missing value. */
int cli_next(struct cli_args *a, const struct cli_opt *opts, int *id, const char **value,
	     struct rw_error *e);

/* Parse a date option with the program's today. */
int cli_date(const struct cli *c, const char *s, rw_day *out, const char *field,
	     struct rw_error *e);

/* --from (to false) or --to (to true) into range, then, after the options,
 * the check that the range does not end before it starts. */
int cli_range_set(const struct cli *c, bool to, const char *v, struct report_range *range,
		  struct rw_error *e);
int cli_range_check(const struct report_range *range, struct rw_error *e);

/* The commands; args are those after the command name. */
/* A command's return value for "exit 1, print nothing" (`nudge`). */
#define CLI_QUIET_FAILURE 1

int cli_log(struct cli *c, struct cli_args *a, struct rw_error *e);
/* Print day's projection line (advice_line), as log and up do after a
 * change (cli_log.c). */
int cli_print_day_line(struct journal *j, rw_day day, struct rw_error *e);
int cli_down(struct cli *c, struct cli_args *a, struct rw_error *e);
int cli_up(struct cli *c, struct cli_args *a, struct rw_error *e);
int cli_nudge(struct cli *c, struct cli_args *a, struct rw_error *e);

int cli_delete(struct cli *c, struct cli_args *a, struct rw_error *e);
int cli_undo(struct cli *c, struct cli_args *a, struct rw_error *e);
int cli_show(struct cli *c, struct cli_args *a, struct rw_error *e);
int cli_status(struct cli *c, struct cli_args *a, struct rw_error *e);
int cli_config(struct cli *c, struct cli_args *a, struct rw_error *e);
int cli_backup(struct cli *c, struct cli_args *a, struct rw_error *e);
int cli_check(struct cli *c, struct cli_args *a, struct rw_error *e);
int cli_report(struct cli *c, struct cli_args *a, struct rw_error *e);
int cli_import(struct cli *c, struct cli_args *a, struct rw_error *e);

int cli_main(int argc, char **argv);

#endif
