/* cli_config.c - the commands about the whole journal: config, backup, check. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

/* The positional arguments of a command that takes no options. */
static int positionals(struct cli_args *a, const char **out, int max, int *n,
		       const struct cli_opt *opts, int *flag_id, struct rw_error *e)
{
	const char *v;
	int id, r;

	*n = 0;
	while ((r = cli_next(a, opts, &id, &v, e)) == 1) {
		if (id != CLI_ARG) {
			if (flag_id)
				*flag_id = id;
			continue;
		}
		if (*n >= max)
			return rw_fail(e, RW_EUSAGE, "%s: too many arguments (see restwatch %s --help)",
				       a->cmd, a->cmd);
		out[(*n)++] = v;
	}
	return r;
}

static void print_value(double v)
{
	char buf[40];
	fputs(entry_format_rest(v, buf, sizeof buf), stdout);
}

static void list_params(const struct engine_params *p)
{
	const struct engine_param_info *t;
	size_t n, i;

	t = engine_param_table(&n);
	for (i = 0; i < n; i++) {
		double v = engine_param_get(p, &t[i]);
		printf("%-28s ", t[i].name);
		print_value(v);
		printf(" %s", t[i].unit);
		if (v != t[i].def) {
			printf("  (default ");
			print_value(t[i].def);
			putchar(')');
		}
		printf("\n    %s\n    source: %s\n", t[i].meaning, t[i].source);
	}
}

enum { O_RESET };

int cli_config(struct cli *c, struct cli_args *a, struct rw_error *e)
{
	static const struct cli_opt opts[] = { { "--reset", 0, false, O_RESET },
					       { NULL, 0, false, 0 } };
	const struct engine_param_info *info = NULL;
	struct engine_params p;
	struct journal *j;
	const char *args[2];
	char shown[64];
	double value, old;
	int n, flag = -1, r;

	if ((r = positionals(a, args, 2, &n, opts, &flag, e)))
		return r;
	if (flag == O_RESET && n)
		return rw_fail(e, RW_EUSAGE, "config: --reset takes no other argument");
	if (n >= 1 && !(info = engine_param_find(args[0])))
		return rw_fail(e, RW_EUSAGE, "config: '%s' is not a parameter (restwatch config lists them)",
			       rw_show(shown, sizeof shown, args[0]));
	if (n == 2 && (r = entry_parse_number(args[1], &value, args[0], e)))
		return r;
	if ((r = cli_journal(c, &j, e)))
		return r;
	if (flag == O_RESET) {
		if ((r = journal_reset_params(j, e)))
			return r;
		puts("every parameter is back to its default; projections recomputed");
		return 0;
	}
	if ((r = journal_params(j, &p, e)))
		return r;
	if (n == 0) {
		list_params(&p);
		return 0;
	}
	old = engine_param_get(&p, info);
	if (n == 1) {
		print_value(old);
		putchar('\n');
		return 0;
	}
	if ((r = journal_set_param(j, info->name, value, e)))
		return r;
	printf("%s = ", info->name);
	print_value(value);
	printf(" %s (was ", info->unit);
	print_value(old);
	puts("); projections recomputed");
	return 0;
}

int cli_backup(struct cli *c, struct cli_args *a, struct rw_error *e)
{
	struct journal *j;
	struct stat so, st;
	const char *args[1];
	bool to_stdout;
	int n, r;

	if ((r = positionals(a, args, 1, &n, NULL, NULL, e)))
		return r;
	if (n == 0)
		return rw_fail(e, RW_EUSAGE, "backup: needs the FILE to write");
	if (!args[0][0])
		return rw_fail(e, RW_EUSAGE, "backup: the FILE name is empty");
	/* A copy sent to standard output (/dev/stdout) gets no line after it. */
	to_stdout = fstat(1, &so) == 0 && stat(args[0], &st) == 0 && so.st_dev == st.st_dev &&
		    so.st_ino == st.st_ino;
	if ((r = cli_journal(c, &j, e)) || (r = journal_backup(j, args[0], e)))
		return r;
	if (!to_stdout) {
		fputs("backed up ", stdout);
		rw_put_clean(stdout, journal_file(j), false);
		fputs(" to ", stdout);
		rw_put_clean(stdout, args[0], false);
		fputc('\n', stdout);
	}
	return 0;
}

int cli_check(struct cli *c, struct cli_args *a, struct rw_error *e)
{
	struct journal *j;
	const char *args[1];
	char report[4096];
	int n, r;

	if ((r = positionals(a, args, 0, &n, NULL, NULL, e)) || (r = cli_journal(c, &j, e)))
		return r;
	r = journal_check(j, report, sizeof report, e);
	/* The journal's path in these lines is shown escaped, as in errors. */
	rw_put_clean(stdout, report, true);
	if (r == 0) {
		rw_put_clean(stdout, journal_file(j), false);
		fputs(": ok\n", stdout);
	}
	return r;
}
