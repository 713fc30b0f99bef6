# Helpers of bench/run.sh (sourced): timing, statistics, the results file
# and the tmux pane the editors run in.  The shell has no local variables:
# these never set n, db, csv, needle or found, which run.sh's steps use.
#
# Every figure goes to $RESULTS as one line "KEY<TAB>SIZE<TAB>CELL"; run.sh
# lays them out as the table at the end.  Times are taken with date +%s%N
# around the command (about 1 ms of fork and exec included), except the
# first frame under script(1), which hyperfine times.

now_ns() {
	date +%s%N
}

# ms_since T0: milliseconds since T0 (from now_ns), with one decimal.
ms_since() {
	awk -v a="$1" -v b="$(now_ns)" 'BEGIN { printf "%.1f\n", (b - a) / 1e6 }'
}

# stats FILE: "median min max count" of the numbers in FILE, one a line.
stats() {
	sort -g "$1" | awk '{ v[NR] = $1 }
	END {
		if (NR == 0) exit 1
		m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		print m, v[1], v[NR], NR
	}'
}

# fmt_ms MS: a time for the table (ms below a second, else s).
fmt_ms() {
	fmt_in "$1" "$1"
	awk -v t="$1" 'BEGIN { print (t < 1000 ? " ms" : " s") }'
}

# fmt_in MS UNIT_OF: MS without a unit, in the unit fmt_ms gives UNIT_OF.
fmt_in() {
	awk -v t="$1" -v u="$2" 'BEGIN {
		if (u < 10) printf "%.2f", t
		else if (u < 1000) printf "%.1f", t
		else printf "%.2f", t / 1000
	}'
}

# fmt_kb KB: a resident size for the table.
fmt_kb() {
	awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }'
}

# cell_of FILE: "median (min–max)" of the times (ms) in FILE, with the
# number of runs when it is not the usual $RUNS.
cell_of() {
	set -- $(stats "$1")
	if [ "$4" -eq 1 ]; then
		printf '%s [1 run]' "$(fmt_ms "$1")"
		return
	fi
	printf '%s (%s–%s)' "$(fmt_ms "$1")" "$(fmt_in "$2" "$1")" \
	    "$(fmt_in "$3" "$1")"
	[ "$4" -eq "$RUNS" ] || printf ' [%s runs]' "$4"
}

# record KEY SIZE CELL
record() {
	printf '%s\t%s\t%s\n' "$1" "$2" "$3" >> "$RESULTS"
	printf '  %-28s %8s  %s\n' "$1" "$2" "$3" >&2
}

# median_ms_of KEY SIZE: the median recorded for KEY at SIZE, in ms
# (empty when it was not measured).
median_ms_of() {
	awk -F '\t' -v k="$1" -v s="$2" '$1 == k && $2 == s {
		split($3, w, " ")
		if (w[2] == "s") print w[1] * 1000
		else if (w[2] == "ms") print w[1]
	}' "$RESULTS" | tail -n 1
}

# too_slow KEY SIZE: true when SIZE is over 100,000 and KEY, measured at
# the size before, scaled linearly to SIZE, would take over $MAX_SECONDS a
# run; records why.
too_slow() {
	[ -n "$PREV_SIZE" ] && [ "$2" -gt 100000 ] || return 1
	prev=$(median_ms_of "$1" "$PREV_SIZE")
	[ -n "$prev" ] || return 1
	guess=$(awk -v p="$prev" -v a="$PREV_SIZE" -v b="$2" \
	    'BEGIN { printf "%.0f", p * b / a / 1000 }')
	[ "$guess" -gt "$MAX_SECONDS" ] || return 1
	record "$1" "$2" "not run (≈ $guess s a run, from $PREV_SIZE)"
	record "$1.mem" "$2" "—"
	return 0
}

# runs_after MS: how many runs a command whose first run took MS gets:
# $RUNS, or 3 past 10 s, or 1 past 60 s (the slowest, at 1M).
runs_after() {
	awk -v t="$1" -v n="$RUNS" 'BEGIN {
		if (t > 60000) n = 1; else if (t > 10000 && n > 3) n = 3
		print n
	}'
}

# repeat_timed STEP ARG...: STEP ARG... (one timed run, which appends its
# milliseconds to $tmp/times and says why it failed in $tmp/why) $RUNS
# times, or fewer when the first run is slow.  STEP must not set i or want.
repeat_timed() {
	: > "$tmp/times"
	want=1
	i=0
	while [ "$i" -lt "$want" ]; do
		"$@" || return 1
		i=$((i + 1))
		[ "$i" -gt 1 ] || want=$(runs_after "$(cat "$tmp/times")")
	done
}

# batch KEY SIZE PREPARE COMMAND: time COMMAND (sh -c, output discarded)
# after PREPARE (untimed) each run, and its peak resident memory.  A
# failing command records its first error line instead.
batch() {
	too_slow "$1" "$2" && return 0
	: > "$tmp/mems"
	if ! repeat_timed batch_once "$3" "$4"; then
		record "$1" "$2" "failed: $(head -n 1 "$tmp/why")"
		record "$1.mem" "$2" "—"
		return 1
	fi
	record "$1" "$2" "$(cell_of "$tmp/times")"
	record "$1.mem" "$2" "$(fmt_kb "$(sort -n "$tmp/mems" | tail -n 1)")"
}

