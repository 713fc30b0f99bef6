/* charset.c - iconv conversions and encoding detection. */
#include "charset.h"

#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "utf8.h"

struct alias {
	const char *name, *canonical;
};

static const struct alias aliases[] = {
	{ "utf8", "UTF-8" }, { "utf-8", "UTF-8" },
	{ "cp1251", "CP1251" }, { "windows-1251", "CP1251" },
	{ "win1251", "CP1251" }, { "1251", "CP1251" },
	{ "koi8r", "KOI8-R" }, { "koi8-r", "KOI8-R" },
	{ "cp866", "CP866" }, { "866", "CP866" }, { "ibm866", "CP866" },
	{ "dos", "CP866" },
};

const char *
charset_canonical(const char *name)
{
	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (strcasecmp(name, aliases[i].name) == 0)
			return aliases[i].canonical;
	return name;
}

static bool
is_utf8_name(const char *enc)
{
	return strcmp(charset_canonical(enc), "UTF-8") == 0;
}

/* Score how Russian a single-byte decoding looks: lower-case Cyrillic
 * vowels and common letters score, upper case mid-word and box drawing
 * count against. */
static long
score_cyrillic(const char *enc, const char *data, size_t len)
{
	static const char common[] = "оеаинтсрвлкмдпуяыьгзбчй";
	struct buf out;
	size_t i = 0;
	long score = 0;
	uint32_t cp, prev = ' ';

	buf_init(&out);
	if (len > 65536)
		len = 65536;	/* a sample reads as well as the whole */
	if (charset_to_utf8(enc, data, len, &out, NULL) != 0) {
		buf_fini(&out);
		return -1000000;
	}
	while (i < out.len) {
		char enc8[4];
		size_t n = utf8_decode(out.data + i, out.len - i, &cp);

		if (cp >= 0x0430 && cp <= 0x044F) {
			size_t el = utf8_encode(cp, enc8);

			enc8[el] = '\0';
			score += strstr(common, enc8) != NULL ? 3 : 1;
		} else if (cp >= 0x0410 && cp <= 0x042F) {
			/* Upper case after a lower-case letter is unlikely. */
			score += (prev >= 0x0430 && prev <= 0x044F) ? -3 : 1;
		} else if (cp >= 0x2500 && cp <= 0x25FF) {
			score -= 5;
		}
		prev = cp;
		i += n;
	}
	buf_fini(&out);
	return score;
}

/*
 * UTF-8 with a few bad bytes is still UTF-8 (and must be reported as
 * broken, not read as CP1251): count well-formed multi-byte sequences
 * against stray high bytes.
 */
static bool
mostly_utf8(const char *data, size_t len)
{
	size_t good = 0, bad = 0, i = 0;
	uint32_t cp;

	while (i < len) {
		size_t n = utf8_decode(data + i, len - i, &cp);

		if (n > 1)
			good++;
		else if ((unsigned char)data[i] >= 0x80)
			bad++;
		i += n;
	}
	return good > 0 && good >= bad * 4;
}

const char *
charset_detect(const char *data, size_t len)
{
	static const char *const single[] = { "CP1251", "KOI8-R", "CP866" };
	const char *best = "CP1251";
	long best_score = -1000001;

	if (utf8_valid(data, len) || mostly_utf8(data, len))
		return "UTF-8";
	for (size_t i = 0; i < sizeof single / sizeof single[0]; i++) {
		long s = score_cyrillic(single[i], data, len);

		if (s > best_score) {
			best_score = s;
			best = single[i];
		}
	}
	return best;
}

/* 1-based line number of byte offset off in data. */
static size_t
line_of(const char *data, size_t off)
{
	size_t line = 1;

	for (size_t i = 0; i < off; i++)
		if (data[i] == '\n')
			line++;
	return line;
}

int
charset_to_utf8(const char *enc, const char *data, size_t len,
    struct buf *out, struct error *err)
{
	iconv_t cd;
	char *in = (char *)data;
	size_t inleft = len;

	enc = charset_canonical(enc);
	if (is_utf8_name(enc)) {
		if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
			data += 3;
			len -= 3;
		}
		if (!utf8_valid(data, len)) {
			size_t off = 0;
			uint32_t cp;

			while (off < len) {
				size_t n = utf8_decode(data + off, len - off,
				    &cp);

				if (cp == UTF8_REPLACEMENT && n == 1 &&
				    (unsigned char)data[off] >= 0x80)
					break;
				off += n;
			}
			return error_set(err, "строка %zu: неверная "
			    "последовательность UTF-8 (байт %zu); укажите "
			    "кодировку файла параметром --encoding",
			    line_of(data, off), off + 1);
		}
		buf_append(out, data, len);
		return 0;
	}
	cd = iconv_open("UTF-8", enc);
	if (cd == (iconv_t)-1)
		return error_set(err, "неизвестная кодировка «%s»", enc);
	buf_reserve(out, len * 2);
	while (inleft > 0) {
		char chunk[4096], *o = chunk;
		size_t oleft = sizeof chunk;
		size_t r = iconv(cd, &in, &inleft, &o, &oleft);

		buf_append(out, chunk, sizeof chunk - oleft);
		if (r == (size_t)-1 && errno != E2BIG) {
			size_t off = (size_t)(in - data);

			iconv_close(cd);
			return error_set(err, "строка %zu: байт 0x%02X "
			    "недопустим в кодировке %s", line_of(data, off),
			    (unsigned char)data[off], enc);
		}
	}
	iconv_close(cd);
	return 0;
}

int
charset_from_utf8(const char *enc, const char *text, size_t len,
    struct buf *out, size_t *replaced, struct error *err)
{
	iconv_t cd;
	size_t i = 0;

	if (replaced != NULL)
		*replaced = 0;
	enc = charset_canonical(enc);
	if (is_utf8_name(enc)) {
		buf_append(out, text, len);
		return 0;
	}
	cd = iconv_open(enc, "UTF-8");
	if (cd == (iconv_t)-1)
		return error_set(err, "неизвестная кодировка «%s»", enc);
	/* One character at a time, so one that enc lacks is replaced and
	 * counted rather than ending the conversion. */
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(text + i, len - i, &cp);
		char *in = (char *)text + i, chunk[16], *o = chunk;
		size_t inleft = n, oleft = sizeof chunk;

		if (iconv(cd, &in, &inleft, &o, &oleft) == (size_t)-1) {
			iconv(cd, NULL, NULL, NULL, NULL);
			buf_putc(out, '?');
			if (replaced != NULL)
				(*replaced)++;
		} else {
			buf_append(out, chunk, sizeof chunk - oleft);
		}
		i += n;
	}
	iconv_close(cd);
	return 0;
}
