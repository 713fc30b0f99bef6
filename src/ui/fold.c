/* fold.c - the set of folded processes, kept small: "all but these". */
#include "ui_int.h"

#include <stdlib.h>
#include <string.h>

void
fold_init(struct fold *f)
{
	memset(f, 0, sizeof *f);
}

void
fold_fini(struct fold *f)
{
	free(f->ids);
	memset(f, 0, sizeof *f);
}

/* Index of id in the sorted exceptions, or where it would go. */
static size_t
fold_find(const struct fold *f, int64_t id, bool *present)
{
	size_t lo = 0, hi = f->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (f->ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	*present = lo < f->n && f->ids[lo] == id;
	return lo;
}

bool
fold_is(void *ctx, int64_t proc_id)
{
	const struct fold *f = ctx;
	bool present;

	fold_find(f, proc_id, &present);
	return present != f->all;
}

void
fold_set(struct fold *f, int64_t proc_id, bool folded)
{
	bool present, want = folded != f->all;
	size_t i = fold_find(f, proc_id, &present);

	if (present == want)
		return;
	if (want) {
		if (f->n == f->cap) {
			f->cap = f->cap ? f->cap * 2 : 16;
			f->ids = xreallocarray(f->ids, f->cap, sizeof *f->ids);
		}
		memmove(f->ids + i + 1, f->ids + i,
		    (f->n - i) * sizeof *f->ids);
		f->ids[i] = proc_id;
		f->n++;
	} else {
		memmove(f->ids + i, f->ids + i + 1,
		    (f->n - i - 1) * sizeof *f->ids);
		f->n--;
	}
}

void
fold_set_all(struct fold *f, bool folded)
{
	f->all = folded;
	f->n = 0;
}
