/*
 * fuzz_validate.c - the rules over a list built from arbitrary bytes.
 *
 * Each input line is one instruction (first byte, then its text):
 *   P name    a new process          T name    a new touchpoint
 *   k code    its kind               c N       its channel (N mod 3)
 *   K         toggle key             x         toggle excluded
 *   b N text  basis type N mod 3     m N       max transfers
 *   a N       ack_receipt (N mod 3 - 1)
 *   u/e/p/o v a URL / e-mail / phone / other contact
 *   n C text  a need of category C (a digit; other bytes: out of range)
 *   A R P T   acknowledge rule R for process P, touchpoint T (0: none)
 * Every finding must point at a record that exists, carry its rule's level
 * and a message; acknowledged findings are warnings; the list-wide check
 * agrees with the per-record checks the forms run.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "model.h"
#include "validate.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_PROCS	32
#define MAX_TPS		32	/* per process: R2 is quadratic in these */
#define MAX_ITEMS	16	/* contacts or needs per touchpoint */

static const char kinds_tsv[] =
    "post\tПочта России\toffline\t4.2.2\t1\t1\t0\tпочта россии\n"
    "email\tЭлектронная почта\tdigital\t4.1.2\t1\t1\t0\te-mail\n"
    "epgu\tЕдиный портал государственных услуг\tdigital\t4.1.7\t0\t0\t0\t"
    "епгу\n"
    "phone\tТелефонная связь\toffline\t4.2.1\t1\t0\t1\tтелефон\n"
    "site\tОфициальный сайт\tdigital\t4.1.1\t1\t0\t0\tсайт\n";

/* The list being built and the acknowledgements asked for. */
struct build {
	struct list l;
	struct acks acks;
	int64_t next_id;
};

static struct process *
last_process(struct build *b)
{
	struct process *p;

	if (b->l.nprocs > 0)
		return &b->l.procs[b->l.nprocs - 1];
	p = list_add_process(&b->l, "");
	p->id = b->next_id++;
	return p;
}

static struct touchpoint *
last_touchpoint(struct build *b)
{
	struct process *p = last_process(b);
	struct touchpoint *tp;

	if (p->ntps > 0)
		return &p->tps[p->ntps - 1];
	tp = process_add_touchpoint(p, "");
	tp->id = b->next_id++;
	return tp;
}

/* The number at the start of s (bounded), or 0. */
static long
number(const char *s)
{
	long v = strtol(s, NULL, 10);

	return v > 1000 ? 1000 : v < -1000 ? -1000 : v;
}

/* Acknowledge rule R for process P and touchpoint T (1-based indices). */
static void
add_ack(struct build *b, const char *arg)
{
	char *end;
	long r = strtol(arg, &end, 10), pi = strtol(end, &end, 10);
	long ti = strtol(end, &end, 10);
	int64_t pid = 0, tid = 0;

	if (pi >= 1 && (size_t)pi <= b->l.nprocs) {
		struct process *p = &b->l.procs[pi - 1];

		pid = p->id;
		if (ti >= 1 && (size_t)ti <= p->ntps)
			tid = p->tps[ti - 1].id;
	}
	acks_add(&b->acks, 0, (enum rule_id)(r >= 0 && r < RULE_COUNT ? r : 0),
	    pid, tid, "обоснование", "fuzz", "");
}

/* Apply one instruction line. */
static void
apply(struct build *b, char op, const char *arg)
{
	struct touchpoint *tp;
	struct process *p;

	switch (op) {
	case 'P':
		if (b->l.nprocs < MAX_PROCS) {
			p = list_add_process(&b->l, arg);
			p->id = b->next_id++;
		}
		return;
	case 'T':
		p = last_process(b);
		if (p->ntps < MAX_TPS) {
			tp = process_add_touchpoint(p, arg);
			tp->id = b->next_id++;
		}
		return;
	case 'A':
		add_ack(b, arg);
		return;
	default:
		break;
	}
	tp = last_touchpoint(b);
	switch (op) {
	case 'k': model_set(&tp->kind, arg); break;
	case 'c': tp->channel = (enum channel)(labs(number(arg)) % 3); break;
	case 'K': tp->key = !tp->key; break;
	case 'x': tp->excluded = !tp->excluded; break;
	case 'b':
		tp->basis_type = (enum basis_type)(labs(number(arg)) % 3);
		model_set(&tp->basis, arg[0] != '\0' ? arg + 1 : "");
		break;
	case 'm': tp->max_transfers = (int)number(arg); break;
	case 'a': tp->ack_receipt = (int)(labs(number(arg)) % 3) - 1; break;
	case 'u': case 'e': case 'p': case 'o':
		if (tp->ncontacts < MAX_ITEMS)
			touchpoint_add_contact(tp, op == 'u' ? CONTACT_URL :
			    op == 'e' ? CONTACT_EMAIL : op == 'p' ?
			    CONTACT_PHONE : CONTACT_OTHER, arg);
		break;
	case 'n':
		if (tp->nneeds < MAX_ITEMS)
			touchpoint_add_need(tp, arg[0] != '\0' ? arg + 1 : "",
			    arg[0] >= '0' && arg[0] <= '9' ? arg[0] - '0' :
			    (unsigned char)arg[0]);
		break;
	default:
		break;
	}
}

