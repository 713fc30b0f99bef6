/*
 * model.h - the list of client touchpoints in memory.
 *
 * Owns: struct list (header, processes), struct process, struct touchpoint,
 * struct need, struct contact, and the enums of their fields.  A whole list
 * in memory is what import produces and export consumes; the editor never
 * holds one (it pages rows from the store).
 *
 * Every string field is a non-NULL heap string owned by its record ("" when
 * empty).  Arrays are owned by their parent; *_fini frees recursively.
 * Positions are the array order; numbers (№) are position + 1.
 */
#ifndef PERECHEN_MODEL_H
#define PERECHEN_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum channel {
	CHANNEL_NONE = 0,	/* not set: an R1 error */
	CHANNEL_DIGITAL = 1,	/* цифровая точка, п. 3.1.1 */
	CHANNEL_OFFLINE = 2	/* офлайн-точка, п. 3.1.2 */
};

enum audience {
	AUDIENCE_EXTERNAL = 0,	/* клиент (внешний), п. 1.3.1 */
	AUDIENCE_INTERNAL = 1	/* внутренний клиент, п. 1.3.2 */
};

enum basis_type {
	BASIS_NONE = 0,
	BASIS_DOCUMENT = 1,	/* документ, п. 2.4 */
	BASIS_ACT = 2		/* распорядительное действие, п. 2.5 */
};

enum contact_type {
	CONTACT_URL = 1,
	CONTACT_EMAIL = 2,
	CONTACT_PHONE = 3,
	CONTACT_OTHER = 4
};

/* Tri-state for facts a clerk may not have recorded yet. */
#define TRI_UNKNOWN (-1)

struct contact {
	enum contact_type type;
	char	*value;
};

struct need {
	int64_t	 id;		/* 0 when not stored */
	char	*wording;	/* as printed, one line */
	int	 category;	/* 1..9 = п. 2.6.N; 0 = unclassified */
};

struct touchpoint {
	int64_t	 id;
	int64_t	 version;
	char	*name;		/* as printed, contacts written in it kept */
	char	*kind;		/* kind code from the catalogue, "" if none */
	enum channel channel;
	char	*specifics;	/* printed beside the channel type */
	bool	 key;		/* ключевая точка, п. 2.3 */
	enum basis_type basis_type;
	char	*basis;		/* the document or act, п. 2.4-2.5 */
	char	*unit;		/* responsible unit, п. 2.2 */
	enum audience audience;
	int	 max_transfers;	/* п. 3.2.3; TRI_UNKNOWN if not recorded */
	int	 ack_receipt;	/* п. 3.2.4; 0/1 or TRI_UNKNOWN */
	bool	 excluded;
	char	*exclude_reason;

	struct contact *contacts;
	size_t	 ncontacts;
	struct need *needs;
	size_t	 nneeds;
};

struct process {
	int64_t	 id;
	int64_t	 version;
	char	*name;
	bool	 excluded;	/* out of the published list, п. 5.3.4 */
	char	*exclude_reason;
	struct touchpoint *tps;
	size_t	 ntps;
};

struct list_header {
	char	*org;		/* the body (ОИВ) */
	char	*org_genitive;	/* the body as «приказом …» prints it */
	char	*title;		/* "точек взаимодействия с клиентом по вопросам…" */
	char	*area;		/* area of activity */
	char	*order_no;	/* approving order */
	char	*order_date;	/* ISO YYYY-MM-DD or "" */
};

struct list {
	struct list_header hdr;
	struct process *procs;
	size_t	 nprocs;
};

/* What an approved annex cannot do without (п. 5.1, Приложение 1): the
 * fields of h that are blank, as a mask of these. */
enum header_part {
	HEADER_ORG = 1,		/* the body, nominative */
	HEADER_ORG_GENITIVE = 2,	/* the body as the grif names it */
	HEADER_TITLE = 4
};
unsigned list_header_missing(const struct list_header *h);

void	list_init(struct list *l);
void	list_fini(struct list *l);
void	list_header_init(struct list_header *h);
void	list_header_fini(struct list_header *h);
/* Replace *field (an owned string) by a copy of value. */
void	model_set(char **field, const char *value);

/* Append a new empty record and return it (owned by the parent; valid until
 * the parent's array grows again). */
struct process	  *list_add_process(struct list *l, const char *name);
struct touchpoint *process_add_touchpoint(struct process *p, const char *name);
struct need	  *touchpoint_add_need(struct touchpoint *tp, const char *wording,
		      int category);
struct contact	  *touchpoint_add_contact(struct touchpoint *tp,
		      enum contact_type type, const char *value);

void	touchpoint_init(struct touchpoint *tp);
void	touchpoint_fini(struct touchpoint *tp);
void	process_fini(struct process *p);

/* Number of touchpoints over all processes. */
size_t	list_count_touchpoints(const struct list *l);
size_t	list_count_needs(const struct list *l);

/* Russian labels. */
const char *channel_label(enum channel c);	/* "Цифровая точка" … */
const char *contact_type_label(enum contact_type t);
/* Parse the channel from a specifics cell ("Цифровая точка", "офлайн");
 * returns CHANNEL_NONE when the text names neither. */
enum channel channel_from_text(const char *s);

#endif
