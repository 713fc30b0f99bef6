/* import_int.h - what the importer's files share.  Not for use outside
 * src/io/import*.c. */
#ifndef PERECHEN_IMPORT_INT_H
#define PERECHEN_IMPORT_INT_H

#include <strings.h>

#include "import.h"

/* Cell text with spaces squeezed.  A cell holding Word's paragraph tags
 * (<p>, </p>, <br>) is markup: those tags become newlines and its HTML
 * entities are decoded, and *had_html is 1.  Any other cell keeps every
 * tag and entity as written.  Caller frees. */
char	*import_clean_cell(const char *s, int *had_html);
/* Add a contact to tp unless it is there already. */
void	import_add_contact(struct touchpoint *tp, enum contact_type type,
	    const char *value);

#endif
