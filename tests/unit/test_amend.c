/* test_amend.c - the amending order's sub-items: numbered as the revision
 * amended prints its rows, one per row, quoting what the annex prints,
 * and when the whole list is restated instead. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "amend.h"

static const struct amend_style plain = { false, false, "", "", "" };

/* Two processes: 1 «Информирование» (touchpoints 11, 12, 13) and 2
 * «Консультирование» (21, 22), each with one need and a channel. */
static void
seed(struct list *l)
{
	static const struct { int64_t proc; int64_t id; const char *name; }
	    rows[] = {
		{ 1, 11, "Официальный сайт" }, { 1, 12, "Электронная почта" },
		{ 1, 13, "Телефонная связь" }, { 2, 21, "Почта России" },
		{ 2, 22, "Видеоконференцсвязь" },
	};
	struct process *p = NULL;

	list_init(l);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct touchpoint *tp;

		if (p == NULL || p->id != rows[i].proc) {
			p = list_add_process(l, rows[i].proc == 1 ?
			    "Информирование" : "Консультирование");
			p->id = rows[i].proc;
		}
		tp = process_add_touchpoint(p, rows[i].name);
		tp->id = rows[i].id;
		tp->channel = CHANNEL_DIGITAL;
		touchpoint_add_need(tp, "получение информации", 1);
	}
}

/* The list as approved and the working copy, the same to begin with. */
static void
seed_both(struct list *old, struct list *new)
{
	seed(old);
	seed(new);
}

static void
done(struct amend *a, struct list *old, struct list *new)
{
	amend_fini(a);
	list_fini(old);
	list_fini(new);
}

static struct touchpoint *
find(struct list *l, int64_t id)
{
	for (size_t i = 0; i < l->nprocs; i++)
		for (size_t j = 0; j < l->procs[i].ntps; j++)
			if (l->procs[i].tps[j].id == id)
				return &l->procs[i].tps[j];
	return NULL;
}

/* The sub-items of old into new. */
static void
build(const struct list *old, const struct list *new,
    const struct amend_style *st, struct amend *a)
{
	struct changes ch;

	changes_init(&ch);
	change_diff_lists(old, new, NULL, &ch);
	amend_build(old, new, &ch, st, a);
	changes_fini(&ch);
}

static void
test_numbers_are_the_amended_revisions(void **state)
{
	struct list old, new;
	struct amend a;

	(void)state;
	seed_both(&old, &new);
	/* Excluded before the revision: 13 is printed there as 1.2. */
	find(&old, 12)->excluded = true;
	find(&new, 12)->excluded = true;
	model_set(&find(&new, 13)->name, "Телефонная связь Министерства");
	build(&old, &new, &plain, &a);
	assert_int_equal(a.items.n, 1);
	assert_string_equal(a.items.v[0], "в строке 1.2 в графе «Точка "
	    "взаимодействия» слова «Телефонная связь» заменить словами "
	    "«Телефонная связь Министерства»");
	assert_false(a.restate);
	assert_int_equal(a.rows_old, 4);
	done(&a, &old, &new);
}

static void
test_a_row_changed_two_ways_is_one_item(void **state)
{
	struct list old, new;
	struct touchpoint *tp;
	struct amend a;

	(void)state;
	seed_both(&old, &new);
	tp = find(&new, 22);
	model_set(&tp->name, "Видеосвязь");
	model_set(&tp->needs[0].wording, "получение консультации");
	build(&old, &new, &plain, &a);
	assert_int_equal(a.items.n, 1);
	assert_string_equal(a.items.v[0], "строку 2.2 изложить в следующей "
	    "редакции:\n«2.2 | Видеосвязь | получение консультации | "
	    "Цифровая точка»");
	done(&a, &old, &new);
}

