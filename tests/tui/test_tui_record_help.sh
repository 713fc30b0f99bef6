#!/bin/sh
# The read-only record opens its form with e and F4 (its key bar offers
# «4Правка»); help opened from a form scrolls on PgDn, ↓ and Space and
# closes on Esc, leaving the form as it was.
. "$TESTS_DIR/tui/lib.sh"

import_example
start_shell 80 24
open_editor
wait_for "Процесс 1 из 5"
keys j
wait_for "Процесс 1 из 5, точка 1"

# F4 in the record: the form of that touchpoint.
keys Enter
wait_for "(только просмотр)"
expect_line 24 "4Правка"
keys F4
wait_for "Точка 1.1 — правка"
keys Escape
wait_for "Форма закрыта без сохранения"

# e in the record, and in the Russian layout у.
keys Enter
wait_for "(только просмотр)"
keys e
wait_for "Точка 1.1 — правка"
keys Escape
wait_for "Форма закрыта без сохранения"
keys Enter
wait_for "(только просмотр)"
tm send-keys -t t -l у
wait_for "Точка 1.1 — правка"

# F1 in the form: its section of the help; PgDn scrolls, not closes.
keys F1
wait_for "Формы точки, процесса и заголовка"
first=$(line 2)
keys NPage
wait_for "Справка: клавиши редактора"
wait_gone "$first"
expect_screen "Справка: клавиши редактора"
after_pgdn=$(screen | sed -n 1,2p)
keys Down
wait_gone "$(echo "$after_pgdn" | sed -n 2p)"
expect_screen "Справка: клавиши редактора"
keys PPage
wait_for "Справка: клавиши редактора"
keys Escape
wait_gone "Справка: клавиши редактора"
wait_for "Точка 1.1 — правка"
keys Escape
wait_gone "— правка"
quit_editor
tui_done
