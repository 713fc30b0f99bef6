/*
 * search.c - the editor's search timed at the store, for bench/run.sh:
 * from the first row to a hit near the end of the list (a needle only
 * the last touchpoints hold), to the next hit of a needle every
 * touchpoint holds, and with a two-character needle (the scan).
 * Prints one line per case: the median and the range of RUNS searches.
 * Usage: search DB NEEDLE_NEAR_END [RUNS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "error.h"
#include "store.h"
#include "store_view.h"

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Time runs searches for needle forward from the first row. */
static int
time_search(struct store_view *v, const char *label, const char *needle,
    int runs)
{
	double *ms = xcalloc((size_t)runs, sizeof *ms);
	struct view_row first;
	struct view_key found;
	struct error err;
	size_t got;
	bool wrapped;

	if (store_view_rows_from(v, NULL, 1, NULL, &first, &got, &err) != 0 ||
	    got != 1) {
		fprintf(stderr, "search: пустой перечень\n");
		free(ms);
		return -1;
	}
	for (int i = 0; i < runs; i++) {
		double t0 = now_ms();
		int rc = store_view_search(v, &first.key, needle, VIEW_FORWARD,
		    &found, &wrapped, &err);

		ms[i] = now_ms() - t0;
		if (rc != 1) {
			fprintf(stderr, "search: «%s» не найдено\n", needle);
			store_view_rows_free(&first, 1);
			free(ms);
			return -1;
		}
	}
	store_view_rows_free(&first, 1);
	qsort(ms, (size_t)runs, sizeof *ms, cmp_double);
	printf("| search: %s | %.2f ms (%.2f–%.2f) |\n", label, ms[runs / 2],
	    ms[0], ms[runs - 1]);
	free(ms);
	return 0;
}

int
main(int argc, char **argv)
{
	struct store_view *v;
	struct store *st;
	struct error err;
	int runs = argc > 3 ? atoi(argv[3]) : 5, rc = 0;

	if (argc < 3 || runs < 1) {
		fprintf(stderr, "usage: search DB NEEDLE_NEAR_END [RUNS]\n");
		return 2;
	}
	if (store_open(&st, argv[1], STORE_READONLY, &err) != 0 ||
	    store_view_new(st, &v, &err) != 0) {
		fprintf(stderr, "search: %s\n", err.msg);
		return 1;
	}
	if (time_search(v, "a hit near the end", argv[2], runs) != 0 ||
	    time_search(v, "the next of hits on every row",
	    "получение информации", runs) != 0 ||
	    time_search(v, "two characters (scan)", "ай", runs) != 0)
		rc = 1;
	store_view_free(v);
	store_close(st);
	return rc;
}
