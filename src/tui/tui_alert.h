/* tui_alert.h - the alert every screen carries in the top bar, and the
 * red-flag block that opens Today (src/tui/alert.c). */
#ifndef RESTWATCH_TUI_ALERT_H
#define RESTWATCH_TUI_ALERT_H

#include "engine.h"
#include "tui_draw.h"

struct tui;

#define TUI_ALERT_FORMS 3

/* The alert for projection p, longest form first: forms[0..n-1] (each
 * with a leading space) and the role to draw it in.  Returns
 * n, 0 when p needs no alert.  The shortest form fits 60 columns beside
 * the tabs (13 columns). */
int tui_alert_forms(const struct tui *t, const struct engine_proj *p,
		    char forms[TUI_ALERT_FORMS][64], enum tui_role *role);

/* The red-flag block for a day whose entry is en (may be NULL): the
 * engine's urgent line wrapped over up to rows rows of the full width from
 * y, never cut.  Returns the rows used (0 when p has no red flag). */
int tui_red_flag_draw(struct tui *t, const struct engine_proj *p, const struct entry *en, int y,
		      int rows);

#endif
