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

	if (grif[0] == '\0')
		return;
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

/* The table's layout as the writer needs it: the font's widths and each
 * column's width for text, in points. */
struct html_table {
	double	 pt;
	struct layout_metric m;
	double	 w[DOC_COLUMNS];		/* the columns, padding and all */
	double	 text[DOC_COLUMNS];	/* the text in them */
	double	 total;
};

/* Points of a cell not for its text: 1.9 mm of padding either side, the
 * rules, and what a browser's own measuring may take beyond ours. */
#define HTML_PAD_PT	(2 * 1.9 * 72 / 25.4 + 2)

/* The columns of d by layout.h, in Times New Roman's widths. */
static void
export_html_table(const struct document *d, struct html_table *t)
{
	const struct doc_page *p = &d->page;

	t->pt = p->font_pt;
	t->m.width = layout_times_width;
	t->m.ctx = &t->pt;
	t->total = (p->width_mm - p->margin_left_mm - p->margin_right_mm) *
	    72 / 25.4;
	layout_columns(d, &t->m, t->total, HTML_PAD_PT, t->w);
	for (int c = 0; c < DOC_COLUMNS; c++)
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
export_html_paragraphs(struct buf *out, const struct strvec *cell,
    bool list, double width, const struct layout_metric *m)
{
	double mark = m->width(m->ctx, DOC_ITEM_MARK, strlen(DOC_ITEM_MARK));

	for (size_t i = 0; i < cell->n; i++) {
		buf_puts(out, list ? "<p class=\"item\">" DOC_ITEM_MARK : "<p>");
		export_html_text(out, cell->v[i], list ? width - mark : width,
		    m);
		buf_puts(out, "</p>");
	}
}

/* A cell of the table: td (of class "num" for the №, centred), or th
 * scope="rowgroup" for the process, with rowspan when it spans more than
 * its row. */
static void
export_html_cell(struct buf *out, const struct html_table *t,
    const struct doc_row *r, int c, size_t span)
{
	bool header = c == DOC_PROCESS;

	buf_puts(out, header ? "<th scope=\"rowgroup\"" : c == DOC_NUM ?
	    "<td class=\"num\"" : "<td");
	if (span > 1)
		buf_printf(out, " rowspan=\"%zu\"", span);
	buf_putc(out, '>');
	export_html_paragraphs(out, &r->cells[c], document_cell_is_list(r, c),
	    t->text[c], &t->m);
	buf_puts(out, header ? "</th>" : "</td>");
}

/* The column widths, from layout.h, in percent of the table's; the
 * header row. */
static void
export_html_head(struct buf *out, const struct html_table *t)
{
	buf_puts(out, "<colgroup>");
	for (int c = 0; c < DOC_COLUMNS; c++) {
		buf_puts(out, "<col style=\"width: ");
		markup_decimal(out, t->w[c] * 100 / t->total);
		buf_puts(out, "%\">");
	}
	buf_puts(out, "</colgroup>\n<thead>\n<tr>");
	for (int c = 0; c < DOC_COLUMNS; c++) {
		buf_puts(out, "<th scope=\"col\">");
		markup_escape(out, document_column_titles[c], NULL);
		buf_puts(out, "</th>");
	}
	buf_puts(out, "</tr>\n</thead>\n");
}

/* The rows of a table, written a process at a time. */
struct html_rows {
	struct buf *out;
	const struct html_table *t;
	bool	 any;		/* a row written */
};

/* One process's rows, its own tbody; № and process only on its first
 * row, spanning the rest. */
static void
export_html_group(void *ctx, const struct doc_row *rows, size_t n)
{
	struct html_rows *h = ctx;
	struct buf *out = h->out;

	for (size_t i = 0; i < n; i++) {
		const struct doc_row *r = &rows[i];

		if (r->first)
			buf_puts(out, !h->any ? "<tbody>\n" :
			    "</tbody>\n<tbody>\n");
		h->any = true;
		buf_puts(out, "<tr>");
		if (r->first) {
			export_html_cell(out, h->t, r, DOC_NUM, r->span);
			export_html_cell(out, h->t, r, DOC_PROCESS, r->span);
		}
		for (int c = DOC_TOUCHPOINT; c < DOC_COLUMNS; c++)
			export_html_cell(out, h->t, r, c, 1);
		buf_puts(out, "</tr>\n");
	}
}

static void
export_html_rows(struct buf *out, const struct document *d,
    const struct html_table *t)
{
	struct html_rows h = { out, t, false };

	document_each_group(d, export_html_group, &h);
	if (h.any)
		buf_puts(out, "</tbody>\n");
}

/* The blocks of running text, with their own style (a list's annex
 * alone has none and keeps its page as it was); the annex after them
 * starts a new page. */
static void
export_html_blocks(struct buf *out, const struct document *d)
{
	static const char *const cls[] = {
		[DOC_HEADING] = "heading", [DOC_PARAGRAPH] = "para",
		[DOC_SPLIT] = "split",
	};

	if (d->nblocks == 0)
		return;
	buf_puts(out, "<style>\n"
	    "p.heading { font-weight: bold; text-align: center; }\n"
	    "p.para { text-align: justify; text-indent: 1.25cm; }\n"
	    "p.split { display: flex; justify-content: space-between; }\n"
	    ".annex { break-before: page; page-break-before: always; }\n"
	    "</style>\n");
	for (size_t i = 0; i < d->nblocks; i++) {
		const struct doc_block *b = &d->blocks[i];

		buf_printf(out, "<p class=\"%s\">", cls[b->kind]);
		if (b->kind == DOC_SPLIT) {
			buf_puts(out, "<span>");
			markup_escape(out, b->text, "<br>");
			buf_puts(out, "</span><span>");
			markup_escape(out, b->right, "<br>");
			buf_puts(out, "</span>");
		} else {
			markup_escape(out, b->text, "<br>");
		}
		buf_puts(out, "</p>\n");
	}
	if (!d->no_annex)
		buf_puts(out, "<div class=\"annex\"></div>\n");
}

void
export_html(const struct document *d, struct buf *out)
{
	struct html_table t;

	buf_puts(out, "<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n<title>");
	markup_escape(out, d->title, " ");
	buf_puts(out, "</title>\n");
	export_html_style(out, &d->page);
	buf_puts(out, "</head>\n<body>\n");
	export_html_blocks(out, d);
	if (d->no_annex) {
		buf_puts(out, "</body>\n</html>\n");
		return;
	}
	export_html_grif(out, d->grif);
	buf_puts(out, "<h1>");
	markup_escape(out, d->title, "<br>");
	buf_puts(out, "</h1>\n");
	if (d->caption[0] != '\0') {
		buf_puts(out, "<p class=\"caption\">");
		markup_escape(out, d->caption, "<br>");
		buf_puts(out, "</p>\n");
	}
	buf_puts(out, "<table>\n");
	export_html_table(d, &t);
	export_html_head(out, &t);
	export_html_rows(out, d, &t);
	buf_puts(out, "</table>\n</body>\n</html>\n");
}
