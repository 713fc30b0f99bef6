/* test_layout.c - line breaks and column widths of the printed table:
 * no word split, addresses only after «@ . / -», a word wider than its
 * column the only thing cut and then with a hyphen; one computation of
 * the columns. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "layout.h"
#include "model.h"
#include "utf8.h"

/* A metric of one point a character: widths are counts of letters. */
static double
per_letter(void *ctx, const char *s, size_t n)
{
	double w = 0;
	size_t i = 0;

	(void)ctx;
	while (i < n) {
		uint32_t cp;

		i += utf8_decode(s + i, n - i, &cp);
		w += 1;
	}
	return w;
}

static const struct layout_metric letters = { per_letter, NULL };

/* The lines of text wrapped at width, joined by '|'; caller frees. */
static char *
wrapped(const char *text, double width)
{
	struct strvec lines;
	size_t len = 0;
	char *out;

	strvec_init(&lines);
	layout_wrap(text, width, &letters, &lines);
	for (size_t i = 0; i < lines.n; i++)
		len += strlen(lines.v[i]) + 1;
	out = calloc(1, len + 1);
	assert_non_null(out);
	for (size_t i = 0; i < lines.n; i++) {
		if (i > 0)
			strcat(out, "|");
		strcat(out, lines.v[i]);
	}
	strvec_fini(&lines);
	return out;
}

/* Paragraphs wrapped, at one point a letter, and the lines wanted. */
static const struct {
	const char *text;
	double	 width;
	const char *want;
} wraps[] = {
	/* Words break only between words, a compound word after its
	 * hyphen, two words after the slash between them. */
	{ "Получение консультации", 16, "Получение|консультации" },
	{ "Консультирование", 16, "Консультирование" },	/* just fits */
	{ "о контрольно-надзорной деятельности", 14,
	  "о контрольно-|надзорной|деятельности" },
	{ "объяснений/истребование документов", 12,
	  "объяснений/|истребование|документов" },
	{ "дробь 1/2 и 3/4", 5, "дробь|1/2 и|3/4" },	/* not between digits */
	{ "+7 (4812) 29-25-09", 10, "+7 (4812)|29-25-09" },
	{ "", 10, "" },
	{ "  два   пробела ", 20, "два пробела" },
	/* Addresses only after «@ . / -», "https://" after its second
	 * slash. */
	{ "otdelgoscen@yandex.ru", 14, "otdelgoscen@|yandex.ru" },
	{ "deppromtorg@smolinvest.com", 15, "deppromtorg@|smolinvest.com" },
	{ "https://dpt.admin-smolensk.ru/regionalnyj-kontrol-nadzor/", 20,
	  "https://dpt.admin-|smolensk.ru/|regionalnyj-kontrol-|nadzor/" },
	{ "https://ervk.gov.ru", 8, "https://|ervk.|gov.ru" },
	/* A piece wider than its column, and nothing else, is cut with a
	 * hyphen; however narrow, a letter a line. */
	{ "https://ervk.gov.ru", 7, "https:-|//ervk.|gov.ru" },
	{ "видеоконференцсвязь", 10, "видеоконф-|еренцсвязь" },
	{ "видеоконференцсвязь", 9, "видеокон-|ференцсв-|язь" },
	{ "Цифровая видеоконференцсвязь", 12,
	  "Цифровая|видеоконфер-|енцсвязь" },
	{ "абв", 1, "а-|б-|в" },
};

static void
lines_break_only_where_they_may(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof wraps / sizeof wraps[0]; i++) {
		char *got = wrapped(wraps[i].text, wraps[i].width);

		assert_string_equal(got, wraps[i].want);
		free(got);
	}
}

static void
addresses_are_told_from_words(void **state)
{
	static const char *const yes[] = {
		"https://knd.gosuslugi.ru/", "otdelgoscen@yandex.ru",
		"www.example.org", "yandex.ru", "tor.knd.gov.ru/",
	};
	static const char *const no[] = {
		"Консультирование", "т.ч.", "1.2.3", "@вопрос", "27/01-01",
		"контрольно-надзорной",
	};

	(void)state;
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		assert_true(layout_is_address(yes[i], strlen(yes[i])));
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		assert_false(layout_is_address(no[i], strlen(no[i])));
}

static void
marks_for_readers_that_break_lines(void **state)
{
	const char *text = "почта a@b.ru и видеоконференцсвязь";
	struct layout_mark *m;
	size_t n = layout_marks(text, 10, &letters, &m);
	size_t word = strstr(text, "видео") - text;

	(void)state;
	/* After «@» and «.» of the address, then soft hyphens inside the
	 * word of 19 letters, two kept at either end: 16 of them. */
	assert_int_equal(n, 2 + 16);
	assert_int_equal(m[0].at, strlen("почта a@"));
	assert_false(m[0].hyphen);
	assert_int_equal(m[1].at, strlen("почта a@b."));
	assert_false(m[1].hyphen);
	assert_int_equal(m[2].at, word + strlen("ви"));
	assert_true(m[2].hyphen);
	assert_int_equal(m[n - 1].at, word + strlen("видеоконференцсвя"));
	free(m);
	/* Wide enough: only the address's places. */
	n = layout_marks(text, 40, &letters, &m);
	assert_int_equal(n, 2);
	free(m);
	n = layout_marks("контрольно-надзорной", 40, &letters, &m);
	assert_int_equal(n, 0);
	free(m);
}

