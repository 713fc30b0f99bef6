/* test_validate.c - the rules R1-R11, each firing and not firing, and the
 * acknowledgement of warnings. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "catalog.h"
#include "model.h"
#include "validate.h"

/* A list with one clean process, its catalogue and the findings. */
struct fixture {
	struct catalog cat;
	struct list l;
	struct findings f;
};

/* A touchpoint no rule has anything to say about. */
static struct touchpoint *
add_clean_tp(struct process *p, const char *name, const char *kind,
    enum channel ch)
{
	struct touchpoint *tp = process_add_touchpoint(p, name);

	model_set(&tp->kind, kind);
	tp->channel = ch;
	tp->key = true;
	tp->basis_type = BASIS_DOCUMENT;
	model_set(&tp->basis, "Положение о министерстве");
	tp->max_transfers = 1;
	tp->ack_receipt = 1;
	tp->id = (int64_t)(p->id * 100 + (int64_t)p->ntps);
	touchpoint_add_need(tp, "получение консультации", 2);
	return tp;
}

static int
setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	struct process *p;

	catalog_init(&fx->cat);
	catalog_add_kind(&fx->cat, "post", "Почта России", CHANNEL_OFFLINE,
	    "4.2.2", true, true, false, false, "почта россии");
	catalog_add_kind(&fx->cat, "email", "Электронная почта",
	    CHANNEL_DIGITAL, "4.1.2", true, true, false, false, "e-mail");
	catalog_add_kind(&fx->cat, "phone", "Телефонная связь", CHANNEL_OFFLINE,
	    "4.2.1", true, false, true, false, "телефон");
	catalog_add_kind(&fx->cat, "epgu", "Единый портал государственных "
	    "услуг", CHANNEL_DIGITAL, "4.1.7", false, false, false, false,
	    "епгу");
	catalog_add_kind(&fx->cat, "vks", "Видеоконференцсвязь", CHANNEL_DIGITAL,
	    "4.1.4", false, false, false, false, "вкс");
	list_init(&fx->l);
	p = list_add_process(&fx->l, "Консультирование");
	p->id = 7;
	add_clean_tp(p, "Телефонная связь", "phone", CHANNEL_OFFLINE);
	add_clean_tp(p, "Почта России", "post", CHANNEL_OFFLINE);
	add_clean_tp(p, "Электронная почта", "email", CHANNEL_DIGITAL);
	findings_init(&fx->f);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;

	findings_fini(&fx->f);
	list_fini(&fx->l);
	catalog_fini(&fx->cat);
	free(fx);
	return 0;
}

static struct process *
proc0(struct fixture *fx)
{
	return &fx->l.procs[0];
}

static struct touchpoint *
tp_at(struct fixture *fx, size_t i)
{
	return &fx->l.procs[0].tps[i];
}

static size_t
count_rule(const struct findings *f, enum rule_id rule)
{
	size_t n = 0;

	for (size_t i = 0; i < f->n; i++)
		if (f->v[i].rule == rule)
			n++;
	return n;
}

static const struct finding *
first_of(const struct findings *f, enum rule_id rule)
{
	for (size_t i = 0; i < f->n; i++)
		if (f->v[i].rule == rule)
			return &f->v[i];
	fail_msg("no finding of rule %d", (int)rule);
	return NULL;
}

/* Run every rule over the fixture's list into fx->f. */
static void
run_list(struct fixture *fx)
{
	findings_reset(&fx->f);
	validate_list(&fx->l, &fx->cat, &fx->f);
}

/* Run the field rules of touchpoint i into fx->f. */
static void
run_fields(struct fixture *fx, size_t i)
{
	findings_reset(&fx->f);
	validate_touchpoint_fields(proc0(fx), 0, tp_at(fx, i), i, &fx->cat,
	    &fx->f);
}

static void
test_clean_list_has_no_findings(void **state)
{
	struct fixture *fx = *state;

	run_list(fx);
	for (size_t i = 0; i < fx->f.n; i++)
		print_message("unexpected: %s\n", fx->f.v[i].message);
	assert_int_equal(fx->f.n, 0);
}

/* Errors only (the approval's gate): the same errors, worded the same,
 * and no warning or hint at all. */
static void
test_errors_only_keeps_errors_drops_the_rest(void **state)
{
	struct fixture *fx = *state;
	size_t errors;
	char *first;

	process_add_touchpoint(proc0(fx), "Приёмная");
	run_fields(fx, 3);
	errors = findings_count(&fx->f, LEVEL_ERROR, false);
	assert_true(errors > 0);
	assert_true(fx->f.n > errors);
	first = strdup(fx->f.v[0].message);
	assert_non_null(first);
	fx->f.errors_only = true;
	run_fields(fx, 3);
	assert_int_equal(fx->f.n, errors);
	for (size_t i = 0; i < fx->f.n; i++)
		assert_int_equal(fx->f.v[i].level, LEVEL_ERROR);
	assert_string_equal(fx->f.v[0].message, first);
	free(first);
}

/* R1 */

static void
test_r1_fires_on_empty_name(void **state)
{
	struct fixture *fx = *state;

	model_set(&tp_at(fx, 1)->name, "  ");
	run_fields(fx, 1);
	assert_int_equal(count_rule(&fx->f, RULE_R1), 1);
	assert_int_equal(first_of(&fx->f, RULE_R1)->field, FIELD_NAME);
	assert_int_equal(first_of(&fx->f, RULE_R1)->level, LEVEL_ERROR);
	assert_true(findings_blocking(&fx->f));
}

