/* validate.c - the rules R1-R11 of the Порядок and their findings. */
#include "validate.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "contact.h"
#include "declension.h"
#include "utf8.h"

#define NAME_SHOWN	60	/* characters of a name quoted in a message */

static const struct rule rules[RULE_COUNT] = {
	[RULE_R1] = { RULE_R1, "R1", "2.1", LEVEL_ERROR,
	    "точка относится к процессу, у неё есть название, тип и "
	    "потребности с формулировками; у процесса есть название и точки "
	    "взаимодействия" },
	[RULE_R2] = { RULE_R2, "R2", "2.8", LEVEL_ERROR,
	    "в процессе нет двух одинаковых точек" },
	[RULE_R3] = { RULE_R3, "R3", "3.1, 4", LEVEL_ERROR,
	    "вид точки из каталога определяет её тип (цифровая или офлайн)" },
	[RULE_R4] = { RULE_R4, "R4", "2.6", LEVEL_WARNING,
	    "каждая потребность отнесена к категории п. 2.6.1–2.6.9" },
	[RULE_R5] = { RULE_R5, "R5", "2.3, 3.2", LEVEL_WARNING,
	    "в каждом процессе есть ключевая точка" },
	[RULE_R6] = { RULE_R6, "R6", "2.4–2.5", LEVEL_HINT,
	    "у точки указано основание: документ или распорядительное "
	    "действие" },
	[RULE_R7] = { RULE_R7, "R7", "2.9.2", LEVEL_WARNING,
	    "в каждом процессе есть цифровая точка" },
	[RULE_R8] = { RULE_R8, "R8", "2.9.3", LEVEL_WARNING,
	    "в каждом процессе есть офлайн-альтернатива" },
	[RULE_R9] = { RULE_R9, "R9", "3.2.3", LEVEL_ERROR,
	    "по телефону не более двух переключений между сотрудниками" },
	[RULE_R10] = { RULE_R10, "R10", "3.2.4", LEVEL_HINT,
	    "письменный канал уведомляет о получении сообщения" },
	[RULE_R11] = { RULE_R11, "R11", "", LEVEL_ERROR,
	    "контакты записаны правильно: сайты, эл. почта, телефоны" },
	[RULE_R0] = { RULE_R0, "R0", "5.1, Приложение 1", LEVEL_ERROR,
	    "заголовок перечня заполнен: орган (и как его называет гриф) и "
	    "заглавие" },
};

const struct rule *
rule_get(enum rule_id id)
{
	if (id <= RULE_NONE || id >= RULE_COUNT)
		return NULL;
	return &rules[id];
}

enum rule_id
rule_from_code(const char *code)
{
	if (code == NULL)
		return RULE_NONE;
	for (int i = RULE_R1; i < RULE_COUNT; i++)
		if (strcasecmp(code, rules[i].code) == 0)
			return (enum rule_id)i;
	return RULE_NONE;
}

const char *
level_label(enum level l)
{
	switch (l) {
	case LEVEL_ERROR:
		return "ошибка";
	case LEVEL_WARNING:
		return "предупреждение";
	case LEVEL_HINT:
		return "подсказка";
	}
	return "";
}

const char *
level_name(enum level l)
{
	switch (l) {
	case LEVEL_ERROR:
		return "error";
	case LEVEL_WARNING:
		return "warning";
	case LEVEL_HINT:
		return "hint";
	}
	return "";
}

const char *
field_name(enum field f)
{
	static const char *const names[] = {
		[FIELD_NONE] = "",
		[FIELD_NAME] = "name",
		[FIELD_KIND] = "kind",
		[FIELD_CHANNEL] = "channel",
		[FIELD_CONTACTS] = "contacts",
		[FIELD_NEEDS] = "needs",
		[FIELD_KEY] = "key",
		[FIELD_BASIS] = "basis",
		[FIELD_TRANSFERS] = "transfers",
		[FIELD_ACK_RECEIPT] = "ack_receipt",
		[FIELD_ORG] = "org",
		[FIELD_ORG_GENITIVE] = "org_genitive",
		[FIELD_TITLE] = "title",
	};

	if ((size_t)f >= sizeof names / sizeof names[0])
		return "";
	return names[f];
}

