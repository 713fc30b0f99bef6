/*
 * export_html.h - the printed document as one web page.
 *
 * Owns: the HTML form of the list for the ministry's website (п. 5.2): one
 * self-contained UTF-8 page (lang="ru", styles inline, nothing fetched)
 * with the grif, the title, the caption and a semantic table: column
 * headers th scope="col" in a thead, one tbody per process whose № and
 * process cells span its rows (the process is its rows' th
 * scope="rowgroup").  Print CSS takes the page size, margins and font from
 * d->page and repeats the table's header on every printed page.  Every
 * text from data is sanitised and escaped (& < > " ').
 */
#ifndef PERECHEN_EXPORT_HTML_H
#define PERECHEN_EXPORT_HTML_H

#include "buf.h"
#include "document.h"

/* Append the page for d to out.  It cannot fail. */
void	export_html(const struct document *d, struct buf *out);

#endif
