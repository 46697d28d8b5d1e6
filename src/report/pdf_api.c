/* pdf_api.c - cairo, pango and fontconfig opened with dlopen when the
 * first PDF is written (pdf_api.h says why). */
#include <dlfcn.h>
#include <stddef.h>
#include <string.h>

#include "pdf_api.h"

struct pdf_api pdf_api;

/* The libraries by their stable sonames, the ones the others need first. */
static const char *const libs[] = {
	"libgobject-2.0.so.0", "libfontconfig.so.1", "libcairo.so.2", "libpango-1.0.so.0",
	"libpangocairo-1.0.so.0"
};
#define N_LIBS (sizeof libs / sizeof libs[0])

/* The names, in the order of struct pdf_api's members. */
static const char *const names[] = {
#define PDF_API_NAME(name) #name,
	PDF_API_FUNCTIONS(PDF_API_NAME)
#undef PDF_API_NAME
};
#define N_NAMES (sizeof names / sizeof names[0])

int pdf_api_load(struct rw_error *e)
{
	static void *handle[N_LIBS];
	static int loaded;
	void **slot = (void **)(void *)&pdf_api;
	size_t i, k;

	if (loaded)
		return 0;
	for (i = 0; i < N_LIBS; i++)
		if (!handle[i] && !(handle[i] = dlopen(libs[i], RTLD_NOW | RTLD_GLOBAL)))
			return rw_fail(e, RW_ESOFTWARE, "pdf: %s cannot be loaded (%s)", libs[i],
				       dlerror());
	/* struct pdf_api is N_NAMES function pointers in a row; POSIX lets
	 * dlsym's result be stored through a void * of the same size. */
	_Static_assert(sizeof(struct pdf_api) == N_NAMES * sizeof(void *), "pdf_api layout");
	for (k = 0; k < N_NAMES; k++) {
		void *f = NULL;
		for (i = 0; i < N_LIBS && !f; i++)
			f = dlsym(handle[i], names[k]);
		if (!f)
			return rw_fail(e, RW_ESOFTWARE, "pdf: %s is missing from the libraries",
				       names[k]);
		memcpy(&slot[k], &f, sizeof f);
	}
	loaded = 1;
	return 0;
}
