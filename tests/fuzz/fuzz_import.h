/*
 * fuzz_import.h - what the import fuzz targets share: a small catalogue,
 * and the check of a list read: every string valid UTF-8.  Included by
 * one target each.
 */
#ifndef PERECHEN_FUZZ_IMPORT_H
#define PERECHEN_FUZZ_IMPORT_H

#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "import.h"
#include "model.h"
#include "utf8.h"

static struct catalog cat;
static int cat_ready;

static const char kinds[] =
    "post\tПочта России\toffline\t4.2.2\t1\t1\t0\tпочта россии\n"
    "email\tЭлектронная почта\tdigital\t4.1.2\t1\t1\t0\tэлектронная почта,@\n"
    "phone\tТелефонная связь\toffline\t4.2.1\t1\t0\t1\tтелефон\n"
    "site\tОфициальный сайт\tdigital\t4.1.1\t1\t0\t0\tсайт\n";
static const char needs[] =
    "1\t2.6.1\tполучение информации\tинформ\n"
    "2\t2.6.2\tполучение консультации\tконсультац\n"
    "9\t2.6.9\tдругие\t\n";

static void
check_string(const char *s)
{
	if (s == NULL || !utf8_valid(s, strlen(s)))
		abort();
}

static void
fuzz_catalog(void)
{
	struct error err;

	if (cat_ready)
		return;
	catalog_init(&cat);
	if (catalog_parse_kinds(&cat, kinds, "kinds", &err) != 0 ||
	    catalog_parse_needs(&cat, needs, "needs", &err) != 0)
		abort();
	cat_ready = 1;
}

static void
fuzz_check_list(const struct list *l)
{
	for (size_t i = 0; i < l->nprocs; i++) {
		check_string(l->procs[i].name);
		for (size_t j = 0; j < l->procs[i].ntps; j++) {
			const struct touchpoint *tp = &l->procs[i].tps[j];

			check_string(tp->name);
			check_string(tp->specifics);
			for (size_t k = 0; k < tp->nneeds; k++)
				check_string(tp->needs[k].wording);
			for (size_t k = 0; k < tp->ncontacts; k++)
				check_string(tp->contacts[k].value);
		}
	}
	check_string(l->hdr.org);
	check_string(l->hdr.org_genitive);
	check_string(l->hdr.title);
}

/* Import the bytes: a failure says why, a list read is valid UTF-8. */
static void
fuzz_import_bytes(const char *data, size_t size, const char *columns)
{
	struct import_opts o = { .cat = &cat, .columns = columns };
	struct import_report rep;
	struct list l;
	struct error err;

	fuzz_catalog();
	list_init(&l);
	import_report_init(&rep);
	err.msg[0] = '\0';
	if (import_table(data, size, &o, &l, &rep, &err) != 0) {
		if (err.msg[0] == '\0')
			abort();	/* a failure always says why */
	} else {
		fuzz_check_list(&l);
	}
	import_report_fini(&rep);
	list_fini(&l);
}

#endif
