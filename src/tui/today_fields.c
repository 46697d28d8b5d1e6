/* today_fields.c - Today's field rows: one per field of entry.h's table
 * with a today_row, top to bottom, each beside the key that edits it.  A
 * field shows its value as a person reads it (the table's shown, else its
 * text) or "-"; rest, pain, symptoms and the note are drawn their own way
 * here.  A new row in the table shows here with no change to this file.
 */
#include <stdio.h>
#include <string.h>

#include "advice.h"
#include "tui_app.h"
#include "tui_today.h"

int today_rows(const struct entry_field *out[EF_COUNT])
{
	int i, k, n = 0;

	for (i = 0; i < EF_COUNT; i++) {
		if (!entry_fields[i].today_row)
			continue;
		for (k = n++; k > 0 && out[k - 1]->today_row > entry_fields[i].today_row; k--)
			out[k] = out[k - 1];
		out[k] = &entry_fields[i];
	}
	return n;
}

int today_row_key(const struct entry_field *f)
{
	return f->row_key ? f->row_key : f->key;
}

/* One "r  Rest   value" line's key and label. */
static void field_label(struct tui *t, int y, int w, int key, const char *label)
{
	char k[2] = { (char)key, '\0' };

	tui_text(t, y, 1, 2, ROLE_KEY, k);
	tui_text(t, y, 4, w - 4, ROLE_NORMAL, label);
}

/* Red flags stand out and say what they are, even without colour. */
static void draw_symptoms(struct tui *t, const struct entry *en, int y, int x, int w)
{
	int i, end = x + w;

	if (en->n_symptoms == 0) {
		tui_text(t, y, x, w, ROLE_DIM, "-");
		return;
	}
	for (i = 0; i < en->n_symptoms && x < end; i++) {
		bool red = entry_symptom_is_red_flag(en->symptoms[i]);
		if (i)
			x += tui_text(t, y, x, end - x, ROLE_NORMAL, ", ");
		if (red) {
			x += tui_textf(t, y, x, end - x, ROLE_ALERT, "%s %s RED FLAG", tui_glyph(t, G_WARN),
				       en->symptoms[i]);
		} else {
			x += tui_text(t, y, x, end - x, ROLE_NORMAL, en->symptoms[i]);
		}
	}
}

/* Hours with one decimal at most: "9", "6.8". */
static const char *short_hours(double h, char *out, size_t n)
{
	size_t k = (size_t)snprintf(out, n, "%.1f", h);

	if (k > 2 && k < n && strcmp(out + k - 2, ".0") == 0)
		out[k - 2] = '\0';
	return out;
}

/* Under the rest hours: how they split into the night's sleep and time
 * lying down while awake, and what the day adds to the rest clock
 * (docs/model.md: b = (R - S) / (24 - S), u = b (1 - a), C grows by 24 u
 * when u is over recovery_unloading). */
static void rest_why(struct tui *t, double rest, int minutes, char *out, size_t n)
{
	const struct engine_params *p = &t->params;
	double sleep = p->sleep_hours, awake = 24 - sleep, b, a, u;
	char more[16], add[16];

	if (rest <= sleep + 1e-9 || awake <= 0) {
		snprintf(out, n, "within the %g h night: the rest clock does not count it", sleep);
		return;
	}
	b = (rest - sleep) / awake;
	a = p->full_credit_minutes > 0 && minutes < p->full_credit_minutes
		    ? minutes / p->full_credit_minutes
		    : minutes > 0 ? 1 : 0;
	u = b * (1 - a);
	short_hours(rest - sleep, more, sizeof more);
	if (u <= p->recovery_unloading + 1e-9)
		snprintf(out, n, "%g h night + %s h more: %s, no rest clock", sleep, more,
			 minutes > 0 ? "active enough" : "too little to count");
	else
		snprintf(out, n, "%g h night + %s h more: rest clock +%s h%s", sleep, more,
			 advice_hours(24 * u, p->threshold_hours, add, sizeof add),
			 minutes > 0 ? " (less for activity)" : "");
}

