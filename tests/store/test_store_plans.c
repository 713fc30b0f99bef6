/*
 * test_store_plans.c - no query the editor, diff, export, status or search
 * runs scans a table that grows with the list.
 *
 * A 10,000-touchpoint list is built, approved, edited and approved again;
 * then the editor's paging and search, the revisions' loading (diff,
 * export --revision), the working copy's loading (export) and the
 * reminder's facts run with a statement trace on.  Every distinct
 * statement traced is then planned with EXPLAIN QUERY PLAN and fails the
 * test on a SCAN of a growing table, unless it is one of the few whole-
 * list walks a batch command makes once (allowed below, each with why).
 * Collecting the statements from a trace, rather than listing them here,
 * keeps a query added later from escaping the check.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/store/store_int.h"
#include "store.h"
#include "store_changed.h"
#include "store_edit.h"
#include "store_history.h"
#include "store_review.h"
#include "store_status.h"
#include "store_view.h"
#include "store_walk.h"
#include "buf.h"
#include "strvec.h"
#include "catalog_fixture.h"
#include "header_fixture.h"
#include "store_scratch.h"
#include "list_fixture.h"

#define PROCESSES	100
#define PER_PROCESS	100

static const struct actor who = { "clerk", "2026-11-29T10:00:00Z" };

/* Tables whose rows grow with the list (and with its history). */
static const char *const growing[] = {
	"touchpoint", "need", "contact", "change_log", "rev_process",
	"rev_touchpoint", "rev_need", "rev_contact", "ack", "review_item",
};

/*
 * The single whole-table walks of batch commands, each run once per
 * command: a statement containing sql may scan table (by name or alias)
 * once per entry.  Anything else that scans fails.
 */
static const struct allowed {
	const char *sql;
	const char *table;
	const char *why;
} allowed[] = {
	{ "FROM touchpoint ORDER BY", "touchpoint",
	  "a whole-table walk, allowed once (the check's own test below)" },
	{ "FROM ack a JOIN process p", "ack",
	  "the acknowledgements of a whole-list check, read once" },
	{ "(SELECT count(*) FROM touchpoint)", "touchpoint",
	  "store_count: import's report and approval count once" },
	{ "(SELECT count(*) FROM need)", "need",
	  "store_count: import's report counts needs once" },
	{ "INSERT INTO rev_touchpoint", "touchpoint",
	  "approval freezes every touchpoint once" },
	{ "INSERT INTO rev_need", "need", "approval freezes every need once" },
	{ "INSERT INTO rev_contact", "contact",
	  "approval freezes every contact once" },
	{ "SELECT * FROM rev_process WHERE revision_id = ?1", "rev_process",
	  "store_chain hashes a revision's frozen list once (approval, "
	  "verify)" },
	{ "SELECT * FROM rev_touchpoint WHERE revision_id = ?1",
	  "rev_touchpoint", "store_chain hashes a revision once" },
	{ "SELECT * FROM rev_contact WHERE revision_id = ?1", "rev_contact",
	  "store_chain hashes a revision once" },
	{ "SELECT * FROM rev_need WHERE revision_id = ?1", "rev_need",
	  "store_chain hashes a revision once" },
	{ "SELECT id, excluded FROM rev_process WHERE revision_id = ?1",
	  "rev_process", "store_list_processes: export and diff number the "
	  "revision's processes once" },
	{ "FROM rev_process WHERE revision_id = ?1 ORDER BY", "rev_process",
	  "store_list_each_process (check, diff, export --revision) walks "
	  "the revision's processes once; their touchpoints, contacts and "
	  "needs by index" },
	{ "SELECT count(*) FROM rev_touchpoint t JOIN rev_process p",
	  "rev_touchpoint", "store_walk_amend counts the rows the revision "
	  "prints once, for the choice to restate the list" },
	{ "(SELECT id FROM touchpoint WHERE kind=", "touchpoint",
	  "a kind renamed re-indexes its touchpoints (no command renames a "
	  "kind; the trigger covers an edit by hand)" },
};

#define NALLOWED (sizeof allowed / sizeof allowed[0])

struct traced {
	struct strvec sql;	/* distinct statements, as prepared */
};

