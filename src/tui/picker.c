/* picker.c - the type-ahead checklist (the symptoms): typing filters it,
 * the arrows choose, Space toggles a row and keeps the list open, Enter
 * toggles and closes.  Like the other widgets it is a state machine fed by
 * the main loop (widgets.c).
 */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "advice.h"
#include "tui_app.h"

/* ---- the picker ------------------------------------------------------------ */

#define NEW_ROW (-1)

/* The rows shown for the typed text: the items that start with it, then
 * the text itself as a new name unless an item is exactly it. */
static int picker_rows(const struct tui_picker *p, const char *typed, int *rows)
{
	size_t len = strlen(typed);
	bool exact = false;
	int i, n = 0;

	for (i = 0; i < p->n; i++) {
		if (strncmp(p->items[i].name, typed, len) != 0)
			continue;
		rows[n++] = i;
		if (strcmp(p->items[i].name, typed) == 0)
			exact = true;
	}
	if (len && !exact)
		rows[n++] = NEW_ROW;
	return n;
}

/* Items are added with tui_picker_add after opening. */
void tui_picker_open(struct tui *t, const char *title, tui_text_fn enter, void *ctx)
{
	struct tui_picker *p = &t->picker;

	p->active = true;
	snprintf(p->title, sizeof p->title, "%s", title);
	p->n = 0;
	tui_line_set(&p->filter, "", SYMPTOM_MAX);
	p->sel = 0;
	p->top = 0;
	p->toggled = false;
	p->enter = enter;
	p->ctx = ctx;
}

/* A name already listed keeps its first entry. */
void tui_picker_add(struct tui *t, const char *name, bool checked, bool flagged)
{
	struct tui_picker *p = &t->picker;
	struct tui_pick_item *it;
	int i;

	for (i = 0; i < p->n; i++)
		if (strcmp(p->items[i].name, name) == 0)
			return;
	if (p->n >= TUI_PICK_MAX)
		return;
	it = &p->items[p->n++];
	snprintf(it->name, sizeof it->name, "%s", name);
	it->checked = checked;
	it->flagged = flagged;
}

/* Toggle the chosen row (or the typed name) through the callback, which
 * saves it; the row shows the new state.  close: the picker closes after. */
static void picker_toggle(struct tui *t, struct tui_picker *p, const char *typed,
			  const int *rows, int n, bool close)
{
	struct rw_error e = { 0, "" };
	char name[SYMPTOM_MAX * 4 + 1];
	int row;

	if (p->sel >= n)
		p->sel = n - 1;
	row = rows[p->sel];
	snprintf(name, sizeof name, "%s", row == NEW_ROW ? typed : p->items[row].name);
	p->active = false;
	if (p->enter(t, p->ctx, name, &e) != 0) {
		p->active = true;
		tui_message(t, true, "%s", e.msg[0] ? e.msg : "not saved");
		return;
	}
	p->toggled = true;
	if (close)
		return;
	p->active = true;
	if (row == NEW_ROW) {
		tui_picker_add(t, name, true, false);
		tui_line_set(&p->filter, "", SYMPTOM_MAX);
		p->sel = p->top = 0;
	} else {
		p->items[row].checked = !p->items[row].checked;
	}
}

/* Letters go to the filter; the arrows choose; Enter takes the chosen row
 * (or the typed text as a new name). */
