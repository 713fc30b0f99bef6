/* export_pdf.c - the printed document as PDF: pango lays out, cairo draws. */
#include "export_pdf.h"

#if defined(PERECHEN_WITH_PDF) && PERECHEN_WITH_PDF

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include "buf.h"
#include "layout.h"
#include "utf8.h"

/*
 * Units: cairo's PDF surface measures in points, so one user unit is one
 * point and fonts are sized absolutely in points (no 96 dpi guess).
 */
#define PT_PER_MM	(72.0 / 25.4)
#define PAD_X		(1.9 * PT_PER_MM)	/* Word's default cell margins */
#define PAD_Y		(1.0 * PT_PER_MM)
#define RULE_PT		0.5
#define EPS		0.01
#define PAGE_NUMBER_TOP	(10 * PT_PER_MM)	/* ГОСТ Р 7.0.97: at least */

/* One laid-out line of a text block. */
struct pdf_line {
	double	 x;		/* from the block's left edge (alignment) */
	double	 width;
	double	 height;
	double	 baseline;	/* from the line's top */
	bool	 para_start;	/* the first line of a paragraph */
};

/* A block of text laid out to a width, kept as lines so that a page break
 * can fall between any two of them and never through one. */
struct pdf_text {
	PangoLayout	*layout;	/* NULL: no text */
	struct pdf_line	*lines;
	int		 nlines;
};

struct pdf_row {
	struct pdf_text	 cells[DOC_MAX_COLUMNS];
};

/*
 * The part of a group's rows on one page.  The spanning cells (those of
 * the spanning columns on the group's first row: the № and the process)
 * span the part; on a page the group continues on they are drawn again,
 * and a name taller than the room left goes on where it stopped.
 */
struct pdf_part {
	size_t	 row;		/* the group's first row */
	int	 from[DOC_MAX_COLUMNS], to[DOC_MAX_COLUMNS];	/* span
				   lines drawn in this part */
	bool	 done[DOC_MAX_COLUMNS];	/* every line of the span cell drawn
					   once */
	bool	 first;		/* the group's first part */
	bool	 tagged;	/* its span text goes into the structure tree */
	bool	 pending;	/* tagged span text not drawn yet */
	double	 top, span_h;
	double	 frag_top;	/* the last row fragment's top */
	bool	 has_frag;
};

/* A word's width is asked for again and again (the same needs, kinds
 * and words in row after row; the columns' widths, then the lines):
 * a direct-mapped cache of this many pieces keeps the answers, in
 * bounded memory, so pango shapes a piece of text about once. */
#define PDF_WIDTHS	8192
#define PDF_WIDTH_MAX	64	/* bytes: longer pieces are not kept */

/* A piece of text measured (see pdf_measure). */
struct pdf_width {
	char	 text[PDF_WIDTH_MAX];
	size_t	 len;		/* 0: empty slot */
	double	 width;
};

struct pdf {
	const struct document *d;
	const struct buf *out;	/* cairo's output: once its sink fails,
				   the rest is not drawn */
	PangoFontMap	*fm;
	PangoContext	*ctx;
	cairo_surface_t	*surface;
	cairo_t		*cr;
	PangoFontDescription *font, *bold, *small;
	PangoLayout	*ruler;		/* measures text for the line breaks */
	struct pdf_width *widths;	/* PDF_WIDTHS of them */
	double		 page_w, page_h;
	double		 left, top, bottom, width;	/* the body */
	double		 num_y;		/* the page number's top */
	double		 num_h;		/* and its height */
	double		 body_top;	/* pages 2.. start here, under the number */
	double		 rows_top;	/* first row on pages 2.. */
	const struct doc_table *tb;	/* the table being drawn */
	double		 col_x[DOC_MAX_COLUMNS + 1];
	struct pdf_text	 header[DOC_MAX_COLUMNS];
	double		 header_h;
	bool		 header_tagged;
	struct pdf_row	*rows;		/* of the group being drawn */
	size_t		 nrows;
	bool		 started;	/* a group drawn */
	int		 page;
	double		 y;
	size_t		 rows_on_page;
};

bool
export_pdf_available(void)
{
	return true;
}

static double
pdf_max(double a, double b)
{
	return a > b ? a : b;
}

/*
 * Lay out text (paragraphs separated by newlines, already sanitised) at
 * width points (<= 0: unwrapped) and record its lines.  Hyphens are never
 * inserted where a long word or URL has to break: a hyphen would change it.
 */
