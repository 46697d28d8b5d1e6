/* widgets.c - the line editor, the bottom-line prompt and the yes/no
 * question (the type-ahead picker is in picker.c).
 *
 * They are state machines fed by the main loop rather than loops of their
 * own, so that a resize, a SIGTERM or another process's change is handled
 * the same way whether a prompt is open or not.
 */
#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "tui_app.h"
#include "utf8.h"

enum { K_ESC = 27, K_DEL = 127, K_BS = 8, K_CTRL_A = 1, K_CTRL_E = 5, K_CTRL_K = 11,
       K_CTRL_U = 21, K_CTRL_W = 23 };

/* ---- the line editor --------------------------------------------------- */

/* UTF-8 bytes of one code point (the journal stores UTF-8 whatever the
 * locale, so this does not go through wcrtomb). */
static size_t enc_len(unsigned long c)
{
	return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

/* The inverse of tui_line_set's decoding. */
static size_t encode(unsigned long c, char *out)
{
	size_t n = enc_len(c);

	switch (n) {
	case 1:
		out[0] = (char)c;
		break;
	case 2:
		out[0] = (char)(0xc0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3f));
		break;
	case 3:
		out[0] = (char)(0xe0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		out[2] = (char)(0x80 | (c & 0x3f));
		break;
	default:
		out[0] = (char)(0xf0 | (c >> 18));
		out[1] = (char)(0x80 | ((c >> 12) & 0x3f));
		out[2] = (char)(0x80 | ((c >> 6) & 0x3f));
		out[3] = (char)(0x80 | (c & 0x3f));
		break;
	}
	return n;
}

/* Decode well-formed UTF-8 only; anything else is skipped, so a damaged
 * byte can never reach the journal through an edit. */
void tui_line_set(struct tui_line *l, const char *utf8, size_t max_bytes)
{
	const unsigned char *u;
	size_t n;

	memset(l, 0, sizeof *l);
	l->max_bytes = max_bytes;
	while (utf8 && *utf8 && l->len < TUI_LINE_MAX) {
		unsigned long c;
		u = (const unsigned char *)utf8;
		n = utf8_seq(utf8);
		if (n == 0) {
			utf8++;
			continue;
		}
		if (n == 1)
			c = u[0];
		else if (n == 2)
			c = ((unsigned long)(u[0] & 0x1f) << 6) | (u[1] & 0x3f);
		else if (n == 3)
			c = ((unsigned long)(u[0] & 0x0f) << 12) |
			    ((unsigned long)(u[1] & 0x3f) << 6) | (u[2] & 0x3f);
		else
			c = ((unsigned long)(u[0] & 0x07) << 18) |
			    ((unsigned long)(u[1] & 0x3f) << 12) |
			    ((unsigned long)(u[2] & 0x3f) << 6) | (u[3] & 0x3f);
		l->buf[l->len++] = (wchar_t)c;
		utf8 += n;
	}
	l->cur = l->len;
	l->fresh = l->len > 0;
}

/* The byte budget is what the journal limits (a note is 4096 bytes). */
static size_t line_bytes(const struct tui_line *l)
{
	size_t i, n = 0;

	for (i = 0; i < l->len; i++)
		n += enc_len((unsigned long)l->buf[i]);
	return n;
}

/* UTF-8 of the edited text, cut on a character boundary if n is short. */
void tui_line_text(const struct tui_line *l, char *out, size_t n)
{
	size_t i, o = 0;
	char tmp[4];

	for (i = 0; i < l->len; i++) {
		size_t k = encode((unsigned long)l->buf[i], tmp);
		if (o + k >= n)
			break;
		memcpy(out + o, tmp, k);
		o += k;
	}
	if (n)
		out[o] = '\0';
}

/* Remove count code points at at, keeping the cursor on the same text. */
static void line_delete(struct tui_line *l, size_t at, size_t count)
{
	if (at >= l->len)
		return;
	if (count > l->len - at)
		count = l->len - at;
	memmove(l->buf + at, l->buf + at + count, (l->len - at - count) * sizeof l->buf[0]);
	l->len -= count;
	if (l->cur > at)
		l->cur = l->cur >= at + count ? l->cur - count : at;
}

/* Insert c when it fits the byte budget; a control character never gets
 * in (a note's newlines come through $EDITOR only). */
static void line_insert(struct tui_line *l, wchar_t c)
{
	if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c > 0x10ffff ||
	    (c >= 0xd800 && c <= 0xdfff))
		return;
	if (l->fresh) {
		l->len = l->cur = l->first = 0;
		l->fresh = false;
	}
	if (l->len >= TUI_LINE_MAX || line_bytes(l) + enc_len((unsigned long)c) > l->max_bytes) {
		l->full = true;
		beep();
		return;
	}
	memmove(l->buf + l->cur + 1, l->buf + l->cur, (l->len - l->cur) * sizeof l->buf[0]);
	l->buf[l->cur++] = c;
	l->len++;
}

