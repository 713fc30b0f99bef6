/* test_utf8.c - decoding, widths, the sanitiser, folding and wrapping. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "utf8.h"

static void
decode_rejects_overlong_and_surrogates(void **state)
{
	uint32_t cp;

	(void)state;
	assert_int_equal(utf8_decode("\xC0\xAF", 2, &cp), 1);
	assert_int_equal(cp, UTF8_REPLACEMENT);
	assert_int_equal(utf8_decode("\xED\xA0\x80", 3, &cp), 1);
	assert_int_equal(cp, UTF8_REPLACEMENT);
	assert_int_equal(utf8_decode("Ж", 2, &cp), 2);
	assert_int_equal(cp, 0x0416);
	assert_int_equal(utf8_decode("\xE2\x82", 2, &cp), 1);
	assert_int_equal(cp, UTF8_REPLACEMENT);
}

static void
valid_detects_broken_bytes(void **state)
{
	(void)state;
	assert_true(utf8_valid("Почта России", strlen("Почта России")));
	assert_false(utf8_valid("abc\xFF", 4));
	assert_false(utf8_valid("\xD0", 1));
}

static void
width_counts_columns_not_bytes(void **state)
{
	(void)state;
	assert_int_equal(utf8_width("Почта"), 5);
	assert_int_equal(utf8_width("漢字"), 4);
	assert_int_equal(utf8_width("e\xCC\x81"), 1);	/* e + combining acute */
	assert_int_equal(utf8_width(""), 0);
}

static void
sanitize_makes_escape_sequences_harmless(void **state)
{
	char *s;

	(void)state;
	s = utf8_sanitized("\033[2J\033]0;x\007", 0);
	assert_null(strchr(s, '\033'));
	assert_null(strchr(s, '\007'));
	assert_string_equal(s, "\xE2\x90\x9B[2J\xE2\x90\x9B]0;x\xE2\x90\x87");
	free(s);
	s = utf8_sanitized("a\xC2\x9B" "b", 0);	/* C1 CSI */
	assert_string_equal(s, "a\xEF\xBF\xBD" "b");
	free(s);
	s = utf8_sanitized("bad\xFF", 0);
	assert_string_equal(s, "bad\xEF\xBF\xBD");
	free(s);
}

static void
sanitize_keeps_newlines_only_when_asked(void **state)
{
	char *a = utf8_sanitized("a\nb\tc", 0);
	char *b = utf8_sanitized("a\nb\tc", SAN_KEEP_NEWLINES);

	(void)state;
	assert_string_equal(a, "a\xE2\x90\x8A" "b c");
	assert_string_equal(b, "a\nb c");
	free(a);
	free(b);
}

static void
sanitize_replaces_bidi_overrides(void **state)
{
	char *s = utf8_sanitized("x\xE2\x80\xAEy", 0);	/* U+202E */

	(void)state;
	assert_string_equal(s, "x\xEF\xBF\xBDy");
	free(s);
}

/* Two-byte characters take the sanitiser's short way; the Arabic letter
 * mark, a bidi control, and a cut sequence do not get through it. */
static void
sanitize_passes_two_byte_letters_not_the_letter_mark(void **state)
{
	char *s = utf8_sanitized("Почта é\xD8\x9C\xD8\xA7 \xD0", 0);

	(void)state;
	assert_string_equal(s, "Почта é\xEF\xBF\xBD\xD8\xA7 \xEF\xBF\xBD");
	free(s);
}

static void
casefold_folds_cyrillic_and_yo(void **state)
{
	char *f = utf8_casefold("ПОЧТА Россия Ёлка ABC");

	(void)state;
	assert_string_equal(f, "почта россия елка abc");
	assert_true(utf8_contains_folded("Почта России", "почта"));
	assert_false(utf8_contains_folded("Телефон", "почта"));
	free(f);
}

/* Folding into a caller's buffer: stray bytes grow to U+FFFD, the bound
 * holds, and the text past len is left alone. */
static void
casefold_to_stays_within_its_bound(void **state)
{
	const char src[] = "\xff\xfeЁЖ Zz";
	char out[(sizeof src - 1) * UTF8_FOLD_GROWTH + 1];
	size_t n;

	(void)state;
	n = utf8_casefold_to(src, sizeof src - 1, out);
	assert_string_equal(out, "\xef\xbf\xbd\xef\xbf\xbdеж zz");
	assert_int_equal(n, strlen(out));
	assert_true(n < sizeof out);
	n = utf8_casefold_to("ЁЛКА", 4, out);
	assert_string_equal(out, "ел");
	assert_int_equal(n, 4);
}

