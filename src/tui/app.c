/* app.c - the TUI's main loop: terminal setup and restore, signals, resize,
 * polling the journal for other writers, drawing the frame and handing
 * each key to whoever owns it (help, a widget, the global keys, the
 * screen).
 *
 * The loop wakes every TICK_MS even without a key, so that a SIGTERM or
 * SIGHUP (whose handler only sets a flag) ends it promptly and a change
 * made by another restwatch shows up within a second.
 */
#include <curses.h>
#include <errno.h>
#include <langinfo.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "tui.h"
#include "tui_rest.h"
#include "tui_app.h"
#include "tui_mouse.h"

#define TICK_MS 250

enum { K_CTRL_L = 12, K_CTRL_R = 18, K_ESC = 27 };

/* Set by the signal handler only; the loop does the rest. */
static volatile sig_atomic_t quit_signal;

/* Async-signal-safe: only a flag; the loop restores the terminal. */
static void on_quit_signal(int sig)
{
	quit_signal = sig;
}

/* Catch SIGTERM, SIGHUP and SIGINT before curses starts, so that ncurses
 * leaves them to us (it only installs its own on default handlers) and the
 * terminal is restored by the normal way out. */
static void catch_signals(struct sigaction old[3])
{
	static const int sigs[3] = { SIGTERM, SIGHUP, SIGINT };
	struct sigaction sa;
	int i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_quit_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0; /* no SA_RESTART: a signal wakes get_wch at once */
	quit_signal = 0;
	for (i = 0; i < 3; i++)
		sigaction(sigs[i], &sa, &old[i]);
}

/* Give the caller back the handlers it had before tui_run. */
static void restore_signals(const struct sigaction old[3])
{
	static const int sigs[3] = { SIGTERM, SIGHUP, SIGINT };
	int i;

	for (i = 0; i < 3; i++)
		sigaction(sigs[i], &old[i], NULL);
}

/* One line of feedback per key: what was saved, undone or refused. */
void tui_message(struct tui *t, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->msg, sizeof t->msg, fmt, ap);
	va_end(ap);
	t->msg_error = error;
}

/* Widgets ask for the cursor; the frame shows it once, at the end. */
void tui_cursor(struct tui *t, int y, int x)
{
	t->cursor = true;
	t->cy = y;
	t->cx = x;
}

/* An open widget owns every key, q included (it may be typed text). */
bool tui_modal(const struct tui *t)
{
	return t->prompt.active || t->picker.active || t->confirm.active;
}

/* Dates on screen are ISO with the weekday, which people navigate by. */
char *tui_date(rw_day day, char *out)
{
	char iso[DATE_BUFSZ];

	snprintf(out, 16, "%s %s", date_weekday_name(day), date_format(day, iso));
	return out;
}

/* Switching screens closes the help, which described the old one. */
void tui_show(struct tui *t, int screen)
{
	if (screen >= 0 && screen < tui_screen_count)
		t->screen = screen;
	t->help = false;
	t->detail.active = false;
}

/* u on any screen: the journal's own undo, then say what it reverted so
 * nothing changes silently; U or Ctrl-R redoes it, until another change. */
void tui_undo(struct tui *t, bool redo)
{
	struct rw_error e = { 0, "" };
	struct journal_change c;

	if ((redo ? journal_redo(t->j, &c, &e) : journal_undo(t->j, &c, &e)) != 0) {
		if (e.code == RW_EDATA)
			tui_message(t, false, redo ? "nothing to redo" : "nothing to undo");
		else
			tui_message(t, true, "%s", e.msg);
		return;
	}
	tui_message(t, false, redo ? "redone: %s (u undoes)" : "undone: %s (U redoes)", c.text);
}

/* ---- the frame --------------------------------------------------------- */

