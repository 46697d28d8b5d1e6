/* jsonw.c - JSON writing primitives. */
#include "jsonw.h"

#include "fmt4.h"

#include <math.h>
#include <string.h>

#include "utf8.h"

void jsonw_string(FILE *f, const char *s)
{
	putc('"', f);
	while (*s) {
		unsigned char c = (unsigned char)*s;
		size_t n = utf8_seq(s);
		if (n == 0) {
			fputs("\\ufffd", f);
			s++;
			continue;
		}
		if (n > 1) {
			fwrite(s, 1, n, f);
			s += n;
			continue;
		}
		switch (c) {
		case '"':
			fputs("\\\"", f);
			break;
		case '\\':
			fputs("\\\\", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		case '\r':
			fputs("\\r", f);
			break;
		case '\t':
			fputs("\\t", f);
			break;
		default:
			if (c < 0x20 || c == 0x7f)
				fprintf(f, "\\u%04x", c);
			else
				putc(c, f);
		}
		s++;
	}
	putc('"', f);
}

void jsonw_num4(FILE *f, double v)
{
	if (!isfinite(v))
		fputs("null", f);
	else {
		char buf[FMT4_MAX];
		fwrite(buf, 1, fmt4(buf, v), f);
	}
}

/* The shortest decimal that reads back as v (rest hours, settings). */
static void jsonw_num(FILE *f, double v)
{
	char buf[40];
	if (!isfinite(v))
		fputs("null", f);
	else
		fputs(entry_format_rest(v, buf, sizeof buf), f);
}

void jsonw_date(FILE *f, rw_day day)
{
	char buf[DATE_BUFSZ];
	putc('"', f);
	fputs(date_format(day, buf), f);
	putc('"', f);
}

/* Separator before a key: newline and indent, or a space on one line. */
static void key(FILE *f, const char *name, int indent, int *first)
{
	if (!*first)
		putc(',', f);
	*first = 0;
	if (indent)
		fprintf(f, "\n%*s", indent, "");
	fprintf(f, "\"%s\":%s", name, indent ? " " : "");
}

static void boolean(FILE *f, int b)
{
	fputs(b ? "true" : "false", f);
}

/* A list item as JSON: a string, or {"m0": before ':', "m1": after}. */
static void list_item(FILE *f, const struct entry_field *fd, const char *item, const char *sp)
{
	const char *colon = strchr(item, ':');

	if (!fd->json_members[0]) {
		jsonw_string(f, item);
		return;
	}
	fprintf(f, "{\"%s\":%s", fd->json_members[0], sp);
	if (colon) {
		char m0[128];
		snprintf(m0, sizeof m0, "%.*s", (int)(colon - item), item);
		jsonw_string(f, m0);
	} else {
		jsonw_string(f, item);
	}
	fprintf(f, ",%s\"%s\":%s", sp, fd->json_members[1], sp);
	if (!colon)
		fputs("null", f);
	else if (fd->json_m1_number)
		fputs(colon + 1, f);
	else
		jsonw_string(f, colon + 1);
	putc('}', f);
}

/* One entry field's value, by the table of entry.h. */
static void field_value(FILE *f, const struct entry_field *fd, const struct entry *en,
			const char *sp)
{
	char buf[ENTRY_TEXT_MAX];
	const char *s;
	int i;

	if (fd->list) {
		putc('[', f);
		for (i = 0; i < fd->count(en); i++) {
			if (i)
				fputs(", ", f);
			list_item(f, fd, fd->item(en, i, buf, sizeof buf), sp);
		}
		putc(']', f);
		return;
	}
	s = fd->text(en, buf, sizeof buf);
	if (!*s)
		fputs(fd->json_unset, f);
	else if (fd->json_string)
		jsonw_string(f, s);
	else
		fputs(s, f);
}

void jsonw_day_fields(FILE *f, const struct engine_proj *p, const struct entry *en, int indent,
		      int *first_key)
{
	static const char *const loss_names[LOSS_COUNT][BAND_COUNT] = {
		{ "muscle_loss_low", "muscle_loss_high" },
		{ "cardio_loss_low", "cardio_loss_high" },
		{ "bone_loss_low", "bone_loss_high" },
	};
	static struct entry empty;
	int x, b, i;

	if (empty.pain != PAIN_UNSET)
		entry_init(&empty, 0);
#define first (*first_key)
	key(f, "date", indent, &first);
	jsonw_date(f, p->day);
	key(f, "logged", indent, &first);
	boolean(f, p->logged);
	key(f, "rest_hours", indent, &first);
	if (p->has_rest)
		jsonw_num(f, p->rest_hours);
	else
		fputs("null", f);
	key(f, "activity_minutes", indent, &first);
	fprintf(f, "%d", p->activity_minutes);
	key(f, "rest_clock_hours", indent, &first);
	jsonw_num4(f, p->rest_clock_hours);
	key(f, "loss_days", indent, &first);
	jsonw_num4(f, p->loss_days);
	key(f, "level", indent, &first);
	jsonw_string(f, engine_level_name(p->level));
	key(f, "clot_risk", indent, &first);
	boolean(f, p->clot_risk);
	key(f, "red_flag", indent, &first);
	boolean(f, p->red_flag);
	for (x = 0; x < LOSS_COUNT; x++)
		for (b = 0; b < BAND_COUNT; b++) {
			key(f, loss_names[x][b], indent, &first);
			jsonw_num4(f, p->loss[x][b]);
		}
	key(f, "bed_days", indent, &first);
	fprintf(f, "%d", p->bed_days);
	key(f, "urgency", indent, &first);
	jsonw_string(f, engine_urgency_name(p->urgency));
	key(f, "clot_watch", indent, &first);
	boolean(f, p->clot_watch);
	key(f, "pain_days", indent, &first);
	fprintf(f, "%d", p->pain_days);
	for (i = 0; i < EF_COUNT; i++)
		if (!entry_fields[i].json_output) {
			key(f, entry_fields[i].name, indent, &first);
			field_value(f, &entry_fields[i], en ? en : &empty, indent ? " " : "");
		}
#undef first
}

void jsonw_day(FILE *f, const struct engine_proj *p, const struct entry *en, int indent)
{
	int first = 1;

	putc('{', f);
	jsonw_day_fields(f, p, en, indent, &first);
	if (indent)
		fprintf(f, "\n%*s", indent - 2 > 0 ? indent - 2 : 0, "");
	putc('}', f);
}

void jsonw_params(FILE *f, const struct engine_params *p, int indent)
{
	const struct engine_param_info *t;
	size_t n, i;
	int first = 1;

	t = engine_param_table(&n);
	putc('{', f);
	for (i = 0; i < n; i++) {
		key(f, t[i].name, indent, &first);
		jsonw_num(f, engine_param_get(p, &t[i]));
	}
	if (indent)
		fprintf(f, "\n%*s", indent - 2 > 0 ? indent - 2 : 0, "");
	putc('}', f);
}