static void
test_what_the_annex_does_not_print_is_no_item(void **state)
{
	struct list old, new;
	struct amend a;

	(void)state;
	seed_both(&old, &new);
	model_set(&find(&new, 21)->unit, "отдел контроля");
	find(&new, 21)->needs[0].category = 2;
	build(&old, &new, &plain, &a);
	assert_int_equal(a.items.n, 0);
	assert_false(a.restate);
	done(&a, &old, &new);
}

static void
test_exclusion_addition_and_the_setting(void **state)
{
	const struct amend_style exclude = { false, true, "", "", "" };
	struct list old, new;
	struct touchpoint *tp;
	struct amend a;

	(void)state;
	seed_both(&old, &new);
	find(&new, 11)->excluded = true;
	tp = process_add_touchpoint(&new.procs[1], "Чат-бот");
	tp->id = 23;
	tp->channel = CHANNEL_DIGITAL;
	build(&old, &new, &exclude, &a);
	assert_int_equal(a.items.n, 2);
	assert_string_equal(a.items.v[0], "строку 1.1 исключить");
	assert_string_equal(a.items.v[1], "дополнить строкой 2.3 следующего "
	    "содержания:\n«2.3 | Чат-бот |  | Цифровая точка»");
	amend_fini(&a);
	build(&old, &new, &plain, &a);
	assert_string_equal(a.items.v[0], "строку 1.1 признать утратившей "
	    "силу");
	done(&a, &old, &new);
}

static void
test_more_than_half_restates(void **state)
{
	struct list old, new;
	struct amend a;

	(void)state;
	seed_both(&old, &new);
	model_set(&find(&new, 11)->specifics, "круглосуточно");
	model_set(&find(&new, 12)->specifics, "круглосуточно");
	build(&old, &new, &plain, &a);
	assert_int_equal(a.rows_changed, 2);
	assert_false(a.restate);
	amend_fini(&a);
	model_set(&find(&new, 13)->specifics, "круглосуточно");
	build(&old, &new, &plain, &a);
	assert_int_equal(a.rows_changed, 3);
	assert_true(a.restate);
	assert_false(a.moved);
	done(&a, &old, &new);
}

static void
test_rows_moved_restate(void **state)
{
	struct list old, new;
	struct touchpoint t;
	struct amend a;

	(void)state;
	seed_both(&old, &new);
	t = new.procs[0].tps[0];
	new.procs[0].tps[0] = new.procs[0].tps[1];
	new.procs[0].tps[1] = t;
	build(&old, &new, &plain, &a);
	assert_true(a.moved);
	assert_true(a.restate);
	done(&a, &old, &new);
}

static void
test_as_amended(void **state)
{
	const char *dates[] = { "2024-04-10", "2024-05-02" };
	const char *nos[] = { "45-од", "51-од" };
	char *s;

	(void)state;
	s = amend_as_amended("Министерства", dates, nos, 0);
	assert_string_equal(s, "");
	free(s);
	s = amend_as_amended("Министерства", dates, nos, 1);
	assert_string_equal(s, "(в редакции приказа Министерства от "
	    "10.04.2024 № 45-од)");
	free(s);
	s = amend_as_amended("Министерства", dates, nos, 2);
	assert_string_equal(s, "(в редакции приказов Министерства от "
	    "10.04.2024 № 45-од, от 02.05.2024 № 51-од)");
	free(s);
	/* The order being drafted, last, as blanks. */
	{
		const char *pd[] = { "2024-04-10", NULL };
		const char *pn[] = { "45-од", NULL };

		s = amend_as_amended("Министерства", pd, pn, 2);
		assert_string_equal(s, "(в редакции приказов Министерства от "
		    "10.04.2024 № 45-од, от «___» ____________ 20__ г. "
		    "№ ________)");
		free(s);
	}
}

/* The grif of a new edition names the orders that amended the list
 * before the one drafted; the preamble cites what approved the Порядок
 * as given. */
