/*
 * fuzz_import.c - the whole importer on arbitrary bytes: encoding
 * detection, CSV/TSV records, header detection or columns named as
 * --columns names them, page-break joins, Word's paragraph tags and
 * contact splitting.  It must either fail with a message or
 * produce a list whose every string is valid UTF-8 and whose every
 * touchpoint belongs to a process.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "import.h"
#include "utf8.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_opts o = { .cat = &cat };
	struct import_report rep;
	struct list l;
	struct error err;

	if (!cat_ready) {
		catalog_init(&cat);
		if (catalog_parse_kinds(&cat, kinds, "kinds", &err) != 0 ||
		    catalog_parse_needs(&cat, needs, "needs", &err) != 0)
			abort();
		cat_ready = 1;
	}
	/* Odd sizes read the table as headerless, its columns named. */
	if (size % 2 == 1)
		o.columns = "№,процесс,точка,потребности,-,особенности";
	list_init(&l);
	import_report_init(&rep);
	err.msg[0] = '\0';
	if (import_table((const char *)data, size, &o, &l, &rep, &err) != 0) {
		if (err.msg[0] == '\0')
			abort();	/* a failure always says why */
	} else {
		for (size_t i = 0; i < l.nprocs; i++) {
			check_string(l.procs[i].name);
			for (size_t j = 0; j < l.procs[i].ntps; j++) {
				struct touchpoint *tp = &l.procs[i].tps[j];

				check_string(tp->name);
				check_string(tp->specifics);
				for (size_t k = 0; k < tp->nneeds; k++)
					check_string(tp->needs[k].wording);
				for (size_t k = 0; k < tp->ncontacts; k++)
					check_string(tp->contacts[k].value);
			}
		}
	}
	import_report_fini(&rep);
	list_fini(&l);
	return 0;
}
