/* tui_rest.h - timed rest in the TUI (src/tui/today_rest.c). */
#ifndef RESTWATCH_TUI_REST_H
#define RESTWATCH_TUI_REST_H

#include <stdbool.h>
#include <stddef.h>

#include "tui_draw.h"

struct tui;

/* b: lie down now, or get up now; false (with a message) when refused. */
bool tui_rest_toggle(struct tui *t);
/* "down 1:20" while lying down, else "". */
char *tui_rest_timer(struct tui *t, char *out, size_t n);
/* While lying down, put the timer before the alert in each of its n forms
 * (or make it the one form); returns the forms' count. */
int tui_rest_forms(struct tui *t, char forms[][64], int n, enum tui_role *role);
/* Each tick: true when the screen must be drawn again (the timer's minute
 * turned, or the nudge banner came: once per nudge period, with a bell
 * unless --no-bell). */
bool tui_rest_tick(struct tui *t);

#endif
