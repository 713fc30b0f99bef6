/* export_html.c - the printed document as one self-contained web page. */
#include "export_html.h"

#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "markup.h"

/* The name of a CSS string: a character other than a letter, a digit, a
 * space or a hyphen is a hexadecimal escape, so neither a quote nor
 * "</style>" can leave the string.  Non-ASCII letters pass as they are. */
static void
export_html_css_string(struct buf *out, const char *s)
{
	buf_putc(out, '"');
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 0x80 || c == ' ' || c == '-' || (c >= '0' && c <= '9')
		    || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
			buf_putc(out, (char)c);
		else
			buf_printf(out, "\\%x ", c);
	}
	buf_putc(out, '"');
}

/* The font as chosen, then its metric twin and the generic family. */
static void
export_html_font_family(struct buf *out, const struct doc_page *p)
{
	export_html_css_string(out, p->font);
	if (strcmp(p->font, "Times New Roman") == 0)
		buf_puts(out, ", \"Liberation Serif\"");
	buf_puts(out, ", serif");
}

/* A length in millimetres, as CSS reads it. */
static void
export_html_mm(struct buf *out, double mm)
{
	markup_decimal(out, mm);
	buf_puts(out, "mm");
}

/* The style sheet: the page from the settings, the table's rules, the
 * header repeated and the page number from the second page on when
 * printed. */
static void
export_html_style(struct buf *out, const struct doc_page *p)
{
	buf_puts(out, "<style>\n@page {\n\tsize: ");
	export_html_mm(out, p->width_mm);
	buf_putc(out, ' ');
	export_html_mm(out, p->height_mm);
	buf_puts(out, ";\n\tmargin: ");
	export_html_mm(out, p->margin_top_mm);
	buf_putc(out, ' ');
	export_html_mm(out, p->margin_right_mm);
	buf_putc(out, ' ');
	export_html_mm(out, p->margin_bottom_mm);
	buf_putc(out, ' ');
	export_html_mm(out, p->margin_left_mm);
	buf_puts(out, ";\n\t@top-center { content: counter(page); }\n}\n"
	    "@page :first {\n\t@top-center { content: none; }\n}\n"
	    "body {\n\tfont-family: ");
	export_html_font_family(out, p);
	buf_puts(out, ";\n\tfont-size: ");
	markup_decimal(out, p->font_pt);
	buf_puts(out, "pt;\n\tline-height: 1.15;\n\tcolor: #000;\n"
	    "\tbackground: #fff;\n}\n"
	    "@media screen {\n\tbody { max-width: ");
	export_html_mm(out, p->width_mm - p->margin_left_mm -
	    p->margin_right_mm);
	buf_puts(out, "; margin: 2em auto; padding: 0 1em; }\n}\n"
	    ".grif { width: 45%; margin: 0 0 1.5em auto; }\n"
	    ".grif p, td p, th p { margin: 0; }\n"
	    "h1 { font-size: inherit; font-weight: bold; text-align: center;"
	    " margin: 0; }\n"
	    ".caption { text-align: center; margin: 0.5em 0 0; }\n"
	    "table { width: 100%; border-collapse: collapse;"
	    " margin-top: 1em; }\n"
	    "th, td { border: 1px solid #000; padding: 1mm 1.9mm;"
	    " text-align: left; vertical-align: top; font-weight: normal;"
	    " overflow-wrap: break-word; }\n"
	    "thead th, td.num { text-align: center; }\n"
	    "thead th { vertical-align: middle; }\n"
	    "p.item { padding-left: 0.75em; text-indent: -0.75em; }\n"
	    "thead { display: table-header-group; }\n"
	    "tr { break-inside: avoid; page-break-inside: avoid; }\n"
	    "</style>\n");
}

/* The grif as a block at the right, one paragraph a line. */
static void
export_html_grif(struct buf *out, const char *grif)
{
	const char *p = grif;

	buf_puts(out, "<div class=\"grif\">\n");
	while (*p != '\0') {
		size_t n = strcspn(p, "\n");
		char *line = xstrndup(p, n);

		buf_puts(out, "<p>");
		markup_escape(out, line, NULL);
		buf_puts(out, "</p>\n");
		free(line);
		p += n + (p[n] == '\n');
	}
	buf_puts(out, "</div>\n");
}

/* A table's layout as the writer needs it: the font's widths and each
 * column's width for text, in points. */
struct html_table {
	const struct doc_table *tb;
	double	 pt;
	struct layout_metric m;
	double	 w[DOC_MAX_COLUMNS];	/* the columns, padding and all */
	double	 text[DOC_MAX_COLUMNS];	/* the text in them */
	double	 total;
};

/* Points of a cell not for its text: 1.9 mm of padding either side, the
 * rules, and what a browser's own measuring may take beyond ours. */
