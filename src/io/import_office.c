/*
 * import_office.c - a DOCX, ODT or XLSX file as rows: the package opened
 * with libzip and its parts read within limits, each part through
 * libxml2's streaming reader with the network, DTDs and entities off;
 * which kind it is by its content; its rows given to the same finding of
 * the list's table and the same reading of rows as a text table.
 */
#include "import_office.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

void
office_doc_init(struct office_doc *d)
{
	memset(d, 0, sizeof *d);
	strvec_init(&d->cells);
	buf_init(&d->cell);
}

void
office_doc_fini(struct office_doc *d)
{
	for (size_t i = 0; i < d->n; i++)
		import_row_fini(&d->rows[i]);
	free(d->rows);
	strvec_fini(&d->cells);
	buf_fini(&d->cell);
}

/* Characters that only tell a renderer where a line may break: a soft
 * hyphen, a zero-width space (our own DOCX puts them into addresses), a
 * word joiner, a BOM. */
static const char *const invisible[] = {
	"\xC2\xAD", "\xE2\x80\x8B", "\xE2\x81\xA0", "\xEF\xBB\xBF"
};

static size_t
invisible_len(const char *s)
{
	for (size_t i = 0; i < sizeof invisible / sizeof invisible[0]; i++)
		if (strncmp(s, invisible[i], strlen(invisible[i])) == 0)
			return strlen(invisible[i]);
	return 0;
}

void
office_text(struct office_doc *d, const char *s)
{
	while (*s != '\0') {
		size_t n = invisible_len(s);

		if (n > 0) {
			s += n;
		} else if (strncmp(s, "\xC2\xA0", 2) == 0) {	/* NBSP */
			buf_putc(&d->cell, ' ');
			s += 2;
		} else {
			buf_putc(&d->cell, *s++);
		}
	}
}

void
office_cell_line(struct office_doc *d)
{
	if (d->cell.len > 0)
		buf_putc(&d->cell, '\n');
}

int
office_cell_end(struct office_doc *d, bool blank, struct error *err)
{
	if (d->cells.n >= OFFICE_CELLS_MAX)
		return error_set(err, "в строке таблицы больше %zu ячеек — "
		    "файл повреждён", OFFICE_CELLS_MAX);
	strvec_push(&d->cells, blank || d->cell.data == NULL ? "" :
	    d->cell.data);
	buf_reset(&d->cell);
	return 0;
}

int
office_row_end(struct office_doc *d, size_t table, size_t line, bool skip,
    struct error *err)
{
	struct import_row *r;

	if (skip) {
		strvec_fini(&d->cells);
		return 0;
	}
	if (d->n >= OFFICE_ROWS_MAX)
		return error_set(err, "в документе больше %zu строк — это не "
		    "перечень", OFFICE_ROWS_MAX);
	d->rows = xreallocarray(d->rows, d->n + 1, sizeof *d->rows);
	r = &d->rows[d->n++];
	import_row_init(r);
	r->cells = d->cells;
	r->table = table;
	r->line = line;
	strvec_init(&d->cells);
	return 0;
}

int
office_paragraph(struct office_doc *d, size_t line, struct error *err)
{
	if (office_cell_end(d, false, err) != 0)
		return -1;
	return office_row_end(d, 0, line, false, err);
}

/* ---- the package ---- */

int
office_part(zip_t *z, const char *name, bool missing_ok, struct buf *out,
    struct error *err)
{
	zip_stat_t st;
	zip_file_t *f;
	char chunk[16384];
	zip_int64_t n;

	buf_reset(out);
	zip_stat_init(&st);
	if (zip_stat(z, name, 0, &st) != 0) {
		if (missing_ok) {
			buf_puts(out, "");
			return 0;
		}
		return error_set(err, "в файле нет части %s — документ "
		    "повреждён или это не тот формат", name);
	}
	if (!(st.valid & ZIP_STAT_SIZE) || st.size > OFFICE_PART_MAX)
		return error_set(err, "часть %s больше %zu МиБ — это не "
		    "перечень", name, OFFICE_PART_MAX >> 20);
	if ((f = zip_fopen(z, name, 0)) == NULL)
		return error_set(err, "часть %s не читается: %s", name,
		    zip_strerror(z));
	while ((n = zip_fread(f, chunk, sizeof chunk)) > 0) {
		/* The size the archive states may be a lie: counted as read. */
		if (out->len + (size_t)n > st.size) {
			zip_fclose(f);
			return error_set(err, "часть %s длиннее, чем сказано в "
			    "архиве — файл повреждён или подделан", name);
		}
		buf_append(out, chunk, (size_t)n);
	}
	zip_fclose(f);
	if (n < 0)
		return error_set(err, "часть %s не читается — файл "
		    "повреждён", name);
	buf_puts(out, "");
	return 0;
}