void tui_line_paste(struct tui_line *l, const wchar_t *s, size_t n)
{
	size_t i;

	/* the line break that ends a copied line is not part of the text */
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	for (i = 0; i < n; i++) {
		if (s[i] == '\n' && i > 0 && s[i - 1] == '\r')
			continue;
		line_insert(l, s[i] == '\n' || s[i] == '\r' || s[i] == '\t' ? L' ' : s[i]);
	}
}

/* The usual readline keys, so that anyone's fingers work. */
enum tui_line_result tui_line_key(struct tui_line *l, const struct tui_key *k)
{
	if (k->fn) {
		l->fresh = false;
		switch (k->code) {
		case KEY_ENTER:
			return TUI_LINE_ENTER;
		case KEY_LEFT:
			if (l->cur > 0)
				l->cur--;
			break;
		case KEY_RIGHT:
			if (l->cur < l->len)
				l->cur++;
			break;
		case KEY_HOME:
			l->cur = 0;
			break;
		case KEY_END:
			l->cur = l->len;
			break;
		case KEY_BACKSPACE:
			if (l->cur > 0)
				line_delete(l, l->cur - 1, 1);
			break;
		case KEY_DC:
			line_delete(l, l->cur, 1);
			break;
		default:
			break;
		}
		return TUI_LINE_MORE;
	}
	switch (k->code) {
	case '\n':
	case '\r':
		return TUI_LINE_ENTER;
	case K_ESC:
		return TUI_LINE_CANCEL;
	case K_DEL:
	case K_BS:
		l->fresh = false;
		if (l->cur > 0)
			line_delete(l, l->cur - 1, 1);
		return TUI_LINE_MORE;
	case K_CTRL_A:
		l->fresh = false;
		l->cur = 0;
		return TUI_LINE_MORE;
	case K_CTRL_E:
		l->fresh = false;
		l->cur = l->len;
		return TUI_LINE_MORE;
	case K_CTRL_K:
		l->fresh = false;
		l->len = l->cur;
		return TUI_LINE_MORE;
	case K_CTRL_U:
		l->fresh = false;
		line_delete(l, 0, l->cur);
		return TUI_LINE_MORE;
	case K_CTRL_W: {
		size_t at = l->cur;
		l->fresh = false;
		while (at > 0 && l->buf[at - 1] == ' ')
			at--;
		while (at > 0 && l->buf[at - 1] != ' ')
			at--;
		line_delete(l, at, l->cur - at);
		return TUI_LINE_MORE;
	}
	default:
		line_insert(l, (wchar_t)k->code);
		return TUI_LINE_MORE;
	}
}

/* Columns of one code point as drawn (ASCII mode draws one '?'). */
static int cp_width(const struct tui *t, wchar_t c)
{
	int w;

	if (c < 0x80 || !t->utf8)
		return 1;
	w = wcwidth(c);
	return w < 0 ? 1 : w;
}

/* Scroll so the cursor stays in view, then draw the visible part. */
int tui_line_draw(struct tui *t, struct tui_line *l, int y, int x, int w)
{
	char out[TUI_LINE_MAX * 4 + 1];
	size_t i, o = 0;
	int width = 0, cx = 0;

	if (w < 2)
		w = 2;
	if (l->first > l->cur)
		l->first = l->cur;
	for (;;) {
		int before = 0;
		for (i = l->first; i < l->cur; i++)
			before += cp_width(t, l->buf[i]);
		if (before <= w - 1 || l->first >= l->cur)
			break;
		l->first++;
	}
	for (i = l->first; i < l->len; i++) {
		int cw = cp_width(t, l->buf[i]);
		if (width + cw > w)
			break;
		if (i < l->cur)
			cx += cw;
		width += cw;
		o += encode((unsigned long)l->buf[i], out + o);
	}
	out[o] = '\0';
	tui_text(t, y, x, w, l->fresh ? ROLE_SEL : ROLE_NORMAL, out);
	return x + cx;
}

/* ---- the prompt ---------------------------------------------------------- */

void tui_prompt_open(struct tui *t, const char *label, const char *prefill, size_t max_bytes,
		     const char *hint, tui_text_fn enter, tui_complete_fn complete, void *ctx)
{
	struct tui_prompt *p = &t->prompt;

	p->active = true;
	snprintf(p->label, sizeof p->label, "%s", label);
	snprintf(p->hint, sizeof p->hint, "%s", hint ? hint : "");
	tui_line_set(&p->line, prefill, max_bytes);
	p->enter = enter;
	p->complete = complete;
	p->ctx = ctx;
}

/* What was saved is said by the callback; that the typing stopped at the
 * limit is said after it, so it is never reported as simply saved. */