static void
test_new_edition_grif_names_earlier_amendments(void **state)
{
	const struct amend_orders o = { "Министерства", "2024-03-19",
	    "27/01-01", "(в редакции приказа Министерства от 10.04.2024 "
	    "№ 45-од)", "(в редакции приказов Министерства от 10.04.2024 "
	    "№ 45-од, от «___» ____________ 20__ г. № ________)",
	    "постановлением Правительства от 01.02.2024 № 5" };
	struct list old, new;
	struct document d;
	struct amend a;
	const char *grif = NULL;
	bool preamble = false;

	(void)state;
	seed_both(&old, &new);
	for (int64_t id = 11; id <= 13; id++)
		model_set(&find(&new, id)->specifics, "круглосуточно");
	build(&old, &new, &plain, &a);
	assert_true(a.restate);
	document_init(&d);
	assert_non_null(amend_document(&d, &a, &plain, "Министерство",
	    "точек", &o, 2));
	for (size_t i = 0; i < d.nblocks; i++) {
		if (d.blocks[i].kind == DOC_GRIF)
			grif = d.blocks[i].text;
		if (d.blocks[i].kind == DOC_PARAGRAPH && strstr(d.blocks[i].text,
		    "утвержденного постановлением Правительства от "
		    "01.02.2024 № 5,") != NULL)
			preamble = true;
	}
	assert_true(preamble);
	assert_non_null(grif);
	assert_string_equal(grif, "Приложение\nк приказу Министерства\n"
	    "от «___» ____________ 20__ г. № ________\n\nУТВЕРЖДЕН\n"
	    "приказом Министерства\nот 19.03.2024 № 27/01-01\n"
	    "(в редакции приказов Министерства от 10.04.2024 № 45-од, "
	    "от «___» ____________ 20__ г. № ________)");
	document_fini(&d);
	done(&a, &old, &new);
}

static void
test_order_document(void **state)
{
	const struct amend_style st = { false, false, "", "Министр",
	    "П.Ю. Илюхин" };
	const struct amend_orders o = { "Министерства", "2024-03-19",
	    "27/01-01", "", "", "приказом Министерства от 19.03.2024 "
	    "№ 27/01-01" };
	struct list old, new;
	struct document d;
	struct amend a;

	(void)state;
	seed_both(&old, &new);
	find(&new, 22)->excluded = true;
	build(&old, &new, &plain, &a);
	document_init(&d);
	assert_null(amend_document(&d, &a, &st, "Министерство цифрового "
	    "развития", "точек взаимодействия", &o, 0));
	assert_null(document_table(&d));
	assert_string_equal(d.blocks[0].text,
	    "МИНИСТЕРСТВО ЦИФРОВОГО РАЗВИТИЯ");
	assert_string_equal(d.blocks[3].text, "О внесении изменений в приказ "
	    "Министерства от 19.03.2024 № 27/01-01");
	assert_string_equal(d.title, d.blocks[3].text);
	assert_int_equal(d.blocks[7].kind, DOC_CLAUSE);
	assert_string_equal(d.blocks[7].right, "1)");
	assert_string_equal(d.blocks[7].text, "строку 2.2 признать "
	    "утратившей силу.");
	assert_int_equal(d.blocks[d.nblocks - 1].kind, DOC_SPLIT);
	assert_string_equal(d.blocks[d.nblocks - 1].text, "Министр");
	assert_string_equal(d.blocks[d.nblocks - 1].right, "П.Ю. Илюхин");
	document_fini(&d);
	done(&a, &old, &new);
}

/* A sub-item that adds a row or a process is followed by a table of
 * the annex's columns holding it, in quotation marks, the sub-item's mark
 * after them; the item's text keeps the row quoted inline for diff. */
