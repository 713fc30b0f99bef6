#!/bin/sh
# The editor warns on its first screen when the change log was changed
# outside the program since its last check, and says nothing when the log
# is intact.
. "$TESTS_DIR/tui/lib.sh"

command -v sqlite3 >/dev/null 2>&1 || { echo "SKIP: needs sqlite3"; exit 0; }
import_example
"$PERECHEN" -d "$DB" tp set 1.1 --name "Сайт министерства" >/dev/null 2>&1 ||
    fail "tp set"
start_shell 120 40
open_editor
expect_not_screen "изменена вне программы"
quit_editor

id=$(sqlite3 "$DB" "SELECT max(id) FROM change_log")
sqlite3 "$DB" "UPDATE change_log SET old_value = 'подмена' WHERE id = $id"
open_editor
wait_for "ВНИМАНИЕ: запись журнала $id от"
expect_screen "изменена вне программы"
expect_screen "perechen verify"
quit_editor
tui_done
