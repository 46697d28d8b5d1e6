/* screens.c - the table of screens, and what comes from it: each screen's
 * state, the hotkeys, and the top bar's tabs.
 *
 * A screen is one row here and its own file (see tui_screen.h); app.c,
 * the top bar and the help (help.c) read everything from the table.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "tui_app.h"
#include "tui_alert.h"
#include "tui_rest.h"

extern const struct tui_screen tui_screen_today, tui_screen_journal, tui_screen_trends,
	tui_screen_report, tui_screen_settings;

const struct tui_screen *const tui_screens[] = {
	&tui_screen_today, &tui_screen_journal, &tui_screen_trends,
	&tui_screen_report, &tui_screen_settings,
};
const int tui_screen_count = (int)(sizeof tui_screens / sizeof tui_screens[0]);

int tui_screen_by_key(int key)
{
	int i;

	for (i = 0; i < tui_screen_count; i++)
		if (tui_screens[i]->hotkey == key)
			return i;
	return -1;
}

/* Zeroed state of each screen's size, then its init. */
int tui_screens_open(struct tui *t, struct rw_error *e)
{
	int i;

	if (!(t->state = calloc((size_t)tui_screen_count, sizeof *t->state)))
		return rw_fail(e, RW_ENOMEM, "out of memory");
	for (i = 0; i < tui_screen_count; i++) {
		const struct tui_screen *s = tui_screens[i];
		if (!(t->state[i] = calloc(1, s->state_size ? s->state_size : 1)))
			return rw_fail(e, RW_ENOMEM, "out of memory");
		if (s->init)
			s->init(t, t->state[i]);
	}
	return 0;
}

/* Each screen's close (what its state points to), then the state. */
void tui_screens_close(struct tui *t)
{
	int i;

	if (!t->state)
		return;
	for (i = 0; i < tui_screen_count; i++) {
		if (!t->state[i])
			continue;
		if (tui_screens[i]->close)
			tui_screens[i]->close(t->state[i]);
		free(t->state[i]);
	}
	free(t->state);
	t->state = NULL;
}

long tui_clock_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int tui_screens_work(struct tui *t)
{
	const struct tui_screen *s = tui_screens[t->screen];

	return s->work ? s->work(t, t->state[t->screen]) : TUI_WORK_NONE;
}

/* ---- the top bar ----------------------------------------------------------- */

/* The top bar as it is laid out: the alert's forms and the one chosen,
 * the tabs' style and where they start. */
struct top_bar {
	char forms[TUI_ALERT_FORMS][64];
	enum tui_role role;
	int n, f;        /* forms, the one shown (n == 0: no alert) */
	int style;       /* of tab_label */
	int x0;          /* the tabs' first column */
};

/* Tab i in one of three styles, widest first: " 1 Today " each,
 * "1 Today 2 Journal", or only the current one named. */
static void tab_label(const struct tui *t, int i, int style, char *tab, size_t n)
{
	const struct tui_screen *s = tui_screens[i];

	if (style == 0)
		snprintf(tab, n, " %c %s ", s->hotkey, s->name);
	else if (style == 1 && i == 0)
		snprintf(tab, n, "%c %s", s->hotkey, s->name);
	else if (style == 1 || i == t->screen)
		snprintf(tab, n, " %c %s", s->hotkey, s->name);
	else
		snprintf(tab, n, " %c", s->hotkey);
}

/* The columns the tabs take in a style. */
static int tabs_width(const struct tui *t, int style)
{
	int i, w = 0;

	for (i = 0; i < tui_screen_count; i++) {
		char tab[64];
		tab_label(t, i, style, tab, sizeof tab);
		w += tui_text_width(t, tab);
	}
	return w;
}

static const char title[] = " restwatch ";

/* The tabs and the alert take their widest forms that fit together, the
 * tabs first; the name only when there is room to spare. */
static void top_layout(struct tui *t, struct top_bar *b)
{
	int aw;

	b->role = ROLE_ALERT;
	b->n = t->last.found ? tui_alert_forms(t, &t->last.proj, b->forms, &b->role) : 0;
	b->n = tui_rest_forms(t, b->forms, b->n, &b->role);
	b->f = 0;
	for (b->style = 0; b->style < 3; b->style++) {
		int tw = tabs_width(t, b->style);
		for (b->f = 0; b->f < b->n; b->f++)
			if (tw + tui_text_width(t, b->forms[b->f]) <= COLS)
				break;
		if (b->f < b->n || b->n == 0)
			break;
	}
	if (b->style == 3)
		b->style = 2;
	if (b->f >= b->n)
		b->f = b->n - 1;
	aw = b->n ? tui_text_width(t, b->forms[b->f]) : 0;
	b->x0 = 0;
	if (b->style == 0 && b->f == 0 &&
	    (int)sizeof title - 1 + tabs_width(t, 0) + aw + 4 <= COLS)
		b->x0 = tui_text_width(t, title);
}

void tui_top_draw(struct tui *t)
{
	struct top_bar b;
	int i, x;

	top_layout(t, &b);
	tui_fill(t, 0, 0, COLS, ROLE_BAR_TITLE, " ");
	if (b.x0 > 0)
		tui_text(t, 0, 0, COLS, ROLE_BAR_TITLE, title);
	for (i = 0, x = b.x0; i < tui_screen_count; i++) {
		char tab[64];
		tab_label(t, i, b.style, tab, sizeof tab);
		tui_text(t, 0, x, COLS - x, i == t->screen ? ROLE_TAB : ROLE_BAR_TITLE, tab);
		x += tui_text_width(t, tab);
	}
	if (b.n > 0) {
		int aw = tui_text_width(t, b.forms[b.f]);
		tui_text(t, 0, COLS > aw ? COLS - aw : 0, COLS, b.role, b.forms[b.f]);
	}
}

int tui_tab_at(struct tui *t, int x)
{
	struct top_bar b;
	int i, left;

	top_layout(t, &b);
	for (i = 0, left = b.x0; i < tui_screen_count; i++) {
		char tab[64];
		int w;
		tab_label(t, i, b.style, tab, sizeof tab);
		w = tui_text_width(t, tab);
		if (x >= left && x < left + w && left + w <= COLS)
			return i;
		left += w;
	}
	return -1;
}