static void full_message(struct tui *t, size_t max_bytes)
{
	char said[sizeof t->msg];

	snprintf(said, sizeof said, "%s", t->msg);
	tui_message(t, true, "%s%sonly the first %zu bytes: the text stopped at the limit", said,
		    said[0] ? "; " : "", max_bytes);
}

bool tui_widget_paste(struct tui *t, const wchar_t *s, size_t n)
{
	struct tui_line *l = t->prompt.active ? &t->prompt.line
			     : t->picker.active ? &t->picker.filter : NULL;

	if (!l)
		return false;
	tui_line_paste(l, s, n);
	if (t->picker.active)
		t->picker.sel = t->picker.top = 0;
	return true;
}

/* Enter hands the text over; the prompt is closed first so that the
 * callback may open the next one, and reopened when the text was refused,
 * with the reason on the status line. */
void tui_prompt_key(struct tui *t, const struct tui_key *k)
{
	char text[TUI_LINE_MAX * 4 + 1];
	struct tui_prompt *p = &t->prompt;
	struct rw_error e = { 0, "" };

	if (!k->fn && k->code == '\t') {
		if (p->complete)
			p->complete(&p->line);
		return;
	}
	switch (tui_line_key(&p->line, k)) {
	case TUI_LINE_ENTER:
		tui_line_text(&p->line, text, sizeof text);
		p->active = false;
		if (p->enter(t, p->ctx, text, &e) != 0) {
			p->active = true;
			p->line.fresh = false;
			tui_message(t, true, "%s", e.msg[0] ? e.msg : "not saved");
		} else if (p->line.full) {
			full_message(t, p->line.max_bytes);
		}
		break;
	case TUI_LINE_CANCEL:
		p->active = false;
		tui_message(t, false, "cancelled: nothing changed");
		break;
	case TUI_LINE_MORE:
		break;
	}
}

/* The hint above, the label and the line at the bottom, with the cursor. */
void tui_prompt_draw(struct tui *t)
{
	struct tui_prompt *p = &t->prompt;
	int y = LINES - 2, x, cx;

	if (y < 1)
		return;
	if (p->hint[0] && y - 1 >= 1) {
		tui_fill(t, y - 1, 0, COLS, ROLE_NORMAL, " ");
		tui_wrap(t, y - 1, 1, COLS - 2, 1, ROLE_DIM, p->hint);
	}
	if (p->line.full && y - 1 >= 1) {
		tui_fill(t, y - 1, 0, COLS, ROLE_NORMAL, " ");
		tui_textf(t, y - 1, 1, COLS - 2, ROLE_ERROR, "full: %zu bytes at most; the rest was not taken",
			  p->line.max_bytes);
	}
	tui_fill(t, y, 0, COLS, ROLE_NORMAL, " ");
	x = 1 + tui_text(t, y, 1, COLS - 2, ROLE_KEY, p->label);
	x += tui_text(t, y, x, 2, ROLE_NORMAL, ": ");
	cx = tui_line_draw(t, &p->line, y, x, COLS - x - 1);
	tui_cursor(t, y, cx < COLS ? cx : COLS - 1);
}

/* ---- the question -------------------------------------------------------- */

void tui_confirm_open(struct tui *t, const char *question, tui_text_fn yes, void *ctx)
{
	struct tui_confirm *c = &t->confirm;

	c->active = true;
	snprintf(c->question, sizeof c->question, "%s", question);
	c->yes = yes;
	c->ctx = ctx;
}

/* Only y confirms; any other key, Esc included, cancels. */
void tui_confirm_key(struct tui *t, const struct tui_key *k)
{
	struct tui_confirm *c = &t->confirm;
	struct rw_error e = { 0, "" };

	c->active = false;
	if (!k->fn && (k->code == 'y' || k->code == 'Y')) {
		if (c->yes(t, c->ctx, "y", &e) != 0)
			tui_message(t, true, "%s", e.msg[0] ? e.msg : "failed");
		return;
	}
	tui_message(t, false, "cancelled: nothing changed");
}

/* The question in the prompt line. */
void tui_confirm_draw(struct tui *t)
{
	int y = LINES - 2, x;

	if (y < 1)
		return;
	tui_fill(t, y, 0, COLS, ROLE_NORMAL, " ");
	x = 1 + tui_text(t, y, 1, COLS - 2, ROLE_WARN, t->confirm.question);
	tui_text(t, y, x, COLS - x - 1, ROLE_KEY, " (y/N)");
}

const char *tui_common_start(const char *const *names, int n, const char *typed, size_t len,
			     size_t *common, int *matches)
{
	const char *match = NULL;
	int k;

	*common = 0;
	*matches = 0;
	for (k = 0; k < n; k++) {
		if (strncmp(names[k], typed, len) != 0)
			continue;
		if (!match) {
			match = names[k];
			*common = strlen(match);
		} else {
			size_t c = 0;
			while (c < *common && match[c] == names[k][c])
				c++;
			*common = c;
		}
		(*matches)++;
	}
	return match;
}