static void
pdf_text_set(struct pdf *p, struct pdf_text *t, const char *text,
    const PangoFontDescription *font, double width, PangoAlignment align)
{
	PangoAttrList *attrs = pango_attr_list_new();
	PangoLayoutIter *it;
	int i = 0;

	t->layout = pango_layout_new(p->ctx);
	pango_layout_set_font_description(t->layout, font);
	pango_attr_list_insert(attrs, pango_attr_insert_hyphens_new(FALSE));
	pango_layout_set_attributes(t->layout, attrs);
	pango_attr_list_unref(attrs);
	if (width > 0) {
		pango_layout_set_width(t->layout, pango_units_from_double(width));
		pango_layout_set_wrap(t->layout, PANGO_WRAP_WORD_CHAR);
	}
	pango_layout_set_alignment(t->layout, align);
	pango_layout_set_text(t->layout, text, -1);
	t->nlines = pango_layout_get_line_count(t->layout);
	t->lines = xcalloc((size_t)t->nlines, sizeof *t->lines);
	it = pango_layout_get_iter(t->layout);
	do {
		PangoRectangle logical;
		int y0, y1;

		pango_layout_iter_get_line_extents(it, NULL, &logical);
		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		t->lines[i].x = pango_units_to_double(logical.x);
		t->lines[i].width = pango_units_to_double(logical.width);
		t->lines[i].height = pango_units_to_double(y1 - y0);
		t->lines[i].baseline =
		    pango_units_to_double(pango_layout_iter_get_baseline(it) - y0);
		t->lines[i].para_start =
		    pango_layout_iter_get_line_readonly(it)->is_paragraph_start;
		i++;
	} while (i < t->nlines && pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

static uint32_t
pdf_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;	/* FNV-1a */

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* layout.h's metric: the width of text in the regular face. */
static double
pdf_measure(void *ctx, const char *s, size_t n)
{
	struct pdf *p = ctx;
	struct pdf_width *w = NULL;
	PangoRectangle logical;

	if (n <= PDF_WIDTH_MAX) {
		w = &p->widths[pdf_hash(s, n) % PDF_WIDTHS];
		if (w->len == n && memcmp(w->text, s, n) == 0)
			return w->width;
	}
	pango_layout_set_text(p->ruler, s, (int)n);
	pango_layout_get_extents(p->ruler, NULL, &logical);
	if (w != NULL) {
		memcpy(w->text, s, n);
		w->len = n;
		w->width = pango_units_to_double(logical.width);
	}
	return pango_units_to_double(logical.width);
}

/* The lines of a cell broken by layout.h, with what pango must not
 * change: where a paragraph starts and how far a line is indented. */
struct pdf_lines {
	struct strvec text;
	bool	*para_start;
	double	*indent;
};

static void
pdf_lines_add(struct pdf_lines *l, const char *text, bool start,
    double indent)
{
	size_t n = l->text.n;

	strvec_push(&l->text, text);
	l->para_start = xreallocarray(l->para_start, n + 1, sizeof (bool));
	l->indent = xreallocarray(l->indent, n + 1, sizeof (double));
	l->para_start[n] = start;
	l->indent[n] = indent;
}

/* One paragraph, sanitised, broken to width (a line break in it kept);
 * after mark (when not NULL) with its other lines indented as far as the
 * mark is wide. */
static void
pdf_lines_paragraph(struct pdf *p, struct pdf_lines *l, const char *para,
    const char *mark, double width)
{
	struct layout_metric m = { pdf_measure, p };
	double mw = mark != NULL ? pdf_measure(p, mark, strlen(mark)) : 0;
	char *s = utf8_sanitized(para, SAN_KEEP_NEWLINES), *from = s, *nl;
	struct strvec lines;

	strvec_init(&lines);
	while ((nl = strchr(from, '\n')) != NULL) {
		*nl = '\0';
		layout_wrap(from, width - mw, &m, &lines);
		from = nl + 1;
	}
	layout_wrap(from, width - mw, &m, &lines);
	for (size_t i = 0; i < lines.n; i++) {
		char *line = i == 0 && mark != NULL ? xasprintf("%s%s", mark,
		    lines.v[i]) : xstrdup(lines.v[i]);

		pdf_lines_add(l, line, i == 0, i == 0 ? 0 : mw);
		free(line);
	}
	strvec_fini(&lines);
	free(s);
}

/*
 * Lay out the paragraphs of a cell at width points: broken into lines by
 * layout.h (no word split, an address only after «@ . / -»), each need of
 * several after DOC_ITEM_MARK; pango only shapes the lines.  None: no
 * text.
 */
static void
pdf_text_set_cell(struct pdf *p, struct pdf_text *t, const struct strvec *sv,
    bool list, double width, PangoAlignment align)
{
	struct pdf_lines l;
	struct buf joined;

	if (sv->n == 0)
		return;
	memset(&l, 0, sizeof l);
	strvec_init(&l.text);
	for (size_t i = 0; i < sv->n; i++)
		pdf_lines_paragraph(p, &l, sv->v[i], list ? DOC_ITEM_MARK :
		    NULL, width);
	buf_init(&joined);
	for (size_t i = 0; i < l.text.n; i++) {
		if (i > 0)
			buf_putc(&joined, '\n');
		buf_puts(&joined, l.text.v[i]);
	}
	pdf_text_set(p, t, joined.data, p->font, 0, PANGO_ALIGN_LEFT);
	for (int i = 0; i < t->nlines && (size_t)i < l.text.n; i++) {
		t->lines[i].para_start = l.para_start[i];
		t->lines[i].x = align == PANGO_ALIGN_CENTER ?
		    (width - t->lines[i].width) / 2 : l.indent[i];
	}
	buf_fini(&joined);
	strvec_fini(&l.text);
	free(l.para_start);
	free(l.indent);
}

static void
pdf_text_fini(struct pdf_text *t)
{
	if (t->layout != NULL)
		g_object_unref(t->layout);
	free(t->lines);
	memset(t, 0, sizeof *t);
}

/* Height of lines [from, to). */
static double
pdf_text_height(const struct pdf_text *t, int from, int to)
{
	double h = 0;

	for (int i = from; i < to; i++)
		h += t->lines[i].height;
	return h;
}

/*
 * The end of the lines from from on that fit in room, at the end of a
 * paragraph when one ends in there (a need stays on one page), else
 * between any two lines.
 */
static int
pdf_text_fit(const struct pdf_text *t, int from, double room)
{
	double h = 0;
	int i = from, para;

	while (i < t->nlines && h + t->lines[i].height <= room + EPS)
		h += t->lines[i++].height;
	if (i == t->nlines)
		return i;
	for (para = i; para > from && !t->lines[para].para_start; para--)
		;
	return para > from ? para : i;
}

/* Draw lines [from, to) of t, the first one's top at y, the block at x. */
static void
pdf_text_draw(struct pdf *p, const struct pdf_text *t, int from, int to,
    double x, double y)
{
	for (int i = from; i < to; i++) {
		PangoLayoutLine *line = pango_layout_get_line_readonly(t->layout,
		    i);

		cairo_move_to(p->cr, x + t->lines[i].x, y + t->lines[i].baseline);
		pango_cairo_show_layout_line(p->cr, line);
		y += t->lines[i].height;
	}
}

/* Natural (unwrapped) width of text in font. */
static double
pdf_text_width(struct pdf *p, const char *text, const PangoFontDescription *f)
{
	PangoLayout *l = pango_layout_new(p->ctx);
	PangoRectangle logical;

	pango_layout_set_font_description(l, f);
	pango_layout_set_text(l, text, -1);
	pango_layout_get_extents(l, NULL, &logical);
	g_object_unref(l);
	return pango_units_to_double(logical.width);
}

/*
 * Whether fontconfig found the family asked for or one it binds strongly
 * to it — a metric-compatible substitute such as Liberation Serif for Times
 * New Roman — rather than whatever default it falls back to.
 */
static bool
pdf_font_is_substitute(const char *asked, const char *found)
{
	FcPattern *pat = FcPatternCreate();
	FcValue v;
	FcValueBinding binding;
	bool ok = false;

	FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)asked);
	FcConfigSubstitute(NULL, pat, FcMatchPattern);
	for (int i = 0; !ok && FcPatternGetWithBinding(pat, FC_FAMILY, i, &v,
	    &binding) == FcResultMatch; i++)
		ok = binding != FcValueBindingWeak && v.type == FcTypeString &&
		    FcStrCmpIgnoreCase(v.u.s, (const FcChar8 *)found) == 0;
	FcPatternDestroy(pat);
	return ok;
}

