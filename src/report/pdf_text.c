/* pdf_text.c - text on the PDF's pages, set by pango (src/report/pdf.c
 * lays the pages out). */
#include <stdlib.h>
#include <string.h>

#include "pdf_draw.h"

/* Text repeats: a table's cells ("7 of 7", "none", the same numbers) and
 * the warnings (the same sentence episode after episode).  Each distinct
 * text is shaped once, in the counting run, and its layout and height used
 * again after (measured and drawn), which makes ten years of weekly rows
 * and warnings several times faster. */
#define LINE_SLOTS 512       /* the one-line cells' table */
#define WRAP_SLOTS 128       /* the wrapped texts' table, after it */
#define CACHE_TEXT 1024       /* longer texts are set every time */

struct pdf_cached {
	PangoLayout *layout;
	int font, align, width, one_line;
	double h;
	char *text;
};

static unsigned long cache_hash(const char *s, int font, int align, int width)
{
	unsigned long h = 5381u + (unsigned long)font * 31u + (unsigned long)align * 7u +
			  (unsigned long)width;
	while (*s)
		h = h * 33u ^ (unsigned char)*s++;
	return h;
}

/* The cached layout for a text, made on first use (*fresh: set it up and
 * measure it); NULL when the text is too long to cache, the table is full
 * there or memory is short. */
static struct pdf_cached *cache_get(struct pdf *p, const char *s, int font, int align,
				    int width, bool one_line, bool *fresh)
{
	unsigned long h;
	struct pdf_cached *c;
	int i;

	*fresh = false;
	if (!p->cache || strlen(s) >= CACHE_TEXT)
		return NULL;
	h = cache_hash(s, font, align, width);
	for (i = 0; i < 8; i++) {
		/* Wrapped texts apart, so that one-off cells (dates) never
		 * push them out. */
		c = one_line ? &p->cache[(h + (unsigned long)i) % LINE_SLOTS]
			     : &p->cache[LINE_SLOTS + (h + (unsigned long)i) % WRAP_SLOTS];
		if (!c->layout) {
			if (!(c->text = strdup(s)))
				return NULL;
			c->layout = pango_layout_copy(p->layout);
			c->font = font;
			c->align = align;
			c->width = width;
			c->one_line = one_line;
			*fresh = true;
			return c;
		}
		if (c->font == font && c->align == align && c->width == width &&
		    c->one_line == one_line && strcmp(c->text, s) == 0)
			return c;
	}
	return NULL;
}

void pdf_text_free(struct pdf *p)
{
	int i;

	for (i = 0; p->cache && i < LINE_SLOTS + WRAP_SLOTS; i++)
		if (p->cache[i].layout) {
			g_object_unref(p->cache[i].layout);
			free(p->cache[i].text);
		}
	free(p->cache);
	p->cache = NULL;
}

double pdf_text(struct pdf *p, double x, double y, double w, enum pdf_font font,
		const struct rgb *c, PangoAlignment align, bool one_line, const char *s)
{
	PangoLayout *l = p->layout;
	struct pdf_cached *k = NULL;
	bool fresh = true;
	int h;

	/* Measuring one line needs no layout once its font's height is known:
	 * this keeps the counting run over ten years cheap. */
	if (one_line && !p->draw && p->line_h[font] > 0)
		return p->line_h[font];
	if ((k = cache_get(p, s, (int)font, (int)align, (int)(w * 16), one_line, &fresh)))
		l = k->layout;
	if (k && !fresh) {
		if (p->draw) {
			cairo_move_to(p->cr, x, y);
			cairo_set_source_rgb(p->cr, c->r, c->g, c->b);
			pango_cairo_show_layout(p->cr, l);
		}
		return k->h;
	}
	pango_layout_set_font_description(l, p->font[font]);
	pango_layout_set_width(l, w > 0 ? (int)(w * PANGO_SCALE) : -1);
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_ellipsize(l, one_line ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
	pango_layout_set_single_paragraph_mode(l, one_line);
	pango_layout_set_alignment(l, align);
	pango_layout_set_text(l, s, -1);
	pango_layout_get_size(l, NULL, &h);
	if (one_line && *s)
		p->line_h[font] = (double)h / PANGO_SCALE;
	if (k)
		k->h = (double)h / PANGO_SCALE;
	if (p->draw) {
		cairo_move_to(p->cr, x, y);
		cairo_set_source_rgb(p->cr, c->r, c->g, c->b);
		pango_cairo_show_layout(p->cr, l);
	}
	return (double)h / PANGO_SCALE;
}

void pdf_text_cache(struct pdf *p)
{
	p->cache = calloc(LINE_SLOTS + WRAP_SLOTS, sizeof *p->cache);
}
