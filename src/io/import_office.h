/*
 * import_office.h - what the DOCX, ODT and XLSX readers share
 * (import_office.c): the package opened and its parts read within limits,
 * a streaming XML reader with the network, DTDs and entity expansion off
 * and its nesting bounded, and the document as rows — its paragraphs as
 * rows of one cell, its tables' rows as rows of cells — for
 * import_find_list and import_rows.  Not for use outside src/io/import*.c.
 */
#ifndef PERECHEN_IMPORT_OFFICE_H
#define PERECHEN_IMPORT_OFFICE_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/xmlreader.h>
#include <zip.h>

#include "buf.h"
#include "import_int.h"

/* One XML part: a list's document is a few megabytes. */
#define OFFICE_PART_MAX		((size_t)64 << 20)
/* Elements nested deeper than this are no document of ours. */
#define OFFICE_DEPTH_MAX	256
/* Rows and cells a document may give. */
#define OFFICE_ROWS_MAX		((size_t)2000000)
#define OFFICE_CELLS_MAX	((size_t)1024)

/* The document as rows, in order. */
struct office_doc {
	struct import_row *rows;
	size_t	 n;
	size_t	 tables;	/* tables met */
	size_t	 inserted;	/* tracked insertions kept */
	size_t	 deleted;	/* tracked deletions dropped */
	size_t	 header_repeats;	/* repeated header rows skipped */
	/* The row being built. */
	struct strvec cells;
	struct buf cell;	/* the cell (or paragraph) being built */
	bool	 in_row;
};

void	office_doc_init(struct office_doc *d);
void	office_doc_fini(struct office_doc *d);
/* Text into the cell being built: NBSP as a space, soft hyphens dropped. */
void	office_text(struct office_doc *d, const char *s);
/* A new paragraph inside a cell: a new line, unless the cell is empty. */
void	office_cell_line(struct office_doc *d);
/* The cell built goes into the row (kept empty when blank is set). */
int	office_cell_end(struct office_doc *d, bool blank, struct error *err);
/* The row built, of table (0: a paragraph) and its line; dropped when
 * skip is set. */
int	office_row_end(struct office_doc *d, size_t table, size_t line,
	    bool skip, struct error *err);
/* A paragraph outside tables: a row of one cell. */
int	office_paragraph(struct office_doc *d, size_t line, struct error *err);

/* The package: a part's bytes, within OFFICE_PART_MAX, checked as read
 * (a zip bomb lies about sizes).  missing_ok: 1 with an empty part when
 * it is absent, else refused. */
int	office_part(zip_t *z, const char *name, bool missing_ok, struct buf *out,
	    struct error *err);

/* A streaming XML reader over one part. */
struct office_xml {
	xmlTextReaderPtr r;
	const char *part;	/* its name, for messages */
	char	 error[160];	/* the parser's complaint, if any */
};

int	office_xml_open(struct office_xml *x, const struct buf *data,
	    const char *part, struct error *err);
void	office_xml_close(struct office_xml *x);
/* The next node: 1, 0 at the end, -1 with err (malformed, too deep). */
int	office_xml_next(struct office_xml *x, struct error *err);
/* Past the current element's children: its end is the next node. */
int	office_xml_skip(struct office_xml *x, struct error *err);
/* Is the current node the start (or the end) of element ns:name? */
bool	office_xml_start(const struct office_xml *x, const char *ns,
	    const char *name);
bool	office_xml_end(const struct office_xml *x, const char *ns,
	    const char *name);
/* Is the current node text (or significant white space)? */
bool	office_xml_is_text(const struct office_xml *x);
const char *office_xml_value(const struct office_xml *x);
/* An attribute of the current element (NULL if absent); caller frees. */
char	*office_xml_attr(const struct office_xml *x, const char *ns,
	    const char *name);

/* Relationships of a part (its _rels/X.rels): Id → Target. */
int	office_rels(zip_t *z, const char *name, struct strvec *ids,
	    struct strvec *targets, struct error *err);

/* The readers: the document's rows into d. */
int	import_docx_rows(zip_t *z, struct office_doc *d, struct error *err);
int	import_odt_rows(zip_t *z, struct office_doc *d, struct error *err);
int	import_xlsx_rows(zip_t *z, struct office_doc *d, struct error *err);

#endif
