/* plot.c - a bar chart in terminal cells: bars in eighths of a cell from
 * chart.c, reference lines where no bar covers them, a low-high band drawn
 * solid then shaded, a dot for a column without data (so a gap never
 * looks like a zero; every chart draws a gap so), and a mark on a bar cut
 * at the axis's top.
 */
#include <math.h>
#include <stdio.h>

#include "tui_app.h"
#include "tui_plot.h"

/* Axis labels as short as the value allows: 24, 2.5, 0.25. */
/* A label for an axis value: "24", "2.5", "0.25". */
static char *tui_plot_num(double v, char *out, size_t n)
{
	if (fabs(v - round(v)) < 1e-9)
		snprintf(out, n, "%.0f", v);
	else if (fabs(v * 10 - round(v * 10)) < 1e-9)
		snprintf(out, n, "%.1f", v);
	else
		snprintf(out, n, "%.2f", v);
	return out;
}

/* A bar past a threshold changes colour, as the lines it crosses. */
static enum tui_role bar_role(const struct tui_plot *p, double v)
{
	if (v >= p->danger_at)
		return ROLE_DANGER;
	if (v > p->warn_at)
		return ROLE_WARN;
	return ROLE_BAR;
}

/* One cell of column c at cell row r. */
static void draw_cell(struct tui *t, const struct tui_plot *p, size_t c, int r, int rows, int y,
		      int x, const int refs[TUI_PLOT_REFS])
{
	double v = p->v[c];
	int ce, k, i;

	if (isnan(v) && r == 0) {
		for (i = 0; i < p->colw; i++)
			tui_text(t, y, x + i, 1, ROLE_DIM, tui_glyph(t, G_EMPTY));
		return;
	}
	ce = isnan(v) ? 0 : chart_cell_eighths(chart_bar_eighths(&p->ax, v, rows), r);
	if (p->low && !isnan(v)) {
		int cl = isnan(p->low[c]) ? 0
					  : chart_cell_eighths(chart_bar_eighths(&p->ax, p->low[c], rows), r);
		for (i = 0; i < p->colw; i++) {
			if (cl > 0)
				tui_text(t, y, x + i, 1, ROLE_BAR, tui_block(t, cl));
			else if (ce > 0)
				tui_text(t, y, x + i, 1, ROLE_BAND, tui_glyph(t, G_SHADE));
		}
		if (cl > 0 || ce > 0)
			return;
	} else if (ce > 0) {
		/* a bar cut at the axis's top says so in its top cell */
		bool cut = r == rows - 1 && v > p->ax.hi;
		for (i = 0; i < p->colw; i++)
			tui_text(t, y, x + i, 1, bar_role(p, v),
				 cut ? tui_glyph(t, G_CLIP) : tui_block(t, ce));
		return;
	}
	for (k = 0; k < TUI_PLOT_REFS; k++)
		if (refs[k] == r)
			for (i = 0; i < p->colw; i++)
				tui_text(t, y, x + i, 1, ROLE_DIM, tui_glyph(t, G_REF));
}

/* Labels left, bars bottom-up, reference lines named at their right end. */
void tui_plot_draw(struct tui *t, int y, int x, int rows, const struct tui_plot *p)
{
	int refs[TUI_PLOT_REFS], r, k, px = x + TUI_PLOT_LABEL;
	char num[32];
	size_t c;

	if (rows < 1)
		return;
	for (k = 0; k < TUI_PLOT_REFS; k++)
		refs[k] = chart_row_of(&p->ax, p->ref[k], rows);
	tui_textf(t, y, x, TUI_PLOT_LABEL - 1, ROLE_DIM, "%5s", tui_plot_num(p->ax.hi, num, sizeof num));
	if (rows > 1)
		tui_textf(t, y + rows - 1, x, TUI_PLOT_LABEL - 1, ROLE_DIM, "%5s",
			  tui_plot_num(p->ax.lo, num, sizeof num));
	for (r = 0; r < rows; r++) {
		int cy = y + rows - 1 - r;
		tui_text(t, cy, px - 1, 1, ROLE_DIM, tui_glyph(t, G_VLINE));
		for (c = 0; c < p->n; c++)
			draw_cell(t, p, c, r, rows, cy, px + (int)c * p->colw, refs);
	}
	/* Name each reference line at its right end. */
	for (k = 0; k < TUI_PLOT_REFS; k++)
		if (refs[k] >= 0)
			tui_text(t, y + rows - 1 - refs[k], px + (int)p->n * p->colw + 1, 6, ROLE_DIM,
				 tui_plot_num(p->ref[k], num, sizeof num));
}
