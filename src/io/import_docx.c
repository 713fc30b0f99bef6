/*
 * import_docx.c - a Word document (DOCX) as rows: word/document.xml read
 * as a stream.  Paragraphs outside tables are rows of one cell (the
 * order's text); each row of a top-level table is a row of cells, a
 * cell's paragraphs its lines.  Tracked changes are taken as accepted,
 * a vertically merged cell's continuation is left blank as Word's own
 * text export leaves it, a header row repeated for page breaks
 * (w:tblHeader after the table's data began) is skipped, hyperlinks keep
 * their text and, when it does not show it, their address.
 */
#include "import_office.h"

#include <stdlib.h>
#include <string.h>

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R \
	"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_MC "http://schemas.openxmlformats.org/markup-compatibility/2006"

struct docx {
	struct office_xml x;
	struct office_doc *d;
	struct strvec rel_ids, rel_targets;
	size_t	 tbl_depth;	/* tables open; 1: a top-level one */
	size_t	 table;		/* the top-level table's number */
	size_t	 row;		/* its rows so far */
	size_t	 data_rows;	/* of them, not marked as header */
	size_t	 para;		/* paragraphs outside tables */
	bool	 in_t;		/* inside w:t */
	bool	 row_header;	/* the row is marked w:tblHeader */
	bool	 cell_merged;	/* the cell continues a vertical merge */
	size_t	 span;		/* the cell's w:gridSpan */
	char	*link;		/* the address of the hyperlink open */
	size_t	 link_from;	/* where its text began in the cell */
};

/* An on/off property: absent w:val, "1", "true", "on" are on. */
static bool
prop_on(const struct docx *x)
{
	char *v = office_xml_attr(&x->x, NS_W, "val");
	bool on = v == NULL || strcmp(v, "1") == 0 ||
	    strcmp(v, "true") == 0 || strcmp(v, "on") == 0;

	free(v);
	return on;
}

static void
link_start(struct docx *x)
{
	char *id = office_xml_attr(&x->x, NS_R, "id");

	free(x->link);
	x->link = NULL;
	for (size_t i = 0; id != NULL && i < x->rel_ids.n; i++)
		if (strcmp(x->rel_ids.v[i], id) == 0)
			x->link = xstrdup(x->rel_targets.v[i]);
	x->link_from = x->d->cell.len;
	free(id);
}

/* A link whose text does not show its address gets it after the text. */
static void
link_end(struct docx *x)
{
	struct buf *c = &x->d->cell;
	const char *text = c->data != NULL ? c->data + x->link_from : "";

	if (x->link != NULL && x->link[0] != '#' &&
	    strstr(text, x->link) == NULL) {
		office_text(x->d, " ");
		office_text(x->d, x->link);
	}
	free(x->link);
	x->link = NULL;
}

static int
row_end(struct docx *x, struct error *err)
{
	bool repeat = x->row_header && x->data_rows > 0;

	x->row++;
	if (repeat)
		x->d->header_repeats++;
	else if (!x->row_header)
		x->data_rows++;
	return office_row_end(x->d, x->table, x->row, repeat, err);
}

static int
cell_end(struct docx *x, struct error *err)
{
	if (office_cell_end(x->d, x->cell_merged, err) != 0)
		return -1;
	/* A cell spanning grid columns stands for that many cells. */
	for (size_t i = 1; i < x->span && i < OFFICE_CELLS_MAX; i++)
		if (office_cell_end(x->d, true, err) != 0)
			return -1;
	return 0;
}