static void
test_r1_fires_on_missing_channel_and_needs(void **state)
{
	struct fixture *fx = *state;
	struct touchpoint *tp = process_add_touchpoint(proc0(fx), "Приёмная");

	run_fields(fx, 3);
	assert_int_equal(count_rule(&fx->f, RULE_R1), 2);
	assert_int_equal(fx->f.v[0].field, FIELD_CHANNEL);
	assert_non_null(strstr(fx->f.v[0].message, "п. 2.1: у точки "
	    "«Приёмная» не указан тип"));
	assert_int_equal(fx->f.v[1].field, FIELD_NEEDS);
	(void)tp;
}

static void
test_r1_fires_on_unnamed_process(void **state)
{
	struct fixture *fx = *state;

	model_set(&proc0(fx)->name, "");
	findings_reset(&fx->f);
	validate_process(proc0(fx), 0, &fx->cat, &fx->f);
	assert_int_equal(count_rule(&fx->f, RULE_R1), 1);
	assert_string_equal(fx->f.v[0].message,
	    "п. 2.1: у процесса № 1 нет названия");
	assert_int_equal(fx->f.v[0].tp, FINDING_NONE);
}

/* A need without a wording prints an empty line, whatever its category:
 * an error (not R4's warning), pointing at the need. */
static void
test_r1_fires_on_unworded_need(void **state)
{
	struct fixture *fx = *state;
	const struct finding *fi;

	touchpoint_add_need(tp_at(fx, 1), " ", 9);
	touchpoint_add_need(tp_at(fx, 1), "получение ответа", 5);
	touchpoint_add_need(tp_at(fx, 1), "", 5);
	run_fields(fx, 1);
	assert_int_equal(count_rule(&fx->f, RULE_R1), 2);
	assert_int_equal(count_rule(&fx->f, RULE_R4), 0);
	fi = first_of(&fx->f, RULE_R1);
	assert_int_equal(fi->level, LEVEL_ERROR);
	assert_int_equal(fi->field, FIELD_NEEDS);
	assert_int_equal(fi->item, 1);
	assert_string_equal(fi->message, "п. 2.1: у потребности № 2 точки "
	    "«Почта России» нет формулировки — в перечне была бы пустая "
	    "строка");
	assert_int_equal(fx->f.v[1].item, 3);
	assert_true(findings_blocking(&fx->f));
}

/* A process with nothing to print is an error of its own; the kinds of
 * touchpoints it lacks (R5, R7, R8) would only restate it. */
static void
test_r1_fires_on_process_without_touchpoints(void **state)
{
	struct fixture *fx = *state;
	struct process *p = list_add_process(&fx->l, "Обжалование");

	p->id = 9;
	run_list(fx);
	assert_int_equal(fx->f.n, 1);
	assert_int_equal(fx->f.v[0].rule, RULE_R1);
	assert_int_equal(fx->f.v[0].level, LEVEL_ERROR);
	assert_int_equal(fx->f.v[0].proc, 1);
	assert_int_equal(fx->f.v[0].tp, FINDING_NONE);
	assert_int_equal(fx->f.v[0].field, FIELD_NONE);
	assert_string_equal(fx->f.v[0].message, "п. 2.1: в процессе "
	    "«Обжалование» нет точек взаимодействия — в перечне была бы "
	    "пустая строка");
	assert_true(findings_blocking(&fx->f));
	/* Touchpoints all excluded leave the row as empty. */
	p = &fx->l.procs[1];
	add_clean_tp(p, "ЕПГУ", "epgu", CHANNEL_DIGITAL)->excluded = true;
	run_list(fx);
	assert_int_equal(fx->f.n, 1);
	assert_int_equal(count_rule(&fx->f, RULE_R1), 1);
	p->tps[0].excluded = false;
	run_list(fx);
	assert_int_equal(count_rule(&fx->f, RULE_R1), 0);
	assert_int_equal(count_rule(&fx->f, RULE_R8), 1);
}

static void
test_r1_quiet_on_complete_touchpoint(void **state)
{
	struct fixture *fx = *state;

	run_fields(fx, 0);
	assert_int_equal(count_rule(&fx->f, RULE_R1), 0);
	assert_false(findings_blocking(&fx->f));
}

/* R2 */

static void
test_r2_fires_on_same_folded_name(void **state)
{
	struct fixture *fx = *state;
	struct touchpoint *tp = add_clean_tp(proc0(fx), "  почта   РОССИИ ",
	    "", CHANNEL_OFFLINE);

	(void)tp;
	run_list(fx);
	assert_int_equal(count_rule(&fx->f, RULE_R2), 1);
	assert_string_equal(first_of(&fx->f, RULE_R2)->message,
	    "п. 2.8: точка «почта РОССИИ» уже есть в процессе "
	    "«Консультирование»");
	assert_int_equal(first_of(&fx->f, RULE_R2)->tp, 3);
}

