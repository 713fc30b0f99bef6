#!/bin/sh
# The terminal comes back whatever ends the editor: SIGTERM, SIGHUP and
# Ctrl-C leave through the normal path (status 128 + signal); a crash
# restores the terminal, says so and dies of the same signal under the
# previous handler; a dropped terminal (the pane killed) ends it cleanly.
. "$TESTS_DIR/tui/lib.sh"

import_example
start_shell 80 24

# run_editor: start the editor recording its pid.
run_editor() {
	rm -f "$WORK/pid"
	type_line "clear; ${1:-}sh -c 'echo \$\$ > $WORK/pid; exec $PERECHEN -d $DB'; echo EXITED-\$?"
	wait_for "рабочая версия"
	[ -s "$WORK/pid" ] || fail "no pid"
}

run_editor
kill -TERM "$(cat "$WORK/pid")"
wait_for "EXITED-143"
expect_shell_usable

run_editor
kill -HUP "$(cat "$WORK/pid")"
wait_for "EXITED-129"
expect_shell_usable

run_editor
keys C-c
wait_for "EXITED-130"
expect_shell_usable

# Crashes.  SIGABRT: our handler, then the default one (status 134).
run_editor
kill -ABRT "$(cat "$WORK/pid")"
wait_for "EXITED-134"
expect_screen "perechen: аварийное завершение (терминал восстановлен)"
expect_shell_usable

# SIGSEGV: under ASan the previous handler is the sanitizer's, which must
# still report (to its own log here); without ASan the status is 139.
run_editor "ASAN_OPTIONS=log_path=$WORK/crash "
kill -SEGV "$(cat "$WORK/pid")"
wait_for "EXITED-1"
expect_screen "perechen: аварийное завершение (терминал восстановлен)"
case $(screen) in
*EXITED-139*) ;;
*EXITED-1*)
	cat "$WORK"/crash.* 2>/dev/null | grep -q SEGV ||
		fail "the sanitizer did not report the crash" ;;
esac
expect_shell_usable

# The terminal goes away under the editor (an SSH link dropping).
tm new-window -d -t t -n hup "env LC_ALL=C.UTF-8 TERM=xterm-256color \
ASAN_OPTIONS='detect_leaks=1:log_path=$WORK/asan' \
sh -c \"trap '' HUP; '$PERECHEN' -d '$DB'; echo \\\$? > '$WORK/hup.status'\""
tries=$((WAIT * 20))
until tm capture-pane -p -t t:hup 2>/dev/null | grep -q "рабочая версия"; do
	tries=$((tries - 1))
	[ "$tries" -gt 0 ] || fail "the editor did not start in the second window"
	sleep 0.05
done
tm kill-window -t t:hup
tries=$((WAIT * 20))
until [ -s "$WORK/hup.status" ]; do
	tries=$((tries - 1))
	[ "$tries" -gt 0 ] || fail "the editor did not end when its terminal went away"
	sleep 0.05
done
[ "$(cat "$WORK/hup.status")" = 129 ] ||
	fail "status $(cat "$WORK/hup.status") after hangup, expected 129"

tui_done
