/* paste.c - bracketed paste (the terminal's \e[?2004h mode): pasted text
 * arrives between two brackets and is taken as text, never as keys.
 */
#include <curses.h>
#include <stdio.h>
#include <wchar.h>

#include "tui_app.h"

enum { PASTE_MAX = 16384 };

_Static_assert(KEY_PASTE_BEGIN > KEY_MAX, "the paste codes must not be curses keys");

void tui_paste_mode(bool on)
{
	fputs(on ? "\033[?2004h" : "\033[?2004l", stdout);
	fflush(stdout);
}

/* Everything up to the closing bracket is text, never keys: it goes into
 * the open prompt or picker, and is ignored (with a message) when none is
 * open.  Text past PASTE_MAX is read and dropped. */
void tui_paste_read(struct tui *t)
{
	static wchar_t buf[PASTE_MAX];
	size_t n = 0, dropped = 0;
	wint_t wc;
	int rc;

	while ((rc = get_wch(&wc)) != ERR) {
		if (rc == KEY_CODE_YES && wc == KEY_PASTE_END)
			break;
		if (rc == KEY_CODE_YES)
			continue;
		if (n < PASTE_MAX)
			buf[n++] = (wchar_t)wc;
		else
			dropped++;
	}
	t->msg[0] = '\0';
	if (t->help || t->confirm.active || !tui_widget_paste(t, buf, n))
		tui_message(t, false, "pasted text ignored: open a prompt first (n for the note, ? for keys)");
	else if (dropped)
		tui_message(t, true, "pasted text: only the first %d characters were taken", PASTE_MAX);
}
