/* detail.c - the day detail: Enter on a day in the Journal or the Calendar
 * shows every field of its entry whole (rest, tracked hours, activities,
 * pain, symptoms with each red flag marked, weight, medications), the
 * day's projection (level, rest clock, losses) and the note wrapped to the
 * width, line breaks kept.  Longer than the window, it scrolls.
 *
 * It covers the screen that opened it; the top bar (and its alert) stays.
 * The entry and projection are read once per day opened and journal
 * change (docs/model.md for what the projection means).
 */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "advice.h"
#include "tui_app.h"

#define LABEL_W 15 /* the value column */
#define BIG (1 << 20)

/* Lines of the view, counted or drawn: line r goes to screen row
 * y0 + r - top when it is inside the window (as in help.c). */
struct view {
	int y0, top, rows;
	int r;     /* the next line */
	bool draw;
};

void tui_detail_open(struct tui *t, rw_day day)
{
	t->detail.active = true;
	t->detail.day = day;
	t->detail.top = 0;
	t->detail.loaded = false;
}

/* The entry and the stored projection, again when the journal changed. */
static void load(struct tui *t, struct tui_detail *d)
{
	struct rw_error e = { 0, "" };

	if (d->loaded && d->gen == t->gen)
		return;
	d->loaded = true;
	d->gen = t->gen;
	if (journal_get_entry(t->j, d->day, &d->en, &d->found, &e) != 0 ||
	    journal_get_proj(t->j, d->day, &d->proj, &d->has_proj, &e) != 0) {
		d->found = d->has_proj = false;
		tui_message(t, true, "%s", e.msg);
	}
}

/* One block: a label, and text wrapped beside it from column x (never
 * cut: it takes as many lines as it needs). */
static void block(struct tui *t, struct view *v, const char *label, int x, enum tui_role r,
		  const char *text)
{
	int w = COLS - 1 - x, n = tui_wrap_count(t, w, BIG, text), skip, lim, y;

	if (n < 1)
		n = 1;
	if (v->draw) {
		skip = v->top > v->r ? v->top - v->r : 0;
		lim = v->top + v->rows - v->r < n ? v->top + v->rows - v->r : n;
		y = v->y0 + v->r - v->top;
		if (label[0] && v->r >= v->top && v->r < v->top + v->rows)
			tui_text(t, y, 1, LABEL_W - 2, ROLE_HEAD, label);
		if (lim > skip)
			tui_wrap_part(t, y, x, w, skip, lim, r, text);
	}
	v->r += n;
}

/* The note a paragraph at a time, so that its line breaks (and blank
 * lines) stay where the writer put them. */
static void note(struct tui *t, struct view *v, const char *s)
{
	static char para[NOTE_MAX + 1];

	block(t, v, "Note", LABEL_W, s[0] ? ROLE_NORMAL : ROLE_DIM, s[0] ? "" : "-");
	while (s[0]) {
		size_t len = strcspn(s, "\n");
		memcpy(para, s, len);
		para[len] = '\0';
		block(t, v, "", 3, ROLE_NORMAL, para);
		s += len;
		if (*s == '\n')
			s++;
	}
}

/* Each symptom on its own line; a red flag marked, with its tier and
 * what it means. */
static void symptoms(struct tui *t, struct view *v, const struct entry *en)
{
	char line[SYMPTOM_MAX + 200];
	int i;

	if (en->n_symptoms == 0)
		block(t, v, "Symptoms", LABEL_W, ROLE_DIM, "-");
	for (i = 0; i < en->n_symptoms; i++) {
		const char *s = en->symptoms[i], *means = entry_red_flag_meaning(s);
		if (entry_symptom_is_red_flag(s)) {
			snprintf(line, sizeof line, "%s %s: RED FLAG (%s)%s%s", tui_glyph(t, G_WARN), s,
				 engine_urgency_name(entry_symptom_urgency(s)), means ? ": " : "",
				 means ? means : "");
			block(t, v, i ? "" : "Symptoms", LABEL_W, ROLE_ALERT, line);
		} else {
			block(t, v, i ? "" : "Symptoms", LABEL_W, ROLE_NORMAL, s);
		}
	}
}