/* ---- XML ---- */

static void
office_xml_error(void *arg, xmlErrorPtr e)
{
	struct office_xml *x = arg;

	if (x->error[0] == '\0' && e != NULL && e->message != NULL)
		snprintf(x->error, sizeof x->error, "%s", e->message);
}

int
office_xml_open(struct office_xml *x, const struct buf *data,
    const char *part, struct error *err)
{
	memset(x, 0, sizeof *x);
	x->part = part;
	/* Office parts have no DTD: one may only declare entities to
	 * expand (billion laughs) or fetch. */
	if (data->len > 0 && (strstr(data->data, "<!DOCTYPE") != NULL ||
	    strstr(data->data, "<!ENTITY") != NULL))
		return error_set(err, "часть %s объявляет DTD или сущности — "
		    "в документах Office их не бывает; файл не читается",
		    part);
	if (data->len > INT32_MAX)
		return error_set(err, "часть %s слишком велика", part);
	x->r = xmlReaderForMemory(data->data != NULL ? data->data : "",
	    (int)data->len, NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING);
	if (x->r == NULL)
		return error_set(err, "часть %s не читается", part);
	xmlTextReaderSetStructuredErrorHandler(x->r, office_xml_error, x);
	xmlTextReaderSetParserProp(x->r, XML_PARSER_SUBST_ENTITIES, 0);
	xmlTextReaderSetParserProp(x->r, XML_PARSER_LOADDTD, 0);
	xmlTextReaderSetParserProp(x->r, XML_PARSER_DEFAULTATTRS, 0);
	xmlTextReaderSetParserProp(x->r, XML_PARSER_VALIDATE, 0);
	return 0;
}

void
office_xml_close(struct office_xml *x)
{
	if (x->r != NULL)
		xmlFreeTextReader(x->r);
	x->r = NULL;
}

static int
office_xml_failed(struct office_xml *x, struct error *err)
{
	return error_set(err, "часть %s повреждена (%s)", x->part,
	    x->error[0] != '\0' ? x->error : "ошибка разбора XML");
}

int
office_xml_next(struct office_xml *x, struct error *err)
{
	int rc = xmlTextReaderRead(x->r);

	if (rc < 0)
		return office_xml_failed(x, err);
	if (rc == 1 && xmlTextReaderDepth(x->r) > OFFICE_DEPTH_MAX)
		return error_set(err, "часть %s: элементы вложены глубже %d — "
		    "файл не читается", x->part, OFFICE_DEPTH_MAX);
	if (rc == 1 && xmlTextReaderNodeType(x->r) ==
	    XML_READER_TYPE_DOCUMENT_TYPE)
		return error_set(err, "часть %s объявляет DTD — в документах "
		    "Office их не бывает; файл не читается", x->part);
	return rc;
}

int
office_xml_skip(struct office_xml *x, struct error *err)
{
	int depth;

	if (xmlTextReaderNodeType(x->r) != XML_READER_TYPE_ELEMENT ||
	    xmlTextReaderIsEmptyElement(x->r))
		return 1;
	depth = xmlTextReaderDepth(x->r);
	for (;;) {
		int rc = office_xml_next(x, err);

		if (rc <= 0)
			return rc < 0 ? -1 : office_xml_failed(x, err);
		if (xmlTextReaderDepth(x->r) == depth &&
		    xmlTextReaderNodeType(x->r) ==
		    XML_READER_TYPE_END_ELEMENT)
			return 1;
	}
}

