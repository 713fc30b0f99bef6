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

#include "fuzz_import.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Odd sizes read the table as headerless, its columns named. */
	fuzz_import_bytes((const char *)data, size, size % 2 == 1 ?
	    "№,процесс,точка,потребности,-,особенности" : NULL);
	return 0;
}