/* The regular, bold and small faces of the page's font; fail when the
 * font is missing (only an unrelated fallback found) or has no Cyrillic. */
static int
pdf_fonts(struct pdf *p, struct error *err)
{
	const struct doc_page *pg = &p->d->page;
	PangoFont *f;
	PangoFontDescription *got;
	PangoCoverage *cov;
	const char *family;
	bool cyrillic;
	int rc = 0;

	p->font = pango_font_description_new();
	pango_font_description_set_family(p->font, pg->font);
	pango_font_description_set_absolute_size(p->font,
	    pg->font_pt * PANGO_SCALE);
	p->bold = pango_font_description_copy(p->font);
	pango_font_description_set_weight(p->bold, PANGO_WEIGHT_BOLD);
	p->small = pango_font_description_copy(p->font);
	pango_font_description_set_absolute_size(p->small,
	    pdf_max(6, pg->font_pt - 2) * PANGO_SCALE);

	f = pango_font_map_load_font(p->fm, p->ctx, p->font);
	if (f == NULL)
		return error_set(err, "не найден ни один шрифт: установите "
		    "fonts-liberation");
	got = pango_font_describe(f);
	family = pango_font_description_get_family(got);
	if (family == NULL || !pdf_font_is_substitute(pg->font, family)) {
		rc = error_set(err, "шрифт «%s» не установлен (нашёлся бы только "
		    "«%s»): установите его или fonts-liberation (Liberation "
		    "Serif заменяет Times New Roman) либо выберите другой шрифт",
		    pg->font, family != NULL ? family : "?");
	} else {
		cov = pango_font_get_coverage(f,
		    pango_language_from_string("ru"));
		cyrillic = pango_coverage_get(cov, 0x0416) ==
		    PANGO_COVERAGE_EXACT;	/* Ж */
		pango_coverage_unref(cov);
		if (!cyrillic)
			rc = error_set(err, "в шрифте «%s» (%s) нет кириллицы: "
			    "выберите другой шрифт", pg->font, family);
	}
	pango_font_description_free(got);
	g_object_unref(f);
	return rc;
}

/* The body's edges in points from the page settings; fail when the
 * margins leave no page. */
static int
pdf_page_geometry(struct pdf *p, struct error *err)
{
	const struct doc_page *pg = &p->d->page;

	if (pg->font_pt < 6 || pg->font_pt > 28)
		return error_set(err, "кегль %g пт: ожидалось от 6 до 28",
		    pg->font_pt);
	p->page_w = pg->width_mm * PT_PER_MM;
	p->page_h = pg->height_mm * PT_PER_MM;
	p->left = pg->margin_left_mm * PT_PER_MM;
	p->top = pg->margin_top_mm * PT_PER_MM;
	p->width = p->page_w - p->left - pg->margin_right_mm * PT_PER_MM;
	p->bottom = p->page_h - pg->margin_bottom_mm * PT_PER_MM;
	if (pg->margin_left_mm < 0 || pg->margin_right_mm < 0 ||
	    pg->margin_top_mm < 0 || pg->margin_bottom_mm < 0 ||
	    p->width <= 0 || p->bottom <= p->top)
		return error_set(err, "поля (%g, %g, %g, %g мм) не оставляют "
		    "места на странице %g×%g мм", pg->margin_left_mm,
		    pg->margin_right_mm, pg->margin_top_mm,
		    pg->margin_bottom_mm, pg->width_mm, pg->height_mm);
	return 0;
}

/*
 * Column edges of table p->tb from layout.h's one computation (the same
 * as DOCX's and HTML's, measured with this font).  Fails when the page is
 * too narrow for its columns of a few letters each.
 */
static int
pdf_columns(struct pdf *p, struct error *err)
{
	struct layout_metric m = { pdf_measure, p };
	const struct doc_table *tb = p->tb;
	double w[DOC_MAX_COLUMNS];
	double few = 2 * PAD_X + 3 * p->d->page.font_pt;

	if (p->width < (double)tb->ncols * few)
		return error_set(err, "страница слишком узкая для таблицы: "
		    "между полями %.0f мм", p->width / PT_PER_MM);
	layout_columns(tb, &m, p->width, 2 * PAD_X, w);
	p->col_x[0] = p->left;
	for (size_t c = 0; c < tb->ncols; c++)
		p->col_x[c + 1] = p->col_x[c] + w[c];
	p->col_x[tb->ncols] = p->left + p->width;
	return 0;
}

static double
pdf_col_text_width(const struct pdf *p, size_t c)
{
	return p->col_x[c + 1] - p->col_x[c] - 2 * PAD_X;
}