bool
rule_ackable(enum rule_id id)
{
	const struct rule *r = rule_get(id);

	return r != NULL && r->level == LEVEL_WARNING;
}

void
findings_init(struct findings *f)
{
	memset(f, 0, sizeof *f);
}

void
findings_reset(struct findings *f)
{
	for (size_t i = 0; i < f->n; i++) {
		free(f->v[i].message);
		free(f->v[i].justification);
	}
	f->n = 0;
}

void
findings_fini(struct findings *f)
{
	findings_reset(f);
	free(f->v);
	memset(f, 0, sizeof *f);
}

struct finding *
findings_add(struct findings *f, enum rule_id rule, size_t proc,
    int64_t proc_id, size_t tp, int64_t tp_id, enum field field, size_t item,
    const char *fmt, ...)
{
	const struct rule *r = rule_get(rule);
	struct finding *fi;
	struct buf msg;
	va_list ap;

	if (f->errors_only && r != NULL && r->level != LEVEL_ERROR)
		return NULL;
	if (f->n == f->cap) {
		f->cap = f->cap == 0 ? 16 : f->cap * 2;
		f->v = xreallocarray(f->v, f->cap, sizeof *f->v);
	}
	buf_init(&msg);
	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	fi = &f->v[f->n++];
	fi->rule = rule;
	fi->level = r != NULL ? r->level : LEVEL_ERROR;
	fi->proc = proc;
	fi->proc_id = proc_id;
	fi->tp = tp;
	fi->tp_id = tp_id;
	fi->field = field;
	fi->item = item;
	fi->message = buf_detach(&msg);
	fi->acknowledged = false;
	fi->justification = xstrdup("");
	return fi;
}

size_t
findings_count(const struct findings *f, enum level l, bool unacked_only)
{
	size_t n = 0;

	for (size_t i = 0; i < f->n; i++)
		if (f->v[i].level == l &&
		    !(unacked_only && f->v[i].acknowledged))
			n++;
	return n;
}

bool
findings_blocking(const struct findings *f)
{
	return findings_count(f, LEVEL_ERROR, false) > 0;
}

/* A name as quoted in a message: squeezed, cut to NAME_SHOWN columns. */
static char *
shown_name(const char *name)
{
	char *sq = utf8_squeeze(name != NULL ? name : "");
	struct buf b;

	/* No character is wider than its bytes: a short name needs no
	 * measuring. */
	buf_init(&b);
	if (strlen(sq) > NAME_SHOWN && utf8_width(sq) > NAME_SHOWN)
		utf8_fit(sq, NAME_SHOWN, &b);
	else
		buf_puts(&b, sq);
	free(sq);
	return buf_detach(&b);
}

/* True if s has nothing but white space. */
static bool
blank(const char *s)
{
	/* What utf8_squeeze() drops entirely. */
	if (s != NULL)
		for (; *s != '\0'; s++)
			if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
				return false;
	return true;
}

/* Where the findings of one touchpoint go, and what they call it. */
struct tp_ctx {
	const struct touchpoint *tp;
	const struct kind *kind;	/* NULL: none or not in the catalogue */
	size_t	 pi, ti;
	int64_t	 proc_id;
	char	*of;			/* "точки «name»", or "новой точки" */
	char	*quoted;		/* "«name»", or "новой точки" */
	struct findings *out;
};

static const struct kind *
kind_of(const struct touchpoint *tp, const struct catalog *cat)
{
	if (cat == NULL || tp->kind == NULL || tp->kind[0] == '\0')
		return NULL;
	return catalog_find_kind(cat, tp->kind);
}

/* The channel a touchpoint is on: its own, else its kind's. */
static enum channel
effective_channel(const struct touchpoint *tp, const struct kind *k)
{
	if (tp->channel != CHANNEL_NONE || k == NULL)
		return tp->channel;
	return k->channel;
}