static void
test_r2_fires_on_same_kind_and_contacts(void **state)
{
	struct fixture *fx = *state;
	struct touchpoint *a = tp_at(fx, 0), *b;

	touchpoint_add_contact(a, CONTACT_PHONE, "+7 (4812) 29-25-09");
	touchpoint_add_contact(a, CONTACT_PHONE, "+7(4812) 29-24-91");
	b = add_clean_tp(proc0(fx), "Горячая линия", "phone", CHANNEL_OFFLINE);
	touchpoint_add_contact(b, CONTACT_PHONE, "8 4812 292491");
	touchpoint_add_contact(b, CONTACT_PHONE, "8 (4812) 29-25-09");
	run_list(fx);
	assert_int_equal(count_rule(&fx->f, RULE_R2), 1);
	assert_int_equal(first_of(&fx->f, RULE_R2)->field, FIELD_KIND);
	assert_non_null(strstr(first_of(&fx->f, RULE_R2)->message,
	    "тот же вид и те же контакты"));
}

static void
test_r2_quiet_on_same_kind_other_contacts(void **state)
{
	struct fixture *fx = *state;
	struct touchpoint *b;

	touchpoint_add_contact(tp_at(fx, 0), CONTACT_PHONE,
	    "+7 (4812) 29-25-09");
	b = add_clean_tp(proc0(fx), "Горячая линия", "phone", CHANNEL_OFFLINE);
	touchpoint_add_contact(b, CONTACT_PHONE, "+7 (4812) 29-24-91");
	run_list(fx);
	assert_int_equal(count_rule(&fx->f, RULE_R2), 0);
}

/* Against the first touchpoint it repeats, whichever way: here the
 * kind and (no) contacts of the first come before the name of the
 * second; then a name alone. */
static void
test_r2_names_the_first_it_repeats(void **state)
{
	struct fixture *fx = *state;
	const struct finding *fi;
	size_t seen = 0;

	add_clean_tp(proc0(fx), "Почта России", "phone", CHANNEL_OFFLINE);
	add_clean_tp(proc0(fx), "электронная  ПОЧТА", "vks", CHANNEL_DIGITAL);
	run_list(fx);
	assert_int_equal(count_rule(&fx->f, RULE_R2), 2);
	for (size_t i = 0; i < fx->f.n; i++) {
		fi = &fx->f.v[i];
		if (fi->rule != RULE_R2)
			continue;
		if (seen++ == 0) {
			assert_int_equal(fi->tp, 3);
			assert_int_equal(fi->field, FIELD_KIND);
			assert_non_null(strstr(fi->message,
			    "повторяет точку «Телефонная связь»"));
		} else {
			assert_int_equal(fi->tp, 4);
			assert_int_equal(fi->field, FIELD_NAME);
		}
	}
}

/* Many touchpoints, none the same: nothing (one pass, not every pair). */
static void
test_r2_quiet_on_many_different(void **state)
{
	struct fixture *fx = *state;
	char name[64];

	for (int i = 0; i < 3000; i++) {
		struct touchpoint *tp;

		snprintf(name, sizeof name, "Точка %d", i);
		tp = add_clean_tp(proc0(fx), name, "phone", CHANNEL_OFFLINE);
		snprintf(name, sizeof name, "+7 (4812) 2%d-%02d-%02d",
		    i / 10000, i / 100 % 100, i % 100);
		touchpoint_add_contact(tp, CONTACT_PHONE, name);
	}
	run_list(fx);
	assert_int_equal(count_rule(&fx->f, RULE_R2), 0);
}

static void
test_r2_quiet_when_duplicate_is_excluded(void **state)
{
	struct fixture *fx = *state;
	struct touchpoint *tp = add_clean_tp(proc0(fx), "Почта России", "post",
	    CHANNEL_OFFLINE);

	tp->excluded = true;
	run_list(fx);
	assert_int_equal(count_rule(&fx->f, RULE_R2), 0);
}

static void
test_r2_in_process_refuses_new_duplicate(void **state)
{
	struct fixture *fx = *state;
	struct touchpoint fresh;

	touchpoint_init(&fresh);
	model_set(&fresh.name, "Почта России");
	model_set(&fresh.kind, "post");
	validate_touchpoint_in_process(proc0(fx), 0, &fresh, FINDING_NONE,
	    &fx->f);
	assert_int_equal(count_rule(&fx->f, RULE_R2), 1);
	assert_string_equal(fx->f.v[0].message, "п. 2.8: точка «Почта России» "
	    "уже есть в процессе «Консультирование»");
	assert_true(findings_blocking(&fx->f));
	touchpoint_fini(&fresh);
}

static void
test_r2_in_process_ignores_the_record_itself(void **state)
{
	struct fixture *fx = *state;

	validate_touchpoint_in_process(proc0(fx), 0, tp_at(fx, 1), 1, &fx->f);
	assert_int_equal(fx->f.n, 0);
}

/* R3 */

static void
test_r3_fires_on_digital_phone(void **state)
{
	struct fixture *fx = *state;

	tp_at(fx, 0)->channel = CHANNEL_DIGITAL;
	run_fields(fx, 0);
	assert_int_equal(count_rule(&fx->f, RULE_R3), 1);
	assert_string_equal(first_of(&fx->f, RULE_R3)->message,
	    "п. 3.1, 4: вид «Телефонная связь» — офлайн-точка, а указана "
	    "цифровая");
	assert_int_equal(first_of(&fx->f, RULE_R3)->field, FIELD_CHANNEL);
}

static void
test_r3_fires_on_offline_email(void **state)
{
	struct fixture *fx = *state;

	tp_at(fx, 2)->channel = CHANNEL_OFFLINE;
	run_fields(fx, 2);
	assert_int_equal(count_rule(&fx->f, RULE_R3), 1);
	assert_non_null(strstr(first_of(&fx->f, RULE_R3)->message,
	    "— цифровая точка, а указана офлайн-точка"));
}

