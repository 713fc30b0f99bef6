#!/bin/sh
# make bench: perechen against VisiData and the sqlite3 shell, on the same
# generated CSV (bench/gen-list.sh: the seed's Russian headers, 1,000
# touchpoints a process) at each size of $SIZES, in one run.
#
# Figures, each the median (min–max) of $RUNS runs (3 runs past 10 s, one
# past 60 s, said in the cell), written as a markdown table to stdout and
# to OUT (build/bench/results.md):
# - the first frame: perechen with PERECHEN_EXIT_AFTER_FIRST_FRAME=1
#   under script(1) (hyperfine), and perechen and VisiData in a tmux pane
#   of 120x40, from the start until the first row shows (capture-pane
#   polling: 2-3 ms a look for two seconds, then 50 ms);
# - bytes to the terminal per Down (tmux pipe-pane), once the cursor is
#   at the bottom of the screen, waiting for the screen after each key;
# - search to a hit near the end from the first row: perechen at the
#   store (bench/search) and in the editor (/), VisiData (g/, all columns);
# - peak resident memory (/usr/bin/time) of the editor at its first frame,
#   VisiData with the file loaded, and every batch command;
# - batch times: import + export CSV against the sqlite3 shell (.import
#   --csv, then .mode csv / .output / select), check, approve, diff and
#   export in every format.  Past 100,000, a command that the size before,
#   scaled linearly, says would take over $MAX_SECONDS a run is not run
#   (the cell says so; the PDF at 1M today).
# A failing command fills its cell with its error and the run goes on.
# Usage: bench/run.sh BINARY OUT   (SIZES="10000 100000 1000000" RUNS=5)
set -u
bin=$(cd "$(dirname "${1:?usage: bench/run.sh BINARY OUT}")" && pwd)/$(basename "$1")
out=${2:?usage: bench/run.sh BINARY OUT}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
SIZES=${SIZES:-10000 100000 1000000}
RUNS=${RUNS:-5}
MAX_SECONDS=${MAX_SECONDS:-150}
WARM=40
PRESSES=${PRESSES:-50}
PERECHEN_SHARE=${PERECHEN_SHARE:-$here/../share/perechen}
search_bin=$(dirname "$bin")/bench/search
tmp=$(mktemp -d "${TMPDIR:-/tmp}/perechen-bench.XXXXXX")
SOCK=perechen-bench-$$
export LC_ALL=C.UTF-8 PERECHEN_SHARE TMUX_TMPDIR="$tmp"
unset PERECHEN_DB TMUX
trap 'pane_stop; rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
mkdir -p "$tmp/home" "$(dirname "$out")"
RESULTS=$tmp/results
: > "$RESULTS"

for tool in hyperfine script tmux vd sqlite3 /usr/bin/time; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "bench: $tool is required (make bench installs it as root)" >&2
		exit 1
	}
done

# The touchpoint a needle near the end names: NAME PROCESS.TOUCHPOINT of
# the generator's six kinds, in turn.
kind_of() {
	set -- Официальный\ сайт Электронная\ почта Телефонная\ связь \
	    Почта\ России Видеоконференцсвязь Личное\ взаимодействие "$1"
	eval "k=\${$(( ($7 - 1) % 6 + 1 ))}"
	printf '%s' "$k"
}

P() {
	printf "'%s' -d '%s'" "$bin" "$1"
}

# --- batch commands -----------------------------------------------------

bench_import_export() {
	n=$1 csv=$tmp/list.csv
	batch import.p "$n" "rm -f $tmp/imp.db*" \
	    "$(P "$tmp/imp.db") import --quiet '$csv'" || return 1
	mv "$tmp/imp.db" "$tmp/base.db"
	batch imex.p "$n" "rm -f $tmp/imp.db*" \
	    "$(P "$tmp/imp.db") import --quiet '$csv' &&
	     $(P "$tmp/imp.db") export --format csv -o '$tmp/out.csv'"
	rm -f "$tmp"/imp.db*
}

sqlite_export="sqlite3 '$tmp/sq.db' '.headers on' '.mode csv' \
'.output $tmp/sq-out.csv' 'select * from tp;'"

bench_sqlite() {
	n=$1
	batch import.sq "$n" "rm -f $tmp/sq.db" \
	    "sqlite3 '$tmp/sq.db' '.import --csv $tmp/list.csv tp'"
	# The same records as perechen and VisiData read, multi-line cells too.
	rows_read=$(sqlite3 "$tmp/sq.db" 'select count(*) from tp;' 2>/dev/null)
	[ "$rows_read" = "$n" ] ||
		record import.sq "$n" "read ${rows_read:-no} rows, not $n"
	batch export.csv.sq "$n" : "$sqlite_export"
	batch imex.sq "$n" "rm -f $tmp/sq.db" \
	    "sqlite3 '$tmp/sq.db' '.import --csv $tmp/list.csv tp' && $sqlite_export"
	rm -f "$tmp/sq.db" "$tmp/sq-out.csv"
}

