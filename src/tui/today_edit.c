/* today_edit.c - editing the day shown on Today: one prompt, picker,
 * question or $EDITOR run per key, validated with the entry.h parsers
 * (their message goes to the status line and nothing is saved), and every
 * confirmed edit stored by today_save (today_save.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_app.h"
#include "tui_editor.h"
#include "tui_today.h"

/* r p w n: the field's value from its prompt (entry.h's table names the
 * field, its key and its prompt); empty clears it (the day stays logged). */
static int enter_scalar(struct tui *t, void *ctx, const char *text, struct rw_error *e)
{
	struct today *st = ctx;
	const struct entry_field *f = st->edit.f;
	char num[32], what[64];
	int r;

	today_edit_start(st, f);
	st->edit.ask = true;
	if (!*text)
		st->edit.change.clear = EF_BIT(f->id);
	else if ((r = entry_change_text(&st->edit.change, f,
					f->decimal ? entry_decimal_point(text, num, sizeof num) : text, true,
					f->word, e)) != 0)
		return r;
	snprintf(what, sizeof what, "%s%s", f->said, *text ? "" : " (cleared)");
	return today_save(t, st, what, e);
}

/* The prompt of key's field, prefilled with the day's value. */
static void open_scalar(struct tui *t, struct today *st, const struct entry_field *f,
			const char *date)
{
	char label[96], buf[ENTRY_TEXT_MAX];
	const char *at = strstr(f->prompt, "%s");

	st->edit.f = f;
	snprintf(label, sizeof label, "%.*s%s%s", (int)(at - f->prompt), f->prompt, date, at + 2);
	tui_prompt_open(t, label, st->found ? f->text(&st->en, buf, sizeof buf) : "", f->prompt_max,
			f->hint, enter_scalar, NULL, st);
}

/* The kind a typed prefix stands for, when exactly one starts with it. */
static const char *kind_for(const char *prefix, size_t len)
{
	const char *found = NULL;
	int k;

	for (k = 0; k < ACT_KINDS; k++) {
		const char *name = entry_kind_name((enum activity_kind)k);
		if (strlen(name) == len && strncmp(name, prefix, len) == 0)
			return name;
		if (len && strncmp(name, prefix, len) == 0) {
			if (found)
				return NULL;
			found = name;
		}
	}
	return found;
}

/* One item as the parser's KIND:MIN: "walk 30", "Walking:20", "cyc 20
 * min" and "walk 30min" mean walking:30 ... (case ignored, a unique start
 * of a kind names it, "min" or "minutes" after the number dropped).
 * Anything else goes to the parser as typed, so its error names it. */
static void normalise_activity(const char *text, char *out, size_t n)
{
	char buf[128], *p, *end, *num;
	const char *kind;
	size_t i;

	while (*text == ' ')
		text++;
	snprintf(buf, sizeof buf, "%s", text);
	for (i = 0; buf[i]; i++)
		if (buf[i] >= 'A' && buf[i] <= 'Z')
			buf[i] = (char)(buf[i] - 'A' + 'a');
	end = buf + strlen(buf);
	while (end > buf && end[-1] == ' ')
		*--end = '\0';
	for (p = end; p > buf && end[-1] >= 'a' && end[-1] <= 'z' && p[-1] >= 'a' && p[-1] <= 'z'; p--)
		;
	if (p > buf && p < end && (p[-1] == ' ' || (p[-1] >= '0' && p[-1] <= '9')) &&
	    (strcmp(p, "min") == 0 || strcmp(p, "mins") == 0 || strcmp(p, "minutes") == 0 ||
	     strcmp(p, "m") == 0)) {
		*p = '\0';
		end = p;
		while (end > buf && end[-1] == ' ')
			*--end = '\0';
	}
	for (num = end; num > buf && num[-1] >= '0' && num[-1] <= '9'; num--)
		;
	p = num;
	while (p > buf && (p[-1] == ' ' || p[-1] == ':'))
		p--;
	if (num == end || p == buf || p == num) {
		snprintf(out, n, "%s", text);
		return;
	}
	kind = kind_for(buf, (size_t)(p - buf));
	if (kind)
		snprintf(out, n, "%s:%s", kind, num);
	else
		snprintf(out, n, "%.*s:%s", (int)(p - buf), buf, num);
}

/* A list typed with ',' or ';' between the items, each normalised, as
 * "kind:min;kind:min". */