#define HTML_PAD_PT	(2 * 1.9 * 72 / 25.4 + 2)

/* The columns of tb by layout.h, in Times New Roman's widths. */
static void
export_html_table_layout(const struct document *d,
    const struct doc_table *tb, struct html_table *t)
{
	const struct doc_page *p = &d->page;

	t->tb = tb;
	t->pt = p->font_pt;
	t->m.width = layout_times_width;
	t->m.ctx = &t->pt;
	t->total = (p->width_mm - p->margin_left_mm - p->margin_right_mm) *
	    72 / 25.4;
	layout_columns(tb, &t->m, t->total, HTML_PAD_PT, t->w);
	for (size_t c = 0; c < tb->ncols; c++)
		t->text[c] = t->w[c] - HTML_PAD_PT;
}

/* Text escaped; a browser may break it where layout.h says: <wbr> in an
 * address, &shy; in a word wider than width points; a line break is
 * <br>. */
static void
export_html_text(struct buf *out, const char *text, double width,
    const struct layout_metric *m)
{
	struct layout_mark *marks;
	size_t n = layout_marks(text, width, m, &marks), from = 0;

	for (size_t i = 0; i < n; i++) {
		char *piece = xstrndup(text + from, marks[i].at - from);

		markup_escape(out, piece, "<br>");
		buf_puts(out, marks[i].hyphen ? "&shy;" : "<wbr>");
		free(piece);
		from = marks[i].at;
	}
	markup_escape(out, text + from, "<br>");
	free(marks);
}

/* The cell's paragraphs, each a <p>; the items of a list each after
 * DOC_ITEM_MARK, its other lines under its text. */
static void
export_html_paragraphs(struct buf *out, const struct doc_cell *cell,
    double width, const struct layout_metric *m)
{
	double mark = m->width(m->ctx, DOC_ITEM_MARK, strlen(DOC_ITEM_MARK));

	for (size_t i = 0; i < cell->paras.n; i++) {
		buf_puts(out, cell->list ? "<p class=\"item\">" DOC_ITEM_MARK :
		    "<p>");
		export_html_text(out, cell->paras.v[i], cell->list ?
		    width - mark : width, m);
		buf_puts(out, "</p>");
	}
}

/* A cell of the table: td (of class "num" when centred), or th
 * scope="rowgroup" for the cell that names its group, with rowspan when
 * it spans more than its row. */
static void
export_html_cell(struct buf *out, const struct html_table *t,
    const struct doc_row *r, size_t c, size_t span)
{
	const struct doc_column *col = &t->tb->cols[c];
	bool header = col->group_head;

	buf_puts(out, header ? "<th scope=\"rowgroup\"" : col->centred ?
	    "<td class=\"num\"" : "<td");
	if (span > 1)
		buf_printf(out, " rowspan=\"%zu\"", span);
	buf_putc(out, '>');
	export_html_paragraphs(out, &r->cells[c], t->text[c], &t->m);
	buf_puts(out, header ? "</th>" : "</td>");
}

/* The column widths, from layout.h, in percent of the table's; the
 * header row, repeated on every printed page when the table asks. */
static void
export_html_head(struct buf *out, const struct html_table *t)
{
	bool titled = false;

	buf_puts(out, "<colgroup>");
	for (size_t c = 0; c < t->tb->ncols; c++) {
		buf_puts(out, "<col style=\"width: ");
		markup_decimal(out, t->w[c] * 100 / t->total);
		buf_puts(out, "%\">");
		titled = titled || t->tb->cols[c].title[0] != '\0';
	}
	buf_puts(out, "</colgroup>\n");
	if (!titled)
		return;
	buf_puts(out, t->tb->repeat_header ? "<thead>\n<tr>" :
	    "<thead class=\"once\">\n<tr>");
	for (size_t c = 0; c < t->tb->ncols; c++) {
		buf_puts(out, "<th scope=\"col\">");
		markup_escape(out, t->tb->cols[c].title, NULL);
		buf_puts(out, "</th>");
	}
	buf_puts(out, "</tr>\n</thead>\n");
}

/* The rows of a table, written a group at a time. */
struct html_rows {
	struct buf *out;
	const struct html_table *t;
	bool	 any;		/* a row written */
};

/* One group's rows, its own tbody; the spanning cells only on its first
 * row, spanning the rest. */