static void
test_r3_quiet_on_matching_or_custom_kind(void **state)
{
	struct fixture *fx = *state;
	struct touchpoint *tp = add_clean_tp(proc0(fx), "Выездной пункт",
	    "mobile_office", CHANNEL_DIGITAL);

	(void)tp;
	run_fields(fx, 0);
	assert_int_equal(count_rule(&fx->f, RULE_R3), 0);
	run_fields(fx, 3);
	assert_int_equal(count_rule(&fx->f, RULE_R3), 0);
}

/* R4 */

static void
test_r4_fires_on_unclassified_need(void **state)
{
	struct fixture *fx = *state;

	touchpoint_add_need(tp_at(fx, 1), "занесение сведений", 0);
	run_fields(fx, 1);
	assert_int_equal(count_rule(&fx->f, RULE_R4), 1);
	assert_int_equal(first_of(&fx->f, RULE_R4)->level, LEVEL_WARNING);
	assert_int_equal(first_of(&fx->f, RULE_R4)->item, 1);
	assert_int_equal(first_of(&fx->f, RULE_R4)->field, FIELD_NEEDS);
	assert_false(findings_blocking(&fx->f));
}


static void
test_r4_quiet_on_classified_needs(void **state)
{
	struct fixture *fx = *state;

	touchpoint_add_need(tp_at(fx, 1), "обжалование", 9);
	touchpoint_add_need(tp_at(fx, 1), "", 5);
	run_fields(fx, 1);
	assert_int_equal(count_rule(&fx->f, RULE_R4), 0);
}

/* R5 */

static void
test_r5_fires_without_key_touchpoint(void **state)
{
	struct fixture *fx = *state;
	struct process *p = list_add_process(&fx->l, "Досудебное обжалование");

	p->id = 9;
	add_clean_tp(p, "ЕПГУ", "epgu", CHANNEL_DIGITAL)->key = false;
	findings_reset(&fx->f);
	validate_process(p, 1, &fx->cat, &fx->f);
	assert_int_equal(count_rule(&fx->f, RULE_R5), 1);
	assert_int_equal(first_of(&fx->f, RULE_R5)->proc, 1);
	assert_int_equal(first_of(&fx->f, RULE_R5)->proc_id, 9);
	assert_int_equal(first_of(&fx->f, RULE_R5)->level, LEVEL_WARNING);
}

static void
test_r5_quiet_with_key_flag_or_key_kind(void **state)
{
	struct fixture *fx = *state;
	struct process *p = list_add_process(&fx->l, "Информирование");

	add_clean_tp(p, "ЕПГУ", "epgu", CHANNEL_DIGITAL);
	validate_process(p, 1, &fx->cat, &fx->f);
	assert_int_equal(count_rule(&fx->f, RULE_R5), 0);
	/* Phone lines are key by default (п. 3.2.3). */
	for (size_t i = 0; i < proc0(fx)->ntps; i++)
		tp_at(fx, i)->key = false;
	validate_process(proc0(fx), 0, &fx->cat, &fx->f);
	assert_int_equal(count_rule(&fx->f, RULE_R5), 0);
}

static void
test_r5_excluded_key_does_not_count(void **state)
{
	struct fixture *fx = *state;
	struct process *p = list_add_process(&fx->l, "Информирование");

	add_clean_tp(p, "ЕПГУ", "epgu", CHANNEL_DIGITAL)->key = false;
	add_clean_tp(p, "ВКС", "vks", CHANNEL_DIGITAL)->excluded = true;
	validate_process(p, 1, &fx->cat, &fx->f);
	assert_int_equal(count_rule(&fx->f, RULE_R5), 1);
}

/* R6 */

static void
test_r6_fires_without_basis(void **state)
{
	struct fixture *fx = *state;

	tp_at(fx, 0)->basis_type = BASIS_NONE;
	run_fields(fx, 0);
	assert_int_equal(count_rule(&fx->f, RULE_R6), 1);
	assert_int_equal(first_of(&fx->f, RULE_R6)->level, LEVEL_HINT);
	assert_int_equal(first_of(&fx->f, RULE_R6)->field, FIELD_BASIS);
}

static void
test_r6_fires_with_type_but_no_text(void **state)
{
	struct fixture *fx = *state;

	tp_at(fx, 0)->basis_type = BASIS_ACT;
	model_set(&tp_at(fx, 0)->basis, "");
	run_fields(fx, 0);
	assert_int_equal(count_rule(&fx->f, RULE_R6), 1);
}

static void
test_r6_quiet_with_act(void **state)
{
	struct fixture *fx = *state;

	tp_at(fx, 0)->basis_type = BASIS_ACT;
	model_set(&tp_at(fx, 0)->basis, "резолюция министра от 01.02.2024");
	run_fields(fx, 0);
	assert_int_equal(count_rule(&fx->f, RULE_R6), 0);
}

/* R7 */

static void
test_r7_fires_without_digital(void **state)
{
	struct fixture *fx = *state;

	tp_at(fx, 2)->excluded = true;
	run_list(fx);
	assert_int_equal(count_rule(&fx->f, RULE_R7), 1);
	assert_string_equal(first_of(&fx->f, RULE_R7)->message,
	    "п. 2.9.2: в процессе «Консультирование» нет цифровой точки "
	    "взаимодействия");
	assert_int_equal(first_of(&fx->f, RULE_R7)->tp, FINDING_NONE);
}

