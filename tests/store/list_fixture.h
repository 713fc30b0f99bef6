/*
 * list_fixture.h - for store tests: a scratch database holding the small
 * catalogue and a list built by the test, its header given by who.
 * Header-only; include after store_scratch.h, catalog_fixture.h and
 * header_fixture.h.
 */
#ifndef PERECHEN_TEST_LIST_FIXTURE_H
#define PERECHEN_TEST_LIST_FIXTURE_H

#include "model.h"
#include "store.h"

/* path (len bytes) gets a fresh file named by tag; cat is initialised
 * with small_catalog; build fills the list written in one transaction. */
static void
open_with_list(struct store **st, char *path, size_t len, const char *tag,
    struct catalog *cat, void (*build)(struct list *),
    const struct actor *who)
{
	struct list l;
	struct error err;

	scratch_path(path, len, tag);
	catalog_init(cat);
	small_catalog(cat);
	if (store_open(st, path, STORE_CREATE, &err) != 0)
		fail_msg("%s", err.msg);
	list_init(&l);
	build(&l);
	if (store_begin(*st, &err) != 0 ||
	    store_seed_catalog(*st, cat, &err) != 0 ||
	    store_insert_list(*st, &l, &err) != 0 ||
	    store_commit(*st, &err) != 0)
		fail_msg("%s", err.msg);
	list_fini(&l);
	give_header(*st, who);
}

#endif
