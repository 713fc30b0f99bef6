/* test_document.c - the printed document's rows: excluded records left
 * out, the № consecutive over the processes printed. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "model.h"

/* Five processes «П1» … «П5», each with one touchpoint «Т<n>». */
static void
five_processes(struct list *l)
{
	list_init(l);
	for (int i = 1; i <= 5; i++) {
		char name[16];
		struct process *p;

		snprintf(name, sizeof name, "П%d", i);
		p = list_add_process(l, name);
		snprintf(name, sizeof name, "Т%d", i);
		process_add_touchpoint(p, name)->channel = CHANNEL_OFFLINE;
	}
}

/* The № and process cells of the first rows of d, as "1 П1|2 П2|…". */
static void
numbers(const struct document *d, char *out, size_t size)
{
	const struct doc_table *t = document_table(d);
	size_t len = 0;

	out[0] = '\0';
	for (size_t i = 0; i < t->nrows && len < size; i++) {
		const struct doc_row *r = &t->rows[i];

		if (!r->first)
			continue;
		len += (size_t)snprintf(out + len, size - len, "%s%s %s",
		    len > 0 ? "|" : "", r->cells[0].paras.v[0],
		    r->cells[1].paras.v[0]);
	}
}

static void
all_processes_numbered_in_order(void **state)
{
	struct list l;
	struct document d;
	char got[256];

	(void)state;
	five_processes(&l);
	document_build(&d, &l, "", "");
	numbers(&d, got, sizeof got);
	assert_string_equal(got, "1 П1|2 П2|3 П3|4 П4|5 П5");
	document_fini(&d);
	list_fini(&l);
}

static void
excluded_process_is_left_out_and_the_rest_numbered_on(void **state)
{
	const struct doc_table *t;
	struct list l;
	struct document d;
	char got[256];

	(void)state;
	five_processes(&l);
	l.procs[2].excluded = true;
	model_set(&l.procs[2].exclude_reason, "передан в другой орган");
	document_build(&d, &l, "", "");
	t = document_table(&d);
	assert_int_equal(t->nrows, 4);
	numbers(&d, got, sizeof got);
	assert_string_equal(got, "1 П1|2 П2|3 П4|4 П5");
	for (size_t i = 0; i < t->nrows; i++) {
		assert_true(t->rows[i].first);
		assert_int_equal(t->rows[i].span, 1);
		assert_string_not_equal(t->rows[i].cells[2].paras.v[0], "Т3");
	}
	document_fini(&d);
	list_fini(&l);
}

static void
excluding_the_first_and_last_keeps_numbers_from_one(void **state)
{
	struct list l;
	struct document d;
	char got[256];

	(void)state;
	five_processes(&l);
	l.procs[0].excluded = true;
	l.procs[4].excluded = true;
	document_build(&d, &l, "", "");
	numbers(&d, got, sizeof got);
	assert_string_equal(got, "1 П2|2 П3|3 П4");
	document_fini(&d);
	list_fini(&l);
}

/* The grif prints the genitive the header keeps; a revision frozen
 * before it was kept gets the declension of the nominative. */
static void
grif_names_the_body_in_the_stored_genitive(void **state)
{
	struct list_header h;
	char *gen, *grif;

	(void)state;
	list_header_init(&h);
	model_set(&h.org, "Государственная жилищная инспекция области");
	gen = document_genitive(&h);
	assert_string_equal(gen, "Государственной жилищной инспекции области");
	free(gen);
	model_set(&h.org_genitive, "Госжилинспекции области");
	gen = document_genitive(&h);
	grif = document_grif(gen, "", "2024-03-19", "27/01-01");
	assert_string_equal(grif, "УТВЕРЖДЕН\nприказом Госжилинспекции "
	    "области\nот 19.03.2024 № 27/01-01");
	free(grif);
	grif = document_grif(gen, "", "", "27/01-01");
	assert_string_equal(grif, "");
	free(grif);
	free(gen);
	list_header_fini(&h);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(all_processes_numbered_in_order),
		cmocka_unit_test(excluded_process_is_left_out_and_the_rest_numbered_on),
		cmocka_unit_test(excluding_the_first_and_last_keeps_numbers_from_one),
		cmocka_unit_test(grif_names_the_body_in_the_stored_genitive),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
