#!/bin/sh
# The approval dialog's choice of what the order does (schema 11): none
# for the first approval (it approves the list); once a revision exists,
# «вносит изменения в перечень» by default, switched by Space, ← or → to
# «утверждает перечень заново»; what was chosen is what perechen log and
# the grif say.
. "$TESTS_DIR/tui/lib.sh"

import_example
# change TP TEXT: the specifics of touchpoint TP changed by the command.
change() {
	"$PERECHEN" -d "$DB" tp set "$1" --specifics "$2" >/dev/null 2>&1 ||
		fail "tp set $1"
}

# dialog NUMBER DATE: the editor's approval dialog open, the order's
# number and date typed, the cursor left in the date.
dialog() {
	open_editor
	keys A
	wait_for "Утверждение перечня (п. 5.1)"
	tm send-keys -t t -l "$1"
	keys Enter C-u
	tm send-keys -t t -l "$2"
}

# Enter, the unreviewed changes confirmed: revision $1 is approved.
approve_confirmed() {
	keys Enter
	wait_for "Утверждению мешают"
	keys Enter
	wait_for "Утверждена редакция $1 с подтверждением"
	quit_editor q
}

start_shell 80 24
type_line "export PERECHEN_TODAY=01.07.2024"

# The first approval: nothing to choose.
dialog 27/01-01 19.03.2024
expect_not_screen "Приказ:"
keys Enter
wait_for "Утверждена редакция 1."
quit_editor q

# An approving order: chosen in the dialog.
change 1.2 "по записи"
dialog 12-п 15.05.2024
expect_screen "Приказ:          вносит изменения в перечень"
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
approve_confirmed 2

# The next approval amends by default.
change 1.3 "по будням"
dialog 60-од 03.06.2024
expect_screen "Приказ:          вносит изменения в перечень"
approve_confirmed 3

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
