#!/bin/sh
# A popup's frame cuts wide characters (CJK) of the screen beneath, at
# its left and right edges and at both parities: the frame stays whole
# on every row, a cut character is blanked whole (never half a glyph or
# a stray cell beside the frame), and closing the popup gives back the
# screen as it was.  Before the fix, curses kept the other half of a
# character the frame's left edge covered, and the blank written beside
# it wiped the frame (a row without «│»).
. "$TESTS_DIR/tui/lib.sh"

import_example
cjk="漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字"
# Both parities under each edge: a name or a text starting one column on.
"$PERECHEN" -d "$DB" process rename 2 "$cjk" >/dev/null 2>&1 || fail "rename"
"$PERECHEN" -d "$DB" process rename 3 "x$cjk" >/dev/null 2>&1 || fail "rename"
for t in 2.1 2.3; do
	"$PERECHEN" -d "$DB" tp set $t --specifics "$cjk" >/dev/null 2>&1 ||
		fail "set $t"
done
for t in 2.2 2.4; do
	"$PERECHEN" -d "$DB" tp set $t --specifics "x$cjk" >/dev/null 2>&1 ||
		fail "set $t"
done
start_shell 80 24
open_editor
wait_for "Процесс 1 из 5"
wait_for "└ 2.4"
before=$(screen)

# Every row between the corners has both sides of the frame.
whole_frame() {
	screen | awk '/┌/ { inbox = 1; next } /└/ { inbox = 0 }
		inbox && gsub(/│/, "│") != 2 { print "row " NR ": " $0; bad = 1 }
		END { exit bad }' >"$WORK/rows" || {
		cat "$WORK/rows" >&2
		fail "a row of the popup lacks a side of its frame"
	}
}

# The print dialog: its left edge on the first half of a character (2)
# and on the second (3), its right edge likewise (2.1, 2.2).
keys p
wait_for "Печать перечня"
whole_frame
expect_screen "▾ 漢│"
expect_screen "▾ x │"
expect_screen "│ 字漢字…"
expect_screen "│漢字漢…"
keys Escape
wait_screen "$before"

# The approval dialog, one column to the left: the other parities.
keys A
wait_for "Утверждение перечня"
whole_frame
expect_screen "▾  │ Дата приказа"
expect_screen "▾ x│"
keys Escape
wait_screen "$before"

quit_editor
tui_done
