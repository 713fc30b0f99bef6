/*
 * catalog_fixture.h - for store tests: a small catalogue of two kinds
 * (post, site) and three need categories that saved touchpoints refer
 * to.  Header-only (each test program is one file); include after
 * <cmocka.h>.
 */
#ifndef PERECHEN_TEST_CATALOG_FIXTURE_H
#define PERECHEN_TEST_CATALOG_FIXTURE_H

#include "catalog.h"

/* Fill c (catalog_init'ed by the caller). */
static void
small_catalog(struct catalog *c)
{
	struct error err;

	catalog_add_kind(c, "post", "Почта России", CHANNEL_OFFLINE,
	    "4.2.2", true, true, false, false, "");
	catalog_add_kind(c, "site", "Официальный сайт", CHANNEL_DIGITAL,
	    "4.1.1", true, false, false, false, "");
	assert_int_equal(catalog_parse_needs(c, "1\t2.6.1\tинформация\t\n"
	    "2\t2.6.2\tконсультация\t\n3\t2.6.3\tформы\t\n", "n", &err), 0);
}

#endif
