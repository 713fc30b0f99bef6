/*
 * import_odt.c - a LibreOffice text document (ODT) as rows: content.xml
 * read as a stream.  Paragraphs and headings outside tables are rows of
 * one cell; each row of a top-level table is a row of cells, a cell's
 * paragraphs its lines.  A covered cell (the rest of a merged one) is
 * blank; tracked changes are taken as accepted (the deleted text, kept
 * apart in text:tracked-changes, is left out; inserted text is in place);
 * notes and annotations are left out; links keep their text and, when it
 * does not show it, their address.
 */
#include "import_office.h"

#include <stdlib.h>
#include <string.h>

#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_XLINK "http://www.w3.org/1999/xlink"

/* Repeated cells or spaces written once: a list needs few. */
#define ODT_REPEAT_MAX 64

struct odt {
	struct office_xml x;
	struct office_doc *d;
	size_t	 tbl_depth;
	size_t	 table, row, para;
	size_t	 in_p;		/* paragraphs open: text is theirs */
	char	*link;
	size_t	 link_from;
};

/* A count attribute (text:c, table:number-columns-repeated), 1..max. */
static size_t
count_attr(const struct odt *o, const char *ns, const char *name)
{
	char *v = office_xml_attr(&o->x, ns, name);
	unsigned long n = v != NULL ? strtoul(v, NULL, 10) : 1;

	free(v);
	return n < 1 ? 1 : n > ODT_REPEAT_MAX ? ODT_REPEAT_MAX : n;
}

/* The tracked changes' record: counted, their deleted text left out. */
static int
tracked_changes(struct odt *o, struct error *err)
{
	int depth = xmlTextReaderDepth(o->x.r), rc;

	if (xmlTextReaderIsEmptyElement(o->x.r))
		return 0;
	while ((rc = office_xml_next(&o->x, err)) == 1) {
		if (xmlTextReaderDepth(o->x.r) == depth)
			return 0;
		if (office_xml_start(&o->x, NS_TEXT, "insertion"))
			o->d->inserted++;
		else if (office_xml_start(&o->x, NS_TEXT, "deletion"))
			o->d->deleted++;
	}
	return -1;
}

static void
link_end(struct odt *o)
{
	const struct buf *c = &o->d->cell;
	const char *text = c->data != NULL ? c->data + o->link_from : "";

	if (o->link != NULL && o->link[0] != '#' &&
	    strstr(text, o->link) == NULL) {
		office_text(o->d, " ");
		office_text(o->d, o->link);
	}
	free(o->link);
	o->link = NULL;
}

static int
cell_start(struct odt *o, bool covered, struct error *err)
{
	size_t n = count_attr(o, NS_TABLE, "number-columns-repeated");

	buf_reset(&o->d->cell);
	/* A repeated cell is empty (or covered): all but one written now. */
	for (size_t i = 1; i < n; i++)
		if (office_cell_end(o->d, true, err) != 0)
			return -1;
	if (covered)
		return office_cell_end(o->d, true, err);
	return 0;
}

static int
element_start(struct odt *o, struct error *err)
{
	struct office_xml *x = &o->x;

	if (office_xml_start(x, NS_TEXT, "tracked-changes"))
		return tracked_changes(o, err);
	if (office_xml_start(x, NS_TEXT, "note") ||
	    office_xml_start(x, NS_OFFICE, "annotation") ||
	    office_xml_start(x, NS_TEXT, "bookmark-ref"))
		return office_xml_skip(x, err) < 0 ? -1 : 0;
	if (office_xml_start(x, NS_TABLE, "table")) {
		if (o->tbl_depth++ == 0) {
			o->table = ++o->d->tables;
			o->row = 0;
		}
	} else if (o->tbl_depth == 1 &&
	    office_xml_start(x, NS_TABLE, "table-row")) {
		strvec_fini(&o->d->cells);
	} else if (o->tbl_depth == 1 &&
	    office_xml_start(x, NS_TABLE, "table-cell")) {
		return cell_start(o, false, err);
	} else if (o->tbl_depth == 1 &&
	    office_xml_start(x, NS_TABLE, "covered-table-cell")) {
		return cell_start(o, true, err);
	} else if (office_xml_start(x, NS_TEXT, "p") ||
	    office_xml_start(x, NS_TEXT, "h")) {
		if (o->tbl_depth > 0)
			office_cell_line(o->d);
		o->in_p += !xmlTextReaderIsEmptyElement(x->r);
	} else if (office_xml_start(x, NS_TEXT, "s")) {
		for (size_t n = count_attr(o, NS_TEXT, "c"); n > 0; n--)
			office_text(o->d, " ");
	} else if (office_xml_start(x, NS_TEXT, "tab")) {
		office_text(o->d, " ");
	} else if (office_xml_start(x, NS_TEXT, "line-break")) {
		office_text(o->d, "\n");
	} else if (office_xml_start(x, NS_TEXT, "a")) {
		free(o->link);
		o->link = office_xml_attr(x, NS_XLINK, "href");
		o->link_from = o->d->cell.len;
	}
	return 0;
}

static int
element_end(struct odt *o, struct error *err)
{
	struct office_xml *x = &o->x;

	if (office_xml_end(x, NS_TEXT, "a"))
		link_end(o);
	else if (office_xml_end(x, NS_TEXT, "p") ||
	    office_xml_end(x, NS_TEXT, "h")) {
		if (xmlTextReaderNodeType(x->r) == XML_READER_TYPE_END_ELEMENT &&
		    o->in_p > 0)
			o->in_p--;
		if (o->tbl_depth == 0)
			return office_paragraph(o->d, ++o->para, err);
	}
	else if (office_xml_end(x, NS_TABLE, "table-cell") && o->tbl_depth == 1)
		return office_cell_end(o->d, false, err);
	else if (office_xml_end(x, NS_TABLE, "table-row") && o->tbl_depth == 1)
		return office_row_end(o->d, o->table, ++o->row, false, err);
	else if (office_xml_end(x, NS_TABLE, "table") && o->tbl_depth > 0)
		o->tbl_depth--;
	return 0;
}

int
import_odt_rows(zip_t *z, struct office_doc *d, struct error *err)
{
	struct odt o;
	struct buf data;
	int rc;

	memset(&o, 0, sizeof o);
	o.d = d;
	buf_init(&data);
	rc = office_part(z, "content.xml", false, &data, err);
	if (rc == 0 && (rc = office_xml_open(&o.x, &data, "content.xml",
	    err)) == 0) {
		while ((rc = office_xml_next(&o.x, err)) == 1) {
			if (office_xml_is_text(&o.x)) {
				/* Text of a paragraph, not the space between
				 * elements. */
				if (o.in_p > 0)
					office_text(d, office_xml_value(&o.x));
				continue;
			}
			if (element_start(&o, err) != 0 ||
			    element_end(&o, err) != 0) {
				rc = -1;
				break;
			}
		}
		office_xml_close(&o.x);
	}
	free(o.link);
	buf_fini(&data);
	return rc < 0 ? -1 : 0;
}