/* Rest as typed, and the hours tracked lying down with b / down-up. */
static void rest(struct tui *t, struct view *v, const struct entry *en)
{
	char line[160], num[32];

	if (en->has_rest)
		snprintf(line, sizeof line, "%s h", entry_format_rest(en->rest_hours, num, sizeof num));
	else
		snprintf(line, sizeof line, "- (not typed: the %g h night%s counts)", t->params.sleep_hours,
			 en->tracked_hours > 0 ? " and the tracked hours" : "");
	block(t, v, "Rest", LABEL_W, en->has_rest ? ROLE_NORMAL : ROLE_DIM, line);
	if (en->tracked_hours > 0) {
		/* minutes / 60 rarely ends: one decimal, without a bare ".0" */
		size_t k = (size_t)snprintf(num, sizeof num, "%.1f", en->tracked_hours);
		if (k > 2 && strcmp(num + k - 2, ".0") == 0)
			num[k - 2] = '\0';
		snprintf(line, sizeof line, "%s h lying down (b, or down/up)", num);
	}
	block(t, v, "Tracked", LABEL_W, en->tracked_hours > 0 ? ROLE_NORMAL : ROLE_DIM,
	      en->tracked_hours > 0 ? line : "-");
}

/* Activities, pain, weight and medications, each whole. */
static void others(struct tui *t, struct view *v, const struct entry *en)
{
	char buf[ACTIVITIES_TEXT_MAX + MEDS_TEXT_MAX + 64], med[MED_NAME_MAX + MED_DOSE_MAX + 4];
	int i, o = 0;

	buf[0] = '\0';
	for (i = 0; i < en->n_activities; i++)
		o += snprintf(buf + o, sizeof buf - (size_t)o, "%s%s %d min", i ? ", " : "",
			      entry_kind_name(en->activities[i].kind), en->activities[i].minutes);
	if (en->n_activities > 1)
		snprintf(buf + o, sizeof buf - (size_t)o, " (%d min in all)", entry_activity_minutes(en));
	block(t, v, "Activities", LABEL_W, buf[0] ? ROLE_NORMAL : ROLE_DIM, buf[0] ? buf : "-");
	if (en->pain != PAIN_UNSET)
		snprintf(buf, sizeof buf, "%d / 10", en->pain);
	block(t, v, "Pain", LABEL_W, en->pain == PAIN_UNSET ? ROLE_DIM : en->pain >= 7 ? ROLE_WARN : ROLE_NORMAL,
	      en->pain == PAIN_UNSET ? "-" : buf);
	symptoms(t, v, en);
	if (en->weight_dg != WEIGHT_UNSET) {
		entry_format_weight(en->weight_dg, med, sizeof med);
		snprintf(buf, sizeof buf, "%s kg", med);
	}
	block(t, v, "Weight", LABEL_W, en->weight_dg == WEIGHT_UNSET ? ROLE_DIM : ROLE_NORMAL,
	      en->weight_dg == WEIGHT_UNSET ? "-" : buf);
	buf[0] = '\0';
	for (i = 0, o = 0; i < en->n_meds; i++)
		o += snprintf(buf + o, sizeof buf - (size_t)o, "%s%s", i ? ", " : "",
			      entry_med_text(&en->meds[i], med, sizeof med));
	block(t, v, "Medications", LABEL_W, buf[0] ? ROLE_NORMAL : ROLE_DIM, buf[0] ? buf : "-");
}

/* The day's projection: level, rest clock against the limit, the losses
 * to one decimal, and what the level means. */
static void projection(struct tui *t, struct view *v, const struct engine_proj *p)
{
	char line[160], num[32], b[LOSS_COUNT][48], what[512];
	const char *dash = tui_glyph(t, G_DASH);

	snprintf(line, sizeof line, "%s %s %s%s", engine_level_name(p->level), dash, advice_title(p->level),
		 p->logged ? "" : engine_proj_held(p) ? " (not logged: the clock is held)" : " (not logged)");
	block(t, v, "Level", LABEL_W, tui_level_role(p->level), line);
	snprintf(line, sizeof line, "%s h of the %g h guideline limit",
		 advice_hours(p->rest_clock_hours, t->params.threshold_hours, num, sizeof num),
		 t->params.threshold_hours);
	block(t, v, "Rest clock", LABEL_W, ROLE_NORMAL, line);
	snprintf(line, sizeof line, "muscle %s  cardio %s  bone %s",
		 advice_band(p->loss[LOSS_MUSCLE][BAND_LOW], p->loss[LOSS_MUSCLE][BAND_HIGH], dash, b[0], sizeof b[0]),
		 advice_band(p->loss[LOSS_CARDIO][BAND_LOW], p->loss[LOSS_CARDIO][BAND_HIGH], dash, b[1], sizeof b[1]),
		 advice_band(p->loss[LOSS_BONE][BAND_LOW], p->loss[LOSS_BONE][BAND_HIGH], dash, b[2], sizeof b[2]));
	block(t, v, "Losses", LABEL_W, ROLE_NORMAL, line);
	block(t, v, "", LABEL_W, ROLE_DIM, advice_what(p, &t->params, what, sizeof what));
}