/* Keys as "k label  k label": each key in bold; returns the columns used. */
static int draw_keys(struct tui *t, int y, int x, int w, const char *s)
{
	int x0 = x, end = x + w;

	while (*s && x < end) {
		const char *sp = strchr(s, ' '), *stop = strstr(s, "  ");
		char item[80];
		size_t klen = sp ? (size_t)(sp - s) : strlen(s);
		size_t ilen = stop ? (size_t)(stop - s) : strlen(s);

		if (klen > ilen)
			klen = ilen;
		if ((x > x0 ? 2 : 0) + (int)ilen > end - x)
			break; /* whole items only */
		if (x > x0)
			x += tui_text(t, y, x, end - x, ROLE_NORMAL, "  ");
		snprintf(item, sizeof item, "%.*s", (int)klen, s);
		x += tui_text(t, y, x, end - x, ROLE_KEY, item);
		snprintf(item, sizeof item, "%.*s", (int)(ilen - klen), s + klen);
		x += tui_text(t, y, x, end - x, ROLE_DIM, item);
		s += ilen;
		while (*s == ' ')
			s++;
	}
	return x - x0;
}

/* The status line: a message when there is one, else the screen's keys
 * with the keys every screen shares kept visible at the right. */
static void draw_status(struct tui *t)
{
	static const char global[] = "u undo  ? help  q quit";
	int y = LINES - 1, gw = (int)strlen(global);

	tui_fill(t, y, 0, COLS, ROLE_NORMAL, " ");
	if (t->msg[0]) {
		tui_text(t, y, 1, COLS - 2, t->msg_error ? ROLE_ERROR : ROLE_OK, t->msg);
		return;
	}
	draw_keys(t, y, 1, COLS - gw - 4, tui_screens[t->screen]->status);
	draw_keys(t, y, COLS - gw - 1, gw, global);
}

/* Below the smallest usable size: a short note, drawn only as far as it
 * fits (down to a single cell). */
static void draw_tiny(struct tui *t)
{
	char text[96];

	snprintf(text, sizeof text, "restwatch needs a %dx%d terminal (now %dx%d); q quits",
		 TUI_MIN_COLS, TUI_MIN_ROWS, COLS, LINES);
	tui_wrap(t, 0, 0, COLS, LINES, ROLE_NORMAL, text);
}

/* curs_set writes to the terminal at once: only when it changes. */
static void set_cursor(bool on)
{
	static int shown = -1; /* what the terminal has, to avoid resending */

	if (shown != (int)on)
		curs_set(on ? 1 : 0);
	shown = on;
}

/* One whole frame from the caches; curses sends only what changed. */
static void draw(struct tui *t)
{
	t->cursor = false;
	erase();
	if (COLS < TUI_MIN_COLS || LINES < TUI_MIN_ROWS) {
		draw_tiny(t);
	} else {
		tui_top_draw(t);
		tui_screens[t->screen]->draw(t, t->state[t->screen], 1, LINES - 2);
		draw_status(t);
		if (t->detail.active)
			tui_detail_draw(t);
		if (t->prompt.active)
			tui_prompt_draw(t);
		if (t->confirm.active)
			tui_confirm_draw(t);
		if (t->picker.active)
			tui_picker_draw(t);
		if (t->help)
			tui_help_draw(t, tui_screens[t->screen]);
	}
	if (t->cursor)
		move(t->cy, t->cx);
	set_cursor(t->cursor);
	refresh();
}

/* ---- keys ------------------------------------------------------------------ */

/* The arrows and page keys scroll an open help; false for other keys. */
static bool help_scroll(struct tui *t, const struct tui_key *k)
{
	int page = t->help_page > 1 ? t->help_page - 1 : 1;

	if (k->fn && k->code == KEY_UP)
		t->help_top--;
	else if (k->fn && k->code == KEY_DOWN)
		t->help_top++;
	else if (k->fn && k->code == KEY_PPAGE)
		t->help_top -= page;
	else if (k->fn && k->code == KEY_NPAGE)
		t->help_top += page;
	else if (k->fn && k->code == KEY_HOME)
		t->help_top = 0;
	else if (k->fn && k->code == KEY_END)
		t->help_top = t->help_rows;
	else
		return false;
	return true; /* tui_help_draw clamps it */
}

