/*
 * document.h - a printed document, whatever the format: a sequence of
 * blocks, and the producer of the list's annex.
 *
 * Owns: the document model — blocks of running text (title, caption,
 * heading, paragraph, numbered clause, split line, grif), page breaks
 * and tables of any columns (header cells, widths, cells that span a
 * group's rows, list cells, the header repeated on every page, rows held
 * or streamed a group at a time) — and the page settings (size,
 * orientation, margins, font).  The text, HTML, DOCX and PDF writers
 * walk the same blocks and know no column of any table, so they cannot
 * disagree on content.  Also the annex (Приложение 1) as blocks: the
 * grif («УТВЕРЖДЕН приказом … от ДД.ММ.ГГГГ № …»), the title, the
 * caption and the five-column table of the list.
 */
#ifndef PERECHEN_DOCUMENT_H
#define PERECHEN_DOCUMENT_H

#include <stdbool.h>
#include <stddef.h>

#include "catalog.h"
#include "error.h"
#include "model.h"
#include "strvec.h"

/* The annex's columns, left to right (its producers' knowledge: no
 * writer's). */
#define DOC_COLUMNS 5
#define DOC_NUM		0
#define DOC_PROCESS	1
#define DOC_TOUCHPOINT	2
#define DOC_NEEDS	3
#define DOC_SPECIFICS	4

/* Column headers of the printed form (Приложение 1), left to right. */
extern const char *const document_column_titles[DOC_COLUMNS];
/* Their weights (struct doc_column): the needs, the longest text, the
 * most; the № is fit to its numbers. */
extern const double document_column_weights[DOC_COLUMNS];

/* The mark in front of each paragraph of a list cell: one item a line,
 * as the seed prints the needs.  A writer whose encoding lacks the en
 * dash may print "- " instead. */
#define DOC_ITEM_MARK	"– "

/* The most columns a table may have (writers keep per-column state in
 * arrays of this size). */
#define DOC_MAX_COLUMNS	16

struct doc_page {
	double	 width_mm;	/* 210 (A4 portrait) */
	double	 height_mm;	/* 297 */
	double	 margin_left_mm;	/* 30 (ГОСТ Р 7.0.97) */
	double	 margin_right_mm;	/* 10 */
	double	 margin_top_mm;		/* 20 */
	double	 margin_bottom_mm;	/* 20 */
	char	 font[64];	/* "Times New Roman"; Liberation Serif has its metrics */
	double	 font_pt;	/* 12 */
};

/*
 * A column of a table.  Its width: a fit column is as wide as its widest
 * paragraph and never wrapped (the №); the others share the rest of the
 * table's width — in proportion to their weights, or, when the table is
 * measured, as layout.h measures their content (the annex since issue
 * 12).  The text table always keeps the weights: its lines are of a
 * fixed width anyway, and a streamed table is then read once.
 */
struct doc_column {
	const char *title;	/* the header cell ("" none); copied */
	double	 weight;	/* > 0; ignored for a fit column */
	bool	 fit;
	const char *widest;	/* a fit column's widest text when known up
				   front (the largest number of a streamed
				   table), else NULL: measured from the rows */
	bool	 centred;	/* its cells centred (the №) */
	bool	 span;		/* its cell on a group's first row spans the
				   group's rows (the № and the process); the
				   group's other rows leave it empty */
	bool	 group_head;	/* that spanning cell names its group (HTML's
				   th scope="rowgroup") */
};

/* A cell: its paragraphs, each wrapped by the writers to the column (a
 * '\n' inside one breaks the line). */
struct doc_cell {
	struct strvec paras;
	bool	 list;		/* each paragraph an item after DOC_ITEM_MARK
				   (the needs, when a touchpoint meets
				   several) */
};

/* A row of a table: as many cells as the table has columns. */
struct doc_row {
	bool	 first;		/* the first row of its group */
	size_t	 span;		/* on a group's first row: the group's rows */
	struct doc_cell cells[DOC_MAX_COLUMNS];
};

/* The rows of one group (rows bound by spans: a process of the annex),
 * its first row first. */
typedef void (*doc_group_fn)(void *ctx, const struct doc_row *rows,
    size_t n);

/*
 * Where a table's rows come from when they are too many to hold: each(src,
 * fn, ctx) calls fn with every group in order, building them one at a
 * time, and may be called again (writers measure the columns before they
 * write).  A source that fails stops calling fn and keeps the failure for
 * its owner, who then drops what the writer made.
 */
struct doc_source {
	void	(*each)(void *src, doc_group_fn fn, void *ctx);
	void	*src;
};

struct doc_table {
	struct doc_column cols[DOC_MAX_COLUMNS];	/* titles owned */
	size_t	 ncols;
	bool	 measured;	/* see struct doc_column */
	bool	 repeat_header;	/* the header on top of every page the
				   table runs on, where the format can */
	struct doc_row *rows;	/* all of them, when source.each is NULL */
	size_t	 nrows;
	size_t	 group;		/* the last group's first row */
	struct doc_source source;	/* else the rows come from here */
	char	*before, *after;	/* lines flush left just above and
					   below the table, "" none: the
					   quotation marks of a table an
					   order quotes */
};

/*
 * The blocks a document is made of, printed in order.  A '\n' inside a
 * block's text breaks the line without starting a new block.
 */
