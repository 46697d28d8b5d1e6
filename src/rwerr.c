/* rwerr.c - error text and exit status; pure. */
#include "rwerr.h"
#include "utf8.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

int rw_fail(struct rw_error *e, int code, const char *fmt, ...)
{
	if (e) {
		va_list ap;
		va_start(ap, fmt);
		e->code = code;
		vsnprintf(e->msg, sizeof e->msg, fmt, ap);
		va_end(ap);
	}
	return code;
}

const char *rw_show(char *buf, size_t n, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t o = 0, shown = 0;

	if (n < 8) {
		if (n)
			buf[0] = '\0';
		return buf;
	}
	while (*p) {
		size_t len = utf8_seq((const char *)p);
		char tmp[8];
		size_t tl;

		if (shown >= 40) {
			if (o + 4 < n)
				memcpy(buf + o, "...", 4);
			return buf;
		}
		if (len == 1 && *p >= 0x20 && *p != 0x7f) {
			tmp[0] = (char)*p;
			tl = 1;
		} else if (len > 1 && !(len == 2 && p[0] == 0xc2 && p[1] < 0xa0)) {
			/* (U+0080-U+009F, the C1 controls, are escaped below) */
			memcpy(tmp, p, len);
			tl = len;
		} else {
			snprintf(tmp, sizeof tmp, "\\x%02x", *p);
			tl = 4;
			len = 1;
		}
		if (o + tl + 4 >= n) {
			memcpy(buf + o, "...", 4);
			return buf;
		}
		memcpy(buf + o, tmp, tl);
		o += tl;
		p += len;
		shown++;
	}
	buf[o] = '\0';
	return buf;
}

const char *rw_show_name(char *buf, size_t n, const char *name)
{
	const char *p;
	bool clean = strlen(name) < n && utf8_valid(name);

	for (p = name; clean && *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			clean = false;
	if (clean)
		snprintf(buf, n, "%s", name);
	else
		rw_show(buf, n, name);
	return buf;
}

int rw_exit_status(int code)
{
	if (code >= 0)
		return 0;
	if (code == RW_ENOMEM)
		return 74;
	return -code;
}

void rw_put_clean(FILE *f, const char *s, bool keep_newlines)
{
	const char *p = s;

	while (*p) {
		unsigned char c = (unsigned char)*p;
		size_t n = utf8_seq(p);
		if (n == 0 || (n == 1 && (c < 0x20 || c == 0x7f) && !(keep_newlines && c == '\n')) ||
		    (n == 2 && c == 0xc2 && (unsigned char)p[1] < 0xa0)) {
			/* A C1 control (U+0080-U+009F) is escaped byte by byte too. */
			size_t k, m = n ? n : 1;
			for (k = 0; k < m; k++)
				fprintf(f, "\\x%02x", (unsigned char)p[k]);
			p += m;
			continue;
		}
		fwrite(p, 1, n, f);
		p += n;
	}
}
