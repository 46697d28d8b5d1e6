/* cli.h - the command line: argv to commands (docs/formats.md).
 *
 * Each command is a struct cli_command cli_cmd_NAME (its name, usage, help
 * and run function) defined in the file named after it, src/cli_NAME.c,
 * beside its options and code (down, up and nudge share src/cli_rest.c).
 * cli.c declares them and holds their table, the global options and the
 * dispatcher; cli_opt.c the option parsing the commands share.  Commands report failure through
 * struct rw_error and never call exit(); main turns the code into the exit
 * status.
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

/* A command's return value for "exit 1, print nothing" (`nudge`). */
#define CLI_QUIET_FAILURE 1

/* One command.  `restwatch NAME --help` prints "Usage: restwatch [--db PATH]
 * NAME USAGE", then ABOUT as a sentence, then HELP; `restwatch --help` lists
 * NAME and ABOUT. */
struct cli_command {
	const char *name;
	const char *usage; /* the options after the name; "" for none */
	const char *about; /* one line, lower case, no full stop */
	const char *help;  /* the details, each line ending in \n; "" for none */
	/* Optional: write usage and help (into the command's own buffers) from
	 * a table before either is printed (log's field options). */
	void (*describe)(void);
	/* args are those after the command name */
	int (*run)(struct cli *c, struct cli_args *a, struct rw_error *e);
};

/* The positional arguments of a command (at most max of them, into out,
 * *n of them); an option of opts sets *flag_id (cli_opt.c). */
int cli_positionals(struct cli_args *a, const char **out, int max, int *n,
		    const struct cli_opt *opts, int *flag_id, struct rw_error *e);

/* A global option that may follow the command (--db PATH, --db=PATH,
 * --no-color) at a->argv[a->i - 1]: 1 and its value taken when it is one,
 * 0 when it is not, or RW_EUSAGE (cli.c). */
int cli_global_after(struct cli_args *a, struct rw_error *e);

/* Print day's projection line (advice_line), as log and up do after a
 * change (cli_log.c). */
int cli_print_day_line(struct journal *j, rw_day day, struct rw_error *e);

int cli_main(int argc, char **argv);

#endif
