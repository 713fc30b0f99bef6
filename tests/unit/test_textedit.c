/* test_textedit.c - the field editor's text: cursor, edits, rows. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "textedit.h"

/* Type s at the cursor. */
static void
type(struct textedit *te, const char *s)
{
	textedit_insert(te, s, strlen(s));
}

static void
test_insert_at_cursor(void **state)
{
	struct textedit te;

	(void)state;
	textedit_init(&te, "Почта");
	textedit_home(&te);
	type(&te, "«");
	textedit_end(&te);
	type(&te, " России»");
	assert_string_equal(textedit_text(&te), "«Почта России»");
	assert_int_equal(te.cur, strlen("«Почта России»"));
	textedit_fini(&te);
}

static void
test_cursor_moves_by_character(void **state)
{
	struct textedit te;

	(void)state;
	textedit_init(&te, "ёж");
	assert_true(textedit_left(&te));
	assert_int_equal(te.cur, strlen("ё"));
	assert_true(textedit_left(&te));
	assert_int_equal(te.cur, 0);
	assert_false(textedit_left(&te));
	assert_true(textedit_right(&te));
	assert_int_equal(te.cur, strlen("ё"));
	textedit_fini(&te);
}

static void
test_combining_mark_is_one_character(void **state)
{
	struct textedit te;

	(void)state;
	/* "й" written as и + combining breve: one character to the clerk. */
	textedit_init(&te, "аи\xcc\x86" "б");
	textedit_left(&te);
	assert_int_equal(te.cur, strlen("аи\xcc\x86"));
	textedit_left(&te);
	assert_int_equal(te.cur, strlen("а"));
	assert_true(textedit_delete(&te));
	assert_string_equal(textedit_text(&te), "аб");
	textedit_end(&te);
	textedit_set(&te, "и\xcc\x86");
	assert_true(textedit_backspace(&te));
	assert_string_equal(textedit_text(&te), "");
	textedit_fini(&te);
}

/* Found by fuzz_textedit: typing before a combining mark at the start
 * left the cursor between the new letter and the mark. */
static void
test_insert_before_leading_mark(void **state)
{
	struct textedit te;

	(void)state;
	textedit_init(&te, "\xcc\x86" "б");
	textedit_home(&te);
	type(&te, "и");
	assert_string_equal(textedit_text(&te), "и\xcc\x86" "б");
	assert_int_equal(te.cur, strlen("и\xcc\x86"));
	assert_true(textedit_backspace(&te));
	assert_string_equal(textedit_text(&te), "б");
	textedit_fini(&te);
}

static void
test_backspace_and_delete(void **state)
{
	struct textedit te;

	(void)state;
	textedit_init(&te, "телефон");
	assert_true(textedit_backspace(&te));
	assert_string_equal(textedit_text(&te), "телефо");
	textedit_home(&te);
	assert_false(textedit_backspace(&te));
	assert_true(textedit_delete(&te));
	assert_string_equal(textedit_text(&te), "елефо");
	textedit_end(&te);
	assert_false(textedit_delete(&te));
	textedit_fini(&te);
}

static void
test_delete_word_before_cursor(void **state)
{
	struct textedit te;

	(void)state;
	textedit_init(&te, "получение   консультации  ");
	assert_true(textedit_delete_word(&te));
	assert_string_equal(textedit_text(&te), "получение   ");
	assert_true(textedit_delete_word(&te));
	assert_string_equal(textedit_text(&te), "");
	assert_false(textedit_delete_word(&te));
	textedit_fini(&te);
}

static void
test_kill_to_start_and_end(void **state)
{
	struct textedit te;

	(void)state;
	textedit_init(&te, "один два три");
	te.cur = strlen("один ");
	assert_true(textedit_kill_end(&te));
	assert_string_equal(textedit_text(&te), "один ");
	assert_int_equal(te.cur, strlen("один "));
	te.cur = strlen("од");
	assert_true(textedit_kill_start(&te));
	assert_string_equal(textedit_text(&te), "ин ");
	assert_int_equal(te.cur, 0);
	textedit_fini(&te);
}

static void
test_word_moves(void **state)
{
	struct textedit te;

	(void)state;
	textedit_init(&te, "а бб  ввв");
	assert_true(textedit_word_left(&te));
	assert_int_equal(te.cur, strlen("а бб  "));
	textedit_word_left(&te);
	assert_int_equal(te.cur, strlen("а "));
	textedit_word_right(&te);
	assert_int_equal(te.cur, strlen("а бб"));
	textedit_word_right(&te);
	assert_int_equal(te.cur, strlen("а бб  ввв"));
	textedit_fini(&te);
}

static void
test_overwrite_replaces_characters(void **state)
{
	struct textedit te;

	(void)state;
	textedit_init(&te, "кот");
	textedit_home(&te);
	te.overwrite = true;
	type(&te, "ж");
	assert_string_equal(textedit_text(&te), "жот");
	type(&te, "ираф");
	assert_string_equal(textedit_text(&te), "жираф");
	textedit_fini(&te);
}

