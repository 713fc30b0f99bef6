#!/bin/sh
# The findings screen (! or F5): every finding of the list grouped by
# process and touchpoint, as "perechen check" counts them; Enter goes to
# the record and opens its form at the field; a warning is accepted with
# a justification there (and the acceptance taken back); hints hide.
. "$TESTS_DIR/tui/lib.sh"

# An error for the screen to start on: the example with a malformed
# contact of 4.3 (import takes the list as it is; the rules judge it).
sed '33s/deppromtorg@smolinvest.com/deppromtorg@/' "$EXAMPLE" >"$WORK/bad.tsv"
"$PERECHEN" -d "$DB" import "$WORK/bad.tsv" >"$WORK/import.out" 2>&1 ||
	{ cat "$WORK/import.out" >&2; fail "import"; }
start_shell 100 30
open_editor
wait_for "Процесс 1 из 5"
text() { tm send-keys -t t -l "$1"; }

"$PERECHEN" -d "$DB" check >"$WORK/check" 2>&1
[ $? = 2 ] || fail "check should see the error"
keys F5
wait_for "Замечания по правилам Порядка: ошибок 1, предупреждений 1 (принято 0), подсказок 27"
expect_screen "4. Плановая (внеплановая) документарная проверка"
expect_screen "  4.3 Электронная почта"
expect_screen "✗ ошибка — контакт «deppromtorg@» точки «Электронная почта»: нет"

# Enter: the form of 4.3, on the contact, the finding beside it.
keys Enter
wait_for "Точка 4.3 — правка"
wait_for "▸                            2) deppromtorg@"
expect_screen "✗ контакт «deppromtorg@» точки «Электронная почта»: нет домена"
text "smolinvest.com"
wait_gone "нет домена"
keys F2
wait_gone "Точка 4.3 — правка"
# Back on the findings, the error gone, the cursor on the finding that
# followed it (4.4's hint): Enter opens 4.4; Esc goes to the table.
wait_for "Сохранена точка 4.3"
wait_for "ошибок 0, предупреждений 1 (принято 0)"
expect_not_screen "deppromtorg@ "
keys Enter
wait_for "Точка 4.4 — правка"
keys Escape
wait_for "Форма закрыта без сохранения"
wait_for "Точка:         4.4 Почта России"

# Now the warning comes first: process 5 has no offline touchpoint.
keys !
wait_for "ошибок 0, предупреждений 1 (принято 0)"
expect_screen "5. Досудебное обжалование результатов проверки"
expect_screen "! предупреждение — п. 2.9.3: в процессе «Досудебное обжалование"
keys a
wait_for "Обоснование:"
text "жалобы подаются через ЕПГУ"
keys Enter
wait_for "Предупреждение принято с обоснованием"
wait_for "предупреждений 1 (принято 1)"
expect_screen "✓ принято — п. 2.9.3"
"$PERECHEN" -d "$DB" check >"$WORK/check" 2>&1
[ $? = 0 ] || { cat "$WORK/check" >&2; fail "check after acceptance"; }
# d takes it back.
keys d
wait_for "Принятие снято: предупреждение снова открыто"
wait_for "предупреждений 1 (принято 0)"
"$PERECHEN" -d "$DB" check >/dev/null 2>&1
[ $? = 1 ] || fail "check after the acceptance was taken back"
# a on a hint is refused: hints oblige nothing.
keys g
keys a
wait_for "Принять можно только предупреждение"

# Hints hide and show again.
keys f
wait_for "подсказок 27 (скрыты)"
expect_not_screen "· подсказка"
keys f
wait_gone "(скрыты)"

# Enter on a process's finding: to its row, the finding on the message
# line.
keys G
keys k k k k
keys f
wait_for "(скрыты)"
keys Enter
wait_gone "Замечания по правилам Порядка"
wait_for "О процессе в целом: п. 2.9.3: в процессе «Досудебное обжалование"
wait_for "Процесс:       5. Досудебное обжалование результатов проверки"

# Enter on a hint of 1.2: the form at its basis.
keys !
wait_for "Замечания по правилам Порядка"
keys g j j
keys Enter
wait_for "Точка 1.2 — правка"
wait_for "▸ Уведомление о получении:   ‹ не указано ›"
expect_screen "· п. 3.2.4: для письменного канала «Электронная почта» не отмечено"
keys Space Space
wait_for "‹ да, уведомление направляется ›"
wait_gone "п. 3.2.4: для письменного"
keys F2
wait_gone "Точка 1.2 — правка"
"$PERECHEN" -d "$DB" tp show 1.2 | grep -q "Уведомление о получении  *да" ||
	fail "acknowledgement of receipt not saved"
keys F5
wait_for "подсказок 26"
keys Escape
wait_gone "Замечания по правилам Порядка"

quit_editor q
tui_done
