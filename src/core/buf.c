/* buf.c - growable byte buffer. */
#include "buf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void
buf_init(struct buf *b)
{
	b->sink = NULL;
	b->sink_ctx = NULL;
	b->sink_rc = 0;
	b->cap = 64;
	b->len = 0;
	b->data = xmalloc(b->cap);
	b->data[0] = '\0';
}

void
buf_fini(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	b->data[0] = '\0';
}

void
buf_reserve(struct buf *b, size_t extra)
{
	size_t need;

	if (extra > (size_t)-1 / 2 - b->len)
		error_oom();
	if (b->sink != NULL && b->len > 0 && b->len + extra >= BUF_SPILL)
		(void)buf_flush(b);
	need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	while (b->cap < need)
		b->cap *= 2;
	b->data = xrealloc(b->data, b->cap);
}

void
buf_append(struct buf *b, const void *p, size_t n)
{
	if (n == 0)
		return;
	buf_reserve(b, n);
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_append(b, s, strlen(s));
}

void
buf_putc(struct buf *b, char c)
{
	buf_append(b, &c, 1);
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	size_t room = b->cap - b->len;
	va_list aq;
	int n;

	/* Format into the room there is; only a longer text formats twice. */
	va_copy(aq, ap);
	n = vsnprintf(b->data + b->len, room, fmt, aq);
	va_end(aq);
	if (n < 0) {
		b->data[b->len] = '\0';
		return;
	}
	if ((size_t)n >= room) {
		buf_reserve(b, (size_t)n);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	}
	b->len += (size_t)n;
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
buf_set_sink(struct buf *b, buf_sink_fn fn, void *ctx)
{
	b->sink = fn;
	b->sink_ctx = ctx;
	b->sink_rc = 0;
}

int
buf_flush(struct buf *b)
{
	if (b->sink != NULL && b->len > 0 && b->sink_rc == 0)
		b->sink_rc = b->sink(b->sink_ctx, b->data, b->len);
	if (b->sink != NULL)
		buf_reset(b);
	return b->sink_rc;
}

int
buf_sink_fd(void *ctx, const char *data, size_t len)
{
	struct buf_fd *f = ctx;

	while (len > 0) {
		ssize_t n = write(f->fd, data, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			f->errnum = errno;
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

int
buf_append_fd(struct buf *b, int fd)
{
	char chunk[1 << 16];
	ssize_t n;

	while ((n = read(fd, chunk, sizeof chunk)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		buf_append(b, chunk, (size_t)n);
	}
	return 0;
}

char *
buf_detach(struct buf *b)
{
	char *p = b->data;

	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}