/* How messages name the touchpoint: a new one may have no name yet, and
 * «» would read as a bug. */
static void
tp_ctx_names(struct tp_ctx *c, const char *name)
{
	char *shown = shown_name(name);

	if (shown[0] == '\0') {
		c->of = xstrdup("новой точки");
		c->quoted = xstrdup("новой точки");
	} else {
		c->of = xasprintf("точки «%s»", shown);
		c->quoted = xasprintf("«%s»", shown);
	}
	free(shown);
}

#define TP_FINDING(c, rule, field, item, ...)				\
	findings_add((c)->out, (rule), (c)->pi, (c)->proc_id, (c)->ti,	\
	    (c)->tp->id, (field), (item), __VA_ARGS__)

/* R1: every need has a wording: an empty one prints an empty line in
 * the needs cell of the annex, whatever its category. */
static void
check_r1_need_wordings(struct tp_ctx *c)
{
	for (size_t i = 0; i < c->tp->nneeds; i++)
		if (blank(c->tp->needs[i].wording))
			TP_FINDING(c, RULE_R1, FIELD_NEEDS, i,
			    "п. 2.1: у потребности № %zu %s нет "
			    "формулировки — в перечне была бы пустая строка",
			    i + 1, c->of);
}

/* R1: a name, a channel type and at least one need, each worded. */
static void
check_r1_touchpoint(struct tp_ctx *c)
{
	if (blank(c->tp->name))
		TP_FINDING(c, RULE_R1, FIELD_NAME, FINDING_NONE,
		    "п. 2.1: у точки взаимодействия нет названия");
	if (c->tp->channel != CHANNEL_DIGITAL &&
	    c->tp->channel != CHANNEL_OFFLINE)
		TP_FINDING(c, RULE_R1, FIELD_CHANNEL, FINDING_NONE,
		    "п. 2.1: у %s не указан тип: цифровая или "
		    "офлайн-точка", c->of);
	if (c->tp->nneeds == 0)
		TP_FINDING(c, RULE_R1, FIELD_NEEDS, FINDING_NONE,
		    "п. 2.1: у %s не указана ни одна удовлетворяемая "
		    "потребность клиента", c->of);
	check_r1_need_wordings(c);
}

/* R3: a catalogue kind fixes the channel type. */
static void
check_r3(struct tp_ctx *c)
{
	const struct kind *k = c->kind;
	enum channel ch = c->tp->channel;

	if (k == NULL || ch == CHANNEL_NONE || k->channel == CHANNEL_NONE ||
	    ch == k->channel)
		return;
	TP_FINDING(c, RULE_R3, FIELD_CHANNEL, FINDING_NONE,
	    "п. 3.1, 4: вид «%s» — %s, а указана %s", k->name,
	    k->channel == CHANNEL_OFFLINE ? "офлайн-точка" : "цифровая точка",
	    ch == CHANNEL_OFFLINE ? "офлайн-точка" : "цифровая");
}

/* R4: every need classified (a need without a wording is R1's). */
static void
check_r4(struct tp_ctx *c)
{
	for (size_t i = 0; i < c->tp->nneeds; i++) {
		const struct need *n = &c->tp->needs[i];
		char *w;

		if (n->category >= 1 && n->category <= NEED_CATEGORIES)
			continue;
		w = shown_name(n->wording);
		if (w[0] == '\0')
			TP_FINDING(c, RULE_R4, FIELD_NEEDS, i,
			    "п. 2.6: потребность № %zu %s не отнесена "
			    "ни к одной категории п. 2.6.1–2.6.9", i + 1,
			    c->of);
		else
			TP_FINDING(c, RULE_R4, FIELD_NEEDS, i,
			    "п. 2.6: потребность «%s» не отнесена ни к одной "
			    "категории п. 2.6.1–2.6.9", w);
		free(w);
	}
}

