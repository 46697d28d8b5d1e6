/* tui_editor.h - a long text in the user's $EDITOR (src/tui/editor.c). */
#ifndef RESTWATCH_TUI_EDITOR_H
#define RESTWATCH_TUI_EDITOR_H

#include <stddef.h>

#include "rwerr.h"

/* Put text in a temporary 0600 file, run $EDITOR (else $VISUAL, else vi)
 * on it with the screen handed over, and read the result into out (cap
 * bytes, NUL-terminated, trailing newlines removed).  The file is removed
 * afterwards.  RW_EDATA when the result does not fit or the editor
 * failed; out is untouched then. */
int tui_editor_edit(const char *text, char *out, size_t cap, struct rw_error *e);

#endif
