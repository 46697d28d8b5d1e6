/* alert.c - the top bar's alert and Today's red-flag block.
 *
 * A red flag outranks every level (docs/model.md, red flags): it is named
 * first wherever the day shows, in the engine's own words (advice.c).  The
 * top bar carries the last logged day's alert on every screen, in a
 * shorter form as the window narrows, down to 60 columns.
 */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "advice.h"
#include "tui_alert.h"
#include "tui_app.h"

/* "2026-03-05" -> "03-05" for the compact forms. */
static const char *month_day(const char *iso)
{
	return strlen(iso) == 10 ? iso + 5 : iso;
}

int tui_alert_forms(const struct tui *t, const struct engine_proj *p,
		    char forms[TUI_ALERT_FORMS][64], enum tui_role *role)
{
	const char *warn = tui_glyph(t, G_WARN);
	char date[DATE_BUFSZ], hs[32];
	/* hours on their side of the limit: 48.4 past 48 never reads "48" */
	const char *h = advice_hours(p->rest_clock_hours, t->params.threshold_hours, hs, sizeof hs);

	date_format(p->day, date);
	*role = ROLE_ALERT;
	if (p->urgency == URGENCY_EMERGENCY) {
		snprintf(forms[0], 64, " %s EMERGENCY red flag %s ", warn, date);
		snprintf(forms[1], 64, " %s EMERGENCY %s ", warn, month_day(date));
		snprintf(forms[2], 64, " %s EMERG %s", warn, month_day(date));
	} else if (p->red_flag) {
		snprintf(forms[0], 64, " %s URGENT red flag %s ", warn, date);
		snprintf(forms[1], 64, " %s URGENT %s ", warn, month_day(date));
		snprintf(forms[2], 64, " %s URG %s", warn, month_day(date));
	} else if (p->level == LEVEL_CLOT_RISK) {
		snprintf(forms[0], 64, " %s clot-risk %s %s h ", warn, date, h);
		snprintf(forms[1], 64, " %s clot-risk %s h ", warn, h);
		snprintf(forms[2], 64, " %s clot %sh", warn, h);
	} else if (p->level == LEVEL_DECONDITIONING) {
		*role = ROLE_BANNER_WARN;
		snprintf(forms[0], 64, " %s %s %s %s h ", warn, engine_level_name(p->level), date, h);
		snprintf(forms[1], 64, " %s past %g h: %s h ", warn, t->params.threshold_hours, h);
		snprintf(forms[2], 64, " %s rest %sh", warn, h);
	} else if (p->clot_watch) {
		*role = ROLE_BANNER_WARN;
		snprintf(forms[0], 64, " %s clot watch %s ", warn, date);
		snprintf(forms[1], 64, " %s clot watch ", warn);
		snprintf(forms[2], 64, " %s clot watch", warn);
	} else {
		return 0;
	}
	return TUI_ALERT_FORMS;
}

int tui_red_flag_draw(struct tui *t, const struct engine_proj *p, const struct entry *en, int y,
		      int rows)
{
	char urgent[512];
	int i, used;

	if (!p->red_flag || rows < 1)
		return 0;
	advice_red_flag(p, en, urgent, sizeof urgent);
	for (i = 0; i < rows; i++)
		tui_fill(t, y + i, 0, COLS, ROLE_ALERT, " ");
	used = tui_wrap(t, y, 1, COLS - 2, rows, ROLE_ALERT, urgent);
	for (i = used; i < rows; i++)
		tui_fill(t, y + i, 0, COLS, ROLE_NORMAL, " ");
	return used;
}
