/*
 * document.h - the list as a printed document, whatever the format.
 *
 * Owns: what every printed form of the list shows and in which order — the
 * grif («УТВЕРЖДЕН приказом … от ДД.ММ.ГГГГ № …»), the title, the table's
 * header and its rows, cell by cell — and the page settings (size,
 * orientation, margins, font).  The text, HTML, DOCX and PDF writers lay
 * out the same struct document, so they cannot disagree on content.
 */
#ifndef PERECHEN_DOCUMENT_H
#define PERECHEN_DOCUMENT_H

#include <stdbool.h>
#include <stddef.h>

#include "catalog.h"
#include "error.h"
#include "model.h"
#include "strvec.h"

#define DOC_COLUMNS 5
#define DOC_NUM		0	/* the columns, left to right */
#define DOC_PROCESS	1
#define DOC_TOUCHPOINT	2
#define DOC_NEEDS	3
#define DOC_SPECIFICS	4

/* The mark in front of each of several needs: printed as a list, one need
 * a line, as the seed prints them.  A writer whose encoding lacks the en
 * dash may print "- " instead. */
#define DOC_ITEM_MARK	"– "

/* Column headers of the printed form (Приложение 1), left to right. */
extern const char *const document_column_titles[DOC_COLUMNS];

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

/* One touchpoint row of the table: the five cells, each a list of lines
 * (a line is one paragraph; writers wrap it to their column width). */
struct doc_row {
	size_t	 process;	/* place among the printed processes: № - 1 */
	bool	 first;		/* first row of its process: № and process cells start here */
	size_t	 span;		/* rows the № and process cells span (on the first row) */
	struct strvec cells[DOC_COLUMNS];
};

/* The rows of one printed process, its first row first. */
typedef void (*doc_group_fn)(void *ctx, const struct doc_row *rows,
    size_t n);

/*
 * Where the rows come from when a list is too large to hold: each(src,
 * fn, ctx) calls fn with the rows of every printed process in order,
 * building them one process at a time (document_process_rows), and may
 * be called again (writers measure the columns before they write).  A
 * source that fails stops calling fn and keeps the failure for its
 * owner, who then drops what the writer made.
 */
struct doc_source {
	void	(*each)(void *src, doc_group_fn fn, void *ctx);
	void	*src;
};

/*
 * A block of running text before the annex: what an order is made of.
 * The writers lay each out across the body of the page; a '\n' inside
 * text breaks the line without starting a new block.
 */
enum doc_block_kind {
	DOC_HEADING,	/* centred, bold: the body, «П Р И К А З», the title */
	DOC_PARAGRAPH,	/* justified, the first line indented */
	DOC_SPLIT,	/* text at the left margin, right at the right one:
			   the blank date and number, the signature */
};

struct doc_block {
	enum doc_block_kind kind;
	char	*text;
	char	*right;		/* DOC_SPLIT only; else "" */
};

struct document {
	struct doc_block *blocks;	/* printed first, in order */
	size_t	 nblocks;
	bool	 no_annex;	/* only the blocks: no grif, title, table */
	char	*grif;		/* lines joined by '\n'; "" when none */
	char	*title;		/* "ПЕРЕЧЕНЬ\n<title>" */
	char	*caption;	/* under the title: "Рабочая версия …"; "" none */
	struct doc_row *rows;	/* all of them, when source.each is NULL */
	size_t	 nrows;
	struct doc_page page;
	struct doc_source source;	/* else the rows come from here */
	size_t	 nprocs;	/* processes printed: known up front with a
				   source (the № column is as wide as the
				   largest) */
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
 * Build the document of list l: rows of the processes and their touchpoints
 * that are not excluded (a process without any prints one row of empty
 * cells; an excluded process prints nothing, and the № runs on
 * consecutively over the processes printed), cells as the printed form
 * has them: № ("1"), the process, the
 * touchpoint (name as written, then on its own line each contact the
 * name does not hold verbatim), the needs (one
 * per line), the specifics (the channel type, then the specifics text).
 * grif and caption are copied.  d is filled; free with document_fini.
 */
void	document_build(struct document *d, const struct list *l,
	    const char *grif, const char *caption);
void	document_fini(struct document *d);

/*
 * A document without rows yet: the grif, the title of a list whose
 * header title is list_title, the caption; rows are added by
 * document_process_rows, or come from d->source.  Free with
 * document_fini.
 */
void	document_begin(struct document *d, const char *list_title,
	    const char *grif, const char *caption);
/*
 * Append to d the rows of process p as document_build prints it, the
 * process being the printed-th printed one (0, 1, …: its № is printed +
 * 1).  Returns false, adding nothing, for an excluded process.
 */
bool	document_process_rows(struct document *d, const struct process *p,
	    size_t printed);
/*
 * Append a block of kind k to d (text and right copied; right NULL for
 * "").  The annex, unless d->no_annex, starts on a page of its own after
 * the blocks.
 */
void	document_add_block(struct document *d, enum doc_block_kind k,
	    const char *text, const char *right);

/* The touchpoint, needs and specifics cells of tp as the annex prints
 * them into r's cells (initialised by the caller). */
void	document_fill_touchpoint(struct doc_row *r,
	    const struct touchpoint *tp);

/* Drop d's rows, keeping the rest. */
void	document_rows_clear(struct document *d);

/* How many processes d prints (the largest №). */
size_t	document_nprocs(const struct document *d);

/* fn with the rows of each printed process of d, in order: from d->rows,
 * or from d->source. */
void	document_each_group(const struct document *d, doc_group_fn fn,
	    void *ctx);

/*
 * Whether the paragraphs of cell c of row r are items of a list, each
 * printed on a line of its own after DOC_ITEM_MARK: the needs, when a
 * touchpoint meets several.
 */
bool	document_cell_is_list(const struct doc_row *r, int c);

#endif
