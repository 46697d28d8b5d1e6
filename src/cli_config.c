/* cli_config.c - `config`: the engine's parameters (docs/formats.md). */
#include <stdbool.h>
#include <stdio.h>

#include "cli.h"

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

static int cli_config(struct cli *c, struct cli_args *a, struct rw_error *e)
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

	if ((r = cli_positionals(a, args, 2, &n, opts, &flag, e)))
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

const struct cli_command cli_cmd_config = {
	.name = "config",
	.usage = "[KEY [VALUE]] | --reset",
	.about = "list the engine's parameters, show one, or set one",
	.help = "  (no arguments)  list every parameter with its default and source\n"
		"  KEY             print one parameter's value\n"
		"  KEY VALUE       set it; every projection is recomputed\n"
		"  --reset         restore every default\n",
	.run = cli_config,
};
