/*
 * form_touchpoint.c - the touchpoint form: every field of a touchpoint, its
 * contacts and needs as lists, the rules beside the fields, and a
 * justification that accepts the warnings.
 */
#include "form.h"

#include <stdlib.h>
#include <string.h>

#include "contact.h"
#include "merge.h"
#include "record.h"
#include "store_ack.h"
#include "store_tx.h"
#include "utf8.h"

enum {
	TP_ROW_PROCESS = 1,
	TP_ROW_EXCLUDED,
	TP_ROW_NAME,
	TP_ROW_KIND,
	TP_ROW_CHANNEL,
	TP_ROW_SPECIFICS,
	TP_ROW_CONTACT,
	TP_ROW_NEED,
	TP_ROW_NEED_CAT,
	TP_ROW_KEY,
	TP_ROW_BASIS_TYPE,
	TP_ROW_BASIS,
	TP_ROW_UNIT,
	TP_ROW_AUDIENCE,
	TP_ROW_TRANSFERS,
	TP_ROW_ACK,
	TP_ROW_JUSTIFY
};

/* The lists of the form (struct form_row's list). */
enum {
	TP_LIST_CONTACTS = 1,
	TP_LIST_NEEDS = 2
};

struct tpform {
	struct edit	*e;
	struct process	 proc;		/* for R2 and the process rules */
	size_t		 pi;		/* its index (№ - 1) */
	int64_t		 proc_pos;
	size_t		 ti;		/* the touchpoint's index, or
					   FINDING_NONE for a new one */
	struct touchpoint orig;		/* as loaded */
	struct touchpoint tp;		/* as edited */
	bool		*cat_manual;	/* per need: category chosen by hand */
	char		*justification;
	bool		 channel_set;	/* set by hand: a kind keeps it */
	bool		 kind_guessed;	/* kind taken from the name, not chosen */
	bool		 key_set;
	struct acks	 acks;
	struct view_key	 key;		/* where it stands once saved */
};

/* The catalogue kind of tp, or NULL. */
static const struct kind *
tpform_kind(const struct tpform *t)
{
	return t->tp.kind[0] != '\0' ? catalog_find_kind(t->e->cat,
	    t->tp.kind) : NULL;
}

/* The channel's words in the form. */
static const char *
tpform_channel_text(enum channel c)
{
	switch (c) {
	case CHANNEL_DIGITAL:
		return "Цифровая точка (п. 3.1.1)";
	case CHANNEL_OFFLINE:
		return "Офлайн-точка (п. 3.1.2)";
	case CHANNEL_NONE:
		break;
	}
	return "";
}

static const char *const tpform_basis_words[] = {
	"не указан", "документ (п. 2.4)", "распорядительное действие (п. 2.5)"
};
static const char *const tpform_audience_words[] = {
	"внешние клиенты (п. 1.3.1)", "внутренние клиенты (п. 1.3.2)"
};
static const char *const tpform_ack_words[] = {
	"не указано", "нет", "да, уведомление направляется"
};

/* The category of a need as the form shows it. */
static char *
tpform_category_text(const struct tpform *t, int category)
{
	const char *title = catalog_need_title(t->e->cat, category);

	if (category < 1 || category > NEED_CATEGORIES)
		return xstrdup("");
	return xasprintf("п. 2.6.%d %s", category, title != NULL ? title : "");
}

/* The contact rows: one per contact, and the row that adds one. */
static void
tpform_build_contacts(struct form *f, const struct tpform *t)
{
	struct form_row *r;

	for (size_t i = 0; i <= t->tp.ncontacts; i++) {
		bool add = i == t->tp.ncontacts;
		char *num = xasprintf("%zu) ", i + 1);

		r = form_add_row(f, ROW_TEXT, TP_ROW_CONTACT, i,
		    i == 0 ? "Контакты:" : "", add ? "" :
		    t->tp.contacts[i].value);
		r->list = TP_LIST_CONTACTS;
		r->field = FIELD_CONTACTS;
		r->fitem = add ? FORM_NO_ITEM : i;
		model_set(&r->prefix, num);
		if (add) {
			r->placeholder = true;
			model_set(&r->hint, "новый контакт: сайт, эл. почта, "
			    "телефон — начните вводить");
		}
		free(num);
	}
}

/* The need rows: wording and category of each, and the row that adds
 * one (R1 "no needs" shows under it). */
static void
tpform_build_needs(struct form *f, const struct tpform *t)
{
	struct form_row *r;

	for (size_t i = 0; i <= t->tp.nneeds; i++) {
		bool add = i == t->tp.nneeds;
		char *num = xasprintf("%zu) ", i + 1), *cat;

		r = form_add_row(f, ROW_WRAP, TP_ROW_NEED, i,
		    i == 0 ? "Потребности:" : "", add ? "" :
		    t->tp.needs[i].wording);
		r->list = TP_LIST_NEEDS;
		r->field = FIELD_NEEDS;
		r->fitem = add ? FORM_NO_ITEM : i;
		model_set(&r->prefix, num);
		free(num);
		if (add) {
			r->placeholder = true;
			model_set(&r->hint, "новая потребность — начните "
			    "вводить");
			break;
		}
		model_set(&r->hint, "формулировка потребности");
		cat = tpform_category_text(t, t->tp.needs[i].category);
		r = form_add_row(f, ROW_CHOICE, TP_ROW_NEED_CAT, i, "", cat);
		r->list = TP_LIST_NEEDS;
		r->pickable = true;
		model_set(&r->prefix, "   категория: ");
		model_set(&r->hint, "не выбрана: цифра 1–9 или Enter — список "
		    "п. 2.6");
		free(cat);
	}
}