/* Whether table p->tb has a header row. */
static bool
pdf_titled(const struct pdf *p)
{
	for (size_t c = 0; c < p->tb->ncols; c++)
		if (p->tb->cols[c].title[0] != '\0')
			return true;
	return false;
}

/*
 * Where text starts on pages after the first: under the page number, in
 * the top margin when it has room, else below it.
 */
static void
pdf_body_top(struct pdf *p)
{
	struct pdf_text probe = { 0 };

	pdf_text_set(p, &probe, "0", p->font, 0, PANGO_ALIGN_LEFT);
	p->num_h = probe.lines[0].height;
	pdf_text_fini(&probe);
	p->num_y = PAGE_NUMBER_TOP;
	if (p->top >= p->num_y + p->num_h + PT_PER_MM)
		p->body_top = p->top;
	else
		p->body_top = p->num_y + p->num_h + PT_PER_MM;
}

/*
 * The header row of table p->tb laid out to its columns, and where rows
 * start on pages after the first: under the page number and the header
 * (when it repeats).  The rows are laid out a group at a time as they are
 * drawn (pdf_table_group).
 */
static int
pdf_layout(struct pdf *p, struct error *err)
{
	double h = 0;

	for (size_t c = 0; c < p->tb->ncols; c++) {
		struct strvec title;

		pdf_text_fini(&p->header[c]);
		strvec_init(&title);
		strvec_push(&title, p->tb->cols[c].title);
		pdf_text_set_cell(p, &p->header[c], &title, false,
		    pdf_col_text_width(p, c), PANGO_ALIGN_CENTER);
		strvec_fini(&title);
		h = pdf_max(h, pdf_text_height(&p->header[c], 0,
		    p->header[c].nlines));
	}
	p->header_h = pdf_titled(p) ? h + 2 * PAD_Y : 0;
	p->rows_top = p->body_top + (p->tb->repeat_header ? p->header_h : 0);
	if (p->bottom - p->rows_top < 3 * p->num_h + 2 * PAD_Y)
		return error_set(err, "страница слишком низкая для таблицы: "
		    "между полями %.0f мм", (p->bottom - p->top) / PT_PER_MM);
	return 0;
}

/* A cell's frame. */
static void
pdf_box(struct pdf *p, size_t c, double top, double bottom)
{
	cairo_rectangle(p->cr, p->col_x[c], top, p->col_x[c + 1] - p->col_x[c],
	    bottom - top);
	cairo_stroke(p->cr);
}

/* Whether column c of the table spans its groups' rows. */
static bool
pdf_spans(const struct pdf *p, size_t c)
{
	return p->tb->cols[c].span;
}

/*
 * The header row at y.  Only its first drawing is tagged (TR of TH in
 * THead): the copies on later pages are pagination, and content drawn
 * outside any tag stays out of the structure tree.
 */
static void
pdf_header_row(struct pdf *p)
{
	bool tag = !p->header_tagged;

	if (tag && p->header_h > 0) {
		cairo_tag_begin(p->cr, "THead", NULL);
		cairo_tag_begin(p->cr, "TR", NULL);
	}
	for (size_t c = 0; p->header_h > 0 && c < p->tb->ncols; c++) {
		const struct pdf_text *t = &p->header[c];
		double h = pdf_text_height(t, 0, t->nlines);

		if (tag)
			cairo_tag_begin(p->cr, "TH", NULL);
		pdf_text_draw(p, t, 0, t->nlines, p->col_x[c] + PAD_X,
		    p->y + (p->header_h - h) / 2);
		if (tag)
			cairo_tag_end(p->cr, "TH");
	}
	if (tag) {
		if (p->header_h > 0) {
			cairo_tag_end(p->cr, "TR");
			cairo_tag_end(p->cr, "THead");
		}
		cairo_tag_begin(p->cr, "TBody", NULL);
		p->header_tagged = true;
	}
	for (size_t c = 0; p->header_h > 0 && c < p->tb->ncols; c++)
		pdf_box(p, c, p->y, p->y + p->header_h);
	p->y += p->header_h;
}

/* The page number centred in the top margin (pages after the first). */
static void
pdf_page_number(struct pdf *p)
{
	struct pdf_text num = { 0 };
	char s[16];

	snprintf(s, sizeof s, "%d", p->page);
	pdf_text_set(p, &num, s, p->font, p->page_w, PANGO_ALIGN_CENTER);
	pdf_text_draw(p, &num, 0, num.nlines, 0, p->num_y);
	pdf_text_fini(&num);
}

/* A page of running text after this one: numbered (ГОСТ Р 7.0.97: from
 * the second page on), the text from the top of the body. */
static void
pdf_text_page(struct pdf *p)
{
	cairo_show_page(p->cr);
	p->page++;
	pdf_page_number(p);
	p->y = p->body_top;
}

/* A new page of the table: numbered, then its header row when it
 * repeats. */
static void
pdf_new_page(struct pdf *p)
{
	pdf_text_page(p);
	p->rows_on_page = 0;
	if (p->tb->repeat_header)
		pdf_header_row(p);
}

/* Whether a new page would give more room than this one has left. */
static bool
pdf_can_move(const struct pdf *p)
{
	return p->rows_on_page > 0 || p->y > p->rows_top + EPS;
}

static double
pdf_room(const struct pdf *p)
{
	return p->bottom - p->y;
}

/* The span cells of a part, tagged as TD inside the first row's TR or
 * untagged when repeated on a later page. */
static void
pdf_span_draw(struct pdf *p, const struct pdf_part *part, bool tag)
{
	const struct pdf_row *row = &p->rows[part->row];

	for (size_t c = 0; c < p->tb->ncols; c++) {
		if (!pdf_spans(p, c))
			continue;
		if (tag)
			cairo_tag_begin(p->cr, "TD", NULL);
		pdf_text_draw(p, &row->cells[c], part->from[c], part->to[c],
		    p->col_x[c] + PAD_X, part->top + PAD_Y);
		if (tag)
			cairo_tag_end(p->cr, "TD");
	}
}