static bool
office_xml_named(const struct office_xml *x, const char *ns,
    const char *name)
{
	const xmlChar *uri = xmlTextReaderConstNamespaceUri(x->r);
	const xmlChar *local = xmlTextReaderConstLocalName(x->r);

	return local != NULL && strcmp((const char *)local, name) == 0 &&
	    uri != NULL && strcmp((const char *)uri, ns) == 0;
}

bool
office_xml_start(const struct office_xml *x, const char *ns,
    const char *name)
{
	return xmlTextReaderNodeType(x->r) == XML_READER_TYPE_ELEMENT &&
	    office_xml_named(x, ns, name);
}

bool
office_xml_end(const struct office_xml *x, const char *ns, const char *name)
{
	int t = xmlTextReaderNodeType(x->r);

	/* An empty element (<w:p/>) ends where it starts. */
	return (t == XML_READER_TYPE_END_ELEMENT ||
	    (t == XML_READER_TYPE_ELEMENT &&
	    xmlTextReaderIsEmptyElement(x->r))) &&
	    office_xml_named(x, ns, name);
}

bool
office_xml_is_text(const struct office_xml *x)
{
	int t = xmlTextReaderNodeType(x->r);

	return t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_CDATA ||
	    t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

const char *
office_xml_value(const struct office_xml *x)
{
	const xmlChar *v = xmlTextReaderConstValue(x->r);

	return v != NULL ? (const char *)v : "";
}

char *
office_xml_attr(const struct office_xml *x, const char *ns, const char *name)
{
	xmlChar *v = ns != NULL ? xmlTextReaderGetAttributeNs(x->r,
	    (const xmlChar *)name, (const xmlChar *)ns) :
	    xmlTextReaderGetAttribute(x->r, (const xmlChar *)name);
	char *s;

	if (v == NULL)
		return NULL;
	s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

#define NS_RELS "http://schemas.openxmlformats.org/package/2006/relationships"

/* "word/document.xml" → "word/_rels/document.xml.rels" */
static char *
rels_name(const char *part)
{
	const char *slash = strrchr(part, '/');

	if (slash == NULL)
		return xasprintf("_rels/%s.rels", part);
	return xasprintf("%.*s/_rels/%s.rels", (int)(slash - part), part,
	    slash + 1);
}

int
office_rels(zip_t *z, const char *name, struct strvec *ids,
    struct strvec *targets, struct error *err)
{
	char *rels = rels_name(name);
	struct office_xml x;
	struct buf data;
	int rc;

	buf_init(&data);
	rc = office_part(z, rels, true, &data, err);
	if (rc == 0 && data.len > 0)
		rc = office_xml_open(&x, &data, rels, err);
	if (rc == 0 && data.len > 0) {
		while ((rc = office_xml_next(&x, err)) == 1) {
			char *id, *target;

			if (!office_xml_start(&x, NS_RELS, "Relationship"))
				continue;
			id = office_xml_attr(&x, NULL, "Id");
			target = office_xml_attr(&x, NULL, "Target");
			if (id != NULL && target != NULL) {
				strvec_push(ids, id);
				strvec_push(targets, target);
			}
			free(id);
			free(target);
		}
		office_xml_close(&x);
	}
	buf_fini(&data);
	free(rels);
	return rc < 0 ? -1 : 0;
}

/* ---- the file ---- */

enum office_kind { OFFICE_DOCX, OFFICE_XLSX, OFFICE_ODT, OFFICE_UNKNOWN };

static bool
has_part(zip_t *z, const char *name)
{
	return zip_name_locate(z, name, 0) >= 0;
}

/* By content: OOXML's [Content_Types].xml and main part, ODF's mimetype. */
static enum office_kind
office_kind(zip_t *z, struct error *err)
{
	struct buf mime;
	enum office_kind k = OFFICE_UNKNOWN;

	if (has_part(z, "[Content_Types].xml")) {
		if (has_part(z, "word/document.xml"))
			return OFFICE_DOCX;
		if (has_part(z, "xl/workbook.xml"))
			return OFFICE_XLSX;
		return OFFICE_UNKNOWN;
	}
	buf_init(&mime);
	if (office_part(z, "mimetype", true, &mime, err) == 0 &&
	    mime.len > 0 && strcmp(mime.data,
	    "application/vnd.oasis.opendocument.text") == 0)
		k = OFFICE_ODT;
	buf_fini(&mime);
	return k;
}

/* Cells of each table's rows made as many as its widest row has, so that
 * every row matches its header; paragraphs keep their one cell. */
static void
even_rows(struct office_doc *d)
{
	size_t start = 0;

	while (start < d->n) {
		size_t end = start, width = 0, table = d->rows[start].table;

		while (end < d->n && d->rows[end].table == table) {
			if (d->rows[end].cells.n > width)
				width = d->rows[end].cells.n;
			end++;
		}
		for (size_t i = start; table > 0 && i < end; i++)
			while (d->rows[i].cells.n < width)
				strvec_push(&d->rows[i].cells, "");
		start = end;
	}
}

/* Rows [from, to) of a document, copied out. */
struct office_source {
	const struct office_doc *d;
	size_t	 at, to;
};

static int
office_source_next(void *state, struct import_row *row, struct error *err)
{
	struct office_source *s = state;
	const struct import_row *r;

	(void)err;
	if (s->at >= s->to || s->at >= s->d->n)
		return 0;
	r = &s->d->rows[s->at++];
	strvec_fini(&row->cells);
	for (size_t i = 0; i < r->cells.n; i++)
		strvec_push(&row->cells, r->cells.v[i]);
	row->table = r->table;
	row->line = r->line;
	return 1;
}

static int
read_rows_of(zip_t *z, enum office_kind k, struct office_doc *d,
    struct error *err)
{
	switch (k) {
	case OFFICE_DOCX: return import_docx_rows(z, d, err);
	case OFFICE_XLSX: return import_xlsx_rows(z, d, err);
	case OFFICE_ODT: return import_odt_rows(z, d, err);
	default:
		return error_set(err, "архив ZIP, но не документ DOCX, ODT "
		    "или XLSX; сохраните таблицу в одном из них");
	}
}

static void
note_changes(const struct office_doc *d, struct import_report *rep)
{
	if (d->inserted > 0 || d->deleted > 0)
		strvec_push_owned(&rep->notes, xasprintf("строка 1: в "
		    "документе есть исправления (режим рецензирования): "
		    "приняты — вставок %zu, удалений %zu; проверьте текст",
		    d->inserted, d->deleted));
	if (d->header_repeats > 0)
		strvec_push_owned(&rep->notes, xasprintf("строка 1: повторы "
		    "строки заголовка таблицы (на каждой странице) "
		    "пропущены: %zu", d->header_repeats));
}

static const char *const kind_names[] = { "DOCX", "XLSX", "ODT", "ZIP" };

static int
import_doc(const struct office_doc *d, const struct import_opts *o,
    struct list *out, struct import_report *rep, struct error *err)
{
	struct office_source s = { d, 0, SIZE_MAX };
	struct import_source src = { office_source_next, &s };
	size_t range[2] = { 0, SIZE_MAX };

	if (o->columns == NULL &&
	    import_find_list(&src, o, out, rep, range, err) != 0)
		return -1;
	s.at = range[0];
	s.to = range[1];
	return import_rows(&src, o, out, rep, err);
}

int
import_office(const char *data, size_t len, const struct import_opts *o,
    struct list *out, struct import_report *rep, struct error *err)
{
	zip_error_t zerr;
	zip_source_t *src;
	zip_t *z;
	struct office_doc d;
	enum office_kind k;
	int rc;

	zip_error_init(&zerr);
	src = zip_source_buffer_create(data, len, 0, &zerr);
	z = src != NULL ? zip_open_from_source(src, ZIP_RDONLY, &zerr) : NULL;
	if (z == NULL) {
		if (src != NULL)
			zip_source_free(src);
		error_set(err, "архив ZIP повреждён: %s",
		    zip_error_strerror(&zerr));
		zip_error_fini(&zerr);
		return -1;
	}
	zip_error_fini(&zerr);
	office_doc_init(&d);
	k = office_kind(z, err);
	rep->encoding = kind_names[k];
	rep->delimiter = '\0';
	rc = read_rows_of(z, k, &d, err);
	zip_discard(z);
	if (rc == 0) {
		even_rows(&d);
		note_changes(&d, rep);
		rc = import_doc(&d, o, out, rep, err);
	}
	office_doc_fini(&d);
	return rc;
}