/* A choice row. */
static struct form_row *
tpform_choice(struct form *f, int id, const char *label, const char *value,
    enum field field)
{
	struct form_row *r = form_add_row(f, ROW_CHOICE, id, FORM_NO_ITEM,
	    label, value);

	r->field = field;
	r->pickable = true;
	return r;
}

/* True if there are warnings to accept (or a justification typed). */
static bool
tpform_wants_justification(const struct form *f, const struct tpform *t)
{
	if (t->justification[0] != '\0')
		return true;
	for (size_t i = 0; i < f->found.n; i++)
		if (f->found.v[i].level == LEVEL_WARNING &&
		    !f->found.v[i].acknowledged)
			return true;
	return false;
}

/* The rows after the lists: key, basis, unit, audience, the facts of
 * phone and written kinds, the justification. */
static void
tpform_build_rest(struct form *f, const struct tpform *t)
{
	const struct touchpoint *tp = &t->tp;
	const struct kind *k = tpform_kind(t);
	struct form_row *r;
	char num[16];

	tpform_choice(f, TP_ROW_KEY, "Ключевая (п. 2.3):", tp->key ? "да" :
	    "нет", FIELD_KEY)->pickable = false;
	tpform_choice(f, TP_ROW_BASIS_TYPE, "Основание — вид:",
	    tpform_basis_words[tp->basis_type], FIELD_NONE);
	r = form_add_row(f, ROW_WRAP, TP_ROW_BASIS, FORM_NO_ITEM, "Основание:",
	    tp->basis);
	r->field = FIELD_BASIS;
	model_set(&r->hint, "документ или поручение, резолюция");
	r = form_add_row(f, ROW_TEXT, TP_ROW_UNIT, FORM_NO_ITEM,
	    "Подразделение:", tp->unit);
	model_set(&r->hint, "ответственное структурное подразделение");
	tpform_choice(f, TP_ROW_AUDIENCE, "Клиенты:",
	    tpform_audience_words[tp->audience == AUDIENCE_INTERNAL],
	    FIELD_NONE);
	if (k != NULL && k->phone) {
		snprintf(num, sizeof num, "%d", tp->max_transfers);
		r = form_add_row(f, ROW_NUMBER, TP_ROW_TRANSFERS, FORM_NO_ITEM,
		    "Переключений не более:", tp->max_transfers ==
		    TRI_UNKNOWN ? "" : num);
		r->field = FIELD_TRANSFERS;
		model_set(&r->hint, "не указано (п. 3.2.3: не более 2)");
	}
	if (k != NULL && k->written)
		tpform_choice(f, TP_ROW_ACK, "Уведомление о получении:",
		    tpform_ack_words[tp->ack_receipt + 1], FIELD_ACK_RECEIPT);
	if (tpform_wants_justification(f, t)) {
		r = form_add_row(f, ROW_WRAP, TP_ROW_JUSTIFY, FORM_NO_ITEM,
		    "Обоснование:", t->justification);
		model_set(&r->hint, "почему предупреждения (!) допустимы — "
		    "примет их при сохранении");
		r->justifies = true;
	}
}

/* Every row, in the order of the printed form. */
static void
tpform_build(struct form *f)
{
	struct tpform *t = f->rec;
	const struct kind *k = tpform_kind(t);
	struct form_row *r;
	char *s;

	s = xasprintf("%lld. %s", (long long)t->proc_pos, t->proc.name);
	r = form_add_row(f, ROW_INFO, TP_ROW_PROCESS, FORM_NO_ITEM, "Процесс:",
	    s);
	r->collect = true;
	free(s);
	if (t->tp.excluded)
		form_add_row(f, ROW_INFO, TP_ROW_EXCLUDED, FORM_NO_ITEM,
		    "Исключена:", t->tp.exclude_reason);
	r = form_add_row(f, ROW_WRAP, TP_ROW_NAME, FORM_NO_ITEM,
	    "Наименование:", t->tp.name);
	r->field = FIELD_NAME;
	model_set(&r->hint, "как в печатном перечне, без контактов");
	r = form_add_row(f, ROW_TEXT, TP_ROW_KIND, FORM_NO_ITEM, "Вид (п. 4):",
	    k != NULL ? k->name : t->tp.kind);
	r->field = FIELD_KIND;
	r->pickable = true;
	model_set(&r->hint, "Enter — выбрать из каталога, или впишите свой");
	r = tpform_choice(f, TP_ROW_CHANNEL, "Тип канала:",
	    tpform_channel_text(t->tp.channel), FIELD_CHANNEL);
	model_set(&r->hint, "не указан: пробел или Enter — выбрать");
	r = form_add_row(f, ROW_WRAP, TP_ROW_SPECIFICS, FORM_NO_ITEM,
	    "Особенности:", t->tp.specifics);
	model_set(&r->hint, "печатаются рядом с типом канала");
	tpform_build_contacts(f, t);
	tpform_build_needs(f, t);
	tpform_build_rest(f, t);
}

