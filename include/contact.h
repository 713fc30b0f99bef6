/*
 * contact.h - what a contact string is and whether it is well formed.
 *
 * Owns: the classification of a contact (site address, e-mail, Russian
 * phone number, anything else), the checks behind rule R11, and finding
 * the contacts written inside a printed name (contact_find).
 *
 * What counts as well formed (surrounding white space is ignored; the
 * forms trim it before saving):
 *
 *   URL     http:// or https://, a host with at least one dot (ASCII or
 *           Cyrillic labels, e.g. минпромторг.рф), an optional :port, then
 *           anything without spaces or control characters.  A trailing
 *           ',', ';' or '.' is refused as a copying slip.
 *   e-mail  local@domain.tld: the local part ASCII (the usual RFC 5322
 *           characters) or Cyrillic, no leading, trailing or double dots;
 *           the domain as for URLs.  A label that mixes Latin and Cyrillic
 *           letters is refused (a Cyrillic «а» typed into yandex.ru).
 *   phone   a full Russian number: +7 or 8, then the 10 digits of the
 *           national number, grouped by spaces, dashes and at most one
 *           pair of parentheses; an optional extension «доб. 123».  Short
 *           local numbers such as «29-25-09» are refused: the published
 *           list is read by clients outside the city, so the number must
 *           be dialable from anywhere (the message shows the full form).
 *           A lone leading 8 («8 4822 33-44-5») is the trunk prefix: with
 *           fewer than ten digits after it the number is too short.
 *   A phone number given as an e-mail is refused as a phone number.
 */
#ifndef PERECHEN_CONTACT_H
#define PERECHEN_CONTACT_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "model.h"

/*
 * What s looks like: CONTACT_URL (a scheme, even a mistyped one such as
 * "htp:/x", "www." or a bare domain with a path), CONTACT_EMAIL (an '@'),
 * CONTACT_PHONE (digits and phone punctuation only, at least three digits:
 * "112" is a number too short to dial, not free text), else CONTACT_OTHER
 * (an address, a name…).  Classifying does
 * not judge: a malformed e-mail is still an e-mail.
 */
enum contact_type contact_classify(const char *s);

/*
 * Check value as a contact of the given type.  Returns 0 when it is well
 * formed, or -1 with a short Russian reason in why (NULL-safe), e.g.
 * "нет домена после @".  CONTACT_OTHER is judged by what the value looks
 * like (contact_classify); free text that looks like nothing is accepted.
 * An empty value is malformed.
 */
int	contact_check(enum contact_type type, const char *value,
	    struct error *why);

/*
 * A canonical form for comparing contacts (rule R2): phones as
 * "tel:7XXXXXXXXXX[;ext=N]", e-mails and URLs case-folded without a
 * trailing slash, other text folded and squeezed.  Works on malformed
 * values too (best effort).  Caller frees.
 */
char	*contact_canonical(enum contact_type type, const char *value);

/* One contact written inside free text: bytes [start, end) of it. */
struct contact_span {
	size_t	 start, end;
	enum contact_type type;
};

/* At most this many contacts are found in one text. */
#define CONTACT_FIND_MAX 32

/*
 * Find the site addresses (http://, https://, www.), e-mail addresses and
 * phone numbers (6 to 11 digits) written in text, as a clerk writes them
 * into a touchpoint's name («Электронная почта: a@b.ru , c@d.ru»): an
 * e-mail's domain is not read as a site, nor digits inside either as a
 * phone; a site keeps balanced parentheses and drops a closing one it did
 * not open.  Fills out (max entries) in text order and returns how many.
 */
size_t	contact_find(const char *text, struct contact_span *out, size_t max);

/*
 * True if contact c is written in text: verbatim, or as a contact of the
 * same canonical form («+7(4812)29-25-09» for «+7 (4812) 29-25-09»).  The
 * printed touchpoint cell adds on lines of their own only the contacts its
 * name does not already show.
 */
bool	contact_written_in(const char *text, const struct contact *c);

/*
 * The first contact written in text that none of contacts[0..n) is (by
 * canonical form), or NULL if there is none: a name still showing a
 * contact the clerk changed or deleted in the contacts list.  Caller
 * frees.
 */
char	*contact_unlisted_in(const char *text, const struct contact *contacts,
	    size_t n);

#endif