# batch_once PREPARE COMMAND
batch_once() {
	sh -c "$1" || { echo "preparing: $1" > "$tmp/why"; return 1; }
	t0=$(now_ns)
	if ! /usr/bin/time -f %M -o "$tmp/mem" sh -c "$2" \
	    >/dev/null 2>"$tmp/err"; then
		grep -v '^Command exited' "$tmp/err" | sed "s|$tmp/||g" > "$tmp/why"
		return 1
	fi
	ms_since "$t0" >> "$tmp/times"
	tail -n 1 "$tmp/mem" >> "$tmp/mems"
}

# --- the tmux pane ----------------------------------------------------

tm() {
	tmux -L "$SOCK" -f /dev/null "$@"
}

# pane_start: a tmux server with one pane of 120x40 that stays when its
# program ends (each program is started in it with pane_run).
pane_start() {
	tm new-session -d -x 120 -y 40 -s b "sleep 100000" &&
	    tm set-option -g remain-on-exit on >/dev/null
}

pane_stop() {
	tm kill-server >/dev/null 2>&1 || :
}

# pane_run COMMAND: replace whatever runs in the pane with COMMAND, in a
# fixed terminal and locale.
pane_run() {
	tm respawn-pane -k -t b "env -i PATH='$PATH' HOME='$tmp/home' \
LC_ALL=C.UTF-8 TERM=xterm-256color PERECHEN_SHARE='$PERECHEN_SHARE' $1"
}

screen() {
	tm capture-pane -p -t b
}

# poll_for TEXT SECONDS: poll the screen until it shows TEXT; false after
# SECONDS.  As fast as tmux answers (2-3 ms a look) for the first two
# seconds, then every 50 ms, so that a long load is not slowed by polling.
poll_for() {
	start=$(date +%s)
	end=$((start + $2))
	while :; do
		case $(screen) in
		*"$1"*) return 0 ;;
		esac
		now=$(date +%s)
		[ "$now" -le "$end" ] || return 1
		[ "$now" -le $((start + 2)) ] || sleep 0.05
	done
}

# poll_change BEFORE SECONDS: poll the screen, attributes included, until
# it differs from BEFORE.
poll_change() {
	end=$(( $(date +%s) + $2 ))
	while [ "$(tm capture-pane -e -p -t b)" = "$1" ]; do
		[ "$(date +%s)" -le "$end" ] || return 1
	done
}

# settle FILE: wait until FILE stops growing (0.3 s without a byte).
settle() {
	last=-1
	same=0
	while [ "$same" -lt 3 ]; do
		bytes=$(wc -c < "$1")
		if [ "$bytes" = "$last" ]; then same=$((same + 1)); else same=0; fi
		last=$bytes
		sleep 0.1
	done
}

# press_down COUNT: press Down COUNT times, waiting for the screen to
# change after each.
press_down() {
	i=0
	while [ "$i" -lt "$1" ]; do
		before=$(tm capture-pane -e -p -t b)
		tm send-keys -t b Down
		poll_change "$before" 30 || return 1
		i=$((i + 1))
	done
}

# bytes_per_down KEY SIZE: with a program showing its list at the top,
# press Down $WARM times (to the bottom of the screen, where every press
# scrolls), then count the bytes it writes to the terminal over $PRESSES
# more, waiting for the screen after each.
bytes_per_down() {
	press_down "$WARM" || { record "$1" "$2" "no redraw"; return 1; }
	: > "$tmp/pipe"
	tm pipe-pane -o -t b "cat >> '$tmp/pipe'"
	press_down "$PRESSES" || { record "$1" "$2" "no redraw"; return 1; }
	settle "$tmp/pipe"
	tm pipe-pane -t b
	record "$1" "$2" "$(awk -v n="$(wc -c < "$tmp/pipe")" -v k="$PRESSES" \
	    'BEGIN { printf "%.0f B", n / k }')"
}

# start_shown KEY SIZE COMMAND SHOWN: start COMMAND in the pane $RUNS
# times (fewer when slow) and time each until SHOWN is on the screen.
start_shown() {
	repeat_timed start_once "$3" "$4" ||
		{ record "$1" "$2" "$(cat "$tmp/why")"; return 1; }
	record "$1" "$2" "$(cell_of "$tmp/times")"
}

# start_once COMMAND SHOWN
start_once() {
	t0=$(now_ns)
	pane_run "$1"
	poll_for "$2" 600 || { echo "not shown in 600 s" > "$tmp/why"; return 1; }
	ms_since "$t0" >> "$tmp/times"
}

# search_in_pane KEY SIZE PROMPT_KEYS PROMPT TOP_KEYS TOP NEEDLE FOUND:
# $RUNS times (fewer when slow): go to the top (TOP_KEYS until TOP
# shows), open the search prompt (PROMPT_KEYS until PROMPT shows), type
# NEEDLE and time Enter until FOUND shows.
search_in_pane() {
	key=$1 size=$2
	shift 2
	repeat_timed search_once "$@" ||
		{ record "$key" "$size" "$(cat "$tmp/why")"; return 1; }
	record "$key" "$size" "$(cell_of "$tmp/times")"
}

# search_once PROMPT_KEYS PROMPT TOP_KEYS TOP NEEDLE FOUND
search_once() {
	tm send-keys -t b $3
	poll_for "$4" 60 || { echo "top not shown" > "$tmp/why"; return 1; }
	tm send-keys -t b $1
	poll_for "$2" 10 || { echo "no prompt" > "$tmp/why"; return 1; }
	tm send-keys -t b -l "$5"
	t0=$(now_ns)
	tm send-keys -t b Enter
	poll_for "$6" 900 || { echo "not found in 900 s" > "$tmp/why"; return 1; }
	ms_since "$t0" >> "$tmp/times"
}
