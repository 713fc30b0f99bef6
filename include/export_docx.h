/*
 * export_docx.h - the printed document as a Word file (DOCX).
 *
 * Owns: the Office Open XML package of the list, for clerks who paste the
 * list into the approving order: real Word tables of any columns
 * (spanning cells, the annex's № and process, merged down their group's
 * rows with w:vMerge, the header row repeated on every page with
 * w:tblHeader when the table asks), the grif as a block at the right of the
 * first page, the title centred in bold, the caption under it, named
 * paragraph styles in the document's font and size, the page size and
 * margins of d->page, page numbers centred at the top from the second
 * page on (w:titlePg: the first page's header is empty).  Every text from
 * data is sanitised and XML-escaped.  The zip is made with libzip, the
 * only user of it.
 */
#ifndef PERECHEN_EXPORT_DOCX_H
#define PERECHEN_EXPORT_DOCX_H

#include "buf.h"
#include "document.h"
#include "error.h"

/* Append word/document.xml of d to out: what the golden test compares. */
void	export_docx_document_xml(const struct document *d, struct buf *out);

/*
 * Append the whole DOCX package of d to out: [Content_Types].xml,
 * _rels/.rels, word/document.xml, word/styles.xml, word/settings.xml,
 * word/header1.xml (the page number), word/header2.xml (the empty first
 * page header), word/_rels/document.xml.rels, docProps/core.xml and
 * docProps/app.xml.  Returns 0, or -1 with err if libzip fails.
 */
int	export_docx(const struct document *d, struct buf *out,
	    struct error *err);

#endif