static void normalise_activities(const char *text, char *out, size_t n)
{
	size_t o = 0;

	out[0] = '\0';
	while (*text && o + 1 < n) {
		size_t len = strcspn(text, ",;");
		char item[128], norm[160];

		snprintf(item, sizeof item, "%.*s", (int)len, text);
		normalise_activity(item, norm, sizeof norm);
		if (norm[0])
			o += (size_t)snprintf(out + o, n - o, "%s%s", o ? ";" : "", norm);
		text += len;
		if (*text)
			text++;
	}
}

/* a: add one activity or several (',' or ';' between); empty adds
 * nothing. */
static int enter_activity(struct tui *t, void *ctx, const char *text, struct rw_error *e)
{
	struct today *st = ctx;
	char norm[ACTIVITIES_TEXT_MAX], said[ACTIVITIES_TEXT_MAX + 32];
	struct entry probe;
	int r, i, o = 0;

	normalise_activities(text, norm, sizeof norm);
	if (!norm[0]) {
		tui_message(t, false, "no activity added");
		return 0;
	}
	today_edit_start(st, entry_field(EF_ACTIVITIES));
	entry_init(&probe, st->day);
	if ((r = entry_parse_activities(norm, &probe, "activity", e)) != 0)
		return r;
	st->edit.f->copy(&st->edit.change.add, &probe);
	said[0] = '\0';
	for (i = 0; i < probe.n_activities; i++)
		o += snprintf(said + o, sizeof said - (size_t)o, "%s%s %d min", i ? ", " : "",
			      entry_kind_name(probe.activities[i].kind), probe.activities[i].minutes);
	return today_save(t, st, said, e);
}

/* A: the whole list, checked before the transaction so a typo names
 * the bad item without touching the day. */
static int enter_activities(struct tui *t, void *ctx, const char *text, struct rw_error *e)
{
	struct today *st = ctx;
	struct entry probe;
	char norm[ACTIVITIES_TEXT_MAX];
	int r;

	const struct entry_field *f = entry_field(EF_ACTIVITIES);

	today_edit_start(st, f);
	if (strlen(text) >= ACTIVITIES_TEXT_MAX)
		return rw_fail(e, RW_EDATA, "activities: the list is too long");
	normalise_activities(text, norm, sizeof norm);
	entry_init(&probe, st->edit.day);
	if ((r = entry_parse_activities(norm, &probe, "activities", e)) != 0)
		return r;
	/* Replaced as typed, unless the list changed since the prompt
	 * opened: then what was removed and added here is applied to it. */
	f->copy(&st->edit.change.to, &probe);
	st->edit.change.set = EF_BIT(f->id);
	entry_change_diff(&st->edit.diff, f, &st->edit.base, &probe);
	return today_save(t, st, f->said, e);
}

/* Tab: complete the kind before the ':' (as far as the kinds agree). */
static void complete_kind(struct tui_line *l)
{
	char text[128], out[160];
	const char *rest, *match, *kinds[ACT_KINDS];
	size_t len, common;
	int k, n;

	tui_line_text(l, text, sizeof text);
	rest = strchr(text, ':');
	len = rest ? (size_t)(rest - text) : strlen(text);
	for (k = 0; k < ACT_KINDS; k++)
		kinds[k] = entry_kind_name((enum activity_kind)k);
	if (!(match = tui_common_start(kinds, ACT_KINDS, text, len, &common, &n)))
		return;
	if (n == 1)
		snprintf(out, sizeof out, "%s:%s", match, rest ? rest + 1 : "");
	else
		snprintf(out, sizeof out, "%.*s%s", (int)common, match, rest ? rest : "");
	tui_line_set(l, out, l->max_bytes);
	l->fresh = false;
}

/* s: the picker's choice or a typed name; toggled inside the transaction,
 * so two processes toggling at once cannot lose one. */
static int enter_symptom(struct tui *t, void *ctx, const char *text, struct rw_error *e)
{
	struct today *st = ctx;
	int r;

	today_edit_start(st, entry_field(EF_SYMPTOMS));
	if ((r = entry_parse_symptom(text, st->edit.symptom, "symptom", e)) != 0 ||
	    (r = entry_change_text(&st->edit.change, st->edit.f, text, false, "symptom", e)) != 0)
		return r;
	st->edit.change.toggle = EF_BIT(EF_SYMPTOMS);
	return today_save(t, st, "symptom", e);
}

/* d: only after the question; u brings the entry back. */
static int yes_delete(struct tui *t, void *ctx, const char *text, struct rw_error *e)
{
	struct today *st = ctx;
	char date[DATE_BUFSZ];
	int r;

	(void)text;
	if ((r = journal_delete(t->j, st->edit.day, e)) != 0)
		return r;
	tui_message(t, false, "deleted the entry of %s (u undoes)", date_format(st->edit.day, date));
	return 0;
}