static bool
seen(const struct strvec *sv, const char *s)
{
	for (size_t i = 0; i < sv->n; i++)
		if (strcmp(sv->v[i], s) == 0)
			return true;
	return false;
}

/* SQLITE_TRACE_STMT: x is the statement's text ("-- …" inside a
 * trigger, whose statements the trace does not give apart). */
static int
on_trace(unsigned type, void *ctx, void *p, void *x)
{
	struct traced *t = ctx;
	const char *sql = x;

	(void)type;
	(void)p;
	if (sql != NULL && strncmp(sql, "--", 2) != 0 && !seen(&t->sql, sql))
		strvec_push(&t->sql, sql);
	return 0;
}

/* The list: PROCESSES processes of PER_PROCESS touchpoints, every third
 * touchpoint with three needs, every one with a contact (gen-list.sh's
 * shape, with contacts). */
static void
build_list(struct list *l)
{
	char name[96];

	for (int p = 1; p <= PROCESSES; p++) {
		struct process *pr;

		snprintf(name, sizeof name, "Информирование %d", p);
		pr = list_add_process(l, name);
		for (int t = 1; t <= PER_PROCESS; t++) {
			struct touchpoint *tp;

			snprintf(name, sizeof name, "Официальный сайт %d.%d",
			    p, t);
			tp = process_add_touchpoint(pr, name);
			tp->channel = CHANNEL_DIGITAL;
			model_set(&tp->kind, "site");
			touchpoint_add_need(tp, "получение информации", 1);
			if (t % 3 == 0) {
				touchpoint_add_need(tp,
				    "получение консультации", 2);
				touchpoint_add_need(tp,
				    "представление документов", 3);
			}
			snprintf(name, sizeof name,
			    "https://example.ru/%d/%d", p, t);
			touchpoint_add_contact(tp, CONTACT_URL, name);
		}
	}
}

struct fixture {
	char	 path[64];
	struct catalog cat;
	struct store *st;
	struct traced trace;
};

static void
open_list(struct fixture *f)
{
	open_with_list(&f->st, f->path, sizeof f->path, "plans", &f->cat,
	    build_list, &who);
}

static void
approve(struct fixture *f, const char *order_no)
{
	struct store_approval_request rq = { order_no, "2026-11-30",
	    { true, true }, NULL, NULL };
	struct store_approval_gate g;
	int64_t rev;
	struct error err;

	store_approval_gate_init(&g);
	if (store_revision_approve_checked(f->st, &rq, &who, &g, &rev,
	    &err) != 0)
		fail_msg("%s", err.msg);
	store_approval_gate_fini(&g);
}

/* A touchpoint near the end renamed and one process renamed: the log,
 * the status and the second revision have something to differ by. */
static void
edit_some(struct fixture *f)
{
	struct touchpoint tp;
	int64_t proc = 0, id = 0;
	struct error err;

	if (store_process_find(f->st, PROCESSES, &proc, &err) != 0 ||
	    store_touchpoint_find(f->st, PROCESSES, PER_PROCESS - 1, &id,
	    &err) != 0)
		fail_msg("%s", err.msg);
	touchpoint_init(&tp);
	assert_int_equal(store_touchpoint_load(f->st, id, &tp, NULL, &err), 0);
	model_set(&tp.name, "Официальный сайт, раздел «Ёлки»");
	if (store_touchpoint_save(f->st, proc, &tp, &f->cat, &who, &err) != 0)
		fail_msg("%s", err.msg);
	touchpoint_fini(&tp);
	if (store_process_rename(f->st, proc, "Информирование по почте", &who,
	    &err) != 0)
		fail_msg("%s", err.msg);
}

/* What the editor does: pages from the start, the middle and the end,
 * a touchpoint in full, and searches both ways with and without a wrap. */
/* The table's marks of the rows changed since the revision, per row. */
static void
mark_changed_rows(struct fixture *f, const struct view_row *rows, size_t n)
{
	struct error err;
	int64_t rev;
	bool changed;

	assert_int_equal(store_changed_revision(f->st, &rev, &err), 0);
	assert_true(rev > 0);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(rows[i].type == VIEW_ROW_PROCESS ?
		    store_changed_process(f->st, rev, rows[i].key.proc_id,
		    &changed, &err) : store_changed_touchpoint(f->st, rev,
		    rows[i].key.tp_id, &changed, &err), 0);
}