static void
test_r7_quiet_with_digital_of_kind(void **state)
{
	struct fixture *fx = *state;

	/* No channel yet: the kind's channel counts (R1 reports the gap). */
	tp_at(fx, 2)->channel = CHANNEL_NONE;
	validate_process(proc0(fx), 0, &fx->cat, &fx->f);
	assert_int_equal(count_rule(&fx->f, RULE_R7), 0);
	tp_at(fx, 2)->channel = CHANNEL_DIGITAL;
	validate_process(proc0(fx), 0, NULL, &fx->f);
	assert_int_equal(count_rule(&fx->f, RULE_R7), 0);
}

/* R8 */

static void
test_r8_fires_without_offline(void **state)
{
	struct fixture *fx = *state;
	struct process *p = list_add_process(&fx->l, "Досудебное обжалование "
	    "результатов проверки");

	add_clean_tp(p, "ЕПГУ", "epgu", CHANNEL_DIGITAL);
	run_list(fx);
	assert_int_equal(count_rule(&fx->f, RULE_R8), 1);
	assert_string_equal(first_of(&fx->f, RULE_R8)->message,
	    "п. 2.9.3: в процессе «Досудебное обжалование результатов "
	    "проверки» нет офлайн-точки — альтернативы цифровым каналам");
	assert_int_equal(first_of(&fx->f, RULE_R8)->proc, 1);
	assert_int_equal(first_of(&fx->f, RULE_R8)->level, LEVEL_WARNING);
}

static void
test_r8_fires_when_offline_is_excluded(void **state)
{
	struct fixture *fx = *state;

	tp_at(fx, 0)->excluded = true;
	tp_at(fx, 1)->excluded = true;
	run_list(fx);
	assert_int_equal(count_rule(&fx->f, RULE_R8), 1);
}

static void
test_r8_quiet_with_offline(void **state)
{
	struct fixture *fx = *state;

	tp_at(fx, 0)->excluded = true;
	validate_process(proc0(fx), 0, &fx->cat, &fx->f);
	assert_int_equal(count_rule(&fx->f, RULE_R8), 0);
}

/* R9 */

static void
test_r9_fires_above_two_transfers(void **state)
{
	struct fixture *fx = *state;

	tp_at(fx, 0)->max_transfers = 3;
	run_fields(fx, 0);
	assert_int_equal(count_rule(&fx->f, RULE_R9), 1);
	assert_int_equal(first_of(&fx->f, RULE_R9)->field, FIELD_TRANSFERS);
	assert_non_null(strstr(first_of(&fx->f, RULE_R9)->message,
	    "п. 3.2.3:"));
	assert_true(findings_blocking(&fx->f));
}

static void
test_r9_fires_on_negative(void **state)
{
	struct fixture *fx = *state;

	tp_at(fx, 0)->max_transfers = -5;
	run_fields(fx, 0);
	assert_int_equal(count_rule(&fx->f, RULE_R9), 1);
}

static void
test_r9_quiet_at_two_unknown_or_not_phone(void **state)
{
	struct fixture *fx = *state;

	tp_at(fx, 0)->max_transfers = 2;
	run_fields(fx, 0);
	assert_int_equal(count_rule(&fx->f, RULE_R9), 0);
	tp_at(fx, 0)->max_transfers = TRI_UNKNOWN;
	run_fields(fx, 0);
	assert_int_equal(count_rule(&fx->f, RULE_R9), 0);
	tp_at(fx, 2)->max_transfers = 5;
	run_fields(fx, 2);
	assert_int_equal(count_rule(&fx->f, RULE_R9), 0);
}

/* R10 */

static void
test_r10_fires_on_written_without_receipt(void **state)
{
	struct fixture *fx = *state;

	tp_at(fx, 1)->ack_receipt = TRI_UNKNOWN;
	run_fields(fx, 1);
	assert_int_equal(count_rule(&fx->f, RULE_R10), 1);
	assert_int_equal(first_of(&fx->f, RULE_R10)->level, LEVEL_HINT);
	tp_at(fx, 2)->ack_receipt = 0;
	run_fields(fx, 2);
	assert_int_equal(count_rule(&fx->f, RULE_R10), 1);
	assert_int_equal(first_of(&fx->f, RULE_R10)->field, FIELD_ACK_RECEIPT);
}

static void
test_r10_quiet_on_receipt_or_oral_channel(void **state)
{
	struct fixture *fx = *state;

	run_fields(fx, 1);
	assert_int_equal(count_rule(&fx->f, RULE_R10), 0);
	tp_at(fx, 0)->ack_receipt = 0;
	run_fields(fx, 0);
	assert_int_equal(count_rule(&fx->f, RULE_R10), 0);
}

/* R11 */

static void
test_r11_fires_on_malformed_contact(void **state)
{
	struct fixture *fx = *state;

	touchpoint_add_contact(tp_at(fx, 2), CONTACT_EMAIL,
	    "otdelgoscen@yandex.ru");
	touchpoint_add_contact(tp_at(fx, 2), CONTACT_EMAIL, "otdel@yandex");
	run_fields(fx, 2);
	assert_int_equal(count_rule(&fx->f, RULE_R11), 1);
	assert_int_equal(first_of(&fx->f, RULE_R11)->item, 1);
	assert_int_equal(first_of(&fx->f, RULE_R11)->field, FIELD_CONTACTS);
	assert_string_equal(first_of(&fx->f, RULE_R11)->message,
	    "контакт «otdel@yandex» точки «Электронная почта»: в имени домена "
	    "«yandex» нет точки");
	assert_true(findings_blocking(&fx->f));
}