/* Guess the category of need i from its wording, unless chosen. */
static void
tpform_guess(struct tpform *t, size_t i)
{
	int guess;

	if (t->cat_manual[i])
		return;
	guess = catalog_guess_need(t->e->cat, t->tp.needs[i].wording);
	t->tp.needs[i].category = guess;
}

/* A new touchpoint whose kind the clerk has not chosen takes the kind its
 * name suggests, as import does (catalog_guess_kind), so that the first F2
 * does not fail for want of a type; a later name may change the guess. */
static void
tpform_kind_from_name(struct tpform *t)
{
	struct touchpoint *tp = &t->tp;
	const struct kind *g;

	if (t->ti != FINDING_NONE || (tp->kind[0] != '\0' && !t->kind_guessed))
		return;
	g = catalog_guess_kind(t->e->cat, tp->name);
	if (g != NULL) {
		record_set_kind(tp, t->e->cat, g->code, t->channel_set,
		    t->key_set);
		t->kind_guessed = true;
	} else if (t->kind_guessed) {
		model_set(&tp->kind, "");
		if (!t->channel_set)
			tp->channel = CHANNEL_NONE;
		t->kind_guessed = false;
	}
}

/* A text field as typed, into the record. */
static void
tpform_set_text(struct form *f, const struct form_row *r, const char *text)
{
	struct tpform *t = f->rec;
	struct touchpoint *tp = &t->tp;
	char *end;
	long n;

	switch (r->id) {
	case TP_ROW_NAME:
		model_set(&tp->name, text);
		tpform_kind_from_name(t);
		break;
	case TP_ROW_KIND:
		record_set_kind(tp, t->e->cat, text, t->channel_set,
		    t->key_set || tp->id != 0);
		t->kind_guessed = false;
		break;
	case TP_ROW_SPECIFICS:
		model_set(&tp->specifics, text);
		break;
	case TP_ROW_CONTACT:
		model_set(&tp->contacts[r->item].value, text);
		tp->contacts[r->item].type = contact_classify(text);
		break;
	case TP_ROW_NEED:
		model_set(&tp->needs[r->item].wording, text);
		tpform_guess(t, r->item);
		break;
	case TP_ROW_BASIS:
		model_set(&tp->basis, text);
		if (tp->basis_type == BASIS_NONE && text[0] != '\0')
			tp->basis_type = BASIS_DOCUMENT;
		break;
	case TP_ROW_UNIT:
		model_set(&tp->unit, text);
		break;
	case TP_ROW_TRANSFERS:
		n = strtol(text, &end, 10);
		tp->max_transfers = text[0] == '\0' || *end != '\0' ?
		    TRI_UNKNOWN : (int)n;
		break;
	case TP_ROW_JUSTIFY:
		model_set(&t->justification, text);
		f->justified = text[0] != '\0';
		break;
	}
}

/* Step v within 0..n-1 by dir, round. */
static int
tpform_cycle(int v, int n, int dir)
{
	return ((v + dir) % n + n) % n;
}

/* A choice stepped with Space or the arrows, or a category by digit. */
static bool
tpform_choose(struct form *f, const struct form_row *r, int dir, int digit)
{
	struct tpform *t = f->rec;
	struct touchpoint *tp = &t->tp;

	if (digit >= 0 && r->id != TP_ROW_NEED_CAT)
		return false;
	switch (r->id) {
	case TP_ROW_CHANNEL:
		tp->channel = tp->channel == CHANNEL_NONE ? (dir > 0 ?
		    CHANNEL_DIGITAL : CHANNEL_OFFLINE) :
		    tp->channel == CHANNEL_DIGITAL ? CHANNEL_OFFLINE :
		    CHANNEL_DIGITAL;
		t->channel_set = true;
		break;
	case TP_ROW_NEED_CAT:
		tp->needs[r->item].category = digit >= 0 ? digit :
		    tpform_cycle(tp->needs[r->item].category,
		    NEED_CATEGORIES + 1, dir);
		t->cat_manual[r->item] = true;
		break;
	case TP_ROW_KEY:
		tp->key = !tp->key;
		t->key_set = true;
		break;
	case TP_ROW_BASIS_TYPE:
		tp->basis_type = (enum basis_type)tpform_cycle(
		    (int)tp->basis_type, 3, dir);
		break;
	case TP_ROW_AUDIENCE:
		tp->audience = tp->audience == AUDIENCE_INTERNAL ?
		    AUDIENCE_EXTERNAL : AUDIENCE_INTERNAL;
		break;
	case TP_ROW_ACK:
		tp->ack_receipt = tpform_cycle(tp->ack_receipt + 1, 3, dir) - 1;
		break;
	default:
		return false;
	}
	return true;
}

