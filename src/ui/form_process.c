/* form_process.c - the process form: a new process, or a new name. */
#include "form.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

enum {
	PF_ROW_NAME = 1,
	PF_ROW_NOTE
};

struct pform {
	struct edit	*e;
	int64_t		 id;		/* 0: a new process, until added */
	bool		 adding;
	int64_t		 pos;		/* its № (0 until added) */
	char		*orig;
	char		*name;
	struct view_key	 key;
};

/* The name, and for a new process where it will stand. */
static void
pform_build(struct form *f)
{
	struct pform *p = f->rec;
	struct form_row *r;

	r = form_add_row(f, ROW_WRAP, PF_ROW_NAME, FORM_NO_ITEM,
	    "Название процесса:", p->name);
	r->field = FIELD_NAME;
	model_set(&r->hint, "например: Консультирование");
	r->collect = true;
	if (p->adding)
		form_add_row(f, ROW_INFO, PF_ROW_NOTE, FORM_NO_ITEM, "",
		    "Процесс встанет последним; точки в него добавляются "
		    "клавишей a на его строке.");
}

/* The name as typed. */
static void
pform_set_text(struct form *f, const struct form_row *r, const char *text)
{
	struct pform *p = f->rec;

	(void)r;
	model_set(&p->name, text);
}

/* R1: a process has a name (its other rules are about its touchpoints,
 * shown on the findings screen). */
static void
pform_check(struct form *f, bool full, struct findings *out)
{
	struct pform *p = f->rec;
	char *sq = utf8_squeeze(p->name);

	(void)full;
	if (sq[0] == '\0')
		findings_add(out, RULE_R1, 0, p->id, FINDING_NONE, 0,
		    FIELD_NAME, FINDING_NONE, "п. 2.1: у процесса должно быть "
		    "название");
	free(sq);
}

/* True if the name changed. */
static bool
pform_dirty(struct form *f)
{
	struct pform *p = f->rec;

	return strcmp(p->orig, p->name) != 0;
}

/* Add the process or rename it; a rename can be undone. */
static int
pform_save(struct form *f, struct error *err)
{
	struct pform *p = f->rec;
	struct undo_entry u;
	struct actor who;
	int64_t count;
	char *name = utf8_squeeze(p->name);
	int rc;

	if (edit_actor(p->e, &who, err) != 0) {
		free(name);
		return -1;
	}
	if (p->adding) {
		rc = store_process_add(p->e->st, name, &who, &p->id, err);
		if (rc == 0 && store_view_process_count(p->e->table->v, &count,
		    err) == 0)
			p->pos = count;
	} else {
		rc = strcmp(p->orig, name) == 0 ? 0 :
		    store_process_rename(p->e->st, p->id, name, &who, err);
	}
	if (rc != 0) {
		free(name);
		return -1;
	}
	p->key = (struct view_key){ p->pos, p->id, VIEW_KEY_PROCESS,
	    VIEW_KEY_PROCESS };
	if (!p->adding && strcmp(p->orig, name) != 0) {
		undo_entry_init(&u, UNDO_PROC_RENAME);
		u.proc_id = p->id;
		model_set(&u.text_before, p->orig);
		model_set(&u.text_after, name);
		u.key = p->key;
		undo_push(&p->e->undo, &u);
	}
	snprintf(f->done_msg, sizeof f->done_msg, "%s процесс %lld «%s»",
	    p->adding ? "Добавлен" : "Переименован",
	    (long long)p->pos, name);
	free(name);
	return 0;
}

static const struct form_ops pform_ops = {
	.build = pform_build,
	.set_text = pform_set_text,
	.check = pform_check,
	.dirty = pform_dirty,
	.save = pform_save,
};

enum dialog_result
form_process(struct edit *e, int64_t proc_id, struct view_key *key)
{
	struct process proc;
	struct pform p;
	struct form f;
	struct error err;
	enum dialog_result res;
	const struct view_row *row = table_current(e->table);
	char *title;

	memset(&p, 0, sizeof p);
	memset(&proc, 0, sizeof proc);
	p.e = e;
	p.id = proc_id;
	p.adding = proc_id == 0;
	if (proc_id != 0 && store_process_load(e->st, proc_id, &proc,
	    &err) != 0) {
		edit_say(e, true, "%s", err.msg);
		process_fini(&proc);
		return DIALOG_CANCEL;
	}
	p.orig = xstrdup(proc_id != 0 ? proc.name : "");
	p.name = xstrdup(p.orig);
	p.pos = proc_id != 0 && row != NULL ? row->proc_number : 0;
	process_fini(&proc);
	if (proc_id == 0)
		title = xstrdup("Новый процесс взаимодействия с клиентом");
	else
		title = xasprintf("Процесс %lld — название", (long long)p.pos);
	form_init(&f, &pform_ops, &p, e, title);
	free(title);
	form_refresh(&f);
	res = form_run(&f);
	if (res == DIALOG_OK) {
		*key = p.key;
		edit_say(e, false, "%s", f.done_msg);
	}
	form_fini(&f);
	free(p.orig);
	free(p.name);
	return res;
}
