/* tui_plot.h - bar charts on the terminal (src/tui/plot.c), laid out by the
 * pure chart.c and drawn with block characters (ASCII outside UTF-8). */
#ifndef RESTWATCH_TUI_PLOT_H
#define RESTWATCH_TUI_PLOT_H

#include <stddef.h>

#include "chart.h"

struct tui;

#define TUI_PLOT_REFS 2
#define TUI_PLOT_LABEL 6 /* columns of the value labels left of a plot */

struct tui_plot {
	const double *v;     /* one value per column (NAN: no data) */
	const double *low;   /* NULL, or a low band: solid to low, shaded to v */
	size_t n;            /* columns */
	int colw;            /* cells per column */
	struct chart_axis ax;
	double ref[TUI_PLOT_REFS]; /* reference lines (NAN: none) */
	double warn_at;      /* bars above this are drawn as a warning (INFINITY: never) */
	double danger_at;    /* ... at or above this as a danger */
};

/* Draw p in rows cells from y (the top row) and x (where the value labels
 * start); the bars begin at x + TUI_PLOT_LABEL. */
void tui_plot_draw(struct tui *t, int y, int x, int rows, const struct tui_plot *p);

#endif