/* R6: the basis of the touchpoint, a document or an act. */
static void
check_r6(struct tp_ctx *c)
{
	if (c->tp->basis_type != BASIS_NONE && !blank(c->tp->basis))
		return;
	TP_FINDING(c, RULE_R6, FIELD_BASIS, FINDING_NONE,
	    "п. 2.4–2.5: у %s не указано основание — документ или "
	    "распорядительное действие (поручение, резолюция)", c->of);
}

/* R9: a phone line switches the client at most twice. */
static void
check_r9(struct tp_ctx *c)
{
	int n = c->tp->max_transfers;

	if (c->kind == NULL || !c->kind->phone || n == TRI_UNKNOWN)
		return;
	if (n < 0)
		TP_FINDING(c, RULE_R9, FIELD_TRANSFERS, FINDING_NONE,
		    "п. 3.2.3: число переключений у %s не может быть "
		    "отрицательным", c->of);
	else if (n > 2)
		TP_FINDING(c, RULE_R9, FIELD_TRANSFERS, FINDING_NONE,
		    "п. 3.2.3: по телефону допускается не более двух "
		    "переключений на других сотрудников, а у %s — %d",
		    c->of, n);
}

/* R10: a written channel sends a first acknowledgement of receipt. */
static void
check_r10(struct tp_ctx *c)
{
	if (c->kind == NULL || !c->kind->written || c->tp->ack_receipt == 1)
		return;
	TP_FINDING(c, RULE_R10, FIELD_ACK_RECEIPT, FINDING_NONE,
	    "п. 3.2.4: для письменного канала %s не отмечено уведомление "
	    "клиента о получении сообщения", c->quoted);
}

/*
 * R11: a contact written in the name is one of the touchpoint's contacts.
 * The name prints as written, so a contact changed or deleted only in the
 * contacts list would otherwise still reach the annex in its old form.
 */
static void
check_r11_name(struct tp_ctx *c)
{
	char *stale = contact_unlisted_in(c->tp->name, c->tp->contacts,
	    c->tp->ncontacts);
	char *v;

	if (stale == NULL)
		return;
	v = shown_name(stale);
	TP_FINDING(c, RULE_R11, FIELD_NAME, FINDING_NONE,
	    "в названии %s записан контакт «%s», которого нет среди "
	    "её контактов: исправьте название или добавьте контакт", c->of,
	    v);
	free(v);
	free(stale);
}

/* R11: every contact well formed. */
static void
check_r11(struct tp_ctx *c)
{
	for (size_t i = 0; i < c->tp->ncontacts; i++) {
		const struct contact *ct = &c->tp->contacts[i];
		struct error why;
		char *v;

		if (contact_check(ct->type, ct->value, &why) == 0)
			continue;
		v = shown_name(ct->value);
		TP_FINDING(c, RULE_R11, FIELD_CONTACTS, i,
		    "контакт «%s» %s: %s", v, c->of, why.msg);
		free(v);
	}
	check_r11_name(c);
}

void
validate_touchpoint_fields(const struct process *p, size_t pi,
    const struct touchpoint *tp, size_t ti, const struct catalog *cat,
    struct findings *out)
{
	struct tp_ctx c;

	c.tp = tp;
	c.kind = kind_of(tp, cat);
	c.pi = pi;
	c.ti = ti;
	c.proc_id = p != NULL ? p->id : 0;
	tp_ctx_names(&c, tp->name);
	c.out = out;
	check_r1_touchpoint(&c);
	check_r3(&c);
	check_r4(&c);
	check_r6(&c);
	check_r9(&c);
	check_r10(&c);
	check_r11(&c);
	free(c.of);
	free(c.quoted);
}

/* What R2 compares: the folded name, the kind, the canonical contacts. */
struct tp_key {
	char	*name;
	const char *kind;
	struct strvec contacts;
};

static void
tp_key_init(struct tp_key *k, const struct touchpoint *tp)
{
	char *sq = utf8_squeeze(tp->name);

	k->name = utf8_casefold(sq);
	free(sq);
	k->kind = tp->kind != NULL ? tp->kind : "";
	strvec_init(&k->contacts);
	for (size_t i = 0; i < tp->ncontacts; i++)
		strvec_push_owned(&k->contacts, contact_canonical(
		    tp->contacts[i].type, tp->contacts[i].value));
}

