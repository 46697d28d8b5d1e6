/* pdf_text.c - text on the PDF's pages, set by pango (src/report/pdf.c
 * lays the pages out). */
#include <stdlib.h>
#include <string.h>

#include "pdf_draw.h"

/* A table's cells repeat ("7 of 7", "none", the same numbers): each
 * distinct one-line cell is shaped once and its layout drawn again, which
 * makes ten years of weekly rows several times faster. */
#define CACHE_SLOTS 256
#define CACHE_TEXT 48

struct pdf_cached {
	PangoLayout *layout;
	int font, align, width;
	char text[CACHE_TEXT];
};

static unsigned long cache_hash(const char *s, int font, int align, int width)
{
	unsigned long h = 5381u + (unsigned long)font * 31u + (unsigned long)align * 7u +
			  (unsigned long)width;
	while (*s)
		h = h * 33u ^ (unsigned char)*s++;
	return h;
}

/* The cached layout for a one-line cell, made on first use; NULL when the
 * text is too long to cache or the table is full there. */
static PangoLayout *cache_get(struct pdf *p, const char *s, int font, int align, int width,
			      bool *fresh)
{
	unsigned long h;
	struct pdf_cached *c;
	int i;

	*fresh = false;
	if (!p->cache || strlen(s) >= CACHE_TEXT)
		return NULL;
	h = cache_hash(s, font, align, width);
	for (i = 0; i < 8; i++) {
		c = &p->cache[(h + (unsigned long)i) % CACHE_SLOTS];
		if (!c->layout) {
			c->layout = pango_layout_copy(p->layout);
			c->font = font;
			c->align = align;
			c->width = width;
			snprintf(c->text, sizeof c->text, "%s", s);
			*fresh = true;
			return c->layout;
		}
		if (c->font == font && c->align == align && c->width == width &&
		    strcmp(c->text, s) == 0)
			return c->layout;
	}
	return NULL;
}

void pdf_text_free(struct pdf *p)
{
	int i;

	for (i = 0; p->cache && i < CACHE_SLOTS; i++)
		if (p->cache[i].layout)
			g_object_unref(p->cache[i].layout);
	free(p->cache);
	p->cache = NULL;
}

double pdf_text(struct pdf *p, double x, double y, double w, enum pdf_font font,
		const struct rgb *c, PangoAlignment align, bool one_line, const char *s)
{
	PangoLayout *l = p->layout;
	bool fresh = true;
	int h;

	/* Measuring one line needs no layout once its font's height is known:
	 * this keeps the counting run over ten years cheap. */
	if (one_line && !p->draw && p->line_h[font] > 0)
		return p->line_h[font];
	if (one_line && p->draw) {
		PangoLayout *k = cache_get(p, s, (int)font, (int)align, (int)(w * 16), &fresh);
		if (k)
			l = k;
		else
			fresh = true;
	}
	if (!fresh) {
		cairo_move_to(p->cr, x, y);
		cairo_set_source_rgb(p->cr, c->r, c->g, c->b);
		pango_cairo_show_layout(p->cr, l);
		return p->line_h[font];
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
	if (p->draw) {
		cairo_move_to(p->cr, x, y);
		cairo_set_source_rgb(p->cr, c->r, c->g, c->b);
		pango_cairo_show_layout(p->cr, l);
	}
	return (double)h / PANGO_SCALE;
}

void pdf_text_cache(struct pdf *p)
{
	p->cache = calloc(CACHE_SLOTS, sizeof *p->cache);
}
