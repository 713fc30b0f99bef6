/*
 * fuzz_office.c - the DOCX, ODT and XLSX readers on arbitrary XML: the
 * first byte says which part the rest is (DOCX's word/document.xml, ODT's
 * content.xml, an XLSX sheet or its shared strings), packed with the
 * parts around it; any other first byte gives the bytes as they are (the
 * ZIP reader itself).  A failure must say why; a list read must hold
 * valid UTF-8 only.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "buf.h"
#include "import.h"

#include "fuzz_import.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define SHEET_RELS "<Relationships xmlns=\"http://schemas.openxmlformats." \
	"org/package/2006/relationships\"><Relationship Id=\"rId1\" " \
	"Target=\"worksheets/sheet1.xml\"/></Relationships>"
#define WORKBOOK "<workbook xmlns=\"http://schemas.openxmlformats.org/" \
	"spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats." \
	"org/officeDocument/2006/relationships\"><sheets><sheet r:id=" \
	"\"rId1\"/></sheets></workbook>"
#define SHEET "<worksheet xmlns=\"http://schemas.openxmlformats.org/" \
	"spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" " \
	"t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>" \
	"</sheetData></worksheet>"

/* The parts of each package; "@" is where the fuzzed bytes go. */
static const char *const packages[4][9] = {
	{ "[Content_Types].xml", "<Types/>", "word/document.xml", "@", NULL },
	{ "mimetype", "application/vnd.oasis.opendocument.text",
	  "content.xml", "@", NULL },
	{ "[Content_Types].xml", "<Types/>", "xl/workbook.xml", WORKBOOK,
	  "xl/_rels/workbook.xml.rels", SHEET_RELS,
	  "xl/worksheets/sheet1.xml", "@", NULL },
	{ "[Content_Types].xml", "<Types/>", "xl/workbook.xml", WORKBOOK,
	  "xl/_rels/workbook.xml.rels", SHEET_RELS,
	  "xl/sharedStrings.xml", "@", NULL },
};

static int
pack(const char *const *parts, const uint8_t *data, size_t size,
    struct buf *out)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *z;
	char chunk[8192];
	zip_int64_t n;
	int rc = 0;

	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	z = src != NULL ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
	if (z == NULL)
		abort();
	zip_source_keep(src);
	for (size_t i = 0; parts[i] != NULL; i += 2) {
		const char *text = parts[i + 1];
		const void *p = strcmp(text, "@") == 0 ? (const void *)data :
		    (const void *)text;
		size_t len = strcmp(text, "@") == 0 ? size : strlen(text);
		zip_source_t *s = zip_source_buffer(z, p, len, 0);
		zip_int64_t idx = s != NULL ? zip_file_add(z, parts[i], s, 0) :
		    -1;

		if (idx < 0 || zip_set_file_compression(z, (zip_uint64_t)idx,
		    ZIP_CM_STORE, 0) != 0)
			abort();
	}
	if (zip_close(z) != 0 || zip_source_open(src) != 0)
		abort();
	while ((n = zip_source_read(src, chunk, sizeof chunk)) > 0)
		buf_append(out, chunk, (size_t)n);
	if (n < 0)
		rc = -1;
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	return rc;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf file;

	buf_init(&file);
	if (size > 0 && data[0] < 4) {
		if (pack(packages[data[0]], data + 1, size - 1, &file) != 0)
			abort();
	} else {
		buf_append(&file, data, size);
	}
	fuzz_import_bytes(file.data != NULL ? file.data : "", file.len, NULL);
	buf_fini(&file);
	return 0;
}
