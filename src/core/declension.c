/* declension.c - a body's name in the genitive, by the endings of its
 * head phrase. */
#include "declension.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "error.h"
#include "utf8.h"

/* Longer words are no body's head phrase; they stop the declension. */
#define WORD_MAX 48
/* All-capital words this short are abbreviations (МЧС, ГЖИ, ФСТЭК). */
#define ABBREV_MAX 5
/* Shorter unknown words after adjectives are prepositions (по, при). */
#define SHORT_WORD 3

/* One word as code points: as written and lower-cased. */
struct word {
	uint32_t cp[WORD_MAX + 4];	/* room for a longer ending */
	uint32_t lo[WORD_MAX + 4];
	size_t	 n;
};

/* Head nouns of body names; a word after adjectives is declined as a
 * noun only if it is one of these or is written in lower case. */
static const char *const heads[] = {
	"министерство", "департамент", "комитет", "управление", "инспекция",
	"служба", "агентство", "аппарат", "администрация", "правительство",
	"представительство", "комиссия", "палата", "совет", "дума",
	"собрание", "прокуратура", "казначейство", "фонд", "центр",
	"учреждение", "отдел", "мэрия", "ведомство", "канцелярия",
	"секретариат", "дирекция", "инспектура", "суд", "архив", "бюро",
};

static bool
cyr_upper(uint32_t c)
{
	return (c >= 0x410 && c <= 0x42F) || c == 0x401;
}

static bool
cyr_lower(uint32_t c)
{
	return (c >= 0x430 && c <= 0x44F) || c == 0x451;
}

static uint32_t
to_lower(uint32_t c)
{
	if (c >= 0x410 && c <= 0x42F)
		return c + 0x20;
	return c == 0x401 ? 0x451 : c;
}

static uint32_t
to_upper(uint32_t c)
{
	if (c >= 0x430 && c <= 0x44F)
		return c - 0x20;
	return c == 0x451 ? 0x401 : c;
}

/* Decode s[0..len) into w; false if it is too long or not UTF-8. */
static bool
word_read(const char *s, size_t len, struct word *w)
{
	size_t i = 0;

	w->n = 0;
	if (!utf8_valid(s, len))
		return false;
	while (i < len) {
		uint32_t c;

		if (w->n == WORD_MAX)
			return false;
		i += utf8_decode(s + i, len - i, &c);
		w->cp[w->n] = c;
		w->lo[w->n++] = to_lower(c);
	}
	return true;
}

static void
word_write(const struct word *w, struct buf *out)
{
	char enc[4];

	for (size_t i = 0; i < w->n; i++)
		buf_append(out, enc, utf8_encode(w->cp[i], enc));
}

/* The word ends in two Cyrillic letters: it can be declined at all. */
static bool
word_cyrillic(const struct word *w)
{
	return w->n >= 2 && cyr_lower(w->lo[w->n - 1]) &&
	    cyr_lower(w->lo[w->n - 2]);
}

/* Every letter a capital, and short: МЧС, ГЖИ. */
static bool
word_abbreviation(const struct word *w)
{
	for (size_t i = 0; i < w->n; i++)
		if (!cyr_upper(w->cp[i]))
			return false;
	return w->n <= ABBREV_MAX;
}

/* The lower-cased word equals the UTF-8 string s. */
static bool
word_is(const struct word *w, const char *s)
{
	struct word x;

	return word_read(s, strlen(s), &x) && x.n == w->n &&
	    memcmp(x.lo, w->lo, w->n * sizeof w->lo[0]) == 0;
}

/* The lower-cased word ends in the UTF-8 string suffix. */
static bool
word_ends(const struct word *w, const char *suffix)
{
	struct word x;

	return word_read(suffix, strlen(suffix), &x) && x.n <= w->n &&
	    memcmp(x.lo, w->lo + w->n - x.n, x.n * sizeof w->lo[0]) == 0;
}

/* The letter drop letters before the end, lower-cased, is one of set. */
static bool
letter_before(const struct word *w, size_t drop, const char *set)
{
	struct word x;

	if (w->n <= drop || !word_read(set, strlen(set), &x))
		return false;
	for (size_t i = 0; i < x.n; i++)
		if (x.lo[i] == w->lo[w->n - drop - 1])
			return true;
	return false;
}