/* Help first (the arrows scroll it, any other key closes it), then an open widget (it owns every key),
 * then the keys every screen shares, then the screen's own. */
static void dispatch(struct tui *t, const struct tui_key *k)
{
	bool small = COLS < TUI_MIN_COLS || LINES < TUI_MIN_ROWS;

	if (t->detail.active && !t->help && !small && !tui_modal(t) && tui_detail_key(t, k))
		return;
	/* Too small a window shows only "q quits": then it does, even with a
	 * prompt open (its text cannot be seen to be typed into). */
	if (!k->fn && k->code == 'q' && (!tui_modal(t) || small)) {
		t->quit = true;
		return;
	}
	if (t->help) {
		if (!help_scroll(t, k))
			t->help = false;
		return;
	}
	if (small)
		return;
	if (t->confirm.active) {
		tui_confirm_key(t, k);
		return;
	}
	if (t->picker.active) {
		tui_picker_key(t, k);
		return;
	}
	if (t->prompt.active) {
		tui_prompt_key(t, k);
		return;
	}
	if (k->fn && k->code == KEY_F(1)) {
		t->help = true;
		t->help_top = 0;
		return;
	}
	if (k->fn && k->code == KEY_BTAB) {
		tui_show(t, (t->screen + tui_screen_count - 1) % tui_screen_count);
		return;
	}
	if (!k->fn && tui_screen_by_key(k->code) >= 0) {
		tui_show(t, tui_screen_by_key(k->code));
		return;
	}
	if (!k->fn) {
		switch (k->code) {
		case '\t':
			tui_show(t, (t->screen + 1) % tui_screen_count);
			return;
		case '?':
			t->help = true;
			t->help_top = 0;
			return;
		case 'u': case 'U': case K_CTRL_R:
			tui_undo(t, k->code != 'u');
			return;
		case K_CTRL_L:
			clearok(curscr, TRUE);
			return;
		case K_ESC:
			return;
		default:
			break;
		}
	}
	if (!tui_screens[t->screen]->key(t, t->state[t->screen], k) && !k->fn && k->code > ' ' &&
	    k->code < 0x7f)
		tui_message(t, false, "'%c' does nothing on %s; ? lists the keys", k->code,
			    tui_screens[t->screen]->name);
}

/* A monotonic clock, to tell a timeout from input that fails at once. */
static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Until q or a signal.  A key (or a resize) redraws; a quiet tick only
 * redraws when the journal changed.  Input that keeps failing at once
 * means the terminal is gone (a hangup without SIGHUP): stop then. */
static void loop(struct tui *t)
{
	bool dirty = true;
	int rapid = 0;

	while (!t->quit && !quit_signal) {
		struct tui_key k;
		wint_t wc = 0;
		long started;
		int rc, n, work;

		if (dirty)
			draw(t);
		dirty = false;
		/* a screen still reading its data reads a slice between keys */
		if ((work = tui_screens_work(t)) == TUI_WORK_DONE) {
			dirty = true;
			continue;
		}
		started = now_ms();
		errno = 0;
		timeout(work == TUI_WORK_MORE ? 0 : TICK_MS);
		rc = get_wch(&wc);
		timeout(TICK_MS);
		if (quit_signal)
			break;
		if (rc == ERR && work == TUI_WORK_MORE)
			continue;
		if (rc == ERR) {
			if (errno != EINTR && now_ms() - started < TICK_MS / 5) {
				if (++rapid > 100)
					break;
			} else {
				rapid = 0;
			}
			if (tui_sync(t))
				dirty = true;
			if (tui_rest_tick(t))
				dirty = true;
			continue;
		}
		rapid = 0;
		k.fn = rc == KEY_CODE_YES;
		k.code = (int)wc;
		dirty = true;
		if (k.fn && k.code == KEY_RESIZE)
			continue;
		if (k.fn && (k.code == KEY_PASTE_BEGIN || k.code == KEY_PASTE_END)) {
			if (k.code == KEY_PASTE_BEGIN)
				tui_paste_read(t);
			continue;
		}
		t->msg[0] = '\0';
		tui_sync(t);
		for (n = tui_mouse(t, &k); n > 0; n--)
			dispatch(t, &k);
		/* What a key changed (an edit, undo, a setting) shows at once. */
		tui_sync(t);
	}
}

