/* cli_log.c - `log`: create or update one day's entry (docs/formats.md). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "advice.h"
#include "cli.h"

/* What `log` was asked to do, applied inside the journal's transaction so
 * that two processes adding activities to one day never lose either. */
static int apply_log(void *ctx, struct entry *en, bool existed, struct rw_error *e)
{
	(void)existed;
	return entry_apply(en, ctx, ENTRY_NAME_OPTION, e);
}

/* journal_each callback: the projection line of the one day walked. */
static int print_line(void *ctx, const struct engine_proj *proj, const struct entry *en)
{
	char line[1024];

	puts(advice_line(proj, en, ctx, line, sizeof line));
	return 0;
}

/* Print the projection line of day after a change. */
int cli_print_day_line(struct journal *j, rw_day day, struct rw_error *e)
{
	struct engine_params p;
	int r = journal_params(j, &p, e);

	return r ? r : journal_each(j, day, day, 0, print_line, &p, e);
}

/* A day after today is a plan: it needs --future, and even then lies at
 * most one year ahead (a far-future day would make the journal hold a
 * projection for every day up to it). */
static int check_future(const struct cli *c, rw_day day, bool future, struct rw_error *e)
{
	char a[DATE_BUFSZ], b[DATE_BUFSZ];

	if (day > c->today && !future)
		return rw_fail(e, RW_EDATA,
			       "--date: %s is after today (%s); add --future to log a day ahead",
			       date_format(day, a), date_format(c->today, b));
	return date_check_latest(day, c->today, "--date", e);
}

enum { O_DATE, O_FUTURE, O_FIELD = 100, O_CLEAR = 200 };

/* log's options: --date and --future, then each field's option (it sets a
 * value or adds one item to a list) and a list's clearing option, from the
 * table of entry.h. */
static const struct cli_opt *log_options(void)
{
	static struct cli_opt opts[2 + 2 * EF_COUNT + 1];
	int i, n = 0;

	if (opts[0].name)
		return opts;
	opts[n++] = (struct cli_opt){ "--date", 0, true, O_DATE };
	for (i = 0; i < EF_COUNT; i++) {
		if (entry_fields[i].option)
			opts[n++] = (struct cli_opt){ entry_fields[i].option, 0, true, O_FIELD + i };
		if (entry_fields[i].clear_option)
			opts[n++] = (struct cli_opt){ entry_fields[i].clear_option, 0, false,
						      O_CLEAR + i };
	}
	opts[n] = (struct cli_opt){ "--future", 0, false, O_FUTURE };
	return opts;
}

static int cli_log(struct cli *c, struct cli_args *a, struct rw_error *e)
{
	const struct cli_opt *opts = log_options();
	static struct entry_change q; /* large; one per process */
	const struct entry_field *f;
	struct journal *j;
	const char *v;
	rw_day day = c->today;
	bool future = false;
	char shown[64];
	int id, r;

	entry_change_init(&q);
	while ((r = cli_next(a, opts, &id, &v, e)) == 1) {
		r = 0;
		if (id == O_DATE) {
			r = cli_date(c, v, &day, "--date", e);
		} else if (id == O_FUTURE) {
			future = true;
		} else if (id >= O_CLEAR && id < O_CLEAR + EF_COUNT) {
			f = entry_field((enum entry_field_id)(id - O_CLEAR));
			q.clear |= EF_BIT(f->id);
		} else if (id >= O_FIELD && id < O_FIELD + EF_COUNT) {
			char num[32]; /* a person's "7,5" (docs/formats.md) */
			f = entry_field((enum entry_field_id)(id - O_FIELD));
			if (f->decimal)
				v = entry_decimal_point(v, num, sizeof num);
			r = entry_change_text(&q, f, v, false, f->option, e);
		} else {
			r = rw_fail(e, RW_EUSAGE, "log: unexpected argument '%s'",
				    rw_show(shown, sizeof shown, v));
		}
		if (r)
			return r;
	}
	if (r < 0 || (r = check_future(c, day, future, e)))
		return r;
	if ((r = cli_journal(c, &j, e)) || (r = journal_edit(j, day, apply_log, &q, e)))
		return r;
	return cli_print_day_line(j, day, e);
}

/* ---- usage and help, from the table ---------------------------------- */

#define USAGE_WIDTH 80 /* characters of options on one usage line */
#define USAGE_INDENT "             "
#define HELP_WIDTH 76  /* the closing paragraph's lines */

static char log_usage[640], log_help[4096];

/* Text appended to a fixed buffer (cut at its end); line: the current
 * usage line's length. */
struct text {
	char *s;
	size_t n, o, line;
};

