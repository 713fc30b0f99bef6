/*
 * fuzz_contact.c - contact classification and checks on arbitrary bytes.
 * A check never crashes and always says why it refuses (in valid UTF-8);
 * a value accepted as a phone has the canonical form of a full Russian
 * number; judging free text by its look agrees with judging it by its
 * type.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "contact.h"
#include "utf8.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A canonical phone is "tel:7" and ten more digits, maybe ";ext=N". */
static void
check_canonical_phone(const char *s)
{
	char *c = contact_canonical(CONTACT_PHONE, s);
	size_t i;

	if (strncmp(c, "tel:7", 5) != 0)
		abort();
	for (i = 4; c[i] >= '0' && c[i] <= '9'; i++)
		;
	if (i != 4 + 11 || (c[i] != '\0' && strncmp(c + i, ";ext=", 5) != 0))
		abort();
	free(c);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum contact_type types[] = {
		CONTACT_URL, CONTACT_EMAIL, CONTACT_PHONE, CONTACT_OTHER
	};
	char *s = malloc(size + 1);
	enum contact_type looks;

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	looks = contact_classify(s);
	if (looks < CONTACT_URL || looks > CONTACT_OTHER)
		abort();
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
		struct error why = { "" };
		int rc = contact_check(types[i], s, &why);
		char *canon = contact_canonical(types[i], s);

		if (rc != 0 && (why.msg[0] == '\0' ||
		    !utf8_valid(why.msg, strlen(why.msg))))
			abort();
		if (rc == 0 && types[i] == CONTACT_PHONE)
			check_canonical_phone(s);
		if (types[i] == CONTACT_OTHER && looks != CONTACT_OTHER &&
		    rc != contact_check(looks, s, NULL))
			abort();
		free(canon);
	}
	free(s);
	return 0;
}
