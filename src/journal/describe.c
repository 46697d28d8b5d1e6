/* describe.c - how undo and redo name a change to one day: the field it
 * changed and the value the change gave it ("rest 24 h on 2026-03-10"), or
 * the fields when it changed several.  The fields are the day-field table's
 * (include/entry.h), so a new field is named with no change here.  Pure: no
 * SQL.
 */
#include "internal.h"

#include <stdio.h>
#include <string.h>

#include "utf8.h"

/* Bytes of a note shown: cut at a character boundary, then "…". */
#define NOTE_SHOWN 24

/* How many bytes of s, whole characters, fit in max bytes. */
static size_t fit(const char *s, size_t max)
{
	size_t len = 0, step;

	while (s[len] && (step = utf8_seq(s + len)) > 0 && len + step <= max)
		len += step;
	return len;
}

/* Field f of en as a person reads it, "" when it is not set: the table's
 * text form with its unit, a note quoted and cut. */
static void field_value(const struct entry_field *f, const struct entry *en, char *out,
			size_t n)
{
	char text[ENTRY_TEXT_MAX];
	const char *t = f->text(en, text, sizeof text);
	size_t len;

	if (!t[0]) {
		out[0] = '\0';
	} else if (f->id == EF_NOTE) {
		len = fit(t, NOTE_SHOWN);
		snprintf(out, n, "\"%.*s%s\"", (int)len, t, t[len] ? "…" : "");
	} else {
		len = fit(t, n - sizeof " kg…");
		snprintf(out, n, "%.*s%s%s", (int)len, t, t[len] ? "…" : "",
			 f->id == EF_WEIGHT ? " kg" : f->id == EF_REST || f->id == EF_TRACKED ? " h" : "");
	}
}

void jn_describe_day(const struct entry *before, const struct entry *after,
		     struct journal_change *c)
{
	const struct entry_field *one = NULL;
	char date[DATE_BUFSZ], list[96] = "";
	int i, changed = 0;

	date_format(after->day, date);
	for (i = 0; i < EF_COUNT; i++) {
		if (!entry_field_differs(&entry_fields[i], before, after))
			continue;
		snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
			 changed ? ", " : "", entry_fields[i].word);
		one = &entry_fields[i];
		changed++;
	}
	if (changed == 0)
		return; /* c->text stays what was recorded */
	if (changed > 1) {
		snprintf(c->text, sizeof c->text, "%s (%s)", c->what, list);
		return;
	}
	c->field = one->word;
	field_value(one, after, c->value, sizeof c->value);
	if (c->value[0])
		snprintf(c->text, sizeof c->text, "%s %s on %s", c->field, c->value, date);
	else
		snprintf(c->text, sizeof c->text, "%s cleared on %s", c->field, date);
}
