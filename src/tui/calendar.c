/* calendar.c - the Trends screen's calendar of levels: one row per month,
 * one cell per day, a day cursor that the arrows move and Enter opens (the
 * day detail), scrolled through the whole journal; the days are read a
 * window at a time (tui_day_row). */
#include <curses.h>
#include <stdio.h>

#include "advice.h"
#include "tui_app.h"
#include "tui_mouse.h"
#include "tui_trends.h"

/* A level as one letter, so the calendar reads without colour too. */
static const char *level_mark(const struct tui_row *r)
{
	if (!r)
		return " ";
	if (!r->logged)
		return ".";
	if (r->red_flag)
		return "!";
	switch (r->level) {
	case LEVEL_CLOT_RISK: return "C";
	case LEVEL_DECONDITIONING: return "D";
	case LEVEL_RESTING: return "r";
	case LEVEL_RECOVERING: return "v";
	case LEVEL_NONE:
	default: return "-";
	}
}

/* The calendar's cursor starts on the day in focus (or the window's last
 * day) and stays inside the window. */
static void cal_place(struct tui *t, struct trends *st)
{
	if (!st->cal_placed)
		st->cal_cur = t->day;
	st->cal_placed = true;
	if (st->cal_cur < st->start)
		st->cal_cur = st->start;
	if (st->cal_cur > st->end)
		st->cal_cur = st->end;
}

/* Month index of day in the window (0: the first month). */
static int cal_month(const struct trends *st, rw_day day)
{
	int sy, sm, y, m, dd;

	date_to_ymd(st->start, &sy, &sm, &dd);
	date_to_ymd(day, &y, &m, &dd);
	return (y - sy) * 12 + (m - sm);
}

/* Scroll back as asked, within the months, then as little as it takes to
 * show the cursor's month. */
static void cal_follow(struct trends *st, int months, int rows)
{
	int mi = cal_month(st, st->cal_cur), skip;

	if (st->cal_back > months - rows)
		st->cal_back = months - rows;
	if (st->cal_back < 0)
		st->cal_back = 0;
	skip = months > rows ? months - rows - (int)st->cal_back : 0;
	if (mi < skip)
		st->cal_back = months - rows - mi;
	else if (mi >= skip + rows)
		st->cal_back = months - mi - 1;
}

/* The cursor's day in one line: its level, clock and red flag. */
static void cal_cursor_line(struct tui *t, struct trends *st, int y)
{
	const struct tui_row *r = tui_day_row(t, st->cal_cur);
	char date[16], num[32];
	int x = 1;

	x += tui_text(t, y, x, COLS - 2, ROLE_HEAD, tui_date(st->cal_cur, date));
	if (!r || !r->logged)
		x += tui_text(t, y, x, COLS - x - 1, ROLE_DIM, "  not logged");
	if (r)
		x += tui_textf(t, y, x, COLS - x - 1, tui_level_role(r->level), "  %s, clock %s h",
			       engine_level_name(r->level),
			       advice_hours(r->clock, t->params.threshold_hours, num, sizeof num));
	if (r && r->red_flag)
		x += tui_text(t, y, x, COLS - x - 1, ROLE_ALERT, "  ! red flag");
	tui_text(t, y, x, COLS - x - 1, ROLE_DIM, "  (Enter: detail)");
}

/* Move the cursor by months (the same day of the month, or the month's
 * last), and the view with it. */
static void cal_move_months(struct trends *st, int by)
{
	int y, m, dd, n;

	date_to_ymd(st->cal_cur, &y, &m, &dd);
	m += by;
	while (m < 1) {
		m += 12;
		y--;
	}
	while (m > 12) {
		m -= 12;
		y++;
	}
	n = date_days_in_month(y, m);
	st->cal_cur = date_from_ymd(y, m, dd < n ? dd : n);
	st->cal_back -= by;
	if (st->cal_cur < st->start)
		st->cal_cur = st->start;
	if (st->cal_cur > st->end)
		st->cal_cur = st->end;
}

/* One row per month, one cell per day; the latest months when they do
 * not all fit. */