/* The suggested symptoms, then the red flags (marked), then the day's
 * own others, each checked when the day has it. */
static void open_symptoms(struct tui *t, struct today *st)
{
	char title[80], date[16];
	int i;

	snprintf(title, sizeof title, "Symptoms on %s", tui_date(st->day, date));
	tui_picker_open(t, title, enter_symptom, st);
	for (i = 0; entry_common_symptoms[i]; i++) {
		bool has = false;
		int k;
		for (k = 0; st->found && k < st->en.n_symptoms; k++)
			has = has || strcmp(st->en.symptoms[k], entry_common_symptoms[i]) == 0;
		tui_picker_add(t, entry_common_symptoms[i], has, false);
	}
	for (i = 0; entry_red_flags[i]; i++) {
		bool has = false;
		int k;
		for (k = 0; st->found && k < st->en.n_symptoms; k++)
			has = has || strcmp(st->en.symptoms[k], entry_red_flags[i]) == 0;
		tui_picker_add(t, entry_red_flags[i], has, true);
	}
	for (i = 0; st->found && i < st->en.n_symptoms; i++)
		tui_picker_add(t, st->en.symptoms[i], true, false);
}

/* A note the journal refused (too long, a control character) is kept and
 * offered again by the next N on that day, so no typing is lost. */
static void keep_draft(struct tui *t, struct today *st, char *text, const char *why)
{
	free(st->draft);
	st->draft = text;
	st->draft_day = st->day;
	tui_message(t, true, "%s; not saved: your text is kept, N opens it again to fix it", why);
}

/* $VISUAL for the note; the screen comes back redrawn whatever happens. */
static void edit_note_outside(struct tui *t, struct today *st)
{
	struct rw_error e = { 0, "" };
	const char *old = st->found ? st->en.note : "";
	bool redo = st->draft && st->draft_day == st->day;
	char *text = NULL;

	if (tui_editor_edit(redo ? st->draft : old, &text, &e) != 0) {
		tui_message(t, true, "%s%s", e.msg, redo ? " (your earlier text is still kept)" : "");
		return;
	}
	if (strcmp(text, old) == 0) {
		tui_message(t, false, "the note is unchanged");
	} else {
		today_edit_start(st, entry_field(EF_NOTE));
		st->edit.ask = true;
		if (entry_change_text(&st->edit.change, st->edit.f, text, true, "note", &e) != 0) {
			keep_draft(t, st, text, e.msg);
			return;
		}
		if (today_save(t, st, "the note", &e) != 0)
			tui_message(t, true, "%s", e.msg);
	}
	if (redo) {
		free(st->draft);
		st->draft = NULL;
	}
	free(text);
}

/* y to the question about a day after today: go on with the key. */
static int yes_future(struct tui *t, void *ctx, const char *text, struct rw_error *e)
{
	struct today *st = ctx;

	(void)text;
	(void)e;
	st->future_ok = st->day;
	tui_today_edit_key(t, st, st->future_key);
	return 0;
}

struct latest {
	struct entry en;
	bool found;
};

/* journal_each callback: remember the latest logged day's entry. */
static int keep_logged(void *ctx, const struct engine_proj *p, const struct entry *en)
{
	struct latest *l = ctx;

	(void)p;
	if (en) {
		l->en = *en;
		l->found = true;
	}
	return 0;
}

/* The latest logged day before day, looked for a quarter at a time back
 * to the first logged day; false when there is none. */
static bool previous_logged(struct tui *t, struct today *st, rw_day day, struct entry *out)
{
	struct rw_error e = { 0, "" };
	struct latest l;
	rw_day to = day - 1;

	l.found = false;
	while (st->any && to >= st->first && !l.found) {
		rw_day from = to - 92 > st->first ? to - 92 : st->first;
		if (journal_each(t->j, from, to, JOURNAL_LOGGED_ONLY, keep_logged, &l, &e) != 0) {
			tui_message(t, true, "%s", e.msg);
			return false;
		}
		to = from - 1;
	}
	if (l.found)
		*out = l.en;
	return l.found;
}

/* y: the previous logged day's rest and activities into this day, one
 * journal_edit (one undo step). */