/* Whether every spanning cell of the part was drawn whole once. */
static bool
pdf_part_done(const struct pdf *p, const struct pdf_part *part)
{
	for (size_t c = 0; c < p->tb->ncols; c++)
		if (pdf_spans(p, c) && !part->done[c])
			return false;
	return true;
}

/*
 * Open a part at y: which span lines fit the room left (a complete cell
 * starts again from its first line, an unfinished one goes on).  Text
 * repeated is drawn now, outside the structure tree; new text is drawn
 * with the first row, as its TDs, or alone when no row follows.
 */
static void
pdf_part_open(struct pdf *p, struct pdf_part *part, bool first)
{
	const struct pdf_row *row = &p->rows[part->row];
	double room = pdf_room(p) - 2 * PAD_Y, h = 0;

	part->top = p->y;
	part->has_frag = false;
	part->first = first;
	part->tagged = first || !pdf_part_done(p, part);
	for (size_t c = 0; c < p->tb->ncols; c++) {
		const struct pdf_text *t = &row->cells[c];

		if (!pdf_spans(p, c))
			continue;
		if (first)
			part->done[c] = false;
		if (first || part->done[c])
			part->from[c] = 0;
		else
			part->from[c] = part->to[c];
		part->to[c] = pdf_text_fit(t, part->from[c], room);
		if (part->to[c] == part->from[c] && part->from[c] < t->nlines)
			part->to[c]++;	/* a page lower than one line */
		if (part->to[c] == t->nlines)
			part->done[c] = true;
		h = pdf_max(h, pdf_text_height(t, part->from[c], part->to[c]));
	}
	part->span_h = h + 2 * PAD_Y;
	part->pending = part->tagged;
	if (!part->tagged)
		pdf_span_draw(p, part, false);
}

/* Close a part: it is as tall as its rows or its span text, whichever is
 * taller (the last row grows); frame the span cells and the last row. */
static void
pdf_part_close(struct pdf *p, struct pdf_part *part)
{
	double bottom = pdf_max(p->y, part->top + part->span_h);
	double top = part->has_frag ? part->frag_top : part->top;

	if (part->pending) {
		cairo_tag_begin(p->cr, "TR", NULL);
		pdf_span_draw(p, part, true);
		cairo_tag_end(p->cr, "TR");
		part->pending = false;
	}

	for (size_t c = 0; c < p->tb->ncols; c++)
		pdf_box(p, c, pdf_spans(p, c) ? part->top : top, bottom);
	p->y = bottom;
}

/* Draw lines [cur, to) of row r's own cells as one row fragment at y
 * (a TR; the first also carries the span cells). */
static void
pdf_fragment(struct pdf *p, struct pdf_part *part, size_t r, int *cur,
    const int *to)
{
	const struct pdf_row *row = &p->rows[r];
	double h = 0;

	for (size_t c = 0; part->has_frag && c < p->tb->ncols; c++)
		if (!pdf_spans(p, c))
			pdf_box(p, c, part->frag_top, p->y);
	cairo_tag_begin(p->cr, "TR", NULL);
	if (part->pending) {
		pdf_span_draw(p, part, true);
		part->pending = false;
	}
	for (size_t c = 0; c < p->tb->ncols; c++) {
		if (pdf_spans(p, c))
			continue;
		cairo_tag_begin(p->cr, "TD", NULL);
		pdf_text_draw(p, &row->cells[c], cur[c], to[c],
		    p->col_x[c] + PAD_X, p->y + PAD_Y);
		cairo_tag_end(p->cr, "TD");
		h = pdf_max(h, pdf_text_height(&row->cells[c], cur[c], to[c]));
		cur[c] = to[c];
	}
	cairo_tag_end(p->cr, "TR");
	part->frag_top = p->y;
	part->has_frag = true;
	p->y += h + 2 * PAD_Y;
	p->rows_on_page++;
}

/* Height of what is left of row r from cur on. */
static double
pdf_row_rest(const struct pdf *p, size_t r, const int *cur)
{
	double h = 0;

	for (size_t c = 0; c < p->tb->ncols; c++) {
		const struct pdf_text *t = &p->rows[r].cells[c];

		if (!pdf_spans(p, c))
			h = pdf_max(h, pdf_text_height(t, cur[c], t->nlines));
	}
	return h + 2 * PAD_Y;
}

/* The lines of row r from cur on that fit the room left: fills to[];
 * false if not one line fits. */
static bool
pdf_row_fit(const struct pdf *p, size_t r, const int *cur, int *to)
{
	bool any = false;

	for (size_t c = 0; c < p->tb->ncols; c++) {
		if (pdf_spans(p, c))
			continue;
		to[c] = pdf_text_fit(&p->rows[r].cells[c], cur[c],
		    pdf_room(p) - 2 * PAD_Y);
		any = any || to[c] > cur[c];
	}
	return any;
}

static bool
pdf_row_left(const struct pdf *p, size_t r, const int *cur)
{
	for (size_t c = 0; c < p->tb->ncols; c++)
		if (!pdf_spans(p, c) && cur[c] < p->rows[r].cells[c].nlines)
			return true;
	return false;
}

/* Close the part on this page and open its continuation on the next; a
 * first part that drew nothing yet starts over there instead. */
static void
pdf_part_break(struct pdf *p, struct pdf_part *part)
{
	bool restart = part->first && !part->has_frag;

	if (!restart)
		pdf_part_close(p, part);
	pdf_new_page(p);
	pdf_part_open(p, part, restart);
}

/*
 * One row, whole if it fits the room left; else it moves to the next
 * page, unless it would not fit a whole page either: then it is split
 * between lines, as many on this page as fit.
 */
