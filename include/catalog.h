/*
 * catalog.h - the catalogues: touchpoint kinds (п. 4) and need categories
 * (п. 2.6).
 *
 * Owns: struct catalog and its parsing from the tab-separated files shipped
 * in share/perechen/ (kinds.tsv, needs.tsv), and the guesses import makes
 * from printed text.  The store copies a catalogue into every new database,
 * after which the database is the truth (kinds are extensible there).
 */
#ifndef PERECHEN_CATALOG_H
#define PERECHEN_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "model.h"
#include "strvec.h"

#define NEED_CATEGORIES 9

struct kind {
	char	*code;		/* stable identifier, e.g. "phone" */
	char	*name;		/* Russian name */
	enum channel channel;	/* fixed by the kind (R3) */
	char	*clause;	/* "4.2.1", or "—" for kinds outside п. 4 */
	bool	 key_default;	/* key touchpoint by default (п. 3.2) */
	bool	 written;	/* written channel (п. 3.2.4) */
	bool	 phone;		/* phone line (п. 3.2.3) */
	bool	 custom;	/* added by the users of this list */
	struct strvec patterns;	/* folded fragments for catalog_guess_kind */
};

struct need_category {
	int	 code;		/* 1..9 */
	char	*clause;	/* "2.6.N" */
	char	*title;
	struct strvec patterns;
};

struct catalog {
	struct kind *kinds;
	size_t	 nkinds;
	struct need_category cats[NEED_CATEGORIES];
	size_t	 ncats;
};

void	catalog_init(struct catalog *c);
void	catalog_fini(struct catalog *c);

/*
 * Parse kinds.tsv / needs.tsv text.  origin names the file in messages.
 * Returns 0, or -1 with err naming the line.
 */
int	catalog_parse_kinds(struct catalog *c, const char *text,
	    const char *origin, struct error *err);
int	catalog_parse_needs(struct catalog *c, const char *text,
	    const char *origin, struct error *err);

/* Add a kind (copies every string); returns the stored kind. */
struct kind *catalog_add_kind(struct catalog *c, const char *code,
	    const char *name, enum channel channel, const char *clause,
	    bool key_default, bool written, bool phone, bool custom,
	    const char *patterns);

/* Kind by code, or NULL. */
const struct kind *catalog_find_kind(const struct catalog *c, const char *code);
/*
 * Fill order[0..nkinds-1] with kind indexes in п. 4's order: digital kinds
 * by clause (4.1.1-4.1.7), then offline ones (4.2.x), then the kinds outside
 * п. 4 in file order.  File order itself serves catalog_guess_kind.
 */
void	catalog_kind_order(const struct catalog *c, size_t *order);
/* The kind a printed touchpoint name suggests, or NULL. */
const struct kind *catalog_guess_kind(const struct catalog *c, const char *text);
/* Whom a printed touchpoint name says it serves: internal clients
 * (п. 1.3.2) when it names them («Кабинет внутренних клиентов»), else
 * external ones (п. 1.3.1). */
enum audience catalog_guess_audience(const char *text);
/* The category (1..9) a printed need wording suggests, or 0. */
int	catalog_guess_need(const struct catalog *c, const char *wording);
/* Title of need category code, or NULL if unknown. */
const char *catalog_need_title(const struct catalog *c, int code);

#endif
