/* export_docx.c - the printed document as a Word (DOCX) package. */
#include "export_docx.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "layout.h"
#include "markup.h"

#define DOCX_GRIF_SHARE	45	/* percent of the text width for the grif */
#define DOCX_CELL_PAD	108	/* twips each side: Word's default, the PDF's */
#define DOCX_PAD_TEXT	"108"	/* the same, for the XML */
#define DOCX_NUMBER_TOP	567	/* twips: page number 10 mm from the top */
/* Points of a cell not for its text: the margins, the rules, and what
 * Word's and LibreOffice's own measuring may take beyond ours. */
#define DOCX_CELL_SPARE	(2 * DOCX_CELL_PAD / 20.0 + 2)
#define DOCX_ZWSP	"\xE2\x80\x8B"	/* a line may break here */
#define DOCX_MTIME	1704067200	/* 2024-01-01: the same bytes each time */

#define DOCX_XML_HEAD \
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define DOCX_NS_W \
	"xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
#define DOCX_NS_R \
	"xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/" \
	"relationships\""
#define DOCX_REL "http://schemas.openxmlformats.org/officeDocument/2006/" \
	"relationships/"
#define DOCX_CT "application/vnd.openxmlformats-officedocument." \
	"wordprocessingml."

/* The page in twips, as w:pgSz and w:pgMar want it. */
struct docx_page {
	long	 width, height;
	long	 left, right, top, bottom;
	long	 text;		/* width between the margins */
	double	 pt;		/* the font's size */
	struct layout_metric m;	/* Times New Roman's widths at pt */
};

/* A table's columns in twips, as layout.h gives them. */
struct docx_table {
	const struct doc_table *tb;
	long	 col[DOC_MAX_COLUMNS];
};

/* The page of d in twips. */
static void
export_docx_page(const struct document *d, struct docx_page *t)
{
	const struct doc_page *p = &d->page;

	t->pt = p->font_pt;
	t->m.width = layout_times_width;
	t->m.ctx = &t->pt;
	t->width = markup_twips(p->width_mm);
	t->height = markup_twips(p->height_mm);
	t->left = markup_twips(p->margin_left_mm);
	t->right = markup_twips(p->margin_right_mm);
	t->top = markup_twips(p->margin_top_mm);
	t->bottom = markup_twips(p->margin_bottom_mm);
	t->text = t->width - t->left - t->right;
}

/* The columns layout.h gives table tb, measured in Times New Roman's
 * widths; the last column takes what rounding leaves. */
static void
export_docx_columns(const struct docx_page *t, const struct doc_table *tb,
    struct docx_table *x)
{
	double w[DOC_MAX_COLUMNS];
	long used = 0;

	x->tb = tb;
	layout_columns(tb, &t->m, t->text / 20.0, DOCX_CELL_SPARE, w);
	for (size_t c = 0; c + 1 < tb->ncols; c++) {
		x->col[c] = (long)(w[c] * 20 + 0.5);
		used += x->col[c];
	}
	x->col[tb->ncols - 1] = t->text - used;
}

/* Escaped text between w:t's; a line break inside it is w:br. */
static void
export_docx_text(struct buf *out, const char *text, size_t n)
{
	char *piece = xstrndup(text, n);

	markup_escape(out, piece, "</w:t><w:br/><w:t xml:space=\"preserve\">");
	free(piece);
}

/*
 * A run of text.  In a table cell width points wide (m measures; NULL
 * outside the table) Word may break where layout.h says: a zero-width
 * space inside an address, which Word honours and which keeps the text
 * whole; an optional hyphen in a word wider than the column.
 */
