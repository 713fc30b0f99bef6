#!/bin/sh
# The one-letter commands with the Russian layout on: each Cyrillic key
# does what the Latin key at its place does (о — j, л — k, . — /, у — e,
# Р — H, й — q, К — R, Д — L), in the table, help, the reminder, the log,
# the findings and the print dialog; in a form and at the search prompt
# the same keys stay text.
. "$TESTS_DIR/tui/lib.sh"

import_example
start_shell 80 24
open_editor
wait_for "Процесс 1 из 5"
ru() { tm send-keys -t t -l "$1"; }

ru о
wait_for "Процесс 1 из 5, точка 1"
ru оо
wait_for "Процесс 1 из 5, точка 3"
ru л
wait_for "Процесс 1 из 5, точка 2"

# . is / : the prompt takes Cyrillic as text.
ru .
wait_for "Поиск:"
ru "почта россии"
wait_for "Поиск: почта россии"
keys Enter
wait_for "Процесс 2 из 5, точка 2"
# т is n: the next match.
ru т
wait_for "Процесс 4 из 5, точка 4"

# у is e: the form; the letters typed there are text.
ru у
wait_for "Точка 4.4 — правка"
ru "йцук"
wait_for "йцук"
expect_not_screen "qwer"
keys Escape
wait_for "Выйти без сохранения?"
ru д
wait_gone "— правка"

# Р is H (help), й is q (back); К is R (the reminder), Д is L (the log).
ru Р
wait_for "Перемещение по перечню"
ru й
wait_for "Процесс 4 из 5, точка 4"
ru К
wait_for "Напоминание"
ru К
wait_gone "Напоминание"
ru Д
wait_for "Журнал изменений"
ru й
wait_for "Процесс 4 из 5, точка 4"

# The findings screen (!): о and л step, й leaves.
keys !
wait_for "Замечания по правилам Порядка"
ru й
wait_gone "Замечания по правилам Порядка"

# Capital letters: Я is Z (unfold all), я is z (fold all).
# (The status line showed «Процесс 4 из 5» before the key: wait for the
# fold itself.)
ru я
wait_gone "4.4 Почта России"
wait_for "Процесс 4 из 5"
ru Я
wait_for "Почта России"

# й is q: the editor ends.
ru й
wait_for "EXITED-0"
tui_done
