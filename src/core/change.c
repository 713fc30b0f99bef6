/* change.c - triggers of п. 5.3 and the changes between two touchpoints. */
#include "change.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "error.h"

static const struct {
	const char *code;
	const char *title;
} triggers[TRIGGER_COUNT] = {
	[TRIGGER_EDIT] = { "ред.", "редакционное изменение" },
	[TRIGGER_NEW] = { "5.3.1", "появление новой точки взаимодействия "
	    "(п. 5.3.1)" },
	[TRIGGER_KIND] = { "5.3.2", "изменение вида точки взаимодействия "
	    "(п. 5.3.2)" },
	[TRIGGER_NEEDS] = { "5.3.3", "изменение удовлетворяемых потребностей "
	    "(п. 5.3.3)" },
	[TRIGGER_EXCLUDED] = { "5.3.4", "исключение точки взаимодействия "
	    "(п. 5.3.4)" },
	[TRIGGER_IMPORT] = { "импорт", "загрузка перечня из файла" },
};

const char *
trigger_code(enum trigger t)
{
	return (unsigned)t < TRIGGER_COUNT ? triggers[t].code : "?";
}

const char *
trigger_title(enum trigger t)
{
	return (unsigned)t < TRIGGER_COUNT ? triggers[t].title : "?";
}

int
trigger_parse(const char *s)
{
	if (strncmp(s, "п. ", strlen("п. ")) == 0)
		s += strlen("п. ");
	for (int t = 0; t < TRIGGER_COUNT; t++)
		if (strcmp(s, triggers[t].code) == 0)
			return t;
	/* "3.1" for "5.3.1", "ред" without the dot, Latin spellings */
	if (strlen(s) == 3 && strncmp(s, "3.", 2) == 0 && s[2] >= '1' &&
	    s[2] <= '4')
		return s[2] - '0';
	if (strcmp(s, "ред") == 0 || strcmp(s, "edit") == 0)
		return TRIGGER_EDIT;
	if (strcmp(s, "import") == 0)
		return TRIGGER_IMPORT;
	return -1;
}

int
trigger_requires_actualisation(enum trigger t)
{
	return t != TRIGGER_EDIT;
}

void
changes_init(struct changes *c)
{
	memset(c, 0, sizeof *c);
}

void
changes_fini(struct changes *c)
{
	for (size_t i = 0; i < c->n; i++) {
		struct change *ch = &c->v[i];

		free(ch->at_utc);
		free(ch->login);
		free(ch->record);
		free(ch->label);
		free(ch->field);
		free(ch->old_value);
		free(ch->new_value);
	}
	free(c->v);
	changes_init(c);
}

static char *
dup0(const char *s)
{
	return xstrdup(s != NULL ? s : "");
}

struct change *
changes_add(struct changes *c, const char *record, int64_t record_id,
    int64_t process_id, const char *label, const char *field,
    const char *old_value, const char *new_value, enum trigger trigger)
{
	struct change *ch;

	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 8;
		c->v = xreallocarray(c->v, c->cap, sizeof *c->v);
	}
	ch = &c->v[c->n++];
	ch->id = 0;
	ch->at_utc = xstrdup("");
	ch->login = xstrdup("");
	ch->record = dup0(record);
	ch->record_id = record_id;
	ch->process_id = process_id;
	ch->label = dup0(label);
	ch->field = dup0(field);
	ch->old_value = dup0(old_value);
	ch->new_value = dup0(new_value);
	ch->trigger = trigger;
	return ch;
}

char *
change_needs_text(const struct touchpoint *tp)
{
	struct buf b;

	buf_init(&b);
	for (size_t i = 0; i < tp->nneeds; i++) {
		if (i > 0)
			buf_putc(&b, '\n');
		buf_puts(&b, tp->needs[i].wording);
		if (tp->needs[i].category > 0)
			buf_printf(&b, " (п. 2.6.%d)", tp->needs[i].category);
	}
	return buf_detach(&b);
}

char *
change_contacts_text(const struct touchpoint *tp)
{
	struct buf b;

	buf_init(&b);
	for (size_t i = 0; i < tp->ncontacts; i++) {
		if (i > 0)
			buf_putc(&b, '\n');
		buf_puts(&b, tp->contacts[i].value);
	}
	return buf_detach(&b);
}

const char *
change_kind_name(const struct catalog *cat, const char *code)
{
	const struct kind *k;

	if (code == NULL || code[0] == '\0')
		return "не указан";
	k = cat != NULL ? catalog_find_kind(cat, code) : NULL;
	return k != NULL ? k->name : code;
}

