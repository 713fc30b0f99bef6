/*
 * fuzz_textedit.c - the form's field editor under arbitrary keystrokes and
 * pastes.  Whatever is typed, the text stays valid UTF-8 with no control
 * characters, within TEXTEDIT_MAX; the cursor stays on a character
 * boundary inside it; the rows of a wrapped field start at increasing
 * offsets inside the text, and the cursor is found on one of them.
 *
 * Input: a byte says what to do (its low four bits); an insertion takes
 * the next byte as a length and that many bytes as the text (raw: invalid
 * UTF-8, escapes and newlines included); the width of the rows is the
 * byte after a "rows" command.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "textedit.h"
#include "utf8.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The text is clean, the cursor sound. */
static void
check_text(const struct textedit *te)
{
	const char *s = textedit_text(te);
	size_t len = te->text.len;

	if (strlen(s) != len || len > TEXTEDIT_MAX || te->cur > len ||
	    !utf8_valid(s, len))
		abort();
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7F)
			abort();
	/* A boundary: stepping back then forward comes back to it. */
	if (te->cur > 0 && textedit_next(s, len, textedit_prev(s, te->cur)) !=
	    te->cur)
		abort();
}

/* Rows start inside the text, in order; the cursor is on one. */
static void
check_rows(const struct textedit *te, int width)
{
	size_t *starts, n, row;
	int col;

	n = textedit_rows(textedit_text(te), width, &starts);
	if (n == 0 || starts[0] != 0)
		abort();
	for (size_t i = 1; i < n; i++)
		if (starts[i] <= starts[i - 1] || starts[i] > te->text.len)
			abort();
	textedit_cursor_at(te, starts, n, &row, &col);
	if (row >= n || col < 0)
		abort();
	free(starts);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct textedit te;
	size_t i = 0;

	textedit_init(&te, "");
	while (i < size) {
		uint8_t op = data[i++];
		size_t n;

		switch (op & 0x0F) {
		case 0:
			n = i < size ? data[i++] : 0;
			if (n > size - i)
				n = size - i;
			textedit_insert(&te, (const char *)data + i, n);
			i += n;
			break;
		case 1: textedit_backspace(&te); break;
		case 2: textedit_delete(&te); break;
		case 3: textedit_delete_word(&te); break;
		case 4: textedit_kill_start(&te); break;
		case 5: textedit_kill_end(&te); break;
		case 6: textedit_left(&te); break;
		case 7: textedit_right(&te); break;
		case 8: textedit_home(&te); break;
		case 9: textedit_end(&te); break;
		case 10: textedit_word_left(&te); break;
		case 11: textedit_word_right(&te); break;
		case 12: te.overwrite = !te.overwrite; break;
		case 13:
			n = i < size ? 1 + data[i++] % 100 : 1;
			/* Rows cost a pass over the text: keep inputs fast. */
			if (te.text.len <= 4096)
				check_rows(&te, (int)n);
			break;
		default:
			textedit_insert(&te, (const char *)&op, 1);
			break;
		}
		check_text(&te);
	}
	textedit_fini(&te);
	return 0;
}
