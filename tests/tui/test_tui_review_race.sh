#!/bin/sh
# A verdict in the editor's review is about the version on the screen:
# another clerk changes the touchpoint shown, «a» is refused naming who
# changed what, the screen shows the new version, and «a» then accepts it.
. "$TESTS_DIR/tui/lib.sh"

import_example
me=$(id -un)
start_shell 100 30
open_editor
wait_for "Процесс 1 из 5"
keys V
wait_for "1  Все точки перечня"
keys Enter
wait_line 1 "Проверка № 1 — 1/19"
expect_line 2 "1.1 Официальный сайт Министерства"
"$PERECHEN" -d "$DB" tp set 1.1 --specifics "по записи" >"$WORK/set.out" 2>&1 ||
    { cat "$WORK/set.out" >&2; fail "the other clerk's change"; }
keys a
wait_for "точку 1.1 изменил $me"
wait_for "особенности «по записи»"
wait_line 1 "1/19 (все точки): принято 0"
wait_for "по записи"
keys a
wait_line 1 "2/19 (все точки): принято 1"
"$PERECHEN" -d "$DB" review report >"$WORK/report" 2>&1
grep -q "принято 1" "$WORK/report" || { cat "$WORK/report" >&2; fail "report"; }
keys q
wait_for "Проверка № 1 прервана на 2/19"
quit_editor
tui_done