void tui_picker_key(struct tui *t, const struct tui_key *k)
{
	struct tui_picker *p = &t->picker;
	char typed[SYMPTOM_MAX * 4 + 1];
	int rows[TUI_PICK_MAX + 1], n;

	tui_line_text(&p->filter, typed, sizeof typed);
	n = picker_rows(p, typed, rows);
	if (k->fn && (k->code == KEY_UP || k->code == KEY_DOWN || k->code == KEY_PPAGE ||
		      k->code == KEY_NPAGE)) {
		int step = (k->code == KEY_PPAGE || k->code == KEY_NPAGE) ? 8 : 1;
		p->sel += (k->code == KEY_UP || k->code == KEY_PPAGE) ? -step : step;
		if (p->sel >= n)
			p->sel = n - 1;
		if (p->sel < 0)
			p->sel = 0;
		return;
	}
	if (!k->fn && k->code == '\t') {
		if (n > 0 && rows[p->sel < n ? p->sel : 0] != NEW_ROW)
			tui_line_set(&p->filter, p->items[rows[p->sel < n ? p->sel : 0]].name,
				     SYMPTOM_MAX);
		p->filter.fresh = false;
		p->sel = 0;
		return;
	}
	/* A name never holds a space: Space toggles and the list stays open,
	 * as in any checklist; Enter toggles what was typed or chosen and
	 * closes, or only closes after Space toggled some. */
	if (!k->fn && k->code == ' ') {
		if (n > 0)
			picker_toggle(t, p, typed, rows, n, false);
		return;
	}
	switch (tui_line_key(&p->filter, k)) {
	case TUI_LINE_ENTER:
		if (n == 0 || (p->toggled && !typed[0]))
			p->active = false;
		else
			picker_toggle(t, p, typed, rows, n, true);
		return;
	case TUI_LINE_CANCEL:
		p->active = false;
		if (!p->toggled)
			tui_message(t, false, "cancelled: nothing changed");
		return;
	case TUI_LINE_MORE:
		p->sel = 0;
		p->top = 0;
		return;
	}
}

/* A box over the screen; the list scrolls to keep the choice in view. */
void tui_picker_draw(struct tui *t)
{
	struct tui_picker *p = &t->picker;
	char typed[SYMPTOM_MAX * 4 + 1];
	int rows[TUI_PICK_MAX + 1], n, w, h, y, x, list_h, i, cx;

	tui_line_text(&p->filter, typed, sizeof typed);
	n = picker_rows(p, typed, rows);
	w = COLS - 4 < 60 ? COLS - 4 : 60;
	h = n + 5;
	if (h > LINES - 3)
		h = LINES - 3;
	if (h < 5 || w < 20)
		return;
	y = 1 + (LINES - 3 - h) / 2;
	x = (COLS - w) / 2;
	list_h = h - 4;
	if (p->sel >= n)
		p->sel = n ? n - 1 : 0;
	if (p->sel < p->top)
		p->top = p->sel;
	if (p->sel >= p->top + list_h)
		p->top = p->sel - list_h + 1;

	tui_box(t, y, x, h, w, ROLE_NORMAL);
	tui_textf(t, y, x + 2, w - 4, ROLE_HEAD, " %s ", p->title);
	cx = x + 2 + tui_text(t, y + 1, x + 2, 2, ROLE_KEY, "> ");
	cx = tui_line_draw(t, &p->filter, y + 1, cx, w - 6);
	for (i = 0; i < list_h && p->top + i < n; i++) {
		int row = rows[p->top + i], ry = y + 2 + i, used;
		bool sel = p->top + i == p->sel;
		enum tui_role base = sel ? ROLE_SEL : ROLE_NORMAL;

		tui_fill(t, ry, x + 1, w - 2, base, " ");
		if (row == NEW_ROW) {
			tui_textf(t, ry, x + 2, w - 4, base, "+ add \"%s\" (a new symptom)", typed);
			continue;
		}
		used = tui_textf(t, ry, x + 2, w - 4, base, "[%c] %s",
				 p->items[row].checked ? 'x' : ' ', p->items[row].name);
		if (p->items[row].flagged)
			tui_textf(t, ry, x + 3 + used, w - 5 - used, sel ? ROLE_SEL : ROLE_ALERT,
				  " RED FLAG: %s ",
				  advice_red_flag_action(entry_symptom_urgency(p->items[row].name)));
	}
	tui_textf(t, y + h - 1, x + 2, w - 4, ROLE_DIM, " type to filter %s Up/Down %s Space toggles %s Enter toggles and closes %s Esc ",
		  tui_glyph(t, G_DASH), tui_glyph(t, G_DASH), tui_glyph(t, G_DASH), tui_glyph(t, G_DASH));
	tui_cursor(t, y + 1, cx);
}