/* The kinds of the catalogue to choose from; the last item lets the
 * clerk type a kind of the list's own. */
static bool
tpform_pick_kind(struct form *f, struct tpform *t, bool *quit)
{
	const struct catalog *cat = t->e->cat;
	const char **items = xcalloc(cat->nkinds + 1, sizeof *items);
	char **owned = xcalloc(cat->nkinds + 1, sizeof *owned);
	size_t *order = xcalloc(cat->nkinds + 1, sizeof *order);
	const struct kind *g = NULL;
	size_t cur = cat->nkinds;
	int got;

	if (t->tp.kind[0] == '\0')	/* start at what the name suggests */
		g = catalog_guess_kind(cat, t->tp.name);
	catalog_kind_order(cat, order);
	for (size_t i = 0; i < cat->nkinds; i++) {
		const struct kind *k = &cat->kinds[order[i]];

		owned[i] = k->clause[0] != '\0' && strcmp(k->clause, "—") != 0 ?
		    xasprintf("%s — %s, п. %s", k->name, k->channel ==
		    CHANNEL_OFFLINE ? "офлайн" : "цифровая", k->clause) :
		    xasprintf("%s — %s", k->name, k->channel ==
		    CHANNEL_OFFLINE ? "офлайн" : "цифровая");
		items[i] = owned[i];
		if (strcmp(k->code, t->tp.kind) == 0 || k == g)
			cur = i;
	}
	items[cat->nkinds] = "Другой вид: впишите название в поле";
	got = form_pick(f, "Вид точки взаимодействия (п. 4)", items,
	    cat->nkinds + 1, cur);
	for (size_t i = 0; i < cat->nkinds; i++)
		free(owned[i]);
	free(owned);
	free(items);
	*quit = got == -2;
	if (got >= 0 && (size_t)got < cat->nkinds) {
		record_set_kind(&t->tp, cat, cat->kinds[order[got]].code,
		    t->channel_set, t->key_set || t->tp.id != 0);
		t->kind_guessed = false;
	}
	free(order);
	if (got < 0)
		return false;
	if ((size_t)got == cat->nkinds) {
		form_say(f, false, "Впишите название вида в поле «Вид»; "
		    "тип канала укажите сами");
		return false;
	}
	return true;
}

/* The categories of п. 2.6, by digit. */
static bool
tpform_pick_category(struct form *f, struct tpform *t, size_t i, bool *quit)
{
	const char *items[NEED_CATEGORIES + 1];
	char *owned[NEED_CATEGORIES + 1];
	int got;

	owned[0] = xstrdup("0 — без категории");
	for (int c = 1; c <= NEED_CATEGORIES; c++) {
		const char *title = catalog_need_title(t->e->cat, c);

		owned[c] = xasprintf("%d — п. 2.6.%d %s", c, c,
		    title != NULL ? title : "");
	}
	for (int c = 0; c <= NEED_CATEGORIES; c++)
		items[c] = owned[c];
	got = form_pick(f, "Категория потребности (п. 2.6)", items,
	    NEED_CATEGORIES + 1, (size_t)t->tp.needs[i].category);
	for (int c = 0; c <= NEED_CATEGORIES; c++)
		free(owned[c]);
	*quit = got == -2;
	if (got < 0)
		return false;
	t->tp.needs[i].category = got;
	t->cat_manual[i] = true;
	return true;
}

/* A choice row's values as a list. */
static bool
tpform_pick_choice(struct form *f, const char *title,
    const char *const *items, size_t n, int *value, bool *quit)
{
	int got = form_pick(f, title, items, n, (size_t)*value);

	*quit = got == -2;
	if (got < 0 || got == *value)
		return false;
	*value = got;
	return true;
}

/* The list of values of the focused field. */
static bool
tpform_pick(struct form *f, const struct form_row *r, bool *quit)
{
	struct tpform *t = f->rec;
	struct touchpoint *tp = &t->tp;
	static const char *const channels[] = { "Цифровая точка (п. 3.1.1)",
	    "Офлайн-точка (п. 3.1.2)" };
	int v;

	*quit = false;
	switch (r->id) {
	case TP_ROW_KIND:
		return tpform_pick_kind(f, t, quit);
	case TP_ROW_NEED_CAT:
		return tpform_pick_category(f, t, r->item, quit);
	case TP_ROW_CHANNEL:
		v = tp->channel == CHANNEL_OFFLINE ? 1 : 0;
		if (!tpform_pick_choice(f, "Тип канала (п. 3.1)", channels, 2,
		    &v, quit) && tp->channel != CHANNEL_NONE)
			return false;
		if (*quit)
			return false;
		tp->channel = v == 1 ? CHANNEL_OFFLINE : CHANNEL_DIGITAL;
		t->channel_set = true;
		return true;
	case TP_ROW_BASIS_TYPE:
		v = (int)tp->basis_type;
		if (!tpform_pick_choice(f, "Основание (п. 2.4–2.5)",
		    tpform_basis_words, 3, &v, quit))
			return false;
		tp->basis_type = (enum basis_type)v;
		return true;
	case TP_ROW_AUDIENCE:
		v = tp->audience == AUDIENCE_INTERNAL;
		if (!tpform_pick_choice(f, "Клиенты (п. 1.3)",
		    tpform_audience_words, 2, &v, quit))
			return false;
		tp->audience = v ? AUDIENCE_INTERNAL : AUDIENCE_EXTERNAL;
		return true;
	case TP_ROW_ACK:
		v = tp->ack_receipt + 1;
		if (!tpform_pick_choice(f, "Уведомление о получении (п. 3.2.4)",
		    tpform_ack_words, 3, &v, quit))
			return false;
		tp->ack_receipt = v - 1;
		return true;
	}
	return false;
}

