#!/bin/sh
# x on a process row asks the reason (п. 5.3.4) and excludes the process:
# the row is marked as excluded touchpoints are, the detail pane gives the
# reason; r brings it back; u undoes and Ctrl-R redoes, each logged.
. "$TESTS_DIR/tui/lib.sh"

import_example
start_shell 100 30
open_editor
wait_for "Процесс 1 из 5"
text() { tm send-keys -t t -l "$1"; }
excluded() {
	"$PERECHEN" -d "$DB" export --format csv -o - 2>/dev/null |
	    grep -q "^1,Информирование,,,,,,,,,,,,,,да,$1"
}

# No reason, then Esc: nothing is excluded.
keys x
wait_for "Причина исключения процесса (п. 5.3.4) «Информирование»:"
keys Enter
wait_for "Процесс не исключён: укажите причину (п. 5.3.4)"
keys x
wait_for "Причина исключения процесса (п. 5.3.4)"
keys Escape
wait_for "Процесс не исключён"
keys r
wait_for "Процесс не исключён: вернуть можно исключённый"

keys x
wait_for "Причина исключения процесса (п. 5.3.4)"
text "функция передана"
keys Enter
wait_for "Процесс 1 исключён (r — вернуть, u — отменить): функция передана"
wait_for "(искл.) Информирование"
wait_for "да — функция передана"
screen | grep -q "^ Исключён: *да — функция передана" ||
	fail "the detail pane lacks the reason"
excluded "функция передана" || fail "not excluded in the database"
keys x
wait_for "Процесс уже исключён; r — вернуть его в перечень"

keys r
wait_for "Процесс 1 снова в перечне: Информирование"
wait_gone "(искл.) Информирование"
excluded "" && fail "still excluded after r"

# u takes the restoring back (excluded again), u once more the exclusion.
keys u
wait_for "Отменено: возвращение процесса «Информирование»"
wait_for "(искл.) Информирование"
excluded "функция передана" || fail "undo of r did not exclude"
keys u
wait_for "Отменено: исключение процесса «Информирование»"
wait_gone "(искл.) Информирование"
keys C-r
wait_for "Повторено: исключение процесса «Информирование»"
wait_for "(искл.) Информирование"
excluded "функция передана" || fail "redo did not exclude"

quit_editor q
"$PERECHEN" -d "$DB" log >"$WORK/log" 2>&1
[ "$(grep -c "1 Информирование" "$WORK/log")" -ge 5 ] ||
	{ cat "$WORK/log" >&2; fail "exclusions not logged"; }
tui_done