/* Home, End and Shift-Tab as tmux, screen, rxvt and xterm send them,
 * whatever TERM's terminfo says: a terminal multiplexer often sends
 * sequences its TERM does not list, and an unknown sequence would arrive
 * as Esc, '[', '1', '~' -- keys with meanings of their own here. */
static void extra_keys(void)
{
	static const struct {
		const char *seq;
		int key;
	} extra[] = {
		{ "\033[1~", KEY_HOME }, { "\033[4~", KEY_END }, { "\033[7~", KEY_HOME },
		{ "\033[8~", KEY_END },  { "\033[H", KEY_HOME }, { "\033[F", KEY_END },
		{ "\033OH", KEY_HOME },  { "\033OF", KEY_END },  { "\033[Z", KEY_BTAB },
		{ "\033[200~", KEY_PASTE_BEGIN }, { "\033[201~", KEY_PASTE_END },
	};
	size_t i;

	for (i = 0; i < sizeof extra / sizeof extra[0]; i++)
		if (key_defined(extra[i].seq) == 0)
			define_key(extra[i].seq, extra[i].key);
}

/* A terminal without cursor addressing (TERM=dumb, an unknown TERM that
 * ncurses falls back on) cannot show a full-screen interface. */
static bool cursor_moves(void)
{
	char cup[] = "cup";
	const char *s = tigetstr(cup);

	return s && s != (const char *)-1 && *s;
}

/* The glyph set follows the locale's character set (main called
 * setlocale(LC_CTYPE, "")), never TERM. */
static bool utf8_locale(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

/* The terminal is restored on every way out: q, a signal, or input gone. */
int tui_run(struct journal *j, const struct tui_opts *o, struct rw_error *e)
{
	struct sigaction old[3];
	const char *nc = getenv("NO_COLOR");
	SCREEN *scr = NULL;
	struct tui *t;
	int r = 0;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return rw_fail(e, RW_EUSAGE,
			       "the interface needs a terminal; see restwatch --help for the commands");
	if (!(t = calloc(1, sizeof *t)))
		return rw_fail(e, RW_ENOMEM, "out of memory");
	t->j = j;
	t->today = o->today;
	t->no_bell = o->no_bell;
	t->day = o->today;
	if ((r = tui_screens_open(t, e)) != 0)
		goto out;
	catch_signals(old);
	if (!(scr = newterm(NULL, stdout, stdin))) {
		restore_signals(old);
		r = rw_fail(e, RW_EUSAGE, "cannot drive this terminal (TERM=%s)",
			    getenv("TERM") ? getenv("TERM") : "unset");
		goto out;
	}
	set_term(scr);
	if (!cursor_moves()) {
		endwin();
		delscreen(scr);
		restore_signals(old);
		r = rw_fail(e, RW_EUSAGE,
			    "the interface needs a terminal that can move the cursor, and TERM=%s cannot; "
			    "set TERM (e.g. xterm-256color) or use the commands (restwatch --help)",
			    getenv("TERM") ? getenv("TERM") : "unset");
		goto out;
	}
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	extra_keys();
	set_escdelay(25);
	timeout(TICK_MS);
	tui_draw_init(t, utf8_locale(), !o->no_color && !(nc && *nc));
	tui_sync(t);
	tui_paste_mode(true);
	tui_mouse_on();
	loop(t);
	tui_paste_mode(false);
	endwin();
	delscreen(scr);
	restore_signals(old);
out:
	tui_screens_close(t);
	tui_days_free(&t->days);
	free(t);
	return r;
}
