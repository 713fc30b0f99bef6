# Shared helpers for the tmux end-to-end tests of the editor (sourced).
#
# Each test runs its own tmux server on a private socket, with a shell in a
# pane of a fixed size, a fixed locale and a chosen TERM, types into it with
# send-keys and reads the screen with capture-pane.  Nothing sleeps for a
# fixed time: wait_for polls the screen until the text shows or a timeout.
# $PERECHEN is the binary under test (the ASan build in "make check"); its
# sanitizer reports go to files in $WORK, checked when the test ends.
set -u
: "${PERECHEN:?set by tests/run.sh}"
: "${PERECHEN_SHARE:?set by tests/run.sh}"
: "${TESTS_DIR:?set by tests/run.sh}"
command -v tmux >/dev/null 2>&1 || { echo "FAIL: tmux is required" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/perechen-tui.XXXXXX")
# The servers' sockets live in $WORK and go with it.
export TMUX_TMPDIR="$WORK"
unset TMUX
SOCK="perechen-test-$$"
SOCKS=
nshell=0
DB="$WORK/t.db"
EXAMPLE="$PERECHEN_SHARE/examples/smolensk-promtorg.tsv"
BENCH_DIR="$TESTS_DIR/../bench"
# Seconds to wait for the screen; the ASan build is slow to start.
WAIT=${TUI_WAIT:-20}

tm() {
	tmux -L "$SOCK" -f /dev/null "$@"
}

tui_cleanup() {
	for s in $SOCKS; do
		tmux -L "$s" -f /dev/null kill-server >/dev/null 2>&1
	done
	rm -rf "$WORK"
}
trap tui_cleanup EXIT

screen() {
	tm capture-pane -p -t t
}

fail() {
	echo "FAIL: $*" >&2
	echo "--- screen:" >&2
	screen >&2 2>/dev/null
	exit 1
}

# start_shell COLS LINES [TERM]: a shell in a new pane of that size, on a
# server of its own (a server just killed may still be going away).
start_shell() {
	nshell=$((nshell + 1))
	SOCK="perechen-test-$$-$nshell"
	SOCKS="$SOCKS $SOCK"
	tries=$((WAIT * 20))
	until tm new-session -d -x "$1" -y "$2" -s t "env -i PATH='$PATH' \
HOME='$WORK' LC_ALL=C.UTF-8 TERM='${3:-xterm-256color}' \
PERECHEN_SHARE='$PERECHEN_SHARE' \
ASAN_OPTIONS='detect_leaks=1:abort_on_error=1:log_path=$WORK/asan' \
LSAN_OPTIONS='suppressions=$TESTS_DIR/lsan.supp:print_suppressions=0' \
UBSAN_OPTIONS='print_stacktrace=1:halt_on_error=1:log_path=$WORK/ubsan' \
PS1='$ ' sh" 2>"$WORK/tmux.err"; do
		tries=$((tries - 1))
		[ "$tries" -gt 0 ] || { cat "$WORK/tmux.err" >&2; fail "tmux did not start"; }
		sleep 0.05
	done
	wait_for '$'
}

# type_line TEXT: type TEXT literally into the pane, then Enter.
type_line() {
	tm send-keys -t t -l "$1"
	tm send-keys -t t Enter
}

# keys KEY...: tmux key names (j, Enter, F1, Escape, NPage, …).
keys() {
	tm send-keys -t t "$@"
}

# wait_for TEXT [SECONDS]: poll the screen until it shows TEXT.
wait_for() {
	tries=$(( ${2:-$WAIT} * 20 ))
	while [ "$tries" -gt 0 ]; do
		case $(screen) in
		*"$1"*) return 0 ;;
		esac
		sleep 0.05
		tries=$((tries - 1))
	done
	fail "the screen did not show '$1'"
}

# wait_gone TEXT [SECONDS]: poll the screen until TEXT is no longer shown.
wait_gone() {
	tries=$(( ${2:-$WAIT} * 20 ))
	while [ "$tries" -gt 0 ]; do
		case $(screen) in
		*"$1"*) ;;
		*) return 0 ;;
		esac
		sleep 0.05
		tries=$((tries - 1))
	done
	fail "the screen still shows '$1'"
}

# wait_line N TEXT [SECONDS]: poll until line N shows TEXT.
wait_line() {
	tries=$(( ${3:-$WAIT} * 20 ))
	while [ "$tries" -gt 0 ]; do
		case $(line "$1") in
		*"$2"*) return 0 ;;
		esac
		sleep 0.05
		tries=$((tries - 1))
	done
	fail "line $1 did not show '$2'"
}

# wait_screen TEXT [SECONDS]: poll until the whole screen is TEXT.
wait_screen() {
	tries=$(( ${2:-$WAIT} * 20 ))
	while [ "$tries" -gt 0 ]; do
		[ "$(screen)" = "$1" ] && return 0
		sleep 0.05
		tries=$((tries - 1))
	done
	echo "--- expected:" >&2
	echo "$1" >&2
	fail "the screen is not as expected"
}

# line N: line N (from 1) of the screen.
line() {
	screen | sed -n "${1}p"
}

# expect_line N TEXT: line N shows TEXT.
expect_line() {
	case $(line "$1") in
	*"$2"*) ;;
	*) fail "line $1 does not show '$2'" ;;
	esac
}

expect_screen() {
	case $(screen) in
	*"$1"*) ;;
	*) fail "the screen does not show '$1'" ;;
	esac
}

expect_not_screen() {
	case $(screen) in
	*"$1"*) fail "the screen shows '$1'" ;;
	esac
}

# import_example: the shipped example list into $DB.
import_example() {
	"$PERECHEN" -d "$DB" import "$EXAMPLE" >"$WORK/import.out" 2>&1 ||
		{ cat "$WORK/import.out" >&2; fail "import of the example failed"; }
}

# open_editor [ARGS]: start the editor on $DB in the pane; the shell prints
# EXITED-<status> when it ends.  Waits for the first frame.
open_editor() {
	type_line "clear; $PERECHEN -d $DB $*; echo EXITED-\$?"
	wait_for "рабочая версия"
}

# quit_editor [KEY]: quit and check the shell got its terminal back: exit
# status 0, the main screen (not the alternate one), and a sane tty.
quit_editor() {
	keys "${1:-q}"
	wait_for "EXITED-0"
	expect_shell_usable
}

expect_shell_usable() {
	[ "$(tm display -p -t t '#{alternate_on}')" = 0 ] ||
		fail "the terminal was left in the alternate screen"
	type_line "stty -a | grep -qE '(^| )icanon( |;|\$)' && stty -a | grep -qE '(^| )echo( |;|\$)' && echo TTY-''SANE"
	wait_for "TTY-SANE"
}

# check_sanitizers: fail if ASan or UBSan wrote a report.
check_sanitizers() {
	for f in "$WORK"/asan.* "$WORK"/ubsan.*; do
		[ -e "$f" ] || continue
		cat "$f" >&2
		fail "sanitizer report in $f"
	done
}

# A test's last word.
tui_done() {
	check_sanitizers
	echo "ok"
}
