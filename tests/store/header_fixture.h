/*
 * header_fixture.h - for store tests that approve: the header every
 * approved annex needs (R0: the body, its genitive, the title), saved
 * by who.  Header-only (each test program is one file).
 */
#ifndef PERECHEN_TEST_HEADER_FIXTURE_H
#define PERECHEN_TEST_HEADER_FIXTURE_H

#include "model.h"
#include "store_edit.h"
#include "store_users.h"

static void
give_header(struct store *st, const struct actor *who)
{
	struct list_header h;
	struct error err;

	list_header_init(&h);
	model_set(&h.org, "Министерство промышленности и торговли Смоленской "
	    "области");
	model_set(&h.org_genitive, "Министерства промышленности и торговли "
	    "Смоленской области");
	model_set(&h.title, "точек взаимодействия с клиентом");
	/* store_set_header checks the role of the store's login. */
	store_set_login(st, who->login);
	if (store_header_save(st, &h, who, &err) != 0)
		fail_msg("%s", err.msg);
	list_header_fini(&h);
}

#endif
