/* import_int.h - what the importer's files share.  Not for use outside
 * src/io/import*.c. */
#ifndef PERECHEN_IMPORT_INT_H
#define PERECHEN_IMPORT_INT_H

#include <strings.h>

#include "import.h"
#include "buf.h"
#include "strvec.h"

/* Room for a row's place as the report names it: "таблица 12, строка 345". */
#define IMPORT_WHERE_SZ 96

/* One row of a table as a source gives it. */
struct import_row {
	struct strvec cells;	/* UTF-8, as written (not yet cleaned) */
	size_t	 table;		/* 0: the file is one flat table; else N */
	size_t	 line;		/* the row's first line (or row) in it */
};

void	import_row_init(struct import_row *r);
void	import_row_fini(struct import_row *r);
/* "строка M" or "таблица N, строка M" into buf. */
void	import_row_where(const struct import_row *r, char *buf, size_t size);

/* Is rec a table's header row (naming at least the process and the
 * touchpoint columns)?  *tp_col (may be NULL) gets the touchpoint
 * column's index, -1 if none. */
int	import_header_row(const struct import_row *rec, int *tp_col);
/* The cells of rec holding more than white space. */
size_t	import_nonblank_cells(const struct import_row *rec);

/*
 * Where the rows come from: CSV/TSV, the order's text, a document's
 * table.  next() replaces row's cells with the next row's: 1, 0 at the
 * end, -1 with err.  A sixth format is one more next().
 */
struct import_source {
	int	(*next)(void *state, struct import_row *row, struct error *err);
	void	*state;
};

/* A grif «УТВЕРЖДЕН приказом … от ДД.ММ.ГГГГ № …» of an order's text. */
struct order_grif {
	char	*genitive;	/* "Министерства промышленности …" */
	char	*number;	/* "27/ср-сг" */
	char	*date;		/* ISO, "" if not read */
	size_t	 line;		/* the line with «от …» */
	size_t	 rec;		/* its record, to tell whose grif it is */
};

/*
 * The approving order read from the lines of its text, above and between
 * its tables (import_order.c): the heading above «ПРИКАЗ» (the body in
 * capitals), the order's date and number under it, the grifs.
 */
struct order_scan {
	int	 is_order;	/* a «ПРИКАЗ» line was met */
	struct buf heading;	/* the lines above it */
	size_t	 heading_lines;
	char	*number;	/* NULL until read */
	char	 date[16];	/* ISO, "" until read */
	size_t	 line;		/* the line of the number */
	struct order_grif *grifs;
	size_t	 ngrifs;
	int	 in_grif;	/* lines of a grif being read */
	struct buf grif_body;
};

void	order_scan_init(struct order_scan *os);
void	order_scan_fini(struct order_scan *os);
/* One line of text (a record with one cell), record k of the file. */
void	order_scan_line(struct order_scan *os, const char *text, size_t line,
	    size_t k);
/*
 * What the order says into hdr: the body (nominative from the heading,
 * written as the grif writes it), its genitive from the grif of the table
 * that starts at record table_pre (else the last one), the order's number
 * and date.  rep notes grifs whose number or date differ from the
 * heading's and rep->order_text is set.  Nothing for text not an order.
 */
void	order_scan_apply(struct order_scan *os, size_t table_pre,
	    struct list_header *hdr, struct import_report *rep);

/*
 * Which rows of src (read from its start) are the list: range gets
 * [first, end) in rows src gives (SIZE_MAX: to the end).  A file with
 * one table, or none with real rows, is read whole; of several, the one
 * whose rows name touchpoints or o->table; several such are refused,
 * listed.  What an order's text says goes into out's header.
 */
int	import_find_list(struct import_source *src, const struct import_opts *o,
	    struct list *out, struct import_report *rep, size_t range[2],
	    struct error *err);

/*
 * A DOCX, ODT or XLSX file (a ZIP package; import_office.c) read as
 * import_table reads text: its paragraphs and tables' rows found the
 * list's table, the rows read.  Which it is goes by its content.
 */
int	import_office(const char *data, size_t len, const struct import_opts *o,
	    struct list *out, struct import_report *rep, struct error *err);

/*
 * Interpret the rows of src as a list into out (initialised, empty): the
 * header mapping, the repairs, the report.  On failure -1 with err, out
 * partial (the caller discards it).
 */
int	import_rows(struct import_source *src, const struct import_opts *o,
	    struct list *out, struct import_report *rep, struct error *err);

/* Cell text with spaces squeezed.  A cell holding Word's paragraph tags
 * (<p>, </p>, <br>) is markup: those tags become newlines and its HTML
 * entities are decoded, and *had_html is 1.  Any other cell keeps every
 * tag and entity as written.  Caller frees. */
char	*import_clean_cell(const char *s, int *had_html);
/* Add a contact to tp unless it is there already. */
void	import_add_contact(struct touchpoint *tp, enum contact_type type,
	    const char *value);

#endif