static void
times_new_roman_widths(void **state)
{
	double pt = 12;

	(void)state;
	/* 1954/2048 em and 1536/2048 em. */
	assert_true(layout_times_width(&pt, "№", strlen("№")) > 11.44 &&
	    layout_times_width(&pt, "№", strlen("№")) < 11.46);
	assert_true(layout_times_width(&pt, DOC_ITEM_MARK,
	    strlen(DOC_ITEM_MARK)) == 9);
	assert_true(layout_times_width(&pt, "Ж", strlen("Ж")) >
	    layout_times_width(&pt, "ж", strlen("ж")));
}

/* A list of two processes, the second's name one long word. */
static void
two_processes(struct list *l)
{
	struct touchpoint *tp;

	list_init(l);
	tp = process_add_touchpoint(list_add_process(l, "Информирование"),
	    "Официальный сайт https://dpt.admin-smolensk.ru/regionalnyj/");
	touchpoint_add_need(tp, "получение информации о ходе рассмотрения "
	    "обращения и о результатах его рассмотрения", 1);
	touchpoint_add_need(tp, "получение консультации", 2);
	tp = process_add_touchpoint(list_add_process(l,
	    "Консультирование"), "Почта России");
	touchpoint_add_need(tp, "получение консультации", 2);
}

/*
 * The columns of two_processes' document in Times New Roman 12 pt across
 * width points, padded 10: they fill the width, and the process column
 * holds its longest word whole, however narrow the page.
 */
static void
columns_of(double width, double w[DOC_MAX_COLUMNS])
{
	struct list l;
	struct document d;
	double sum = 0, pt = 12;
	struct layout_metric tnr = { layout_times_width, &pt };

	two_processes(&l);
	document_build(&d, &l, "", "");
	layout_columns(document_table(&d), &tnr, width, 10, w);
	for (int c = 0; c < DOC_COLUMNS; c++) {
		assert_true(w[c] > 0);
		sum += w[c];
	}
	assert_true(sum > width - 0.01 && sum < width + 0.01);
	assert_true(w[DOC_PROCESS] - 10 >= layout_times_width(&pt,
	    "Консультирование", strlen("Консультирование")));
	document_fini(&d);
	list_fini(&l);
}

static void
columns_fit_the_longest_words_and_fill_the_width(void **state)
{
	double w[DOC_MAX_COLUMNS], pt = 12;

	(void)state;
	columns_of(482, w);
	/* № as wide as «№» and its padding, no wider. */
	assert_true(w[DOC_NUM] >= layout_times_width(&pt, "№", strlen("№")) +
	    10);
	assert_true(w[DOC_NUM] < 30);
	/* The needs, the most text, get the most room. */
	for (int c = DOC_PROCESS; c < DOC_COLUMNS; c++)
		if (c != DOC_NEEDS)
			assert_true(w[DOC_NEEDS] > w[c]);
}

static void
a_narrow_page_keeps_the_process_word_whole(void **state)
{
	double w[DOC_MAX_COLUMNS];

	(void)state;
	/* The others give way, down to two letters' room each. */
	columns_of(300, w);
	columns_of(250, w);
}

/* A table of seven columns: a fit one as wide as its widest number, the
 * others by their weights; measured, the same table shares by content. */
static void
any_columns_by_weight_or_measured(void **state)
{
	struct doc_column cols[7];
	struct document d;
	struct doc_table *t;
	struct doc_row *r;
	double w[DOC_MAX_COLUMNS], pt = 12, sum = 0;
	struct layout_metric tnr = { layout_times_width, &pt };

	(void)state;
	memset(cols, 0, sizeof cols);
	for (int c = 0; c < 7; c++) {
		cols[c].title = "Графа";
		cols[c].weight = c;
	}
	cols[0].fit = true;
	document_init(&d);
	t = document_add_table(&d, cols, 7);
	r = doc_table_add_row(t, true);
	strvec_push(&r->cells[0].paras, "1234");
	strvec_push(&r->cells[6].paras, "очень длинный текст последней графы "
	    "таблицы, которому нужно много места");
	layout_columns(t, &tnr, 600, 10, w);
	assert_true(w[0] >= 10 + layout_times_width(&pt, "1234", 4));
	for (int c = 0; c < 7; c++)
		sum += w[c];
	assert_true(sum > 599.99 && sum < 600.01);
	/* Weights 1..6: the sixth column six times the first. */
	assert_true(w[6] > 5.99 * w[1] && w[6] < 6.01 * w[1]);
	assert_true(w[7] == 0);
	t->measured = true;
	layout_columns(t, &tnr, 600, 10, w);
	sum = 0;
	for (int c = 0; c < 7; c++)
		sum += w[c];
	assert_true(sum > 599.99 && sum < 600.01);
	/* Measured: the text goes where the text is. */
	for (int c = 1; c < 6; c++)
		assert_true(w[6] > w[c]);
	document_fini(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lines_break_only_where_they_may),
		cmocka_unit_test(addresses_are_told_from_words),
		cmocka_unit_test(marks_for_readers_that_break_lines),
		cmocka_unit_test(times_new_roman_widths),
		cmocka_unit_test(columns_fit_the_longest_words_and_fill_the_width),
		cmocka_unit_test(a_narrow_page_keeps_the_process_word_whole),
		cmocka_unit_test(any_columns_by_weight_or_measured),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
