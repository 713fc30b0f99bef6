/* contact.c - classification and well-formedness of contacts (rule R11). */
#include "contact.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "utf8.h"

#define LABEL_MAX	63	/* characters in one domain label */
#define LOCAL_MAX	64	/* bytes before the '@' (RFC 5321) */
#define EXT_MAX		6	/* digits of a phone extension */
#define PHONE_DIGITS	11	/* 7 or 8, then the 10-digit national number */
#define PHONE_MAX	32	/* digits we bother to keep */
#define SHOWN_MAX	40	/* bytes of a value quoted in a reason */
#define PHONE_SHORTEST	3	/* digits of the shortest number (112) */

/* A phone number taken apart: its digits and its extension. */
struct phone {
	char	digits[PHONE_MAX + 1];
	size_t	ndigits;
	char	ext[EXT_MAX + 1];
	bool	plus;
	bool	trunk;		/* a lone leading 8: the trunk prefix */
};

/* White space a clerk may leave around a value, NBSP included. */
static bool
is_space_at(const char *s, size_t *n)
{
	if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
		*n = 1;
		return true;
	}
	if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0) {
		*n = 2;
		return true;
	}
	return false;
}

/* Copy of s without the white space around it. */
static char *
trimmed(const char *s)
{
	size_t n, len;

	while (*s != '\0' && is_space_at(s, &n))
		s += n;
	len = strlen(s);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
	    s[len - 1] == '\n' || s[len - 1] == '\r' ||
	    (len >= 2 && (unsigned char)s[len - 2] == 0xC2 &&
	    (unsigned char)s[len - 1] == 0xA0)))
		len -= (unsigned char)s[len - 1] == 0xA0 ? 2 : 1;
	return xstrndup(s, len);
}

static bool
is_latin(uint32_t cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

static bool
is_cyrillic(uint32_t cp)
{
	return cp >= 0x0400 && cp <= 0x04FF;
}

static bool
is_digit(uint32_t cp)
{
	return cp >= '0' && cp <= '9';
}

/* The character at s as text for a reason: itself, or a word for the
 * invisible ones (the reason reaches the clerk through the sanitiser). */
static const char *
shown_char(uint32_t cp, char enc[8])
{
	if (cp == ' ' || cp == 0xA0)
		return "пробел";
	if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
		return "управляющий символ";
	enc[utf8_encode(cp, enc)] = '\0';
	return enc;
}

/* A value quoted in a reason, cut to a readable length on a character. */
static char *
shown_value(const char *s, size_t len)
{
	size_t n = 0;
	uint32_t cp;

	if (len <= SHOWN_MAX)
		return xstrndup(s, len);
	while (n < SHOWN_MAX)
		n += utf8_decode(s + n, len - n, &cp);
	return xasprintf("%.*s…", (int)n, s);
}

/* Check one label of a domain: letters of one script, digits, hyphens. */
static int
domain_label_check(const char *l, size_t len, bool top, struct error *why)
{
	bool latin = false, cyr = false, letters_only = true;
	size_t i = 0, chars = 0;
	uint32_t cp;
	char enc[8], *shown;
	int rc = 0;

	if (len == 0)
		return error_set(why, "пустая часть в имени домена (две точки "
		    "подряд или точка по краю)");
	shown = shown_value(l, len);
	while (i < len && rc == 0) {
		i += utf8_decode(l + i, len - i, &cp);
		chars++;
		if (is_latin(cp))
			latin = true;
		else if (is_cyrillic(cp))
			cyr = true;
		else if (!is_digit(cp) && cp != '-')
			rc = error_set(why, "недопустимый символ «%s» в имени "
			    "домена", shown_char(cp, enc));
		if (!is_latin(cp) && !is_cyrillic(cp))
			letters_only = false;
	}
	if (rc != 0)
		goto out;
	if (chars > LABEL_MAX)
		rc = error_set(why, "часть домена «%s» длиннее %d знаков",
		    shown, LABEL_MAX);
	else if (l[0] == '-' || l[len - 1] == '-')
		rc = error_set(why, "часть домена «%s» начинается или "
		    "кончается дефисом", shown);
	else if (latin && cyr)
		rc = error_set(why, "в «%s» смешаны латинские и русские буквы",
		    shown);
	else if (top && !(len > 4 && strncasecmp(l, "xn--", 4) == 0) &&
	    (chars < 2 || !letters_only))
		rc = error_set(why, "«%s» — не домен верхнего уровня", shown);
out:
	free(shown);
	return rc;
}

/* Check a host name: at least two labels, each well formed. */
static int
domain_check(const char *host, size_t len, struct error *why)
{
	size_t start = 0, labels = 0;

	if (len == 0)
		return error_set(why, "нет имени домена");
	for (size_t i = 0; i <= len; i++) {
		if (i < len && host[i] != '.')
			continue;
		labels++;
		if (domain_label_check(host + start, i - start, i == len,
		    why) != 0)
			return -1;
		start = i + 1;
	}
	if (labels < 2) {
		char *shown = shown_value(host, len);

		error_set(why, "в имени домена «%s» нет точки", shown);
		free(shown);
		return -1;
	}
	return 0;
}

/* Length of an "http://" or "https://" prefix of s, else 0. */
static size_t
web_scheme_len(const char *s)
{
	if (strncasecmp(s, "https://", 8) == 0)
		return 8;
	if (strncasecmp(s, "http://", 7) == 0)
		return 7;
	return 0;
}

/* Refuse white space, controls and characters no address contains. */
static int
url_chars_check(const char *s, struct error *why)
{
	size_t len = strlen(s), i = 0;
	uint32_t cp;
	char enc[8];

	while (i < len) {
		i += utf8_decode(s + i, len - i, &cp);
		if (cp == ' ' || cp == 0xA0 || cp == '\t')
			return error_set(why, "пробел в адресе сайта");
		if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
		    cp == '"' || cp == '<' || cp == '>' || cp == '\\' ||
		    cp == UTF8_REPLACEMENT)
			return error_set(why, "недопустимый символ «%s» в "
			    "адресе сайта", shown_char(cp, enc));
	}
	return 0;
}

