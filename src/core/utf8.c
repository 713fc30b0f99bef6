/* utf8.c - decoding, widths, sanitising, folding and wrapping of UTF-8. */
#include "utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "error.h"

struct range {
	uint32_t lo, hi;
};

/* Combining and zero-width characters (the common blocks). */
static const struct range zero_width[] = {
	{ 0x0300, 0x036F }, { 0x0483, 0x0489 }, { 0x0591, 0x05BD },
	{ 0x05BF, 0x05BF }, { 0x05C1, 0x05C2 }, { 0x05C4, 0x05C5 },
	{ 0x05C7, 0x05C7 }, { 0x0610, 0x061A }, { 0x064B, 0x065F },
	{ 0x0670, 0x0670 }, { 0x06D6, 0x06DC }, { 0x06DF, 0x06E4 },
	{ 0x0900, 0x0902 }, { 0x093A, 0x093A }, { 0x093C, 0x093C },
	{ 0x0941, 0x0948 }, { 0x094D, 0x094D }, { 0x0E31, 0x0E31 },
	{ 0x0E34, 0x0E3A }, { 0x0E47, 0x0E4E }, { 0x1AB0, 0x1AFF },
	{ 0x1DC0, 0x1DFF }, { 0x200B, 0x200D }, { 0x20D0, 0x20FF },
	{ 0x302A, 0x302D }, { 0x3099, 0x309A }, { 0xFE00, 0xFE0F },
	{ 0xFE20, 0xFE2F }, { 0xFEFF, 0xFEFF }, { 0xE0100, 0xE01EF },
};

/* East Asian wide and fullwidth characters, and emoji presentation. */
static const struct range wide[] = {
	{ 0x1100, 0x115F }, { 0x231A, 0x231B }, { 0x2329, 0x232A },
	{ 0x23E9, 0x23EC }, { 0x25FD, 0x25FE }, { 0x2614, 0x2615 },
	{ 0x2E80, 0x303E }, { 0x3041, 0x33FF }, { 0x3400, 0x4DBF },
	{ 0x4E00, 0x9FFF }, { 0xA000, 0xA4CF }, { 0xA960, 0xA97F },
	{ 0xAC00, 0xD7A3 }, { 0xF900, 0xFAFF }, { 0xFE10, 0xFE19 },
	{ 0xFE30, 0xFE6F }, { 0xFF00, 0xFF60 }, { 0xFFE0, 0xFFE6 },
	{ 0x1F300, 0x1F64F }, { 0x1F900, 0x1F9FF }, { 0x20000, 0x2FFFD },
	{ 0x30000, 0x3FFFD },
};

/* Characters that reorder text on screen: shown as U+FFFD. */
static bool
is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	    cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

static bool
in_ranges(uint32_t cp, const struct range *r, size_t n)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (cp < r[mid].lo)
			hi = mid;
		else if (cp > r[mid].hi)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

size_t
utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c, min;
	size_t n, i;

	if (len == 0) {
		*cp = 0;
		return 0;
	}
	c = u[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2; c &= 0x1F; min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3; c &= 0x0F; min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4; c &= 0x07; min = 0x10000;
	} else {
		*cp = UTF8_REPLACEMENT;
		return 1;
	}
	if (len < n) {
		*cp = UTF8_REPLACEMENT;
		return 1;
	}
	for (i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80) {
			*cp = UTF8_REPLACEMENT;
			return 1;
		}
		c = (c << 6) | (u[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
		*cp = UTF8_REPLACEMENT;
		return 1;
	}
	*cp = c;
	return n;
}

size_t
utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = UTF8_REPLACEMENT;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

bool
utf8_valid(const char *s, size_t len)
{
	size_t i = 0;
	uint32_t cp;

	while (i < len) {
		size_t n = utf8_decode(s + i, len - i, &cp);

		if (cp == UTF8_REPLACEMENT && n == 1 &&
		    (unsigned char)s[i] >= 0x80)
			return false;
		i += n;
	}
	return true;
}

/*
 * The terminal places characters by the C library's wcwidth() in the
 * locale (ncursesw does), so a width of our own that disagrees shifts the
 * rest of a row: 🚀 ✅ ⚡ take two columns there.  Ask wcwidth() when the
 * locale speaks UTF-8 and knows the character; the tables serve where it
 * does not (the C locale, a code point newer than the locale's data).
 */
