/*
 * import_xlsx.c - an Excel workbook (XLSX) as rows: each sheet a table,
 * in the workbook's order; shared strings, inline strings and numbers as
 * their text; a merged range's other cells are blank in the file and
 * stay blank, as Word's merged cells do.  Each row has cells up to its
 * last one written; the reading of rows evens them out.
 */
#include "import_office.h"

#include <stdlib.h>
#include <string.h>

#define NS_S "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_R \
	"http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/* Columns of a sheet we read: a list has a few. */
#define XLSX_COLUMNS_MAX 256

/* The text of <si> or <is>: its <t>, or its runs' <t> joined (phonetic
 * runs <rPh> left out).  The reader is at the element's start. */
static int
string_item(struct office_xml *x, const char *name, struct buf *out,
    struct error *err)
{
	bool in_t = false;
	int rc;

	buf_reset(out);
	buf_puts(out, "");
	if (xmlTextReaderIsEmptyElement(x->r))
		return 0;
	while ((rc = office_xml_next(x, err)) == 1) {
		if (office_xml_end(x, NS_S, name))
			return 0;
		if (office_xml_start(x, NS_S, "rPh")) {
			if (office_xml_skip(x, err) < 0)
				return -1;
		} else if (office_xml_start(x, NS_S, "t")) {
			in_t = !xmlTextReaderIsEmptyElement(x->r);
		} else if (office_xml_end(x, NS_S, "t")) {
			in_t = false;
		} else if (in_t && office_xml_is_text(x)) {
			buf_puts(out, office_xml_value(x));
		}
	}
	return rc < 0 ? -1 : error_set(err, "часть %s оборвана внутри "
	    "строки текста", x->part);
}

static int
shared_strings(zip_t *z, struct strvec *out, struct error *err)
{
	struct office_xml x;
	struct buf data, s;
	int rc;

	buf_init(&data);
	buf_init(&s);
	rc = office_part(z, "xl/sharedStrings.xml", true, &data, err);
	if (rc == 0 && data.len > 0 && (rc = office_xml_open(&x, &data,
	    "xl/sharedStrings.xml", err)) == 0) {
		while ((rc = office_xml_next(&x, err)) == 1)
			if (office_xml_start(&x, NS_S, "si")) {
				if (string_item(&x, "si", &s, err) != 0) {
					rc = -1;
					break;
				}
				strvec_push(out, s.data);
			}
		office_xml_close(&x);
	}
	buf_fini(&s);
	buf_fini(&data);
	return rc < 0 ? -1 : 0;
}

/* "C12" → column 2 (0-based), or -1. */
static long
column_of_ref(const char *ref)
{
	long col = 0;
	size_t i = 0;

	for (; ref[i] >= 'A' && ref[i] <= 'Z' && i < 4; i++)
		col = col * 26 + (ref[i] - 'A' + 1);
	return i > 0 ? col - 1 : -1;
}

struct sheet {
	struct office_xml x;
	struct office_doc *d;
	const struct strvec *shared;
	size_t	 table;
	struct buf value;
};

/* One <c>: its text put at its column (blank cells before it). */
static int
read_cell(struct sheet *s, struct error *err)
{
	struct office_xml *x = &s->x;
	char *ref = office_xml_attr(x, NULL, "r");
	char *type = office_xml_attr(x, NULL, "t");
	long col = ref != NULL ? column_of_ref(ref) : (long)s->d->cells.n;
	bool in_v = false;
	int rc = 1;

	buf_reset(&s->value);
	buf_puts(&s->value, "");
	while (!xmlTextReaderIsEmptyElement(x->r) &&
	    (rc = office_xml_next(x, err)) == 1 && !office_xml_end(x, NS_S,
	    "c")) {
		if (office_xml_start(x, NS_S, "is"))
			rc = string_item(x, "is", &s->value, err) == 0 ? 1 : -1;
		else if (office_xml_start(x, NS_S, "v"))
			in_v = true;
		else if (office_xml_end(x, NS_S, "v"))
			in_v = false;
		else if (in_v && office_xml_is_text(x))
			buf_puts(&s->value, office_xml_value(x));
		if (rc != 1)
			break;
	}
	if (rc == 1 && type != NULL && strcmp(type, "s") == 0) {
		unsigned long k = strtoul(s->value.data, NULL, 10);
		const char *text = k < s->shared->n ? s->shared->v[k] : "";

		buf_reset(&s->value);
		buf_puts(&s->value, text);
	}
	if (rc == 1 && (col < 0 || col >= XLSX_COLUMNS_MAX ||
	    (size_t)col < s->d->cells.n))
		rc = error_set(err, "лист %zu: ячейка «%s» вне порядка или "
		    "дальше столбца %d — файл повреждён", s->table,
		    ref != NULL ? ref : "?", XLSX_COLUMNS_MAX);
	while (rc == 1 && s->d->cells.n < (size_t)col)
		strvec_push(&s->d->cells, "");
	if (rc == 1) {
		office_text(s->d, s->value.data);
		rc = office_cell_end(s->d, false, err) == 0 ? 1 : -1;
	}
	free(ref);
	free(type);
	return rc < 0 ? -1 : 0;
}