/* The rest hours, and under them how they count; returns the rows added. */
static int draw_rest(struct tui *t, struct today *st, int y, int x, int w)
{
	const struct entry *en = &st->en;
	char buf[256], num[32];
	bool why = st->found && (en->has_rest || en->tracked_hours > 0);
	int minutes = st->has_proj ? st->proj.activity_minutes : 0;

	if (why && en->has_rest) {
		tui_textf(t, y, x, w - x, ROLE_NORMAL, "%s h", entry_format_rest(en->rest_hours, num, sizeof num));
		rest_why(t, en->rest_hours, minutes, buf, sizeof buf);
		if (en->tracked_hours > 0)
			snprintf(buf + strlen(buf), sizeof buf - strlen(buf),
				 " (typed; %.1f h tracked with b)", en->tracked_hours);
		tui_text(t, y + 1, x, w - x, ROLE_DIM, buf);
	} else if (why) {
		/* Not typed: a night's sleep plus the time tracked lying down. */
		tui_textf(t, y, x, w - x, ROLE_NORMAL, "%.1f h lying down, tracked with b",
			  en->tracked_hours);
		rest_why(t, t->params.sleep_hours + en->tracked_hours, minutes, buf, sizeof buf);
		tui_text(t, y + 1, x, w - x, ROLE_DIM, buf);
	} else {
		tui_text(t, y, x, w - x, ROLE_DIM, st->found ? "- (counts as sleep only)" : "-");
	}
	return why;
}

/* Pain of 7 or more stands out. */
static int draw_pain(struct tui *t, struct today *st, int y, int x, int w)
{
	char num[32];

	if (st->found && st->en.pain != PAIN_UNSET)
		tui_text(t, y, x, w - x, st->en.pain >= 7 ? ROLE_WARN : ROLE_NORMAL,
			 entry_field(EF_PAIN)->shown(&st->en, num, sizeof num));
	else
		tui_text(t, y, x, w - x, ROLE_DIM, "-");
	return 0;
}

static int draw_symptom_row(struct tui *t, struct today *st, int y, int x, int w)
{
	if (st->found)
		draw_symptoms(t, &st->en, y, x, w - x);
	else
		tui_text(t, y, x, w - x, ROLE_DIM, "-");
	return 0;
}

/* A note of several lines says so (N edits it whole). */
static int draw_note(struct tui *t, struct today *st, int y, int x, int w)
{
	const char *nl;
	int lines = 1;

	if (!st->found || !st->en.note[0]) {
		tui_text(t, y, x, w - x, ROLE_DIM, "-");
		return 0;
	}
	x += tui_text(t, y, x, w - x, ROLE_NORMAL, st->en.note);
	for (nl = st->en.note; (nl = strchr(nl, '\n')); nl++)
		lines++;
	if (lines > 1)
		tui_textf(t, y, x, w - x, ROLE_DIM, " (%d lines: N)", lines);
	return 0;
}

/* The rows drawn their own way; any other field shows its value as a
 * person reads it (entry.h: shown, else its text), or "-". */
static const struct {
	enum entry_field_id id;
	int (*draw)(struct tui *t, struct today *st, int y, int x, int w);
} own_rows[] = {
	{ EF_REST, draw_rest },
	{ EF_PAIN, draw_pain },
	{ EF_SYMPTOMS, draw_symptom_row },
	{ EF_NOTE, draw_note },
};

static int draw_value(struct tui *t, struct today *st, const struct entry_field *f, int y, int x,
		      int w)
{
	char buf[ENTRY_TEXT_MAX];
	const char *v = "";
	size_t i;

	for (i = 0; i < sizeof own_rows / sizeof own_rows[0]; i++)
		if (own_rows[i].id == f->id)
			return own_rows[i].draw(t, st, y, x, w);
	if (st->found)
		v = f->shown ? f->shown(&st->en, buf, sizeof buf) : f->text(&st->en, buf, sizeof buf);
	tui_text(t, y, x, w - x, v[0] ? ROLE_NORMAL : ROLE_DIM, v[0] ? v : "-");
	return 0;
}

/* Each row beside the key that edits it, the values lined up after the
 * longest label, the row Up/Down picked marked. */
int today_draw_fields(struct tui *t, struct today *st, int y, int w)
{
	const struct entry_field *rows[EF_COUNT];
	int i, x = 0, n = today_rows(rows), y0 = y;

	for (i = 0; i < n; i++)
		if ((int)strlen(rows[i]->label) > x)
			x = (int)strlen(rows[i]->label);
	x += 5;
	st->rows = n;
	for (i = 0; i < n; i++, y++) {
		st->row_y[i] = y;
		field_label(t, y, w, today_row_key(rows[i]), rows[i]->label);
		y += draw_value(t, st, rows[i], y, x, w);
	}
	if (st->field < n)
		tui_text(t, st->row_y[st->field], 0, 1, ROLE_KEY, tui_glyph(t, G_CURSOR));
	return y - y0;
}