static void
tp_key_fini(struct tp_key *k)
{
	free(k->name);
	strvec_fini(&k->contacts);
}

/* Every string of a is in b. */
static bool
strvec_subset(const struct strvec *a, const struct strvec *b)
{
	for (size_t i = 0; i < a->n; i++) {
		bool found = false;

		for (size_t j = 0; j < b->n && !found; j++)
			found = strcmp(a->v[i], b->v[j]) == 0;
		if (!found)
			return false;
	}
	return true;
}

enum dup { DUP_NONE, DUP_NAME, DUP_KIND_CONTACTS };

/* Whether two touchpoints are the same one listed twice (п. 2.8). */
static enum dup
tp_key_same(const struct tp_key *a, const struct tp_key *b)
{
	if (a->name[0] != '\0' && strcmp(a->name, b->name) == 0)
		return DUP_NAME;
	if (a->kind[0] != '\0' && strcmp(a->kind, b->kind) == 0 &&
	    strvec_subset(&a->contacts, &b->contacts) &&
	    strvec_subset(&b->contacts, &a->contacts))
		return DUP_KIND_CONTACTS;
	return DUP_NONE;
}

/* Report tp (index ti) as a duplicate of other. */
static void
report_duplicate(const struct process *p, size_t pi, const struct touchpoint *tp,
    size_t ti, const struct touchpoint *other, enum dup how,
    struct findings *out)
{
	char *name = shown_name(tp->name), *pname = shown_name(p->name);
	char *oname = shown_name(other->name);

	if (how == DUP_NAME)
		findings_add(out, RULE_R2, pi, p->id, ti, tp->id, FIELD_NAME,
		    FINDING_NONE, "п. 2.8: точка «%s» уже есть в процессе «%s»",
		    name, pname);
	else
		findings_add(out, RULE_R2, pi, p->id, ti, tp->id, FIELD_KIND,
		    FINDING_NONE, "п. 2.8: %s%s%s повторяет точку «%s» в "
		    "процессе «%s»: тот же вид и те же контакты; этапы "
		    "указывайте в потребностях", name[0] != '\0' ? "точка «" :
		    "новая точка", name, name[0] != '\0' ? "»" : "", oname,
		    pname);
	free(name);
	free(pname);
	free(oname);
}

void
validate_touchpoint_in_process(const struct process *p, size_t pi,
    const struct touchpoint *tp, size_t ti, struct findings *out)
{
	struct tp_key mine;

	if (tp->excluded)
		return;
	tp_key_init(&mine, tp);
	for (size_t j = 0; j < p->ntps; j++) {
		const struct touchpoint *other = &p->tps[j];
		struct tp_key theirs;
		enum dup how;

		if (j == ti || other == tp || other->excluded)
			continue;
		tp_key_init(&theirs, other);
		how = tp_key_same(&mine, &theirs);
		tp_key_fini(&theirs);
		if (how != DUP_NONE) {
			report_duplicate(p, pi, tp, ti, other, how, out);
			break;
		}
	}
	tp_key_fini(&mine);
}

/*
 * The first touchpoint of a process each R2 key was seen at: names, and
 * kinds with their contacts, hashed, so that a process of any size is
 * checked in one pass (every pair compared would be quadratic).
 */
struct first_seen {
	char	**key;		/* owned; NULL: a free slot */
	size_t	*at;
	size_t	 cap, n;
};

