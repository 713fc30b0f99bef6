/* approval.c - the checks before the list is approved (п. 5.1). */
#include "approval.h"

#include <stdlib.h>
#include <string.h>

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
