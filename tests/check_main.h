/* check_main.h - the one main() of every unit suite (tests/check_*.c).
 *
 * A suite file defines a function returning its Suite and ends with
 * CHECK_MAIN(that_function).  The program runs the suite with Check's
 * defaults (a fork per test unless CK_FORK=no, as tests/valgrind sets),
 * prints Check's summary line, which tests/run and tests/valgrind read, and
 * exits non-zero when any test failed. */
#ifndef RESTWATCH_CHECK_MAIN_H
#define RESTWATCH_CHECK_MAIN_H

#include <check.h>
#include <stdlib.h>

static int check_main_run(Suite *suite)
{
	SRunner *sr = srunner_create(suite);
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#define CHECK_MAIN(suite_function) \
	int main(void) \
	{ \
		return check_main_run(suite_function()); \
	}

#endif