static const char *
yes_no(int v)
{
	return v == TRI_UNKNOWN ? "не указано" : v ? "да" : "нет";
}

static const char *
basis_type_text(enum basis_type t)
{
	switch (t) {
	case BASIS_DOCUMENT:
		return "документ";
	case BASIS_ACT:
		return "распорядительное действие";
	case BASIS_NONE:
		break;
	}
	return "не указано";
}

/* Record one field's change if the texts differ. */
static void
diff_text(struct changes *out, const struct touchpoint *tp, int64_t pid,
    const char *label, const char *field, const char *a, const char *b,
    enum trigger t)
{
	if (strcmp(a, b) != 0)
		changes_add(out, "точка", tp->id, pid, label, field, a, b, t);
}

static void
diff_int(struct changes *out, const struct touchpoint *tp, int64_t pid,
    const char *label, const char *field, int a, int b)
{
	char sa[32], sb[32];

	if (a == b)
		return;
	snprintf(sa, sizeof sa, "%d", a);
	snprintf(sb, sizeof sb, "%d", b);
	if (a == TRI_UNKNOWN)
		snprintf(sa, sizeof sa, "не указано");
	if (b == TRI_UNKNOWN)
		snprintf(sb, sizeof sb, "не указано");
	changes_add(out, "точка", tp->id, pid, label, field, sa, sb,
	    TRIGGER_EDIT);
}

static void
diff_exclusion(const struct touchpoint *o, const struct touchpoint *n,
    int64_t pid, const char *label, struct changes *out)
{
	char *now;

	if (o->excluded == n->excluded) {
		if (n->excluded)
			diff_text(out, n, pid, label, "причина исключения",
			    o->exclude_reason, n->exclude_reason, TRIGGER_EDIT);
		return;
	}
	if (n->excluded) {
		now = xasprintf("исключена: %s", n->exclude_reason);
		changes_add(out, "точка", n->id, pid, label, "исключение",
		    "в перечне", now, TRIGGER_EXCLUDED);
	} else {
		now = xasprintf("исключена: %s", o->exclude_reason);
		/* Back in the list: for the published list it appears again. */
		changes_add(out, "точка", n->id, pid, label, "исключение", now,
		    "возвращена в перечень", TRIGGER_NEW);
	}
	free(now);
}

/* The kind with its channel: "Почта России (Офлайн-точка)". */
static char *
kind_text(const struct catalog *cat, const struct touchpoint *tp)
{
	const char *ch = channel_label(tp->channel);

	return ch[0] != '\0' ? xasprintf("%s (%s)", change_kind_name(cat,
	    tp->kind), ch) : xstrdup(change_kind_name(cat, tp->kind));
}

/*
 * A new kind and the channel it implies are one change of п. 5.3.2, not
 * two: one entry whose values name both, so that the log, the diff and
 * the reminder count it once.
 */
static void
diff_kind(struct changes *out, const struct touchpoint *o,
    const struct touchpoint *n, const struct catalog *cat, int64_t pid,
    const char *label)
{
	char *a, *b;

	if (strcmp(o->kind, n->kind) == 0 && o->channel == n->channel)
		return;
	a = kind_text(cat, o);
	b = kind_text(cat, n);
	changes_add(out, "точка", n->id, pid, label, "вид точки", a, b,
	    TRIGGER_KIND);
	free(a);
	free(b);
}

/*
 * What an added touchpoint brings, for its one log entry: the name with
 * kind and channel, its contacts and its needs, each on a line, so that
 * the log still tells how clients could reach it after later edits.
 * Caller frees.
 */
static char *
new_touchpoint_text(const struct touchpoint *n, const struct catalog *cat)
{
	char *needs = change_needs_text(n);
	struct buf b;

	buf_init(&b);
	buf_printf(&b, "%s (%s, %s)", n->name, change_kind_name(cat, n->kind),
	    channel_label(n->channel));
	for (size_t i = 0; i < n->ncontacts; i++)
		buf_printf(&b, "%s%s", i == 0 ? "\nконтакты: " : ", ",
		    n->contacts[i].value);
	if (needs[0] != '\0')
		buf_printf(&b, "\n%s", needs);
	free(needs);
	return buf_detach(&b);
}

void
change_diff_touchpoint(const struct touchpoint *o, const struct touchpoint *n,
    const struct catalog *cat, int64_t pid, const char *label,
    struct changes *out)
{
	char *a, *b;

