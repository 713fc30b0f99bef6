/* test_error.c - system errors in Russian, and messages that carry them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <string.h>

#include "error.h"
#include "utf8.h"

/* True if s holds a Latin letter: libc's English leaking through. */
static int
has_latin(const char *s)
{
	for (; *s != '\0'; s++)
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z'))
			return 1;
	return 0;
}

static void
the_issue_s_errors_read_as_the_clerk_expects(void **state)
{
	(void)state;
	assert_string_equal(error_errno_text(ENOSPC), "на диске нет места");
	assert_string_equal(error_errno_text(EISDIR), "это каталог");
	assert_string_equal(error_errno_text(EACCES), "нет прав доступа");
	assert_non_null(strstr(error_errno_text(ELOOP),
	    "символическая ссылка"));
}

static void
every_common_file_error_has_russian_text(void **state)
{
	static const int common[] = {
		ENOSPC, EISDIR, EACCES, ENOENT, EROFS, ELOOP, EXDEV, EMFILE,
		ENFILE, ENAMETOOLONG, EPIPE, EIO, ENOTDIR, EEXIST, EFBIG,
		EDQUOT, EPERM, ENOMEM, EBUSY, ENXIO, EINVAL, EAGAIN, EINTR
	};
	const char *seen[sizeof common / sizeof common[0]];

	(void)state;
	for (size_t i = 0; i < sizeof common / sizeof common[0]; i++) {
		const char *t = error_errno_text(common[i]);

		assert_false(has_latin(t));
		assert_null(strstr(t, "системная ошибка"));
		/* Two errors never read the same: the clerk must tell a
		 * full disk from a quota. */
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(seen[j], t);
		seen[i] = t;
	}
}

static void
an_unknown_number_is_named_by_its_number(void **state)
{
	(void)state;
	assert_string_equal(error_errno_text(-7), "системная ошибка -7");
	assert_string_equal(error_errno_text(0), "системная ошибка 0");
}

static void
set_errno_appends_the_reason(void **state)
{
	struct error err;

	(void)state;
	assert_int_equal(error_set_errno(&err, ENOSPC, "не удалось записать "
	    "%s", "список.pdf"), -1);
	assert_string_equal(err.msg,
	    "не удалось записать список.pdf: на диске нет места");
	assert_int_equal(error_set_errno(NULL, EIO, "x"), -1);
}

static void
set_errno_keeps_the_reason_whole_when_the_message_is_long(void **state)
{
	char name[ERROR_MSG_MAX * 2];
	struct error err;

	(void)state;
	memset(name, 'x', sizeof name - 1);
	name[sizeof name - 1] = '\0';
	error_set_errno(&err, EACCES, "%s", name);
	assert_true(strlen(err.msg) < ERROR_MSG_MAX);
	assert_int_equal(err.msg[0], 'x');
	/* The name is cut, the reason kept. */
	assert_non_null(strstr(err.msg, ": нет прав доступа"));
	assert_string_equal(err.msg + strlen(err.msg) -
	    strlen(": нет прав доступа"), ": нет прав доступа");
}

static void
a_cut_russian_name_stays_whole_characters(void **state)
{
	char name[ERROR_MSG_MAX * 2];
	struct error err;
	size_t n = 0;

	(void)state;
	/* "ж" is two bytes; an odd offset tries to cut one in half. */
	name[n++] = 'x';
	while (n + 2 < sizeof name) {
		memcpy(name + n, "ж", 2);
		n += 2;
	}
	name[n] = '\0';
	error_set_errno(&err, ENOSPC, "%s", name);
	assert_true(utf8_valid(err.msg, strlen(err.msg)));
	assert_non_null(strstr(err.msg, ": на диске нет места"));
}

/* A Russian text of n bytes or so: an odd start puts every "ж" on an odd
 * offset, so that a byte-wise cut would halve one. */
static void
russian_text(char *s, size_t size)
{
	size_t n = 0;

	s[n++] = 'x';
	while (n + 2 < size) {
		memcpy(s + n, "ж", 2);
		n += 2;
	}
	s[n] = '\0';
}

static void
a_cut_message_ends_whole_and_says_it_was_cut(void **state)
{
	char text[ERROR_MSG_MAX * 2];
	struct error err;
	size_t n;

	(void)state;
	russian_text(text, sizeof text);
	error_set(&err, "%s", text);
	n = strlen(err.msg);
	assert_true(n < ERROR_MSG_MAX);
	assert_true(n > ERROR_MSG_MAX - 8);
	assert_true(utf8_valid(err.msg, n));
	assert_string_equal(err.msg + n - strlen("…"), "…");
	/* A message that fits is left as it is. */
	error_set(&err, "%s", "короткое");
	assert_string_equal(err.msg, "короткое");
}

static void
a_prefix_that_overflows_is_cut_whole_too(void **state)
{
	char text[ERROR_MSG_MAX];
	struct error err;
	size_t n;

	(void)state;
	russian_text(text, sizeof text - 40);
	error_set(&err, "%s", text);
	error_prefix(&err, "не удалось открыть «%s»", "список.db");
	n = strlen(err.msg);
	assert_true(utf8_valid(err.msg, n));
	assert_non_null(strstr(err.msg, "не удалось открыть «список.db»: xж"));
	assert_string_equal(err.msg + n - strlen("…"), "…");
	/* Short ones join as before. */
	error_set(&err, "нет места");
	error_prefix(&err, "запись %s", "a.pdf");
	assert_string_equal(err.msg, "запись a.pdf: нет места");
}

static void
a_cut_name_before_the_reason_says_it_was_cut(void **state)
{
	char text[ERROR_MSG_MAX * 2];
	struct error err;

	(void)state;
	russian_text(text, sizeof text);
	error_set_errno(&err, EACCES, "%s", text);
	assert_true(utf8_valid(err.msg, strlen(err.msg)));
	assert_non_null(strstr(err.msg, "…: нет прав доступа"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_issue_s_errors_read_as_the_clerk_expects),
		cmocka_unit_test(every_common_file_error_has_russian_text),
		cmocka_unit_test(an_unknown_number_is_named_by_its_number),
		cmocka_unit_test(set_errno_appends_the_reason),
		cmocka_unit_test(
		    set_errno_keeps_the_reason_whole_when_the_message_is_long),
		cmocka_unit_test(a_cut_russian_name_stays_whole_characters),
		cmocka_unit_test(a_cut_message_ends_whole_and_says_it_was_cut),
		cmocka_unit_test(a_prefix_that_overflows_is_cut_whole_too),
		cmocka_unit_test(a_cut_name_before_the_reason_says_it_was_cut),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
