/*
 * undo.c - undo and redo of the edits saved in this session.  Each saved
 * edit leaves the record's states before and after it; undo saves the
 * "before" back through the store's edit functions (a change of its own,
 * in its own transaction, logged like any other), redo the "after".  A
 * record changed since by someone else is left alone: the state it is in
 * must be the one the edit left.  Undoing an addition deletes the
 * touchpoint while no approved revision holds it (the approved list never
 * knew it; redo adds it anew); one an approved revision holds is excluded
 * instead (п. 5.3.4), and redo brings it back.
 */
#include "form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The most edits remembered; the oldest go first. */
#define UNDO_MAX 500
/* Why a touchpoint whose addition was undone stands excluded. */
#define UNDO_ADD_REASON "добавление отменено (правка отменена в редакторе)"

void
undo_init(struct undo *u)
{
	memset(u, 0, sizeof *u);
}

void
undo_entry_init(struct undo_entry *e, enum undo_kind kind)
{
	memset(e, 0, sizeof *e);
	e->kind = kind;
	touchpoint_init(&e->before);
	touchpoint_init(&e->after);
	e->text_before = xstrdup("");
	e->text_after = xstrdup("");
	list_header_init(&e->hbefore);
	list_header_init(&e->hafter);
}

void
undo_entry_fini(struct undo_entry *e)
{
	touchpoint_fini(&e->before);
	touchpoint_fini(&e->after);
	free(e->text_before);
	free(e->text_after);
	list_header_fini(&e->hbefore);
	list_header_fini(&e->hafter);
}

/* Forget what redo could do again. */
static void
undo_forget_undone(struct undo *u)
{
	for (size_t i = 0; i < u->nundone; i++)
		undo_entry_fini(&u->undone[i]);
	u->nundone = 0;
}

void
undo_fini(struct undo *u)
{
	for (size_t i = 0; i < u->ndone; i++)
		undo_entry_fini(&u->done[i]);
	undo_forget_undone(u);
	free(u->done);
	free(u->undone);
	memset(u, 0, sizeof *u);
}

/* Append e to a stack, dropping the oldest past UNDO_MAX. */
static void
undo_stack_push(struct undo_entry **v, size_t *n, size_t *cap,
    const struct undo_entry *e)
{
	if (*n == UNDO_MAX) {
		undo_entry_fini(&(*v)[0]);
		memmove(*v, *v + 1, (*n - 1) * sizeof **v);
		(*n)--;
	}
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*v = xreallocarray(*v, *cap, sizeof **v);
	}
	(*v)[(*n)++] = *e;
}

void
undo_push(struct undo *u, struct undo_entry *e)
{
	if (e->kind == UNDO_TP_ADD) {
		/* Before the addition: as if excluded (nothing is deleted). */
		record_copy_touchpoint(&e->before, &e->after);
		e->before.excluded = true;
		model_set(&e->before.exclude_reason, UNDO_ADD_REASON);
	}
	undo_forget_undone(u);
	undo_stack_push(&u->done, &u->ndone, &u->capdone, e);
}

/* The touchpoint's state from expected to target: exclusion and
 * restoring through their own functions, anything else by saving. */
static int
undo_tp_state(struct edit *e, const struct undo_entry *u,
    const struct touchpoint *expected, const struct touchpoint *target,
    bool back, const struct actor *who, struct error *err)
{
	struct touchpoint cur, flipped;
	int64_t proc_id;
	int rc;

	touchpoint_init(&cur);
	touchpoint_init(&flipped);
	if (store_touchpoint_load(e->st, u->tp_id, &cur, &proc_id, err) != 0) {
		touchpoint_fini(&cur);
		return -1;
	}
	if (!record_same_touchpoint(&cur, expected)) {
		rc = error_set(err, "%s нельзя: точку «%s» после этой правки "
		    "изменили (другой пользователь или правка вне редактора)",
		    back ? "отменить" : "повторить", cur.name);
		goto done;
	}
	record_copy_touchpoint(&flipped, &cur);
	flipped.excluded = target->excluded;
	model_set(&flipped.exclude_reason, target->exclude_reason);
	if (cur.excluded != target->excluded &&
	    record_same_touchpoint(&flipped, target))
		rc = target->excluded ? store_touchpoint_exclude(e->st,
		    u->tp_id, target->exclude_reason, e->cat, who, err) :
		    store_touchpoint_restore(e->st, u->tp_id, e->cat, who, err);
	else {
		record_copy_touchpoint(&flipped, target);
		flipped.id = u->tp_id;
		flipped.version = cur.version;
		rc = store_touchpoint_save(e->st, proc_id, &flipped, e->cat,
		    who, err);
	}
done:
	touchpoint_fini(&cur);
	touchpoint_fini(&flipped);
	return rc;
}

/* Undo an addition: delete the touchpoint unless an approved revision
 * holds it, in which case it is excluded as any other. */
