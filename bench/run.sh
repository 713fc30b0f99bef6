#!/bin/sh
# Benchmarks (make bench): import and export of 100,000 touchpoints, and the
# editor's time to its first frame on the example list (19 touchpoints)
# against 100,000.  The editor reads only the rows it shows, so the two
# first frames should take about the same time and memory.
#
# The first frame is timed with PERECHEN_EXIT_AFTER_FIRST_FRAME=1, which
# makes the editor leave as soon as it has drawn its first screen; script(1)
# gives it the terminal it needs.
# The editor's search is timed at the store by bench/search (built beside
# BINARY by make bench): from the first row to a hit near the end.
# Usage: bench/run.sh BINARY   (hyperfine and script must be installed)
set -eu
bin=$(cd "$(dirname "${1:?usage: bench/run.sh BINARY}")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
share=${PERECHEN_SHARE:-$here/../share/perechen}
procs=${BENCH_PROCESSES:-100}
per=${BENCH_PER_PROCESS:-1000}
runs=${BENCH_RUNS:-5}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/perechen-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8 PERECHEN_SHARE="$share"
unset PERECHEN_DB

for tool in hyperfine script; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "bench: $tool is required" >&2
		exit 1
	}
done

total=$((procs * per))
echo "Generating $procs processes x $per touchpoints = $total touchpoints"
sh "$here/gen-list.sh" "$procs" "$per" > "$tmp/large.tsv"
"$bin" -d "$tmp/small.db" import --quiet "$share/examples/smolensk-promtorg.tsv"
"$bin" -d "$tmp/large.db" import --quiet "$tmp/large.tsv"

hyperfine --runs 3 --export-markdown "$tmp/io.md" \
	--prepare "rm -f '$tmp/imp.db' '$tmp/imp.db-wal' '$tmp/imp.db-shm'" \
	-n "import $total" "'$bin' -d '$tmp/imp.db' import --quiet '$tmp/large.tsv'" \
	-n "export $total (txt)" "'$bin' -d '$tmp/large.db' export -o /dev/null" \
	-n "export $total (csv)" "'$bin' -d '$tmp/large.db' export --format csv -o /dev/null"

# first_frame DB: the editor, on a terminal of 120x40, until its first frame.
first_frame() {
	printf "script -qec \"env TERM=xterm-256color COLUMNS=120 LINES=40 \
PERECHEN_EXIT_AFTER_FIRST_FRAME=1 '%s' -d '%s'\" /dev/null" "$bin" "$1"
}
hyperfine --warmup 2 --runs "$runs" --export-markdown "$tmp/frame.md" \
	-n "first frame, 19 touchpoints" "$(first_frame "$tmp/small.db")" \
	-n "first frame, $total touchpoints" "$(first_frame "$tmp/large.db")"

# The reminder in the header compares the list with its latest revision:
# approved, with a change since, both lists still open alike, and status
# takes as long for either.
for db in small large; do
	"$bin" -d "$tmp/$db.db" approve --order 1 --date "$(date +%d.%m.%Y)" \
	    --confirm-errors --confirm-unreviewed >/dev/null
	"$bin" -d "$tmp/$db.db" tp exclude 1.1 --reason bench >/dev/null
done
hyperfine --warmup 2 --runs "$runs" --export-markdown "$tmp/status.md" \
	-i -n "status, 19 touchpoints" "'$bin' -d '$tmp/small.db' status" \
	-n "status, $total touchpoints" "'$bin' -d '$tmp/large.db' status" \
	-n "first frame, approved, 19" "$(first_frame "$tmp/small.db")" \
	-n "first frame, approved, $total" "$(first_frame "$tmp/large.db")"

# Peak memory of the first frame: the list is not loaded.
if [ -x /usr/bin/time ]; then
	for db in small large; do
		/usr/bin/time -f "first frame, $db list: %M kB peak resident" \
			sh -c "$(first_frame "$tmp/$db.db") >/dev/null" 2>&1 |
			grep "peak resident"
	done
fi
# Search: the needle only the list's last touchpoints hold ("100.995" of
# the default 100 x 1,000), as the editor searches from its first row.
search_bin=$(dirname "$bin")/bench/search
if [ -x "$search_bin" ]; then
	echo "| search | median (min–max) of $runs |" > "$tmp/search.md"
	echo "|---|---|" >> "$tmp/search.md"
	"$search_bin" "$tmp/large.db" "$procs.$((per - 5))" "$runs" \
	    >> "$tmp/search.md"
fi
echo
cat "$tmp/io.md" "$tmp/frame.md" "$tmp/status.md"
[ ! -f "$tmp/search.md" ] || { echo; cat "$tmp/search.md"; }