# check exits 1 on warnings and 2 on errors (the generated list has both).
bench_check_approve_diff() {
	n=$1 db=$tmp/base.db
	"$bin" -d "$db" init --org "Министерство промышленности" \
	    --title "Перечень точек взаимодействия с клиентом" >/dev/null 2>&1
	batch check "$n" : "$(P "$db") check; [ \$? -le 2 ]"
	batch approve "$n" "rm -f $tmp/ap.db*; cp '$db' '$tmp/ap.db'" \
	    "$(P "$tmp/ap.db") approve --order 1 --date $(date +%d.%m.%Y) \
	     --confirm-errors --confirm-unreviewed" || return 1
	# The list as the editor finds it: approved, one change since.
	mv "$tmp/ap.db" "$tmp/rev.db"
	"$bin" -d "$tmp/rev.db" tp exclude 1.2 --reason bench >/dev/null
	batch diff "$n" : "$(P "$tmp/rev.db") diff"
	batch diff.summary "$n" : "$(P "$tmp/rev.db") diff --summary"
}

bench_exports() {
	n=$1
	for f in txt csv html docx pdf; do
		batch "export.$f" "$n" : \
		    "$(P "$tmp/rev.db") export --format $f -o '$tmp/out.$f'"
	done
	batch export.rev "$n" : \
	    "$(P "$tmp/rev.db") export --revision latest -o '$tmp/out.txt'"
	rm -f "$tmp"/out.*
}

# --- the editor and VisiData ---------------------------------------------

first_frame_cmd() {
	printf "script -qec \"env TERM=xterm-256color COLUMNS=120 LINES=40 \
PERECHEN_EXIT_AFTER_FIRST_FRAME=1 %s\" /dev/null" "$1"
}

# field_of JSON NAME: the first number NAME has in hyperfine's JSON (s).
field_of() {
	grep -o "\"$2\": *[0-9.e+-]*" "$1" | head -n 1 | sed 's/.*: *//'
}

bench_first_frame_script() {
	n=$1 db=$tmp/rev.db
	hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$tmp/ff.json" \
	    "$(first_frame_cmd "$(P "$db")")" >/dev/null 2>&1 ||
	hyperfine --warmup 2 --runs "$RUNS" --export-json "$tmp/ff.json" \
	    "$(first_frame_cmd "$(P "$db")")" >/dev/null 2>"$tmp/err" || {
		record ff.script "$n" "failed"
		return 1
	}
	awk -v m="$(field_of "$tmp/ff.json" median)" \
	    -v a="$(field_of "$tmp/ff.json" min)" \
	    -v b="$(field_of "$tmp/ff.json" max)" \
	    'BEGIN { printf "%f\n%f\n%f\n", m * 1000, a * 1000, b * 1000 }' \
	    > "$tmp/times"
	record ff.script "$n" "$(awk 'NR == 1 { printf "%.1f ms", $1 }
	    NR == 2 { a = $1 } NR == 3 { printf " (%.1f–%.1f)", a, $1 }' \
	    "$tmp/times")"
	sh -c "$(first_frame_cmd "/usr/bin/time -f %M -o '$tmp/mem' $(P "$db")")" \
	    >/dev/null 2>&1
	record mem.ff "$n" "$(fmt_kb "$(tail -n 1 "$tmp/mem")")"
}

bench_perechen_pane() {
	n=$1 needle=$2 found=$3
	start_shown ff.tmux.p "$n" "$(P "$tmp/rev.db")" "Официальный сайт" || return 1
	bytes_per_down bytes.p "$n" || :
	search_in_pane search.p "$n" / "Поиск:" g "Информирование 1 " \
	    "$needle" "$found" || :
	tm send-keys -t b q
	if [ -x "$search_bin" ]; then
		"$search_bin" "$tmp/rev.db" "$needle" "$RUNS" > "$tmp/search.out" &&
		record search.store "$n" "$(awk -F '|' 'NR == 1 {
		    sub(/^ */, "", $3); sub(/ *$/, "", $3); print $3 }' \
		    "$tmp/search.out")"
	fi
}

