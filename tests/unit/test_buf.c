/*
 * test_buf.c - the growable buffer: formatting into the room there is,
 * and a sink that takes the bytes of output too large to hold.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <unistd.h>
#include <string.h>

#include "buf.h"

/* A sink that keeps what it is handed, in one buffer of its own, and can
 * be told to fail. */
struct collected {
	struct buf all;
	size_t	 calls;
	size_t	 largest;
	bool	 fail;
};

static int
collect(void *ctx, const char *data, size_t len)
{
	struct collected *c = ctx;

	c->calls++;
	if (len > c->largest)
		c->largest = len;
	if (c->fail)
		return -1;
	buf_append(&c->all, data, len);
	return 0;
}

static void
printf_formats_long_and_short_texts(void **state)
{
	struct buf b;
	char big[300];

	(void)state;
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	buf_init(&b);
	buf_printf(&b, "%d-%s", 12, "ab");
	assert_string_equal(b.data, "12-ab");
	buf_printf(&b, "[%s]", big);
	assert_int_equal(b.len, 5 + 2 + strlen(big));
	assert_int_equal(b.data[b.len], '\0');
	assert_memory_equal(b.data + 6, big, strlen(big));
	buf_fini(&b);
}

static void
a_sink_gets_every_byte_in_order_and_bounded_pieces(void **state)
{
	struct collected c = { .calls = 0 };
	struct buf b, want;

	(void)state;
	buf_init(&c.all);
	buf_init(&want);
	buf_init(&b);
	buf_set_sink(&b, collect, &c);
	for (int i = 0; i < 100000; i++) {
		buf_printf(&b, "строка %d\n", i);
		buf_printf(&want, "строка %d\n", i);
	}
	assert_true(b.len < BUF_SPILL);
	assert_int_equal(buf_flush(&b), 0);
	assert_int_equal(b.len, 0);
	assert_true(c.calls > 10);
	assert_true(c.largest <= BUF_SPILL);
	assert_int_equal(c.all.len, want.len);
	assert_memory_equal(c.all.data, want.data, want.len);
	buf_fini(&b);
	buf_fini(&want);
	buf_fini(&c.all);
}

static void
a_failing_sink_is_reported_at_the_flush(void **state)
{
	struct collected c = { .fail = true };
	struct buf b;

	(void)state;
	buf_init(&c.all);
	buf_init(&b);
	buf_set_sink(&b, collect, &c);
	for (int i = 0; i < 20000; i++)
		buf_puts(&b, "0123456789");
	assert_int_equal(buf_flush(&b), -1);
	/* Failed once, never asked again: the rest is dropped. */
	assert_int_equal(c.calls, 1);
	assert_int_equal(c.all.len, 0);
	buf_fini(&b);
	buf_fini(&c.all);
}

static void
a_file_sink_and_reading_a_file_back(void **state)
{
	FILE *f = tmpfile();
	struct buf_fd to = { -1, 0 };
	struct buf b, back;

	(void)state;
	assert_non_null(f);
	to.fd = fileno(f);
	buf_init(&b);
	buf_set_sink(&b, buf_sink_fd, &to);
	for (int i = 0; i < 30000; i++)
		buf_printf(&b, "%05d;", i);
	assert_int_equal(buf_flush(&b), 0);
	assert_int_equal(lseek(to.fd, 0, SEEK_SET), 0);
	buf_init(&back);
	assert_int_equal(buf_append_fd(&back, to.fd), 0);
	assert_int_equal(back.len, 30000 * 6);
	assert_memory_equal(back.data + 6 * 12345, "12345;", 6);
	/* A descriptor that cannot be written: the errno is kept. */
	to.fd = -1;
	assert_int_equal(buf_sink_fd(&to, "x", 1), -1);
	assert_int_equal(to.errnum, EBADF);
	buf_fini(&back);
	buf_fini(&b);
	fclose(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(printf_formats_long_and_short_texts),
		cmocka_unit_test(a_sink_gets_every_byte_in_order_and_bounded_pieces),
		cmocka_unit_test(a_failing_sink_is_reported_at_the_flush),
		cmocka_unit_test(a_file_sink_and_reading_a_file_back),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
