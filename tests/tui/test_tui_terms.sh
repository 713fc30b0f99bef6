#!/bin/sh
# The editor works the same under TERM xterm-256color, screen, tmux-256color,
# linux and vt100 (no colour there: bold and reverse carry the meaning),
# with F-keys where the terminal has them and Esc-digit where it may not.
. "$TESTS_DIR/tui/lib.sh"

import_example
for term in xterm-256color screen tmux-256color linux vt100; do
	if ! infocmp "$term" >/dev/null 2>&1; then
		echo "skip $term: no terminfo entry"
		continue
	fi
	start_shell 80 24 "$term"
	open_editor
	wait_for "1 ▾ Информирование (5 точек)"
	expect_line 24 "10Выход"
	keys j Down
	wait_for "Процесс 1 из 5, точка 2"
	keys NPage
	wait_for "Процесс 3 из 5, точка 3"
	keys Home
	wait_for "Процесс 1 из 5 "
	keys Space
	wait_for "1 ▸ Информирование"
	keys Space
	wait_for "1 ▾ Информирование"
	# Help by F1 and by H; Esc 1 for terminals that eat F-keys.
	keys F1
	wait_for "Справка: клавиши редактора перечня"
	keys Escape
	wait_gone "Справка:"
	keys H
	wait_for "Справка: клавиши редактора перечня"
	# The help scrolls: its end lists quitting.
	keys End
	wait_for "F10 q"
	keys q
	wait_gone "Справка:"
	keys Escape 1
	wait_for "Справка: клавиши редактора перечня"
	keys Escape
	wait_gone "Справка:"
	# Esc 0 is F10: quit.
	keys Escape 0
	wait_for "EXITED-0"
	expect_shell_usable
	tm kill-server
done
tui_done
