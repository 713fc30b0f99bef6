/* textedit.c - a field of text being edited: cursor, edits, rows. */
#include "textedit.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

void
textedit_init(struct textedit *te, const char *s)
{
	memset(te, 0, sizeof *te);
	buf_init(&te->text);
	textedit_set(te, s);
}

void
textedit_fini(struct textedit *te)
{
	buf_fini(&te->text);
}

void
textedit_set(struct textedit *te, const char *s)
{
	buf_reset(&te->text);
	if (s != NULL)
		buf_puts(&te->text, s);
	te->cur = te->text.len;
}

const char *
textedit_text(const struct textedit *te)
{
	return te->text.data;
}

/* A code point that joins the character before it (a combining mark). */
static bool
textedit_joins(uint32_t cp)
{
	return cp >= 0x20 && utf8_cp_width(cp) == 0;
}

size_t
textedit_next(const char *s, size_t len, size_t off)
{
	uint32_t cp;

	if (off >= len)
		return len;
	off += utf8_decode(s + off, len - off, &cp);
	while (off < len) {
		size_t n = utf8_decode(s + off, len - off, &cp);

		if (!textedit_joins(cp))
			break;
		off += n;
	}
	return off;
}

/* The start of the code point before off. */
static size_t
textedit_prev_cp(const char *s, size_t off)
{
	if (off == 0)
		return 0;
	off--;
	while (off > 0 && ((unsigned char)s[off] & 0xC0) == 0x80)
		off--;
	return off;
}

size_t
textedit_prev(const char *s, size_t off)
{
	size_t len = off;
	uint32_t cp;

	while (off > 0) {
		off = textedit_prev_cp(s, off);
		utf8_decode(s + off, len - off, &cp);
		if (!textedit_joins(cp))
			break;
	}
	return off;
}

int
textedit_width(const char *s, size_t from, size_t to)
{
	char *span;
	int w;

	if (to <= from)
		return 0;
	span = xstrndup(s + from, to - from);
	w = utf8_width(span);
	free(span);
	return w;
}

size_t
textedit_offset_at(const char *s, size_t from, size_t to, int col)
{
	size_t off = from;
	int used = 0;

	while (off < to) {
		size_t next = textedit_next(s, to, off);
		int w = textedit_width(s, off, next);

		if (used + w > col)
			break;
		used += w;
		off = next;
	}
	return off;
}

/* Characters that reorder text on screen: a paste may carry them
 * invisibly; they have no place in the list. */
static bool
textedit_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) ||
	    (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F ||
	    cp == 0x061C;
}

/* Append the cleaned bytes of s[0..len) to out: white space as a space,
 * control characters dropped. */
static void
textedit_clean(const char *s, size_t len, struct buf *out)
{
	size_t off = 0;
	char enc[4];

	while (off < len) {
		uint32_t cp;

		off += utf8_decode(s + off, len - off, &cp);
		if (cp == '\n' || cp == '\r' || cp == '\t')
			cp = ' ';
		if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
		    textedit_bidi_control(cp))
			continue;
		buf_append(out, enc, utf8_encode(cp, enc));
	}
}

/* Replace text[from..to) by s[0..n), the cursor after it. */
static void
textedit_splice(struct textedit *te, size_t from, size_t to, const char *s,
    size_t n)
{
	struct buf *b = &te->text;
	size_t tail = b->len - to;

	buf_reserve(b, n);
	memmove(b->data + from + n, b->data + to, tail);
	memcpy(b->data + from, s, n);
	b->len = from + n + tail;
	b->data[b->len] = '\0';
	te->cur = from + n;
}

/* The longest prefix of s[0..n) that ends on a character boundary and
 * takes at most room bytes. */
static size_t
textedit_fit_bytes(const char *s, size_t n, size_t room)
{
	size_t off = 0;

	while (off < n) {
		size_t next = textedit_next(s, n, off);

		if (next > room)
			break;
		off = next;
	}
	return off;
}

/* Marks that stood at the start of the text join what was inserted before
 * them: the cursor goes after them, not inside the character. */
static void
textedit_settle(struct textedit *te)
{
	uint32_t cp;

	while (te->cur < te->text.len) {
		size_t n = utf8_decode(te->text.data + te->cur,
		    te->text.len - te->cur, &cp);

		if (!textedit_joins(cp))
			break;
		te->cur += n;
	}
}