static void
use_the_editor(struct fixture *f)
{
	struct view_row rows[40];
	struct view_key found;
	struct store_view *v;
	struct touchpoint tp;
	int64_t count;
	size_t got;
	bool wrapped;
	struct error err;

	assert_int_equal(store_view_new(f->st, &v, &err), 0);
	assert_int_equal(store_view_rows_from(v, NULL, 40, NULL, rows, &got,
	    &err), 0);
	assert_int_equal(got, 40);
	mark_changed_rows(f, rows, got);
	store_view_rows_free(rows, got);
	assert_int_equal(store_view_rows_before(v, NULL, 40, NULL, rows, &got,
	    &err), 0);
	assert_int_equal(got, 40);
	found = rows[0].key;
	store_view_rows_free(rows, got);
	assert_int_equal(store_view_rows_after(v, &found, 40, NULL, rows,
	    &got, &err), 0);
	store_view_rows_free(rows, got);
	assert_int_equal(store_view_process_count(v, &count, &err), 0);
	assert_int_equal(count, PROCESSES);
	touchpoint_init(&tp);
	assert_int_equal(store_view_touchpoint(v, found.tp_id, &tp, &err), 1);
	touchpoint_fini(&tp);
	assert_int_equal(store_view_search(v, NULL, "ёлки", VIEW_FORWARD,
	    &found, &wrapped, &err), 1);
	assert_int_equal(found.tp_pos, PER_PROCESS - 1);
	assert_int_equal(store_view_search(v, &found, "ёлки", VIEW_BACKWARD,
	    &found, &wrapped, &err), 1);
	assert_true(wrapped);
	assert_int_equal(store_view_search(v, NULL, "по почте", VIEW_BACKWARD,
	    &found, &wrapped, &err), 1);
	assert_int_equal(store_view_search(v, NULL, "example.ru/7/",
	    VIEW_FORWARD, &found, &wrapped, &err), 1);
	assert_int_equal(store_view_search(v, NULL, "нет такого",
	    VIEW_FORWARD, &found, &wrapped, &err), 0);
	store_view_free(v);
}

/* diff, export and export --revision: the working copy and both
 * revisions loaded whole; and the reminder's facts. */
static int
count_touchpoints(void *ctx, struct process *p, size_t index,
    struct error *err)
{
	size_t *n = ctx;

	(void)index;
	(void)err;
	*n += p->ntps;
	return 0;
}

static void
use_the_batch_readers(struct fixture *f)
{
	struct reminder_facts facts;
	struct list l;
	struct error err;

	for (int64_t rev = 1; rev <= 2; rev++) {
		list_init(&l);
		if (store_revision_load_list(f->st, rev, &l, &err) != 0)
			fail_msg("%s", err.msg);
		assert_int_equal(l.nprocs, PROCESSES);
		list_fini(&l);
	}
	list_init(&l);
	if (store_load_list(f->st, &l, &err) != 0)
		fail_msg("%s", err.msg);
	list_fini(&l);
	/* The walks of check, approve, diff and export, one process held. */
	for (int64_t rev = 0; rev <= 2; rev++) {
		size_t tps = 0;

		if (store_list_each_process(f->st, rev, count_touchpoints, &tps,
		    &err) != 0)
			fail_msg("%s", err.msg);
		assert_int_equal(tps, PROCESSES * PER_PROCESS);
	}
	/* diff's reads by id: a process, a touchpoint moved from another. */
	for (int64_t rev = 0; rev <= 2; rev++) {
		struct process p, holder;
		int64_t *ids = NULL;
		size_t n, printed;
		bool found;

		if (store_list_processes(f->st, rev, &ids, &n, &printed,
		    &err) != 0)
			fail_msg("%s", err.msg);
		assert_int_equal(n, PROCESSES);
		if (store_list_process(f->st, rev, ids[n / 2], &p, &found,
		    &err) != 0)
			fail_msg("%s", err.msg);
		assert_true(found);
		memset(&holder, 0, sizeof holder);
		if (store_list_touchpoint(f->st, rev, p.tps[0].id, &holder,
		    &found, &err) != 0)
			fail_msg("%s", err.msg);
		assert_true(found);
		assert_int_equal(holder.tps[0].nneeds, p.tps[0].nneeds);
		process_fini(&holder);
		process_fini(&p);
		free(ids);
	}
	reminder_facts_init(&facts);
	if (store_status_facts(f->st, &facts, &err) != 0)
		fail_msg("%s", err.msg);
	reminder_facts_fini(&facts);
}