bench_visidata_pane() {
	n=$1 needle=$2 found=$3
	vd="vd --default-width=32 '$tmp/list.csv'"
	start_shown ff.tmux.vd "$n" "$vd" "Официальный сайт" || return 1
	# Loaded once the bottom line shows the whole count: once more, timed
	# from the start, under /usr/bin/time for the peak memory.
	rm -f "$tmp/mem"
	t0=$(now_ns)
	pane_run "/usr/bin/time -f %M -o '$tmp/mem' $vd"
	poll_for " $n rows" 900 || { record load.vd "$n" "not loaded"; return 1; }
	record load.vd "$n" "$(fmt_ms "$(ms_since "$t0")") [1 run]"
	bytes_per_down bytes.vd "$n" || :
	# VisiData narrows the column to its first rows: the found name may
	# show cut after 26 characters, and only rows near the end hold these.
	search_in_pane search.vd "$n" g/ "g/" gg "Информирование 1 " \
	    "$needle" "$(printf '%s' "$found" | sed 's/^\(.\{25\}\).*/\1/')" || :
	tm send-keys -t b gq
	i=0
	while [ ! -s "$tmp/mem" ] && [ "$i" -lt 200 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	[ ! -s "$tmp/mem" ] || record mem.vd "$n" "$(fmt_kb "$(tail -n 1 "$tmp/mem")")"
}

# --- one size -------------------------------------------------------------

bench_size() {
	n=$1
	per=1000
	[ "$n" -ge "$per" ] || per=$n
	procs=$(( (n + per - 1) / per ))
	echo "bench: $n touchpoints ($procs processes x $per)" >&2
	sh "$here/gen-list.sh" "$procs" "$per" csv > "$tmp/list.csv"
	needle=$procs.$((per - 5))
	found="$(kind_of $((per - 5))) $needle"
	bench_sqlite "$n"
	if bench_import_export "$n" && bench_check_approve_diff "$n"; then
		bench_exports "$n"
		bench_first_frame_script "$n" || :
		bench_perechen_pane "$n" "$needle" "$found" || :
	fi
	bench_visidata_pane "$n" "$needle" "$found" || :
	rm -f "$tmp"/*.db* "$tmp/list.csv"
}

# --- the table --------------------------------------------------------------

rows='ff.script|first frame (script(1), exits once drawn)|perechen
ff.tmux.p|first frame (tmux, until the first row shows)|perechen
ff.tmux.vd|first frame (tmux, until the first row shows)|VisiData
load.vd|whole file loaded (tmux, the row count shown)|VisiData
mem.ff|peak memory, editor at its first frame|perechen
mem.vd|peak memory, file loaded|VisiData
bytes.p|bytes to the terminal per ↓|perechen
bytes.vd|bytes to the terminal per ↓|VisiData
search.store|search to a hit near the end, at the store|perechen
search.p|search to a hit near the end, editor `/` (tmux)|perechen
search.vd|search to a hit near the end, `g/` (tmux)|VisiData
imex.p|import + export CSV|perechen
imex.sq|import + export CSV|sqlite3 shell
import.p|import CSV|perechen
import.sq|import CSV (`.import --csv`)|sqlite3 shell
export.csv.p|export CSV|perechen
export.csv.sq|export CSV (`.mode csv`, `select`)|sqlite3 shell
check|check|perechen
approve|approve|perechen
diff|diff (latest revision against the working copy, in the order wording)|perechen
diff.summary|diff --summary (the overview, streamed)|perechen
export.txt|export txt|perechen
export.rev|export txt of the latest revision|perechen
export.html|export html|perechen
export.docx|export docx|perechen
export.pdf|export pdf|perechen
import.p.mem|peak memory, import|perechen
import.sq.mem|peak memory, import|sqlite3 shell
export.txt.mem|peak memory, export txt|perechen
export.csv.mem|peak memory, export csv|perechen
export.docx.mem|peak memory, export docx|perechen
export.pdf.mem|peak memory, export pdf|perechen
check.mem|peak memory, check|perechen
approve.mem|peak memory, approve|perechen
diff.mem|peak memory, diff|perechen
diff.summary.mem|peak memory, diff --summary|perechen'

# The export CSV row of perechen is the export.csv figure.
table() {
	sed 's/^export\.csv\t/export.csv.p\t/' "$RESULTS" > "$tmp/res"
	printf '| figure | program |'
	for n in $SIZES; do printf ' %s |' "$(printf '%s' "$n" |
	    sed ':a;s/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/;ta')"; done
	printf '\n|---|---|'
	for n in $SIZES; do printf -- '---|'; done
	printf '\n'
	printf '%s\n' "$rows" | while IFS='|' read -r key what who; do
		printf '| %s | %s |' "$what" "$who"
		for n in $SIZES; do
			c=$(awk -F '\t' -v k="$key" -v s="$n" \
			    '$1 == k && $2 == s { c = $3 } END { print c }' "$tmp/res")
			printf ' %s |' "${c:-—}"
		done
		printf '\n'
	done
}

started=$(date +%s)
pane_start
PREV_SIZE=
for n in $SIZES; do
	bench_size "$n"
	PREV_SIZE=$n
done
took=$(( $(date +%s) - started ))

{
	printf 'Measured %s UTC on %s × %s (%s), commit %s, by `make bench` in %d min %d s; ' \
	    "$(date -u '+%Y-%m-%d %H:%M')" "$(nproc)" \
	    "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)" \
	    "$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")" \
	    "$(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
	    $((took / 60)) $((took % 60))
	printf '%s, sqlite3 %s.  Median (min–max) of %s runs unless the cell says otherwise.\n\n' \
	    "$(vd --version 2>/dev/null | sed 's/.*VisiData v/VisiData /')" \
	    "$(sqlite3 --version | cut -d' ' -f1)" "$RUNS"
	table
} > "$out"
cat "$out"
