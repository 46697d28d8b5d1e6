/* today_rest.c - timed rest and medications in the TUI: b lies down or
 * gets up (restwatch down / up at this minute), the timer in the top bar,
 * the nudge banner once per nudge period, and m adds a medication with its
 * name completed from the ones used before (docs/formats.md). */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "nudge.h"
#include "tui_app.h"
#include "tui_rest.h"
#include "tui_today.h"

#define MED_NAMES 64

/* The names m completes from, read when its prompt opens. */
static char med_names[MED_NAMES][MED_NAME_MAX + 1];
static int n_med_names;

static int64_t now_or_zero(struct tui *t)
{
	struct rw_error e = { 0, "" };
	int64_t now = 0;

	if (clock_now(&now, &e) != 0)
		tui_message(t, true, "%s", e.msg);
	return now;
}

bool tui_rest_toggle(struct tui *t)
{
	struct rw_error e = { 0, "" };
	char when[32], span[32];
	int64_t now = now_or_zero(t), since = t->down_since;
	rw_day day;
	int r;

	if (!now)
		return false;
	r = t->down ? journal_up(t->j, now, &day, &e) : journal_down(t->j, now, &e);
	if (r != 0) {
		tui_message(t, true, "%s", e.msg);
		return false;
	}
	if (t->down)
		tui_message(t, false, "up after %s lying down (u undoes)",
			    clock_span_text(now - since, span, sizeof span));
	else
		tui_message(t, false, "lying down since %s; b when you get up",
			    clock_format_local(now, when, sizeof when) + 11);
	t->nudged_at = 0;
	return true;
}

char *tui_rest_timer(struct tui *t, char *out, size_t n)
{
	int64_t now;

	out[0] = '\0';
	if (!t->down || !(now = now_or_zero(t)))
		return out;
	snprintf(out, n, "down %lld:%02lld", (long long)((now - t->down_since) / 3600),
		 (long long)((now - t->down_since) / 60 % 60));
	return out;
}

int tui_rest_forms(struct tui *t, char forms[][64], int n, enum tui_role *role)
{
	char timer[32], both[64];
	int i;

	if (!tui_rest_timer(t, timer, sizeof timer)[0])
		return n;
	for (i = 0; i < n; i++) {
		snprintf(both, sizeof both, "%.16s  %.44s", timer, forms[i]);
		snprintf(forms[i], 64, "%s", both);
	}
	if (n == 0) {
		snprintf(forms[0], 64, "%s ", timer);
		*role = ROLE_BANNER_WARN;
		n = 1;
	}
	return n;
}

bool tui_rest_tick(struct tui *t)
{
	char line[160];
	int64_t now;
	bool redraw;

	if (!t->down || !(now = now_or_zero(t)))
		return false;
	redraw = now / 60 != t->down_minute;
	t->down_minute = (long)(now / 60);
	/* The banner comes once per nudge period, not on every tick. */
	if (nudge_due(&t->params, t->down_since, now) &&
	    (!t->nudged_at || now - t->nudged_at >= (int64_t)(t->params.nudge_minutes * 60))) {
		t->nudged_at = now;
		nudge_text(t->last.found ? t->last.proj.urgency : URGENCY_NONE, now - t->down_since,
			   line, sizeof line);
		tui_message(t, true, "%s (b when up)", line);
		if (!t->no_bell)
			beep();
		redraw = true;
	}
	return redraw;
}

/* Tab: the first name used before that starts with what was typed (the
 * common start of several). */
static void complete_med(struct tui_line *l)
{
	char text[MED_NAME_MAX + MED_DOSE_MAX + 2], out[sizeof text];
	const char *match, *names[MED_NAMES];
	size_t common;
	int k, n;

	tui_line_text(l, text, sizeof text);
	if (strchr(text, ':'))
		return;
	for (k = 0; k < n_med_names; k++)
		names[k] = med_names[k];
	if (!(match = tui_common_start(names, n_med_names, text, strlen(text), &common, &n)))
		return;
	snprintf(out, sizeof out, "%.*s", (int)common, match);
	tui_line_set(l, out, l->max_bytes);
	l->fresh = false;
}

static int enter_med(struct tui *t, void *ctx, const char *text, struct rw_error *e)
{
	struct today *st = ctx;
	char what[MED_NAME_MAX + MED_DOSE_MAX + 16];
	int r;

	today_edit_start(st, entry_field(EF_MEDS));
	if ((r = entry_change_text(&st->edit.change, st->edit.f, text, false, "medication", e)) != 0)
		return r;
	entry_med_text(&st->edit.change.add.meds[0], what, sizeof what);
	return today_save(t, st, what, e);
}

void today_med_prompt(struct tui *t, struct today *st, const char *date)
{
	struct rw_error e = { 0, "" };
	char label[96], hint[200];
	int k;

	if (journal_med_names(t->j, med_names, MED_NAMES, &n_med_names, &e) != 0)
		n_med_names = 0;
	snprintf(hint, sizeof hint, "NAME or NAME:DOSE, e.g. ibuprofen:400mg (Tab completes");
	for (k = 0; k < n_med_names && k < 3; k++)
		snprintf(hint + strlen(hint), sizeof hint - strlen(hint), "%s%.32s", k ? ", " : ": ",
			 med_names[k]);
	snprintf(hint + strlen(hint), sizeof hint - strlen(hint), ")");
	snprintf(label, sizeof label, "Add a medication on %s", date);
	tui_prompt_open(t, label, "", MED_NAME_MAX + MED_DOSE_MAX + 1, hint, enter_med, complete_med,
			st);
}
