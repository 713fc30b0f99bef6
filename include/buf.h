/*
 * buf.h - a growable byte buffer, always NUL-terminated.
 *
 * Owns: struct buf.  Embedded by value: buf_init()/buf_fini().  data is never
 * NULL after buf_init() and data[len] is always '\0', so a buffer can be used
 * as a C string at any point.
 */
#ifndef PERECHEN_BUF_H
#define PERECHEN_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "error.h"

/* Where a buffer too large to hold hands its bytes (buf_set_sink):
 * returns 0, or -1 (then every later byte is dropped). */
typedef int (*buf_sink_fn)(void *ctx, const char *data, size_t len);

struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
	buf_sink_fn sink;	/* NULL: the buffer keeps everything */
	void	*sink_ctx;
	int	 sink_rc;	/* -1 once the sink failed */
};

/* A buffer with a sink hands it what it holds once it holds this much. */
#define BUF_SPILL	((size_t)1 << 16)

void	buf_init(struct buf *b);
void	buf_fini(struct buf *b);
void	buf_reset(struct buf *b);
void	buf_reserve(struct buf *b, size_t extra);
void	buf_append(struct buf *b, const void *p, size_t n);
void	buf_puts(struct buf *b, const char *s);
void	buf_putc(struct buf *b, char c);
void	buf_printf(struct buf *b, const char *fmt, ...) PRINTF_LIKE(2, 3);
void	buf_vprintf(struct buf *b, const char *fmt, va_list ap);
/*
 * From now on b hands its bytes to fn (with ctx) whenever it holds
 * BUF_SPILL of them, keeping none: for output of any size written by
 * appending (nothing may read back what it appended).  buf_flush hands
 * over the rest.
 */
void	buf_set_sink(struct buf *b, buf_sink_fn fn, void *ctx);
/* Hand what b holds to its sink; 0, or -1 if the sink ever failed. */
int	buf_flush(struct buf *b);
/* A sink writing to a file descriptor: ctx is a struct buf_fd, whose
 * errnum keeps the errno of a write that failed. */
struct buf_fd {
	int	 fd;
	int	 errnum;
};
int	buf_sink_fd(void *ctx, const char *data, size_t len);
/* Append what can be read from fd up to its end, a piece at a time (b
 * may hand it on to its sink): 0, or -1 with errno. */
int	buf_append_fd(struct buf *b, int fd);
/* Hand the bytes to the caller (who frees them); b is finalised. */
char	*buf_detach(struct buf *b);

#endif
