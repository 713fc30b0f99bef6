/* term.c - the terminal: curses on and off, signals, reading keys. */
#include "ui_int.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

/*
 * The only globals: what signal handlers must reach.  A quitting signal
 * only sets quit_signal; the main loop leaves through the normal path.
 */
static volatile sig_atomic_t quit_signal;
static volatile sig_atomic_t held;	/* curses owns the terminal */

static SCREEN *screen;
static struct termios saved_tio;
static bool saved_tio_ok;
static char restore_seq[512];
static size_t restore_len;
static bool colour;

static const int quit_signals[] = { SIGTERM, SIGHUP, SIGINT };
static const int crash_signals[] = { SIGSEGV, SIGABRT, SIGBUS, SIGFPE,
	SIGILL };
#define NQUIT (sizeof quit_signals / sizeof quit_signals[0])
#define NCRASH (sizeof crash_signals / sizeof crash_signals[0])
static struct sigaction old_quit[NQUIT], old_crash[NCRASH];

/* Give the terminal back with async-signal-safe calls only: the strings
 * that leave the alternate screen and show the cursor, and the saved tty
 * modes.  Used after a crash and on out-of-memory, where endwin() could
 * deadlock inside a broken malloc. */
static void
term_restore_raw(void)
{
	ssize_t r;

	if (!held)
		return;
	held = 0;
	if (restore_len > 0)
		r = write(STDOUT_FILENO, restore_seq, restore_len);
	(void)r;
	if (saved_tio_ok)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved_tio);
}

/* SIGTERM, SIGHUP, SIGINT: only note it; the main loop leaves. */
static void
term_on_quit(int sig)
{
	quit_signal = sig;
}

/* A crash: give the terminal back, say so, and die of the same signal
 * under the previous handler (so a sanitizer still reports). */
static void
term_on_crash(int sig)
{
	static const char msg[] = "\nperechen: аварийное завершение "
	    "(терминал восстановлен)\n";
	ssize_t r;

	term_restore_raw();
	r = write(STDERR_FILENO, msg, sizeof msg - 1);
	(void)r;
	for (size_t i = 0; i < NCRASH; i++)
		if (crash_signals[i] == sig)
			sigaction(sig, &old_crash[i], NULL);
	raise(sig);
}

/* Append a terminfo string capability to the restore sequence. */
static void
term_add_cap(const char *name)
{
	char *s = tigetstr(name);
	size_t n;

	if (s == NULL || s == (char *)-1)
		return;
	n = strlen(s);
	if (restore_len + n < sizeof restore_seq) {
		memcpy(restore_seq + restore_len, s, n);
		restore_len += n;
	}
}

/* Quitting and crash handlers, keeping the previous ones. */
static void
term_install_handlers(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a signal must wake the wait for a key. */
	sa.sa_handler = term_on_quit;
	for (size_t i = 0; i < NQUIT; i++)
		sigaction(quit_signals[i], &sa, &old_quit[i]);
	sa.sa_handler = term_on_crash;
	sa.sa_flags = SA_NODEFER;
	for (size_t i = 0; i < NCRASH; i++)
		sigaction(crash_signals[i], &sa, &old_crash[i]);
}

/* Put back the handlers found at start. */
static void
term_remove_handlers(void)
{
	for (size_t i = 0; i < NQUIT; i++)
		sigaction(quit_signals[i], &old_quit[i], NULL);
	for (size_t i = 0; i < NCRASH; i++)
		sigaction(crash_signals[i], &old_crash[i], NULL);
}

/*
 * Sequences terminals send for keys whose terminfo entry says otherwise
 * (a TERM set for another emulator, tmux and screen, the Linux console):
 * taught to curses unless the entry already uses them.
 */
static const struct {
	const char *seq;
	int	 key;
} extra_keys[] = {
	{ "\033[1~", KEY_HOME }, { "\033[7~", KEY_HOME },
	{ "\033[H", KEY_HOME }, { "\033OH", KEY_HOME },
	{ "\033[4~", KEY_END }, { "\033[8~", KEY_END },
	{ "\033[F", KEY_END }, { "\033OF", KEY_END },
	{ "\033[5~", KEY_PPAGE }, { "\033[6~", KEY_NPAGE },
	{ "\033[A", KEY_UP }, { "\033[B", KEY_DOWN },
	{ "\033[C", KEY_RIGHT }, { "\033[D", KEY_LEFT },
	{ "\033OA", KEY_UP }, { "\033OB", KEY_DOWN },
	{ "\033OC", KEY_RIGHT }, { "\033OD", KEY_LEFT },
	{ "\033OP", KEY_F(1) }, { "\033[11~", KEY_F(1) },
	{ "\033[[A", KEY_F(1) },
	{ "\033OR", KEY_F(3) }, { "\033[13~", KEY_F(3) },
	{ "\033[[C", KEY_F(3) },
	{ "\033[18~", KEY_F(7) }, { "\033[20~", KEY_F(9) },
	{ "\033[21~", KEY_F(10) },
	{ "\033[Z", KEY_BTAB },
};

