/*
 * fuzz_csv.c - the CSV/TSV record reader on arbitrary bytes, with each
 * delimiter: it must end (no endless loop), never read out of bounds, and
 * every field must be shorter than the limit it promises.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char delims[] = { '\t', ';', ',' };
	struct csv_record rec;
	struct csv_reader r;
	struct error err;

	if (memchr(data, '\0', size) != NULL)
		return 0;	/* the importer refuses NUL before reading */
	for (size_t k = 0; k < sizeof delims; k++) {
		size_t records = 0;
		int rc;

		csv_reader_init(&r, (const char *)data, size, delims[k]);
		csv_record_init(&rec);
		while ((rc = csv_read(&r, &rec, &err)) == 1) {
			if (rec.fields.n == 0 || ++records > size + 1)
				abort();
			for (size_t i = 0; i < rec.fields.n; i++)
				if (strlen(rec.fields.v[i]) > CSV_MAX_FIELD + 1)
					abort();
		}
		csv_record_fini(&rec);
	}
	(void)csv_guess_delimiter((const char *)data, size);
	return 0;
}