static void
test_insert_cleans_controls(void **state)
{
	struct textedit te;

	(void)state;
	textedit_init(&te, "");
	type(&te, "a\tb\nc\r\x1b[2Jd\x7f\xe2\x80\xae" "e\xc2\x9b");
	assert_string_equal(textedit_text(&te), "a b c [2Jde");
	assert_false(textedit_insert(&te, "\x1b", 1));
	textedit_fini(&te);
}

static void
test_long_paste_kept_whole(void **state)
{
	struct textedit te;
	char *s = malloc(3001);

	(void)state;
	for (int i = 0; i < 3000; i++)
		s[i] = (char)('a' + i % 26);
	s[3000] = '\0';
	textedit_init(&te, "");
	assert_true(textedit_insert(&te, s, 3000));
	assert_string_equal(textedit_text(&te), s);
	free(s);
	textedit_fini(&te);
}

static void
test_limit_never_splits_a_character(void **state)
{
	struct textedit te;
	char *s = malloc(TEXTEDIT_MAX + 1);

	(void)state;
	memset(s, 'x', TEXTEDIT_MAX - 1);
	s[TEXTEDIT_MAX - 1] = '\0';
	textedit_init(&te, s);
	assert_false(textedit_insert(&te, "ж", strlen("ж")));
	assert_true(textedit_insert(&te, "y", 1));
	assert_int_equal(te.text.len, TEXTEDIT_MAX);
	assert_false(textedit_insert(&te, "z", 1));
	free(s);
	textedit_fini(&te);
}

static void
test_rows_break_between_words(void **state)
{
	size_t *starts, n;

	(void)state;
	n = textedit_rows("получение формы документов", 12, &starts);
	assert_int_equal(n, 3);
	assert_int_equal(starts[1], strlen("получение "));
	assert_int_equal(starts[2], strlen("получение формы "));
	free(starts);
	n = textedit_rows("", 10, &starts);
	assert_int_equal(n, 1);
	assert_int_equal(starts[0], 0);
	free(starts);
}

static void
test_rows_break_long_word_and_wide_text(void **state)
{
	size_t *starts, n;

	(void)state;
	n = textedit_rows("abcdefghij", 4, &starts);
	assert_int_equal(n, 3);
	assert_int_equal(starts[1], 4);
	assert_int_equal(starts[2], 8);
	free(starts);
	/* Wide characters take two columns each: three fit in 6. */
	n = textedit_rows("漢字漢字", 6, &starts);
	assert_int_equal(n, 2);
	assert_int_equal(starts[1], strlen("漢字漢"));
	free(starts);
}

static void
test_cursor_row_and_column(void **state)
{
	struct textedit te;
	size_t *starts, n, row;
	int col;

	(void)state;
	textedit_init(&te, "один два три");
	/* The space after "два" hangs at the end of the full row. */
	n = textedit_rows(textedit_text(&te), 8, &starts);
	assert_int_equal(n, 2);
	assert_int_equal(starts[1], strlen("один два "));
	textedit_cursor_at(&te, starts, n, &row, &col);
	assert_int_equal(row, 1);
	assert_int_equal(col, 3);
	te.cur = strlen("один ");
	textedit_cursor_at(&te, starts, n, &row, &col);
	assert_int_equal(row, 0);
	assert_int_equal(col, 5);
	assert_int_equal(textedit_offset_at(textedit_text(&te), starts[1],
	    te.text.len, 2), strlen("один два тр"));
	free(starts);
	textedit_fini(&te);
}

static void
test_width_counts_columns(void **state)
{
	(void)state;
	assert_int_equal(textedit_width("ёж漢", 0, strlen("ёж漢")), 4);
	assert_int_equal(textedit_width("и\xcc\x86", 0,
	    strlen("и\xcc\x86")), 1);
	assert_int_equal(textedit_width("abc", 2, 1), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_insert_at_cursor),
		cmocka_unit_test(test_cursor_moves_by_character),
		cmocka_unit_test(test_combining_mark_is_one_character),
		cmocka_unit_test(test_insert_before_leading_mark),
		cmocka_unit_test(test_backspace_and_delete),
		cmocka_unit_test(test_delete_word_before_cursor),
		cmocka_unit_test(test_kill_to_start_and_end),
		cmocka_unit_test(test_word_moves),
		cmocka_unit_test(test_overwrite_replaces_characters),
		cmocka_unit_test(test_insert_cleans_controls),
		cmocka_unit_test(test_long_paste_kept_whole),
		cmocka_unit_test(test_limit_never_splits_a_character),
		cmocka_unit_test(test_rows_break_between_words),
		cmocka_unit_test(test_rows_break_long_word_and_wide_text),
		cmocka_unit_test(test_cursor_row_and_column),
		cmocka_unit_test(test_width_counts_columns),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