static uint64_t
key_hash(const char *s)
{
	uint64_t h = 1469598103934665603u;	/* FNV-1a */

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static void first_seen_grow(struct first_seen *f);

/* The index key was first seen at, or at if this is the first time (key
 * is taken over either way). */
static size_t
first_seen_put(struct first_seen *f, char *key, size_t at)
{
	size_t i;

	if (2 * (f->n + 1) > f->cap)
		first_seen_grow(f);
	for (i = key_hash(key) & (f->cap - 1); f->key[i] != NULL;
	    i = (i + 1) & (f->cap - 1))
		if (strcmp(f->key[i], key) == 0) {
			free(key);
			return f->at[i];
		}
	f->key[i] = key;
	f->at[i] = at;
	f->n++;
	return at;
}

static void
first_seen_grow(struct first_seen *f)
{
	struct first_seen g = { NULL, NULL, f->cap ? 2 * f->cap : 64, 0 };

	g.key = xcalloc(g.cap, sizeof *g.key);
	g.at = xcalloc(g.cap, sizeof *g.at);
	for (size_t i = 0; i < f->cap; i++)
		if (f->key[i] != NULL)
			(void)first_seen_put(&g, f->key[i], f->at[i]);
	free(f->key);
	free(f->at);
	*f = g;
}

static void
first_seen_fini(struct first_seen *f)
{
	for (size_t i = 0; i < f->cap; i++)
		free(f->key[i]);
	free(f->key);
	free(f->at);
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The kind and the set of contacts (tp_key_same compares them as sets),
 * as one string; NULL without a kind. */
static char *
kind_contacts_key(const struct tp_key *k)
{
	char **v;
	struct buf b;

	if (k->kind[0] == '\0')
		return NULL;
	v = xreallocarray(NULL, k->contacts.n + 1, sizeof *v);
	for (size_t i = 0; i < k->contacts.n; i++)
		v[i] = k->contacts.v[i];
	qsort(v, k->contacts.n, sizeof *v, str_cmp);
	buf_init(&b);
	buf_printf(&b, "%zu:%s", strlen(k->kind), k->kind);
	for (size_t i = 0; i < k->contacts.n; i++)
		if (i == 0 || strcmp(v[i], v[i - 1]) != 0)
			buf_printf(&b, "%zu:%s", strlen(v[i]), v[i]);
	free(v);
	return buf_detach(&b);
}

/* R2 for p->tps[j] against the touchpoints before it that are not
 * excluded (seen holds their keys), so that a pair is reported once, at
 * its second member, against the first that tp_key_same would match. */
static void
check_r2_before(const struct process *p, size_t pi, const struct tp_key *k,
    size_t j, struct first_seen seen[2], struct findings *out)
{
	char *kc = kind_contacts_key(k);
	size_t by_name = FINDING_NONE, by_kind = FINDING_NONE;

	if (k->name[0] != '\0' &&
	    (by_name = first_seen_put(&seen[0], xstrdup(k->name), j)) == j)
		by_name = FINDING_NONE;
	if (kc != NULL && (by_kind = first_seen_put(&seen[1], kc, j)) == j)
		by_kind = FINDING_NONE;
	/* The same name at the first match makes it a name's repeat. */
	if (by_name != FINDING_NONE && by_name <= by_kind)
		report_duplicate(p, pi, &p->tps[j], j, &p->tps[by_name],
		    DUP_NAME, out);
	else if (by_kind != FINDING_NONE)
		report_duplicate(p, pi, &p->tps[j], j, &p->tps[by_kind],
		    DUP_KIND_CONTACTS, out);
}

/* What the touchpoints of a process offer, excluded ones left out. */
struct process_offer {
	size_t	 active;
	bool	 key, digital, offline;
};

static struct process_offer
process_offer(const struct process *p, const struct catalog *cat)
{
	struct process_offer o = { 0, false, false, false };

	for (size_t j = 0; j < p->ntps; j++) {
		const struct touchpoint *tp = &p->tps[j];
		const struct kind *k = kind_of(tp, cat);
		enum channel ch = effective_channel(tp, k);

		if (tp->excluded)
			continue;
		o.active++;
		o.key = o.key || tp->key || (k != NULL && k->key_default);
		o.digital = o.digital || ch == CHANNEL_DIGITAL;
		o.offline = o.offline || ch == CHANNEL_OFFLINE;
	}
	return o;
}

void
validate_process(const struct process *p, size_t pi,
    const struct catalog *cat, struct findings *out)
{
	struct process_offer o;
	char *name;

	/* Out of the list (п. 5.3.4): nothing of it is checked. */
	if (p->excluded)
		return;
	name = shown_name(p->name);
	if (name[0] == '\0')
		findings_add(out, RULE_R1, pi, p->id, FINDING_NONE, 0,
		    FIELD_NAME, FINDING_NONE,
		    "п. 2.1: у процесса № %zu нет названия", pi + 1);
	o = process_offer(p, cat);
	if (name[0] == '\0') {
		free(name);
		name = xasprintf("№ %zu", pi + 1);
	}
	/* An empty row would be printed: that alone is what is wrong, the
	 * kinds of touchpoints it lacks follow from it. */
	if (o.active == 0) {
		findings_add(out, RULE_R1, pi, p->id, FINDING_NONE, 0,
		    FIELD_NONE, FINDING_NONE, "п. 2.1: в процессе «%s» нет "
		    "точек взаимодействия — в перечне была бы пустая строка",
		    name);
		free(name);
		return;
	}
	if (!o.key)
		findings_add(out, RULE_R5, pi, p->id, FINDING_NONE, 0,
		    FIELD_KEY, FINDING_NONE, "п. 2.3, 3.2: в процессе «%s» "
		    "нет ключевой точки взаимодействия", name);
	if (!o.digital)
		findings_add(out, RULE_R7, pi, p->id, FINDING_NONE, 0,
		    FIELD_CHANNEL, FINDING_NONE, "п. 2.9.2: в процессе «%s» "
		    "нет цифровой точки взаимодействия", name);
	if (!o.offline)
		findings_add(out, RULE_R8, pi, p->id, FINDING_NONE, 0,
		    FIELD_CHANNEL, FINDING_NONE, "п. 2.9.3: в процессе «%s» "
		    "нет офлайн-точки — альтернативы цифровым каналам", name);
	free(name);
}

void
validate_list_process(const struct process *p, size_t pi,
    const struct catalog *cat, struct findings *out)
{
	struct first_seen seen[2];

	if (p->excluded)
		return;
	memset(seen, 0, sizeof seen);
	validate_process(p, pi, cat, out);
	for (size_t j = 0; j < p->ntps; j++) {
		struct tp_key key;

		if (p->tps[j].excluded)
			continue;
		tp_key_init(&key, &p->tps[j]);
		check_r2_before(p, pi, &key, j, seen, out);
		tp_key_fini(&key);
		validate_touchpoint_fields(p, pi, &p->tps[j], j, cat, out);
	}
	first_seen_fini(&seen[0]);
	first_seen_fini(&seen[1]);
}

void
validate_list(const struct list *l, const struct catalog *cat,
    struct findings *out)
{
	for (size_t i = 0; i < l->nprocs; i++)
		validate_list_process(&l->procs[i], i, cat, out);
}

#define HEADER_FINDING(out, field, ...)					\
	findings_add((out), RULE_R0, FINDING_NONE, 0, FINDING_NONE, 0,	\
	    (field), FINDING_NONE, __VA_ARGS__)

/* R0: the body named, as the annex's heading and the grif need it. */
static void
check_r0_org(const struct list_header *h, unsigned missing,
    struct findings *out)
{
	char *gen;

	if (missing & HEADER_ORG) {
		HEADER_FINDING(out, FIELD_ORG, "п. 5.1, Приложение 1: заголовок "
		    "перечня не заполнен — не указан орган (ОИВ), который его "
		    "утверждает: perechen init --org …");
		return;
	}
	gen = declension_genitive(h->org);
	if (missing & HEADER_ORG_GENITIVE)
		HEADER_FINDING(out, FIELD_ORG_GENITIVE, "п. 5.1: не указано, "
		    "как орган назван в грифе («приказом …»); по склонению — "
		    "«%s»: perechen init --org-genitive \"%s\"", gen, gen);
	else if (strcmp(h->org_genitive, h->org) == 0)
		HEADER_FINDING(out, FIELD_ORG_GENITIVE, "п. 5.1: в грифе орган "
		    "назван в именительном падеже («приказом %s»); укажите "
		    "родительный: perechen init --org-genitive \"%s\"",
		    h->org, strcmp(gen, h->org) != 0 ? gen : "…")->level =
		    LEVEL_WARNING;
	free(gen);
}

void
validate_header(const struct list_header *h, struct findings *out)
{
	unsigned missing = list_header_missing(h);

	check_r0_org(h, missing, out);
	if (missing & HEADER_TITLE)
		HEADER_FINDING(out, FIELD_TITLE, "п. 5.1, Приложение 1: "
		    "заголовок перечня не заполнен — нет заглавия («ПЕРЕЧЕНЬ "
		    "точек взаимодействия с клиентом …»): perechen init --title "
		    "…");
}

void
acks_init(struct acks *a)
{
	memset(a, 0, sizeof *a);
}

void
acks_fini(struct acks *a)
{
	for (size_t i = 0; i < a->n; i++) {
		free(a->v[i].justification);
		free(a->v[i].login);
		free(a->v[i].created_utc);
	}
	free(a->v);
	memset(a, 0, sizeof *a);
}

struct ack *
acks_add(struct acks *a, int64_t id, enum rule_id rule, int64_t proc_id,
    int64_t tp_id, const char *justification, const char *login,
    const char *created_utc)
{
	struct ack *k;

	if (a->n == a->cap) {
		a->cap = a->cap == 0 ? 8 : a->cap * 2;
		a->v = xreallocarray(a->v, a->cap, sizeof *a->v);
	}
	k = &a->v[a->n++];
	k->id = id;
	k->rule = rule;
	k->proc_id = proc_id;
	k->tp_id = tp_id;
	k->justification = xstrdup(justification != NULL ? justification : "");
	k->login = xstrdup(login != NULL ? login : "");
	k->created_utc = xstrdup(created_utc != NULL ? created_utc : "");
	return k;
}

const struct ack *
acks_find(const struct acks *a, enum rule_id rule, int64_t proc_id,
    int64_t tp_id)
{
	for (size_t i = 0; i < a->n; i++)
		if (a->v[i].rule == rule && a->v[i].proc_id == proc_id &&
		    a->v[i].tp_id == tp_id)
			return &a->v[i];
	return NULL;
}

void
findings_apply_acks(struct findings *f, const struct acks *a)
{
	for (size_t i = 0; i < f->n; i++) {
		struct finding *fi = &f->v[i];
		const struct ack *k;

		if (fi->level != LEVEL_WARNING || fi->proc_id == 0 ||
		    (fi->tp != FINDING_NONE && fi->tp_id == 0))
			continue;
		k = acks_find(a, fi->rule, fi->proc_id,
		    fi->tp != FINDING_NONE ? fi->tp_id : 0);
		if (k == NULL)
			continue;
		fi->acknowledged = true;
		free(fi->justification);
		fi->justification = xstrdup(k->justification);
	}
}

/* Whether the findings of a rule are about a touchpoint, not a process. */
static bool
rule_on_touchpoint(enum rule_id id)
{
	return id != RULE_R5 && id != RULE_R7 && id != RULE_R8;
}

int
ack_check_target(enum rule_id rule, bool has_touchpoint, struct error *err)
{
	const struct rule *r = rule_get(rule);

	if (r == NULL)
		return error_set(err, "нет такого правила; правила: R1–R11");
	if (r->level == LEVEL_ERROR)
		return error_set(err, "%s — ошибка: её нужно исправить, принять "
		    "её нельзя", r->code);
	if (r->level == LEVEL_HINT)
		return error_set(err, "%s — подсказка: она ни к чему не "
		    "обязывает, принимать её не нужно", r->code);
	if (rule_on_touchpoint(rule) && !has_touchpoint)
		return error_set(err, "%s относится к точке взаимодействия: "
		    "укажите точку", r->code);
	if (!rule_on_touchpoint(rule) && has_touchpoint)
		return error_set(err, "%s относится к процессу в целом, а не к "
		    "точке", r->code);
	return 0;
}
