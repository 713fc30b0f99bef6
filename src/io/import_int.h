/* import_int.h - what the importer's files share.  Not for use outside
 * src/io/import*.c. */
#ifndef PERECHEN_IMPORT_INT_H
#define PERECHEN_IMPORT_INT_H

#include <strings.h>

#include "import.h"

/* Cell text with HTML tags and entities removed (paragraph tags become
 * newlines), spaces squeezed; *had_html tells if there were any.  Caller
 * frees. */
char	*import_clean_cell(const char *s, int *had_html);
/* Add a contact to tp unless it is there already. */
void	import_add_contact(struct touchpoint *tp, enum contact_type type,
	    const char *value);

#endif