static int
read_sheet(struct sheet *s, const struct buf *data, const char *part,
    struct error *err)
{
	size_t line = 0;
	int rc;

	if (office_xml_open(&s->x, data, part, err) != 0)
		return -1;
	while ((rc = office_xml_next(&s->x, err)) == 1) {
		if (office_xml_start(&s->x, NS_S, "row")) {
			char *r = office_xml_attr(&s->x, NULL, "r");

			line = r != NULL ? strtoul(r, NULL, 10) : line + 1;
			free(r);
			strvec_fini(&s->d->cells);
		}
		if (office_xml_start(&s->x, NS_S, "c") && read_cell(s, err) != 0)
			rc = -1;
		else if (office_xml_end(&s->x, NS_S, "row") &&
		    office_row_end(s->d, s->table, line, false, err) != 0)
			rc = -1;
		if (rc < 0)
			break;
	}
	office_xml_close(&s->x);
	return rc < 0 ? -1 : 0;
}

/* The sheets' parts in the workbook's order: r:id → its target. */
static int
sheet_parts(zip_t *z, struct strvec *parts, struct error *err)
{
	struct strvec ids, targets;
	struct office_xml x;
	struct buf data;
	int rc;

	strvec_init(&ids);
	strvec_init(&targets);
	buf_init(&data);
	rc = office_rels(z, "xl/workbook.xml", &ids, &targets, err);
	if (rc == 0)
		rc = office_part(z, "xl/workbook.xml", false, &data, err);
	if (rc == 0 && (rc = office_xml_open(&x, &data, "xl/workbook.xml",
	    err)) == 0) {
		while ((rc = office_xml_next(&x, err)) == 1) {
			char *id;

			if (!office_xml_start(&x, NS_S, "sheet"))
				continue;
			id = office_xml_attr(&x, NS_R, "id");
			for (size_t i = 0; id != NULL && i < ids.n; i++)
				if (strcmp(ids.v[i], id) == 0)
					strvec_push_owned(parts,
					    targets.v[i][0] == '/' ?
					    xstrdup(targets.v[i] + 1) :
					    xasprintf("xl/%s", targets.v[i]));
			free(id);
		}
		office_xml_close(&x);
	}
	strvec_fini(&ids);
	strvec_fini(&targets);
	buf_fini(&data);
	return rc < 0 ? -1 : 0;
}

int
import_xlsx_rows(zip_t *z, struct office_doc *d, struct error *err)
{
	struct strvec shared, parts;
	struct sheet s;
	struct buf data;
	int rc;

	strvec_init(&shared);
	strvec_init(&parts);
	buf_init(&data);
	memset(&s, 0, sizeof s);
	s.d = d;
	s.shared = &shared;
	buf_init(&s.value);
	rc = shared_strings(z, &shared, err);
	if (rc == 0)
		rc = sheet_parts(z, &parts, err);
	for (size_t i = 0; rc == 0 && i < parts.n; i++) {
		s.table = ++d->tables;
		rc = office_part(z, parts.v[i], false, &data, err);
		if (rc == 0)
			rc = read_sheet(&s, &data, parts.v[i], err);
	}
	buf_fini(&s.value);
	buf_fini(&data);
	strvec_fini(&shared);
	strvec_fini(&parts);
	return rc;
}