/* Every line of the view, counted or drawn: a red flag first, then the
 * fields, the projection and the note. */
static int content(struct tui *t, struct tui_detail *d, struct view *v)
{
	char red[512];

	v->r = 0;
	if (d->has_proj && d->proj.red_flag &&
	    advice_red_flag(&d->proj, d->found ? &d->en : NULL, red, sizeof red)[0])
		block(t, v, "", 1, ROLE_ALERT, red);
	if (d->found) {
		rest(t, v, &d->en);
		others(t, v, &d->en);
	} else {
		block(t, v, "Entry", LABEL_W, ROLE_DIM, "not logged: nothing was recorded for this day");
	}
	v->r++;
	if (d->has_proj)
		projection(t, v, &d->proj);
	else
		block(t, v, "Projection", LABEL_W, ROLE_DIM, "none: the day is outside the logged days");
	if (d->found) {
		v->r++;
		note(t, v, d->en.note);
	}
	return v->r;
}

void tui_detail_draw(struct tui *t)
{
	struct tui_detail *d = &t->detail;
	struct view v = { .y0 = 2, .top = 0, .rows = BIG, .draw = false };
	char date[16], where[64];
	int y, n;

	load(t, d);
	for (y = 1; y < LINES - 1; y++)
		tui_fill(t, y, 0, COLS, ROLE_NORMAL, " ");
	n = content(t, d, &v);
	v.rows = LINES - 3;
	if (d->top > n - v.rows)
		d->top = n - v.rows;
	if (d->top < 0)
		d->top = 0;
	d->lines = n;
	d->page = v.rows;
	v.top = d->top;
	v.draw = true;
	tui_textf(t, 1, 1, COLS - 2, ROLE_HEAD, "Day detail: %s  %s", tui_date(d->day, date),
		  d->found ? "logged" : "not logged");
	if (n > v.rows) {
		snprintf(where, sizeof where, "lines %d-%d of %d", v.top + 1, v.top + v.rows, n);
		tui_text(t, 1, COLS - 1 - tui_text_width(t, where), COLS, ROLE_DIM, where);
	}
	content(t, d, &v);
	if (!t->msg[0]) {
		tui_fill(t, LINES - 1, 0, COLS, ROLE_NORMAL, " ");
		tui_text(t, LINES - 1, 1, COLS - 2, ROLE_DIM,
			 n > v.rows ? "Up/Down PgUp/PgDn scroll  e edit on Today  Esc back"
				    : "e edit on Today  Esc/q back  ? help");
	}
}

/* Scrolling keys move top (tui_detail_draw clamps it). */
static bool scroll_key(struct tui_detail *d, const struct tui_key *k)
{
	int page = d->page > 1 ? d->page - 1 : 1;

	if (k->fn) {
		switch (k->code) {
		case KEY_UP: d->top--; return true;
		case KEY_DOWN: d->top++; return true;
		case KEY_PPAGE: d->top -= page; return true;
		case KEY_NPAGE: d->top += page; return true;
		case KEY_HOME: d->top = 0; return true;
		case KEY_END: d->top = d->lines; return true;
		default: return false;
		}
	}
	switch (k->code) {
	case 'k': d->top--; return true;
	case 'j': d->top++; return true;
	case ' ': d->top += page; return true;
	case 'g': d->top = 0; return true;
	case 'G': d->top = d->lines; return true;
	default: return false;
	}
}

bool tui_detail_key(struct tui *t, const struct tui_key *k)
{
	struct tui_detail *d = &t->detail;

	if (scroll_key(d, k))
		return true;
	if ((k->fn && k->code == KEY_ENTER) ||
	    (!k->fn && (k->code == '\n' || k->code == '\r' || k->code == 'e'))) {
		t->day = d->day;
		tui_show(t, TUI_TODAY);
		return true;
	}
	if ((!k->fn && (k->code == 27 || k->code == 'q' || k->code == 127 || k->code == 8)) ||
	    (k->fn && k->code == KEY_BACKSPACE)) {
		d->active = false;
		return true;
	}
	/* The keys every screen shares (screens, help, undo, redo, redraw) go on;
	 * the screen's own keys would act on what is hidden: none of them. */
	if (k->fn)
		return k->code != KEY_BTAB && k->code != KEY_F(1);
	if (k->code > 0 && k->code < 0x80 && strchr("?uU12345\t\f\022", k->code))
		return false;
	if (k->code > ' ' && k->code < 0x7f)
		tui_message(t, false, "'%c' does nothing in the day detail; Esc goes back, ? lists the keys",
			    k->code);
	return true;
}