static int
locale_width(uint32_t cp)
{
#ifdef __STDC_ISO_10646__
	/* wchar_t holds Unicode code points: cp can be asked as it is. */
	if (cp > (uint32_t)WCHAR_MAX)
		return -1;
	return wcwidth((wchar_t)cp);
#else
	(void)cp;
	return -1;
#endif
}

int
utf8_cp_width(uint32_t cp)
{
	int w;

	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return -1;
	if (cp < 0x7F)
		return 1;
	/* Cyrillic letters, what every cell holds, are one column in any
	 * locale; wcwidth for each costs the printed table a quarter of its
	 * time.  U+0483-U+0489 are combining marks. */
	if (cp >= 0x0400 && cp <= 0x052F && (cp < 0x0483 || cp > 0x0489))
		return 1;
	w = locale_width(cp);
	if (w >= 0)
		return w > 2 ? 2 : w;
	if (in_ranges(cp, zero_width, sizeof zero_width / sizeof zero_width[0]))
		return 0;
	if (in_ranges(cp, wide, sizeof wide / sizeof wide[0]))
		return 2;
	return 1;
}

/* The code point the sanitiser shows in place of cp (cp itself if safe). */
static uint32_t
sanitize_cp(uint32_t cp, int flags)
{
	if (cp == '\n' && (flags & SAN_KEEP_NEWLINES))
		return cp;
	if (cp == '\t')
		return ' ';
	if (cp < 0x20)
		return 0x2400 + cp;
	if (cp == 0x7F)
		return 0x2421;
	if ((cp >= 0x80 && cp < 0xA0) || is_bidi_control(cp))
		return UTF8_REPLACEMENT;
	if (cp == 0xFEFF)
		return UTF8_REPLACEMENT;
	return cp;
}

void
utf8_sanitize(const char *s, int flags, struct buf *out)
{
	size_t len = strlen(s), i = 0, run = 0;
	uint32_t cp;
	char enc[4];

	/* Runs of safe bytes go out whole: the sanitiser sits on the way of
	 * every cell of every printed page. */
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		size_t n;
		uint32_t safe;

		if (c >= 0x20 && c < 0x7F) {
			i++;
			continue;
		}
		/* Two bytes from U+00C0 on (Cyrillic among them) are safe but
		 * for U+061C, the Arabic letter mark (lead byte 0xD8). */
		if (c >= 0xC3 && c <= 0xDF && c != 0xD8 && i + 1 < len &&
		    ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
			i += 2;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		safe = sanitize_cp(cp, flags);
		if (safe == cp && cp != UTF8_REPLACEMENT) {
			i += n;
			continue;
		}
		buf_append(out, s + run, i - run);
		buf_append(out, enc, utf8_encode(safe, enc));
		i += n;
		run = i;
	}
	buf_append(out, s + run, i - run);
}

char *
utf8_sanitized(const char *s, int flags)
{
	struct buf b;

	buf_init(&b);
	utf8_sanitize(s, flags, &b);
	return buf_detach(&b);
}

int
utf8_width(const char *s)
{
	size_t len = strlen(s), i = 0;
	uint32_t cp;
	int w = 0;

	while (i < len) {
		int cw;

		i += utf8_decode(s + i, len - i, &cp);
		cw = utf8_cp_width(sanitize_cp(cp, 0));
		w += cw > 0 ? cw : 0;
	}
	return w;
}

/* Fold one code point for search. */
static uint32_t
fold_cp(uint32_t cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return cp + 32;
	if (cp >= 0x0410 && cp <= 0x042F)	/* А..Я */
		cp += 0x20;
	else if (cp >= 0x0400 && cp <= 0x040F)	/* Ѐ..Џ */
		cp += 0x50;
	if (cp == 0x0451)			/* ё */
		cp = 0x0435;
	return cp;
}

size_t
utf8_casefold_to(const char *s, size_t len, char *out)
{
	size_t i = 0, o = 0;
	uint32_t cp;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];

		/* ASCII folds byte by byte: most of a list's bytes are digits,
		 * spaces and punctuation. */
		if (c < 0x80) {
			out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			i++;
			continue;
		}
		i += utf8_decode(s + i, len - i, &cp);
		o += utf8_encode(fold_cp(cp), out + o);
	}
	out[o] = '\0';
	return o;
}

