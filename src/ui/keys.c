/* keys.c - keys with no curses code on every terminal: modified arrows,
 * F-keys some terminfo entries lack, bracketed paste; Alt as Esc first. */
#include "form.h"

#include <poll.h>
#include <stdio.h>
#include <unistd.h>
#include <wchar.h>

/* Codes of our own, above anything curses assigns itself. */
#define KEYS_BASE 0x4000

/*
 * What the terminals send.  A sequence the terminfo entry already names
 * keeps the entry's code (an xterm's kUP3 and the like): the table of
 * codes below then maps that code to its meaning.
 */
static const struct {
	const char *seq;
	enum xkey x;
} keys_seqs[] = {
	{ "\033[1;3A", XKEY_ALT_UP }, { "\033[1;3B", XKEY_ALT_DOWN },
	{ "\033[1;5A", XKEY_CTRL_UP }, { "\033[1;5B", XKEY_CTRL_DOWN },
	{ "\033[1;5C", XKEY_CTRL_RIGHT }, { "\033[1;5D", XKEY_CTRL_LEFT },
	{ "\033Oa", XKEY_CTRL_UP }, { "\033Ob", XKEY_CTRL_DOWN },
	{ "\033Oc", XKEY_CTRL_RIGHT }, { "\033Od", XKEY_CTRL_LEFT },
	{ "\033[200~", XKEY_PASTE_BEGIN }, { "\033[201~", XKEY_PASTE_END },
};
#define NSEQS (sizeof keys_seqs / sizeof keys_seqs[0])

/* F-keys of xterm, VT220 and the Linux console the forms use. */
static const struct {
	const char *seq;
	int	 key;
} keys_fkeys[] = {
	{ "\033OQ", KEY_F(2) }, { "\033[12~", KEY_F(2) },
	{ "\033[[B", KEY_F(2) },
	{ "\033OS", KEY_F(4) }, { "\033[14~", KEY_F(4) },
	{ "\033[[D", KEY_F(4) },
	{ "\033[15~", KEY_F(5) }, { "\033[[E", KEY_F(5) },
	{ "\033[17~", KEY_F(6) }, { "\033[19~", KEY_F(8) },
	{ "\033[2~", KEY_IC }, { "\033[3~", KEY_DC },
};
#define NFKEYS (sizeof keys_fkeys / sizeof keys_fkeys[0])

/* The code each sequence of keys_seqs came to have. */
static int keys_codes[NSEQS];
static bool keys_paste_on;

void
keys_setup(void)
{
	for (size_t i = 0; i < NFKEYS; i++)
		if (key_defined(keys_fkeys[i].seq) == 0)
			define_key(keys_fkeys[i].seq, keys_fkeys[i].key);
	for (size_t i = 0; i < NSEQS; i++) {
		int code = key_defined(keys_seqs[i].seq);

		if (code <= 0) {
			code = KEYS_BASE + (int)keys_seqs[i].x;
			if (define_key(keys_seqs[i].seq, code) != OK)
				code = -1;
		}
		keys_codes[i] = code;
	}
}

enum xkey
keys_extra(wint_t code)
{
	for (size_t i = 0; i < NSEQS; i++)
		if (keys_codes[i] > 0 && (wint_t)keys_codes[i] == code)
			return keys_seqs[i].x;
	return XKEY_NONE;
}

/* A key curses has read from the terminal but not yet handed out (the
 * rest of a burst that came in one read): taken and put back. */
static bool
keys_buffered(void)
{
	wint_t wc;

	switch (get_wch(&wc)) {
	case OK:
		unget_wch((wchar_t)wc);
		return true;
	case KEY_CODE_YES:
		ungetch((int)wc);
		return true;
	}
	return false;
}

bool
keys_pending(void)
{
	struct pollfd p = { STDIN_FILENO, POLLIN, 0 };

	if (poll(&p, 1, 0) > 0 && (p.revents & POLLIN))
		return true;
	return keys_buffered();
}

enum term_input
keys_read(struct key *key)
{
	enum term_input in;
	wint_t wc;
	int rc;

	key->alt = false;
	key->x = XKEY_NONE;
	in = term_read_key(&key->k);
	key->fkey = in == TERM_FKEY;
	if (in == TERM_KEY && key->k == KEY_ESC) {
		/* What came with the Esc, at once, was sent as Alt-key. */
		rc = get_wch(&wc);
		if (rc == OK && wc == KEY_ESC)
			unget_wch(wc);	/* Esc Esc: two of them */
		else if (rc == OK || rc == KEY_CODE_YES) {
			key->alt = true;
			key->k = wc;
			key->fkey = rc == KEY_CODE_YES;
		}
	}
	if (key->fkey)
		key->x = keys_extra(key->k);
	return in;
}

void
keys_paste_mode(bool on)
{
	if (on == keys_paste_on)
		return;
	keys_paste_on = on;
	/* Terminals that do not know the mode ignore the request. */
	putp(on ? "\033[?2004h" : "\033[?2004l");
	fflush(stdout);
}

/*
 * The Russian ЙЦУКЕН layout against the Latin QWERTY one, key by key:
 * a clerk who types Russian gives commands without switching back, as
 * vim's langmap users arrange by hand.  The punctuation of the Russian
 * layout's own keys maps too ("." stands where "/" does, Shift gives
 * ","); ASCII characters that both layouts share otherwise stay as they
 * are, so that "?" keeps its Latin meaning.
 */
static const wchar_t keys_ru[] =
    L"йцукенгшщзхъфывапролджэячсмитьбюё"
    L"ЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮЁ№.,";
static const char keys_en[] =
    "qwertyuiop[]asdfghjkl;'zxcvbnm,.`"
    "QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>~#/?";
_Static_assert(sizeof keys_ru / sizeof keys_ru[0] == sizeof keys_en,
    "every Russian key has its Latin one");

wint_t
keys_latin(wint_t wc)
{
	const wchar_t *at;

	if (wc == 0 || (at = wcschr(keys_ru, (wchar_t)wc)) == NULL)
		return wc;
	return (unsigned char)keys_en[at - keys_ru];
}