/* Swap contacts (or needs, with their flags) i and j. */
static void
tpform_swap(struct tpform *t, int list, size_t i, size_t j)
{
	if (list == TP_LIST_CONTACTS) {
		struct contact c = t->tp.contacts[i];

		t->tp.contacts[i] = t->tp.contacts[j];
		t->tp.contacts[j] = c;
	} else {
		struct need n = t->tp.needs[i];
		bool m = t->cat_manual[i];

		t->tp.needs[i] = t->tp.needs[j];
		t->tp.needs[j] = n;
		t->cat_manual[i] = t->cat_manual[j];
		t->cat_manual[j] = m;
	}
}

/* Insert an empty item at index at of the list. */
static void
tpform_insert(struct tpform *t, int list, size_t at)
{
	size_t n;

	if (list == TP_LIST_CONTACTS) {
		touchpoint_add_contact(&t->tp, CONTACT_OTHER, "");
		n = t->tp.ncontacts;
	} else {
		touchpoint_add_need(&t->tp, "", 0);
		n = t->tp.nneeds;
		t->cat_manual = xreallocarray(t->cat_manual, n,
		    sizeof *t->cat_manual);
		t->cat_manual[n - 1] = false;
	}
	for (size_t k = n - 1; k > at; k--)
		tpform_swap(t, list, k, k - 1);
}

/* Remove item i of the list. */
static void
tpform_remove(struct tpform *t, int list, size_t i)
{
	size_t n = list == TP_LIST_CONTACTS ? t->tp.ncontacts : t->tp.nneeds;

	for (size_t k = i; k + 1 < n; k++)
		tpform_swap(t, list, k, k + 1);
	if (list == TP_LIST_CONTACTS)
		free(t->tp.contacts[--t->tp.ncontacts].value);
	else
		free(t->tp.needs[--t->tp.nneeds].wording);
}

/* Add, delete or move a contact or a need. */
static bool
tpform_list_op(struct form *f, const struct form_row *r, enum form_list_op op,
    size_t *item)
{
	struct tpform *t = f->rec;
	size_t n = r->list == TP_LIST_CONTACTS ? t->tp.ncontacts :
	    t->tp.nneeds, i = r->item;

	switch (op) {
	case FORM_LIST_ADD:
		*item = r->placeholder ? n : i + 1;
		tpform_insert(t, r->list, *item);
		return true;
	case FORM_LIST_DELETE:
		if (r->placeholder) {
			form_say(f, true, "Эта строка пуста: удалять нечего");
			return false;
		}
		tpform_remove(t, r->list, i);
		*item = i;
		return true;
	case FORM_LIST_UP:
	case FORM_LIST_DOWN:
		if (r->placeholder || (op == FORM_LIST_UP && i == 0) ||
		    (op == FORM_LIST_DOWN && i + 1 >= n)) {
			form_say(f, true, op == FORM_LIST_UP ? "Уже первая" :
			    "Уже последняя");
			return false;
		}
		*item = op == FORM_LIST_UP ? i - 1 : i + 1;
		tpform_swap(t, r->list, i, *item);
		return true;
	}
	return false;
}

/* True if s has nothing but spaces. */
static bool
tpform_blank(const char *s)
{
	char *sq = utf8_squeeze(s);
	bool blank = sq[0] == '\0';

	free(sq);
	return blank;
}

/* A contact or need left empty goes when the focus leaves it. */
static bool
tpform_leave(struct form *f, const struct form_row *r)
{
	struct tpform *t = f->rec;

	if (r->list == TP_LIST_CONTACTS && r->item < t->tp.ncontacts &&
	    tpform_blank(t->tp.contacts[r->item].value)) {
		tpform_remove(t, TP_LIST_CONTACTS, r->item);
		return true;
	}
	if (r->list == TP_LIST_NEEDS && r->item < t->tp.nneeds &&
	    tpform_blank(t->tp.needs[r->item].wording) &&
	    t->tp.needs[r->item].category == 0) {
		tpform_remove(t, TP_LIST_NEEDS, r->item);
		return true;
	}
	return false;
}

