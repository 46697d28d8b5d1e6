/* settings.c - the Settings screen: the engine's parameters with their
 * values, defaults, units and sources; Enter edits one, d restores its
 * default, R resets all (after asking).  Every change is one
 * journal_set_param (the journal recomputes every projection).
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_app.h"

struct settings {
	int sel, top;
	const struct engine_param_info *editing;
};

static const struct tui_help help[] = {
	{ "Up k  Down j", "choose a parameter" },
	{ "Enter", "edit its value (the journal's projections are recomputed)" },
	{ "d", "restore its default" },
	{ "R", "reset every parameter to its default (asks first)" },
	{ NULL, NULL },
};

/* The table, and the chosen parameter's meaning and source in full. */
static void draw(struct tui *t, void *state, int top, int height)
{
	struct settings *st = state;
	size_t n, i;
	const struct engine_param_info *tab = engine_param_table(&n);
	const struct engine_param_info *cur;
	int list_h = height - 7, y, detail;
	char v[32], d[32];

	if (list_h < 3)
		list_h = 3;
	if (st->sel >= (int)n)
		st->sel = (int)n - 1;
	if (st->sel < st->top)
		st->top = st->sel;
	if (st->sel >= st->top + list_h)
		st->top = st->sel - list_h + 1;
	tui_text(t, top, 1, COLS - 2, ROLE_HEAD,
		 "Engine parameters: the numbers behind every projection (* differs from the default)");
	tui_textf(t, top + 1, 3, COLS - 4, ROLE_HEAD, "%-29s%10s %10s  %-6s %s", "NAME", "VALUE",
		  "DEFAULT", "UNIT", "MEANING");
	for (i = 0, y = top + 2; (int)i < list_h && st->top + (int)i < (int)n; i++, y++) {
		const struct engine_param_info *p = &tab[st->top + (int)i];
		double val = engine_param_get(&t->params, p);
		bool sel = st->top + (int)i == st->sel, changed = val != p->def;
		enum tui_role base = sel ? ROLE_SEL : ROLE_NORMAL;

		if (sel) {
			tui_fill(t, y, 0, COLS, ROLE_SEL, " ");
			tui_text(t, y, 1, 1, ROLE_SEL, tui_glyph(t, G_CURSOR));
		}
		snprintf(v, sizeof v, "%s%g", changed ? "*" : "", val);
		snprintf(d, sizeof d, "%g", p->def);
		tui_textf(t, y, 3, COLS - 4, base, "%-29s", p->name);
		tui_textf(t, y, 32, 10, sel ? ROLE_SEL : changed ? ROLE_WARN : ROLE_NORMAL, "%10s", v);
		tui_textf(t, y, 43, COLS - 44, base, "%10s  %-6s %s", d, p->unit, p->meaning);
	}
	cur = &tab[st->sel];
	detail = top + 2 + list_h + 1;
	tui_textf(t, detail, 1, COLS - 2, ROLE_HEAD, "%s  (%g to %g %s)", cur->name, cur->min, cur->max,
		  cur->unit);
	detail++;
	detail += tui_wrap(t, detail, 3, COLS - 4, 2, ROLE_NORMAL, cur->meaning);
	tui_textf(t, detail, 3, COLS - 4, ROLE_DIM, "Source: %s", cur->source);
}

/* A plain decimal; the journal checks the range and the rules between
 * parameters and recomputes every projection in the same transaction. */
static int enter_value(struct tui *t, void *ctx, const char *text, struct rw_error *e)
{
	struct settings *st = ctx;
	double v;
	char num[32];
	int r;

	if ((r = entry_parse_number(entry_decimal_point(text, num, sizeof num), &v,
				    st->editing->name, e)) != 0 ||
	    (r = journal_set_param(t->j, st->editing->name, v, e)) != 0)
		return r;
	tui_message(t, false, "set %s to %g; projections recomputed", st->editing->name, v);
	return 0;
}

/* Only after the question; one undo step brings every value back. */
static int yes_reset(struct tui *t, void *ctx, const char *text, struct rw_error *e)
{
	int r;

	(void)ctx;
	(void)text;
	if ((r = journal_reset_params(t->j, e)) != 0)
		return r;
	tui_message(t, false, "every parameter is back to its default (u undoes)");
	return 0;
}

/* Choose with the arrows or j/k; Enter edits, d and R restore. */
static bool key(struct tui *t, void *state, const struct tui_key *k)
{
	struct settings *st = state;
	size_t n;
	const struct engine_param_info *tab = engine_param_table(&n);
	const struct engine_param_info *p = &tab[st->sel];
	struct rw_error e = { 0, "" };
	char label[96], num[40];

	if (k->fn) {
		switch (k->code) {
		case KEY_UP: st->sel--; break;
		case KEY_DOWN: st->sel++; break;
		case KEY_PPAGE: st->sel -= 8; break;
		case KEY_NPAGE: st->sel += 8; break;
		case KEY_HOME: st->sel = 0; break;
		case KEY_END: st->sel = (int)n - 1; break;
		case KEY_ENTER: goto edit;
		default: return false;
		}
		goto clamp;
	}
	switch (k->code) {
	case 'k': st->sel--; goto clamp;
	case 'j': st->sel++; goto clamp;
	case '\n':
	case '\r':
		goto edit;
	case 'd':
		if (engine_param_get(&t->params, p) == p->def) {
			tui_message(t, false, "%s is already at its default, %g", p->name, p->def);
		} else if (journal_set_param(t->j, p->name, p->def, &e) != 0) {
			tui_message(t, true, "%s", e.msg);
		} else {
			tui_message(t, false, "%s is back to its default, %g", p->name, p->def);
		}
		return true;
	case 'R':
		tui_confirm_open(t, "Reset every engine parameter to its default?", yes_reset, st);
		return true;
	default:
		return false;
	}
clamp:
	if (st->sel < 0)
		st->sel = 0;
	if (st->sel >= (int)n)
		st->sel = (int)n - 1;
	return true;
edit:
	st->editing = p;
	snprintf(label, sizeof label, "%s (%g to %g %s)", p->name, p->min, p->max, p->unit);
	snprintf(num, sizeof num, "%.15g", engine_param_get(&t->params, p));
	tui_prompt_open(t, label, num, 32, p->meaning, enter_value, NULL, st);
	return true;
}

const struct tui_screen tui_screen_settings = {
	.hotkey = '5',
	.name = "Settings",
	.status = "Up/Down choose  Enter edit  d default  R reset all",
	.help = help,
	.state_size = sizeof(struct settings),
	.draw = draw,
	.key = key,
};