/* Check the host[:port] part of a URL. */
static int
url_authority_check(const char *a, size_t len, struct error *why)
{
	const char *colon = memchr(a, ':', len);
	size_t hostlen = colon != NULL ? (size_t)(colon - a) : len;

	if (len == 0)
		return error_set(why, "нет имени сайта после «://»");
	if (memchr(a, '@', len) != NULL)
		return error_set(why, "знак «@» в имени сайта (это адрес "
		    "эл. почты?)");
	if (colon != NULL) {
		size_t plen = len - hostlen - 1;
		long port = 0;

		if (plen == 0 || plen > 5)
			return error_set(why, "неверный номер порта");
		for (size_t i = hostlen + 1; i < len; i++) {
			if (a[i] < '0' || a[i] > '9')
				return error_set(why, "неверный номер порта");
			port = port * 10 + (a[i] - '0');
		}
		if (port < 1 || port > 65535)
			return error_set(why, "неверный номер порта");
	}
	return domain_check(a, hostlen, why);
}

static int
url_check(const char *s, struct error *why)
{
	size_t skip = web_scheme_len(s), alen, len = strlen(s);
	const char *a;

	if (skip == 0) {
		if (strstr(s, "://") != NULL)
			return error_set(why, "поддерживаются только адреса "
			    "http:// и https://");
		return error_set(why, "адрес сайта должен начинаться с "
		    "https:// или http://");
	}
	if (url_chars_check(s, why) != 0)
		return -1;
	a = s + skip;
	alen = strcspn(a, "/?#");
	if (url_authority_check(a, alen, why) != 0)
		return -1;
	if (strchr(",;.", s[len - 1]) != NULL)
		return error_set(why, "адрес кончается знаком «%c» — лишний "
		    "знак при копировании?", s[len - 1]);
	return 0;
}

/* Characters RFC 5322 allows unquoted before the '@', besides letters. */
static bool
is_local_char(uint32_t cp)
{
	return is_latin(cp) || is_digit(cp) || is_cyrillic(cp) ||
	    (cp < 0x80 && strchr("!#$%&'*+/=?^_`{|}~-.", (int)cp) != NULL &&
	    cp != 0);
}