	if (o == NULL) {
		b = new_touchpoint_text(n, cat);
		changes_add(out, "точка", n->id, pid, label, "новая точка", "",
		    b, TRIGGER_NEW);
		free(b);
		return;
	}
	diff_text(out, n, pid, label, "наименование", o->name, n->name,
	    TRIGGER_EDIT);
	diff_kind(out, o, n, cat, pid, label);
	a = change_needs_text(o);
	b = change_needs_text(n);
	diff_text(out, n, pid, label, "потребности", a, b, TRIGGER_NEEDS);
	free(a);
	free(b);
	a = change_contacts_text(o);
	b = change_contacts_text(n);
	diff_text(out, n, pid, label, "контакты", a, b, TRIGGER_EDIT);
	free(a);
	free(b);
	diff_text(out, n, pid, label, "особенности", o->specifics, n->specifics,
	    TRIGGER_EDIT);
	diff_text(out, n, pid, label, "ключевая", o->key ? "да" : "нет",
	    n->key ? "да" : "нет", TRIGGER_EDIT);
	diff_text(out, n, pid, label, "тип основания",
	    basis_type_text(o->basis_type), basis_type_text(n->basis_type),
	    TRIGGER_EDIT);
	diff_text(out, n, pid, label, "основание", o->basis, n->basis,
	    TRIGGER_EDIT);
	diff_text(out, n, pid, label, "подразделение", o->unit, n->unit,
	    TRIGGER_EDIT);
	diff_text(out, n, pid, label, "клиенты",
	    o->audience == AUDIENCE_INTERNAL ? "внутренние" : "внешние",
	    n->audience == AUDIENCE_INTERNAL ? "внутренние" : "внешние",
	    TRIGGER_EDIT);
	diff_int(out, n, pid, label, "переключений не более", o->max_transfers,
	    n->max_transfers);
	diff_text(out, n, pid, label, "уведомление о получении",
	    yes_no(o->ack_receipt), yes_no(n->ack_receipt), TRIGGER_EDIT);
	diff_exclusion(o, n, pid, label, out);
}

/* A list's touchpoints sorted by id: diffs of large lists stay
 * O(n log n). */
struct tp_ref {
	int64_t	 id;
	const struct touchpoint *tp;
};

struct tp_refs {
	struct tp_ref *v;
	size_t	 n;
};

static int
ref_cmp(const void *a, const void *b)
{
	int64_t x = ((const struct tp_ref *)a)->id;
	int64_t y = ((const struct tp_ref *)b)->id;

	return (x > y) - (x < y);
}

static void
refs_build(struct tp_refs *r, const struct list *l)
{
	r->n = 0;
	r->v = xreallocarray(NULL, list_count_touchpoints(l) + 1, sizeof *r->v);
	for (size_t i = 0; i < l->nprocs; i++)
		for (size_t j = 0; j < l->procs[i].ntps; j++) {
			r->v[r->n].id = l->procs[i].tps[j].id;
			r->v[r->n++].tp = &l->procs[i].tps[j];
		}
	qsort(r->v, r->n, sizeof *r->v, ref_cmp);
}

static const struct touchpoint *
refs_find(const struct tp_refs *r, int64_t id)
{
	struct tp_ref key = { id, NULL }, *hit;

	hit = bsearch(&key, r->v, r->n, sizeof *r->v, ref_cmp);
	return hit != NULL ? hit->tp : NULL;
}

static const struct process *
find_process(const struct list *l, int64_t id)
{
	for (size_t i = 0; i < l->nprocs; i++)
		if (l->procs[i].id == id)
			return &l->procs[i];
	return NULL;
}

void
change_diff_process(const struct process *o, const struct process *n,
    const char *label, struct changes *out)
{
	char *was;

	if (o->excluded == n->excluded) {
		if (n->excluded && strcmp(o->exclude_reason,
		    n->exclude_reason) != 0)
			changes_add(out, "процесс", n->id, n->id, label,
			    "причина исключения", o->exclude_reason,
			    n->exclude_reason, TRIGGER_EDIT);
		return;
	}
	if (n->excluded) {
		was = xasprintf("исключён: %s", n->exclude_reason);
		changes_add(out, "процесс", n->id, n->id, label, "исключение",
		    "в перечне", was, TRIGGER_EXCLUDED);
	} else {
		was = xasprintf("исключён: %s", o->exclude_reason);
		changes_add(out, "процесс", n->id, n->id, label, "исключение",
		    was, "возвращён в перечень", TRIGGER_NEW);
	}
	free(was);
}

