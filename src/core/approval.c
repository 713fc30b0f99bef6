/* approval.c - the checks before the list is approved (п. 5.1). */
#include "approval.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "declension.h"
#include "utf8.h"

/* The first year an order of a Russian body can bear. */
#define APPROVAL_FIRST_YEAR	1991
/* Order numbers are short ("27/01-01", "123-од"); longer is a paste. */
#define APPROVAL_NUMBER_MAX	64

/* The date of a real order: from 1991 to next year (a mistyped year is
 * caught here before "later than today" says less). */
static int
approval_date_in_range(struct date d, struct date today, struct error *err)
{
	char shown[DATE_BUFSZ];

	if (d.y < APPROVAL_FIRST_YEAR)
		return error_set(err, "дата приказа %s раньше %d года — "
		    "проверьте год", date_format(d, shown),
		    APPROVAL_FIRST_YEAR);
	if (d.y > today.y + 1)
		return error_set(err, "дата приказа %s позже %d года — "
		    "проверьте год", date_format(d, shown), today.y + 1);
	return 0;
}

/* The number as typed: what is wrong with it, said. */
static int
approval_number_valid(const char *number, struct error *err)
{
	size_t chars = 0;

	if (!utf8_valid(number, strlen(number)))
		return error_set(err, "номер приказа — не текст в UTF-8");
	for (const char *p = number; *p != '\0';) {
		uint32_t cp;

		p += utf8_decode(p, strlen(p), &cp);
		if (cp == '\n' || cp == '\r')
			return error_set(err, "номер приказа — одна строка, "
			    "а в нём перевод строки");
		if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
			return error_set(err, "в номере приказа управляющий "
			    "символ (код %u) — наберите номер заново",
			    (unsigned)cp);
		chars++;
	}
	if (chars > APPROVAL_NUMBER_MAX)
		return error_set(err, "номер приказа длиннее %d символов (%zu) "
		    "— укажите только номер, например «27/01-01»",
		    APPROVAL_NUMBER_MAX, chars);
	return 0;
}

int
approval_order_check(const char *number, const char *date, struct date today,
    struct approval_order *out, struct error *err)
{
	char shown[DATE_BUFSZ], now[DATE_BUFSZ];

	memset(out, 0, sizeof *out);
	if (date_parse(date, &out->date, err) != 0) {
		error_prefix(err, "дата приказа");
		return -1;
	}
	if (approval_date_in_range(out->date, today, err) != 0)
		return -1;
	if (date_cmp(out->date, today) > 0)
		return error_set(err, "дата приказа %s позже сегодняшней (%s): "
		    "записывайте уже подписанный приказ",
		    date_format(out->date, shown), date_format(today, now));
	if (approval_number_valid(number, err) != 0)
		return -1;
	out->number = utf8_squeeze(number);
	if (out->number[0] == '\0') {
		approval_order_fini(out);
		return error_set(err, "номер приказа должен быть непустой "
		    "строкой");
	}
	date_format_iso(out->date, out->iso);
	return 0;
}

void
approval_order_fini(struct approval_order *o)
{
	free(o->number);
	o->number = NULL;
}

int
approval_check_list(size_t touchpoints, struct error *err)
{
	if (touchpoints == 0)
		return error_set(err, "в перечне нет ни одной точки "
		    "взаимодействия: утверждать нечего");
	return 0;
}

int
approval_preconditions(size_t touchpoints, size_t errors, size_t unaccepted,
    const struct approval_consent *c, struct error *err)
{
	int ask = 0;

	if (approval_check_list(touchpoints, err) != 0)
		return -1;
	if (errors > 0 && !c->errors)
		ask |= APPROVAL_ASK_ERRORS;
	if (unaccepted > 0 && !c->unreviewed)
		ask |= APPROVAL_ASK_UNREVIEWED;
	return ask;
}

/* "органа (ОИВ), заглавия" and the options that fill them, into what
 * and how. */
static void
approval_header_parts(const struct list_header *h, unsigned missing,
    struct buf *what, struct buf *how)
{
	/* Without the nominative there is nothing to decline; init --org
	 * fills the genitive too. */
	if (missing & HEADER_ORG) {
		buf_puts(what, "органа (ОИВ)");
		buf_puts(how, " --org …");
	} else if (missing & HEADER_ORG_GENITIVE) {
		char *gen = declension_genitive(h->org);

		buf_puts(what, "названия органа в родительном падеже для грифа "
		    "(«приказом …»)");
		buf_printf(how, " --org-genitive \"%s\"", gen);
		free(gen);
	}
	if (missing & HEADER_TITLE) {
		buf_puts(what, what->len > 0 ? ", заглавия" : "заглавия");
		buf_puts(how, " --title …");
	}
}

int
approval_check_header(const struct list_header *h, struct error *err)
{
	unsigned missing = list_header_missing(h);
	struct buf what, how;

	if (missing == 0)
		return 0;
	buf_init(&what);
	buf_init(&how);
	approval_header_parts(h, missing, &what, &how);
	error_set(err, "заголовок перечня не заполнен (п. 5.1, Приложение "
	    "1): нет %s — perechen init%s", what.data, how.data);
	buf_fini(&what);
	buf_fini(&how);
	return -1;
}
