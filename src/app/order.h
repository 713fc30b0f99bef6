/*
 * order.h - the draft of the amending order: the two versions compared,
 * the wording settings, the sub-items (amend.h) and the document.
 *
 * Owns: reading the order.* settings (printout.h lists them), loading an
 * approved revision and the working copy (or a later revision) for
 * change_diff_lists, and making the order's document for printout.h's
 * writers.  `perechen order`, `perechen diff` and the editor's reminder
 * screen word changes through it.  Not for use outside src/app/.
 */
#ifndef PERECHEN_ORDER_H
#define PERECHEN_ORDER_H

#include <stdint.h>

#include "amend.h"
#include "buf.h"
#include "change.h"
#include "document.h"
#include "error.h"
#include "model.h"
#include "store.h"

struct order_draft {
	int64_t	 rev;		/* the revision amended */
	int64_t	 to;		/* 0: the working copy, else a revision */
	struct list old, new;
	struct changes ch;	/* change_diff_lists(old, new) */
	struct amend a;
	struct amend_style style;
	char	*strings[4];	/* what style's texts point into */
	struct catalog cat;
};

/*
 * Load revision rev (0: the latest) and the working copy (to 0) or
 * revision to, the settings, and word the difference into o->a.
 * Returns 0, or -1 with a Russian err (nothing approved, no such
 * revision).  Free with order_draft_fini either way.
 */
int	order_draft_load(struct store *st, int64_t rev, int64_t to,
	    struct order_draft *o, struct error *err);
void	order_draft_fini(struct order_draft *o);

/*
 * The order's document into d (free with document_fini): the page and
 * grif settings of st, the heading, the items; a new edition carries the
 * annex of o->new.
 */
int	order_draft_document(struct store *st, const struct order_draft *o,
	    struct document *d, struct error *err);

/*
 * The draft of the order amending revision p->revision (PRINTOUT_LATEST:
 * the latest) into the working copy, in p's format, appended to out.
 * Returns 0, or -1 with a Russian err.
 */
struct printout;
int	order_render(struct store *st, const struct printout *p,
	    struct buf *out, struct error *err);

#endif