static void
export_html_group(void *ctx, const struct doc_row *rows, size_t n)
{
	struct html_rows *h = ctx;
	const struct doc_table *tb = h->t->tb;
	struct buf *out = h->out;

	for (size_t i = 0; i < n; i++) {
		const struct doc_row *r = &rows[i];

		if (r->first)
			buf_puts(out, !h->any ? "<tbody>\n" :
			    "</tbody>\n<tbody>\n");
		h->any = true;
		buf_puts(out, "<tr>");
		for (size_t c = 0; c < tb->ncols; c++)
			if (!tb->cols[c].span)
				export_html_cell(out, h->t, r, c, 1);
			else if (r->first)
				export_html_cell(out, h->t, r, c, r->span);
		buf_puts(out, "</tr>\n");
	}
}

/* A table, the lines around it as paragraphs. */
static void
export_html_table(struct buf *out, const struct document *d,
    const struct doc_table *tb)
{
	struct html_table t;
	struct html_rows h = { out, &t, false };

	if (tb->before[0] != '\0') {
		buf_puts(out, "<p>");
		markup_escape(out, tb->before, "<br>");
		buf_puts(out, "</p>\n");
	}
	buf_puts(out, "<table>\n");
	export_html_table_layout(d, tb, &t);
	export_html_head(out, &t);
	doc_table_each_group(tb, export_html_group, &h);
	if (h.any)
		buf_puts(out, "</tbody>\n");
	buf_puts(out, "</table>\n");
	if (tb->after[0] != '\0') {
		buf_puts(out, "<p>");
		markup_escape(out, tb->after, "<br>");
		buf_puts(out, "</p>\n");
	}
}

/* Whether d has blocks of an order's running text or a table whose
 * header is not repeated, which need their own style (a list's annex
 * alone has none and keeps its page as it was). */
static bool
export_html_has_text(const struct document *d)
{
	for (size_t i = 0; i < d->nblocks; i++)
		switch (d->blocks[i].kind) {
		case DOC_HEADING:
		case DOC_PARAGRAPH:
		case DOC_CLAUSE:
		case DOC_SPLIT:
		case DOC_PAGE_BREAK:
			return true;
		case DOC_TABLE:
			if (!d->blocks[i].table->repeat_header)
				return true;
			break;
		default:
			break;
		}
	return false;
}

/* The style of an order's running text and of what the annex lacks. */
static const char html_text_style[] =
    "<style>\n"
    "p.heading { font-weight: bold; text-align: center; }\n"
    "p.para { text-align: justify; text-indent: 1.25cm; }\n"
    "p.split { display: flex; justify-content: space-between; }\n"
    ".page-break { break-before: page;"
    " page-break-before: always; }\n"
    "thead.once { display: table-row-group; }\n"
    "</style>\n";

/* A paragraph of class cls holding text (and, for a split line, its
 * right end; for a clause, its number first). */
static void
export_html_para(struct buf *out, const char *cls,
    const struct doc_block *b)
{
	buf_printf(out, "<p class=\"%s\">", cls);
	if (b->kind == DOC_SPLIT) {
		buf_puts(out, "<span>");
		markup_escape(out, b->text, "<br>");
		buf_puts(out, "</span><span>");
		markup_escape(out, b->right, "<br>");
		buf_puts(out, "</span>");
	} else {
		if (b->kind == DOC_CLAUSE) {
			markup_escape(out, b->right, "<br>");
			buf_putc(out, ' ');
		}
		markup_escape(out, b->text, "<br>");
	}
	buf_puts(out, "</p>\n");
}

/* One block. */
static void
export_html_block(struct buf *out, const struct document *d,
    const struct doc_block *b)
{
	switch (b->kind) {
	case DOC_TITLE:
		buf_puts(out, "<h1>");
		markup_escape(out, b->text, "<br>");
		buf_puts(out, "</h1>\n");
		break;
	case DOC_CAPTION:
		buf_puts(out, "<p class=\"caption\">");
		markup_escape(out, b->text, "<br>");
		buf_puts(out, "</p>\n");
		break;
	case DOC_GRIF:
		export_html_grif(out, b->text);
		break;
	case DOC_PAGE_BREAK:
		buf_puts(out, "<div class=\"page-break\"></div>\n");
		break;
	case DOC_TABLE:
		export_html_table(out, d, b->table);
		break;
	case DOC_HEADING:
		export_html_para(out, "heading", b);
		break;
	case DOC_SPLIT:
		export_html_para(out, "split", b);
		break;
	default:
		export_html_para(out, "para", b);
		break;
	}
}

void
export_html(const struct document *d, struct buf *out)
{
	buf_puts(out, "<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n<title>");
	markup_escape(out, d->title, " ");
	buf_puts(out, "</title>\n");
	export_html_style(out, &d->page);
	buf_puts(out, "</head>\n<body>\n");
	if (export_html_has_text(d))
		buf_puts(out, html_text_style);
	for (size_t i = 0; i < d->nblocks; i++)
		export_html_block(out, d, &d->blocks[i]);
	buf_puts(out, "</body>\n</html>\n");
}
