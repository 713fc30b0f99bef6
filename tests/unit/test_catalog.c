/* test_catalog.c - parsing the shipped catalogues and guessing from text. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "catalog.h"

static char *
slurp(const char *name)
{
	const char *dir = getenv("PERECHEN_SHARE");
	char path[4096];
	struct buf b;
	char chunk[4096];
	size_t n;
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir ? dir : "share/perechen",
	    name);
	f = fopen(path, "r");
	assert_non_null(f);
	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_append(&b, chunk, n);
	fclose(f);
	return buf_detach(&b);
}

static int
setup(void **state)
{
	struct catalog *c = malloc(sizeof *c);
	struct error err;
	char *kinds = slurp("kinds.tsv"), *needs = slurp("needs.tsv");

	catalog_init(c);
	if (catalog_parse_kinds(c, kinds, "kinds.tsv", &err) != 0 ||
	    catalog_parse_needs(c, needs, "needs.tsv", &err) != 0)
		fail_msg("%s", err.msg);
	free(kinds);
	free(needs);
	*state = c;
	return 0;
}

static int
teardown(void **state)
{
	catalog_fini(*state);
	free(*state);
	return 0;
}

static void
shipped_catalogue_has_clause_4_kinds_and_9_needs(void **state)
{
	struct catalog *c = *state;
	const struct kind *phone = catalog_find_kind(c, "phone");

	assert_int_equal(c->ncats, 9);
	assert_non_null(phone);
	assert_int_equal(phone->channel, CHANNEL_OFFLINE);
	assert_true(phone->phone);
	assert_true(phone->key_default);
	assert_int_equal(catalog_find_kind(c, "email")->channel, CHANNEL_DIGITAL);
	assert_true(catalog_find_kind(c, "post")->written);
	assert_string_equal(catalog_need_title(c, 2), "получение консультации");
}

/* «Сообщения в личном кабинете» are written interaction (п. 3.2.4) and
 * key by default (п. 3.2): a process served by ЕПГУ alone has a key point. */
static void
personal_account_portals_are_key_and_written(void **state)
{
	struct catalog *c = *state;
	const char *codes[] = { "epgu", "tor_knd" };

	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
		const struct kind *k = catalog_find_kind(c, codes[i]);

		assert_non_null(k);
		assert_true(k->key_default);
		assert_true(k->written);
		assert_false(k->phone);
		assert_int_equal(k->channel, CHANNEL_DIGITAL);
	}
	assert_false(catalog_find_kind(c, "ervk")->key_default);
	assert_false(catalog_find_kind(c, "ervk")->written);
}

/* The F3 list: п. 4's clauses in order, then the kinds outside п. 4 in
 * file order (which stays the guessing order). */
static void
kinds_are_ordered_by_clause_4(void **state)
{
	struct catalog *c = *state;
	size_t *order = calloc(c->nkinds, sizeof *order);
	size_t outside = 0;

	assert_non_null(order);
	catalog_kind_order(c, order);
	assert_string_equal(c->kinds[order[0]].clause, "4.1.1");
	assert_string_equal(c->kinds[order[1]].clause, "4.1.2");
	assert_string_equal(c->kinds[order[6]].clause, "4.1.7");
	assert_string_equal(c->kinds[order[7]].clause, "4.2.1");
	assert_string_equal(c->kinds[order[8]].clause, "4.2.2");
	assert_string_equal(c->kinds[order[9]].clause, "4.2.3");
	for (size_t i = 10; i < c->nkinds; i++) {
		assert_string_equal(c->kinds[order[i]].clause, "—");
		/* stable: file order among them */
		assert_true(order[i] > outside || i == 10);
		outside = order[i];
	}
	free(order);
}

static void
kinds_are_guessed_from_printed_names(void **state)
{
	struct catalog *c = *state;

	assert_string_equal(catalog_guess_kind(c, "Почта России")->code, "post");
	assert_string_equal(catalog_guess_kind(c,
	    "Электронная почта: a@b.ru")->code, "email");
	assert_string_equal(catalog_guess_kind(c,
	    "Телефонная связь +7 (4812) 29-25-09")->code, "phone");
	assert_string_equal(catalog_guess_kind(c,
	    "ЕПГУ https://knd.gosuslugi.ru/")->code, "epgu");
	assert_string_equal(catalog_guess_kind(c, "Типовое облачное решение "
	    "(ГИС ТОР КНД, https://tor.knd.gov.ru/)")->code, "tor_knd");
	assert_null(catalog_guess_kind(c, "Голубиная почта"));
}

static void
internal_clients_are_read_from_the_name(void **state)
{
	(void)state;
	assert_int_equal(catalog_guess_audience("Кабинет внутренних клиентов"),
	    AUDIENCE_INTERNAL);
	assert_int_equal(catalog_guess_audience("ПРИЁМ ВНУТРЕННЕГО  КЛИЕНТА"),
	    AUDIENCE_INTERNAL);
	assert_int_equal(catalog_guess_audience("Места нахождения "
	    "(осуществления деятельности) внешних клиентов"), AUDIENCE_EXTERNAL);
	assert_int_equal(catalog_guess_audience("Внутренний портал, клиенты"),
	    AUDIENCE_EXTERNAL);
	assert_int_equal(catalog_guess_audience("внутренн"), AUDIENCE_EXTERNAL);
	assert_int_equal(catalog_guess_audience(""), AUDIENCE_EXTERNAL);
}

static void
needs_are_guessed_earliest_and_longest(void **state)
{
	struct catalog *c = *state;

	assert_int_equal(catalog_guess_need(c, "Получение консультации"), 2);
	assert_int_equal(catalog_guess_need(c,
	    "получение результата рассмотрения обратной связи"), 8);
	assert_int_equal(catalog_guess_need(c,
	    "получение результата рассмотрения жалобы"), 5);
	assert_int_equal(catalog_guess_need(c, "что-то совсем иное"), 0);
}

static void
malformed_lines_are_reported_with_line_number(void **state)
{
	struct catalog c;
	struct error err;

	(void)state;
	catalog_init(&c);
	assert_int_equal(catalog_parse_kinds(&c, "# comment\nx\ty\tnowhere\t1\t0"
	    "\t0\t0\n", "k.tsv", &err), -1);
	assert_non_null(strstr(err.msg, "k.tsv, строка 2"));
	catalog_fini(&c);
	catalog_init(&c);
	assert_int_equal(catalog_parse_needs(&c, "12\t2.6.1\tx\n", "n.tsv", &err),
	    -1);
	catalog_fini(&c);
	catalog_init(&c);
	assert_int_equal(catalog_parse_kinds(&c, "a\tA\tdigital\t1\t1\t0\t0\n"
	    "a\tA\tdigital\t1\t1\t0\t0\n", "k.tsv", &err), -1);
	assert_non_null(strstr(err.msg, "дважды"));
	catalog_fini(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shipped_catalogue_has_clause_4_kinds_and_9_needs),
		cmocka_unit_test(personal_account_portals_are_key_and_written),
		cmocka_unit_test(kinds_are_ordered_by_clause_4),
		cmocka_unit_test(kinds_are_guessed_from_printed_names),
		cmocka_unit_test(internal_clients_are_read_from_the_name),
		cmocka_unit_test(needs_are_guessed_earliest_and_longest),
		cmocka_unit_test(malformed_lines_are_reported_with_line_number),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
