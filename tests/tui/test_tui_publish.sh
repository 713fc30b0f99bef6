#!/bin/sh
# Publishing from the editor: the reminder's screen (R) offers w, a dialog
# asks the date and the page's address with the checks of "perechen
# publish" (not after today, not before the order), records them, and
# "perechen status" then has nothing due (exit 0).
. "$TESTS_DIR/tui/lib.sh"

import_example
today=$(date +%d.%m.%Y)
tomorrow=$(date -d tomorrow +%d.%m.%Y 2>/dev/null) || tomorrow=31.12.9998
"$PERECHEN" -d "$DB" approve --order 7/01-01 --date "$today" \
	>"$WORK/approve.out" 2>&1 || { cat "$WORK/approve.out" >&2; fail "approve"; }
"$PERECHEN" -d "$DB" status >/dev/null 2>&1
[ $? = 1 ] || fail "status before the publication should be 1"

start_shell 80 24
open_editor
keys R
wait_for "w — отметить размещение на сайте"
keys w
wait_for "Размещение на сайте (п. 5.2)"
wait_for "Дата размещения: $today"
# A date after today is refused, as by the command.
keys C-u
tm send-keys -t t -l "$tomorrow"
keys Enter
wait_for "Enter — записать"
tm send-keys -t t -l "https://promtorg.admin-smolensk.ru/perechen"
keys Enter
wait_for "Не записано: дата размещения $tomorrow позже сегодняшней"
"$PERECHEN" -d "$DB" status >/dev/null 2>&1
[ $? = 1 ] || fail "a refused publication was recorded"
# Today's date is taken.
keys Tab
keys C-u
tm send-keys -t t -l "$today"
keys Enter
keys Enter
wait_for "Редакция 1 размещена на сайте $today: https://promtorg.admin-"
wait_gone "Размещение на сайте (п. 5.2)"
expect_not_screen "w — отметить размещение"
keys q
wait_for "Процесс 1 из 5"
quit_editor q
"$PERECHEN" -d "$DB" status >"$WORK/status" 2>&1
rc=$?
[ $rc = 0 ] || { cat "$WORK/status" >&2; fail "status after the publication is $rc"; }
grep -q "размещена на сайте $today" "$WORK/status" ||
	{ cat "$WORK/status" >&2; fail "status does not say it is published"; }
tui_done