static void
export_docx_run(struct buf *out, const char *text, double width,
    const struct layout_metric *m)
{
	struct layout_mark *marks = NULL;
	size_t n = 0, from = 0;

	if (text[0] == '\0')
		return;
	if (m != NULL)
		n = layout_marks(text, width, m, &marks);
	buf_puts(out, "<w:r><w:t xml:space=\"preserve\">");
	for (size_t i = 0; i < n; i++) {
		export_docx_text(out, text + from, marks[i].at - from);
		buf_puts(out, marks[i].hyphen ? "</w:t><w:softHyphen/><w:t "
		    "xml:space=\"preserve\">" : DOCX_ZWSP);
		from = marks[i].at;
	}
	export_docx_text(out, text + from, strlen(text + from));
	buf_puts(out, "</w:t></w:r>");
	free(marks);
}

/* A paragraph of style `style' holding text (see export_docx_run). */
static void
export_docx_para(struct buf *out, const char *style, const char *text,
    double width, const struct layout_metric *m)
{
	buf_printf(out, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>", style);
	export_docx_run(out, text, width, m);
	buf_puts(out, "</w:p>");
}

/* One paragraph of style `style' for each line of text. */
static void
export_docx_lines(struct buf *out, const char *style, const char *text)
{
	const char *p = text;

	while (*p != '\0') {
		size_t n = strcspn(p, "\n");
		char *line = xstrndup(p, n);

		export_docx_para(out, style, line, 0, NULL);
		buf_putc(out, '\n');
		free(line);
		p += n + (p[n] == '\n');
	}
}

/* A cell: its width, its part in a vertical merge ("restart",
 * "continue" or none), and its paragraphs (a cell holds at least one),
 * each after DOC_ITEM_MARK when they are a list; m measures the text
 * (the font of the document). */
static void
export_docx_cell(struct buf *out, long width, const char *merge,
    const char *style, const struct doc_cell *cell,
    const struct layout_metric *m)
{
	const struct strvec *paras = cell != NULL ? &cell->paras : NULL;
	bool list = cell != NULL && cell->list;

	double text = width / 20.0 - DOCX_CELL_SPARE;

	buf_printf(out, "<w:tc><w:tcPr><w:tcW w:w=\"%ld\" w:type=\"dxa\"/>",
	    width);
	if (merge != NULL && strcmp(merge, "restart") == 0)
		buf_puts(out, "<w:vMerge w:val=\"restart\"/>");
	else if (merge != NULL)
		buf_puts(out, "<w:vMerge/>");
	buf_puts(out, "</w:tcPr>");
	for (size_t i = 0; paras != NULL && i < paras->n; i++) {
		char *item = list ? xasprintf("%s%s", DOC_ITEM_MARK,
		    paras->v[i]) : NULL;

		export_docx_para(out, list ? "TableItem" : style, list ? item :
		    paras->v[i], text - (list ? m->width(m->ctx,
		    DOC_ITEM_MARK, strlen(DOC_ITEM_MARK)) : 0), m);
		free(item);
	}
	if (paras == NULL || paras->n == 0)
		buf_printf(out, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>"
		    "</w:p>", style);
	buf_puts(out, "</w:tc>");
}

/* The table's properties, grid and header row, which Word repeats at
 * the top of every page when the table asks. */
static void
export_docx_table_head(struct buf *out, const struct docx_page *t,
    const struct docx_table *x)
{
	static const char *const sides[] = {
		"top", "left", "bottom", "right", "insideH", "insideV"
	};
	const struct doc_table *tb = x->tb;
	bool titled = false;

	buf_printf(out, "<w:tbl><w:tblPr><w:tblW w:w=\"%ld\" w:type=\"dxa\"/>"
	    "<w:tblBorders>", t->text);
	for (size_t i = 0; i < sizeof sides / sizeof sides[0]; i++)
		buf_printf(out, "<w:%s w:val=\"single\" w:sz=\"4\" "
		    "w:space=\"0\" w:color=\"000000\"/>", sides[i]);
	buf_puts(out, "</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
	    "<w:tblCellMar><w:left w:w=\"" DOCX_PAD_TEXT "\" w:type=\"dxa\"/>"
	    "<w:right w:w=\"" DOCX_PAD_TEXT "\" w:type=\"dxa\"/></w:tblCellMar>"
	    "</w:tblPr>\n<w:tblGrid>");
	for (size_t c = 0; c < tb->ncols; c++) {
		buf_printf(out, "<w:gridCol w:w=\"%ld\"/>", x->col[c]);
		titled = titled || tb->cols[c].title[0] != '\0';
	}
	buf_puts(out, "</w:tblGrid>\n");
	if (!titled)
		return;
	buf_printf(out, "<w:tr><w:trPr><w:cantSplit/>%s</w:trPr>",
	    tb->repeat_header ? "<w:tblHeader/>" : "");
	for (size_t c = 0; c < tb->ncols; c++) {
		struct doc_cell title;

		memset(&title, 0, sizeof title);
		strvec_init(&title.paras);
		strvec_push(&title.paras, tb->cols[c].title);
		export_docx_cell(out, x->col[c], NULL, "TableHeading", &title,
		    &t->m);
		strvec_fini(&title.paras);
	}
	buf_puts(out, "</w:tr>\n");
}

/* A row, which Word keeps on one page as the PDF does; a spanning
 * column's cell starts a merge on its group's first row of several and
 * continues it on the others. */
static void
export_docx_row(struct buf *out, const struct docx_page *t,
    const struct docx_table *x, const struct doc_row *r)
{
	const struct doc_table *tb = x->tb;

	buf_puts(out, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
	for (size_t c = 0; c < tb->ncols; c++) {
		bool span = tb->cols[c].span;
		const char *merge = NULL;

		if (span && !r->first)
			merge = "continue";
		else if (span && r->span > 1)
			merge = "restart";
		export_docx_cell(out, x->col[c], merge, tb->cols[c].centred ?
		    "TableNumber" : "TableText", r->first || !span ?
		    &r->cells[c] : NULL, &t->m);
	}
	buf_puts(out, "</w:tr>\n");
}

/* The section: both headers, the page and its margins, a first page
 * of its own (titlePg) so that numbering shows from the second. */
static void
export_docx_section(struct buf *out, const struct docx_page *t)
{
	buf_puts(out, "<w:sectPr>"
	    "<w:headerReference w:type=\"default\" r:id=\"rIdHeader1\"/>"
	    "<w:headerReference w:type=\"first\" r:id=\"rIdHeader2\"/>");
	buf_printf(out, "<w:pgSz w:w=\"%ld\" w:h=\"%ld\"%s/>", t->width,
	    t->height, t->width > t->height ? " w:orient=\"landscape\"" : "");
	buf_printf(out, "<w:pgMar w:top=\"%ld\" w:right=\"%ld\" "
	    "w:bottom=\"%ld\" w:left=\"%ld\" w:header=\"%ld\" w:footer=\"%ld\" "
	    "w:gutter=\"0\"/>", t->top, t->right, t->bottom, t->left,
	    t->top / 2 > DOCX_NUMBER_TOP ? t->top / 2 : DOCX_NUMBER_TOP,
	    t->bottom / 2);
	buf_puts(out, "<w:titlePg/></w:sectPr>");
}

/* Where the rows of a group go. */
struct docx_rows {
	struct buf *out;
	const struct docx_page *t;
	const struct docx_table *x;
};

static void
export_docx_group(void *ctx, const struct doc_row *rows, size_t n)
{
	struct docx_rows *r = ctx;

	for (size_t i = 0; i < n; i++)
		export_docx_row(r->out, r->t, r->x, &rows[i]);
}

/* A line around a table ("" none) as a paragraph of table text. */
static void
export_docx_table_line(struct buf *out, const char *text)
{
	export_docx_lines(out, "TableText", text);
}

/* A table, the lines around it; Word wants a paragraph after a table,
 * the line below it or an empty one. */
static void
export_docx_table(struct buf *out, const struct docx_page *t,
    const struct doc_table *tb)
{
	struct docx_table x;
	struct docx_rows rows = { out, t, &x };

	export_docx_columns(t, tb, &x);
	export_docx_table_line(out, tb->before);
	export_docx_table_head(out, t, &x);
	doc_table_each_group(tb, export_docx_group, &rows);
	buf_puts(out, "</w:tbl>\n");
	if (tb->after[0] != '\0')
		export_docx_table_line(out, tb->after);
	else
		buf_puts(out, "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/>"
		    "</w:pPr></w:p>\n");
}

/* A run of text in rpr's properties ("" none). */
static void
export_docx_plain_run(struct buf *out, const char *rpr, const char *text)
{
	buf_printf(out, "<w:r>%s<w:t xml:space=\"preserve\">", rpr);
	export_docx_text(out, text, strlen(text));
	buf_puts(out, "</w:t></w:r>");
}

/* A block of running text, in direct formatting (the annex's styles
 * stay as they are): a heading bold and centred, a paragraph or clause
 * justified with its first line indented 1.25 cm, a split line's right
 * end at a right tab on the margin. */
static void
export_docx_text_block(struct buf *out, const struct doc_block *b,
    const struct docx_page *t)
{
	switch (b->kind) {
	case DOC_HEADING:
		buf_puts(out, "<w:p><w:pPr><w:spacing w:after=\"240\"/>"
		    "<w:jc w:val=\"center\"/></w:pPr>");
		export_docx_plain_run(out, "<w:rPr><w:b/></w:rPr>", b->text);
		break;
	case DOC_SPLIT:
		buf_printf(out, "<w:p><w:pPr><w:spacing w:before=\"240\" "
		    "w:after=\"240\"/><w:tabs><w:tab w:val=\"right\" "
		    "w:pos=\"%ld\"/></w:tabs></w:pPr>", t->text);
		export_docx_plain_run(out, "", b->text);
		buf_puts(out, "<w:r><w:tab/></w:r>");
		export_docx_plain_run(out, "", b->right);
		break;
	default:
		buf_puts(out, "<w:p><w:pPr><w:ind w:firstLine=\"709\"/>"
		    "<w:jc w:val=\"both\"/></w:pPr>");
		if (b->kind == DOC_CLAUSE) {
			export_docx_plain_run(out, "", b->right);
			export_docx_plain_run(out, "", " ");
		}
		export_docx_plain_run(out, "", b->text);
		break;
	}
	buf_puts(out, "</w:p>\n");
}

/* One block: the annex's in its styles, a page break, a table, or
 * running text. */
static void
export_docx_block(struct buf *out, const struct doc_block *b,
    const struct docx_page *t)
{
	switch (b->kind) {
	case DOC_GRIF:
		export_docx_lines(out, "Grif", b->text);
		break;
	case DOC_TITLE:
		export_docx_lines(out, "ListTitle", b->text);
		break;
	case DOC_CAPTION:
		export_docx_lines(out, "Revision", b->text);
		break;
	case DOC_PAGE_BREAK:
		buf_puts(out, "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>\n");
		break;
	case DOC_TABLE:
		export_docx_table(out, t, b->table);
		break;
	default:
		export_docx_text_block(out, b, t);
		break;
	}
}

void
export_docx_document_xml(const struct document *d, struct buf *out)
{
	struct docx_page t;

	export_docx_page(d, &t);
	buf_puts(out, DOCX_XML_HEAD "<w:document " DOCX_NS_W " " DOCX_NS_R
	    ">\n<w:body>\n");
	for (size_t i = 0; i < d->nblocks; i++)
		export_docx_block(out, &d->blocks[i], &t);
	export_docx_section(out, &t);
	buf_puts(out, "\n</w:body>\n</w:document>\n");
}

/* A paragraph style: id, name shown in Word, paragraph and run
 * properties. */
static void
export_docx_style(struct buf *out, const char *id, const char *name,
    const char *ppr, const char *rpr)
{
	buf_printf(out, "<w:style w:type=\"paragraph\" w:customStyle=\"1\" "
	    "w:styleId=\"%s\"><w:name w:val=\"%s\"/><w:basedOn "
	    "w:val=\"Normal\"/><w:qFormat/><w:pPr>%s</w:pPr>%s%s%s</w:style>\n",
	    id, name, ppr, rpr[0] ? "<w:rPr>" : "", rpr, rpr[0] ? "</w:rPr>" :
	    "");
}

/* word/styles.xml: the font and size of every paragraph, and the styles
 * of the grif, the title, the caption and the table. */
static void
export_docx_styles_xml(const struct document *d, struct buf *out)
{
	const struct docx_page *t;
	struct docx_page page;
	char *ind;
	long half_points = (long)(d->page.font_pt * 2 + 0.5);
	double pt = d->page.font_pt;
	/* A need's lines after its first start under its text. */
	long mark = (long)(layout_times_width(&pt, DOC_ITEM_MARK,
	    strlen(DOC_ITEM_MARK)) * 20 + 0.5);

	export_docx_page(d, &page);
	t = &page;
	buf_puts(out, DOCX_XML_HEAD "<w:styles " DOCX_NS_W ">\n"
	    "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"");
	markup_escape(out, d->page.font, NULL);
	buf_puts(out, "\" w:hAnsi=\"");
	markup_escape(out, d->page.font, NULL);
	buf_puts(out, "\" w:eastAsia=\"");
	markup_escape(out, d->page.font, NULL);
	buf_puts(out, "\" w:cs=\"");
	markup_escape(out, d->page.font, NULL);
	buf_printf(out, "\"/><w:sz w:val=\"%ld\"/><w:szCs w:val=\"%ld\"/>"
	    "<w:lang w:val=\"ru-RU\" w:eastAsia=\"ru-RU\" w:bidi=\"ar-SA\"/>"
	    "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing "
	    "w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>"
	    "</w:pPrDefault></w:docDefaults>\n", half_points, half_points);
	buf_puts(out, "<w:style w:type=\"paragraph\" w:default=\"1\" "
	    "w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
	    "</w:style>\n"
	    "<w:style w:type=\"character\" w:default=\"1\" "
	    "w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default "
	    "Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/>"
	    "<w:unhideWhenUsed/></w:style>\n"
	    "<w:style w:type=\"table\" w:default=\"1\" "
	    "w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
	    "<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/>"
	    "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>"
	    "<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" "
	    "w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right "
	    "w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\n"
	    "<w:style w:type=\"paragraph\" w:styleId=\"Header\"><w:name "
	    "w:val=\"header\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:jc "
	    "w:val=\"center\"/></w:pPr></w:style>\n");
	ind = xasprintf("<w:spacing w:after=\"0\"/><w:ind w:left=\"%ld\"/>",
	    t->text - t->text * DOCX_GRIF_SHARE / 100);
	export_docx_style(out, "Grif", "Гриф утверждения", ind, "");
	free(ind);
	export_docx_style(out, "ListTitle", "Заголовок перечня",
	    "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"0\"/>"
	    "<w:contextualSpacing/><w:jc w:val=\"center\"/>",
	    "<w:b/><w:bCs/>");
	export_docx_style(out, "Revision", "Редакция перечня",
	    "<w:keepNext/><w:spacing w:before=\"120\"/><w:jc "
	    "w:val=\"center\"/>", "");
	export_docx_style(out, "TableHeading", "Заголовок таблицы",
	    "<w:jc w:val=\"center\"/>", "");
	export_docx_style(out, "TableText", "Текст таблицы", "", "");
	export_docx_style(out, "TableNumber", "Номер в таблице",
	    "<w:jc w:val=\"center\"/>", "");
	ind = xasprintf("<w:ind w:left=\"%ld\" w:hanging=\"%ld\"/>", mark,
	    mark);
	export_docx_style(out, "TableItem", "Потребность из нескольких", ind,
	    "");
	free(ind);
	buf_puts(out, "</w:styles>\n");
}

/* word/settings.xml: Word 2013+ layout, tabs every 1.25 cm. */
static void
export_docx_settings_xml(struct buf *out)
{
	buf_puts(out, DOCX_XML_HEAD "<w:settings " DOCX_NS_W ">"
	    "<w:defaultTabStop w:val=\"708\"/>"
	    "<w:characterSpacingControl w:val=\"doNotCompress\"/>"
	    "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
	    "w:uri=\"http://schemas.microsoft.com/office/word\" "
	    "w:val=\"15\"/></w:compat></w:settings>\n");
}

/* word/header1.xml, the page number centred (a PAGE field), or
 * header2.xml, the first page's, empty. */
static void
export_docx_header_xml(struct buf *out, bool number)
{
	buf_puts(out, DOCX_XML_HEAD "<w:hdr " DOCX_NS_W " " DOCX_NS_R ">"
	    "<w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr>");
	if (number)
		buf_puts(out, "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
		    "<w:r><w:instrText xml:space=\"preserve\"> PAGE "
		    "</w:instrText></w:r>"
		    "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
		    "<w:r><w:t>2</w:t></w:r>"
		    "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>");
	buf_puts(out, "</w:p></w:hdr>\n");
}

/* [Content_Types].xml: what each part is. */
static void
export_docx_content_types(struct buf *out)
{
	buf_puts(out, DOCX_XML_HEAD "<Types xmlns=\"http://schemas."
	    "openxmlformats.org/package/2006/content-types\">"
	    "<Default Extension=\"rels\" ContentType=\"application/"
	    "vnd.openxmlformats-package.relationships+xml\"/>"
	    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	    "<Override PartName=\"/word/document.xml\" ContentType=\""
	    DOCX_CT "document.main+xml\"/>"
	    "<Override PartName=\"/word/styles.xml\" ContentType=\""
	    DOCX_CT "styles+xml\"/>"
	    "<Override PartName=\"/word/settings.xml\" ContentType=\""
	    DOCX_CT "settings+xml\"/>"
	    "<Override PartName=\"/word/header1.xml\" ContentType=\""
	    DOCX_CT "header+xml\"/>"
	    "<Override PartName=\"/word/header2.xml\" ContentType=\""
	    DOCX_CT "header+xml\"/>"
	    "<Override PartName=\"/docProps/core.xml\" ContentType=\""
	    "application/vnd.openxmlformats-package.core-properties+xml\"/>"
	    "<Override PartName=\"/docProps/app.xml\" ContentType=\""
	    "application/vnd.openxmlformats-officedocument.extended-"
	    "properties+xml\"/></Types>\n");
}

/* _rels/.rels: the package's main document and its properties. */
static void
export_docx_package_rels(struct buf *out)
{
	buf_puts(out, DOCX_XML_HEAD "<Relationships xmlns=\"http://schemas."
	    "openxmlformats.org/package/2006/relationships\">"
	    "<Relationship Id=\"rId1\" Type=\"" DOCX_REL "officeDocument\" "
	    "Target=\"word/document.xml\"/>"
	    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats."
	    "org/package/2006/relationships/metadata/core-properties\" "
	    "Target=\"docProps/core.xml\"/>"
	    "<Relationship Id=\"rId3\" Type=\"" DOCX_REL "extended-properties\" "
	    "Target=\"docProps/app.xml\"/></Relationships>\n");
}

/* word/_rels/document.xml.rels: styles, settings and the headers. */
static void
export_docx_document_rels(struct buf *out)
{
	buf_puts(out, DOCX_XML_HEAD "<Relationships xmlns=\"http://schemas."
	    "openxmlformats.org/package/2006/relationships\">"
	    "<Relationship Id=\"rIdStyles\" Type=\"" DOCX_REL "styles\" "
	    "Target=\"styles.xml\"/>"
	    "<Relationship Id=\"rIdSettings\" Type=\"" DOCX_REL "settings\" "
	    "Target=\"settings.xml\"/>"
	    "<Relationship Id=\"rIdHeader1\" Type=\"" DOCX_REL "header\" "
	    "Target=\"header1.xml\"/>"
	    "<Relationship Id=\"rIdHeader2\" Type=\"" DOCX_REL "header\" "
	    "Target=\"header2.xml\"/></Relationships>\n");
}

/* docProps/core.xml: the title and language. */
static void
export_docx_core_xml(const struct document *d, struct buf *out)
{
	buf_puts(out, DOCX_XML_HEAD "<cp:coreProperties xmlns:cp=\"http://"
	    "schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
	    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
	    "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
	    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
	    "<dc:title>");
	markup_escape(out, d->title, " ");
	buf_puts(out, "</dc:title><dc:language>ru-RU</dc:language>"
	    "</cp:coreProperties>\n");
}

/* docProps/app.xml: which program made it. */
static void
export_docx_app_xml(struct buf *out)
{
	buf_puts(out, DOCX_XML_HEAD "<Properties xmlns=\"http://schemas."
	    "openxmlformats.org/officeDocument/2006/extended-properties\">"
	    "<Application>perechen</Application></Properties>\n");
}

enum {
	DOCX_CONTENT_TYPES, DOCX_PACKAGE_RELS, DOCX_DOCUMENT, DOCX_STYLES,
	DOCX_SETTINGS, DOCX_HEADER1, DOCX_HEADER2, DOCX_DOCUMENT_RELS,
	DOCX_CORE, DOCX_APP, DOCX_NPARTS
};

/* The parts' names in the package, [Content_Types].xml first. */
static const char *const docx_part_names[DOCX_NPARTS] = {
	"[Content_Types].xml", "_rels/.rels", "word/document.xml",
	"word/styles.xml", "word/settings.xml", "word/header1.xml",
	"word/header2.xml", "word/_rels/document.xml.rels",
	"docProps/core.xml", "docProps/app.xml"
};

/* Every part's XML but word/document.xml, by the enum above. */
static void
export_docx_parts(const struct document *d, struct buf parts[DOCX_NPARTS])
{
	for (int i = 0; i < DOCX_NPARTS; i++)
		buf_init(&parts[i]);
	export_docx_content_types(&parts[DOCX_CONTENT_TYPES]);
	export_docx_package_rels(&parts[DOCX_PACKAGE_RELS]);
	export_docx_styles_xml(d, &parts[DOCX_STYLES]);
	export_docx_settings_xml(&parts[DOCX_SETTINGS]);
	export_docx_header_xml(&parts[DOCX_HEADER1], true);
	export_docx_header_xml(&parts[DOCX_HEADER2], false);
	export_docx_document_rels(&parts[DOCX_DOCUMENT_RELS]);
	export_docx_core_xml(d, &parts[DOCX_CORE]);
	export_docx_app_xml(&parts[DOCX_APP]);
}

/*
 * word/document.xml into the file path, written as it is made: the table
 * of a large list is never whole in memory.
 */
static int
export_docx_document_file(const struct document *d, const char *path,
    struct error *err)
{
	struct buf_fd f = { -1, 0 };
	struct buf xml;
	int rc;

	f.fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (f.fd < 0)
		return error_set_errno(err, errno, "DOCX не построен");
	/* libzip records a file's mode in the package: the same 0666 as
	 * the parts made in memory (the directory is private). */
	if (fchmod(f.fd, 0666) != 0) {
		rc = errno;
		close(f.fd);
		return error_set_errno(err, rc, "DOCX не построен");
	}
	buf_init(&xml);
	buf_set_sink(&xml, buf_sink_fd, &f);
	export_docx_document_xml(d, &xml);
	rc = buf_flush(&xml);
	buf_fini(&xml);
	if (close(f.fd) != 0 && rc == 0) {
		f.errnum = errno;
		rc = -1;
	}
	if (rc != 0)
		return error_set_errno(err, f.errnum, "DOCX не построен");
	return 0;
}

/* A libzip failure in Russian: a system error through the one errno
 * mapping, libzip's own (in memory: hardly ever) with its number. */
static int
export_docx_fail(struct error *err, zip_error_t *ze)
{
	if (zip_error_system_type(ze) == ZIP_ET_SYS)
		return error_set_errno(err, zip_error_code_system(ze),
		    "DOCX не построен");
	return error_set(err, "DOCX не построен: ошибка libzip %d (%s)",
	    zip_error_code_zip(ze), zip_error_strerror(ze));
}

/* Add a part to the archive, deflated, with a fixed time. */
static int
export_docx_add(zip_t *za, const char *name, zip_source_t *src,
    struct error *err)
{
	zip_int64_t idx;

	if (src == NULL)
		return export_docx_fail(err, zip_get_error(za));
	idx = zip_file_add(za, name, src, ZIP_FL_ENC_UTF_8);
	if (idx < 0) {
		zip_source_free(src);
		return export_docx_fail(err, zip_get_error(za));
	}
	if (zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_DEFLATE,
	    9) != 0 || zip_file_set_mtime(za, (zip_uint64_t)idx, DOCX_MTIME,
	    0) != 0)
		return export_docx_fail(err, zip_get_error(za));
	return 0;
}

/* Add the parts to the archive, word/document.xml from the file
 * document. */
static int
export_docx_add_parts(zip_t *za, struct buf parts[DOCX_NPARTS],
    const char *document, struct error *err)
{
	for (int i = 0; i < DOCX_NPARTS; i++) {
		zip_source_t *src = i == DOCX_DOCUMENT ?
		    zip_source_file(za, document, 0, -1) :
		    zip_source_buffer(za, parts[i].data, parts[i].len, 0);

		if (export_docx_add(za, docx_part_names[i], src, err) != 0)
			return -1;
	}
	return 0;
}

/* Append the file at path to out a piece at a time. */
static int
export_docx_copy(const char *path, struct buf *out, struct error *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC), rc, saved;

	if (fd < 0)
		return error_set_errno(err, errno, "DOCX не построен");
	rc = buf_append_fd(out, fd);
	saved = errno;
	close(fd);
	return rc == 0 ? 0 : error_set_errno(err, saved, "DOCX не построен");
}

/* The package of d zipped into the file zip_path, document.xml first
 * written to doc_path. */
static int
export_docx_package(const struct document *d, const char *doc_path,
    const char *zip_path, struct error *err)
{
	struct buf parts[DOCX_NPARTS];
	zip_t *za;
	int zerr, rc = -1;

	export_docx_parts(d, parts);
	if (export_docx_document_file(d, doc_path, err) != 0)
		goto out;
	za = zip_open(zip_path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
	if (za == NULL) {
		zip_error_t ze;

		zip_error_init_with_code(&ze, zerr);
		export_docx_fail(err, &ze);
		zip_error_fini(&ze);
		goto out;
	}
	if (export_docx_add_parts(za, parts, doc_path, err) != 0) {
		zip_discard(za);
		goto out;
	}
	if (zip_close(za) != 0) {
		export_docx_fail(err, zip_get_error(za));
		zip_discard(za);
		goto out;
	}
	rc = 0;
out:
	for (int i = 0; i < DOCX_NPARTS; i++)
		buf_fini(&parts[i]);
	return rc;
}

int
export_docx(const struct document *d, struct buf *out, struct error *err)
{
	const char *tmp = getenv("TMPDIR");
	char *dir, *doc_path, *zip_path;
	int rc;

	/* The parts and the archive go through files of a private
	 * directory, so that a list of any size takes bounded memory. */
	dir = xasprintf("%s/perechen-docx.XXXXXX", tmp != NULL &&
	    tmp[0] == '/' ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL) {
		rc = error_set_errno(err, errno, "DOCX не построен: "
		    "временный каталог %s", dir);
		free(dir);
		return rc;
	}
	doc_path = xasprintf("%s/document.xml", dir);
	zip_path = xasprintf("%s/list.docx", dir);
	rc = export_docx_package(d, doc_path, zip_path, err);
	if (rc == 0)
		rc = export_docx_copy(zip_path, out, err);
	unlink(doc_path);
	unlink(zip_path);
	rmdir(dir);
	free(doc_path);
	free(zip_path);
	free(dir);
	return rc;
}