static void
test_r11_fires_on_local_phone(void **state)
{
	struct fixture *fx = *state;

	touchpoint_add_contact(tp_at(fx, 0), CONTACT_PHONE, "29-25-09");
	run_fields(fx, 0);
	assert_int_equal(count_rule(&fx->f, RULE_R11), 1);
}

static void
test_r11_quiet_on_good_contacts(void **state)
{
	struct fixture *fx = *state;

	touchpoint_add_contact(tp_at(fx, 0), CONTACT_PHONE,
	    "+7 (4812) 29-25-09");
	touchpoint_add_contact(tp_at(fx, 0), CONTACT_URL,
	    "https://knd.gosuslugi.ru/");
	touchpoint_add_contact(tp_at(fx, 0), CONTACT_OTHER,
	    "г. Смоленск, ул. Ленина, 1");
	run_fields(fx, 0);
	assert_int_equal(count_rule(&fx->f, RULE_R11), 0);
}

/* A contact changed in the contacts list but still written in the name
 * would print in its old form: R11 on the name until both agree. */
static void
test_r11_fires_on_contact_left_in_name(void **state)
{
	struct fixture *fx = *state;
	struct touchpoint *tp = tp_at(fx, 0);

	model_set(&tp->name, "Телефонная связь +7 (4812) 29-25-09; "
	    "+7(4812) 29-24-91");
	touchpoint_add_contact(tp, CONTACT_PHONE, "+7 (4812) 29-25-09");
	touchpoint_add_contact(tp, CONTACT_PHONE, "+7 (4812) 29-24-91");
	run_fields(fx, 0);
	assert_int_equal(count_rule(&fx->f, RULE_R11), 0);

	model_set(&tp->contacts[1].value, "+7 (4812) 29-24-92");
	run_fields(fx, 0);
	assert_int_equal(count_rule(&fx->f, RULE_R11), 1);
	assert_int_equal(first_of(&fx->f, RULE_R11)->field, FIELD_NAME);
	assert_string_equal(first_of(&fx->f, RULE_R11)->message,
	    "в названии точки «Телефонная связь +7 (4812) 29-25-09; +7(4812) "
	    "29-24-91» записан контакт «+7(4812) 29-24-91», которого нет среди "
	    "её контактов: исправьте название или добавьте контакт");
	assert_true(findings_blocking(&fx->f));
}

/* The whole list */

static void
test_list_skips_fields_of_excluded(void **state)
{
	struct fixture *fx = *state;

	touchpoint_add_contact(tp_at(fx, 1), CONTACT_EMAIL, "broken@");
	tp_at(fx, 1)->excluded = true;
	run_list(fx);
	assert_int_equal(fx->f.n, 0);
}

/* A process out of the list (п. 5.3.4) has nothing checked: neither its
 * own rules (R1, R5, R7, R8) nor its touchpoints'. */
static void
test_list_skips_excluded_process(void **state)
{
	struct fixture *fx = *state;
	struct process *p = list_add_process(&fx->l, "");
	struct touchpoint *tp = process_add_touchpoint(p, "");

	p->id = 8;
	touchpoint_add_contact(tp, CONTACT_EMAIL, "broken@");
	run_list(fx);
	assert_true(count_rule(&fx->f, RULE_R1) > 0);
	assert_int_equal(count_rule(&fx->f, RULE_R5), 1);
	p = &fx->l.procs[1];
	p->excluded = true;
	model_set(&p->exclude_reason, "передан в другой орган");
	run_list(fx);
	assert_int_equal(fx->f.n, 0);
	findings_reset(&fx->f);
	validate_process(p, 1, &fx->cat, &fx->f);
	assert_int_equal(fx->f.n, 0);
}

static void
test_list_orders_by_process_then_touchpoint(void **state)
{
	struct fixture *fx = *state;
	struct process *p = list_add_process(&fx->l, "Обжалование");

	tp_at(fx, 2)->basis_type = BASIS_NONE;
	tp_at(fx, 0)->basis_type = BASIS_NONE;
	add_clean_tp(p, "ЕПГУ", "epgu", CHANNEL_DIGITAL);
	run_list(fx);
	assert_int_equal(fx->f.n, 3);
	assert_int_equal(fx->f.v[0].tp, 0);
	assert_int_equal(fx->f.v[1].tp, 2);
	assert_int_equal(fx->f.v[2].proc, 1);
	assert_int_equal(fx->f.v[2].rule, RULE_R8);
	assert_int_equal(fx->f.v[0].tp_id, tp_at(fx, 0)->id);
}

/* Acknowledgements */

static void
test_ack_marks_matching_warning(void **state)
{
	struct fixture *fx = *state;
	struct process *p = list_add_process(&fx->l, "Обжалование");
	struct acks a;

	p->id = 42;
	add_clean_tp(p, "ЕПГУ", "epgu", CHANNEL_DIGITAL);
	run_list(fx);
	acks_init(&a);
	acks_add(&a, 1, RULE_R8, 42, 0, "жалобы только через ЕПГУ (ст. 40 "
	    "248-ФЗ)", "clerk", "2024-03-19T10:00:00Z");
	findings_apply_acks(&fx->f, &a);
	assert_true(first_of(&fx->f, RULE_R8)->acknowledged);
	assert_string_equal(first_of(&fx->f, RULE_R8)->justification,
	    "жалобы только через ЕПГУ (ст. 40 248-ФЗ)");
	assert_int_equal(first_of(&fx->f, RULE_R8)->level, LEVEL_WARNING);
	assert_int_equal(findings_count(&fx->f, LEVEL_WARNING, true), 0);
	assert_int_equal(findings_count(&fx->f, LEVEL_WARNING, false), 1);
	acks_fini(&a);
}