static void
pdf_row(struct pdf *p, struct pdf_part *part, size_t r)
{
	int cur[DOC_MAX_COLUMNS] = { 0 }, to[DOC_MAX_COLUMNS] = { 0 };
	double rest;

	for (;;) {
		rest = pdf_row_rest(p, r, cur);
		if (rest <= pdf_room(p) + EPS) {
			for (size_t c = 0; c < p->tb->ncols; c++)
				to[c] = p->rows[r].cells[c].nlines;
			pdf_fragment(p, part, r, cur, to);
			return;
		}
		if (pdf_can_move(p) && rest <= p->bottom - p->rows_top + EPS) {
			pdf_part_break(p, part);
			continue;
		}
		if (!pdf_row_fit(p, r, cur, to)) {
			if (pdf_can_move(p)) {
				pdf_part_break(p, part);
				continue;
			}
			/* A page lower than one line: overflow, but progress. */
			for (size_t c = 0; c < p->tb->ncols; c++)
				if (!pdf_spans(p, c) &&
				    cur[c] < p->rows[r].cells[c].nlines) {
					to[c] = cur[c] + 1;
					break;
				}
		}
		pdf_fragment(p, part, r, cur, to);
		if (!pdf_row_left(p, r, cur))
			return;
		pdf_part_break(p, part);
	}
}

/*
 * How tall the start of the group at row a must be on one page: its
 * first row, and the first line of its spanning cells (the rest of a
 * name taller than the room goes on over the page beside the next rows,
 * under the repeated header): a page is never left emptier for a long
 * name.
 */
static double
pdf_group_want(const struct pdf *p, size_t a)
{
	int zero[DOC_MAX_COLUMNS] = { 0 };
	const struct pdf_text *t = p->rows[a].cells;
	double first = 0;

	for (size_t c = 0; c < p->tb->ncols; c++)
		if (pdf_spans(p, c) && t[c].nlines > 0)
			first = pdf_max(first, t[c].lines[0].height);
	return pdf_max(pdf_row_rest(p, a, zero), first + 2 * PAD_Y);
}

/*
 * Lay out the cells of one group's n rows to their columns: a cell is
 * laid out once, its lines measured from that layout and drawn from it;
 * a group's layouts are freed when it is drawn, so the pages take the
 * time and memory of their rows, one group at a time.
 */
