/* utf8.h - UTF-8 validation; pure. */
#ifndef RESTWATCH_UTF8_H
#define RESTWATCH_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* Length (1-4) of the well-formed UTF-8 sequence starting at s, or 0 when
 * the bytes there are not one (overlong forms, surrogates and code points
 * past U+10FFFF are not well formed).  s must be NUL-terminated. */
size_t utf8_seq(const char *s);

/* True when the NUL-terminated string s is entirely well-formed UTF-8. */
bool utf8_valid(const char *s);

#endif
