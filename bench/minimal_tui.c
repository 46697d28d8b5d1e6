/* minimal_tui.c - the floor for the TUI row of the benchmark: the least a
 * curses program can do to show one full page.  It initialises the screen
 * the way restwatch's TUI must (locale, cbreak, noecho, keypad, colours when
 * the terminal has them), fills every row above the bottom with a table of
 * the kind restwatch draws, draws a status line of keys on the bottom row,
 * refreshes once and then waits for 'q' (or, with --exit, ends at once).
 *
 *   minimal_tui [--exit] [--marker TEXT]
 *
 * The status line ends with TEXT (default "q quit"), which is what ptyrun
 * -m waits for.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	const char *marker = "q quit";
	int wait_key = 1, row, i;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--exit"))
			wait_key = 0;
		else if (!strcmp(argv[i], "--marker") && i + 1 < argc)
			marker = argv[++i];
	}
	setlocale(LC_ALL, "");
	initscr();
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	curs_set(0);
	if (has_colors()) {
		start_color();
		use_default_colors();
		init_pair(1, COLOR_CYAN, -1);
		init_pair(2, COLOR_YELLOW, -1);
		init_pair(3, COLOR_RED, -1);
	}
	attron(A_REVERSE);
	mvprintw(0, 0, "%-*s", COLS, " restwatch   1 Today  2 Journal  3 Trends  4 Report  5 Settings");
	attroff(A_REVERSE);
	attron(A_BOLD);
	mvprintw(1, 0, "%-*s", COLS,
		 "DATE       DAY REST h ACT m PAIN LEVEL          CLOCK MUSCLE %   CARDIO %   BONE %");
	attroff(A_BOLD);
	for (row = 2; row < LINES - 1; row++) {
		int d = row - 1, pair = 1 + row % 3;
		attron(COLOR_PAIR(pair));
		mvprintw(row, 0, "2025-12-%02d %s %6.1f %5d %4d     %-14s %6.1f %4.2f-%4.2f  %4.2f-%4.2f  %4.2f-%4.2f",
			 d % 28 + 1, "Mon", 8.0 + row % 5, 30 + row, row % 10,
			 row % 3 ? "none" : "recovering", (double)(row % 4) * 12, row * 0.01,
			 row * 0.02, row * 0.003, row * 0.015, row * 0.001, row * 0.004);
		clrtoeol();
		attroff(COLOR_PAIR(pair));
	}
	attron(A_REVERSE);
	mvprintw(LINES - 1, 0, "%-*s", COLS - 1,
		 " <- -> day  r rest  a activity  p pain  s symptoms  n note  u undo  ? help  ");
	mvprintw(LINES - 1, COLS - 1 - (int)strlen(marker) - 1, " %s", marker);
	attroff(A_REVERSE);
	refresh();
	if (wait_key)
		while (getch() != 'q')
			;
	endwin();
	return 0;
}
