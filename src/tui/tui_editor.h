/* tui_editor.h - a long text in the user's $EDITOR (src/tui/editor.c). */
#ifndef RESTWATCH_TUI_EDITOR_H
#define RESTWATCH_TUI_EDITOR_H

#include <stddef.h>

#include "rwerr.h"

/* Bytes of an edited file read back at most (a note holds NOTE_MAX; a
 * longer text is kept for the user to shorten, up to this). */
#define TUI_EDITOR_MAX (1 << 20)

/* Put text in a temporary 0600 file, run $VISUAL (else $EDITOR, else vi)
 * on it with the screen handed over, and read the result whole into *out
 * (malloc'd, NUL-terminated, trailing newlines removed; the caller frees
 * it).  The file is removed afterwards.  RW_EDATA when the editor failed
 * or the file grew past TUI_EDITOR_MAX; *out is untouched then. */
int tui_editor_edit(const char *text, char **out, struct rw_error *e);

#endif
