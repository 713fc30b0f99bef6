/*
 * approval.h - what must hold before the list is approved (п. 5.1).
 *
 * Owns: checking the approving order as a clerk types it (its number and
 * its date, which may not be later than today) and that the list has
 * something to approve, and the precondition both "perechen approve" and
 * the editor's approval dialog decide by (store_revision_approve_checked() runs
 * it in the approval's transaction).
 */
#ifndef PERECHEN_APPROVAL_H
#define PERECHEN_APPROVAL_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"
#include "error.h"
#include "model.h"

struct approval_order {
	char	*number;	/* spaces squeezed, one line; owned */
	struct date date;
	char	 iso[DATE_BUFSZ];	/* the date as the store keeps it */
};

/*
 * Check the order's number and date (ДД.ММ.ГГГГ or ISO) against today and
 * fill out.  Returns 0, or -1 with a Russian err naming the field (out
 * then owns nothing).
 */
int	approval_order_check(const char *number, const char *date,
	    struct date today, struct approval_order *out, struct error *err);
void	approval_order_fini(struct approval_order *o);

/* A list of touchpoints touchpoints long can be approved: 0, or -1 with
 * err when it is empty. */
int	approval_check_list(size_t touchpoints, struct error *err);

/* What the authorised person consents to by approving (п. 2.2). */
struct approval_consent {
	bool	 errors;	/* despite errors of the rules */
	bool	 unreviewed;	/* despite changes no review accepted */
};

/* What still needs consent (approval_preconditions). */
enum approval_ask {
	APPROVAL_ASK_ERRORS = 1 << 0,
	APPROVAL_ASK_UNREVIEWED = 1 << 1
};

/*
 * The one precondition of an approval, for "perechen approve" and the
 * editor alike, decided inside the approval's transaction on what it
 * freezes: a list with touchpoints (else -1 with err), and consent to
 * each of its errors of the rules and its touchpoints changed and not
 * accepted that it has.  0: approve; else the enum approval_ask bits of
 * what the clerk has not consented to.
 */
int	approval_preconditions(size_t touchpoints, size_t errors,
	    size_t unaccepted, const struct approval_consent *c,
	    struct error *err);

/*
 * The header names the body (nominative, and the genitive the grif
 * prints) and the title (R0: п. 5.1, Приложение 1): 0, or -1 with err
 * naming every missing field and the "perechen init" options that fill
 * them («заголовок перечня не заполнен (п. 5.1, Приложение 1): нет
 * органа (ОИВ), заглавия — perechen init --org … --title …»).  No
 * confirmation overrides it: an annex without them is not an annex.
 */
int	approval_check_header(const struct list_header *h, struct error *err);

#endif
