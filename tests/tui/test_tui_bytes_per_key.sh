#!/bin/sh
# Bytes the editor sends per ↓ on a 120x40 terminal, counted (not timed)
# from everything written to the pane: one ↓ at a time redraws the two
# cursor rows, the status and only the detail lines that changed, never
# the whole screen; thirty ↓ typed ahead are worked off before one frame
# shows where they led (and the cursor lands on the right row).
. "$TESTS_DIR/tui/lib.sh"

sh "$BENCH_DIR/gen-list.sh" 10 100 > "$WORK/gen.tsv"
"$PERECHEN" -d "$DB" import --quiet "$WORK/gen.tsv" >"$WORK/import.out" 2>&1 ||
	{ cat "$WORK/import.out" >&2; fail "import of the generated list failed"; }

start_shell 120 40
open_editor
wait_for "Процесс 1 из 10 "
RAW="$WORK/tty.raw"

# raw_size: the bytes captured so far, once the pipe has delivered them
# (the size stops changing).
raw_size() {
	last=-1 same=0 tries=$((WAIT * 20))
	while [ "$tries" -gt 0 ]; do
		now=$(wc -c < "$RAW" 2>/dev/null || echo 0)
		if [ "$now" = "$last" ]; then
			same=$((same + 1))
			[ "$same" -ge 4 ] && { echo "$now"; return 0; }
		else
			same=0
		fi
		last=$now
		sleep 0.05
		tries=$((tries - 1))
	done
	fail "the captured output did not settle"
}

# One ↓ at a time, each waited for on the status line and in the pane.
: > "$RAW"
tm pipe-pane -t t -o "cat >> '$RAW'"
i=1
while [ "$i" -le 30 ]; do
	keys Down
	wait_line 39 "Процесс 1 из 10, точка $i "
	wait_for "Точка:         1.$i "
	i=$((i + 1))
done
tm pipe-pane -t t
one=$(raw_size)
full=$(od -An -c "$RAW" | tr -d ' \n')
case $full in
*'033[2J'*|*'033[H033[J'*) fail "a ↓ cleared the whole screen" ;;
esac
echo "one ↓ at a time: $one bytes for 30, $((one / 30)) per ↓"
[ "$one" -gt 0 ] || fail "nothing was captured"
# Two cursor rows of Cyrillic text (each ~150 bytes), the status and the
# detail lines that changed; a redrawn pane or table is several times more.
[ $((one / 30)) -le 1000 ] ||
	fail "one ↓ at a time sent $((one / 30)) bytes per key"

# Thirty ↓ typed ahead in one write: one frame (or a few) for all.
: > "$RAW"
tm pipe-pane -t t -o "cat >> '$RAW'"
keys Down Down Down Down Down Down Down Down Down Down \
	Down Down Down Down Down Down Down Down Down Down \
	Down Down Down Down Down Down Down Down Down Down
wait_line 39 "Процесс 1 из 10, точка 60 "
wait_for "Точка:         1.60 Личное взаимодействие 1.60"
tm pipe-pane -t t
burst=$(raw_size)
echo "30 ↓ typed ahead: $burst bytes, $((burst / 30)) per ↓"
[ $((burst / 30)) -le 250 ] ||
	fail "30 ↓ typed ahead sent $((burst / 30)) bytes per key: drawn one by one"
# The cursor's row is the 60th touchpoint: reverse video on its line only.
tm capture-pane -e -p -t t > "$WORK/attrs"
grep -n '1\.60 ' "$WORK/attrs" | grep -q '7m' ||
	fail "the row of 1.60 is not the cursor's"
[ "$(grep -c '\[[0-9;]*7m' "$WORK/attrs")" -eq 1 ] ||
	fail "more than one row shows as the cursor's"
quit_editor q
tui_done
