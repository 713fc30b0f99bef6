/*
 * export_pdf.h - the printed document as a PDF file.
 *
 * Owns: laying out a struct document (document.h) on PDF pages through
 * pango and cairo, its blocks in order: the grif at the top right, the
 * centred bold title, the revision caption under it, an order's running
 * text, and tables of any columns with the header row repeated on every
 * page when they ask, spanning cells (the annex's № and process) merged
 * over their group's rows (and repeated at the top of a page the group
 * continues on), page numbers from the second page centred at the top
 * (ГОСТ Р 7.0.97).  A row never breaks mid-line: a row that does not fit
 * moves to the next page, and only a row taller than a whole page is split,
 * between its lines.  Fonts are embedded and the text is selectable; the
 * table is tagged (Table, TR, TH, TD) in the PDF structure tree.
 *
 * PDF is a build option: built with WITH_PDF=0 (no pango), the functions
 * exist but export_pdf() fails saying how to get PDF support.
 */
#ifndef PERECHEN_EXPORT_PDF_H
#define PERECHEN_EXPORT_PDF_H

#include <stdbool.h>

#include "buf.h"
#include "document.h"
#include "error.h"

/* True if this build can write PDF (built with pango/cairo). */
bool	export_pdf_available(void);

/*
 * Write document d as a PDF file at path (created or replaced).  The file
 * is written beside path under a temporary name and renamed over it, so a
 * failure leaves the old file, or none, never half of one.  It is drawn
 * in the calling process: pango's worker threads and fontconfig's caches
 * stay in it until it ends (meant for perechen-office, which ends after
 * one document; the editor never links this).  Returns 0, or
 * -1 with a Russian err (no PDF support in this build, cannot write the
 * file, the page too small for the table, the font missing or without
 * Cyrillic letters).
 */
int	export_pdf(const struct document *d, const char *path,
	    struct error *err);

/*
 * The same PDF appended to out as it is drawn (out may hand it on to its
 * sink): no file, no temporary folder.  Once out's sink fails nothing
 * more is drawn and 0 is returned: buf_flush(out) tells the failure to
 * the sink's owner.  On failure out may hold part of it: the caller
 * drops it.
 */
int	export_pdf_buf(const struct document *d, struct buf *out,
	    struct error *err);

#endif
