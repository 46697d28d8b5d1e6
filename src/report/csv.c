/* csv.c - the CSV report (docs/formats.md): RFC 4180, CRLF, a header row and
 * one row per logged day, the entry's seven columns first so that `import`
 * reads an export back unchanged.  Each row is built in one buffer and
 * written with one fwrite: ten years must cost little more than SQLite's
 * own CSV output. */
#include <stdbool.h>
#include <string.h>

#include "csv.h"
#include "fmt4.h"
#include "report.h"

/* The columns of docs/formats.md, in order: the date, the entry's columns
 * (entry.h's table) and the model's, these. */
static const char derived[] =
	"activity_minutes,"
	"rest_clock_hours,loss_days,level,clot_risk,red_flag,muscle_loss_low,"
	"muscle_loss_high,cardio_loss_low,cardio_loss_high,bone_loss_low,bone_loss_high,"
	"bed_days,urgency,clot_watch,pain_days\r\n";

/* The header line, built once. */
static const char *header(void)
{
	static char line[512];

	if (!line[0]) {
		size_t n = strlen(entry_csv_header(false, line, sizeof line));
		snprintf(line + n, sizeof line - n, ",%s", derived);
	}
	return line;
}

/* A row: the note and the medications can double every byte when they are
 * all quotes (plus the guard's "'" of each text cell, within the spare
 * bytes). */
#define ROW_MAX (2 * NOTE_MAX + ACTIVITIES_TEXT_MAX + SYMPTOMS_TEXT_MAX + 2 * MEDS_TEXT_MAX + 512)

struct row {
	char buf[ROW_MAX];
};

/* Append a text cell: one more leading "'" when a spreadsheet could read
 * it as a formula (docs/formats.md, formula protection), then the quoted
 * form when it needs quotes, else the text as it is. */
static char *put_field(char *p, const char *s)
{
	size_t n = strlen(s);
	bool guard = csv_formula_start(s);

	if (!csv_needs_quotes(s, n)) {
		if (guard)
			*p++ = '\'';
		memcpy(p, s, n);
		return p + n;
	}
	*p++ = '"';
	if (guard)
		*p++ = '\'';
	for (; *s; s++) {
		if (*s == '"')
			*p++ = '"';
		*p++ = *s;
	}
	*p++ = '"';
	return p;
}

/* Append s as it is (text that never needs quotes). */
static char *put_str(char *p, const char *s)
{
	size_t n = strlen(s);
	memcpy(p, s, n);
	return p + n;
}

/* Append a string literal, its length known at compile time. */
#define PUT_LIT(p, lit) (memcpy((p), (lit), sizeof(lit) - 1), (p) + sizeof(lit) - 1)

/* A non-negative integer in decimal. */
static char *put_uint(char *p, unsigned long v)
{
	char tmp[24];
	int n = 0;

	do
		tmp[n++] = (char)('0' + v % 10);
	while (v /= 10);
	while (n)
		*p++ = tmp[--n];
	return p;
}

/* ",%.4f" as the JSON writes it (negative zero as 0.0000). */
static char *put_num4(char *p, double v)
{
	*p++ = ',';
	return p + fmt4(p, v);
}

/* One logged day as one CSV record, written in one piece. */
static int row(void *ctx, const struct engine_proj *pr, const struct entry *en)
{
	struct report_run *run = ctx;
	struct row *w = run->state;
	char *p = w->buf, tmp[ENTRY_TEXT_MAX];
	int x, b, i;

	date_format(pr->day, p);
	p += DATE_BUFSZ - 1;
	*p++ = ',';
	for (i = 0; i < EF_COUNT; i++) {
		const char *s = entry_fields[i].text(en, tmp, sizeof tmp);
		p = entry_fields[i].csv_text ? put_field(p, s) : put_str(p, s);
		*p++ = ',';
	}
	p = put_uint(p, (unsigned long)(pr->activity_minutes > 0 ? pr->activity_minutes : 0));
	p = put_num4(p, pr->rest_clock_hours);
	p = put_num4(p, pr->loss_days);
	*p++ = ',';
	p = put_str(p, engine_level_name(pr->level));
	p = pr->clot_risk ? PUT_LIT(p, ",true") : PUT_LIT(p, ",false");
	p = pr->red_flag ? PUT_LIT(p, ",true") : PUT_LIT(p, ",false");
	for (x = 0; x < LOSS_COUNT; x++)
		for (b = 0; b < BAND_COUNT; b++)
			p = put_num4(p, pr->loss[x][b]);
	*p++ = ',';
	p = put_uint(p, (unsigned long)(pr->bed_days > 0 ? pr->bed_days : 0));
	*p++ = ',';
	p = put_str(p, engine_urgency_name(pr->urgency));
	p = pr->clot_watch ? PUT_LIT(p, ",true,") : PUT_LIT(p, ",false,");
	p = put_uint(p, (unsigned long)(pr->pain_days > 0 ? pr->pain_days : 0));
	*p++ = '\r';
	*p++ = '\n';
	fwrite(w->buf, 1, (size_t)(p - w->buf), run->f);
	return 0;
}

/* The header, then the logged days in range (no rows for gaps). */
static int begin(struct report_run *run, struct rw_error *e)
{
	(void)e;
	fputs(header(), run->f);
	run->flags = JOURNAL_LOGGED_ONLY;
	return 0;
}

const struct report_format report_csv = {
	.name = "csv", .ext = "csv", .mime = "text/csv; charset=utf-8; header=present",
	.state_size = sizeof(struct row), .begin = begin, .day = row,
};