static void
test_ack_of_other_record_does_not_match(void **state)
{
	struct fixture *fx = *state;
	struct process *p = list_add_process(&fx->l, "Обжалование");
	struct acks a;

	p->id = 42;
	add_clean_tp(p, "ЕПГУ", "epgu", CHANNEL_DIGITAL);
	run_list(fx);
	acks_init(&a);
	acks_add(&a, 1, RULE_R8, 7, 0, "x", "clerk", "");
	acks_add(&a, 2, RULE_R7, 42, 0, "x", "clerk", "");
	acks_add(&a, 3, RULE_R8, 42, 4201, "x", "clerk", "");
	findings_apply_acks(&fx->f, &a);
	assert_false(first_of(&fx->f, RULE_R8)->acknowledged);
	assert_string_equal(first_of(&fx->f, RULE_R8)->justification, "");
	acks_fini(&a);
}

static void
test_ack_never_marks_errors(void **state)
{
	struct fixture *fx = *state;
	struct acks a;

	tp_at(fx, 0)->max_transfers = 4;
	run_list(fx);
	acks_init(&a);
	acks_add(&a, 1, RULE_R9, proc0(fx)->id, tp_at(fx, 0)->id, "x", "u", "");
	findings_apply_acks(&fx->f, &a);
	assert_false(first_of(&fx->f, RULE_R9)->acknowledged);
	acks_fini(&a);
}

static void
test_ack_of_r4_covers_its_touchpoint(void **state)
{
	struct fixture *fx = *state;
	struct acks a;

	touchpoint_add_need(tp_at(fx, 1), "одно", 0);
	touchpoint_add_need(tp_at(fx, 1), "другое", 0);
	run_list(fx);
	assert_int_equal(count_rule(&fx->f, RULE_R4), 2);
	acks_init(&a);
	acks_add(&a, 1, RULE_R4, proc0(fx)->id, tp_at(fx, 1)->id, "так надо",
	    "u", "");
	findings_apply_acks(&fx->f, &a);
	assert_int_equal(findings_count(&fx->f, LEVEL_WARNING, true), 0);
	acks_fini(&a);
}

static void
test_ack_target_refuses_errors_and_hints(void **state)
{
	struct error err;

	(void)state;
	assert_int_equal(ack_check_target(RULE_R9, true, &err), -1);
	assert_non_null(strstr(err.msg, "ошибка"));
	assert_int_equal(ack_check_target(RULE_R6, true, &err), -1);
	assert_non_null(strstr(err.msg, "подсказка"));
	assert_int_equal(ack_check_target(RULE_NONE, false, &err), -1);
	assert_false(rule_ackable(RULE_R1));
	assert_false(rule_ackable(RULE_R10));
}

static void
test_ack_target_shape(void **state)
{
	struct error err;

	(void)state;
	assert_int_equal(ack_check_target(RULE_R8, false, &err), 0);
	assert_int_equal(ack_check_target(RULE_R4, true, &err), 0);
	assert_int_equal(ack_check_target(RULE_R8, true, &err), -1);
	assert_non_null(strstr(err.msg, "к процессу"));
	assert_int_equal(ack_check_target(RULE_R4, false, &err), -1);
	assert_true(rule_ackable(RULE_R5));
	assert_true(rule_ackable(RULE_R7));
}

static void
test_rule_table(void **state)
{
	(void)state;
	assert_int_equal(rule_from_code("R8"), RULE_R8);
	assert_int_equal(rule_from_code("r11"), RULE_R11);
	assert_int_equal(rule_from_code("R12"), RULE_NONE);
	assert_int_equal(rule_from_code("R"), RULE_NONE);
	assert_string_equal(rule_get(RULE_R3)->clause, "3.1, 4");
	assert_string_equal(rule_get(RULE_R8)->clause, "2.9.3");
	assert_null(rule_get(RULE_NONE));
	assert_null(rule_get((enum rule_id)RULE_COUNT));
	for (int i = RULE_R1; i < RULE_COUNT; i++)
		assert_int_equal(rule_get((enum rule_id)i)->id, i);
	assert_string_equal(level_name(LEVEL_WARNING), "warning");
	assert_string_equal(field_name(FIELD_ACK_RECEIPT), "ack_receipt");
}

/* A header with the given fields (NULL: left empty), validated into f. */
static void
run_header(struct fixture *fx, const char *org, const char *gen,
    const char *title)
{
	struct list_header *h = &fx->l.hdr;

	model_set(&h->org, org);
	model_set(&h->org_genitive, gen);
	model_set(&h->title, title);
	findings_reset(&fx->f);
	validate_header(h, &fx->f);
}

static void
test_r0_quiet_on_a_full_header(void **state)
{
	struct fixture *fx = *state;

	run_header(fx, "Министерство финансов", "Министерства финансов",
	    "точек взаимодействия с клиентом");
	assert_int_equal(fx->f.n, 0);
}