char *
utf8_casefold(const char *s)
{
	size_t len = strlen(s);
	char *out;

	if (len > ((size_t)-1 - 1) / UTF8_FOLD_GROWTH)
		error_oom();
	out = xmalloc(len * UTF8_FOLD_GROWTH + 1);
	utf8_casefold_to(s, len, out);
	return out;
}

bool
utf8_contains_folded(const char *haystack, const char *needle_folded)
{
	char *h = utf8_casefold(haystack);
	bool found = strstr(h, needle_folded) != NULL;

	free(h);
	return found;
}

/* One sanitised character: its bytes in enc, its width. */
struct glyph {
	char	enc[4];
	size_t	len;
	int	width;
};

static size_t
next_glyph(const char *s, size_t len, int flags, struct glyph *g)
{
	uint32_t cp;
	size_t n = utf8_decode(s, len, &cp);
	uint32_t safe = sanitize_cp(cp, flags);

	g->len = utf8_encode(safe, g->enc);
	g->width = safe == '\n' ? 0 : utf8_cp_width(safe);
	if (g->width < 0)
		g->width = 1;
	return n;
}

int
utf8_fit(const char *s, int width, struct buf *out)
{
	size_t len = strlen(s), i = 0;
	struct glyph g;
	int used = 0;

	if (width <= 0)
		return 0;
	if (utf8_width(s) <= width) {
		utf8_sanitize(s, 0, out);
		return utf8_width(s);
	}
	while (i < len) {
		size_t n = next_glyph(s + i, len - i, 0, &g);

		if (used + g.width > width - 1)
			break;
		buf_append(out, g.enc, g.len);
		used += g.width;
		i += n;
	}
	buf_puts(out, "\xE2\x80\xA6");	/* … */
	return used + 1;
}

/* Flush the word in word (width ww) onto the current line, wrapping. */
static void
wrap_word(struct buf *line, int *lw, struct buf *word, int *ww, int width,
    struct strvec *lines)
{
	size_t i = 0;
	struct glyph g;

	if (word->len == 0)
		return;
	if (*lw > 0 && *lw + 1 + *ww <= width) {
		buf_putc(line, ' ');
		*lw += 1;
	} else if (*lw > 0) {
		strvec_pushn(lines, line->data, line->len);
		buf_reset(line);
		*lw = 0;
	}
	/* A word wider than a line is broken by columns. */
	while (i < word->len) {
		size_t n = next_glyph(word->data + i, word->len - i, 0, &g);

		if (*lw + g.width > width && *lw > 0) {
			strvec_pushn(lines, line->data, line->len);
			buf_reset(line);
			*lw = 0;
		}
		buf_append(line, g.enc, g.len);
		*lw += g.width;
		i += n;
	}
	buf_reset(word);
	*ww = 0;
}

void
utf8_wrap(const char *s, int width, struct strvec *lines)
{
	struct buf line, word;
	size_t len = strlen(s), i = 0;
	int lw = 0, ww = 0;
	struct glyph g;

	if (width < 1)
		width = 1;
	buf_init(&line);
	buf_init(&word);
	while (i < len) {
		size_t n = next_glyph(s + i, len - i, SAN_KEEP_NEWLINES, &g);

		if (g.enc[0] == '\n') {
			wrap_word(&line, &lw, &word, &ww, width, lines);
			strvec_pushn(lines, line.data, line.len);
			buf_reset(&line);
			lw = 0;
		} else if (g.enc[0] == ' ') {
			wrap_word(&line, &lw, &word, &ww, width, lines);
		} else {
			buf_append(&word, g.enc, g.len);
			ww += g.width;
		}
		i += n;
	}
	wrap_word(&line, &lw, &word, &ww, width, lines);
	strvec_pushn(lines, line.data, line.len);
	buf_fini(&line);
	buf_fini(&word);
}

char *
utf8_squeeze(const char *s)
{
	char *out = xmalloc(strlen(s) + 1);
	size_t len = 0;
	bool space = false;

	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\r') {
			space = true;
			continue;
		}
		if (*s == '\n') {
			/* drop spaces before a newline */
			space = false;
			while (len > 0 && out[len - 1] == ' ')
				len--;
			if (len > 0)
				out[len++] = '\n';
			continue;
		}
		if (space && len > 0 && out[len - 1] != '\n')
			out[len++] = ' ';
		space = false;
		out[len++] = *s;
	}
	while (len > 0 && (out[len - 1] == '\n' || out[len - 1] == ' '))
		len--;
	out[len] = '\0';
	return out;
}
