/* policy.c - roles and the decision who may change what (п. 2.2). */
#include "policy.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"

void
policy_user_init(struct policy_user *u)
{
	memset(u, 0, sizeof *u);
	u->login = xstrdup("");
	strvec_init(&u->units);
}

void
policy_user_fini(struct policy_user *u)
{
	free(u->login);
	strvec_fini(&u->units);
	memset(u, 0, sizeof *u);
}

const char *
role_code(enum role r)
{
	switch (r) {
	case ROLE_AUTHORISED:
		return "authorised";
	case ROLE_EDITOR:
		return "editor";
	case ROLE_VIEWER:
		return "viewer";
	case ROLE_NONE:
		break;
	}
	return "";
}

const char *
role_title(enum role r)
{
	switch (r) {
	case ROLE_AUTHORISED:
		return "уполномоченное лицо";
	case ROLE_EDITOR:
		return "редактор подразделения";
	case ROLE_VIEWER:
		return "наблюдатель";
	case ROLE_NONE:
		break;
	}
	return "нет роли";
}

enum role
role_parse(const char *s)
{
	/* Word beginnings, so that "уполномоченное лицо", "authorized" and
	 * "редактор подразделения" are understood as typed. */
	static const struct {
		const char *prefix;
		enum role role;
	} words[] = {
		{ "уполномоч", ROLE_AUTHORISED },
		{ "authoris", ROLE_AUTHORISED },
		{ "authoriz", ROLE_AUTHORISED },
		{ "редактор", ROLE_EDITOR },
		{ "editor", ROLE_EDITOR },
		{ "наблюдател", ROLE_VIEWER },
		{ "viewer", ROLE_VIEWER },
	};
	char *f = utf8_casefold(s);
	char *w = utf8_squeeze(f);
	enum role r = ROLE_NONE;

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (w[0] != '\0' && strncmp(w, words[i].prefix,
		    strlen(words[i].prefix)) == 0) {
			r = words[i].role;
			break;
		}
	free(w);
	free(f);
	return r;
}

/* A unit name as compared: folded case, squeezed spaces; caller frees. */
static char *
policy_unit_key(const char *unit)
{
	char *f = utf8_casefold(unit != NULL ? unit : "");
	char *k = utf8_squeeze(f);

	free(f);
	return k;
}

bool
policy_unit_equal(const char *a, const char *b)
{
	char *ka = policy_unit_key(a), *kb = policy_unit_key(b);
	bool eq = strcmp(ka, kb) == 0;

	free(ka);
	free(kb);
	return eq;
}

bool
policy_has_unit(const struct policy_user *u, const char *unit)
{
	char *k = policy_unit_key(unit);
	bool found = false;

	/* A blank unit is nobody's: an editor's units are never blank. */
	for (size_t i = 0; k[0] != '\0' && i < u->units.n && !found; i++)
		found = policy_unit_equal(u->units.v[i], k);
	free(k);
	return found;
}

char *
policy_describe(const struct policy_user *u)
{
	struct buf b;

	if (u->open)
		return xstrdup("перечень открыт для всех (пользователи не "
		    "назначены)");
	buf_init(&b);
	switch (u->role) {
	case ROLE_NONE:
		buf_printf(&b, "учётная запись «%s», которой в перечне не "
		    "назначена роль", u->login);
		break;
	case ROLE_EDITOR:
		if (u->units.n == 0) {
			buf_puts(&b, "редактор подразделения без "
			    "подразделений");
			break;
		}
		buf_puts(&b, u->units.n == 1 ? "редактор подразделения " :
		    "редактор подразделений ");
		for (size_t i = 0; i < u->units.n; i++)
			buf_printf(&b, "%s«%s»", i > 0 ? ", " : "",
			    u->units.v[i]);
		break;
	case ROLE_AUTHORISED:
	case ROLE_VIEWER:
		buf_puts(&b, role_title(u->role));
		break;
	}
	return buf_detach(&b);
}

/* The refusal: who may, then who u is. */
static int
policy_refuse(const struct policy_user *u, const char *who_may,
    struct error *err)
{
	char *me = policy_describe(u);

	error_set(err, "%s; вы — %s", who_may, me);
	free(me);
	return -1;
}

/* Touchpoints of a unit: its editor or an authorised person. */
static int
policy_check_touchpoint(const struct policy_user *u, const char *verb,
    const char *unit, struct error *err)
{
	char *who_may;
	int rc;

	if (u->role == ROLE_EDITOR && policy_has_unit(u, unit))
		return 0;
	if (unit == NULL || unit[0] == '\0')
		who_may = xasprintf("%s точки без подразделения может "
		    "уполномоченное лицо%s", verb, u->role == ROLE_EDITOR ?
		    " (редактор — с указанием своего подразделения)" : "");
	else
		who_may = xasprintf("%s точки подразделения «%s» может "
		    "редактор этого подразделения или уполномоченное лицо",
		    verb, unit);
	rc = policy_refuse(u, who_may, err);
	free(who_may);
	return rc;
}

/* An editor's touchpoint given to another unit stays within their units. */
static int
policy_check_new_unit(const struct policy_user *u, const char *unit,
    const char *new_unit, struct error *err)
{
	char *who_may;
	int rc;

	if (new_unit == NULL || policy_unit_equal(unit, new_unit) ||
	    policy_has_unit(u, new_unit))
		return 0;
	if (new_unit[0] == '\0')
		who_may = xstrdup("оставить точку без подразделения может "
		    "уполномоченное лицо");
	else
		who_may = xasprintf("передать точку подразделению «%s» может "
		    "уполномоченное лицо или редактор обоих подразделений",
		    new_unit);
	rc = policy_refuse(u, who_may, err);
	free(who_may);
	return rc;
}

int
policy_check(const struct policy_user *u, enum policy_action action,
    const char *unit, const char *new_unit, struct error *err)
{
	if (u->open || u->role == ROLE_AUTHORISED)
		return 0;
	switch (action) {
	case POLICY_TOUCHPOINT_EDIT:
		if (policy_check_touchpoint(u, "изменять", unit, err) != 0)
			return -1;
		return policy_check_new_unit(u, unit, new_unit, err);
	case POLICY_TOUCHPOINT_ADD:
		return policy_check_touchpoint(u, "добавлять", unit, err);
	case POLICY_PROCESS_EDIT:
		return policy_refuse(u, "добавлять, переименовывать, "
		    "переставлять, исключать и возвращать процессы может "
		    "уполномоченное лицо", err);
	case POLICY_HEADER_EDIT:
		return policy_refuse(u, "изменять заголовок перечня может "
		    "уполномоченное лицо", err);
	case POLICY_REVIEW:
		return policy_refuse(u, "проверять точки и выносить решения по "
		    "ним может уполномоченное лицо (п. 2.2)", err);
	case POLICY_APPROVE:
		return policy_refuse(u, "утверждать редакции перечня и "
		    "отмечать их размещение может уполномоченное лицо", err);
	case POLICY_ACK:
		return policy_refuse(u, "принимать предупреждения с "
		    "обоснованием может уполномоченное лицо", err);
	case POLICY_USERS:
		return policy_refuse(u, "назначать роли может уполномоченное "
		    "лицо", err);
	case POLICY_IMPORT:
		return policy_refuse(u, "загружать перечень из файла может "
		    "уполномоченное лицо", err);
	case POLICY_SETTINGS:
		return policy_refuse(u, "менять настройки печати может "
		    "уполномоченное лицо", err);
	}
	return policy_refuse(u, "это может уполномоченное лицо", err);
}
