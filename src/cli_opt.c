/* cli_opt.c - the option parsing every command shares: cli_next over a
 * command's struct cli_opt table, positional arguments, dates and ranges.
 * The global options are cli.c's. */
#include "cli.h"

#include <string.h>

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
			/* The global options that may follow a command (cli.c). */
			int g = a->c ? cli_global_after(a, e) : 0;
			if (g < 0)
				return g;
			if (g)
				continue;
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

int cli_positionals(struct cli_args *a, const char **out, int max, int *n,
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
