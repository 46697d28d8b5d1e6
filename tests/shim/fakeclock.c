/* fakeclock.so - an LD_PRELOAD shim for the test of the TUI's clock
 * (tests/e2e/test_reliab.sh): time() returns the number of seconds written
 * in the file named by $FAKECLOCK, which the test rewrites to move the
 * clock past midnight; without the file, the real time. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

time_t time(time_t *out)
{
	const char *name = getenv("FAKECLOCK");
	struct timespec ts = { 0, 0 };
	long long v = 0;
	FILE *f;
	time_t r;

	if (name && (f = fopen(name, "r"))) {
		if (fscanf(f, "%lld", &v) != 1)
			v = 0;
		fclose(f);
	}
	if (v <= 0)
		clock_gettime(CLOCK_REALTIME, &ts);
	r = v > 0 ? (time_t)v : ts.tv_sec;
	if (out)
		*out = r;
	return r;
}