static void
pdf_rows_set(struct pdf *p, const struct doc_row *rows, size_t n)
{
	p->rows = xcalloc(n, sizeof *p->rows);
	p->nrows = n;
	for (size_t i = 0; i < n; i++)
		for (size_t c = 0; c < p->tb->ncols; c++)
			pdf_text_set_cell(p, &p->rows[i].cells[c],
			    &rows[i].cells[c].paras, rows[i].cells[c].list,
			    pdf_col_text_width(p, c), p->tb->cols[c].centred ?
			    PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
}

static void
pdf_rows_fini(struct pdf *p)
{
	for (size_t i = 0; i < p->nrows; i++)
		for (size_t c = 0; c < DOC_MAX_COLUMNS; c++)
			pdf_text_fini(&p->rows[i].cells[c]);
	free(p->rows);
	p->rows = NULL;
	p->nrows = 0;
}

/* The rows [a, b) of one group.  It starts on the next page when its
 * first row does not fit here but would there. */
static void
pdf_group(struct pdf *p, size_t a, size_t b)
{
	struct pdf_part part;
	double want = pdf_group_want(p, a);

	if (want > pdf_room(p) + EPS && pdf_can_move(p) &&
	    want <= p->bottom - p->rows_top + EPS)
		pdf_new_page(p);
	memset(&part, 0, sizeof part);
	part.row = a;
	pdf_part_open(p, &part, true);
	for (size_t r = a; r < b; r++)
		pdf_row(p, &part, r);
	/* A process name longer than its rows goes on over the page. */
	while (!pdf_part_done(p, &part))
		pdf_part_break(p, &part);
	pdf_part_close(p, &part);
}

/*
 * A table, tagged Table > THead/TBody > TR > TH/TD in the PDF's
 * structure tree (cairo >= 1.16 writes it for these tag names).  cairo's
 * tags take no attributes for structure elements, so a merged cell cannot
 * say RowSpan: the spanning TDs are in the group's first TR only, as
 * HTML's rowspan has them.  Nor can cairo 1.16 mark content as an
 * Artifact (the tag name is refused), so what pagination repeats — the
 * header row, a process's name, page numbers — is drawn outside every
 * tag and stays out of the tree.  A row split over pages is a TR per page.
 * The header does not stay alone at a page's foot.
 */
/* One group's rows: the header row before the first (on the next page
 * with it when the group would start alone at a page's foot). */
static void
pdf_table_group(void *ctx, const struct doc_row *rows, size_t n)
{
	struct pdf *p = ctx;

	if (p->out->sink_rc != 0)
		return;
	pdf_rows_set(p, rows, n);
	if (!p->started) {
		double want = p->header_h + pdf_group_want(p, 0);

		if (want > pdf_room(p) + EPS &&
		    want <= p->bottom - p->rows_top + p->header_h + EPS) {
			pdf_text_page(p);
			p->rows_on_page = 0;
		}
		pdf_header_row(p);
		p->started = true;
	}
	pdf_group(p, 0, n);
	pdf_rows_fini(p);
}

/* A block of sanitised text at y, tagged, advancing y. */
static void
pdf_block(struct pdf *p, const char *tag, const char *text,
    const PangoFontDescription *font, double x, double width,
    PangoAlignment align)
{
	struct pdf_text t = { 0 };
	char *s = utf8_sanitized(text, SAN_KEEP_NEWLINES);

	pdf_text_set(p, &t, s, font, width, align);
	cairo_tag_begin(p->cr, tag, NULL);
	pdf_text_draw(p, &t, 0, t.nlines, x, p->y);
	cairo_tag_end(p->cr, tag);
	p->y += pdf_text_height(&t, 0, t.nlines);
	pdf_text_fini(&t);
	free(s);
}

/* The lines around a table, flush left. */
static void
pdf_table_line(struct pdf *p, const char *text)
{
	if (text[0] == '\0')
		return;
	if (p->y + p->num_h > p->bottom)
		pdf_text_page(p);
	pdf_block(p, "P", text, p->font, p->left, p->width, PANGO_ALIGN_LEFT);
}

/* Table tb at y, its columns and header laid out first; half a line of
 * space after it. */
static int
pdf_table(struct pdf *p, const struct doc_table *tb, struct error *err)
{
	p->tb = tb;
	p->started = false;
	p->header_tagged = false;
	p->rows_on_page = 0;
	if (pdf_columns(p, err) != 0 || pdf_layout(p, err) != 0)
		return -1;
	pdf_table_line(p, tb->before);
	cairo_tag_begin(p->cr, "Table", NULL);
	doc_table_each_group(tb, pdf_table_group, p);
	if (!p->started)
		pdf_header_row(p);
	cairo_tag_end(p->cr, "TBody");
	cairo_tag_end(p->cr, "Table");
	pdf_table_line(p, tb->after);
	p->y += p->d->page.font_pt / 2;
	return 0;
}

/* The grif as a block at the right margin, its lines flush left inside
 * it, at most half the width; a line of space after it. */
static void
pdf_grif(struct pdf *p, const char *grif)
{
	char *s = utf8_sanitized(grif, SAN_KEEP_NEWLINES);
	double w = 0;
	char *save = NULL;

	for (char *ln = strtok_r(s, "\n", &save); ln != NULL;
	    ln = strtok_r(NULL, "\n", &save))
		w = pdf_max(w, pdf_text_width(p, ln, p->font));
	free(s);
	w = w < p->width / 2 ? w + 1 : p->width / 2;
	pdf_block(p, "P", grif, p->font, p->left + p->width - w, w,
	    PANGO_ALIGN_LEFT);
	p->y += p->d->page.font_pt;
}

/* One block of running text, moved whole to the next page when it does
 * not fit this one's rest, then half a line of space. */
static void
pdf_text_block(struct pdf *p, const struct doc_block *b)
{
	const PangoFontDescription *font = b->kind == DOC_HEADING ? p->bold :
	    p->font;
	struct pdf_text t = { 0 }, r = { 0 };
	char *text = b->kind == DOC_CLAUSE ? xasprintf("%s %s", b->right,
	    b->text) : xstrdup(b->text);
	char *s = utf8_sanitized(text, SAN_KEEP_NEWLINES);
	char *rs = utf8_sanitized(b->right, SAN_KEEP_NEWLINES);
	double h;

	pdf_text_set(p, &t, s, font, p->width, b->kind == DOC_HEADING ?
	    PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
	h = pdf_text_height(&t, 0, t.nlines);
	if (b->kind == DOC_SPLIT) {
		pdf_text_set(p, &r, rs, font, p->width, PANGO_ALIGN_RIGHT);
		h = pdf_max(h, pdf_text_height(&r, 0, r.nlines));
	}
	if (p->y + h > p->bottom && p->y > p->body_top + EPS)
		pdf_text_page(p);
	cairo_tag_begin(p->cr, b->kind == DOC_HEADING ? "H1" : "P", NULL);
	pdf_text_draw(p, &t, 0, t.nlines, p->left, p->y);
	if (b->kind == DOC_SPLIT)
		pdf_text_draw(p, &r, 0, r.nlines, p->left, p->y);
	cairo_tag_end(p->cr, b->kind == DOC_HEADING ? "H1" : "P");
	p->y += h + p->d->page.font_pt / 2;
	pdf_text_fini(&t);
	pdf_text_fini(&r);
	free(text);
	free(s);
	free(rs);
}

/* One block at y.  The title is bold and centred, the caption small under
 * it; a line of space after them. */
static int
pdf_one(struct pdf *p, size_t i, struct error *err)
{
	const struct doc_block *b = &p->d->blocks[i];
	bool captioned = i + 1 < p->d->nblocks &&
	    p->d->blocks[i + 1].kind == DOC_CAPTION;

	switch (b->kind) {
	case DOC_GRIF:
		pdf_grif(p, b->text);
		return 0;
	case DOC_TITLE:
	case DOC_CAPTION:
		pdf_block(p, b->kind == DOC_TITLE ? "H1" : "P", b->text,
		    b->kind == DOC_TITLE ? p->bold : p->small, p->left,
		    p->width, PANGO_ALIGN_CENTER);
		if (b->kind == DOC_CAPTION || !captioned)
			p->y += p->d->page.font_pt;
		return 0;
	case DOC_PAGE_BREAK:
		pdf_text_page(p);
		p->y = p->top;
		return 0;
	case DOC_TABLE:
		return pdf_table(p, b->table, err);
	default:
		pdf_text_block(p, b);
		return 0;
	}
}

/* The document's title on one line, for the PDF's metadata. */
static char *
pdf_meta_title(const struct document *d)
{
	char *s = utf8_sanitized(d->title, SAN_KEEP_NEWLINES);

	for (char *c = s; *c != '\0'; c++)
		if (*c == '\n')
			*c = ' ';
	return s;
}

/* Draw the whole document on the surface. */
static int
pdf_draw(struct pdf *p, struct error *err)
{
	char *title = pdf_meta_title(p->d);
	int rc = 0;

	cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_TITLE,
	    title);
	cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_CREATOR,
	    "perechen " PERECHEN_VERSION);
	free(title);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	cairo_set_line_width(p->cr, RULE_PT);
	p->page = 1;
	p->y = p->top;
	cairo_tag_begin(p->cr, "Document", NULL);
	for (size_t i = 0; rc == 0 && i < p->d->nblocks; i++)
		rc = pdf_one(p, i, err);
	cairo_tag_end(p->cr, "Document");
	cairo_show_page(p->cr);
	return rc;
}