static void put(struct text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(struct text *t, const char *fmt, ...)
{
	va_list ap;
	int w;

	if (t->o >= t->n)
		return;
	va_start(ap, fmt);
	w = vsnprintf(t->s + t->o, t->n - t->o, fmt, ap);
	va_end(ap);
	t->o = w < 0 ? t->n : t->o + (size_t)w;
}

/* The fields with an option, in log's order (log_rank); returns how many. */
static int log_fields(const struct entry_field *out[EF_COUNT])
{
	int i, k, n = 0;

	for (i = 0; i < EF_COUNT; i++) {
		if (!entry_fields[i].option)
			continue;
		for (k = n++; k > 0 && out[k - 1]->log_rank > entry_fields[i].log_rank; k--)
			out[k] = out[k - 1];
		out[k] = &entry_fields[i];
	}
	return n;
}

/* One "[--opt ARG]" of the usage, on a new line when asked or when the
 * line would pass USAGE_WIDTH. */
static void usage_item(struct text *u, bool new_line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void usage_item(struct text *u, bool new_line, const char *fmt, ...)
{
	char item[128];
	size_t len;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(item, sizeof item, fmt, ap);
	va_end(ap);
	len = strlen(item);
	if (u->line && (new_line || u->line + 1 + len > USAGE_WIDTH)) {
		put(u, "\n" USAGE_INDENT);
		u->line = 0;
	} else if (u->line) {
		put(u, " ");
		u->line++;
	}
	put(u, "%s", item);
	u->line += len;
}

/* "  --opt ARG   does", its further lines ('\n' in does) under the first. */
static void help_item(struct text *h, int width, const char *opt, const char *arg,
		      const char *does)
{
	char label[64];
	size_t len;

	snprintf(label, sizeof label, "%s%s%s", opt, arg ? " " : "", arg ? arg : "");
	for (; (len = strcspn(does, "\n")), does[len]; does += len + 1) {
		put(h, "  %-*s %.*s\n", width, label, (int)len, does);
		label[0] = '\0';
	}
	put(h, "  %-*s %s\n", width, label, does);
}

/* s as lines of at most width, broken at spaces. */
static void put_wrapped(struct text *h, const char *s, size_t width)
{
	size_t cut, end;

	while (strlen(s) > width) {
		for (cut = width; cut > 0 && s[cut] != ' '; cut--)
			;
		if (cut == 0)
			break;
		for (end = cut; end > 0 && s[end - 1] == ' '; end--)
			;
		put(h, "%.*s\n", (int)end, s);
		for (s += cut; *s == ' '; s++)
			;
	}
	put(h, "%s\n", s);
}

/* "--rest, --pain, --weight and --note": the options of the scalars (list
 * false) or of the lists. */
static void option_names(const struct entry_field *const *fs, int n, bool list, char *out,
			 size_t size)
{
	struct text t = { out, size, 0, 0 };
	int i, k = 0, count = 0;

	out[0] = '\0';
	for (i = 0; i < n; i++)
		count += fs[i]->list == list;
	for (i = 0; i < n; i++)
		if (fs[i]->list == list) {
			k++;
			put(&t, "%s%s", k == 1 ? "" : k == count ? " and " : ", ", fs[i]->option);
		}
}

/* The width of the help's option column: its longest label. */
static int label_width(const struct entry_field *const *fs, int n)
{
	int i, w = (int)strlen("--date DATE");

	for (i = 0; i < n; i++) {
		int len = (int)(strlen(fs[i]->option) + 1 + strlen(fs[i]->arg));
		w = len > w ? len : w;
		if (fs[i]->clear_option && (int)strlen(fs[i]->clear_option) > w)
			w = (int)strlen(fs[i]->clear_option);
	}
	return w;
}

/* log's usage and help from the table: --date, each field's option in
 * log_rank order, then the lists' clearing options and --future. */
static void describe_log(void)
{
	struct text u = { log_usage, sizeof log_usage, 0, 0 };
	struct text h = { log_help, sizeof log_help, 0, 0 };
	const struct entry_field *fs[EF_COUNT];
	char scalars[256], lists[256], para[768];
	int i, k, n = log_fields(fs), w = label_width(fs, n);

	usage_item(&u, false, "[--date DATE]");
	for (i = 0; i < n; i++)
		usage_item(&u, false, "[%s %s]%s", fs[i]->option, fs[i]->arg,
			   fs[i]->list ? "..." : "");
	for (i = 0, k = 0; i < n; i++)
		if (fs[i]->clear_option)
			usage_item(&u, k++ == 0, "[%s]", fs[i]->clear_option);
	usage_item(&u, k == 0, "[--future]");

	help_item(&h, w, "--date", "DATE", "the day (default today; 1900-01-01 at the earliest)");
	help_item(&h, w, "--future", NULL, "allow a --date after today, at most one year ahead");
	for (i = 0; i < n; i++)
		help_item(&h, w, fs[i]->option, fs[i]->arg, fs[i]->help);
	for (i = 0; i < n; i++)
		if (fs[i]->clear_option) {
			snprintf(para, sizeof para, "empty the day's %s before adding", fs[i]->word);
			help_item(&h, w, fs[i]->clear_option, NULL, para);
		}
	option_names(fs, n, false, scalars, sizeof scalars);
	option_names(fs, n, true, lists, sizeof lists);
	snprintf(para, sizeof para,
		 "%s replace the stored value; %s add to the day's lists.  Rest plus activity "
		 "is at most 24 hours.",
		 scalars, lists);
	put_wrapped(&h, para, HELP_WIDTH);
}

const struct cli_command cli_cmd_log = {
	.name = "log",
	.usage = log_usage,
	.about = "create or update one day's entry, then print its projection",
	.help = log_help,
	.describe = describe_log,
	.run = cli_log,
};