/* Teach curses the sequences above that the terminfo entry lacks. */
static void
term_define_keys(void)
{
	for (size_t i = 0; i < sizeof extra_keys / sizeof extra_keys[0]; i++)
		if (key_defined(extra_keys[i].seq) == 0)
			define_key(extra_keys[i].seq, extra_keys[i].key);
	keys_setup();
}

/* Ctrl-S and Ctrl-Q reach the editor (Ctrl-S saves a form) instead of
 * stopping and starting the terminal's output. */
static void
term_no_flow_control(void)
{
	struct termios tio;

	if (tcgetattr(STDIN_FILENO, &tio) != 0)
		return;
	tio.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
	if (tcsetattr(STDIN_FILENO, TCSANOW, &tio) == 0)
		def_prog_mode();
}

/* Colour only where the terminal has it; bars black on cyan. */
static void
term_setup_colour(void)
{
	colour = has_colors();
	if (!colour)
		return;
	start_color();
	use_default_colors();
	init_pair(1, COLOR_BLACK, COLOR_CYAN);
	init_pair(2, COLOR_WHITE, COLOR_RED);
}

int
term_init(struct error *err)
{
	const char *term = getenv("TERM");

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return error_set(err, "редактору нужен терминал: стандартный "
		    "ввод и вывод не должны быть перенаправлены");
	if (term == NULL || term[0] == '\0')
		return error_set(err, "не задан тип терминала (TERM)");
	saved_tio_ok = tcgetattr(STDIN_FILENO, &saved_tio) == 0;
	quit_signal = 0;
	screen = newterm(NULL, stdout, stdin);
	if (screen == NULL)
		return error_set(err, "терминал «%s» неизвестен; попробуйте "
		    "TERM=xterm-256color или TERM=vt100", term);
	set_term(screen);
	restore_len = 0;
	term_add_cap("rmkx");
	term_add_cap("sgr0");
	term_add_cap("cnorm");
	term_add_cap("rmcup");
	held = 1;
	term_install_handlers();
	error_set_oom_hook(term_restore_raw);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	/* A table scrolled by a row is moved by the terminal (insert and
	 * delete line, or a scrolling region) where it can, not rewritten. */
	idlok(stdscr, TRUE);
	keypad(stdscr, TRUE);
	term_define_keys();
	term_no_flow_control();
	nodelay(stdscr, TRUE);
	/* The default second makes Esc feel broken, over SSH above all. */
	if (getenv("ESCDELAY") == NULL)
		set_escdelay(25);
	curs_set(0);
	term_setup_colour();
	return 0;
}

void
term_end(void)
{
	if (screen == NULL)
		return;
	if (held) {
		endwin();
		held = 0;
	}
	term_remove_handlers();
	error_set_oom_hook(NULL);
	delscreen(screen);
	screen = NULL;
}

bool
term_active(void)
{
	return screen != NULL;
}

int
term_signal(void)
{
	return quit_signal;
}

/*
 * Curses reads without blocking; we block in poll() so that a signal or a
 * hangup ends the wait.  A terminal that keeps saying "readable" while
 * nothing can be read has reached end of file: the link is gone.
 */
enum term_input
term_read_key(wint_t *wc)
{
	struct pollfd p;
	int empty = 0, rc;

	for (;;) {
		if (quit_signal)
			return TERM_SIGNAL;
		rc = get_wch(wc);
		if (rc == KEY_CODE_YES)
			return TERM_FKEY;
		if (rc == OK)
			return TERM_KEY;
		p.fd = STDIN_FILENO;
		p.events = POLLIN;
		p.revents = 0;
		if (poll(&p, 1, -1) < 0) {
			if (errno == EINTR)
				continue;
			return TERM_HANGUP;
		}
		if (p.revents & (POLLHUP | POLLERR | POLLNVAL))
			return TERM_HANGUP;
		if (++empty > 16)
			return TERM_HANGUP;
	}
}

attr_t
term_attr_bar(void)
{
	return colour ? COLOR_PAIR(1) : A_REVERSE;
}

attr_t
term_attr_barkey(void)
{
	return A_BOLD;
}

attr_t
term_attr_title(void)
{
	return (colour ? COLOR_PAIR(1) : A_REVERSE) | A_BOLD;
}

attr_t
term_attr_alert(void)
{
	return (colour ? COLOR_PAIR(2) : A_NORMAL) | A_BOLD;
}
