/*
 * export_html.h - the printed document as one web page.
 *
 * Owns: the HTML form of the list for the ministry's website (п. 5.2): one
 * self-contained UTF-8 page (lang="ru", styles inline, nothing fetched)
 * of the document's blocks: the grif, the title (h1), the caption, an
 * order's paragraphs, and semantic tables of any columns: column headers
 * th scope="col" in a thead, one tbody per group whose spanning cells
 * span its rows (the one naming the group, the annex's process, is its
 * rows' th scope="rowgroup").  Print CSS takes the page size, margins and
 * font from d->page and repeats a table's header on every printed page
 * when it asks.  Every text from data is sanitised and escaped
 * (& < > " ').
 */
#ifndef PERECHEN_EXPORT_HTML_H
#define PERECHEN_EXPORT_HTML_H

#include "buf.h"
#include "document.h"

/* Append the page for d to out.  It cannot fail. */
void	export_html(const struct document *d, struct buf *out);

#endif