/* Replace the last drop letters by ending, in the case of the letter it
 * replaces (ГОСУДАРСТВЕННАЯ → ГОСУДАРСТВЕННОЙ). */
static void
word_replace(struct word *w, size_t drop, const char *ending)
{
	struct word x;
	bool upper = w->n > 0 && cyr_upper(w->cp[w->n - 1]);

	if (!word_read(ending, strlen(ending), &x) || drop > w->n)
		return;
	w->n -= drop;
	for (size_t i = 0; i < x.n && w->n < WORD_MAX + 4; i++) {
		w->cp[w->n] = upper ? to_upper(x.cp[i]) : x.cp[i];
		w->lo[w->n++] = x.lo[i];
	}
}

#define VELARS		"гкх"
#define SIBILANTS	"жшщч"

/* An adjective (or a participle) in the nominative singular declined
 * into the genitive; false if the word is not one. */
static bool
adjective_genitive(struct word *w)
{
	if (word_ends(w, "ый") || word_ends(w, "ой") || word_ends(w, "ое"))
		word_replace(w, 2, "ого");
	else if (word_ends(w, "ий"))
		word_replace(w, 2, letter_before(w, 2, VELARS) ? "ого" : "его");
	else if (word_ends(w, "ее"))
		word_replace(w, 2, "его");
	else if (word_ends(w, "яя"))
		word_replace(w, 2, "ей");
	else if (word_ends(w, "ая"))
		/* Unstressed after a sibilant: Высшая → Высшей; Большая is
		 * stressed on the ending. */
		word_replace(w, 2, letter_before(w, 2, SIBILANTS) &&
		    !word_is(w, "большая") ? "ей" : "ой");
	else
		return false;
	return true;
}

/* A noun in the nominative singular declined into the genitive by its
 * ending; false if the ending says nothing (-ь, plurals, вуз-like
 * indeclinables) and the word is left as it is. */
static bool
noun_genitive(struct word *w)
{
	if (word_is(w, "бюро"))
		return true;
	if (word_ends(w, "е"))
		word_replace(w, 1, letter_before(w, 1, SIBILANTS "ц") ? "а" :
		    "я");
	else if (word_ends(w, "о"))
		word_replace(w, 1, "а");
	else if (word_ends(w, "я"))
		word_replace(w, 1, "и");
	else if (word_ends(w, "а"))
		word_replace(w, 1, letter_before(w, 1, VELARS SIBILANTS) ? "и" :
		    "ы");
	else if (word_ends(w, "й"))
		word_replace(w, 1, "я");
	else if (letter_before(w, 0, "бвгджзклмнпрстфхцчшщ"))
		word_replace(w, 0, "а");
	else
		return false;
	return true;
}

static bool
known_head(const struct word *w)
{
	for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++)
		if (word_is(w, heads[i]))
			return true;
	return false;
}

/* Whether w, coming after adjectives (or first), is the head noun to
 * decline: a known head; the first word; or a lower-case word that is
 * no preposition. */
static bool
head_noun(const struct word *w, bool after_adjectives)
{
	if (known_head(w) || !after_adjectives)
		return true;
	return cyr_lower(w->cp[0]) && w->n > SHORT_WORD;
}

char *
declension_genitive(const char *nominative)
{
	const char *p = nominative != NULL ? nominative : "";
	bool adjectives = false;
	struct buf out;

	buf_init(&out);
	buf_puts(&out, "");
	while (*p != '\0') {
		size_t spaces = strspn(p, " "), len;
		struct word w;

		buf_append(&out, p, spaces);
		p += spaces;
		len = strcspn(p, " ");
		if (len == 0 || !word_read(p, len, &w) || !word_cyrillic(&w) ||
		    word_abbreviation(&w))
			break;
		if (adjective_genitive(&w)) {
			adjectives = true;
			word_write(&w, &out);
			p += len;
			continue;
		}
		if (head_noun(&w, adjectives) && noun_genitive(&w)) {
			word_write(&w, &out);
			p += len;
		}
		break;
	}
	buf_puts(&out, p);
	return buf_detach(&out);
}