/*
 * Release what the drawing made.  fontconfig's and cairo's own caches
 * stay for the life of the process: pango keeps worker threads that may
 * still hold fontconfig's (FcFini would assert), so they are not shut
 * down.  This runs in perechen-office, which ends after one document;
 * tests/lsan.supp names those libraries' caches for LeakSanitizer.
 */
static void
pdf_fini(struct pdf *p)
{
	pdf_rows_fini(p);
	for (size_t c = 0; c < DOC_MAX_COLUMNS; c++)
		pdf_text_fini(&p->header[c]);
	if (p->ruler != NULL)
		g_object_unref(p->ruler);
	free(p->widths);
	if (p->font != NULL)
		pango_font_description_free(p->font);
	if (p->bold != NULL)
		pango_font_description_free(p->bold);
	if (p->small != NULL)
		pango_font_description_free(p->small);
	if (p->ctx != NULL)
		g_object_unref(p->ctx);
	if (p->cr != NULL)
		cairo_destroy(p->cr);
	if (p->surface != NULL)
		cairo_surface_destroy(p->surface);
	if (p->fm != NULL) {
		/* Fonts and fontsets the map caches hold it: break the cycle. */
		if (PANGO_IS_FC_FONT_MAP(p->fm))
			pango_fc_font_map_shutdown(PANGO_FC_FONT_MAP(p->fm));
		g_object_unref(p->fm);
	}
}

/* cairo's write callback: cairo writes a few bytes at a time, gathered
 * in out, which hands them on to its sink 64 KiB at a time. */
static cairo_status_t
pdf_out_write(void *closure, const unsigned char *data, unsigned int len)
{
	struct buf *out = closure;

	buf_append(out, data, len);
	return out->sink_rc == 0 ? CAIRO_STATUS_SUCCESS :
	    CAIRO_STATUS_WRITE_ERROR;
}

/*
 * Lay out and draw d, appending the PDF to out as cairo makes it.  A
 * private font map, so that everything pango caches for it goes with it.
 * When out's sink fails, cairo writes no more and 0 is returned: the
 * failure stays in out (buf_flush says so) for the sink's owner, who
 * knows its errno.
 */
static int
pdf_write(const struct document *d, struct buf *out, struct error *err)
{
	struct pdf p;
	cairo_status_t st;
	int rc = -1;

	memset(&p, 0, sizeof p);
	p.d = d;
	p.out = out;
	if (pdf_page_geometry(&p, err) != 0)
		return -1;
	p.surface = cairo_pdf_surface_create_for_stream(pdf_out_write, out,
	    p.page_w, p.page_h);
	p.cr = cairo_create(p.surface);
	p.fm = pango_cairo_font_map_new();
	p.ctx = pango_font_map_create_context(p.fm);
	pango_cairo_update_context(p.cr, p.ctx);
	if (pdf_fonts(&p, err) != 0)
		goto out;
	p.ruler = pango_layout_new(p.ctx);
	p.widths = xcalloc(PDF_WIDTHS, sizeof *p.widths);
	pango_layout_set_font_description(p.ruler, p.font);
	pdf_body_top(&p);
	if (pdf_draw(&p, err) != 0)
		goto out;
	cairo_surface_finish(p.surface);
	st = cairo_status(p.cr);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(p.surface);
	if (out->sink_rc == 0 && st != CAIRO_STATUS_SUCCESS)
		error_set(err, "не удалось построить PDF: %s",
		    cairo_status_to_string(st));
	else
		rc = 0;
out:
	pdf_fini(&p);
	return rc;
}

/* Draw d into fd a buffer's worth at a time: 0, or -1 with err set, or
 * with *errnum set when a write to fd failed. */
static int
pdf_write_fd(const struct document *d, int fd, int *errnum,
    struct error *err)
{
	struct buf_fd f = { fd, 0 };
	struct buf out;
	int rc;

	buf_init(&out);
	buf_set_sink(&out, buf_sink_fd, &f);
	rc = pdf_write(d, &out, err);
	if (buf_flush(&out) != 0) {
		*errnum = f.errnum != 0 ? f.errnum : EIO;
		rc = -1;
	}
	buf_fini(&out);
	return rc;
}

int
export_pdf(const struct document *d, const char *path, struct error *err)
{
	char *tmp = xasprintf("%s.%ld.tmp", path, (long)getpid());
	int fd, saved = 0, rc;

	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
	if (fd < 0) {
		error_set_errno(err, errno, "не удалось записать %s", path);
		free(tmp);
		return -1;
	}
	rc = pdf_write_fd(d, fd, &saved, err);
	if (rc == 0 && fsync(fd) != 0)
		saved = errno;
	if (close(fd) != 0 && rc == 0 && saved == 0)
		saved = errno;
	if (rc == 0 && saved == 0 && rename(tmp, path) != 0)
		saved = errno;
	if (rc != 0 || saved != 0) {
		unlink(tmp);
		free(tmp);
		/* A write's failure is the one to tell, whatever else. */
		return saved != 0 ? error_set_errno(err, saved, "не удалось "
		    "записать %s", path) : -1;
	}
	free(tmp);
	return 0;
}

int
export_pdf_buf(const struct document *d, struct buf *out, struct error *err)
{
	return pdf_write(d, out, err);
}

#else /* !PERECHEN_WITH_PDF */

bool
export_pdf_available(void)
{
	return false;
}

int
export_pdf(const struct document *d, const char *path, struct error *err)
{
	(void)d;
	(void)path;
	return error_set(err, "эта сборка perechen без PDF: установите "
	    "libpango1.0-dev и пересоберите (make WITH_PDF=1)");
}

int
export_pdf_buf(const struct document *d, struct buf *out, struct error *err)
{
	(void)out;
	return export_pdf(d, "", err);
}

#endif