bool
textedit_insert(struct textedit *te, const char *s, size_t len)
{
	struct buf clean;
	size_t to = te->cur, n, room, kept;

	buf_init(&clean);
	textedit_clean(s, len, &clean);
	if (clean.len == 0) {
		buf_fini(&clean);
		return false;
	}
	if (te->overwrite) {
		/* As many characters as were typed go. */
		for (size_t off = 0; off < clean.len && to < te->text.len;
		    off = textedit_next(clean.data, clean.len, off))
			to = textedit_next(te->text.data, te->text.len, to);
	}
	kept = te->text.len - (to - te->cur);
	room = kept >= TEXTEDIT_MAX ? 0 : TEXTEDIT_MAX - kept;
	n = textedit_fit_bytes(clean.data, clean.len, room);
	if (n > 0) {
		textedit_splice(te, te->cur, to, clean.data, n);
		textedit_settle(te);
	}
	buf_fini(&clean);
	return n > 0;
}

bool
textedit_backspace(struct textedit *te)
{
	size_t from;

	if (te->cur == 0)
		return false;
	from = textedit_prev(te->text.data, te->cur);
	textedit_splice(te, from, te->cur, "", 0);
	return true;
}

bool
textedit_delete(struct textedit *te)
{
	size_t to;

	if (te->cur >= te->text.len)
		return false;
	to = textedit_next(te->text.data, te->text.len, te->cur);
	textedit_splice(te, te->cur, to, "", 0);
	return true;
}

/* The start of the word before off (spaces before off skipped). */
static size_t
textedit_word_start(const char *s, size_t off)
{
	while (off > 0 && s[off - 1] == ' ')
		off = textedit_prev(s, off);
	while (off > 0 && s[off - 1] != ' ')
		off = textedit_prev(s, off);
	return off;
}

bool
textedit_delete_word(struct textedit *te)
{
	size_t from = textedit_word_start(te->text.data, te->cur);

	if (from == te->cur)
		return false;
	textedit_splice(te, from, te->cur, "", 0);
	return true;
}

bool
textedit_kill_start(struct textedit *te)
{
	if (te->cur == 0)
		return false;
	textedit_splice(te, 0, te->cur, "", 0);
	return true;
}

bool
textedit_kill_end(struct textedit *te)
{
	size_t cur = te->cur;

	if (cur >= te->text.len)
		return false;
	textedit_splice(te, cur, te->text.len, "", 0);
	te->cur = cur;
	return true;
}

/* Put the cursor at off; true if it moved. */
static bool
textedit_move_to(struct textedit *te, size_t off)
{
	bool moved = off != te->cur;

	te->cur = off;
	return moved;
}

bool
textedit_left(struct textedit *te)
{
	return textedit_move_to(te, textedit_prev(te->text.data, te->cur));
}

bool
textedit_right(struct textedit *te)
{
	return textedit_move_to(te, textedit_next(te->text.data, te->text.len,
	    te->cur));
}

bool
textedit_home(struct textedit *te)
{
	return textedit_move_to(te, 0);
}

bool
textedit_end(struct textedit *te)
{
	return textedit_move_to(te, te->text.len);
}

bool
textedit_word_left(struct textedit *te)
{
	return textedit_move_to(te, textedit_word_start(te->text.data,
	    te->cur));
}

bool
textedit_word_right(struct textedit *te)
{
	const char *s = te->text.data;
	size_t off = te->cur, len = te->text.len;

	while (off < len && s[off] == ' ')
		off++;
	while (off < len && s[off] != ' ')
		off = textedit_next(s, len, off);
	return textedit_move_to(te, off);
}

/* Append a row start to the growing array. */
static void
textedit_push_row(size_t **starts, size_t *n, size_t *cap, size_t off)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		*starts = xreallocarray(*starts, *cap, sizeof **starts);
	}
	(*starts)[(*n)++] = off;
}

size_t
textedit_rows(const char *s, int width, size_t **starts)
{
	size_t len = strlen(s), n = 0, cap = 0, row = 0, brk = 0, off = 0;
	int col = 0;

	*starts = NULL;
	if (width < 1)
		width = 1;
	textedit_push_row(starts, &n, &cap, 0);
	while (off < len) {
		size_t next = textedit_next(s, len, off);
		int w = textedit_width(s, off, next);

		if (col + w > width && off > row && s[off] != ' ') {
			/* Break after the last space of the row, else here. */
			row = brk > row ? brk : off;
			textedit_push_row(starts, &n, &cap, row);
			col = textedit_width(s, row, off);
			brk = row;
			continue;
		}
		col += w;
		if (s[off] == ' ')
			brk = next;
		off = next;
	}
	return n;
}

void
textedit_cursor_at(const struct textedit *te, const size_t *starts,
    size_t nrows, size_t *row, int *col)
{
	size_t r = 0;

	while (r + 1 < nrows && starts[r + 1] <= te->cur)
		r++;
	*row = r;
	*col = textedit_width(te->text.data, starts[r], te->cur);
}
