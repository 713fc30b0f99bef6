/* store_count.c - counts beside a row of the editor (store_count.h). */
#include "store_int.h"

#include "store_count.h"

int
store_count_process_active(struct store *s, int64_t proc_id, int64_t *n,
    struct error *err)
{
	sqlite3_stmt *st;

	if (store_prepare(s, &st, "SELECT count(*) FROM touchpoint "
	    "WHERE process_id = ?1 AND NOT excluded", err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, proc_id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return store_fail(s, "подсчёт точек процесса", err);
	}
	*n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return 0;
}