static int
email_local_check(const char *l, size_t len, struct error *why)
{
	size_t i = 0;
	uint32_t cp;
	char enc[8];

	if (len == 0)
		return error_set(why, "нет имени до знака @");
	if (len > LOCAL_MAX)
		return error_set(why, "имя до знака @ длиннее %d знаков",
		    LOCAL_MAX);
	if (l[0] == '.' || l[len - 1] == '.')
		return error_set(why, "имя до знака @ начинается или кончается "
		    "точкой");
	for (size_t j = 1; j < len; j++)
		if (l[j] == '.' && l[j - 1] == '.')
			return error_set(why, "две точки подряд в имени до "
			    "знака @");
	while (i < len) {
		i += utf8_decode(l + i, len - i, &cp);
		if (!is_local_char(cp))
			return error_set(why, "недопустимый символ «%s» до "
			    "знака @", shown_char(cp, enc));
	}
	return 0;
}

static bool looks_like_phone(const char *s);

static int
email_check(const char *s, struct error *why)
{
	const char *at = strchr(s, '@');

	if (at == NULL && looks_like_phone(s))
		return error_set(why, "это номер телефона, а не адрес "
		    "эл. почты");

	if (strpbrk(s, ",;") != NULL && at != NULL &&
	    strchr(at + 1, '@') != NULL)
		return error_set(why, "несколько адресов в одном контакте — "
		    "внесите их по отдельности");
	if (strpbrk(s, " \t") != NULL || strstr(s, "\xC2\xA0") != NULL)
		return error_set(why, "пробел в адресе эл. почты");
	if (at == NULL)
		return error_set(why, "нет знака @");
	if (strchr(at + 1, '@') != NULL)
		return error_set(why, "больше одного знака @");
	if (email_local_check(s, (size_t)(at - s), why) != 0)
		return -1;
	if (at[1] == '\0')
		return error_set(why, "нет домена после знака @");
	return domain_check(at + 1, strlen(at + 1), why);
}

/* Where "доб" (any case) starts in s, or NULL. */
static const char *
find_extension(const char *s)
{
	static const char *const forms[] = { "доб", "Доб", "ДОБ" };
	const char *best = NULL;

	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		const char *p = strstr(s, forms[i]);

		if (p != NULL && (best == NULL || p < best))
			best = p;
	}
	return best;
}

/* Parse "доб. 123" (ext points at "доб"): its digits into ph->ext. */
static int
phone_parse_extension(const char *ext, struct phone *ph, struct error *why)
{
	const char *p = ext + strlen("доб");
	size_t n = 0;

	if (strncmp(p, "авочный", strlen("авочный")) == 0)
		p += strlen("авочный");
	if (*p == '.')
		p++;
	while (*p == ' ')
		p++;
	while (*p >= '0' && *p <= '9') {
		if (n == EXT_MAX)
			return error_set(why, "добавочный номер длиннее %d цифр",
			    EXT_MAX);
		ph->ext[n++] = *p++;
	}
	ph->ext[n] = '\0';
	if (n == 0)
		return error_set(why, "после «доб.» нужен добавочный номер");
	if (*p != '\0')
		return error_set(why, "лишний текст после добавочного номера");
	return 0;
}

/* Check the parentheses of a number: one pair, digits inside. */
static int
phone_parens_check(const char *s, size_t len, struct error *why)
{
	const char *open = memchr(s, '(', len), *close = memchr(s, ')', len);
	bool digit = false;

	if (open == NULL && close == NULL)
		return 0;
	if (open == NULL || close == NULL || close < open ||
	    memchr(open + 1, '(', len - (size_t)(open + 1 - s)) != NULL ||
	    memchr(close + 1, ')', len - (size_t)(close + 1 - s)) != NULL)
		return error_set(why, "непарные скобки в номере");
	for (const char *p = open + 1; p < close; p++) {
		if (*p >= '0' && *p <= '9')
			digit = true;
		else if (*p != ' ')
			return error_set(why, "в скобках номера только код "
			    "города");
	}
	if (!digit)
		return error_set(why, "пустые скобки в номере");
	return 0;
}

/* Separators clerks put between the groups of a number (Word turns
 * hyphens into non-breaking ones and dashes). */
static bool
is_phone_separator(uint32_t cp)
{
	return cp == ' ' || cp == '-' || cp == '(' || cp == ')' ||
	    cp == 0xA0 || cp == 0x2010 || cp == 0x2011 || cp == 0x2012 ||
	    cp == 0x2013;
}