static int
count_changes(void *ctx, struct store_walk *w, const struct store_walk_pair *p,
    struct error *err)
{
	size_t *n = ctx;

	(void)w;
	(void)err;
	*n += p->ch->n;
	return 0;
}

/* diff and order: revision 1 walked against the working copy and
 * revision 2 a process pair at a time, both ways round; a touchpoint
 * moved into another process (no command does it; the walk must still
 * find it) looked up by id. */
static void
use_the_walks(struct fixture *f)
{
	static const struct amend_style plain = { false, false, "", "", "" };
	sqlite3_stmt *st;
	struct amend a;
	int64_t id = 0;
	struct error err;

	if (store_touchpoint_find(f->st, 1, 1, &id, &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(sqlite3_prepare_v2(f->st->db, "UPDATE touchpoint SET "
	    "process_id = (SELECT max(id) FROM process) WHERE id = ?", -1, &st,
	    NULL), SQLITE_OK);
	sqlite3_bind_int64(st, 1, id);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	for (int64_t to = 0; to <= 2; to++) {
		size_t changes = 0, seen = 0;

		if (store_walk_amend(f->st, 1, to, &f->cat, &plain, &a,
		    &changes, &err) != 0 || store_walk(f->st, 1, to, &f->cat,
		    STORE_WALK_NEW, count_changes, &seen, &err) != 0)
			fail_msg("%s", err.msg);
		assert_int_equal(changes, seen);
		assert_int_equal(changes == 0, to == 1);
		assert_int_equal(a.moved, to == 0);
		amend_fini(&a);
	}
}

/* review and approval's gate: each scope chosen (the changed one on the
 * walk of the revision against the working copy), a session started on
 * the changed touchpoints and one accepted, what approval waits for. */
static void
use_the_review(struct fixture *f)
{
	struct review_marks m = { 0 };
	struct review_items items = { 0 };
	struct review_detail d;
	struct touchpoint tp;
	int64_t rev, id = 0;
	struct error err;

	/* One touchpoint changed since revision 2, mid-list. */
	if (store_touchpoint_find(f->st, PROCESSES / 2, 1, &id, &err) != 0)
		fail_msg("%s", err.msg);
	touchpoint_init(&tp);
	assert_int_equal(store_touchpoint_load(f->st, id, &tp, NULL, &err), 0);
	model_set(&tp.name, "Официальный сайт, раздел «Сосны»");
	if (store_touchpoint_save(f->st, 0, &tp, &f->cat, &who, &err) != 0)
		fail_msg("%s", err.msg);
	touchpoint_fini(&tp);
	for (int scope = 0; scope < 4; scope++) {
		if (store_review_scope(f->st, (enum review_scope)scope,
		    "отдел", &f->cat, &m, &rev, &err) != 0)
			fail_msg("%s", err.msg);
		assert_int_equal(rev, 2);
		if (scope == REVIEW_SCOPE_ALL)
			assert_int_equal(m.n, PROCESSES * PER_PROCESS);
		if (scope == REVIEW_SCOPE_CHANGED)
			assert_int_equal(m.n, 1);
		review_marks_fini(&m);
	}
	if (store_review_start(f->st, REVIEW_SCOPE_CHANGED, NULL, &f->cat,
	    &who, &id, &err) != 0 || store_review_seen(f->st, id, 0, &who,
	    &err) != 0)
		fail_msg("%s", err.msg);
	review_detail_init(&d);
	if (store_review_items(f->st, id, &items, &err) != 0 ||
	    store_review_detail(f->st, items.v[0].tp_id, &f->cat, &d,
	    &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(d.changes.n, 1);
	review_detail_fini(&d);
	review_items_fini(&items);
	if (store_review_verdict(f->st, id, 0, VERDICT_ACCEPTED, NULL, &who,
	    &err) != 0 || store_review_finish(f->st, id, &who, &err) != 0 ||
	    store_review_unaccepted(f->st, &f->cat, &m, &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(m.n, 0);
	review_marks_fini(&m);
}

/* Is word at s (len bytes) an SQL keyword that may follow a table name
 * where an alias would stand? */
static bool
is_keyword(const char *s, size_t len)
{
	static const char *const kw[] = { "WHERE", "ON", "JOIN", "LEFT",
	    "INNER", "CROSS", "ORDER", "GROUP", "LIMIT", "USING", "SET",
	    "VALUES", "UNION", "AS", "INDEXED", "NOT", "WINDOW", "HAVING" };

	for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++)
		if (strlen(kw[i]) == len && strncasecmp(s, kw[i], len) == 0)
			return true;
	return false;
}

static size_t
word_len(const char *s)
{
	size_t n = 0;

	while (isalnum((unsigned char)s[n]) || s[n] == '_')
		n++;
	return n;
}

/*
 * The growing table that name (len bytes) stands for in sql: the table
 * itself or an alias given it ("touchpoint t", "touchpoint AS t").
 * NULL if none.
 */
static const char *
growing_table(const char *sql, const char *name, size_t len)
{
	for (size_t i = 0; i < sizeof growing / sizeof growing[0]; i++) {
		const char *g = growing[i], *p = sql;
		size_t gl = strlen(g);

		if (gl == len && strncmp(g, name, len) == 0)
			return g;
		while ((p = strstr(p, g)) != NULL) {
			const char *a = p + gl;
			bool whole = (p == sql || !(isalnum((unsigned char)
			    p[-1]) || p[-1] == '_')) && word_len(a) == 0;

			p = a;
			if (!whole || *a != ' ')
				continue;
			a++;
			if (strncasecmp(a, "AS ", 3) == 0)
				a += 3;
			if (word_len(a) == len && !is_keyword(a, len) &&
			    strncmp(a, name, len) == 0)
				return g;
		}
	}
	return NULL;
}

/* An allowance of a scan of table in sql not used yet in this plan
 * (used marks it), or -1. */
static int
allowance(const char *sql, const char *table, bool used[NALLOWED])
{
	for (size_t i = 0; i < NALLOWED; i++)
		if (!used[i] && strstr(sql, allowed[i].sql) != NULL &&
		    strcmp(allowed[i].table, table) == 0) {
			used[i] = true;
			return (int)i;
		}
	return -1;
}

/*
 * A search of a frozen table by its revision alone walks the whole
 * revision, a list's worth of rows: a scan in all but name (what made
 * loading a revision process by process quadratic before schema 8).  So
 * does a search through an AUTOMATIC index, built by walking the table
 * each time the statement runs.
 */
static bool
walks_a_revision(const char *detail)
{
	const char *by = strstr(detail, " (revision_id=?)");

	if (strncmp(detail, "SEARCH ", 7) != 0 || by == NULL)
		return false;
	by += strlen(" (revision_id=?)");
	return *by == '\0' || strcmp(by, " LEFT-JOIN") == 0;
}

/* The scans of growing tables in sql's plan not allowed, reported;
 * returns how many. */
static int
bad_scans(sqlite3 *db, const char *sql)
{
	char *eqp = xasprintf("EXPLAIN QUERY PLAN %s", sql);
	bool used[NALLOWED] = { false };
	sqlite3_stmt *st;
	int bad = 0;

	if (sqlite3_prepare_v2(db, eqp, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	free(eqp);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *d = (const char *)sqlite3_column_text(st, 3);
		const char *table;

		const char *name;

		if (d == NULL)
			continue;
		if (strncmp(d, "SCAN ", 5) == 0)
			name = d + 5;
		else if (walks_a_revision(d) || (strncmp(d, "SEARCH ", 7) ==
		    0 && strstr(d, " AUTOMATIC ") != NULL))
			name = d + 7;
		else
			continue;
		table = growing_table(sql, name, word_len(name));
		if (table == NULL || allowance(sql, table, used) >= 0)
			continue;
		print_error("scan of %s (%s) in:\n  %s\n", table, d, sql);
		bad++;
	}
	sqlite3_finalize(st);
	return bad;
}

/*
 * The statements of the search index's triggers, each planned with its
 * NEW.x and OLD.x as a constant: the trace shows a trigger only by name.
 * Returns how many scans they make that are not allowed.
 */
static int
bad_trigger_scans(sqlite3 *db)
{
	sqlite3_stmt *st;
	int bad = 0, n = 0;

	assert_int_equal(sqlite3_prepare_v2(db, "SELECT sql FROM sqlite_schema "
	    "WHERE type = 'trigger' AND name LIKE 'tp_search_%'", -1, &st,
	    NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *sql = (const char *)sqlite3_column_text(st, 0);
		const char *body = strstr(sql, "BEGIN ");
		struct buf b;

		assert_non_null(body);
		buf_init(&b);
		for (const char *p = body + 6; *p != '\0'; p++) {
			if (strncmp(p, "NEW.", 4) == 0 ||
			    strncmp(p, "OLD.", 4) == 0) {
				buf_putc(&b, '1');
				p += 3 + word_len(p + 4);
			} else if (*p == ';') {
				bad += bad_scans(db, b.data);
				buf_reset(&b);
				n++;
			} else {
				buf_putc(&b, *p);
			}
		}
		buf_fini(&b);
	}
	sqlite3_finalize(st);
	assert_true(n >= 20);
	return bad;
}

static void
no_query_scans_a_growing_table(void **state)
{
	struct fixture f = { 0 };
	int bad = 0;

	(void)state;
	strvec_init(&f.trace.sql);
	open_list(&f);
	sqlite3_trace_v2(f.st->db, SQLITE_TRACE_STMT, on_trace, &f.trace);
	approve(&f, "1");
	edit_some(&f);
	approve(&f, "2");
	edit_some(&f);
	use_the_editor(&f);
	use_the_batch_readers(&f);
	use_the_review(&f);
	use_the_walks(&f);
	sqlite3_trace_v2(f.st->db, 0, NULL, NULL);
	assert_true(f.trace.sql.n > 20);
	for (size_t i = 0; i < f.trace.sql.n; i++)
		bad += bad_scans(f.st->db, f.trace.sql.v[i]);
	bad += bad_trigger_scans(f.st->db);
	store_close(f.st);
	scratch_remove(f.path);
	catalog_fini(&f.cat);
	strvec_fini(&f.trace.sql);
	assert_int_equal(bad, 0);
}

/* The check itself: a scan is found through an alias, an index seek is
 * not, and an allowed walk passes once. */
static void
the_check_finds_a_scan_through_an_alias(void **state)
{
	struct store *st;
	struct error err;

	(void)state;
	assert_int_equal(store_open(&st, ":memory:", STORE_CREATE, &err), 0);
	assert_int_equal(bad_scans(st->db, "SELECT t.id FROM touchpoint t "
	    "WHERE t.name = 'x'"), 1);
	assert_int_equal(bad_scans(st->db, "SELECT n.id FROM need AS n "
	    "WHERE n.wording = 'x'"), 1);
	assert_int_equal(bad_scans(st->db, "SELECT id FROM touchpoint "
	    "WHERE process_id = 1 ORDER BY pos"), 0);
	assert_int_equal(bad_scans(st->db, "SELECT id FROM process "
	    "WHERE name = 'x'"), 0);
	/* A search by revision alone walks the revision. */
	assert_int_equal(bad_scans(st->db, "SELECT t.id FROM rev_touchpoint t "
	    "WHERE t.revision_id = 1 AND t.name = 'x'"), 1);
	assert_int_equal(bad_scans(st->db, "SELECT r.id FROM rev_touchpoint r "
	    "WHERE r.revision_id = 1 AND r.id = 2"), 0);
	assert_int_equal(bad_scans(st->db, "SELECT p.id FROM rev_process p "
	    "LEFT JOIN rev_touchpoint t ON t.revision_id = p.revision_id AND "
	    "t.name = p.name WHERE p.revision_id = 1 AND p.id = 1"), 1);
	assert_int_equal(bad_scans(st->db, "SELECT id FROM touchpoint "
	    "ORDER BY process_id, pos"), 0);
	/* Allowed once, not twice. */
	assert_int_equal(bad_scans(st->db, "SELECT t.id FROM touchpoint t "
	    "WHERE t.name = '' UNION ALL SELECT id FROM touchpoint ORDER BY "
	    "1"), 1);
	store_close(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_check_finds_a_scan_through_an_alias),
		cmocka_unit_test(no_query_scans_a_growing_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