static void copy_previous(struct tui *t, struct today *st)
{
	static const enum entry_field_id copied[] = { EF_REST, EF_ACTIVITIES, EF_MEDS };
	struct rw_error e = { 0, "" };
	struct entry prev;
	char date[DATE_BUFSZ], from[DATE_BUFSZ], num[40], h[32];
	int i;

	if (!previous_logged(t, st, st->day, &prev)) {
		tui_message(t, false, "no logged day before %s to copy", date_format(st->day, date));
		return;
	}
	today_edit_start(st, NULL);
	for (i = 0; i < 3; i++) {
		entry_field(copied[i])->copy(&st->edit.change.to, &prev);
		st->edit.change.set |= EF_BIT(copied[i]);
	}
	if (today_save(t, st, "the copy", &e) != 0) {
		tui_message(t, true, "%s", e.msg);
		return;
	}
	snprintf(num, sizeof num, "%s%s", prev.has_rest ? entry_format_rest(prev.rest_hours, h, sizeof h) : "-",
		 prev.has_rest ? " h" : "");
	if (prev.n_meds)
		snprintf(num + strlen(num), sizeof num - strlen(num), ", %d medication%s", prev.n_meds,
			 prev.n_meds == 1 ? "" : "s");
	tui_message(t, false, "copied rest %s and %d activit%s from %s to %s (u undoes)", num,
		    prev.n_activities, prev.n_activities == 1 ? "y" : "ies", date_format(prev.day, from),
		    date_format(st->day, date));
}

/* A day after today is logged only after one question (y/N) per day: a
 * mistyped l must not put a future day in the journal, where it would
 * count as the last logged day.  Past one year after today it is refused,
 * as `log --future` refuses it. */
static bool ask_future(struct tui *t, struct today *st, int key)
{
	char q[120], date[16], latest[DATE_BUFSZ];
	long ahead = (long)(st->day - t->today);

	int i;
	bool edits = strchr("aNy", key) != NULL; /* add an activity, the note's editor, copy */

	for (i = 0; i < EF_COUNT; i++)
		edits = edits || entry_fields[i].key == key;
	if (ahead <= 0 || !edits)
		return false;
	if (st->day > date_latest(t->today)) {
		tui_message(t, true, "%s is more than one year ahead: the latest day is %s",
			    tui_date(st->day, date), date_format(date_latest(t->today), latest));
		return true;
	}
	if (st->found || st->future_ok == st->day)
		return false;
	st->future_key = key;
	snprintf(q, sizeof q, "%s is %ld day%s after today: log it anyway?", tui_date(st->day, date),
		 ahead, ahead == 1 ? "" : "s");
	tui_confirm_open(t, q, yes_future, st);
	return true;
}

/* Each prompt is prefilled with the current value (typing replaces it);
 * the day as it is now is kept, so that Enter can tell what changed
 * elsewhere meanwhile. */
bool tui_today_edit_key(struct tui *t, struct today *st, int key)
{
	char date[16], label[96], buf[NOTE_MAX + 1];
	const struct entry *en = &st->en;
	int i;

	if (key > 0 && key < 0x80 && ask_future(t, st, key))
		return true;
	st->edit.day = st->day;
	if (st->found)
		st->edit.base = st->en;
	else
		entry_init(&st->edit.base, st->day);
	tui_date(st->day, date);
	if (key == 'n' && st->found && strchr(en->note, '\n')) {
		tui_message(t, false, "the note has several lines: N edits it in $VISUAL or $EDITOR");
		return true;
	}
	for (i = 0; i < EF_COUNT; i++)
		if (entry_fields[i].key == key && !entry_fields[i].list && entry_fields[i].prompt) {
			open_scalar(t, st, &entry_fields[i], date);
			return true;
		}
	switch (key) {
	case 'a':
		snprintf(label, sizeof label, "Add an activity on %s", date);
		tui_prompt_open(t, label, "", 40,
				"KIND MIN or KIND:MIN, e.g. walk 30; several with , or ;. Kinds: walking water-therapy stretching cycling physio other (Tab completes)",
				enter_activity, complete_kind, st);
		return true;
	case 'A':
		snprintf(label, sizeof label, "Activities on %s", date);
		tui_prompt_open(t, label, st->found ? entry_format_activities(en, buf, sizeof buf) : "",
				ACTIVITIES_TEXT_MAX - 1, entry_field(EF_ACTIVITIES)->hint,
				enter_activities, complete_kind, st);
		return true;
	case 's':
		open_symptoms(t, st);
		return true;
	case 'N':
		edit_note_outside(t, st);
		return true;
	case 'y':
		copy_previous(t, st);
		return true;
	case 'm':
		today_med_prompt(t, st, date);
		return true;
	case 'd':
		if (!st->found) {
			tui_message(t, false, "%s has no entry to delete", date);
			return true;
		}
		snprintf(label, sizeof label, "Delete the entry of %s?", date);
		tui_confirm_open(t, label, yes_delete, st);
		return true;
	default:
		return false;
	}
}
