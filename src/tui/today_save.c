/* today_save.c - storing a Today edit: one journal_edit, a single
 * transaction that applies the edit with entry_apply (entry.h) to the day
 * as it is when Enter is pressed and recomputes the projections from that
 * day on.  A whole-list edit (A) goes in as its removals and additions
 * when the list changed since the prompt opened; a value changed elsewhere
 * under an open prompt is shown beside the typed one and asked about (y/N,
 * N keeps the other). */
#include <stdio.h>
#include <string.h>

#include "advice.h"
#include "tui_app.h"
#include "tui_today.h"
#include "utf8.h"

void today_edit_start(struct today *st, const struct entry_field *f)
{
	struct today_edit *ed = &st->edit;

	ed->f = f;
	entry_change_init(&ed->change);
	entry_change_init(&ed->diff);
	ed->ask = ed->force = false;
}

/* Inside the journal's transaction, on the day as it is now: a list edit
 * of A goes in as removals and additions when the list changed since the
 * prompt opened; a scalar that changed meanwhile stops the save (nothing
 * is written) so that the question can show both. */
static int apply(void *ctx, struct entry *en, bool existed, struct rw_error *e)
{
	struct today_edit *ed = ctx;
	const struct entry_field *f = ed->f;
	const struct entry_change *c = &ed->change;
	int r;

	(void)existed;
	ed->now = *en;
	ed->conflict = ed->merged = false;
	if (f && f->list && (c->set & EF_BIT(f->id)) && entry_field_differs(f, en, &ed->base)) {
		ed->merged = true;
		c = &ed->diff;
	}
	if (f && f->id == EF_SYMPTOMS)
		ed->added = entry_field_find(f, en, ed->symptom) < 0;
	if ((r = entry_apply(en, c, ENTRY_NAME_WORD, e)) != 0)
		return r;
	if (ed->merged)
		f->text(en, ed->merged_list, sizeof ed->merged_list);
	if (f && ed->ask && !ed->force && entry_field_differs(f, &ed->now, &ed->base) &&
	    entry_field_differs(f, en, &ed->now)) {
		ed->conflict = true;
		return rw_fail(e, RW_EDATA, "%s changed elsewhere", f->said);
	}
	return 0;
}

/* v as the question shows it: "none" when unset, one line, cut. */
static const char *shown_value(const struct entry_field *f, const struct entry *en, char *out,
			       size_t n)
{
	char buf[ENTRY_TEXT_MAX];
	const char *s = f->text(en, buf, sizeof buf);
	size_t o = 0;

	if (!*s)
		s = "none";
	while (*s && o + 8 < n && o < 40) {
		size_t len = utf8_seq(s);
		if (len == 0)
			len = 1;
		memcpy(out + o, s, len);
		if (len == 1 && (unsigned char)*s < 0x20)
			out[o] = ' ';
		o += len;
		s += len;
	}
	snprintf(out + o, n - o, "%s", *s ? "..." : "");
	return out;
}

/* y to the question: save the typed value over the other one. */
static int yes_overwrite(struct tui *t, void *ctx, const char *text, struct rw_error *e)
{
	struct today *st = ctx;

	(void)text;
	st->edit.force = true;
	return today_save(t, st, st->edit.what, e);
}

/* The field changed elsewhere while its prompt was open: both values, and
 * y/N (N keeps the other one). */
static void ask_conflict(struct tui *t, struct today *st)
{
	struct today_edit *ed = &st->edit;
	struct entry mine = ed->now;
	char q[200], now[64], yours[64];
	struct rw_error ignored;

	entry_apply(&mine, &ed->change, ENTRY_NAME_WORD, &ignored);
	snprintf(q, sizeof q, "%s changed elsewhere: now %s, yours %s. Save yours?", ed->f->said,
		 shown_value(ed->f, &ed->now, now, sizeof now),
		 shown_value(ed->f, &mine, yours, sizeof yours));
	tui_confirm_open(t, q, yes_overwrite, st);
}

/* Store the edit in one transaction and say what was saved. */
int today_save(struct tui *t, struct today *st, const char *what, struct rw_error *e)
{
	struct today_edit *ed = &st->edit;
	char date[DATE_BUFSZ];
	int r;

	if (what != ed->what)
		snprintf(ed->what, sizeof ed->what, "%s", what);
	if ((r = journal_edit(t->j, ed->day, apply, ed, e)) != 0) {
		if (!ed->conflict)
			return r;
		ask_conflict(t, st);
		return 0;
	}
	date_format(ed->day, date);
	if (ed->f && ed->f->id == EF_SYMPTOMS)
		tui_message(t, false, "%s %s on %s%s%s", ed->added ? "added" : "removed", ed->symptom,
			    date, ed->added && entry_symptom_is_red_flag(ed->symptom)
					  ? ": a RED FLAG, "
					  : "",
			    ed->added ? advice_red_flag_action(entry_symptom_urgency(ed->symptom))
				      : "");
	else if (ed->merged)
		tui_message(t, false, "saved %s on %s, merged with a change made elsewhere: now %s",
			    ed->what, date, ed->merged_list);
	else
		tui_message(t, false, "saved %s on %s", ed->what, date);
	return 0;
}