enum doc_block_kind {
	DOC_TITLE,	/* the document's title, bold, centred: «ПЕРЕЧЕНЬ …» */
	DOC_CAPTION,	/* under the title, centred: «Рабочая версия …» */
	DOC_HEADING,	/* centred, bold: the body, «П Р И К А З», the
			   order's title */
	DOC_PARAGRAPH,	/* justified, the first line indented */
	DOC_CLAUSE,	/* a numbered clause: its number (right) then its
			   text, as a paragraph: items «1.», sub-items «1)» */
	DOC_SPLIT,	/* text at the left margin, right at the right one:
			   the blank date and number, the signature */
	DOC_GRIF,	/* lines flush left in a block at the right of the
			   page: «УТВЕРЖДЕН приказом …» */
	DOC_PAGE_BREAK,	/* what follows starts a new page (the annex) */
	DOC_TABLE,
};

struct doc_block {
	enum doc_block_kind kind;
	char	*text;
	char	*right;		/* DOC_SPLIT's right end, DOC_CLAUSE's number;
				   else "" */
	struct doc_table *table;	/* DOC_TABLE only */
};

struct document {
	struct doc_block *blocks;
	size_t	 nblocks;
	char	*title;		/* the document's name (the PDF's and the
				   web page's title), lines joined by '\n' */
	struct doc_page page;
};

/* A4 portrait, margins 30/10/20/20 mm, Times New Roman 12 pt. */
void	doc_page_defaults(struct doc_page *p);
/*
 * Change one page setting from its text: "size" (A4, A3, A5, Letter, or
 * WxH in mm), "orientation" (portrait|landscape, книжная|альбомная),
 * "margins" (left,right,top,bottom in mm), "font", "font-size" (pt).
 * Returns 0, or -1 with a Russian err.
 */
int	doc_page_set(struct doc_page *p, const char *key, const char *value,
	    struct error *err);

/* An empty document: no blocks, the default page, title "". */
void	document_init(struct document *d);
void	document_fini(struct document *d);

/*
 * Append a block of kind k to d (text and right copied; NULL for "").
 * Not for DOC_TABLE: document_add_table.
 */
void	document_add_block(struct document *d, enum doc_block_kind k,
	    const char *text, const char *right);

/*
 * Append a table of the ncols (1..DOC_MAX_COLUMNS) columns cols (copied)
 * to d, without rows; the rows are added by doc_table_add_row, or come
 * from its source.  The table is d's.
 */
struct doc_table *document_add_table(struct document *d,
	    const struct doc_column *cols, size_t ncols);

/*
 * Append a row of empty cells to t: the first of a new group, or the
 * next of the last group (whose first row's span it counts).  The row is
 * t's, valid until the next row is added.
 */
struct doc_row *doc_table_add_row(struct doc_table *t, bool first);

/* Drop t's rows, keeping the rest. */
void	doc_table_rows_clear(struct doc_table *t);

/* fn with the rows of each group of t, in order: from t->rows, or from
 * t->source. */
void	doc_table_each_group(const struct doc_table *t, doc_group_fn fn,
	    void *ctx);

/* The first table of d, or NULL. */
struct doc_table *document_table(const struct document *d);

/*
 * The body as the grif of header h names it, «приказом <this>»: the
 * genitive stored in the header (the clerk confirmed it); for a revision
 * frozen before the genitive was kept, the declension of the nominative
 * (declension.h).  Caller frees.
 */
char	*document_genitive(const struct list_header *h);

/*
 * The grif lines: "УТВЕРЖДЕН", "приказом <org_genitive>", "от ДД.ММ.ГГГГ
 * № <no>".  org_genitive is printed as given (document_genitive()).
 * wording, if non-empty, replaces the default "приказом <org_genitive>"
 * line(s) (a setting).  order_date is ISO; an empty one yields an empty
 * grif (a working copy is not approved).  Caller frees.
 */
char	*document_grif(const char *org_genitive, const char *wording,
	    const char *order_date, const char *order_no);

/*
 * The annex of a list into d: the grif (none when ""), the title
 * «ПЕРЕЧЕНЬ» and the list's title list_title, the caption (none when
 * ""), and its table without rows: the five columns, № as wide as its
 * widest number (nprocs, the processes printed, tells it up front; 0:
 * measured from the rows), № and process spanning their process's rows,
 * the header on every page.  d's title, if still "", becomes the annex's.
 * Returns the table, d's.
 */
struct doc_table *document_annex(struct document *d, const char *list_title,
	    const char *grif, const char *caption, size_t nprocs);

/*
 * Append to annex table t the rows of process p as the annex prints it,
 * the process being the printed-th printed one (0, 1, …: its № is printed
 * + 1): its touchpoints that are not excluded, one row each (a process
 * without any prints one row of empty cells), the № and the process on
 * the first.  Returns false, adding nothing, for an excluded process.
 */
bool	document_process_rows(struct doc_table *t, const struct process *p,
	    size_t printed);

/*
 * Build the annex of list l into d (document_init'ed here): the
 * processes that are not excluded, the № running on consecutively over
 * those printed; cells as the printed form has them: № ("1"), the
 * process, the touchpoint (name as written, then on its own line each
 * contact the name does not hold verbatim), the needs (one per line, a
 * list when several), the specifics (the channel type, then the
 * specifics text).  Free with document_fini.
 */
void	document_build(struct document *d, const struct list *l,
	    const char *grif, const char *caption);

/* The touchpoint, needs and specifics cells of tp as the annex prints
 * them into r's cells at, at + 1 and at + 2. */
void	document_fill_touchpoint(struct doc_row *r, size_t at,
	    const struct touchpoint *tp);

#endif
