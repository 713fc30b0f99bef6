/*
 * import_fixture.h - what the import tests share: files of the tests'
 * data read whole, the catalogue loaded once for the group.  Included by
 * one test program each, so its functions are static.
 */
#ifndef PERECHEN_TEST_IMPORT_FIXTURE_H
#define PERECHEN_TEST_IMPORT_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>

#include "buf.h"
#include "catalog.h"

static struct catalog cat;

static char *
slurp(const char *dir, const char *name, size_t *len)
{
	char path[4096], chunk[65536];
	struct buf b;
	size_t n;
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "rb");
	if (f == NULL)
		fail_msg("cannot open %s", path);
	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_append(&b, chunk, n);
	fclose(f);
	if (len != NULL)
		*len = b.len;
	return buf_detach(&b);
}

static const char *
env_or(const char *name, const char *fallback)
{
	const char *v = getenv(name);

	return v != NULL && v[0] != '\0' ? v : fallback;
}

static int
setup(void **state)
{
	const char *share = env_or("PERECHEN_SHARE", "share/perechen");
	char *kinds = slurp(share, "kinds.tsv", NULL);
	char *needs = slurp(share, "needs.tsv", NULL);
	struct error err;

	(void)state;
	catalog_init(&cat);
	if (catalog_parse_kinds(&cat, kinds, "kinds", &err) != 0 ||
	    catalog_parse_needs(&cat, needs, "needs", &err) != 0)
		fail_msg("%s", err.msg);
	free(kinds);
	free(needs);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	catalog_fini(&cat);
	return 0;
}

#endif