/* Touchpoints of old process op that new no longer has at all. */
static void
diff_removed(const struct change_lookup *lk, const struct process *op,
    size_t opi, struct changes *out)
{
	for (size_t j = 0; j < op->ntps; j++) {
		const struct touchpoint *t = &op->tps[j];
		char *label;

		if (lk->new_has(lk->ctx, t->id))
			continue;
		label = xasprintf("%zu.%zu %s", opi + 1, j + 1, t->name);
		changes_add(out, "точка", t->id, op->id, label, "удаление",
		    t->name, "удалена из перечня", TRIGGER_EXCLUDED);
		free(label);
	}
}

void
change_diff_step(const struct process *op, size_t opi,
    const struct process *np, size_t npi, const struct catalog *cat,
    const struct change_lookup *lk, struct changes *out)
{
	char *label = xasprintf("%zu %s", npi + 1, np->name);

	if (op == NULL)
		changes_add(out, "процесс", np->id, np->id, label,
		    "новый процесс", "", np->name, TRIGGER_EDIT);
	else if (strcmp(op->name, np->name) != 0)
		changes_add(out, "процесс", np->id, np->id, label,
		    "название", op->name, np->name, TRIGGER_EDIT);
	if (op != NULL)
		change_diff_process(op, np, label, out);
	free(label);
	for (size_t j = 0; j < np->ntps; j++) {
		const struct touchpoint *nt = &np->tps[j];

		label = xasprintf("%zu.%zu %s", npi + 1, j + 1, nt->name);
		change_diff_touchpoint(lk->old_tp(lk->ctx, nt->id), nt, cat,
		    np->id, label, out);
		free(label);
	}
	if (op != NULL)
		diff_removed(lk, op, opi, out);
}

void
change_diff_gone(const struct process *op, size_t opi,
    const struct change_lookup *lk, struct changes *out)
{
	char *label = xasprintf("%zu %s", opi + 1, op->name);

	changes_add(out, "процесс", op->id, op->id, label, "удаление",
	    op->name, "процесс удалён", TRIGGER_EDIT);
	free(label);
	diff_removed(lk, op, opi, out);
}

/* Both lists in memory, their touchpoints indexed. */
struct list_lookup {
	struct tp_refs old_refs, new_refs;
};

static const struct touchpoint *
list_old_tp(void *ctx, int64_t id)
{
	return refs_find(&((struct list_lookup *)ctx)->old_refs, id);
}

static bool
list_new_has(void *ctx, int64_t id)
{
	return refs_find(&((struct list_lookup *)ctx)->new_refs, id) != NULL;
}

void
change_diff_lists(const struct list *old, const struct list *new,
    const struct catalog *cat, struct changes *out)
{
	struct list_lookup ll;
	struct change_lookup lk = { list_old_tp, list_new_has, &ll };

	refs_build(&ll.old_refs, old);
	refs_build(&ll.new_refs, new);
	for (size_t i = 0; i < new->nprocs; i++) {
		const struct process *np = &new->procs[i];
		const struct process *op = find_process(old, np->id);

		change_diff_step(op, op != NULL ? (size_t)(op - old->procs) : 0,
		    np, i, cat, &lk, out);
	}
	for (size_t i = 0; i < old->nprocs; i++)
		if (find_process(new, old->procs[i].id) == NULL)
			change_diff_gone(&old->procs[i], i, &lk, out);
	free(ll.old_refs.v);
	free(ll.new_refs.v);
}

/* Whether a and b hold the same records in the same order: processes,
 * their touchpoints, each one's contacts (with their types). */
static bool
same_shape(const struct list *a, const struct list *b)
{
	if (a->nprocs != b->nprocs)
		return false;
	for (size_t i = 0; i < a->nprocs; i++) {
		const struct process *p = &a->procs[i], *q = &b->procs[i];

		if (p->id != q->id || p->ntps != q->ntps)
			return false;
		for (size_t j = 0; j < p->ntps; j++) {
			const struct touchpoint *s = &p->tps[j], *t = &q->tps[j];

			if (s->id != t->id || s->ncontacts != t->ncontacts)
				return false;
			for (size_t k = 0; k < s->ncontacts; k++)
				if (s->contacts[k].type != t->contacts[k].type)
					return false;
		}
	}
	return true;
}

bool
change_lists_equal(const struct list *a, const struct list *b)
{
	struct changes ch;
	bool same;

	if (strcmp(a->hdr.org, b->hdr.org) != 0 ||
	    strcmp(a->hdr.org_genitive, b->hdr.org_genitive) != 0 ||
	    strcmp(a->hdr.title, b->hdr.title) != 0 ||
	    strcmp(a->hdr.area, b->hdr.area) != 0 || !same_shape(a, b))
		return false;
	changes_init(&ch);
	change_diff_lists(a, b, NULL, &ch);
	same = ch.n == 0;
	changes_fini(&ch);
	return same;
}
