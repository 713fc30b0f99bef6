/*
 * order.h - the draft of the amending order: the two versions compared,
 * the wording settings, the sub-items (amend.h) and the document.
 *
 * Owns: reading the order.* settings (printout.h lists them), walking an
 * approved revision and the working copy (or a later revision) a process
 * at a time (store_walk_amend: neither is loaded whole), and making the
 * order's document for printout.h's writers, a new edition's annex read
 * from the store as it is written.  `perechen order`, `perechen diff`
 * and the editor's reminder screen word changes through it.  Not for use
 * outside src/app/.
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
	struct list_header old_hdr, new_hdr;
	size_t	 nchanges;	/* as many as change_diff_lists gives */
	struct amend a;
	struct amend_style style;
	char	*strings[4];	/* what style's texts point into */
	struct catalog cat;
};

/*
 * Walk revision rev (0: the latest) and the working copy (to 0) or
 * revision to, read the settings, and word the difference into o->a.
 * Returns 0, or -1 with a Russian err (nothing approved, no such
 * revision).  Free with order_draft_fini either way.
 */
int	order_draft_load(struct store *st, int64_t rev, int64_t to,
	    struct order_draft *o, struct error *err);
void	order_draft_fini(struct order_draft *o);

/*
 * The order's document into d (free with document_fini): the page and
 * grif settings of st, the heading, the items; a new edition's annex is
 * o->to's rows, read from st as d is written (*src, the caller's to end
 * with printout_source_end after writing; NULL when there is no annex).
 */
struct printout_source;
int	order_draft_document(struct store *st, const struct order_draft *o,
	    struct document *d, struct printout_source **src,
	    struct error *err);

/*
 * The draft of the order amending revision p->revision (PRINTOUT_LATEST:
 * the latest) into the working copy, in p's format, appended to out.
 * Returns 0, or -1 with a Russian err.
 */
struct printout;
int	order_render(struct store *st, const struct printout *p,
	    struct buf *out, struct error *err);

#endif
