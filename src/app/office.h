/*
 * office.h - the office formats (DOCX, PDF; the office importers join
 * them) and the executable that has them.
 *
 * perechen links only ncursesw, SQLite and libc, so that the editor's
 * first frame does not wait for the dynamic linker to load pango, cairo,
 * harfbuzz, libzip and the rest.  perechen-office is the same program
 * linked with everything as well: perechen hands a command that needs an
 * office format over to it (execv, same argv and environment), and the
 * editor's print dialog runs it as a child.  Which of the two a binary is
 * comes from one object linked into it: office_linked.c in
 * perechen-office, office_absent.c in perechen.
 *
 * Owns: finding perechen-office ($PERECHEN_LIBEXEC, next to the binary,
 * ../libexec/perechen, the directory compiled in), the hand-over, the
 * child run for the editor, and what looks like an office package.  Not
 * for use outside src/app/.
 */
#ifndef PERECHEN_OFFICE_H
#define PERECHEN_OFFICE_H

#include <stdbool.h>

#include "app.h"
#include "buf.h"
#include "document.h"
#include "error.h"
#include "printout.h"

/* True in perechen-office, which has the office writers linked in. */
bool	office_linked(void);
/* True if PDF can be written (perechen-office built with pango). */
bool	office_pdf_available(void);
/* The writers of perechen-office; in perechen they refuse with err.
 * office_pdf writes the file at path. */
int	office_docx(const struct document *d, struct buf *out,
	    struct error *err);
int	office_pdf(const struct document *d, const char *path,
	    struct error *err);
/* The PDF of d appended to out through its sink. */
int	office_pdf_buf(const struct document *d, struct buf *out,
	    struct error *err);

/* Make the file at path; 0, or -1 with err. */
typedef int office_file_fn(const char *path, void *ctx, struct error *err);

/*
 * Have make write a file (document.EXT) in a private temporary directory
 * and read it back into out; the file and the directory are removed.
 */
int	office_via_file(const char *ext, office_file_fn *make, void *ctx,
	    struct buf *out, struct error *err);

/* The path of perechen-office (caller frees), or NULL with err. */
char	*office_helper_path(struct error *err);

/*
 * Run app's command line in perechen-office instead of this process.
 * Returns only if that could not be done: EXIT_FAIL, said on stderr.
 */
int	office_hand_over(const struct app *app);

/*
 * For the editor: the document p asks for (an office format) of app's
 * list (named to the child as app has it: -l NAME or -d FILE), rendered
 * by a child perechen-office into a private temporary file and read back
 * into out.  Its terminal is not touched: the child's output goes to
 * /dev/null and its error, in Russian, comes back in err.
 */
int	office_render(const struct app *app, const struct printout *p,
	    struct buf *out, struct error *err);

/*
 * True if path ("-": standard input) is a regular file that starts as a
 * zip package does (DOCX, XLSX, ODT).  Pipes are not looked into: what
 * was read from them could not be given to perechen-office.
 */
bool	office_is_package(const char *path);

#endif