/* Collect the digits of the number part s[0..len), refusing strangers. */
static int
phone_collect_digits(const char *s, size_t len, struct phone *ph,
    struct error *why)
{
	size_t i = 0, n;
	uint32_t cp;
	char enc[8];

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (is_digit(cp)) {
			if (ph->ndigits < PHONE_MAX)
				ph->digits[ph->ndigits] = (char)cp;
			/* "8 4822 …", "8(4812)…": the 8 stands alone, so the
			 * national number is what follows it. */
			if (ph->ndigits == 0 && cp == '8' && i + 1 < len &&
			    !is_digit((unsigned char)s[i + 1]))
				ph->trunk = true;
			ph->ndigits++;
		} else if (cp == '+') {
			if (i != 0)
				return error_set(why, "знак «+» бывает только в "
				    "начале номера");
			ph->plus = true;
		} else if (cp == ';' || cp == ',') {
			return error_set(why, "несколько номеров в одном "
			    "контакте — внесите их по отдельности");
		} else if (!is_phone_separator(cp)) {
			return error_set(why, "недопустимый символ «%s» в номере",
			    shown_char(cp, enc));
		}
		i += n;
	}
	ph->digits[ph->ndigits < PHONE_MAX ? ph->ndigits : PHONE_MAX] = '\0';
	return phone_parens_check(s, len, why);
}

/* Judge the digits: a full Russian number is 7 or 8 plus ten digits. */
static int
phone_digits_check(const struct phone *ph, struct error *why)
{
	size_t n = ph->ndigits;

	if (n == 0)
		return error_set(why, "в номере нет цифр");
	if (ph->plus && ph->digits[0] != '7')
		return error_set(why, "номер не российский: код страны +7");
	if (ph->plus && n != PHONE_DIGITS)
		return error_set(why, "после +7 должно быть 10 цифр, а их %zu",
		    n - 1);
	if (ph->plus)
		return 0;
	if (n == PHONE_DIGITS && ph->digits[0] == '8')
		return 0;
	if (n == PHONE_DIGITS && ph->digits[0] == '7')
		return error_set(why, "перед 7 нужен знак «+»: +7 …");
	if (ph->trunk && n < PHONE_DIGITS)
		return error_set(why, "номер слишком короткий: после 8 должно "
		    "быть 10 цифр, а их %zu", n - 1);
	if (n == PHONE_DIGITS - 1)
		return error_set(why, "нет кода страны: начните номер с +7 "
		    "или 8");
	if (n < 5)
		return error_set(why, "короткий номер из %zu цифр не набрать "
		    "из другого города: укажите полный номер, +7 и код", n);
	if (n >= 5 && n <= 7)
		return error_set(why, "местный номер без кода города: укажите "
		    "+7 и код, например +7 (4812) %s", "29-25-09");
	return error_set(why, "в российском номере 11 цифр (+7 или 8 и ещё "
	    "10), а здесь %zu", n);
}

/* Take s apart into ph; -1 with why when it is not a well-formed number. */
static int
phone_parse(const char *s, struct phone *ph, struct error *why)
{
	const char *ext = find_extension(s);
	size_t len = ext != NULL ? (size_t)(ext - s) : strlen(s);

	memset(ph, 0, sizeof *ph);
	if (ext != NULL && phone_parse_extension(ext, ph, why) != 0)
		return -1;
	/* "…29-25-09, доб. 12": the comma belongs to the extension. */
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == ','))
		len--;
	if (len == 0)
		return error_set(why, "нет номера перед добавочным");
	if (phone_collect_digits(s, len, ph, why) != 0)
		return -1;
	if (!(s[len - 1] >= '0' && s[len - 1] <= '9'))
		return error_set(why, "номер кончается не цифрой");
	return phone_digits_check(ph, why);
}

/* Mostly digits and phone punctuation, with enough digits to dial. */
static bool
looks_like_phone(const char *s)
{
	const char *ext = find_extension(s);
	size_t len = ext != NULL ? (size_t)(ext - s) : strlen(s), digits = 0;
	size_t i = 0;
	uint32_t cp;

	if (!(s[0] == '+' || s[0] == '(' || (s[0] >= '0' && s[0] <= '9')))
		return false;
	while (i < len) {
		i += utf8_decode(s + i, len - i, &cp);
		if (is_digit(cp))
			digits++;
		else if (!is_phone_separator(cp) && cp != '+' && cp != ',' &&
		    cp != ';')
			return false;
	}
	return digits >= PHONE_SHORTEST;
}

