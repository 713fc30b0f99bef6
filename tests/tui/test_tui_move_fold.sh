#!/bin/sh
# Move, fold and unfold at 80x24; Tab into the detail pane; Enter opens a
# record read-only.  A move redraws only what changed: no clear-screen is
# sent, and far fewer bytes than a whole frame.
. "$TESTS_DIR/tui/lib.sh"

import_example
start_shell 80 24
# Everything the program writes to the terminal, for the redraw check.
tm pipe-pane -t t -o "cat >> '$WORK/tty.raw'"
open_editor
wait_for "Процесс 1 из 5"
status() { expect_line 23 "$1"; }
frame_bytes=$(wc -c < "$WORK/tty.raw")

# Down and up, by letters and by arrows.
keys j
wait_for "Процесс 1 из 5, точка 1"
expect_screen "Точка:         1.1 Официальный сайт"
moved_bytes=$(( $(wc -c < "$WORK/tty.raw") - frame_bytes ))
keys Down
wait_for "Процесс 1 из 5, точка 2"
expect_screen "Точка:         1.2 Электронная почта"
keys k
wait_for "Процесс 1 из 5, точка 1"
keys Up
wait_for "Процесс 1 из 5 "
tm pipe-pane -t t
# The first frame may clear the screen; the moves after it must not.
tail_bytes=$(tail -c "+$((frame_bytes + 1))" "$WORK/tty.raw" | od -An -c | tr -d ' \n')
case $tail_bytes in
*'033[2J'*|*'033[H033[J'*) fail "a move cleared the whole screen" ;;
esac
echo "first frame $frame_bytes bytes, one move $moved_bytes bytes"
[ "$frame_bytes" -gt 0 ] || fail "nothing was captured from the terminal"
[ "$moved_bytes" -gt 0 ] || fail "moving the cursor drew nothing"
[ $((moved_bytes * 2)) -lt "$frame_bytes" ] ||
	fail "one move wrote $moved_bytes bytes, a whole frame is $frame_bytes"

# A page down, to the end, to the start.
keys NPage
wait_for "Процесс 3 из 5, точка 1"
expect_line 3 "├ 3.1"
keys G
wait_for "Процесс 5 из 5, точка 1"
expect_line 14 "└ 5.1"
keys PPage
wait_gone "Процесс 5 из 5, точка 1"
keys g
wait_for "Процесс 1 из 5 "
keys End
wait_for "Процесс 5 из 5, точка 1"
keys Home
wait_for "Процесс 1 из 5 "

# Fold and unfold one process: Space, Enter, h and l, arrows.
keys Space
wait_for "1 ▸ Информирование"
expect_line 4 "2 ▾ Консультирование"
keys Space
wait_for "1 ▾ Информирование"
expect_line 4 "├ 1.1"
keys Enter
wait_for "1 ▸ Информирование"
keys l
wait_for "1 ▾ Информирование"
keys l
wait_for "Процесс 1 из 5, точка 1"
keys j j
wait_for "Процесс 1 из 5, точка 3"
keys h
wait_for "Процесс 1 из 5 "
keys h
wait_for "1 ▸ Информирование"
keys Right
wait_for "1 ▾ Информирование"
keys Left
wait_for "1 ▸ Информирование"
keys Right
wait_for "├ 1.1"
# Folding from a touchpoint row takes the cursor up to its process.
keys j j Space
wait_for "1 ▸ Информирование"
status "Процесс 1 из 5 "
keys +
wait_for "├ 1.1"
keys z
wait_for "5 ▸ Досудебное"
keys Z
wait_for "├ 1.1"

# Tab: the detail pane scrolls while it has the focus.
keys j
wait_for "Процесс 1 из 5, точка 1"
keys Tab
wait_for "прокрутка ↑↓, Tab — к таблице"
wait_for "строки 1–7 из"
keys j
wait_for "строки 2–8 из"
keys NPage
wait_gone "строки 2–8 из"
keys Tab
wait_gone "прокрутка ↑↓"
keys j
wait_for "Процесс 1 из 5, точка 2"

# Enter opens the record read-only, Esc goes back.
keys Enter
wait_for "Запись точки взаимодействия (только просмотр)"
expect_screen "Точка:         1.2 Электронная почта"
expect_screen "эл. почта: otdelgoscen@yandex.ru"
keys End
wait_for "Исключена:"
keys Escape
wait_gone "Запись точки взаимодействия"
expect_screen "├ 1.2"
status "Процесс 1 из 5, точка 2"
keys F3
wait_for "Запись точки взаимодействия (только просмотр)"
keys q
wait_gone "Запись точки взаимодействия"
status "Процесс 1 из 5, точка 2"

quit_editor q
tui_done