/* Elements that start something. */
static int
element_start(struct docx *x, struct error *err)
{
	struct office_xml *ox = &x->x;

	if (office_xml_start(ox, NS_W, "del") ||
	    office_xml_start(ox, NS_W, "moveFrom")) {
		x->d->deleted++;
		return office_xml_skip(ox, err) < 0 ? -1 : 0;
	}
	if (office_xml_start(ox, NS_W, "ins") ||
	    office_xml_start(ox, NS_W, "moveTo"))
		x->d->inserted++;
	else if (office_xml_start(ox, NS_W, "pPr") ||
	    office_xml_start(ox, NS_W, "rPr") ||
	    office_xml_start(ox, NS_W, "instrText") ||
	    office_xml_start(ox, NS_W, "delText") ||
	    office_xml_start(ox, NS_MC, "Fallback"))
		return office_xml_skip(ox, err) < 0 ? -1 : 0;
	else if (office_xml_start(ox, NS_W, "tbl")) {
		if (x->tbl_depth++ == 0) {
			x->table = ++x->d->tables;
			x->row = x->data_rows = 0;
		}
	} else if (x->tbl_depth == 1 && office_xml_start(ox, NS_W, "tr")) {
		x->row_header = false;
		strvec_fini(&x->d->cells);
	} else if (x->tbl_depth == 1 && office_xml_start(ox, NS_W,
	    "tblHeader")) {
		x->row_header = prop_on(x);
	} else if (x->tbl_depth == 1 && office_xml_start(ox, NS_W, "tc")) {
		x->cell_merged = false;
		x->span = 1;
		buf_reset(&x->d->cell);
	} else if (x->tbl_depth == 1 && office_xml_start(ox, NS_W, "vMerge")) {
		char *v = office_xml_attr(ox, NS_W, "val");

		x->cell_merged = v == NULL || strcmp(v, "restart") != 0;
		free(v);
	} else if (x->tbl_depth == 1 && office_xml_start(ox, NS_W,
	    "gridSpan")) {
		char *v = office_xml_attr(ox, NS_W, "val");

		x->span = v != NULL ? strtoul(v, NULL, 10) : 1;
		free(v);
	} else if (office_xml_start(ox, NS_W, "p")) {
		if (x->tbl_depth > 0)
			office_cell_line(x->d);
	} else if (office_xml_start(ox, NS_W, "hyperlink")) {
		link_start(x);
	} else if (office_xml_start(ox, NS_W, "t")) {
		x->in_t = true;
	} else if (office_xml_start(ox, NS_W, "tab")) {
		office_text(x->d, " ");
	} else if (office_xml_start(ox, NS_W, "br") ||
	    office_xml_start(ox, NS_W, "cr")) {
		office_text(x->d, "\n");
	} else if (office_xml_start(ox, NS_W, "noBreakHyphen")) {
		office_text(x->d, "-");
	}
	return 0;
}

/* Elements that end something (an empty one ends where it starts). */
static int
element_end(struct docx *x, struct error *err)
{
	struct office_xml *ox = &x->x;

	if (office_xml_end(ox, NS_W, "t"))
		x->in_t = false;
	else if (office_xml_end(ox, NS_W, "hyperlink"))
		link_end(x);
	else if (office_xml_end(ox, NS_W, "p") && x->tbl_depth == 0)
		return office_paragraph(x->d, ++x->para, err);
	else if (office_xml_end(ox, NS_W, "tc") && x->tbl_depth == 1)
		return cell_end(x, err);
	else if (office_xml_end(ox, NS_W, "tr") && x->tbl_depth == 1)
		return row_end(x, err);
	else if (office_xml_end(ox, NS_W, "tbl") && x->tbl_depth > 0)
		x->tbl_depth--;
	return 0;
}

static int
walk(struct docx *x, struct error *err)
{
	int rc;

	while ((rc = office_xml_next(&x->x, err)) == 1) {
		if (office_xml_is_text(&x->x)) {
			if (x->in_t)
				office_text(x->d, office_xml_value(&x->x));
			continue;
		}
		if (element_start(x, err) != 0 || element_end(x, err) != 0)
			return -1;
	}
	return rc;
}

int
import_docx_rows(zip_t *z, struct office_doc *d, struct error *err)
{
	struct docx x;
	struct buf data;
	int rc;

	memset(&x, 0, sizeof x);
	x.d = d;
	strvec_init(&x.rel_ids);
	strvec_init(&x.rel_targets);
	buf_init(&data);
	rc = office_rels(z, "word/document.xml", &x.rel_ids, &x.rel_targets,
	    err);
	if (rc == 0)
		rc = office_part(z, "word/document.xml", false, &data, err);
	if (rc == 0)
		rc = office_xml_open(&x.x, &data, "word/document.xml", err);
	if (rc == 0) {
		rc = walk(&x, err);
		office_xml_close(&x.x);
	}
	free(x.link);
	strvec_fini(&x.rel_ids);
	strvec_fini(&x.rel_targets);
	buf_fini(&data);
	return rc < 0 ? -1 : 0;
}
