/*
 * printout.h - what the export and print commands share: which version of
 * the list is printed, the print settings kept in the database, the
 * document built from them, and writing it in one of the formats.
 *
 * Owns: the settings' keys and defaults (page.size, page.orientation,
 * page.margins, page.font, page.font-size, grif.wording), the choice of
 * revision (the working copy, an approved revision, the latest one), the
 * caption each gets.  Not for use outside src/app/ (files are written by
 * fileio.h).
 */
#ifndef PERECHEN_PRINTOUT_H
#define PERECHEN_PRINTOUT_H

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"
#include "document.h"
#include "error.h"
#include "export.h"
#include "store.h"

enum printout_format {
	PRINTOUT_TXT,
	PRINTOUT_CSV,
	PRINTOUT_HTML,
	PRINTOUT_DOCX,
	PRINTOUT_PDF
};

/* Which version of the list: the working copy, revision N, the latest. */
#define PRINTOUT_WORKING	0
#define PRINTOUT_LATEST		(-1)

/* One setting: its key, what the page setter calls it (NULL: not a page
 * setting), its default as shown, and what it is, in Russian. */
struct printout_setting {
	const char *key;
	const char *page_key;
	const char *shown_default;
	const char *what;
};

extern const struct printout_setting printout_settings[];
extern const size_t printout_nsettings;

/* The setting called key, or NULL. */
const struct printout_setting *printout_setting_find(const char *key);

/*
 * Check value for setting key: applied with the other settings stored in
 * st, it must leave a page with room for the table.  Returns 0, or -1
 * with a Russian err.
 */
int	printout_setting_check(struct store *st, const char *key,
	    const char *value, struct error *err);

/* order.title's value: 0 the order («приказ»), 1 the list
 * («перечень»), -1 neither. */
int	printout_order_title(const char *value);
/* order.exclude's: 0 «признать утратившей силу», 1 «исключить», -1. */
int	printout_order_exclude(const char *value);

/* "txt", "csv", "html", "docx", "pdf" to a format; -1 if none. */
int	printout_format_parse(const char *name, enum printout_format *f);
/* The format a file name's extension asks for (.txt .csv .htm .html
 * .docx .pdf, any case); false if none. */
bool	printout_format_of_path(const char *path, enum printout_format *f);
/* The file name extension of a format, without the dot. */
const char *printout_format_ext(enum printout_format f);
/* True for the formats that are not text (pdf, docx). */
bool	printout_format_binary(enum printout_format f);

/*
 * "latest" (or "последняя") or a revision number to *rev; -1 with a
 * Russian err otherwise.
 */
int	printout_revision_parse(const char *s, int64_t *rev, struct error *err);

/* What is to be printed and how. */
struct printout {
	enum printout_format format;
	int64_t	 revision;	/* PRINTOUT_WORKING, PRINTOUT_LATEST or N */
	const char *caption;	/* NULL: the default for the version */
	struct export_opts opts;	/* txt and csv */
	bool	 order;		/* the draft of the order amending revision
				   (order.h), not the list */
};

/*
 * Render the list in st as p asks into out (which may hand it on to
 * its sink as it is made).  *replaced counts characters the text
 * encoding lacked.  *revision (may be NULL) gets the number of the
 * revision printed, or PRINTOUT_WORKING.  Returns 0, or -1 with a
 * Russian err.
 */
int	printout_render(struct store *st, const struct printout *p,
	    struct buf *out, size_t *replaced, int64_t *revision,
	    struct error *err);

/*
 * Write document d (any producer's: the annex, the order) in p's format
 * and options into out.  Returns 0, or -1 with a Russian err (CSV is no
 * printed document).
 */
int	printout_write_document(const struct printout *p,
	    const struct document *d, struct buf *out, size_t *replaced,
	    struct error *err);

/*
 * The page settings and the grif wording kept in st; *wording is the
 * caller's to free.
 */
int	printout_page(struct store *st, struct doc_page *page, char **wording,
	    struct error *err);

/*
 * The orders behind revision rev (PRINTOUT_LATEST: the latest), the body
 * named by genitive: the latest revision up to rev whose order approved
 * the list anew (the first, if none later did; its date, ISO, and
 * number), «(в редакции приказа … от … № …)» for the amending revisions
 * after it up to rev, the same with a blank for an order being drafted
 * (a new edition's grif), and whether that approving order is not the
 * first (then the order that approved the Порядок is no longer known).
 * Free with printout_orders_fini.
 */
struct printout_orders {
	char	*date, *no;
	char	*amended;	/* "" none */
	char	*pending;
	bool	 reapproved;
};
int	printout_orders(struct store *st, int64_t rev, const char *genitive,
	    struct printout_orders *o, struct error *err);
void	printout_orders_fini(struct printout_orders *o);

/*
 * The same (p->order: the draft of the order, order_render), written to
 * fd as it is made (a buffer's worth at a time), so that a list of any
 * size takes bounded memory.  Returns 0; or -1 with
 * errno set when a write to fd failed, or with errno 0 and a Russian err
 * when the document could not be made (part of it may have been
 * written: the caller throws the file away).
 */
int	printout_write(struct store *st, const struct printout *p, int fd,
	    size_t *replaced, int64_t *revision, struct error *err);

/*
 * The rows of version rev of st (0: the working copy) for another
 * producer's annex (the order's new edition), read a process at a time
 * as the document is written: printout_source_open counts the processes
 * printed (*nprinted, for the № column); printout_source_feed makes it
 * table t's source.  *src is the caller's until printout_source_end,
 * after the writing, which returns -1 with err if the store failed
 * meanwhile (what was written is then no document).
 */
struct printout_source;
int	printout_source_open(struct store *st, int64_t rev,
	    struct printout_source **src, size_t *nprinted,
	    struct error *err);
void	printout_source_feed(struct printout_source *src,
	    struct doc_table *t);
int	printout_source_end(struct printout_source *src, struct error *err);

#endif
