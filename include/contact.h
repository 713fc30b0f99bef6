/*
 * contact.h - what a contact string is and whether it is well formed.
 *
 * Owns: the classification of a contact (site address, e-mail, Russian
 * phone number, anything else) and the checks behind rule R11.  Import
 * extracts contacts from printed names; this module only judges them.
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

#endif