/* A finding points at what exists and says something. */
static void
check_finding(const struct list *l, const struct finding *f)
{
	const struct rule *r = rule_get(f->rule);
	const struct process *p;
	const struct touchpoint *tp;

	if (r == NULL || f->level != r->level || f->message == NULL ||
	    f->message[0] == '\0' || f->justification == NULL ||
	    f->proc >= l->nprocs)
		abort();
	if (f->acknowledged && f->level != LEVEL_WARNING)
		abort();
	p = &l->procs[f->proc];
	if (f->proc_id != p->id)
		abort();
	if (f->tp == FINDING_NONE)
		return;
	if (f->tp >= p->ntps)
		abort();
	tp = &p->tps[f->tp];
	if (tp->excluded || f->tp_id != tp->id)
		abort();
	if (f->field == FIELD_CONTACTS && f->item >= tp->ncontacts)
		abort();
	if (f->field == FIELD_NEEDS && f->item != FINDING_NONE &&
	    f->item >= tp->nneeds)
		abort();
}

/* Findings of rule (or of every rule but R2 when other) at one place. */
static size_t
count_at(const struct findings *f, size_t pi, size_t ti, bool r2)
{
	size_t n = 0;

	for (size_t i = 0; i < f->n; i++)
		if (f->v[i].proc == pi && f->v[i].tp == ti &&
		    (f->v[i].rule == RULE_R2) == r2)
			n++;
	return n;
}

/* The per-record checks agree with the list-wide one. */
static void
check_records(const struct list *l, const struct catalog *cat,
    const struct findings *all)
{
	struct findings f;

	findings_init(&f);
	for (size_t i = 0; i < l->nprocs; i++) {
		const struct process *p = &l->procs[i];

		findings_reset(&f);
		validate_process(p, i, cat, &f);
		if (f.n != count_at(all, i, FINDING_NONE, false))
			abort();
		for (size_t j = 0; j < p->ntps; j++) {
			if (p->tps[j].excluded)
				continue;
			findings_reset(&f);
			validate_touchpoint_fields(p, i, &p->tps[j], j, cat, &f);
			if (f.n != count_at(all, i, j, false))
				abort();
			/* The form compares with every other touchpoint, the
			 * list only with those before: a superset. */
			findings_reset(&f);
			validate_touchpoint_in_process(p, i, &p->tps[j], j, &f);
			if (f.n > 1 || (count_at(all, i, j, true) > 0 &&
			    f.n == 0))
				abort();
		}
	}
	findings_fini(&f);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), *line, *next;
	struct catalog cat;
	struct findings f;
	struct build b;
	struct error err;

	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	catalog_init(&cat);
	if (catalog_parse_kinds(&cat, kinds_tsv, "kinds", &err) != 0)
		abort();
	list_init(&b.l);
	acks_init(&b.acks);
	b.next_id = 1;
	for (line = text; line != NULL && *line != '\0'; line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		apply(&b, line[0], line[0] != '\0' ? line + 1 : "");
	}
	findings_init(&f);
	validate_list(&b.l, &cat, &f);
	findings_apply_acks(&f, &b.acks);
	for (size_t i = 0; i < f.n; i++)
		check_finding(&b.l, &f.v[i]);
	if (findings_blocking(&f) != (findings_count(&f, LEVEL_ERROR,
	    false) > 0))
		abort();
	check_records(&b.l, &cat, &f);
	findings_fini(&f);
	acks_fini(&b.acks);
	list_fini(&b.l);
	catalog_fini(&cat);
	free(text);
	return 0;
}
