/*
 * import_office_absent.c - perechen's import_office: the office readers
 * (libzip, libxml2) are linked only into perechen-office, which is handed
 * every named DOCX, XLSX or ODT file.  What still reaches this is a
 * package on a pipe, which cannot be handed over once read.
 */
#include "import_int.h"

int
import_office(const char *data, size_t len, const struct import_opts *o,
    struct list *out, struct import_report *rep, struct error *err)
{
	(void)data;
	(void)len;
	(void)o;
	(void)out;
	(void)rep;
	return error_set(err, "это документ DOCX, XLSX или ODT: со "
	    "стандартного ввода он не читается — укажите файл: perechen "
	    "import ФАЙЛ");
}
