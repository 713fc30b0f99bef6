/* test_csv.c - CSV/TSV records. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "csv.h"

/* Read all records of text; returns the csv_read result of the last call. */
static int
read_all(const char *text, char delim, struct csv_record *recs, size_t max,
    size_t *n, struct error *err)
{
	struct csv_reader r;
	int rc = 0;

	csv_reader_init(&r, text, strlen(text), delim);
	*n = 0;
	while (*n < max && (rc = csv_read(&r, &recs[*n], err)) == 1)
		(*n)++;
	return rc;
}

static void
fini_all(struct csv_record *recs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		csv_record_fini(&recs[i]);
}

static void
quoted_fields_hold_delimiters_quotes_and_newlines(void **state)
{
	struct csv_record recs[4];
	struct error err;
	size_t n;

	(void)state;
	for (int i = 0; i < 4; i++)
		csv_record_init(&recs[i]);
	assert_int_equal(read_all("a;\"b;c\";\"он сказал \"\"да\"\"\"\r\n"
	    "\"строка 1\r\nстрока 2\";x;y\r\n", ';', recs, 4, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(recs[0].fields.n, 3);
	assert_string_equal(recs[0].fields.v[1], "b;c");
	assert_string_equal(recs[0].fields.v[2], "он сказал \"да\"");
	assert_string_equal(recs[1].fields.v[0], "строка 1\nстрока 2");
	assert_int_equal(recs[1].line, 2);
	assert_int_equal(recs[1].end_line, 3);
	fini_all(recs, 4);
}

static void
tsv_keeps_inner_quotes_literal(void **state)
{
	struct csv_record recs[2];
	struct error err;
	size_t n;

	(void)state;
	csv_record_init(&recs[0]);
	csv_record_init(&recs[1]);
	assert_int_equal(read_all("ФГИС \"ЕРКНМ\" https://x\t\tb\n", '\t', recs,
	    2, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(recs[0].fields.n, 3);
	assert_string_equal(recs[0].fields.v[0], "ФГИС \"ЕРКНМ\" https://x");
	assert_string_equal(recs[0].fields.v[1], "");
	fini_all(recs, 2);
}

static void
unterminated_quote_is_an_error_with_line(void **state)
{
	struct csv_record recs[3];
	struct error err;
	size_t n;

	(void)state;
	for (int i = 0; i < 3; i++)
		csv_record_init(&recs[i]);
	assert_int_equal(read_all("a,b\nc,\"d\ne,f\n", ',', recs, 3, &n, &err),
	    -1);
	assert_non_null(strstr(err.msg, "строка 2"));
	assert_non_null(strstr(err.msg, "кавычка"));
	fini_all(recs, 3);
}

static void
text_after_closing_quote_is_an_error(void **state)
{
	struct csv_record rec;
	struct error err;
	size_t n;

	(void)state;
	csv_record_init(&rec);
	assert_int_equal(read_all("\"a\"b,c\n", ',', &rec, 1, &n, &err), -1);
	assert_non_null(strstr(err.msg, "удваивать"));
	csv_record_fini(&rec);
}

static void
overlong_field_is_reported_not_cut(void **state)
{
	size_t len = CSV_MAX_FIELD + 10;
	char *big = test_malloc(len + 2);
	struct csv_record rec;
	struct error err;
	size_t n;

	(void)state;
	memset(big, 'x', len);
	big[len] = '\n';
	big[len + 1] = '\0';
	csv_record_init(&rec);
	assert_int_equal(read_all(big, ',', &rec, 1, &n, &err), -1);
	assert_non_null(strstr(err.msg, "длиннее"));
	csv_record_fini(&rec);
	test_free(big);
}

static void
delimiter_is_guessed_from_first_line(void **state)
{
	(void)state;
	assert_int_equal(csv_guess_delimiter("a\tb;c\n", 6), '\t');
	assert_int_equal(csv_guess_delimiter("a;b;c,d\n", 8), ';');
	assert_int_equal(csv_guess_delimiter("\"a;b\",c\n", 8), ',');
	assert_int_equal(csv_guess_delimiter("abc", 3), ',');
}

static void
blank_records_are_recognised(void **state)
{
	struct csv_record recs[4];
	struct error err;
	size_t n;

	(void)state;
	for (int i = 0; i < 4; i++)
		csv_record_init(&recs[i]);
	assert_int_equal(read_all("\n\t \t\nx\n", '\t', recs, 4, &n, &err), 0);
	assert_int_equal(n, 3);
	assert_true(csv_record_blank(&recs[0]));
	assert_true(csv_record_blank(&recs[1]));
	assert_false(csv_record_blank(&recs[2]));
	fini_all(recs, 4);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(quoted_fields_hold_delimiters_quotes_and_newlines),
		cmocka_unit_test(tsv_keeps_inner_quotes_literal),
		cmocka_unit_test(unterminated_quote_is_an_error_with_line),
		cmocka_unit_test(text_after_closing_quote_is_an_error),
		cmocka_unit_test(overlong_field_is_reported_not_cut),
		cmocka_unit_test(delimiter_is_guessed_from_first_line),
		cmocka_unit_test(blank_records_are_recognised),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
