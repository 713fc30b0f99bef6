/*
 * store_approval.h - what holds the approval of the list back (п. 2.2):
 * errors of the rules of the Порядок, and touchpoints changed since the
 * last revision that no review accepted.
 *
 * Owns: gathering both and wording them, and the note the change log
 * keeps when the authorised person approves despite them.  Before both,
 * the header (R0, п. 5.1, Приложение 1): an incomplete one is no matter
 * for confirmation, the gate refuses outright.  "perechen
 * approve" and the editor's approval dialog both ask here, so they refuse
 * the same things and record a confirmation in the same words; each says
 * in its own way how to confirm.
 */
#ifndef PERECHEN_STORE_APPROVAL_H
#define PERECHEN_STORE_APPROVAL_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "store.h"
#include "store_edit.h"
#include "strvec.h"

/* The errors named one by one; the rest are counted. */
#define STORE_APPROVAL_NAMED_MAX 10

struct store_approval_gate {
	size_t	 errors;	/* errors of the rules, acknowledgements applied */
	/* The first STORE_APPROVAL_NAMED_MAX errors: "процесс 1: …",
	 * "точка 1.2: …". */
	struct strvec named_errors;
	/* Every touchpoint changed and not accepted: "точка 2.3 «Почта
	 * России» изменена и не принята при проверке" (or returned for
	 * rework, with the comment). */
	struct strvec unaccepted;
};

void	store_approval_gate_init(struct store_approval_gate *g);
void	store_approval_gate_fini(struct store_approval_gate *g);

/*
 * Fill g (initialised; its contents are replaced) from s: reads the list
 * a process at a time to check it, and walks the latest revision against
 * it a process pair at a time for the changes not accepted.  Returns 0, or -1 with err — also when the header
 * lacks the body, its genitive or the title (approval_check_header()), or
 * the list has an R1 error (content the annex would print empty: a process
 * with no touchpoint, a need with no wording), whatever the caller would
 * confirm.
 */
int	store_approval_gate(struct store *s, struct store_approval_gate *g,
	    struct error *err);

/* The stored header as R0 wants it (approval_check_header()): 0, or -1
 * with err naming what it lacks.  Approving checks it again inside its
 * own transaction. */
int	store_approval_header(struct store *s, struct error *err);

/*
 * Complete the header of revision rev, frozen without it (approved before
 * R0 was checked): each of its empty fields — the body, the genitive, the
 * title — is filled from the list's header as it is now, a filled one is
 * never overwritten, and each is logged ("заголовок редакции N").  The
 * genitive is taken only while the revision's body is the list's.  One
 * transaction; only who may approve may do it (п. 2.2).  *filled gets the
 * fields written (enum header_part).  -1 with err, nothing written, when
 * there is no such revision, its header is complete, or the list's header
 * has none of what it lacks.
 */
int	store_revision_complete_header(struct store *s, int64_t rev,
	    const struct actor *who, unsigned *filled, struct error *err);

/*
 * What the authorised person confirms by approving despite g, for the
 * change log ("уполномоченное лицо подтвердило утверждение: …"); NULL
 * when nothing holds approval back.  Caller frees.
 */
char	*store_approval_note(const struct store_approval_gate *g);

#endif
