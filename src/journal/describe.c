/* describe.c - how undo and redo name a change to one day: the field it
 * changed and the value the change gave it ("rest 24 h on 2026-03-10"), or
 * the fields when it changed several.  Pure: no SQL.
 */
#include "internal.h"

#include <stdio.h>
#include <string.h>

#include "utf8.h"

enum { F_REST, F_ACTS, F_PAIN, F_SYMS, F_WEIGHT, F_NOTE, F_MEDS, F_TRACKED, F_COUNT };

static const char *const field_name[F_COUNT] = {
	"rest", "activities", "pain", "symptoms", "weight", "note", "medications", "tracked rest",
};

/* Bytes of the note shown: cut at a character boundary, then "…". */
#define NOTE_SHOWN 24

/* How many bytes of s, whole characters, fit in max bytes. */
static size_t fit(const char *s, size_t max)
{
	size_t len = 0, step;

	while (s[len] && (step = utf8_seq(s + len)) > 0 && len + step <= max)
		len += step;
	return len;
}

/* The start of a note, quoted. */
static void note_value(const char *note, char *out, size_t n)
{
	size_t len = fit(note, NOTE_SHOWN);

	snprintf(out, n, "\"%.*s%s\"", (int)len, note, note[len] ? "…" : "");
}

/* Field f of en as shown, "" when it is not set. */
static void field_value(const struct entry *en, int f, char *out, size_t n)
{
	char buf[MEDS_TEXT_MAX > ACTIVITIES_TEXT_MAX ? MEDS_TEXT_MAX : ACTIVITIES_TEXT_MAX];
	char num[32];

	out[0] = '\0';
	switch (f) {
	case F_REST:
		if (en->has_rest)
			snprintf(out, n, "%s h", entry_format_rest(en->rest_hours, num, sizeof num));
		break;
	case F_ACTS:
		snprintf(out, n, "%s", entry_format_activities(en, buf, sizeof buf));
		break;
	case F_PAIN:
		if (en->pain != PAIN_UNSET)
			snprintf(out, n, "%d", en->pain);
		break;
	case F_SYMS:
		snprintf(out, n, "%s", entry_format_symptoms(en, buf, sizeof buf));
		break;
	case F_WEIGHT:
		if (en->weight_dg != WEIGHT_UNSET)
			snprintf(out, n, "%s kg", entry_format_weight(en->weight_dg, num, sizeof num));
		break;
	case F_NOTE:
		if (en->note[0])
			note_value(en->note, out, n);
		break;
	case F_MEDS:
		snprintf(out, n, "%s", entry_format_meds(en, buf, sizeof buf));
		break;
	default:
		if (en->tracked_hours > 0)
			snprintf(out, n, "%s h", entry_format_rest(en->tracked_hours, num, sizeof num));
		break;
	}
}

static bool field_differs(const struct entry *a, const struct entry *b, int f)
{
	char va[MEDS_TEXT_MAX + ACTIVITIES_TEXT_MAX], vb[MEDS_TEXT_MAX + ACTIVITIES_TEXT_MAX];

	if (f == F_NOTE)
		return strcmp(a->note, b->note) != 0;
	field_value(a, f, va, sizeof va);
	field_value(b, f, vb, sizeof vb);
	return strcmp(va, vb) != 0;
}

void jn_describe_day(const struct entry *before, const struct entry *after,
		     struct journal_change *c)
{
	char date[DATE_BUFSZ], list[96] = "", value[MEDS_TEXT_MAX + 8];
	int f, changed = 0, which = 0;
	size_t len;

	date_format(after->day, date);
	for (f = 0; f < F_COUNT; f++) {
		if (!field_differs(before, after, f))
			continue;
		snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
			 changed ? ", " : "", field_name[f]);
		which = f;
		changed++;
	}
	if (changed == 0)
		return; /* c->text stays what was recorded */
	if (changed > 1) {
		snprintf(c->text, sizeof c->text, "%s (%s)", c->what, list);
		return;
	}
	c->field = field_name[which];
	field_value(after, which, value, sizeof value);
	len = fit(value, sizeof c->value - sizeof "…");
	snprintf(c->value, sizeof c->value, "%.*s%s", (int)len, value, value[len] ? "…" : "");
	if (c->value[0])
		snprintf(c->text, sizeof c->text, "%s %s on %s", c->field, c->value, date);
	else
		snprintf(c->text, sizeof c->text, "%s cleared on %s", c->field, date);
}