static int
undo_tp_add_back(struct edit *e, struct undo_entry *u,
    const struct actor *who, struct error *err)
{
	struct touchpoint cur;
	bool held = true;
	int rc;

	touchpoint_init(&cur);
	rc = store_touchpoint_load(e->st, u->tp_id, &cur, NULL, err);
	if (rc == 0 && !record_same_touchpoint(&cur, &u->after))
		rc = error_set(err, "отменить нельзя: точку «%s» после этой "
		    "правки изменили (другой пользователь или правка вне "
		    "редактора)", cur.name);
	if (rc == 0)
		rc = store_touchpoint_in_revision(e->st, u->tp_id, &held, err);
	if (rc == 0 && !held)
		rc = store_touchpoint_withdraw(e->st, u->tp_id, cur.version,
		    who, err);
	else if (rc == 0)
		rc = undo_tp_state(e, u, &u->after, &u->before, true, who, err);
	if (rc == 0)
		u->withdrawn = !held;
	touchpoint_fini(&cur);
	return rc;
}

/* Redo a withdrawn addition: the touchpoint is added anew, at the end of
 * its process as before, under a new id. */
static int
undo_tp_add_again(struct edit *e, struct undo_entry *u,
    const struct actor *who, struct error *err)
{
	struct touchpoint tp;
	int rc;

	touchpoint_init(&tp);
	record_copy_touchpoint(&tp, &u->after);
	tp.id = 0;
	tp.version = 0;
	for (size_t i = 0; i < tp.nneeds; i++)
		tp.needs[i].id = 0;
	rc = store_touchpoint_save(e->st, u->proc_id, &tp, e->cat, who, err);
	if (rc == 0) {
		u->tp_id = tp.id;
		u->withdrawn = false;
		rc = store_touchpoint_load(e->st, tp.id, &u->after, NULL, err);
	}
	touchpoint_fini(&tp);
	return rc;
}

/* A process's name from expected to target. */
static int
undo_proc_name(struct edit *e, const struct undo_entry *u,
    const char *expected, const char *target, bool back,
    const struct actor *who, struct error *err)
{
	struct process p;
	int rc;

	memset(&p, 0, sizeof p);
	rc = store_process_load(e->st, u->proc_id, &p, err);
	if (rc == 0 && strcmp(p.name, expected) != 0)
		rc = error_set(err, "%s нельзя: процесс «%s» после этой правки "
		    "переименовали", back ? "отменить" : "повторить", p.name);
	if (rc == 0)
		rc = store_process_rename(e->st, u->proc_id, target, who, err);
	process_fini(&p);
	return rc;
}

/* A process out of the list (reason) or back in (reason NULL); the store
 * refuses if someone else already did either since. */
static int
undo_proc_exclusion(struct edit *e, const struct undo_entry *u,
    const char *reason, const struct actor *who, struct error *err)
{
	if (reason != NULL)
		return store_process_exclude(e->st, u->proc_id, reason, who,
		    err);
	return store_process_restore(e->st, u->proc_id, who, err);
}

/* The header's words from expected to target (the order's kept). */
static int
undo_header(struct edit *e, const struct list_header *expected,
    const struct list_header *target, bool back, const struct actor *who,
    struct error *err)
{
	struct list_header cur;
	int rc;

	list_header_init(&cur);
	rc = store_get_header(e->st, &cur, err);
	if (rc == 0 && (strcmp(cur.org, expected->org) != 0 ||
	    strcmp(cur.title, expected->title) != 0 ||
	    strcmp(cur.area, expected->area) != 0 ||
	    strcmp(cur.org_genitive, expected->org_genitive) != 0))
		rc = error_set(err, "%s нельзя: заголовок перечня после этой "
		    "правки изменили", back ? "отменить" : "повторить");
	if (rc == 0) {
		model_set(&cur.org, target->org);
		model_set(&cur.title, target->title);
		model_set(&cur.area, target->area);
		model_set(&cur.org_genitive, target->org_genitive);
		rc = store_header_save(e->st, &cur, who, err);
	}
	if (rc == 0) {
		model_set(&e->hdr->org, cur.org);
		model_set(&e->hdr->title, cur.title);
		model_set(&e->hdr->area, cur.area);
		model_set(&e->hdr->org_genitive, cur.org_genitive);
	}
	list_header_fini(&cur);
	return rc;
}

