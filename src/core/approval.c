/* approval.c - the checks before the list is approved (п. 5.1). */
#include "approval.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "declension.h"
#include "utf8.h"

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
	if (date_cmp(out->date, today) > 0)
		return error_set(err, "дата приказа %s позже сегодняшней (%s): "
		    "записывайте уже подписанный приказ",
		    date_format(out->date, shown), date_format(today, now));
	out->number = utf8_squeeze(number);
	if (out->number[0] == '\0' || strchr(out->number, '\n') != NULL) {
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
