#!/bin/sh
# Live resize 80x24 -> 200x60 -> 80x24: the layout follows the size each
# time (the detail pane moves beside the table when there is room), the
# cursor keeps its row, and coming back gives the very same screen.  Below
# the minimum a "terminal too small" screen shows instead.
. "$TESTS_DIR/tui/lib.sh"

import_example
start_shell 80 24
open_editor
keys j j j
wait_for "Процесс 1 из 5, точка 3"
before=$(screen)
expect_line 24 "10Выход"

tm resize-window -t t -x 200 -y 60
wait_line 60 "10Выход"
wait_line 59 "Процесс 1 из 5, точка 3"
expect_screen "└ 5.1"
expect_line 3 "1 ▾ Информирование (5 точек)"
expect_screen "5 ▾ Досудебное обжалование результатов проверки (1 точка)"
# Side by side: the table's header and the detail pane's title share line 2.
expect_line 2 "Канал/особенности"
expect_line 2 "Точка взаимодействия "
case $(line 2) in
*"Канал/особенности"*"Точка взаимодействия") ;;
*) fail "the detail pane is not beside the table" ;;
esac
expect_line 3 "│ Процесс:       1. Информирование"
expect_line 4 "│ Точка:         1.3 Телефонная связь"
# The header spans the new width: its right end is at column 200.
header=$(line 1)
case $header in
*"рабочая версия") ;;
*) fail "the header does not end with the state" ;;
esac
[ "$(printf '%s' "$header" | wc -m)" = 199 ] ||
	fail "the header is not 200 columns wide"
[ "$(screen | wc -l)" = 60 ] || fail "the screen is not 60 lines"

tm resize-window -t t -x 80 -y 24
wait_screen "$before"

tm resize-window -t t -x 50 -y 12
wait_for "Окно терминала слишком мало"
expect_screen "нужно не меньше 60×16, сейчас 50×12"
tm resize-window -t t -x 80 -y 24
wait_screen "$before"

# Still alive and answering after all that.
keys j
wait_for "Процесс 1 из 5, точка 4"
quit_editor q
tui_done
