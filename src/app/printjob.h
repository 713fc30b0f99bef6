/*
 * printjob.h - a printed document to CUPS's lp, or into a file when it
 * cannot be printed: what "perechen print" and the editor's print dialog
 * share.
 *
 * Owns: running lp and lpstat with an argument vector (never a shell), in
 * the C locale where their words are read; the directory a document is
 * saved in (the current one, else $XDG_DOCUMENTS_DIR, else home) and its
 * file name.  Not for use outside src/app/.
 */
#ifndef PERECHEN_PRINTJOB_H
#define PERECHEN_PRINTJOB_H

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"
#include "error.h"
#include "fileio.h"
#include "strvec.h"

/* What lp is given. */
struct printjob {
	const char *printer;	/* NULL: the default printer */
	int	 copies;
	const char *title;	/* the job's title (lp -t) */
	const char *ext;	/* the format's file name extension */
};

enum printjob_result {
	PRINTJOB_PRINTED,	/* lp took the job */
	PRINTJOB_SAVED,		/* not printed (see why), saved (see where) */
	PRINTJOB_FAILED		/* neither: err says why */
};

/*
 * The job's title and saved file's name for a version of the list
 * (PRINTOUT_WORKING or a revision): "Перечень — рабочая версия",
 * "perechen-working".  Both the caller's to free.
 */
void	printjob_names(int64_t revision, char **title, char **base);

/*
 * A document that writes itself, so that it is never held whole: write
 * (see fileio.h) writes all of it into fd; then names gives the job's
 * title and the saved file's name without extension, which may depend on
 * what was written (the revision printed).  printjob frees both.
 */
struct printjob_doc {
	fileio_writer write;
	void	(*names)(void *ctx, char **title, char **base);
	void	*ctx;
};

/*
 * Print doc as job says (job->title unused: doc names the job).  With lp
 * and its scheduler there, doc is written into a private temporary file
 * that lp is given once all of it is written; when lp refuses it, that
 * file is copied into the save directory.  Without them, doc is written
 * straight into the save directory.  A document that could not be
 * written whole leaves no file and reaches no printer (PRINTJOB_FAILED).
 * *said gets lp's answer, *why the reason it was not printed, *where the
 * saved file; each NULL when not set, else the caller's to free.
 */
enum printjob_result printjob_print(const struct printjob *job,
	    const struct printjob_doc *doc, char **said, char **why,
	    char **where, struct error *err);

/* printjob_print with doc held whole, named job->title and base. */
enum printjob_result printjob_run(const struct printjob *job,
	    const struct buf *doc, const char *base, char **said, char **why,
	    char **where, struct error *err);

/*
 * Save doc as base.ext (base-2.ext, … if taken) in the save directory,
 * written there under a hidden temporary name first and named only once
 * whole; *where gets its path (caller frees).  Returns 0, or -1 with err.
 */
int	printjob_save_doc(const struct printjob_doc *doc, const char *ext,
	    char **where, struct error *err);

/* printjob_save_doc with doc held whole. */
int	printjob_save(const struct buf *doc, const char *base, const char *ext,
	    char **where, struct error *err);

/*
 * The print queues accepting jobs, as lpstat -a names them, appended to
 * out.  No lpstat, or no scheduler, is no error: none are added.
 */
int	printjob_printers(struct strvec *out, struct error *err);

/*
 * A printer's name as --printer gives it: refused (-1, err says why) when
 * it is empty, starts with '-', or holds a space or a control character;
 * with ask_cups, also when lpstat -a answers and does not name it.
 */
int	printjob_printer_check(const char *name, bool ask_cups,
	    struct error *err);

#endif