/* The field rules as typed; before saving R2 and the process's rules too. */
static void
tpform_check(struct form *f, bool full, struct findings *out)
{
	struct tpform *t = f->rec;
	struct findings proc;
	size_t from;

	if (!full) {
		validate_touchpoint_fields(&t->proc, t->pi, &t->tp, t->ti,
		    t->e->cat, out);
	} else {
		record_check_touchpoint(&t->proc, t->pi, &t->tp, t->ti,
		    t->e->cat, out);
		/* The process's own findings show under its row. */
		findings_init(&proc);
		record_check_process_after(&t->proc, t->pi, &t->tp, t->ti,
		    t->e->cat, &proc);
		from = out->n;
		for (size_t i = 0; i < proc.n; i++)
			findings_add(out, proc.v[i].rule, proc.v[i].proc,
			    proc.v[i].proc_id, proc.v[i].tp, proc.v[i].tp_id,
			    proc.v[i].field, proc.v[i].item, "%s",
			    proc.v[i].message);
		for (size_t i = from; i < out->n; i++)
			out->v[i].field = FIELD_NONE;
		findings_fini(&proc);
	}
	findings_apply_acks(out, &t->acks);
}

/* The process as it is now: another clerk may have changed it since the
 * form opened, and R2 and the process rules judge the record against it. */
static void
tpform_reload(struct form *f)
{
	struct tpform *t = f->rec;
	struct process p;
	struct error err;

	memset(&p, 0, sizeof p);
	if (store_process_load(t->e->st, t->proc.id, &p, &err) != 0) {
		process_fini(&p);
		return;
	}
	process_fini(&t->proc);
	t->proc = p;
	t->ti = FINDING_NONE;
	for (size_t i = 0; t->tp.id != 0 && i < t->proc.ntps; i++)
		if (t->proc.tps[i].id == t->tp.id)
			t->ti = i;
}

/* True if the record or the justification changed. */
static bool
tpform_dirty(struct form *f)
{
	struct tpform *t = f->rec;

	return !record_same_touchpoint(&t->orig, &t->tp) ||
	    t->justification[0] != '\0';
}

/* Trim what was typed, classify the contacts, drop empty items. */
static void
tpform_tidy(struct tpform *t)
{
	struct touchpoint *tp = &t->tp;
	char **fields[] = { &tp->name, &tp->specifics, &tp->basis, &tp->unit };
	char *sq;

	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		sq = utf8_squeeze(*fields[i]);
		free(*fields[i]);
		*fields[i] = sq;
	}
	for (size_t i = tp->ncontacts; i-- > 0;) {
		sq = utf8_squeeze(tp->contacts[i].value);
		free(tp->contacts[i].value);
		tp->contacts[i].value = sq;
		tp->contacts[i].type = contact_classify(sq);
		if (sq[0] == '\0')
			tpform_remove(t, TP_LIST_CONTACTS, i);
	}
	for (size_t i = tp->nneeds; i-- > 0;) {
		sq = utf8_squeeze(tp->needs[i].wording);
		free(tp->needs[i].wording);
		tp->needs[i].wording = sq;
		if (sq[0] == '\0' && tp->needs[i].category == 0)
			tpform_remove(t, TP_LIST_NEEDS, i);
	}
}

/* Accept every open warning with the justification: one transaction. */
static int
tpform_save_acks(struct form *f, struct tpform *t, const struct actor *who,
    struct error *err)
{
	struct store_tx tx;
	int rc = 0;

	if (t->justification[0] == '\0')
		return 0;
	if (store_tx_begin(&tx, t->e->st, who, POLICY_ACK, err) != 0)
		return -1;
	for (size_t i = 0; i < f->found.n && rc == 0; i++) {
		const struct finding *fi = &f->found.v[i];
		struct ack a;
		bool on_tp;

		if (fi->level != LEVEL_WARNING || fi->acknowledged)
			continue;
		on_tp = ack_check_target(fi->rule, true, NULL) == 0;
		memset(&a, 0, sizeof a);
		a.rule = fi->rule;
		a.proc_id = t->proc.id;
		a.tp_id = on_tp ? t->tp.id : 0;
		a.justification = xstrdup(t->justification);
		a.login = xstrdup(who->login);
		a.created_utc = xstrdup("");
		rc = store_ack_add(t->e->st, &a, err);
		free(a.justification);
		free(a.login);
		free(a.created_utc);
	}
	return store_tx_end(&tx, rc, err);
}

/* Remember the save for undo. */
static void
tpform_push_undo(struct tpform *t)
{
	struct undo_entry u;

	undo_entry_init(&u, t->orig.id == 0 ? UNDO_TP_ADD : UNDO_TP_SAVE);
	u.proc_id = t->proc.id;
	u.tp_id = t->tp.id;
	record_copy_touchpoint(&u.before, &t->orig);
	record_copy_touchpoint(&u.after, &t->tp);
	u.key = t->key;
	undo_push(&t->e->undo, &u);
}

/* The clerk's way with another clerk's change of the same fields, in
 * form_pick's order. */
enum { TP_CONFLICT_RELOAD, TP_CONFLICT_MINE, TP_CONFLICT_FIELDS };

