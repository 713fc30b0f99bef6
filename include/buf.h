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

struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

void	buf_init(struct buf *b);
void	buf_fini(struct buf *b);
void	buf_reset(struct buf *b);
void	buf_reserve(struct buf *b, size_t extra);
void	buf_append(struct buf *b, const void *p, size_t n);
void	buf_puts(struct buf *b, const char *s);
void	buf_putc(struct buf *b, char c);
void	buf_printf(struct buf *b, const char *fmt, ...) PRINTF_LIKE(2, 3);
void	buf_vprintf(struct buf *b, const char *fmt, va_list ap);
/* Hand the bytes to the caller (who frees them); b is finalised. */
char	*buf_detach(struct buf *b);

#endif
