/*
 * amend.h - the order that amends an approved list: its sub-items and
 * the document it is printed as.
 *
 * Owns: turning the net difference of two lists (change_diff_lists) into
 * the sub-items of item 1 of an amending order in the wording of Russian
 * legal drafting («дополнить строкой …», «в строке … в графе … слова …
 * заменить словами …», «строку … изложить в следующей редакции»,
 * «строку … признать утратившей силу»), one per changed row in the list's
 * order under the row's number in the revision amended, every quotation
 * the text the annex prints; the decision to restate the whole list
 * instead; and the order's blocks (heading, title, preamble, items,
 * signature) for document.h's writers.
 */
#ifndef PERECHEN_AMEND_H
#define PERECHEN_AMEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "change.h"
#include "document.h"
#include "model.h"
#include "strvec.h"

/* A quoted row's columns: its number, the touchpoint, the needs, the
 * specifics (the annex's but the process's, which a row's number
 * names). */
#define AMEND_ROW_COLUMNS	4

/*
 * The rows a sub-item quotes, cell by cell as the annex prints them: a
 * row added or restated (AMEND_ROW_COLUMNS: «2.5», its touchpoint, needs
 * and specifics), or a new process (DOC_COLUMNS: its № and name on its
 * first row, one row a touchpoint).  The order prints them as a table
 * after the sub-item's words.
 */
struct amend_quote {
	char	*head;		/* the words before the rows: «дополнить
				   строкой 2.5 следующего содержания:» */
	size_t	 ncols;
	struct doc_cell *cells;	/* nrows * ncols, row by row */
	size_t	 nrows;		/* 0: the sub-item quotes no row */
};

struct amend {
	struct strvec items;	/* sub-items without number or final mark,
				   the rows they quote as text: «2.5 | … |
				   … | …» (diff's wording, JSON) */
	struct amend_quote *quotes;	/* one per item */
	size_t	 rows_old;	/* rows of the revision amended */
	size_t	 rows_changed;	/* rows the sub-items touch */
	bool	 moved;		/* rows or processes change their order */
	bool	 restate;	/* more than half changed, or rows moved */
	struct {		/* amend_step's place in the walk */
		size_t	 procs_old;	/* processes the revision prints */
		size_t	 added;		/* processes added so far */
		size_t	 last_num;	/* new number of the last kept one */
		bool	 any_kept;
	} walk;
};

/* How the draft is worded: the settings «order.*» (printout.h). */
struct amend_style {
	bool	 title_list;	/* the title amends the Перечень, not the
				   order */
	bool	 exclude;	/* «исключить», not «признать утратившей
				   силу» */
	const char *control;	/* "" : «оставляю за собой»; else «возложить
				   на <control>» */
	const char *position;	/* the signatory's position; "" a blank */
	const char *signatory;	/* «И.О. Фамилия»; "" a blank */
	const char *procedure;	/* what approved the Порядок, as the
				   preamble names it; "" the list's order */
};

/*
 * The sub-items that amend old (the revision) into new (the working
 * copy), given ch = change_diff_lists(old, new): only the rows ch names
 * are looked at, and only what the printed annex shows of them is told.
 * a is filled; free with amend_fini.
 */
void	amend_build(const struct list *old, const struct list *new,
	    const struct changes *ch, const struct amend_style *st,
	    struct amend *a);

/*
 * The same a process at a time, for lists too large to hold (the store
 * walks them, store_walk.h).  amend_begin with the rows and processes the
 * revision prints; amend_step for each process the revision prints, in
 * its order, as number op_num, with its new self printed as np_num (np
 * NULL: the new version does not print it); then for each process only
 * the new version prints, in its order (op NULL); amend_end decides the
 * restatement.  ch holds at least the changes of the pair's touchpoints
 * (change_diff_step's); lk tells whether a version prints a touchpoint
 * the pair does not hold (moved between processes).  Once the list is
 * sure to be restated (rows moved, or more than half changed) the
 * sub-items already made are dropped and no more are kept: a restated
 * list keeps none, else memory follows the rows changed, not the list.
 */
struct amend_lookup {
	bool	(*printed)(void *ctx, bool new_side, int64_t id);
	void	*ctx;
};
void	amend_begin(struct amend *a, size_t rows_old, size_t procs_old);
void	amend_step(struct amend *a, const struct process *op, size_t op_num,
	    const struct process *np, size_t np_num, const struct changes *ch,
	    const struct amend_lookup *lk, const struct amend_style *st);
void	amend_end(struct amend *a);
void	amend_fini(struct amend *a);

/* The approving order and those that amended it, as the grif and the
 * order's text cite them. */
struct amend_orders {
	const char *genitive;	/* the body, «приказом <genitive>» */
	const char *date;	/* the approving order's, ISO */
	const char *no;
	const char *amended;	/* "" or «(в редакции приказа … от … № …)» */
	const char *pending;	/* the same with the order drafted as a
				   blank last: a new edition's grif */
	const char *procedure;	/* what approved the Порядок, as the
				   preamble names it: «приказом … от … № …» */
};

/*
 * «(в редакции приказа <gen> от ДД.ММ.ГГГГ № N)» for the n orders that
 * amended the list (dates ISO), «приказов … от …, от …» for several;
 * "" for none.  A NULL date and number is the order being drafted:
 * «от «___» ____________ 20__ г. № ________».  Caller frees.
 */
char	*amend_as_amended(const char *genitive, const char *const *dates,
	    const char *const *nos, size_t n);

/*
 * The draft of the order into d (document_init'ed by the caller, its
 * page set): the heading with blanks for the date and number, the title,
 * the preamble citing п. 5.3 of the Порядок, item 1 with a's sub-items
 * (the rows one quotes as a table of the annex's columns after its
 * words) or the new edition when a->restate, the final items and the
 * signature.  org is the body in the nominative, list_title the list's
 * title.  For a new edition the annex follows on a page of its own, with
 * the grif of the annex to an order; its table, without rows, is
 * returned (nprocs: the processes it will print, for the № column), for
 * the caller to fill; else NULL.
 */
struct doc_table *amend_document(struct document *d, const struct amend *a,
	    const struct amend_style *st, const char *org,
	    const char *list_title, const struct amend_orders *o,
	    size_t nprocs);

#endif