/* "«особенности»: его «…»" / "ваше «…»", one line each, for the pick. */
static char *
tpform_conflict_item(int n, const char *whose, const char *value)
{
	char *one = utf8_squeeze(value);
	char *item = xasprintf("%d %s: «%s»", n, whose, one);

	free(one);
	return item;
}

/* Field by field: each conflicting field takes the value the clerk picks
 * (the other's from theirs, else the clerk's own stays).  False if the
 * clerk left the choice. */
static bool
tpform_pick_fields(struct form *f, struct tpform *t,
    const struct touchpoint *theirs, const struct changes *conflicts)
{
	for (size_t i = 0; i < conflicts->n; i++) {
		const struct change *c = &conflicts->v[i];
		char *items[2], *title;
		int got;

		items[0] = tpform_conflict_item(1, "его", c->old_value);
		items[1] = tpform_conflict_item(2, "ваше", c->new_value);
		title = xasprintf("Поле «%s»: какое значение записать?",
		    c->field);
		got = form_pick(f, title, (const char *const *)items, 2, 1);
		free(title);
		free(items[0]);
		free(items[1]);
		if (got < 0)
			return false;
		if (got == 0)
			touchpoint_take_part(&t->tp, theirs, c->field);
	}
	return true;
}

/*
 * Another clerk saved the fields this form changed (err says which, with
 * both values): the clerk reloads the touchpoint (their own edits
 * dropped), keeps their own values, or picks field by field; what the
 * other changed alone is kept in every case.  0 when saved; -1 with err
 * and the form open.
 */
static int
tpform_resolve(struct form *f, struct tpform *t,
    const struct changes *conflicts, const struct actor *who,
    struct error *err)
{
	static const char *const ways[] = {
		"1 Перечитать точку: ваши правки отбросить",
		"2 Оставить ваше: записать поверх его правки",
		"3 По полям: выбрать значение каждого поля",
	};
	struct touchpoint theirs;
	int way, rc = -1;

	touchpoint_init(&theirs);
	if (store_touchpoint_load(t->e->st, t->tp.id, &theirs, NULL,
	    err) != 0) {
		touchpoint_fini(&theirs);
		return -1;
	}
	form_say(f, true, "«%s»: у него «%s», у вас «%s»%s",
	    conflicts->v[0].field, conflicts->v[0].old_value,
	    conflicts->v[0].new_value, conflicts->n > 1 ? " и другие поля" :
	    "");
	way = form_pick(f, "Точку изменили и вы, и другой пользователь",
	    ways, 3, TP_CONFLICT_FIELDS);
	if (way == TP_CONFLICT_RELOAD) {
		record_copy_touchpoint(&t->orig, &theirs);
		record_copy_touchpoint(&t->tp, &theirs);
		tpform_reload(f);
		error_set(err, "точка перечитана: в форме то, что записал "
		    "другой пользователь");
	} else if (way == TP_CONFLICT_MINE || (way == TP_CONFLICT_FIELDS &&
	    tpform_pick_fields(f, t, &theirs, conflicts))) {
		rc = store_touchpoint_save_merged(t->e->st, t->proc.id, &theirs,
		    &t->tp, t->e->cat, who, NULL, err);
		/* Undo goes back to what the list held, their change kept. */
		if (rc == 0)
			record_copy_touchpoint(&t->orig, &theirs);
	}
	touchpoint_fini(&theirs);
	return rc;
}

/* Save tp, merging what another clerk saved meanwhile (store_edit.h);
 * their change of the same fields goes to the clerk (tpform_resolve).
 * *merged tells that their change is kept beside the clerk's. */
static int
tpform_store(struct form *f, struct tpform *t, const struct actor *who,
    bool *merged, struct error *err)
{
	struct changes conflicts;
	struct touchpoint now;
	struct error ignored;
	int64_t was = t->tp.version;
	bool stale;
	int rc;

	/* What the list holds now: undo of a merged save goes back to it,
	 * never to the form's stale copy (that would drop their change). */
	touchpoint_init(&now);
	stale = t->tp.id != 0 && store_touchpoint_load(t->e->st, t->tp.id,
	    &now, NULL, &ignored) == 0 && now.version != was;
	changes_init(&conflicts);
	rc = store_touchpoint_save_merged(t->e->st, t->proc.id,
	    t->tp.id != 0 ? &t->orig : NULL, &t->tp, t->e->cat, who,
	    &conflicts, err);
	if (rc != 0 && conflicts.n > 0)
		rc = tpform_resolve(f, t, &conflicts, who, err);
	else if (rc == 0 && stale)
		record_copy_touchpoint(&t->orig, &now);
	changes_fini(&conflicts);
	touchpoint_fini(&now);
	*merged = rc == 0 && t->tp.id != 0 && t->tp.version > was + 1;
	return rc;
}

/* Save the touchpoint (one transaction), then the acknowledgements the
 * justification makes (a second one), and remember it for undo. */
