/* pdf_api.h - cairo, pango and fontconfig, loaded when a PDF is written.
 *
 * Linking them would load about thirty shared libraries (glib, harfbuzz,
 * freetype, fontconfig, ...) at the start of every command: `restwatch
 * --version` took 10.6 ms instead of 0.7 ms.  So the PDF writer opens them
 * with dlopen the first time it runs and calls them through a table; the
 * headers still come from pkg-config (Makefile, PDF_PKGS).  Include this
 * after the libraries' headers: each function's name then means its entry
 * in the table.  Internal to src/report/pdf*.c. */
#ifndef RESTWATCH_PDF_API_H
#define RESTWATCH_PDF_API_H

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include "rwerr.h"

/* Every function the PDF writer calls. */
#define PDF_API_FUNCTIONS(X) \
	X(cairo_close_path) \
	X(cairo_create) \
	X(cairo_destroy) \
	X(cairo_fill) \
	X(cairo_font_options_create) \
	X(cairo_font_options_destroy) \
	X(cairo_font_options_set_hint_metrics) \
	X(cairo_font_options_set_hint_style) \
	X(cairo_line_to) \
	X(cairo_move_to) \
	X(cairo_pdf_surface_create_for_stream) \
	X(cairo_pdf_surface_set_metadata) \
	X(cairo_rectangle) \
	X(cairo_set_dash) \
	X(cairo_set_line_join) \
	X(cairo_set_line_width) \
	X(cairo_set_source_rgb) \
	X(cairo_show_page) \
	X(cairo_status_to_string) \
	X(cairo_stroke) \
	X(cairo_surface_destroy) \
	X(cairo_surface_finish) \
	X(cairo_surface_status) \
	X(g_object_unref) \
	X(pango_cairo_context_set_font_options) \
	X(pango_cairo_context_set_resolution) \
	X(pango_cairo_create_layout) \
	X(pango_cairo_font_map_set_default) \
	X(pango_cairo_show_layout) \
	X(pango_font_description_free) \
	X(pango_font_description_from_string) \
	X(pango_layout_context_changed) \
	X(pango_layout_copy) \
	X(pango_layout_get_context) \
	X(pango_layout_get_size) \
	X(pango_layout_set_alignment) \
	X(pango_layout_set_ellipsize) \
	X(pango_layout_set_font_description) \
	X(pango_layout_set_single_paragraph_mode) \
	X(pango_layout_set_text) \
	X(pango_layout_set_width) \
	X(pango_layout_set_wrap)

struct pdf_api {
#define PDF_API_ENTRY(name) __typeof__(name) *name;
	PDF_API_FUNCTIONS(PDF_API_ENTRY)
#undef PDF_API_ENTRY
};

extern struct pdf_api pdf_api;

/* Open the libraries and fill pdf_api once; RW_ESOFTWARE naming the
 * library or function that is missing. */
int pdf_api_load(struct rw_error *e);

#define cairo_close_path (*pdf_api.cairo_close_path)
#define cairo_create (*pdf_api.cairo_create)
#define cairo_destroy (*pdf_api.cairo_destroy)
#define cairo_fill (*pdf_api.cairo_fill)
#define cairo_font_options_create (*pdf_api.cairo_font_options_create)
#define cairo_font_options_destroy (*pdf_api.cairo_font_options_destroy)
#define cairo_font_options_set_hint_metrics (*pdf_api.cairo_font_options_set_hint_metrics)
#define cairo_font_options_set_hint_style (*pdf_api.cairo_font_options_set_hint_style)
#define cairo_line_to (*pdf_api.cairo_line_to)
#define cairo_move_to (*pdf_api.cairo_move_to)
#define cairo_pdf_surface_create_for_stream (*pdf_api.cairo_pdf_surface_create_for_stream)
#define cairo_pdf_surface_set_metadata (*pdf_api.cairo_pdf_surface_set_metadata)
#define cairo_rectangle (*pdf_api.cairo_rectangle)
#define cairo_set_dash (*pdf_api.cairo_set_dash)
#define cairo_set_line_join (*pdf_api.cairo_set_line_join)
#define cairo_set_line_width (*pdf_api.cairo_set_line_width)
#define cairo_set_source_rgb (*pdf_api.cairo_set_source_rgb)
#define cairo_show_page (*pdf_api.cairo_show_page)
#define cairo_status_to_string (*pdf_api.cairo_status_to_string)
#define cairo_stroke (*pdf_api.cairo_stroke)
#define cairo_surface_destroy (*pdf_api.cairo_surface_destroy)
#define cairo_surface_finish (*pdf_api.cairo_surface_finish)
#define cairo_surface_status (*pdf_api.cairo_surface_status)
#define g_object_unref (*pdf_api.g_object_unref)
#define pango_cairo_context_set_font_options (*pdf_api.pango_cairo_context_set_font_options)
#define pango_cairo_context_set_resolution (*pdf_api.pango_cairo_context_set_resolution)
#define pango_cairo_create_layout (*pdf_api.pango_cairo_create_layout)
#define pango_cairo_font_map_set_default (*pdf_api.pango_cairo_font_map_set_default)
#define pango_cairo_show_layout (*pdf_api.pango_cairo_show_layout)
#define pango_font_description_free (*pdf_api.pango_font_description_free)
#define pango_font_description_from_string (*pdf_api.pango_font_description_from_string)
#define pango_layout_context_changed (*pdf_api.pango_layout_context_changed)
#define pango_layout_copy (*pdf_api.pango_layout_copy)
#define pango_layout_get_context (*pdf_api.pango_layout_get_context)
#define pango_layout_get_size (*pdf_api.pango_layout_get_size)
#define pango_layout_set_alignment (*pdf_api.pango_layout_set_alignment)
#define pango_layout_set_ellipsize (*pdf_api.pango_layout_set_ellipsize)
#define pango_layout_set_font_description (*pdf_api.pango_layout_set_font_description)
#define pango_layout_set_single_paragraph_mode (*pdf_api.pango_layout_set_single_paragraph_mode)
#define pango_layout_set_text (*pdf_api.pango_layout_set_text)
#define pango_layout_set_width (*pdf_api.pango_layout_set_width)
#define pango_layout_set_wrap (*pdf_api.pango_layout_set_wrap)

#endif
