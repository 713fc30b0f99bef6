#!/bin/sh
# While the approved revision waits for the website, the header names the
# actualisation's deadline too (the cycle the revision closed ends only
# online), not only the publication's: in full on a wide terminal, in brief
# at 120 columns.
. "$TESTS_DIR/tui/lib.sh"

import_example
"$PERECHEN" -d "$DB" approve --order 1 --date 19.03.2024 --today 19.03.2024 \
	>/dev/null 2>&1 || fail "approve 1"
"$PERECHEN" -d "$DB" publish --date 20.03.2024 >/dev/null 2>&1 ||
	fail "publish 1"
# A change today; its cycle is due 10 working days on.
"$PERECHEN" -d "$DB" tp exclude 2.4 --reason "канал не используется" \
	>/dev/null 2>&1 || fail "tp exclude"
today=$(date +%d.%m.%Y)
due=$("$PERECHEN" calendar workdays "$today" 10 2>/dev/null)
[ -n "$due" ] || fail "calendar workdays"
# An order signed long before: its publication is overdue, the
# actualisation not yet.
"$PERECHEN" -d "$DB" approve --order 2 --date 01.04.2024 --confirm-unreviewed \
	>"$WORK/approve.out" 2>&1 || { cat "$WORK/approve.out" >&2; fail "approve 2"; }
"$PERECHEN" -d "$DB" status >"$WORK/status" 2>&1
grep -q "не позже $due (срок актуализации" "$WORK/status" ||
	{ cat "$WORK/status" >&2; fail "status does not name the cycle's deadline"; }

start_shell 180 40
open_editor
wait_line 1 "размещение редакции 2 на сайте, срок истёк 15.04.2024"
expect_line 1 "; актуализация (п. 5.3): срок $due"
quit_editor q

start_shell 120 40
open_editor
wait_line 1 "ПРОСРОЧЕНО: размещение на сайте, срок был 15.04.2024; актуализация: $due"
quit_editor q
tui_done