void tui_calendar_draw(struct tui *t, struct trends *st, int y, int rows)
{
	const struct tui_days *d = tui_days(t);
	int sy, sm, sd, ey, em, ed, months, skip, cw = COLS >= 76 ? 2 : 1, i, dd, x0 = 10;
	int yy, mm;

	if (!d)
		return;
	cal_place(t, st);
	date_to_ymd(st->start, &sy, &sm, &sd);
	date_to_ymd(st->end, &ey, &em, &ed);
	months = (ey - sy) * 12 + (em - sm) + 1;
	rows -= 4; /* day numbers, the cursor's day, legend */
	if (rows < 1)
		return;
	st->cal_rows = rows;
	st->cal_months = months;
	cal_follow(st, months, rows);
	skip = months > rows ? months - rows - (int)st->cal_back : 0;
	if (months > rows) {
		char where[96];
		snprintf(where, sizeof where, "months %d-%d of %d: Up/Down PgUp/PgDn scroll", skip + 1,
			 skip + rows, months);
		tui_text(t, y - 1, COLS - 1 - tui_text_width(t, where), COLS, ROLE_DIM, where);
	}
	tui_text(t, y, 1, 8, ROLE_HEAD, "Month");
	for (dd = 1; dd <= 31; dd++)
		if (dd == 1 || dd % 5 == 0)
			tui_textf(t, y, x0 + (dd - 1) * cw, 3, ROLE_DIM, "%d", dd);
	yy = sy;
	mm = sm;
	for (i = 0; i < months && i < skip + rows; i++) {
		if (i >= skip) {
			int row = y + 1 + i - skip, n = date_days_in_month(yy, mm);
			tui_textf(t, row, 1, 8, ROLE_NORMAL, "%04d-%02d", yy, mm);
			for (dd = 1; dd <= n; dd++) {
				rw_day day = date_from_ymd(yy, mm, dd);
				const struct tui_row *r = tui_day_row(t, day);
				enum tui_role role = !r || !r->logged ? ROLE_DIM
						     : r->red_flag    ? ROLE_ALERT
								      : tui_level_role(r->level);
				if (day == st->cal_cur)
					tui_text(t, row, x0 + (dd - 1) * cw, 1, ROLE_SEL,
						 day == t->today && (!r || !r->logged) ? "_" : level_mark(r));
				else if (day == t->today && (!r || !r->logged))
					tui_text(t, row, x0 + (dd - 1) * cw, 1, ROLE_KEY, "_");
				else
					tui_text(t, row, x0 + (dd - 1) * cw, 1, role, level_mark(r));
			}
		}
		if (++mm > 12) {
			mm = 1;
			yy++;
		}
	}
	st->cal_y0 = y + 1;
	st->cal_x0 = x0;
	st->cal_cw = cw;
	st->cal_skip = skip;
	st->cal_shown = months - skip < rows ? months - skip : rows;
	y += 1 + st->cal_shown;
	cal_cursor_line(t, st, y++);
	tui_text(t, y, 1, COLS - 2, ROLE_HEAD, "Levels:");
	i = 9;
	i += tui_text(t, y, i, COLS - i, ROLE_OK, " - none ");
	i += tui_text(t, y, i, COLS - i, ROLE_INFO, " r resting ");
	i += tui_text(t, y, i, COLS - i, ROLE_WARN, " D deconditioning ");
	i += tui_text(t, y, i, COLS - i, ROLE_DANGER, " C clot-risk ");
	i += tui_text(t, y, i, COLS - i, ROLE_INFO, " v recovering ");
	i += tui_text(t, y, i, COLS - i, ROLE_ALERT, " ! red flag ");
	tui_text(t, y, i, COLS - i, ROLE_DIM, " . not logged");
}

/* The calendar's keys: the cursor by day and month, the view with it
 * (tui_calendar_draw clamps cal_back); Enter shows the day. */
bool tui_calendar_key(struct tui *t, struct trends *st, const struct tui_key *k, int page)
{
	if (!k->fn) {
		switch (k->code) {
		case 'h': st->cal_cur--; break;
		case 'l': st->cal_cur++; break;
		case '\n': case '\r': tui_detail_open(t, st->cal_cur); return true;
		default: return false;
		}
	} else {
		switch (k->code) {
		case KEY_LEFT: st->cal_cur--; break;
		case KEY_RIGHT: st->cal_cur++; break;
		case KEY_UP: cal_move_months(st, -1); break;
		case KEY_DOWN: cal_move_months(st, 1); break;
		case KEY_PPAGE: cal_move_months(st, -page); break;
		case KEY_NPAGE: cal_move_months(st, page); break;
		case KEY_HOME: st->cal_cur = st->start; st->cal_back = st->cal_months; break;
		case KEY_END: st->cal_cur = st->end; st->cal_back = 0; break;
		case KEY_ENTER: tui_detail_open(t, st->cal_cur); return true;
		default: return false;
		}
	}
	if (st->cal_cur < st->start)
		st->cal_cur = st->start;
	if (st->cal_cur > st->end)
		st->cal_cur = st->end;
	return true;
}

/* A click on a day cell of the last drawn calendar picks it (mouse.c). */
int tui_calendar_click(struct tui *t, void *state, int y, int x)
{
	struct trends *st = state;
	int sy, sm, sd, m, dd;
	rw_day day;

	(void)t;
	if (st->view != 2 || !st->cal_placed || st->cal_cw < 1 || y < st->cal_y0 ||
	    y >= st->cal_y0 + st->cal_shown || x < st->cal_x0)
		return 0;
	date_to_ymd(st->start, &sy, &sm, &sd);
	m = sm - 1 + st->cal_skip + (y - st->cal_y0);
	dd = (x - st->cal_x0) / st->cal_cw + 1;
	if (dd > date_days_in_month(sy + m / 12, m % 12 + 1))
		return 0;
	day = date_from_ymd(sy + m / 12, m % 12 + 1, dd);
	if (day < st->start || day > st->end)
		return 0;
	if (day == st->cal_cur)
		return 2;
	st->cal_cur = day;
	return 1;
}

