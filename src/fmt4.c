/* fmt4.c - "%.4f" by integer arithmetic (fmt4.h).
 *
 * v * 10000 is one rounding away from the exact product, so when its
 * fraction is not close to one half, rounding it gives the digits printf
 * gets from the exact binary value.  Near a half, a large or negative v,
 * or NaN, printf itself decides. */
#include "fmt4.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>

size_t fmt4(char out[FMT4_MAX], double v)
{
	double s, whole, frac;
	uint64_t n, ip;
	char tmp[24];
	size_t len = 0, k = 0;
	int d;

	if (v == 0)
		v = 0.0; /* -0.0 prints as 0.0000 */
	if (!(v >= 0 && v < 1e12)) {
		int w = snprintf(out, FMT4_MAX, "%.4f", v);
		return w < 0 ? 0 : (size_t)w < FMT4_MAX ? (size_t)w : FMT4_MAX - 1;
	}
	s = v * 10000;
	whole = floor(s);
	frac = s - whole;
	if (fabs(frac - 0.5) < 1e-3) {
		int w = snprintf(out, FMT4_MAX, "%.4f", v);
		return w < 0 ? 0 : (size_t)w;
	}
	n = (uint64_t)whole + (frac > 0.5);
	ip = n / 10000;
	do
		tmp[k++] = (char)('0' + ip % 10);
	while (ip /= 10);
	while (k)
		out[len++] = tmp[--k];
	out[len++] = '.';
	for (d = 3; d >= 0; d--) {
		out[len + (size_t)d] = (char)('0' + n % 10);
		n /= 10;
	}
	len += 4;
	out[len] = '\0';
	return len;
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
