#!/bin/sh
# "perechen edit" refuses clearly: no list (and how to make one), no
# terminal, wrong arguments; a list the clerk may only read opens for
# viewing and says so.
. "$TESTS_DIR/tui/lib.sh"

expect_fail() {
	want=$1
	shift
	"$@" >"$WORK/out" 2>"$WORK/err" </dev/null
	got=$?
	[ "$got" = "$want" ] || { cat "$WORK/err" >&2; fail "'$*' exited $got, expected $want"; }
}

expect_fail 1 "$PERECHEN" -d "$WORK/none.db" edit
grep -q "perechen -d $WORK/none.db init" "$WORK/err" || fail "no hint to init"
grep -q "perechen -d $WORK/none.db import ФАЙЛ" "$WORK/err" || fail "no hint to import"
[ ! -e "$WORK/none.db" ] || fail "edit created the database"
expect_fail 1 "$PERECHEN" -d "$WORK/none.db"

import_example
expect_fail 1 "$PERECHEN" -d "$DB" edit
grep -q "редактору нужен терминал" "$WORK/err" || fail "no word about the terminal"
expect_fail 2 "$PERECHEN" -d "$DB" edit лишнее
expect_fail 2 "$PERECHEN" -d "$DB" edit --bad
expect_fail 0 "$PERECHEN" -d "$DB" edit --help
grep -q "PERECHEN_EXIT_AFTER_FIRST_FRAME" "$WORK/out" || fail "help lacks the variables"

# An empty list opens, says how to fill it, and takes every key calmly.
"$PERECHEN" -d "$WORK/empty.db" init --org "Орган" >/dev/null 2>&1 ||
	fail "init failed"
start_shell 80 24
type_line "clear; $PERECHEN -d $WORK/empty.db; echo EXITED-\$?"
wait_for "Перечень пуст: загрузите его командой «perechen import ФАЙЛ»."
expect_line 1 "Орган"
keys j k G g NPage Space Enter l h - + Tab j Tab
keys /
wait_for "Поиск:"
keys x Enter
wait_for "Не найдено: x"
quit_editor q
tm kill-server

# A list file the clerk cannot write (in a directory where SQLite may keep
# its shared-memory file: a WAL database in a read-only directory cannot
# be opened at all by SQLite without write access).
mkdir "$WORK/ro"
cp "$DB" "$WORK/ro/t.db"
chmod 711 "$WORK"
chmod 1777 "$WORK/ro"
chmod 644 "$WORK/ro/t.db"
if [ "$(id -u)" = 0 ]; then
	if ! command -v setpriv >/dev/null 2>&1; then
		echo "skip read-only: root without setpriv"
		tui_done
		exit 0
	fi
	as_reader="setpriv --reuid=65534 --regid=65534 --clear-groups "
else
	chmod 444 "$WORK/ro/t.db"
	as_reader=
fi
start_shell 120 30
type_line "clear; ${as_reader}$PERECHEN -d $WORK/ro/t.db; echo EXITED-\$?"
wait_for "рабочая версия · только чтение"
wait_for "1 ▾ Информирование (5 точек)"
keys j
wait_for "Процесс 1 из 5, точка 1"
quit_editor q
tui_done
