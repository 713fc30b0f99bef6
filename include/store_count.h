/*
 * store_count.h - counts the editor shows beside a row, each over the
 * touchpoints of one process (by the touchpoint_order index), never over
 * the whole list.
 */
#ifndef PERECHEN_STORE_COUNT_H
#define PERECHEN_STORE_COUNT_H

#include <stdint.h>

#include "error.h"
#include "store.h"

/* The touchpoints of process proc_id still in the list (not excluded,
 * п. 5.3.4) into *n. */
int	store_count_process_active(struct store *s, int64_t proc_id,
	    int64_t *n, struct error *err);

#endif
