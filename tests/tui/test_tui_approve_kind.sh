#!/bin/sh
# The approval dialog's choice of what the order does (schema 11): none
# for the first approval (it approves the list); once a revision exists,
# «вносит изменения в перечень» by default, switched by Space, ← or → to
# «утверждает перечень заново»; what was chosen is what perechen log and
# the grif say.
. "$TESTS_DIR/tui/lib.sh"

import_example
start_shell 80 24
type_line "export PERECHEN_TODAY=01.07.2024"

# The first approval: nothing to choose.
open_editor
keys A
wait_for "Утверждение перечня (п. 5.1)"
expect_not_screen "Приказ:"
tm send-keys -t t -l "27/01-01"
keys Enter C-u
tm send-keys -t t -l "19.03.2024"
keys Enter
wait_for "Утверждена редакция 1."
quit_editor q

# An approving order: chosen in the dialog.
"$PERECHEN" -d "$DB" tp set 1.2 --specifics "по записи" >/dev/null 2>&1 ||
	fail "tp set 1.2"
open_editor
keys A
wait_for "Утверждение перечня (п. 5.1)"
expect_screen "Приказ:          вносит изменения в перечень"
tm send-keys -t t -l "12-п"
keys Enter C-u
tm send-keys -t t -l "15.05.2024"
keys Tab
wait_for "Пробел — другой  Enter — утвердить"
# Typing does not change the choice (an «x» typed into it would make
# Space switch to the first text again); Space, → and ← switch it.
tm send-keys -t t -l "x"
keys Space
wait_for "Приказ:          утверждает перечень заново"
keys Right
wait_for "Приказ:          вносит изменения в перечень"
keys Left
wait_for "Приказ:          утверждает перечень заново"
keys Enter
wait_for "Утверждению мешают"
keys Enter
wait_for "Утверждена редакция 2 с подтверждением"
quit_editor q

# The next approval amends by default.
"$PERECHEN" -d "$DB" tp set 1.3 --specifics "по будням" >/dev/null 2>&1 ||
	fail "tp set 1.3"
open_editor
keys A
wait_for "Утверждение перечня (п. 5.1)"
expect_screen "Приказ:          вносит изменения в перечень"
tm send-keys -t t -l "60-од"
keys Enter C-u
tm send-keys -t t -l "03.06.2024"
keys Enter
wait_for "Утверждению мешают"
keys Enter
wait_for "Утверждена редакция 3 с подтверждением"
quit_editor q

"$PERECHEN" -d "$DB" log --limit 20 >"$WORK/log" 2>&1 || fail "log"
grep -q "редакция 2: приказ от 15.05.2024 № 12-п (утверждение)" "$WORK/log" ||
	{ cat "$WORK/log" >&2; fail "revision 2 is not approving"; }
grep -q "редакция 3: приказ от 03.06.2024 № 60-од (изменение)" "$WORK/log" ||
	{ cat "$WORK/log" >&2; fail "revision 3 is not amending"; }
"$PERECHEN" -d "$DB" export --format txt -o "$WORK/annex.txt" >/dev/null \
	2>&1 || fail "export"
tr -s ' \n' '  ' <"$WORK/annex.txt" >"$WORK/annex.flat"
grep -qF "от 15.05.2024 № 12-п (в редакции приказа" "$WORK/annex.flat" ||
	{ head -12 "$WORK/annex.txt" >&2; fail "the grif does not cite 12-п"; }
if grep -qF "27/01-01" "$WORK/annex.flat"; then
	fail "the grif cites the repealed order"
fi
tui_done