/* What an entry is, for the message line. */
static void
undo_describe(const struct undo_entry *u, bool back, char *what,
    size_t whatlen)
{
	const char *verb = back ? "Отменено" : "Повторено";

	switch (u->kind) {
	case UNDO_TP_SAVE:
		snprintf(what, whatlen, "%s: правка точки «%s»", verb,
		    u->after.name);
		break;
	case UNDO_TP_ADD:
		if (back && u->withdrawn)
			snprintf(what, whatlen, "Добавление отозвано: точка «%s» "
			    "удалена (Ctrl-R — вернуть)", u->after.name);
		else if (back)
			snprintf(what, whatlen, "Добавление отменено: точка "
			    "есть в утверждённой редакции и потому исключена "
			    "(п. 5.3.4; Ctrl-R — вернуть) — %s", u->after.name);
		else
			snprintf(what, whatlen, "Повторено: точка «%s» снова "
			    "в перечне", u->after.name);
		break;
	case UNDO_TP_EXCLUDE:
		snprintf(what, whatlen, "%s: исключение точки «%s»", verb,
		    u->after.name);
		break;
	case UNDO_TP_RESTORE:
		snprintf(what, whatlen, "%s: возвращение точки «%s»", verb,
		    u->after.name);
		break;
	case UNDO_TP_MOVE:
		snprintf(what, whatlen, "%s: перестановка точки «%s»", verb,
		    u->after.name);
		break;
	case UNDO_PROC_RENAME:
		snprintf(what, whatlen, "%s: переименование процесса «%s»",
		    verb, back ? u->text_after : u->text_before);
		break;
	case UNDO_PROC_MOVE:
		snprintf(what, whatlen, "%s: перестановка процесса «%s»", verb,
		    u->text_after);
		break;
	case UNDO_HEADER:
		snprintf(what, whatlen, "%s: правка заголовка перечня", verb);
		break;
	case UNDO_PROC_EXCLUDE:
		snprintf(what, whatlen, "%s: исключение процесса «%s»", verb,
		    u->after.name);
		break;
	case UNDO_PROC_RESTORE:
		snprintf(what, whatlen, "%s: возвращение процесса «%s»", verb,
		    u->after.name);
		break;
	}
}

/* Apply entry u backwards (undo) or forwards (redo). */
static int
undo_apply(struct edit *e, struct undo_entry *u, bool back,
    const struct actor *who, struct error *err)
{
	int delta = back ? -u->delta : u->delta;

	switch (u->kind) {
	case UNDO_TP_ADD:
		if (back)
			return undo_tp_add_back(e, u, who, err);
		if (u->withdrawn)
			return undo_tp_add_again(e, u, who, err);
		return undo_tp_state(e, u, &u->before, &u->after, false, who,
		    err);
	case UNDO_TP_SAVE:
	case UNDO_TP_EXCLUDE:
	case UNDO_TP_RESTORE:
		return undo_tp_state(e, u, back ? &u->after : &u->before,
		    back ? &u->before : &u->after, back, who, err);
	case UNDO_TP_MOVE:
		if (store_touchpoint_move(e->st, u->tp_id, delta, who,
		    err) != 0)
			return -1;
		u->key.tp_pos += delta;
		return 0;
	case UNDO_PROC_RENAME:
		return undo_proc_name(e, u, back ? u->text_after :
		    u->text_before, back ? u->text_before : u->text_after, back,
		    who, err);
	case UNDO_PROC_MOVE:
		if (store_process_move(e->st, u->proc_id, delta, who, err) != 0)
			return -1;
		u->key.proc_pos += delta;
		return 0;
	case UNDO_HEADER:
		return undo_header(e, back ? &u->hafter : &u->hbefore,
		    back ? &u->hbefore : &u->hafter, back, who, err);
	case UNDO_PROC_EXCLUDE:
		return undo_proc_exclusion(e, u, back ? NULL : u->text_after,
		    who, err);
	case UNDO_PROC_RESTORE:
		return undo_proc_exclusion(e, u, back ? u->text_before : NULL,
		    who, err);
	}
	return error_set(err, "неизвестная правка");
}

/* Move the newest entry of one stack to the other once it is applied. */
static int
undo_step(struct edit *e, struct undo_entry **from, size_t *nfrom,
    struct undo_entry **to, size_t *nto, size_t *capto, bool back,
    char *what, size_t whatlen, struct view_key *key, struct error *err)
{
	struct undo_entry *u;
	struct actor who;

	if (*nfrom == 0)
		return 0;
	u = &(*from)[*nfrom - 1];
	if (edit_actor(e, &who, err) != 0 ||
	    undo_apply(e, u, back, &who, err) != 0)
		return -1;
	undo_describe(u, back, what, whatlen);
	*key = u->key;
	if (u->kind == UNDO_TP_ADD && u->withdrawn) {
		/* Its row is gone: stand on its process instead. */
		key->tp_pos = VIEW_KEY_PROCESS;
		key->tp_id = VIEW_KEY_PROCESS;
	}
	undo_stack_push(to, nto, capto, u);
	(*nfrom)--;
	return 1;
}

int
undo_undo(struct undo *u, struct edit *e, char *what, size_t whatlen,
    struct view_key *key, struct error *err)
{
	return undo_step(e, &u->done, &u->ndone, &u->undone, &u->nundone,
	    &u->capundone, true, what, whatlen, key, err);
}

int
undo_redo(struct undo *u, struct edit *e, char *what, size_t whatlen,
    struct view_key *key, struct error *err)
{
	return undo_step(e, &u->undone, &u->nundone, &u->done, &u->ndone,
	    &u->capdone, false, what, whatlen, key, err);
}