/* "htp:/x", "http//x", "mailto:": letters, then ':' and '/' or "//"
 * after them — an address with its scheme mistyped, not free text. */
static bool
looks_like_scheme(const char *s)
{
	size_t n = 0;

	while (is_latin((unsigned char)s[n]))
		n++;
	if (n == 0 || n > 10)
		return false;
	return (s[n] == ':' && s[n + 1] == '/') ||
	    (s[n] == '/' && s[n + 1] == '/');
}

/* A bare domain followed by a path, such as "ervk.gov.ru/registry". */
static bool
looks_like_bare_url(const char *s)
{
	size_t hostlen = strcspn(s, "/?#");
	const char *dot = memchr(s, '.', hostlen);

	return dot != NULL && strpbrk(s, " \t") == NULL &&
	    domain_check(s, hostlen, NULL) == 0;
}

enum contact_type
contact_classify(const char *s)
{
	char *t = trimmed(s != NULL ? s : "");
	enum contact_type type = CONTACT_OTHER;

	if (t[0] == '\0')
		type = CONTACT_OTHER;
	else if (web_scheme_len(t) > 0 || strstr(t, "://") != NULL ||
	    strncasecmp(t, "www.", 4) == 0 || looks_like_scheme(t))
		type = CONTACT_URL;
	else if (strchr(t, '@') != NULL)
		type = CONTACT_EMAIL;
	else if (looks_like_phone(t))
		type = CONTACT_PHONE;
	else if (looks_like_bare_url(t))
		type = CONTACT_URL;
	free(t);
	return type;
}

int
contact_check(enum contact_type type, const char *value, struct error *why)
{
	char *t = trimmed(value != NULL ? value : "");
	struct phone ph;
	int rc = 0;

	if (t[0] == '\0')
		rc = error_set(why, "пустой контакт");
	else if (!utf8_valid(t, strlen(t)))
		rc = error_set(why, "неверная кодировка (не UTF-8)");
	else {
		if (type != CONTACT_URL && type != CONTACT_EMAIL &&
		    type != CONTACT_PHONE)
			type = contact_classify(t);
		switch (type) {
		case CONTACT_URL:
			rc = url_check(t, why);
			break;
		case CONTACT_EMAIL:
			rc = email_check(t, why);
			break;
		case CONTACT_PHONE:
			rc = phone_parse(t, &ph, why);
			break;
		case CONTACT_OTHER:
			break;
		}
	}
	free(t);
	return rc;
}

/* Fold s and drop a web scheme, "www." and a trailing slash. */
static char *
canonical_web(const char *s)
{
	char *folded = utf8_casefold(s), *p = folded, *out;
	size_t len;

	p += web_scheme_len(p);
	if (strncmp(p, "www.", 4) == 0)
		p += 4;
	len = strlen(p);
	while (len > 0 && p[len - 1] == '/')
		len--;
	out = xstrndup(p, len);
	free(folded);
	return out;
}

char *
contact_canonical(enum contact_type type, const char *value)
{
	char *t = trimmed(value != NULL ? value : ""), *out;
	struct phone ph;

	if (type != CONTACT_URL && type != CONTACT_EMAIL &&
	    type != CONTACT_PHONE)
		type = contact_classify(t);
	switch (type) {
	case CONTACT_PHONE:
		phone_parse(t, &ph, NULL);
		if (ph.ndigits == PHONE_DIGITS && ph.digits[0] == '8')
			ph.digits[0] = '7';
		out = ph.ext[0] != '\0' ?
		    xasprintf("tel:%s;ext=%s", ph.digits, ph.ext) :
		    xasprintf("tel:%s", ph.digits);
		break;
	case CONTACT_URL:
		out = canonical_web(t);
		break;
	case CONTACT_EMAIL:
		out = utf8_casefold(t);
		break;
	default: {
		char *sq = utf8_squeeze(t);

		out = utf8_casefold(sq);
		free(sq);
		break;
	}
	}
	free(t);
	return out;
}