static void
test_order_quotes_rows_as_a_table(void **state)
{
	const struct amend_style st = { false, false, "", "", "" };
	const struct amend_orders o = { "Министерства", "2024-03-19",
	    "27/01-01", "", "", "приказом Министерства от 19.03.2024 "
	    "№ 27/01-01" };
	struct list old, new;
	struct touchpoint *tp;
	struct process *p;
	struct doc_table *t;
	struct document d;
	struct amend a;
	size_t i;

	(void)state;
	seed_both(&old, &new);
	/* Seven rows: three changed do not restate the list. */
	for (int64_t id = 14; id <= 15; id++) {
		process_add_touchpoint(&old.procs[0], "Приёмная")->id = id;
		process_add_touchpoint(&new.procs[0], "Приёмная")->id = id;
	}
	tp = process_add_touchpoint(&new.procs[1], "Чат-бот");
	tp->id = 23;
	touchpoint_add_need(tp, "получение консультации", 1);
	touchpoint_add_need(tp, "запись на приём", 1);
	p = list_add_process(&new, "Обжалование");
	p->id = 3;
	tp = process_add_touchpoint(p, "Жалоба");
	tp->id = 31;
	tp = process_add_touchpoint(p, "Досудебная жалоба");
	tp->id = 32;
	build(&old, &new, &plain, &a);
	assert_int_equal(a.items.n, 2);
	document_init(&d);
	amend_document(&d, &a, &st, "Министерство", "точек", &o, 0);
	for (i = 0; i < d.nblocks && d.blocks[i].kind != DOC_TABLE; i++)
		;
	assert_true(i < d.nblocks);
	assert_int_equal(d.blocks[i - 1].kind, DOC_CLAUSE);
	assert_string_equal(d.blocks[i - 1].text, "дополнить строкой 2.3 "
	    "следующего содержания:");
	t = d.blocks[i].table;
	assert_int_equal(t->ncols, AMEND_ROW_COLUMNS);
	assert_string_equal(t->cols[0].title, "№");
	assert_string_equal(t->cols[1].title, "Точка взаимодействия");
	assert_int_equal(t->nrows, 1);
	assert_string_equal(t->rows[0].cells[0].paras.v[0], "2.3");
	assert_string_equal(t->rows[0].cells[1].paras.v[0], "Чат-бот");
	assert_true(t->rows[0].cells[2].list);
	assert_string_equal(t->rows[0].cells[2].paras.v[1], "запись на приём");
	assert_string_equal(t->before, "«");
	assert_string_equal(t->after, "»;");
	/* The new process: five columns, № and name spanning its rows. */
	t = d.blocks[i + 2].table;
	assert_int_equal(d.blocks[i + 2].kind, DOC_TABLE);
	assert_int_equal(t->ncols, DOC_COLUMNS);
	assert_true(t->cols[DOC_NUM].span && t->cols[DOC_PROCESS].span);
	assert_int_equal(t->nrows, 2);
	assert_int_equal(t->rows[0].span, 2);
	assert_string_equal(t->rows[0].cells[DOC_NUM].paras.v[0], "3");
	assert_string_equal(t->rows[0].cells[DOC_PROCESS].paras.v[0],
	    "Обжалование");
	assert_string_equal(t->rows[1].cells[DOC_TOUCHPOINT].paras.v[0],
	    "Досудебная жалоба");
	assert_string_equal(t->after, "».");
	document_fini(&d);
	done(&a, &old, &new);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers_are_the_amended_revisions),
		cmocka_unit_test(test_a_row_changed_two_ways_is_one_item),
		cmocka_unit_test(test_what_the_annex_does_not_print_is_no_item),
		cmocka_unit_test(test_exclusion_addition_and_the_setting),
		cmocka_unit_test(test_more_than_half_restates),
		cmocka_unit_test(test_rows_moved_restate),
		cmocka_unit_test(test_as_amended),
		cmocka_unit_test(test_new_edition_grif_names_earlier_amendments),
		cmocka_unit_test(test_order_document),
		cmocka_unit_test(test_order_quotes_rows_as_a_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
