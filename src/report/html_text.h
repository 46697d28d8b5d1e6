/* html_text.h - escaping and the style sheet of the HTML report; internal
 * to src/report/. */
#ifndef RESTWATCH_HTML_TEXT_H
#define RESTWATCH_HTML_TEXT_H

#include <stdio.h>

/* s as HTML text or attribute value: the five special characters as
 * references, the colon and slashes of "://" and "//" too, and any byte
 * that is not well-formed UTF-8 as U+FFFD. */
void html_esc(FILE *f, const char *s);

/* Text of ours (a summary line, a warning) escaped, each YYYY-MM-DD date
 * in it kept on one line. */
void html_esc_dates(FILE *f, const char *s);

/* The <style> element: screen, dark mode and print. */
extern const char html_style[];

#endif
