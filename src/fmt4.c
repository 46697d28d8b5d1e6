/* fmt4.c - "%.4f" by integer arithmetic (fmt4.h).
 *
 * v * 10000 is one rounding away from the exact product, so when its
 * fraction is not close to one half, rounding it gives the digits printf
 * gets from the exact binary value.  That holds below 10^8, where the
 * rounding is at most 2^-13, well inside the 10^-3 kept from one half.
 * Near a half, a larger or negative v, or NaN, printf itself decides. */
#include "fmt4.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>

size_t fmt4(char out[FMT4_MAX], double v)
{
	double s, frac;
	uint64_t n, ip;
	unsigned f;
	size_t len = 0, k;

	if (v == 0)
		v = 0.0; /* -0.0 prints as 0.0000 */
	if (!(v >= 0 && v < 1e8)) { /* so v * 10000 < 2^40, within 2^-13 */
		int w = snprintf(out, FMT4_MAX, "%.4f", v);
		return w < 0 ? 0 : (size_t)w < FMT4_MAX ? (size_t)w : FMT4_MAX - 1;
	}
	s = v * 10000;
	n = (uint64_t)s; /* floor(s): s is not negative and below 2^64 */
	frac = s - (double)n;
	if (fabs(frac - 0.5) < 1e-3) {
		int w = snprintf(out, FMT4_MAX, "%.4f", v);
		return w < 0 ? 0 : (size_t)w;
	}
	n += frac > 0.5;
	ip = n / 10000;
	f = (unsigned)(n % 10000);
	/* the whole part's digits, written from the last */
	for (k = 1, n = ip; n >= 10; n /= 10)
		k++;
	for (len = k; k > 0; ip /= 10)
		out[--k] = (char)('0' + ip % 10);
	out[len] = '.';
	out[len + 1] = (char)('0' + f / 1000);
	out[len + 2] = (char)('0' + f / 100 % 10);
	out[len + 3] = (char)('0' + f / 10 % 10);
	out[len + 4] = (char)('0' + f % 10);
	out[len + 5] = '\0';
	return len + 5;
}

void fmt_scaled(char *out, long long v, int dec)
{
	static const long long scale[3] = { 1, 10, 100 };
	long long ip = v / scale[dec], frac = v % scale[dec];
	char tmp[24];
	int k = 0, i;

	do
		tmp[k++] = (char)('0' + ip % 10);
	while (ip /= 10);
	while (k)
		*out++ = tmp[--k];
	if (dec) {
		*out++ = '.';
		for (i = dec - 1; i >= 0; i--, frac /= 10)
			out[i] = (char)('0' + frac % 10);
		out += dec;
	}
	*out = '\0';
}