/* An empty body or title is an error about the list as a whole. */
static void
test_r0_fires_on_empty_org_and_title(void **state)
{
	struct fixture *fx = *state;
	const struct finding *fi;

	run_header(fx, "  ", NULL, "");
	assert_int_equal(count_rule(&fx->f, RULE_R0), 2);
	fi = &fx->f.v[0];
	assert_int_equal(fi->level, LEVEL_ERROR);
	assert_int_equal(fi->field, FIELD_ORG);
	assert_int_equal(fi->proc, FINDING_NONE);
	assert_int_equal(fi->tp, FINDING_NONE);
	assert_int_equal(fi->proc_id, 0);
	assert_non_null(strstr(fi->message, "п. 5.1, Приложение 1"));
	assert_non_null(strstr(fi->message, "perechen init --org"));
	assert_int_equal(fx->f.v[1].field, FIELD_TITLE);
	assert_non_null(strstr(fx->f.v[1].message, "--title"));
	assert_true(findings_blocking(&fx->f));
	assert_string_equal(rule_get(RULE_R0)->clause, "5.1, Приложение 1");
	assert_int_equal(rule_from_code("r0"), RULE_R0);
	assert_false(rule_ackable(RULE_R0));
}

/* A list migrated from schema 6 has the body but not its genitive: the
 * error suggests the declension. */
static void
test_r0_suggests_the_genitive_when_empty(void **state)
{
	struct fixture *fx = *state;

	run_header(fx, "Региональная служба по тарифам", "", "т");
	assert_int_equal(fx->f.n, 1);
	assert_int_equal(fx->f.v[0].level, LEVEL_ERROR);
	assert_int_equal(fx->f.v[0].field, FIELD_ORG_GENITIVE);
	assert_non_null(strstr(fx->f.v[0].message, "--org-genitive "
	    "\"Региональной службы по тарифам\""));
	assert_string_equal(field_name(FIELD_ORG_GENITIVE), "org_genitive");
}

/* The grif would read «приказом Министерство …»: a warning. */
static void
test_r0_warns_when_genitive_equals_nominative(void **state)
{
	struct fixture *fx = *state;

	run_header(fx, "Министерство финансов", "Министерство финансов", "т");
	assert_int_equal(fx->f.n, 1);
	assert_int_equal(fx->f.v[0].level, LEVEL_WARNING);
	assert_non_null(strstr(fx->f.v[0].message, "«приказом Министерство "
	    "финансов»"));
	assert_non_null(strstr(fx->f.v[0].message, "\"Министерства "
	    "финансов\""));
	assert_false(findings_blocking(&fx->f));
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_clean_list_has_no_findings),
		T(test_errors_only_keeps_errors_drops_the_rest),
		T(test_r1_fires_on_empty_name),
		T(test_r1_fires_on_unworded_need),
		T(test_r1_fires_on_process_without_touchpoints),
		T(test_r1_fires_on_missing_channel_and_needs),
		T(test_r1_fires_on_unnamed_process),
		T(test_r1_quiet_on_complete_touchpoint),
		T(test_r2_fires_on_same_folded_name),
		T(test_r2_fires_on_same_kind_and_contacts),
		T(test_r2_quiet_on_same_kind_other_contacts),
		T(test_r2_names_the_first_it_repeats),
		T(test_r2_quiet_on_many_different),
		T(test_r2_quiet_when_duplicate_is_excluded),
		T(test_r2_in_process_refuses_new_duplicate),
		T(test_r2_in_process_ignores_the_record_itself),
		T(test_r3_fires_on_digital_phone),
		T(test_r3_fires_on_offline_email),
		T(test_r3_quiet_on_matching_or_custom_kind),
		T(test_r4_fires_on_unclassified_need),
		T(test_r4_quiet_on_classified_needs),
		T(test_r5_fires_without_key_touchpoint),
		T(test_r5_quiet_with_key_flag_or_key_kind),
		T(test_r5_excluded_key_does_not_count),
		T(test_r6_fires_without_basis),
		T(test_r6_fires_with_type_but_no_text),
		T(test_r6_quiet_with_act),
		T(test_r7_fires_without_digital),
		T(test_r7_quiet_with_digital_of_kind),
		T(test_r8_fires_without_offline),
		T(test_r8_fires_when_offline_is_excluded),
		T(test_r8_quiet_with_offline),
		T(test_r9_fires_above_two_transfers),
		T(test_r9_fires_on_negative),
		T(test_r9_quiet_at_two_unknown_or_not_phone),
		T(test_r10_fires_on_written_without_receipt),
		T(test_r10_quiet_on_receipt_or_oral_channel),
		T(test_r11_fires_on_malformed_contact),
		T(test_r11_fires_on_local_phone),
		T(test_r11_quiet_on_good_contacts),
		T(test_r11_fires_on_contact_left_in_name),
		T(test_list_skips_fields_of_excluded),
		T(test_list_skips_excluded_process),
		T(test_list_orders_by_process_then_touchpoint),
		T(test_ack_marks_matching_warning),
		T(test_ack_of_other_record_does_not_match),
		T(test_ack_never_marks_errors),
		T(test_ack_of_r4_covers_its_touchpoint),
		T(test_ack_target_refuses_errors_and_hints),
		T(test_ack_target_shape),
		T(test_rule_table),
		T(test_r0_quiet_on_a_full_header),
		T(test_r0_fires_on_empty_org_and_title),
		T(test_r0_suggests_the_genitive_when_empty),
		T(test_r0_warns_when_genitive_equals_nominative),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