static int
tpform_save(struct form *f, struct error *err)
{
	struct tpform *t = f->rec;
	struct actor who;
	struct error ack_err;
	char note[128] = "";
	size_t warnings = findings_count(&f->found, LEVEL_WARNING, true);
	bool added = t->tp.id == 0, changed, merged = false;
	int64_t pos;

	if (edit_actor(t->e, &who, err) != 0)
		return -1;
	tpform_tidy(t);
	/* Only a justification typed: the record itself stays as it is. */
	changed = added || !record_same_touchpoint(&t->orig, &t->tp);
	if (changed && tpform_store(f, t, &who, &merged, err) != 0)
		return -1;
	pos = added ? (int64_t)t->proc.ntps + 1 : (int64_t)t->ti + 1;
	t->key = (struct view_key){ t->proc_pos, t->proc.id, pos, t->tp.id };
	if (changed)
		tpform_push_undo(t);
	if (tpform_save_acks(f, t, &who, &ack_err) != 0) {
		snprintf(f->done_msg, sizeof f->done_msg, "Точка сохранена, "
		    "но обоснование не записано: %s", ack_err.msg);
		return 0;
	}
	if (warnings > 0 && t->justification[0] != '\0')
		snprintf(note, sizeof note, " (предупреждения приняты с "
		    "обоснованием)");
	else if (warnings > 0)
		snprintf(note, sizeof note, " (предупреждений: %zu — см. "
		    "проверку, !)", warnings);
	snprintf(f->done_msg, sizeof f->done_msg, "%s точка %lld.%lld%s%s «%s»",
	    added ? "Добавлена" : "Сохранена", (long long)t->proc_pos,
	    (long long)pos, merged ? " (с правкой другого пользователя)" : "",
	    note, t->tp.name);
	return 0;
}

static const struct form_ops tpform_ops = {
	.build = tpform_build,
	.set_text = tpform_set_text,
	.choose = tpform_choose,
	.pick = tpform_pick,
	.list_op = tpform_list_op,
	.leave = tpform_leave,
	.check = tpform_check,
	.reload = tpform_reload,
	.dirty = tpform_dirty,
	.save = tpform_save,
};

/* Read the process, the touchpoint and the acknowledgements. */
static int
tpform_load(struct tpform *t, const struct view_key *pkey, int64_t tp_id,
    struct error *err)
{
	if (store_process_load(t->e->st, pkey->proc_id, &t->proc, err) != 0 ||
	    store_ack_list(t->e->st, &t->acks, err) != 0)
		return -1;
	t->pi = pkey->proc_pos > 0 ? (size_t)pkey->proc_pos - 1 : 0;
	t->proc_pos = pkey->proc_pos;
	t->ti = FINDING_NONE;
	for (size_t i = 0; i < t->proc.ntps; i++)
		if (t->proc.tps[i].id == tp_id)
			t->ti = i;
	if (tp_id != 0 && t->ti == FINDING_NONE)
		return error_set(err, "точка взаимодействия удалена другим "
		    "пользователем");
	if (tp_id != 0)
		record_copy_touchpoint(&t->orig, &t->proc.tps[t->ti]);
	record_copy_touchpoint(&t->tp, &t->orig);
	t->cat_manual = xcalloc(t->tp.nneeds + 1, sizeof *t->cat_manual);
	for (size_t i = 0; i < t->tp.nneeds; i++)
		t->cat_manual[i] = t->tp.needs[i].category != 0;
	return 0;
}

/* Free the form's state. */
static void
tpform_fini(struct tpform *t)
{
	process_fini(&t->proc);
	touchpoint_fini(&t->orig);
	touchpoint_fini(&t->tp);
	free(t->cat_manual);
	free(t->justification);
	acks_fini(&t->acks);
}

enum dialog_result
form_touchpoint(struct edit *e, const struct view_key *pkey, int64_t tp_id,
    enum field field, size_t item, struct view_key *key)
{
	struct tpform t;
	struct form f;
	struct error err;
	enum dialog_result res;
	char *title;

	memset(&t, 0, sizeof t);
	t.e = e;
	t.justification = xstrdup("");
	touchpoint_init(&t.orig);
	touchpoint_init(&t.tp);
	acks_init(&t.acks);
	if (tpform_load(&t, pkey, tp_id, &err) != 0) {
		edit_say(e, true, "%s", err.msg);
		tpform_fini(&t);
		return DIALOG_CANCEL;
	}
	if (tp_id == 0)
		title = xasprintf("Новая точка взаимодействия — процесс "
		    "%lld. %s", (long long)t.proc_pos, t.proc.name);
	else
		title = xasprintf("Точка %lld.%zu — правка",
		    (long long)t.proc_pos, t.ti + 1);
	form_init(&f, &tpform_ops, &t, e, title);
	free(title);
	form_refresh(&f);
	form_focus(&f, TP_ROW_NAME, FORM_NO_ITEM);
	if (field != FIELD_NONE) {
		/* Come from the findings: show them all, as before saving. */
		f.armed = true;
		form_refresh(&f);
		form_focus_field(&f, field, item);
	}
	res = form_run(&f);
	if (res == DIALOG_OK) {
		*key = t.key;
		edit_say(e, false, "%s", f.done_msg);
	}
	form_fini(&f);
	tpform_fini(&t);
	return res;
}