static void
fit_truncates_with_ellipsis_on_character_boundary(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b);
	assert_int_equal(utf8_fit("Электронная почта", 8, &b), 8);
	assert_string_equal(b.data, "Электро…");
	buf_reset(&b);
	assert_int_equal(utf8_fit("漢字漢字", 5, &b), 5);
	assert_string_equal(b.data, "漢字…");
	buf_reset(&b);
	assert_int_equal(utf8_fit("ЕПГУ", 10, &b), 4);
	assert_string_equal(b.data, "ЕПГУ");
	buf_fini(&b);
}

static void
wrap_breaks_at_spaces_and_long_words(void **state)
{
	struct strvec lines;

	(void)state;
	strvec_init(&lines);
	utf8_wrap("получение информации о ходе", 11, &lines);
	assert_int_equal(lines.n, 3);
	assert_string_equal(lines.v[0], "получение");
	assert_string_equal(lines.v[1], "информации");
	assert_string_equal(lines.v[2], "о ходе");
	strvec_fini(&lines);
	utf8_wrap("abcdefghij", 4, &lines);
	assert_int_equal(lines.n, 3);
	assert_string_equal(lines.v[2], "ij");
	strvec_fini(&lines);
	utf8_wrap("a\n\nb", 4, &lines);
	assert_int_equal(lines.n, 3);
	assert_string_equal(lines.v[1], "");
	strvec_fini(&lines);
	utf8_wrap("", 4, &lines);
	assert_int_equal(lines.n, 1);
	strvec_fini(&lines);
}

static void
squeeze_folds_spaces_keeps_lines(void **state)
{
	char *s = utf8_squeeze("  a \t b  \n  c  \n\n");

	(void)state;
	assert_string_equal(s, "a b\nc");
	free(s);
}

/* In a UTF-8 locale a width is the C library's, as ncursesw counts it:
 * emoji our own table called narrow take two columns there. */
static void
width_is_the_terminals_in_a_utf8_locale(void **state)
{
	static const uint32_t cps[] = {
		0x1F680, 0x2705, 0x26A1, 0x4E2D, 0xAC00, 0x0301, 0x0416, 0x2014,
		0xFF21, 0x1F600, 0x200B, 0x00AD,
	};

	(void)state;
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) {
		print_message("no C.UTF-8 locale: skipped\n");
		return;
	}
	for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++)
		assert_int_equal(utf8_cp_width(cps[i]), wcwidth((wchar_t)cps[i]));
	assert_int_equal(utf8_width("🚀 ✅ ⚡"), 8);
	assert_int_equal(utf8_width("中文 Почта"), 10);
	/* The Cyrillic block, answered without asking wcwidth. */
	for (uint32_t cp = 0x0400; cp <= 0x052F; cp++)
		if (wcwidth((wchar_t)cp) >= 0)
			assert_int_equal(utf8_cp_width(cp),
			    wcwidth((wchar_t)cp));
	setlocale(LC_CTYPE, "C");
	assert_int_equal(utf8_cp_width(0x0483), 0);
	/* Without a UTF-8 locale our tables answer, never -1. */
	assert_int_equal(utf8_cp_width(0x4E2D), 2);
	assert_int_equal(utf8_cp_width(0x0301), 0);
	assert_int_equal(utf8_cp_width(0x0416), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(decode_rejects_overlong_and_surrogates),
		cmocka_unit_test(valid_detects_broken_bytes),
		cmocka_unit_test(width_counts_columns_not_bytes),
		cmocka_unit_test(width_is_the_terminals_in_a_utf8_locale),
		cmocka_unit_test(sanitize_makes_escape_sequences_harmless),
		cmocka_unit_test(sanitize_passes_two_byte_letters_not_the_letter_mark),
		cmocka_unit_test(sanitize_keeps_newlines_only_when_asked),
		cmocka_unit_test(sanitize_replaces_bidi_overrides),
		cmocka_unit_test(casefold_folds_cyrillic_and_yo),
		cmocka_unit_test(casefold_to_stays_within_its_bound),
		cmocka_unit_test(fit_truncates_with_ellipsis_on_character_boundary),
		cmocka_unit_test(wrap_breaks_at_spaces_and_long_words),
		cmocka_unit_test(squeeze_folds_spaces_keeps_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
